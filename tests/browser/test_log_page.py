"""The communication log page in Chromium: local storage, export/import, corrupt data. Drafts are
reviewed against the log on the checker page (test_log_checker.py), never here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from prematch_kb.checker.commlog import CommunicationLog, LogEntry

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STORAGE_KEY = "prematch-kb:communication-log"


def open_log(page, site_url: str) -> None:
    page.goto(f"{site_url}log/")
    page.wait_for_selector("#pmkb-log[data-state=ready]", state="attached", timeout=20_000)


def add(page, program: str, day: str, direction: str, kind: str, first_choice: bool = False, note: str = "") -> None:
    count = int(page.get_attribute("#pmkb-log", "data-count"))
    page.fill('#pmkb-log-form input[name="program"]', program)
    page.fill('#pmkb-log-form input[name="date"]', day)
    page.select_option('#pmkb-log-form select[name="direction"]', direction)
    page.select_option('#pmkb-log-form select[name="kind"]', kind)
    page.set_checked('#pmkb-log-form input[name="first_choice_claim"]', first_choice)
    page.fill('#pmkb-log-form [name="note"]', note)
    page.click('#pmkb-log-form button[type="submit"]')
    page.wait_for_selector(f'#pmkb-log[data-count="{count + 1}"]', state="attached")


def stored(page):
    return page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')")


def test_logged_messages_survive_a_reload(page, site_url):
    open_log(page, site_url)
    add(page, "Lakeshore General", "2026-12-03", "sent", "thank-you", note="Thanked Dr. Reyes")
    add(page, "Hillcrest Children's", "2026-12-10", "received", "other", note="Asked about visas")
    page.reload()
    page.wait_for_selector("#pmkb-log[data-state=ready]", state="attached")
    rows = page.eval_on_selector_all(".pmkb-log__table tbody tr", "rows => rows.map(r => r.dataset.program)")
    assert rows == ["Lakeshore General", "Hillcrest Children's"]
    saved = CommunicationLog.from_json(stored(page))  # the stored shape is the Python module's JSON
    assert saved.entries[0] == LogEntry("Lakeshore General", date(2026, 12, 3), "sent", "thank-you", False,
                                        "Thanked Dr. Reyes")


def test_the_page_stays_light_and_leaves_the_review_to_the_checker(page, context, site_url):
    """The log page computes no findings of its own (the checker runs the Python review, see
    test_log_checker.py) and loads neither Pyodide nor the checker's worker."""
    open_log(page, site_url)
    add(page, "Lakeshore General", "2027-01-20", "sent", "first-choice", first_choice=True)
    add(page, "Riverside Medical Center", "2027-01-25", "sent", "first-choice", first_choice=True)
    add(page, "Riverside Medical Center", "2027-01-26", "sent", "first-choice", first_choice=True)
    page.reload()
    page.wait_for_selector('#pmkb-log[data-count="3"]', state="attached")
    page.wait_for_load_state("load")
    assert page.locator("#pmkb-log [data-category]").count() == 0
    assert page.evaluate("() => 'review' in window.pmkbCommLog || 'CADENCE' in window.pmkbCommLog") is False
    review = page.inner_text(".pmkb-log__review")
    assert "email checker" in review and "I sent this" in review
    assert page.get_attribute('.pmkb-log__review a[data-action="open-checker"]', "href") == "../checker/"
    heavy = [url for url in context.request_log.urls  # the runtime lives under checker/runtime/
             if "/checker/" in url or "pyodide" in url or url.endswith((".whl", ".wasm", "worker.mjs"))]
    assert heavy == []


