"""The communication log on a phone: one card per message, every field labelled as in the table's
header and inside the screen, nothing to scroll sideways; a wide screen keeps the table."""

from __future__ import annotations

import json

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOG_KEY = "prematch-kb:communication-log"
ENTRIES = [
    {"program": "Lakeside Pediatrics Residency Program at Northshore University Hospital", "date": "2027-01-20",
     "direction": "received", "kind": "other", "first_choice_claim": False,
     "note": "Asked how I will rank them; I said I keep my list private and thanked them for the day."},
    {"program": "Riverside Medical Center", "date": "2027-01-10", "direction": "sent", "kind": "first-choice",
     "first_choice_claim": True, "note": ""},
]


def open_log(browser, site_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=width < 600)
    page = context.new_page()
    page.goto(site_url + "log/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [LOG_KEY, json.dumps({"schema": "prematch-kb/communication-log", "version": 1, "entries": ENTRIES})])
    page.reload()
    page.wait_for_selector(".pmkb-log__table:not([hidden]) tbody tr", timeout=20_000)
    return context, page


def test_on_a_phone_each_message_is_a_labelled_card_inside_the_screen(browser, site_url):
    context, page = open_log(browser, site_url, 390, 844)
    try:
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        rows = page.locator(".pmkb-log__table tbody tr")
        assert rows.count() == len(ENTRIES)
        headers = page.eval_on_selector_all(".pmkb-log__table thead th", "ths => ths.map(th => th.textContent.trim())")
        for i in range(rows.count()):
            row = rows.nth(i)
            assert row.evaluate("tr => getComputedStyle(tr).display") == "block"
            box = row.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
            cells = row.locator("td")
            for c in range(cells.count()):
                cell = cells.nth(c)
                label = cell.evaluate("td => getComputedStyle(td, '::before').content").strip('"')
                if c < len(headers) - 1:  # the last column holds the actions, labelled for screen readers only
                    assert label == headers[c], (c, label, headers)
                if cell.is_visible():
                    cell_box = cell.bounding_box()
                    assert cell_box["x"] + cell_box["width"] <= 390, (c, cell_box)
        # Empty fields (no note, no first-choice claim) leave no empty line.
        riverside = rows.filter(has_text="Riverside Medical Center")
        assert not riverside.locator("td:nth-child(6)").is_visible()
        lakeside = rows.filter(has_text="Lakeside")
        assert not lakeside.locator("td:nth-child(5)").is_visible()
        assert lakeside.locator("td:nth-child(6)").is_visible()
    finally:
        context.close()


def test_on_a_wide_screen_the_log_stays_a_table(browser, site_url):
    context, page = open_log(browser, site_url, 1280, 800)
    try:
        assert page.locator(".pmkb-log__table tbody tr").first.evaluate("tr => getComputedStyle(tr).display") == "table-row"
        assert page.locator(".pmkb-log__table thead").is_visible()
    finally:
        context.close()
