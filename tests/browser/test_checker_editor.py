"""The checker page as an editor: text first, findings beside it, marks and cards linked, one-click
fixes, honest verdicts and readable marks, on a desktop and on a phone, in light and dark."""

from __future__ import annotations

import json

import pytest

from prematch_kb.checker import check

from .pages import check_text, rendered_findings, wait_checked, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

MIXED = (
    "Dear Dr. [Last Name],\n\nThank you for the interview at [Program Name]. I will rank you first. Your program "
    "is my first choice and I will rank it number one.\n\nhey, any news on my application?? lol\n\n[Your Name]"
)
CLEAN_DRAFT = (
    "Dear Dr. Okafor,\n\nThank you for the interview on Monday. I enjoyed meeting the residents.\n\n"
    "Kind regards,\nAna Ruiz\nAAMC ID 12345678"
)
CLEAN_RECEIVED = (
    "Dear Dr. Fofana,\n\nThank you for interviewing with us. We enjoyed meeting you and wish you well in the Match.\n\n"
    "Dr. Hale"
)
FIRST_CHOICE = "Dear Dr. Grant,\n\nThank you for the interview. I will rank you first.\n\nSincerely,\nAna Ruiz\nAAMC ID 12345678"
RANK_QUESTION = "Dear applicant,\n\nWhere will you rank our program? Please tell us before Friday.\n\nDr. Reyes"
# A long email whose only finding is at its very end, far below the first screen.
LONG_TAIL = (
    "Dear Dr. Grant,\n\n"
    + "I enjoyed meeting the residents and learning about the clinics.\n" * 70
    + "\nI will rank you first.\n\nSincerely,\nAna Ruiz\nAAMC ID 12345678"
)


@pytest.fixture
def open_page(browser, site_url):
    """open_page(device, scheme="light", ready=True) -> a checker page in a fresh context."""
    contexts = []

    def opener(device, scheme="light", ready=True, permissions=()):
        context = browser.new_context(**device, color_scheme=scheme)
        if permissions:
            context.grant_permissions(list(permissions), origin=site_url.rstrip("/"))
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.page_errors = errors
        page.goto(site_url + "checker/")
        if ready:
            wait_ready(page)
            wait_checked(page)
        return page

    yield opener
    for context in contexts:
        for page in context.pages:
            assert not page.page_errors, page.page_errors
        context.close()


def box(page, selector):
    found = page.locator(selector).first.bounding_box()
    assert found, f"{selector} is not displayed"
    return found


def in_viewport(page, selector) -> bool:
    found = page.locator(selector).first.bounding_box()
    size = page.viewport_size
    return bool(found) and found["y"] >= -1 and found["y"] + found["height"] <= size["height"] + 1 and found["x"] >= 0


def click_mark(page, category, nth=0):
    """Click in the text area where a finding of `category` is marked, as a reader would."""
    mark = page.locator(f'.pmkb-editor__highlights mark[data-category="{category}"]').nth(nth)
    mark.scroll_into_view_if_needed()
    found = mark.bounding_box()
    page.mouse.click(found["x"] + min(4, found["width"] / 2), found["y"] + found["height"] / 2)


def active_card(page):
    return page.locator(".pmkb-finding.pmkb-finding--active")


# --- 1. editor first ---------------------------------------------------------------------------


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_text_box_and_mode_switch_open_the_page(open_page, device):
    page = open_page(device, ready=False)
    height = page.viewport_size["height"]
    text = box(page, "#pmkb-text")
    mode = box(page, ".pmkb-checker__mode")
    # The box starts in the upper half of the first screen and the mode switch above it.
    assert text["y"] < height * 0.5, text
    assert mode["y"] + mode["height"] <= text["y"] and mode["y"] > 0
    # The status sits next to the box: on the line just above it.
    status = box(page, ".pmkb-checker__status")
    assert 0 <= text["y"] - (status["y"] + status["height"]) < 40, (status, text)
    # The page's own explanation is folded below the checker.
    about = page.locator("details.pmkb-checker__about")
    assert about.count() == 1 and about.get_attribute("open") is None
    assert box(page, "details.pmkb-checker__about")["y"] > text["y"] + text["height"]
    assert "never leaves this device" in page.eval_on_selector("details.pmkb-checker__about", "d => d.textContent")
    # Typing works at once, while the runtime may still be loading.
    page.fill("#pmkb-text", "Dear Dr. Ames, I will rank you first.")
    assert page.input_value("#pmkb-text").startswith("Dear Dr. Ames")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