def test_export_then_import_gives_the_same_log(page, site_url, tmp_path):
    open_log(page, site_url)
    add(page, 'Lakeshore "LGH", Medicine', "2026-12-03", "sent", "thank-you", note="Line, with comma")
    add(page, "Riverside", "2027-01-25", "sent", "first-choice", first_choice=True)
    add(page, "Hillcrest", "2026-12-10", "received", "other")
    before = json.loads(stored(page))
    exported = {}
    for fmt in ("csv", "json"):
        with page.expect_download() as info:
            page.click(f'[data-action="export-{fmt}"]')
        path = tmp_path / f"log.{fmt}"
        info.value.save_as(path)
        exported[fmt] = path
    # The files are the Python module's formats, with the same entries.
    from_csv = CommunicationLog.from_csv(exported["csv"].read_text(encoding="utf-8"))
    from_json = CommunicationLog.from_json(exported["json"].read_text(encoding="utf-8"))
    assert from_csv == from_json == CommunicationLog.from_dict(before)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-action="clear"]')
    page.wait_for_selector('#pmkb-log[data-count="0"]', state="attached")
    for fmt in ("csv", "json"):
        page.on("dialog", lambda dialog: dialog.accept())
        page.set_input_files('input[data-action="import"]', str(exported[fmt]))
        page.wait_for_selector('#pmkb-log[data-count="3"]', state="attached")
        assert json.loads(stored(page)) == before, fmt


def test_a_foreign_file_is_refused_and_the_log_unchanged(page, site_url, tmp_path):
    open_log(page, site_url)
    add(page, "Lakeshore General", "2026-12-03", "sent", "thank-you")
    before = stored(page)
    foreign = tmp_path / "contacts.csv"
    foreign.write_text("Name,Email\nAda,ada@example.org\n")
    page.set_input_files('input[data-action="import"]', str(foreign))
    page.wait_for_selector("#pmkb-log[data-import-error]", state="attached")
    status = page.inner_text(".pmkb-log__status")
    assert "contacts.csv was not imported" in status and "missing columns program, date, direction, kind" in status
    broken = tmp_path / "broken.csv"
    broken.write_text("program,date,direction,kind\nA,2026-12-01,sent,update\nB,03/12/2026,sent,update\n")
    page.set_input_files('input[data-action="import"]', str(broken))
    page.wait_for_function("() => document.querySelector('.pmkb-log__status').textContent.includes('broken.csv')")
    assert "CSV row 3, column date" in page.inner_text(".pmkb-log__status")
    assert stored(page) == before


def test_corrupt_storage_is_reported_and_kept(page, site_url):
    open_log(page, site_url)
    raw = '{"schema": "prematch-kb/communication-log", "version": 1, "entries": [{"program": "A", "date": "soon"'
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [STORAGE_KEY, raw])
    page.reload()
    page.wait_for_selector("#pmkb-log[data-storage=corrupt]", state="attached")
    alert = page.inner_text(".pmkb-log__storage-error")
    assert "could not be read" in alert and "not valid JSON" in alert
    # Adding is refused rather than overwriting what was saved.
    page.fill('#pmkb-log-form input[name="program"]', "B")
    page.click('#pmkb-log-form button[type="submit"]')
    assert page.is_visible(".pmkb-log__form-error")
    assert stored(page) == raw
    with page.expect_download() as info:
        page.click('[data-action="download-raw"]')
    assert Path(info.value.path()).read_text(encoding="utf-8") == raw
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click('[data-action="discard-raw"]')
    assert stored(page) == raw
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-action="discard-raw"]')
    page.wait_for_selector("#pmkb-log[data-storage=ok]", state="attached")
    assert json.loads(stored(page))["entries"] == []


def test_foreign_data_in_storage_is_reported(page, site_url):
    open_log(page, site_url)
    page.evaluate("([key]) => localStorage.setItem(key, JSON.stringify({todo: ['milk']}))", [STORAGE_KEY])
    page.reload()
    page.wait_for_selector("#pmkb-log[data-storage=corrupt]", state="attached")
    assert "not a communication log" in page.inner_text(".pmkb-log__storage-error")


def test_clearing_asks_first(page, site_url):
    open_log(page, site_url)
    add(page, "Lakeshore General", "2026-12-03", "sent", "thank-you")
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    page.click('[data-action="clear"]')
    assert messages and "Delete all 1 message from" in messages[0]
    assert page.get_attribute("#pmkb-log", "data-count") == "1"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-action="clear"]')
    page.wait_for_selector('#pmkb-log[data-count="0"]', state="attached")


def test_visitor_text_is_never_html(page, site_url):
    open_log(page, site_url)
    add(page, "<img src=x onerror=alert(1)>", "2026-12-03", "sent", "other", note="<b>bold</b>")
    assert page.locator(".pmkb-log__table img, .pmkb-log__table b").count() == 0
