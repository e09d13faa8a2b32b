"""The checker page in Chromium: same findings as CPython, private, safe, usable by keyboard."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest

from prematch_kb.checker import check

from .pages import check_text, rendered_findings, wait_checked, wait_ready
from .samples import XSS_PAYLOADS, corpus_samples

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RUNTIME_FILES = re.compile(r"/checker/runtime/|/checker/worker\.mjs|/checker/sw\.js|pyodide|\.wasm|\.whl|/assets/checker/")


def open_checker(page, site_url, query: str = ""):
    page.goto(site_url + "checker/" + query)
    wait_ready(page)
    wait_checked(page)


def first_template_page(checker_site) -> str:
    pages = sorted(p.parent.name for p in (checker_site / "templates").glob("*/index.html"))
    assert pages, "the site has no template pages"
    return pages[0]


# --- same findings as the engine in CPython -----------------------------------------------------


def test_browser_findings_match_cpython(page, site_url):
    open_checker(page, site_url)
    samples = corpus_samples()
    assert len(samples) >= 25
    mismatches = []
    for mode, text, context in samples:
        expected = Counter((f.category, f.severity, f.start_utf16, f.end_utf16) for f in check(text, mode=mode, **context).findings)
        shown = Counter(
            (f["category"], f["severity"], f["start"], f["end"]) for f in check_text(page, text, mode, context)
        )
        if expected != shown:
            mismatches.append((mode, context, text[:60], sorted(expected), sorted(shown)))
    assert not mismatches, mismatches
    assert sum(bool(check(t, mode=m, **c).findings) for m, t, c in samples) >= 10, "samples must trigger findings"


def test_findings_show_message_link_and_highlight(page, site_url):
    open_checker(page, site_url)
    text = "Dear Dr. [Last Name],\n\nThank you. 🙂\n\n[Your Name]"
    findings = check_text(page, text)
    assert any(f["category"] == "placeholder" for f in findings), findings
    finding = page.locator('.pmkb-finding[data-category="placeholder"]').first
    assert finding.locator(".pmkb-finding__message").inner_text().strip()
    link = finding.locator("a", has_text="Read the rule")
    href = link.get_attribute("href")
    assert href.startswith(site_url), href  # relative to this copy of the site, not the public one
    response = page.request.get(href)
    assert response.ok, href
    # Highlights use UTF-16 offsets: the emoji before "[Your Name]" does not shift the mark.
    marks = page.eval_on_selector_all(".pmkb-editor__highlights mark", "ms => ms.map(m => m.textContent)")
    assert "[Last Name]" in marks and "[Your Name]" in marks, marks
    backdrop = page.inner_text(".pmkb-editor__highlights").replace("\u200b", "")
    assert backdrop == page.input_value("#pmkb-text")


def test_received_mode_offers_a_reply(page, site_url):
    open_checker(page, site_url)
    text = "Dear applicant,\n\nWhere will you rank our program? Please tell us before Friday.\n\nDr. Reyes"
    engine = check(text, mode="received").findings
    assert engine, "the sample must be flagged"
    assert len(check_text(page, text, mode="received")) == len(engine)
    replies = page.eval_on_selector_all(".pmkb-finding__reply", "els => els.map(e => e.textContent)")
    assert replies == list(dict.fromkeys(f.reply for f in engine if f.reply))  # repeats share one card
    assert replies, "a received-mode finding comes with a reply to send"


def test_text_typed_while_loading_is_checked_when_ready(context, site_url):
    page = context.new_page()
    held = []
    # Hold the checker wheel back until the text is typed, so typing surely happens first.
    page.route("**/*.whl", lambda route: held.append(route))
    page.goto(site_url + "checker/")
    page.fill("#pmkb-text", "Dear Dr. Ames,\n\nI will rank you first.\n\n[Your Name]")
    assert page.get_attribute("#pmkb-checker", "data-checker-state") == "loading"
    assert page.locator(".pmkb-checker__progress").is_visible()
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the wheel was never requested"
    held[0].continue_()
    wait_ready(page)
    wait_checked(page)
    assert any(f["category"] == "placeholder" for f in rendered_findings(page))


# --- privacy ------------------------------------------------------------------------------------


def test_no_request_while_typing_and_checking(context, page, site_url):
    open_checker(page, site_url)
    page.wait_for_load_state("load")
    # Loading ends with the offline copy kept (checker/sw.js), from what the checker's worker downloaded.
    page.wait_for_selector("#pmkb-checker[data-offline]", state="attached", timeout=30_000)
    page.wait_for_timeout(500)
    mark = len(context.request_log.urls)
    page.click("#pmkb-text")
    page.keyboard.type("Dear Dr. Lee, I will rank you first and [Your Name] 😀 lol", delay=5)
    wait_checked(page)
    check_text(page, "Where will you rank us?", mode="received")
    page.click(".pmkb-checker__context summary")
    page.select_option('select[name="phase"]', index=1)
    wait_checked(page)
    assert context.request_log.since(mark) == []


def test_no_page_requests_another_origin(context, page, site_url, checker_site):
    origin = urlsplit(site_url).netloc
    for path in ("", f"templates/{first_template_page(checker_site)}/", "rules/", "checker/"):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)
    wait_ready(page)
    check_text(page, "Dear Dr. Lee,\n\nI will rank you first.\n\nSam")
    foreign = [u for u in context.request_log.urls if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != origin]
    assert foreign == []


def test_guide_pages_load_no_checker_runtime(context, page, site_url, checker_site):
    for path in ("", f"templates/{first_template_page(checker_site)}/", "rules/"):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(500)
    loaded = [u for u in context.request_log.urls if RUNTIME_FILES.search(urlsplit(u).path)]
    assert loaded == []


def test_checker_page_policy_allows_only_this_site(page, site_url):
    page.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    open_checker(page, site_url)
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert directives["worker-src"] == "'self'"
    assert "'wasm-unsafe-eval'" in directives["script-src"]
    assert "unsafe-inline" not in policy and "http" not in policy and "*" not in policy
    check_text(page, "Dear Dr. Lee,\n\nI will rank you first.\n\nSam")
    assert page.evaluate("window.__cspViolations") == []
    # The policy is enforced: a fetch to another origin is refused by the browser itself.
    refused = page.evaluate("fetch('https://example.org/').then(() => false, () => true)")
    assert refused


# --- hostile input ------------------------------------------------------------------------------


def test_pasted_html_is_never_interpreted(page, site_url):
    open_checker(page, site_url)
    page.evaluate("window.__pmkbXss = false")
    assert len(XSS_PAYLOADS) >= 20
    baseline = page.evaluate("document.querySelectorAll('script, img, iframe, svg, object, embed, video, style, input, form, math').length")
    for payload in XSS_PAYLOADS:
        for mode in ("draft", "received"):
            check_text(page, payload, mode)
            page.wait_for_timeout(20)
            assert page.evaluate("window.__pmkbXss") is False, payload
            layer = page.eval_on_selector_all(".pmkb-editor__highlights *", "els => els.map(e => e.tagName)")
            assert set(layer) <= {"MARK"}, (payload, layer)
            shown = page.inner_text(".pmkb-editor__highlights").replace("\u200b", "")
            assert shown == payload
            count = page.evaluate(
                "document.querySelectorAll('script, img, iframe, svg, object, embed, video, style, input, form, math').length"
            )
            assert count == baseline, payload
    page.focus("#pmkb-text")
    assert page.evaluate("window.__pmkbXss") is False


# --- reaching it and using it -------------------------------------------------------------------


def test_keyboard_reaches_labelled_controls_findings_and_links(page, site_url):
    open_checker(page, site_url)
    check_text(page, "Dear Dr. [Last Name],\n\nI will rank you first.\n\n[Your Name]")
    assert page.get_by_role("textbox", name="Your draft").count() == 1
    assert page.get_by_role("radio", name="My draft").count() == 1
    assert page.get_by_role("radio", name="A message I received").count() == 1
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.focus("body")
    reached = []
    for _ in range(200):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const e = document.activeElement;
                if (!e || e === document.body) return null;
                return {tag: e.tagName, id: e.id, cls: e.className || '', type: e.type || '',
                        inChecker: !!e.closest('#pmkb-checker'), inFinding: !!e.closest('.pmkb-finding'),
                        text: (e.innerText || '').trim().slice(0, 40)};
            }"""
        )
        if info:
            reached.append(info)
        if info and info["inFinding"] and info["tag"] == "A":
            break
    assert any(r["id"] == "pmkb-text" for r in reached)
    assert any(r["tag"] == "INPUT" and r["type"] == "radio" for r in reached)
    assert any("pmkb-finding" in r["cls"] for r in reached)
    assert any(r["inFinding"] and r["tag"] == "A" for r in reached)
    # Every finding has an accessible name (its message), every link a text.
    names = page.eval_on_selector_all(
        ".pmkb-finding",
        "els => els.map(e => document.getElementById(e.getAttribute('aria-labelledby')).textContent.trim())",
    )
    assert names and all(names)
    assert page.get_by_role("listitem", name=re.compile(names[0][:20], re.I)).count() >= 1
    # The mode switch works from the keyboard.
    page.focus('input[name="pmkb-mode"][value="draft"]')
    page.keyboard.press("ArrowRight")
    assert page.is_checked('input[name="pmkb-mode"][value="received"]')
    assert page.get_by_role("textbox", name="The message you received").count() == 1


