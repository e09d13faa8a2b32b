"""Editing a logged message: Edit fills the form, Save changes replaces that message in place (its
note may run over several lines, kept as written), Cancel leaves it alone, and a message another
tab changed meanwhile is never overwritten. On a desktop and on a phone, where the log is cards."""

from __future__ import annotations

import json

import pytest

from prematch_kb.checker.commlog import CommunicationLog

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOG_KEY = "prematch-kb:communication-log"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
ENTRIES = [
    {"program": "Lakeside Pediatrics", "date": "2027-01-20", "direction": "received", "kind": "other",
     "first_choice_claim": False, "note": "Asked how I will rank them."},
    {"program": "Riverside Medical Center", "date": "2027-01-10", "direction": "sent", "kind": "thank-you",
     "first_choice_claim": False, "note": ""},
]
QUOTE = 'Dr. Hale wrote, word for word:\n"Where will we be on your rank list?"\nI did not answer.'


def stored(page) -> list[dict]:
    return json.loads(page.evaluate(f"() => localStorage.getItem('{LOG_KEY}')"))["entries"]


@pytest.fixture(params=sorted(SIZES))
def log_page(request, browser, site_url):
    phone = request.param == "phone"
    context = browser.new_context(viewport=SIZES[request.param], is_mobile=phone, has_touch=phone)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "log/")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [LOG_KEY, json.dumps({"schema": "prematch-kb/communication-log", "version": 1, "entries": ENTRIES})])
    page.reload()
    page.wait_for_selector('#pmkb-log[data-state=ready][data-count="2"]', state="attached", timeout=20_000)
    yield page
    context.close()
    assert not errors, errors


def row(page, program: str):
    return page.locator(".pmkb-log__table tbody tr", has_text=program)


def test_edit_replaces_the_message_in_place_with_a_note_on_several_lines(log_page):
    page = log_page
    edit = row(page, "Lakeside Pediatrics").get_by_role("button", name="Edit the 2027-01-20 message, Lakeside Pediatrics")
    box = edit.bounding_box()
    assert box is not None and box["x"] + box["width"] <= page.viewport_size["width"]
    edit.click()
    form = page.locator("#pmkb-log-form")
    assert page.locator("#pmkb-log-add").inner_text() == "Edit a message"
    assert form.locator('[name="program"]').input_value() == "Lakeside Pediatrics"
    assert form.locator('[name="note"]').input_value() == "Asked how I will rank them."
    assert form.locator('[name="direction"]').input_value() == "received"
    form.locator('[name="note"]').fill(QUOTE)
    form.get_by_role("button", name="Save changes").click()
    page.wait_for_selector("#pmkb-log:not([data-editing])", state="attached")
    assert page.get_attribute("#pmkb-log", "data-count") == "2"  # replaced, not added
    saved = stored(page)
    assert [e["program"] for e in saved] == ["Lakeside Pediatrics", "Riverside Medical Center"]  # same place
    assert saved[0]["note"] == QUOTE and saved[0]["date"] == "2027-01-20"
    assert saved[1] == {**ENTRIES[1], "quote": ""}  # written back in the current version
    assert "Saved:" in page.locator(".pmkb-log__status").inner_text()
    # The note keeps its lines on the page, and in the file the checker's Python module reads.
    note = row(page, "Lakeside Pediatrics").locator("td.pmkb-log__note-cell")
    assert note.inner_text().strip().splitlines()[-2:] == QUOTE.splitlines()[-2:]
    assert CommunicationLog.from_json(page.evaluate(f"() => localStorage.getItem('{LOG_KEY}')")).entries[0].note == QUOTE
    # The form is back to adding, and the edit survives a reload.
    assert page.locator("#pmkb-log-add").inner_text() == "Add a message"
    assert form.locator('[name="program"]').input_value() == ""
    page.reload()
    page.wait_for_selector('#pmkb-log[data-state=ready][data-count="2"]', state="attached")
    assert stored(page)[0]["note"] == QUOTE
    assert page.evaluate("() => document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_a_new_message_takes_a_note_on_several_lines(log_page):
    page = log_page
    form = page.locator("#pmkb-log-form")
    form.locator('[name="program"]').fill("Hillcrest Children's")
    form.locator('[name="date"]').fill("2027-01-25")
    form.locator('[name="direction"]').select_option("received")
    form.locator('[name="note"]').fill(QUOTE)
    form.get_by_role("button", name="Add to the log").click()
    page.wait_for_selector('#pmkb-log[data-count="3"]', state="attached")
    assert stored(page)[2]["note"] == QUOTE


def test_cancel_leaves_the_message_unchanged(log_page):
    page = log_page
    row(page, "Riverside Medical Center").get_by_role("button", name="Edit the 2027-01-10 message, Riverside Medical Center").click()
    form = page.locator("#pmkb-log-form")
    form.locator('[name="note"]').fill("changed my mind")
    form.get_by_role("button", name="Cancel").click()
    assert stored(page) == ENTRIES
    assert page.locator("#pmkb-log-add").inner_text() == "Add a message"
    assert form.locator('[name="note"]').input_value() == ""
    assert not form.get_by_role("button", name="Cancel").is_visible()


def test_a_message_changed_in_another_tab_meanwhile_is_not_overwritten(log_page):
    page = log_page
    row(page, "Lakeside Pediatrics").get_by_role("button", name="Edit the 2027-01-20 message, Lakeside Pediatrics").click()
    page.locator('#pmkb-log-form [name="note"]').fill("my version")
    # Another tab deletes the message while this one edits it.
    other = [ENTRIES[1]]
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [LOG_KEY, json.dumps({"schema": "prematch-kb/communication-log", "version": 1, "entries": other})])
    page.get_by_role("button", name="Save changes").click()
    error = page.locator(".pmkb-log__form-error")
    error.wait_for(state="visible")
    assert "changed or deleted in another tab" in error.inner_text()
    assert stored(page) == [{**entry, "quote": ""} for entry in other]  # the other tab's, in the current version
    assert page.locator('#pmkb-log-form [name="note"]').input_value() == "my version"  # nothing typed is lost
