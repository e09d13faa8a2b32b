"""Two tabs on one communication log: a change made in one tab while the other waits on its
confirmation dialog is never lost, and each dialog counts what it will really change."""

from __future__ import annotations

import json

import pytest

from .test_log_page import STORAGE_KEY, add, open_log

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def programs(page) -> list[str]:
    data = json.loads(page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')"))
    return sorted(entry["program"] for entry in data["entries"])


@pytest.fixture
def tabs(context, site_url):
    first, second = context.new_page(), context.new_page()
    open_log(first, site_url)
    add(first, "Lakeshore General", "2026-12-03", "sent", "thank-you")
    add(first, "Hillcrest Children's", "2026-12-04", "sent", "update")
    open_log(second, site_url)
    return first, second


def while_dialog_is_open(page, action, accept: bool = True) -> list[str]:
    """Run `action` (in the other tab) while `page` shows its confirmation dialog."""
    messages = []

    def handle(dialog):
        messages.append(dialog.message)
        action()
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", handle)
    return messages


def test_clear_keeps_an_entry_added_in_another_tab_during_its_dialog(tabs):
    """Before: Clear wrote back an empty log after its dialog and erased the new entry."""
    first, second = tabs
    messages = while_dialog_is_open(first, lambda: add(second, "Riverside Medical", "2026-12-05", "sent", "interest"))
    first.click('[data-action="clear"]')
    first.wait_for_selector('#pmkb-log[data-count="1"]', state="attached")
    assert "Delete all 2 messages" in messages[0]  # what it deletes: the new entry is not counted
    assert programs(first) == ["Riverside Medical"]
    assert "1 added in another tab meanwhile was kept" in first.inner_text(".pmkb-log__status")


def test_delete_removes_only_its_entry_and_keeps_the_other_tab_s(tabs):
    first, second = tabs
    while_dialog_is_open(first, lambda: add(second, "Riverside Medical", "2026-12-05", "sent", "interest"))
    first.click('.pmkb-log__table tbody tr[data-program="Lakeshore General"] .pmkb-log__delete')
    first.wait_for_selector('.pmkb-log__table tbody tr[data-program="Lakeshore General"]', state="detached")
    first.wait_for_selector('#pmkb-log[data-count="2"]', state="attached")
    assert programs(first) == ["Hillcrest Children's", "Riverside Medical"]


def test_import_keeps_an_entry_added_in_another_tab_during_its_dialog(tabs, tmp_path):
    first, second = tabs
    upload = tmp_path / "log.csv"
    upload.write_text("program,date,direction,kind\nImported Program,2026-11-01,sent,interest\n")
    messages = while_dialog_is_open(first, lambda: add(second, "Riverside Medical", "2026-12-05", "sent", "interest"))
    first.set_input_files('[data-action="import"]', str(upload))
    first.wait_for_function("() => document.querySelector('.pmkb-log__status').textContent.startsWith('Imported')")
    assert "Replace the 2 messages in this browser with the 1 in log.csv" in messages[0]
    assert programs(first) == ["Imported Program", "Riverside Medical"]
    assert "1 message added in another tab meanwhile was kept" in first.inner_text(".pmkb-log__status")


def test_blocked_storage_leaves_export_import_and_clear_visibly_unavailable(browser, site_url):
    """Before: the three looked active although there was nothing they could do."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});")
    page.goto(f"{site_url}log/")
    page.wait_for_selector("#pmkb-log[data-state=error]", state="attached")
    for selector in ('[data-action="export-csv"]', '[data-action="export-json"]', '[data-action="clear"]',
                     '[data-action="import"]'):
        assert page.is_disabled(selector), selector
    label = page.locator("label.pmkb-log__import")
    assert label.get_attribute("aria-disabled") == "true"
    assert float(label.evaluate("l => getComputedStyle(l).opacity")) < 0.6
    context.close()