def test_works_after_navigating_from_another_page(page, site_url):
    page.goto(site_url)
    link = page.locator('a[href$="checker/"]').first
    link.click()
    page.wait_for_url("**/checker/")
    wait_ready(page)
    findings = check_text(page, "Dear Dr. Lee,\n\nI will rank you first.\n\n[Your Name]")
    assert findings


def test_narrow_mobile_viewport(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        open_checker(page, site_url)
        findings = check_text(page, "Dear Dr. [Last Name],\n\nI will rank you first.\n\n[Your Name]")
        assert findings
        assert page.locator("#pmkb-text").is_visible()
        page.click(".pmkb-panel__toggle")  # the findings are a bottom sheet on a phone
        assert page.locator(".pmkb-finding").first.is_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
        box = page.locator("#pmkb-text").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    finally:
        context.close()


def test_template_opens_in_checker_with_placeholder_findings(page, site_url, checker_site):
    template_id = first_template_page(checker_site)
    page.goto(site_url + f"templates/{template_id}/")
    button = page.locator("a.pmkb-open-in-checker")
    assert button.count() == 1
    # The theme adds its copy button to each code block once its script has run.
    copy = page.locator(f'.pmkb-template[data-template-id="{template_id}"] button[data-md-type="copy"]')
    copy.first.wait_for(state="attached", timeout=10_000)
    assert copy.first.get_attribute("title"), "the Copy button has no accessible name"
    assert copy.first.get_attribute("data-clipboard-target").endswith("> code")
    button.click()
    page.wait_for_url(f"**/checker/?template={template_id}")
    wait_ready(page)
    wait_checked(page)
    assert page.input_value("#pmkb-text").strip()
    findings = rendered_findings(page)
    assert any(f["category"] == "placeholder" for f in findings), findings
    marks = page.eval_on_selector_all('.pmkb-editor__highlights mark[data-category="placeholder"]', "ms => ms.map(m => m.textContent)")
    assert marks and all(m.startswith("[") and m.endswith("]") for m in marks)


def test_unknown_template_says_so(page, site_url):
    open_checker(page, site_url, "?template=no-such-template")
    assert "no-such-template" in page.inner_text(".pmkb-checker__template-note")
    assert page.input_value("#pmkb-text") == ""


# --- failure is plain -----------------------------------------------------------------------------


def test_without_webassembly_the_page_says_so(page, site_url):
    page.add_init_script("delete window.WebAssembly")
    page.goto(site_url + "checker/")
    page.wait_for_selector("#pmkb-checker[data-checker-state=error]", state="attached")
    message = page.locator(".pmkb-checker__fallback:not([hidden])")
    assert "cannot run" in message.inner_text()
    href = message.locator("a").get_attribute("href")
    assert page.request.get(page.url.split("checker/")[0] + "rules/").ok and href.endswith("rules/")
    page.fill("#pmkb-text", "still usable")
    assert page.input_value("#pmkb-text") == "still usable"


def test_runtime_that_fails_to_load_is_reported(page, site_url):
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_url + "checker/")
    page.wait_for_selector("#pmkb-checker[data-checker-state=error]", state="attached", timeout=60_000)
    message = page.locator(".pmkb-checker__fallback:not([hidden])")
    assert "pyodide.asm.wasm" in message.inner_text() and "404" in message.inner_text()
    assert message.locator("a").count() == 1