def test_desktop_findings_sit_beside_the_text(open_page):
    page = open_page(DESKTOP)
    check_text(page, MIXED)
    text = box(page, "#pmkb-text")
    panel = box(page, ".pmkb-panel")
    assert panel["x"] >= text["x"] + text["width"], (text, panel)
    assert panel["y"] < 400, "the findings start beside the top of the text"
    assert page.locator(".pmkb-finding").first.is_visible()
    # Beside a long text, the panel stays in view while the page scrolls.
    check_text(page, LONG_TAIL)
    page.evaluate("window.scrollTo(0, 1200)")
    assert page.evaluate("window.scrollY") >= 1000
    assert 0 <= box(page, ".pmkb-panel")["y"] < 200


def test_phone_findings_are_a_bottom_sheet(open_page):
    page = open_page(PHONE)
    check_text(page, MIXED)
    size = page.viewport_size
    panel = box(page, ".pmkb-panel")
    assert abs(panel["y"] + panel["height"] - size["height"]) <= 1, "the sheet sits at the bottom"
    assert panel["height"] < size["height"] * 0.2, "closed, the sheet is a bar"
    assert "error" in page.inner_text(".pmkb-panel__head")
    assert not page.locator(".pmkb-finding").first.is_visible()
    page.click(".pmkb-panel__toggle")
    assert page.get_attribute(".pmkb-panel__toggle", "aria-expanded") == "true"
    assert page.locator(".pmkb-finding").first.is_visible()
    assert box(page, ".pmkb-panel")["height"] <= size["height"] * 0.7
    # Escape folds it away again, and so does a tap in plain text.
    page.locator(".pmkb-finding").first.focus()
    page.keyboard.press("Escape")
    assert page.get_attribute(".pmkb-panel", "data-open") == "false"
    click_mark(page, "placeholder")
    assert page.get_attribute(".pmkb-panel", "data-open") == "true"
    first_mark = '.pmkb-editor__highlights mark[data-category="placeholder"]'
    page.evaluate(f"window.scrollBy(0, document.querySelector('{first_mark}').getBoundingClientRect().top - 100)")
    text, mark = box(page, "#pmkb-text"), box(page, first_mark)
    assert mark["y"] + mark["height"] < box(page, ".pmkb-panel")["y"], "the line is above the open sheet"
    page.mouse.click(text["x"] + text["width"] - 10, mark["y"] + mark["height"] / 2)  # the end of the greeting line
    assert page.get_attribute(".pmkb-panel", "data-open") == "false"


