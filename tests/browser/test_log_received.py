"""A program's message in the log: "I received this" on the checker logs it with the kind its
findings show and its exact words; the words show on the log's cards on a phone, and CSV and JSON
exports keep them through an import, readable by the Python module."""

from __future__ import annotations

import json

import pytest

from prematch_kb.checker.commlog import CommunicationLog

from .pages import check_text, wait_checked, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STORAGE_KEY = "prematch-kb:communication-log"
PHONE = {"width": 390, "height": 844}
RANK_QUESTION = ("Dear Dr. Obi,\n\nIt was a pleasure to meet you. Where will you rank our program?\n\n"
                 "Warm regards,\nDr. Reyes")
COMMITMENT = "Dear Dr. Obi,\n\nPlease confirm that you will rank us first, and we will rank you to match.\n\nDr. Reyes"
OFFER = "Dear Dr. Obi,\n\nWe can offer you a position now if you sign before the Match.\n\nDr. Reyes"
INVITATION = "Dear Dr. Obi,\n\nWe are pleased to invite you to interview on December 3.\n\nDr. Reyes"


def log_entries(page) -> list[dict]:
    raw = page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')")
    return json.loads(raw)["entries"] if raw else []


def receive(page, site_url: str, text: str, program: str, kind: str | None = None) -> dict:
    """Check a program's message on the checker page and log it with "I received this"."""
    page.goto(site_url + "checker/")
    wait_ready(page)
    wait_checked(page)
    check_text(page, text, mode="received")
    page.evaluate("() => { document.querySelector('.pmkb-checker__context').open = true; }")
    page.fill('input[name="program_name"]', program)
    wait_checked(page)
    if kind:
        page.select_option('select[name="log_kind"]', kind)
        wait_checked(page)
    count = len(log_entries(page))
    page.click('[data-action="log-sent"]')
    page.wait_for_selector(f'#pmkb-checker[data-log-count="{count + 1}"]', state="attached")
    return log_entries(page)[-1]