# --- 2. marks and cards ------------------------------------------------------------------------


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_clicking_a_mark_opens_its_card(open_page, device):
    page = open_page(device)
    check_text(page, MIXED)
    click_mark(page, "informal-tone", nth=1)  # "lol": its card is far down the list
    card = active_card(page)
    assert card.count() == 1 and card.get_attribute("data-category") == "informal-tone"
    page.wait_for_timeout(100)
    assert in_viewport(page, ".pmkb-finding.pmkb-finding--active"), box(page, ".pmkb-finding--active")
    assert page.get_attribute(".pmkb-panel", "data-open") == "true"
    # The mark itself shows which one is open, and typing still goes to the text.
    assert page.locator(".pmkb-editor__highlights mark.pmkb-mark--active").count() >= 1
    assert page.evaluate("document.activeElement.id") == "pmkb-text"
    if device is DESKTOP:
        # From the keyboard: moving the caret into a mark opens its card too.
        start = check(MIXED).findings[0].start_utf16  # "[Last Name]"
        page.evaluate(f"document.getElementById('pmkb-text').setSelectionRange({start}, {start})")
        page.keyboard.press("ArrowRight")
        assert active_card(page).get_attribute("data-category") == "placeholder"


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_card_scrolls_the_text_to_its_mark(open_page, device):
    page = open_page(device)
    check_text(page, LONG_TAIL)
    mark = '.pmkb-editor__highlights mark[data-category="first-choice-claim"]'
    page.evaluate("window.scrollTo(0, 0)")
    assert not in_viewport(page, mark), "the sample's mark must start below the first screen"
    if device is PHONE:
        page.click(".pmkb-panel__toggle")
    page.click('.pmkb-finding[data-category="first-choice-claim"] .pmkb-finding__occurrence')
    page.wait_for_timeout(100)
    assert in_viewport(page, mark)
    mark_box = box(page, mark)
    assert mark_box["y"] + mark_box["height"] <= box(page, ".pmkb-panel")["y"] or device is DESKTOP, "hidden by the sheet"
    assert page.locator(mark).first.evaluate("m => m.classList.contains('pmkb-mark--active')")


def test_repeats_are_one_card_with_a_count_and_next_previous_walk_the_text(open_page):
    page = open_page(DESKTOP)
    findings = check_text(page, MIXED)
    engine = check(MIXED).findings
    assert len(findings) == len(engine)
    placeholders = page.locator('.pmkb-finding[data-category="placeholder"]')
    assert placeholders.count() == 1, "three placeholders, one card"
    assert placeholders.get_attribute("data-count") == "3"
    assert "(3 times)" in placeholders.inner_text()
    # Severity in a word and an icon, not colour alone.
    message = placeholders.locator(".pmkb-finding__message").inner_text()
    assert message.startswith("Error:"), message
    icons = page.evaluate(
        "[...document.querySelectorAll('.pmkb-finding__severity')].map(e => getComputedStyle(e, '::before').content)"
    )
    assert all(icon not in ("none", "normal", "") for icon in icons) and len(set(icons)) == 3, icons
    starts = sorted((f.start_utf16, f.end_utf16) for f in engine)
    seen = []
    for _ in range(len(starts)):
        page.click(".pmkb-panel__next")
        seen.append(int(page.get_attribute("#pmkb-checker", "data-current")))
    assert seen == list(range(len(starts))), seen
    page.click(".pmkb-panel__next")
    assert page.get_attribute("#pmkb-checker", "data-current") == "0", "next wraps to the first"
    page.click(".pmkb-panel__prev")
    assert page.get_attribute("#pmkb-checker", "data-current") == str(len(starts) - 1)
    card = active_card(page)
    assert card.count() == 1


# --- 3. one-click actions ----------------------------------------------------------------------


def test_replace_a_phrasing_and_undo(open_page):
    page = open_page(DESKTOP)
    check_text(page, FIRST_CHOICE)
    card = page.locator('.pmkb-finding[data-category="first-choice-claim"]')
    suggestion = check(FIRST_CHOICE).findings[0].suggestions[0]
    card.locator('button[data-action="replace"]').first.click()
    replaced = page.input_value("#pmkb-text")
    assert replaced == FIRST_CHOICE.replace("I will rank you first.", suggestion), replaced
    wait_checked(page)
    assert not any(f["category"] == "first-choice-claim" for f in rendered_findings(page))
    # The backdrop follows the new text exactly.
    assert page.inner_text(".pmkb-editor__highlights").replace("\u200b", "") == replaced
    page.click('.pmkb-checker__undo button[data-action="undo"]')
    assert page.input_value("#pmkb-text") == FIRST_CHOICE
    wait_checked(page)
    assert any(f["category"] == "first-choice-claim" for f in rendered_findings(page))
    # Advice that is not a phrasing offers no Replace.
    check_text(page, "Dear Dr. [Last Name],\n\nThank you.\n\nAna Ruiz")
    placeholder = page.locator('.pmkb-finding[data-category="placeholder"]')
    assert placeholder.locator('button[data-action="replace"]').count() == 0
    assert "What to do:" in placeholder.inner_text() and "Safer phrasing" not in placeholder.inner_text()