@pytest.mark.parametrize(("text", "category", "kind"), [
    (RANK_QUESTION, "program-rank-inquiry", "rank-question"),
    (COMMITMENT, "program-commitment-request", "commitment-request"),
    (OFFER, "program-outside-match-offer", "outside-offer"),
    (INVITATION, None, "other"),
])
def test_i_received_this_logs_the_kind_its_findings_show_and_the_exact_words(page, site_url, text, category, kind):
    entry = receive(page, site_url, text, "Lakeside Pediatrics")
    shown = page.eval_on_selector_all(".pmkb-finding", "els => els.map(e => e.dataset.category)")
    assert (category in shown) if category else shown == []
    assert entry["direction"] == "received" and entry["kind"] == kind
    assert entry["quote"] == text  # word for word, every line
    assert entry["first_choice_claim"] is False
    status = page.inner_text(".pmkb-checker__log-status")
    assert "Logged:" in status and "exact words" in status
    # The same entry read by the Python module, as `prematch-kb check --log` would.
    [saved] = CommunicationLog.from_json(page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')")).entries
    assert saved.kind == kind and saved.quote == text


def test_the_menu_offers_a_programs_kinds_when_a_message_was_received(page, site_url):
    page.goto(site_url + "checker/")
    wait_ready(page)
    wait_checked(page)
    options = lambda: page.eval_on_selector_all('select[name="log_kind"] option', "os => os.map(o => o.value)")  # noqa: E731
    assert "rank-question" not in options() and "thank-you" in options()
    entry = receive(page, site_url, INVITATION, "Northshore", kind="invitation")
    assert "invitation" in options() and "thank-you" not in options()
    assert entry["kind"] == "invitation" and entry["quote"] == INVITATION


def test_the_exact_words_show_on_the_logs_card_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        entry = receive(page, site_url, RANK_QUESTION, "Lakeside Pediatrics")
        assert entry["kind"] == "rank-question"
        page.goto(site_url + "log/")
        page.wait_for_selector('#pmkb-log[data-state=ready][data-count="1"]', state="attached", timeout=20_000)
        card = page.locator(".pmkb-log__table tbody tr", has_text="Lakeside Pediatrics")
        assert card.evaluate("tr => getComputedStyle(tr).display") == "block"
        assert "Asked how I will rank" in card.locator("td:nth-child(4)").inner_text()
        quote = card.locator("td.pmkb-log__quote-cell")
        assert quote.is_visible()
        assert quote.evaluate("td => getComputedStyle(td, '::before').content") == '"Exact words"'
        shown = quote.locator("blockquote").inner_text()
        assert shown.splitlines() == RANK_QUESTION.splitlines()  # every line, as written
        box = quote.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()
    assert not errors, errors


def test_the_exact_words_survive_csv_and_json_export_and_import(page, site_url, tmp_path):
    quote = 'Dear Dr. Obi,\n\n=Where will you rank us, "honestly"?\n\n- Dr. Reyes'
    page.goto(f"{site_url}log/")
    page.wait_for_selector("#pmkb-log[data-state=ready]", state="attached", timeout=20_000)
    form = page.locator("#pmkb-log-form")
    form.locator('[name="program"]').fill("Lakeside, Pediatrics")
    form.locator('[name="date"]').fill("2027-01-08")
    form.locator('[name="kind"]').select_option("rank-question")
    assert form.locator('[name="direction"]').input_value() == "received"  # only a program sends it
    form.locator('[name="quote"]').fill(quote)
    form.get_by_role("button", name="Add to the log").click()
    page.wait_for_selector('#pmkb-log[data-count="1"]', state="attached")
    before = json.loads(page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')"))
    assert before["version"] == 2 and before["entries"][0]["quote"] == quote
    exported = {}
    for fmt in ("csv", "json"):
        with page.expect_download() as info:
            page.click(f'[data-action="export-{fmt}"]')
        exported[fmt] = tmp_path / f"log.{fmt}"
        info.value.save_as(exported[fmt])
    csv_text = exported["csv"].read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].endswith(",quote")
    readers = {"csv": CommunicationLog.from_csv, "json": CommunicationLog.from_json}
    for fmt, path in exported.items():  # the files the Python module (and `prematch-kb check --log`) reads
        [entry] = readers[fmt](path.read_text(encoding="utf-8")).entries
        assert (entry.kind, entry.direction, entry.quote) == ("rank-question", "received", quote), fmt
    page.on("dialog", lambda dialog: dialog.accept())
    for fmt in ("csv", "json"):
        page.click('[data-action="clear"]')
        page.wait_for_selector('#pmkb-log[data-count="0"]', state="attached")
        page.set_input_files('input[data-action="import"]', str(exported[fmt]))
        page.wait_for_selector('#pmkb-log[data-count="1"]', state="attached")
        assert json.loads(page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')")) == before, fmt
        shown = page.locator(".pmkb-log__table tbody tr td.pmkb-log__quote-cell blockquote").inner_text()
        assert shown.splitlines() == quote.splitlines(), fmt


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_log_with_exact_words_meets_wcag_on_a_phone(browser, site_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    entries = [{"program": "Lakeside Pediatrics", "date": "2027-01-08", "direction": "received",
                "kind": "rank-question", "first_choice_claim": False, "note": "After the interview",
                "quote": RANK_QUESTION}]
    context = browser.new_context(viewport=PHONE, is_mobile=True, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(site_url + "log/")
        page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                      [STORAGE_KEY, json.dumps({"schema": "prematch-kb/communication-log", "version": 2,
                                                "entries": entries})])
        page.reload()
        page.wait_for_selector('#pmkb-log[data-state=ready][data-count="1"]', state="attached", timeout=20_000)
        result = Axe().run(page, context="#pmkb-log", options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            "resultTypes": ["violations"]})
        violations = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result.response["violations"]]
        assert violations == []
    finally:
        context.close()