def test_replace_is_undone_by_the_keyboard_too(open_page):
    page = open_page(DESKTOP)
    check_text(page, FIRST_CHOICE)
    page.locator('.pmkb-finding[data-category="first-choice-claim"] button[data-action="replace"]').first.click()
    assert page.input_value("#pmkb-text") != FIRST_CHOICE
    page.keyboard.press("Control+z")
    assert page.input_value("#pmkb-text") == FIRST_CHOICE


def test_received_mode_copy_reply_template_and_steps(open_page, site_url):
    page = open_page(DESKTOP, permissions=("clipboard-read", "clipboard-write"))
    check_text(page, RANK_QUESTION, mode="received")
    engine = check(RANK_QUESTION, mode="received").findings
    card = page.locator(".pmkb-finding").first
    # Worded as what the program should not have done, never as the reader's error.
    assert "Not allowed for the program" in card.locator(".pmkb-finding__message").inner_text()
    assert "What the program should not have done" in page.inner_text(".pmkb-checker__findings")
    assert "Good to know:" in card.inner_text() and "Safer phrasing" not in card.inner_text()
    verdict = page.inner_text(".pmkb-checker__verdict")
    assert "error" not in verdict.lower() and "done nothing wrong" in verdict
    copy = card.locator('.pmkb-finding__actions button[data-action="copy"]').last
    copy.click()
    page.wait_for_function("() => [...document.querySelectorAll('button[data-action=copy]')].some(b => b.textContent === 'Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == engine[0].reply
    template = card.locator("a.pmkb-finding__template")
    assert template.count() == 1
    href = template.get_attribute("href")
    assert href.startswith(site_url) and "/templates/" in href and page.request.get(href).ok
    steps = card.locator(".pmkb-finding__steps")
    assert "communication log" in steps.inner_text() and "report it" in steps.inner_text()
    for link in steps.locator("a").all():
        assert page.request.get(page.url.split("checker/")[0] + link.get_attribute("href").split("../")[-1]).ok


# --- 4. honest verdicts ------------------------------------------------------------------------


def test_verdicts_empty_clean_and_context(open_page, site_url, checker_site):
    page = open_page(DESKTOP)
    data = json.loads((checker_site / "checker" / "data.json").read_text(encoding="utf-8"))
    assert page.get_attribute("#pmkb-checker", "data-verdict") == "empty"
    assert "paste or type" in page.inner_text(".pmkb-checker__verdict").lower()
    check_text(page, "   \n  ")
    assert page.get_attribute("#pmkb-checker", "data-verdict") == "empty"
    assert "No problems" not in page.inner_text(".pmkb-panel")

    check_text(page, CLEAN_DRAFT, context={"applicant_type": "us-img"})
    assert page.get_attribute("#pmkb-checker", "data-verdict") == "clean"
    draft_checks = [c["title"] for c in data["checks"].values() if c["mode"] == "draft" and not c["needs_log"]]
    assert page.inner_text(".pmkb-checker__verdict") == f"No problems found in {len(draft_checks)} checks."
    listed = page.eval_on_selector_all(".pmkb-checker__checks li", "els => els.map(e => e.textContent)")
    assert sorted(listed) == sorted(draft_checks)
    label = next(o["label"] for o in data["context"]["applicant_type"] if o["id"] == "us-img")
    context_line = page.inner_text(".pmkb-checker__context-used")
    assert label in context_line and "any phase" in context_line
    assert "not that the text is safe" in page.inner_text(".pmkb-checker__caveat")
    assert "communication log" in page.inner_text(".pmkb-checker__summary"), "checks that did not run are named"

    check_text(page, CLEAN_RECEIVED, mode="received")
    received_checks = [c["title"] for c in data["checks"].values() if c["mode"] == "received"]
    listed = page.eval_on_selector_all(".pmkb-checker__checks li", "els => els.map(e => e.textContent)")
    assert sorted(listed) == sorted(received_checks)
    assert "should not have written" in page.inner_text(".pmkb-checker__verdict")


# --- 5. readable marks -------------------------------------------------------------------------

CONTRAST = """() => {
    const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
                           return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
    const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                    b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
    const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                         return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const page = parse(getComputedStyle(document.body).backgroundColor);
    const backdrop = over(parse(getComputedStyle(document.querySelector('.pmkb-editor__backdrop')).backgroundColor), page);
    const text = parse(getComputedStyle(document.getElementById('pmkb-text')).color);
    const out = {scheme: document.body.getAttribute('data-md-color-scheme'), marks: {}};
    for (const mark of document.querySelectorAll('.pmkb-editor__highlights mark')) {
        const severity = [...mark.classList].find(c => c.startsWith('pmkb-mark--')).slice(11);
        const background = over(parse(getComputedStyle(mark).backgroundColor), backdrop);
        const shown = over(text, background);
        out.marks[severity] = {ratio: ratio(shown, background), underline: getComputedStyle(mark).textDecorationStyle};
    }
    out.plain = ratio(over(text, backdrop), backdrop);
    return out;
}"""


@pytest.mark.parametrize("scheme,expected", [("light", "default"), ("dark", "slate")])
def test_text_over_marks_is_readable_in_both_schemes(open_page, scheme, expected):
    page = open_page(DESKTOP, scheme=scheme)
    check_text(page, MIXED)
    measured = page.evaluate(CONTRAST)
    assert measured["scheme"] == expected
    assert set(measured["marks"]) == {"error", "warning", "suggestion"}, measured
    for severity, found in measured["marks"].items():
        assert found["ratio"] >= 4.5, (scheme, severity, found)
    # Severity shows in the underline's shape as well as its colour.
    assert len({found["underline"] for found in measured["marks"].values()}) == 3, measured


# --- 6. a runaway check never holds up typing ----------------------------------------------------

# Appended to the real worker for this test only: a text containing the marker keeps the worker
# busy for a minute, as a runaway check would.
RUNAWAY_SHIM = """
const pmkbRealOnMessage = self.onmessage;
self.onmessage = (event) => {
  const message = event.data || {};
  if (message.type === "check" && String(message.text).includes("RUNAWAY")) {
    const until = Date.now() + 60000;
    while (Date.now() < until) {}
  }
  pmkbRealOnMessage(event);
};
"""


def test_a_check_that_runs_too_long_is_abandoned(browser, site_url, checker_site):
    context = browser.new_context(**DESKTOP)
    try:
        worker = (checker_site / "checker" / "worker.mjs").read_text(encoding="utf-8")
        context.route(
            "**/checker/worker.mjs*",
            lambda route: route.fulfill(status=200, content_type="text/javascript", body=worker + RUNAWAY_SHIM),
        )
        page = context.new_page()
        # Each runtime that becomes ready says so once.
        page.add_init_script(
            "window.__pmkbStarts = 0; document.addEventListener('pmkb:ready', () => window.__pmkbStarts++, true);"
        )
        page.goto(site_url + "checker/")
        wait_ready(page)
        wait_checked(page)
        page.fill("#pmkb-text", "RUNAWAY text that never finishes checking")
        page.wait_for_selector("#pmkb-checker[data-verdict=too-long]", state="attached", timeout=15_000)
        assert "took longer than" in page.inner_text(".pmkb-checker__verdict")
        assert "restarting" in page.inner_text(".pmkb-checker__status")
        # Typing goes on, and the new text is checked by a fresh worker well before the old
        # check would have ended.
        page.fill("#pmkb-text", FIRST_CHOICE)
        wait_ready(page)
        page.wait_for_selector("#pmkb-checker[data-checker-state=ready]:not([data-pending])", state="attached", timeout=20_000)
        assert [f["category"] for f in rendered_findings(page)] == ["first-choice-claim"]
        assert page.evaluate("window.__pmkbStarts") == 2, "the runaway worker was replaced once"
    finally:
        context.close()


def test_the_same_runaway_text_is_not_checked_again(browser, site_url, checker_site):
    context = browser.new_context(**DESKTOP)
    try:
        worker = (checker_site / "checker" / "worker.mjs").read_text(encoding="utf-8")
        context.route(
            "**/checker/worker.mjs*",
            lambda route: route.fulfill(status=200, content_type="text/javascript", body=worker + RUNAWAY_SHIM),
        )
        page = context.new_page()
        page.goto(site_url + "checker/")
        wait_ready(page)
        page.fill("#pmkb-text", "RUNAWAY again")
        page.wait_for_selector("#pmkb-checker[data-verdict=too-long]", state="attached", timeout=15_000)
        # Once the fresh worker is ready, the text that ran away is not sent to it again.
        wait_ready(page)
        wait_checked(page)
        page.wait_for_timeout(5_000)
        assert page.get_attribute("#pmkb-checker", "data-verdict") == "too-long"
        assert page.get_attribute("#pmkb-checker", "data-checker-state") == "ready"
    finally:
        context.close()


# --- many drafts at once -----------------------------------------------------------------------

BATCH = [FIRST_CHOICE, CLEAN_DRAFT, "Dear Dr. [Last Name],\n\nI promise to rank you first if you rank me.\n\n[Your Name]"]


def expected_row(text, mode="draft"):
    report = check(text, mode=mode)
    summary = report.to_dict()["summary"]
    rank = {"error": 0, "warning": 1, "suggestion": 2}
    first = sorted(report.findings, key=lambda f: (rank[f.severity], f.start_utf16))
    return [str(summary["errors"]), str(summary["warnings"]), str(summary["suggestions"]), first[0].category if first else ""]


def test_many_drafts_table_csv_and_printable_report(open_page, tmp_path):
    import csv
    import io

    page = open_page(DESKTOP)
    page.add_init_script("window.print = () => { window.__printed = true; }")
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.click(".pmkb-batch summary")
    page.fill("#pmkb-batch-text", "\n---\n".join(BATCH))
    page.click('button[data-action="batch-check"]')
    page.wait_for_selector(".pmkb-batch__results:not([hidden])", timeout=30_000)
    rows = page.eval_on_selector_all(
        ".pmkb-batch__table tbody tr",
        "trs => trs.map(tr => [...tr.children].slice(1, 4).map(td => td.textContent).concat([tr.dataset.category]))",
    )
    assert rows == [expected_row(text) for text in BATCH]
    names = page.eval_on_selector_all(".pmkb-batch__table tbody th", "ths => ths.map(th => th.textContent)")
    assert names[0] == "Draft 1: Dear Dr. Grant,"
    assert "No problems found." in page.inner_text(".pmkb-batch__table tbody tr:nth-child(2)")

    with page.expect_download() as download_info:
        page.click('button[data-action="batch-csv"]')
    download = download_info.value
    assert download.suggested_filename == "checker-report.csv"
    saved = tmp_path / "report.csv"
    download.save_as(saved)
    table = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert table[0] == ["draft", "errors", "warnings", "suggestions", "first_problem", "category"]
    assert [[*r[1:4], r[5]] for r in table[1:]] == [expected_row(text) for text in BATCH]

    # The printable report: the table alone.
    page.click('button[data-action="batch-print"]')
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    visible = lambda selector: page.eval_on_selector(selector, "e => getComputedStyle(e).visibility")  # noqa: E731
    assert visible(".pmkb-batch__table") == "visible"
    assert visible("#pmkb-text") == "hidden"
    page.emulate_media(media="screen")

    # A row opens its draft in the editor.
    page.click(".pmkb-batch__table tbody tr:nth-child(3) button")
    assert page.input_value("#pmkb-text") == BATCH[2]
    wait_checked(page)
    assert any(f["category"] == "placeholder" for f in rendered_findings(page))


def test_many_drafts_from_files(open_page):
    page = open_page(DESKTOP)
    page.click(".pmkb-batch summary")
    page.set_input_files(
        'input[name="batch_files"]',
        [
            {"name": "to-grant.txt", "mimeType": "text/plain", "buffer": FIRST_CHOICE.encode()},
            {"name": "to-okafor.txt", "mimeType": "text/plain", "buffer": CLEAN_DRAFT.encode()},
        ],
    )
    page.wait_for_selector(".pmkb-batch__results:not([hidden])", timeout=30_000)
    names = page.eval_on_selector_all(".pmkb-batch__table tbody th", "ths => ths.map(th => th.textContent)")
    assert names == ["to-grant.txt", "to-okafor.txt"]
    rows = page.eval_on_selector_all(
        ".pmkb-batch__table tbody tr",
        "trs => trs.map(tr => [...tr.children].slice(1, 4).map(td => td.textContent).concat([tr.dataset.category]))",
    )
    assert rows == [expected_row(FIRST_CHOICE), expected_row(CLEAN_DRAFT)]


# --- second visit and offline ------------------------------------------------------------------


def visit_twice(context, site_url, on_second=None):
    """Open the checker, wait until it keeps itself for later, and open it again; the second
    visit's responses go to `on_second`. The page is served by the service worker afterwards."""
    page = context.new_page()
    page.goto(site_url + "checker/")
    wait_ready(page)
    page.wait_for_selector("#pmkb-checker[data-offline=ready]", state="attached", timeout=30_000)
    if on_second is not None:
        context.on("response", on_second)
    page.reload()
    wait_ready(page)
    assert page.evaluate("!!navigator.serviceWorker.controller")
    return page


def test_second_visit_loads_from_this_browser_and_works_offline(browser, site_url):
    context = browser.new_context(**DESKTOP)
    try:
        # The second visit: the runtime comes from the service worker's copy, not the network.
        runtime = []
        page = visit_twice(context, site_url, on_second=lambda r: runtime.append(r) if "/checker/runtime/" in r.url else None)
        wasm = [r for r in runtime if r.url.endswith("pyodide.asm.wasm")]
        assert wasm and all(r.from_service_worker for r in wasm), [(r.url, r.from_service_worker) for r in runtime]
        # Offline: the page, the runtime and the checker all load, and checking works.
        context.set_offline(True)
        page.reload()
        wait_ready(page)
        findings = check_text(page, FIRST_CHOICE)
        assert [f["category"] for f in findings] == ["first-choice-claim"]
        assert page.evaluate("fetch('https://example.org/').then(() => false, () => true)")
    finally:
        context.close()


def test_a_newer_page_never_gets_an_older_runtime_copy(browser, site_url):
    context = browser.new_context(**DESKTOP)
    try:
        page = visit_twice(context, site_url)
        # A checker worker that expects another runtime version, as after a site update.
        responses = []
        context.on("response", lambda r: responses.append(r) if "/checker/runtime/" in r.url else None)
        state = page.evaluate(
            """() => new Promise((resolve) => {
                const root = document.getElementById('pmkb-checker');
                const url = new URL(root.dataset.workerUrl, location.href);
                url.searchParams.set('v', 'newer');
                const runtime = new URL(root.dataset.runtimeUrl, location.href).href;
                const worker = new Worker(url, {type: 'module'});
                worker.onmessage = (e) => { if (e.data.type === 'ready' || e.data.type === 'error') resolve(e.data.type); };
                worker.postMessage({type: 'init', runtimeUrl: runtime, lockUrl: new URL('pyodide-lock.json?v=newer', runtime).href});
            })"""
        )
        assert state == "ready"
        # The wheel went over the network (a response not from the service worker's copy); on the
        # same version it comes from the copy alone (test above).
        wheel = [r for r in responses if r.url.endswith(".whl")]
        assert any(not r.from_service_worker for r in wheel), [(r.url, r.from_service_worker) for r in responses]
    finally:
        context.close()
