"""axe-core on every built page (light and dark), the checker with findings shown, and the keyboard.

Zero violations at WCAG 2.1 A and AA, in Debian's Chromium driven by Playwright.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .sitekit import built_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
VIEWPORT = {"width": 1280, "height": 900}
# A draft that trips several checker categories, so the findings list is long and varied.
DRAFT_WITH_FINDINGS = """hey Dr. Lee!!

I will rank you #1 and I promise to sign with you. Will you rank me to match? Sorry for my
English, I know I am only an IMG. Please let me know by Friday, since another program offered me
a position outside the Match. [Program Name]
"""
CHECKER_READY = "#pmkb-checker[data-checker-state=ready]"
CHECKER_SETTLED = "#pmkb-checker[data-checker-state=ready]:not([data-pending])"


def page_urls(site) -> list[str]:
    """The address of every built page, as a visitor would open it."""
    urls = []
    for page in built_pages(site):
        relative = page.relative_to(site).as_posix()
        urls.append("/" + relative.removesuffix("index.html"))
    return urls


def describe(violations) -> list[str]:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                   for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines


@pytest.fixture(scope="module")
def axe():
    return Axe()


def audit(page, axe, context=None) -> list[str]:
    result = axe.run(page, context=context, options=AXE_OPTIONS)
    return describe(result.response["violations"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_wcag_violations(chromium, site_server, built_site, axe, scheme):
    urls = page_urls(built_site)
    assert len(urls) > 50
    context = chromium.new_context(viewport=VIEWPORT, color_scheme=scheme)
    page = context.new_page()
    expected = "slate" if scheme == "dark" else "default"
    failures: dict[str, list[str]] = {}
    try:
        for url in urls:
            response = page.goto(site_server + url, wait_until="load")
            assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
            shown = page.get_attribute("body", "data-md-color-scheme")
            assert shown == expected, f"{url}: palette {shown!r}, expected {expected!r}"
            violations = audit(page, axe)
            if violations:
                failures[url] = violations
    finally:
        context.close()
    report = "\n".join(f"{url}:\n  " + "\n  ".join(v) for url, v in failures.items())
    assert not failures, f"{len(failures)} of {len(urls)} pages fail WCAG 2.1 AA ({scheme}):\n{report}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_checker_with_findings_has_no_wcag_violations(chromium, site_server, axe, scheme):
    context = chromium.new_context(viewport=VIEWPORT, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(site_server + "/checker/", wait_until="load")
        page.wait_for_selector(CHECKER_READY, state="attached", timeout=60_000)
        page.fill("#pmkb-text", DRAFT_WITH_FINDINGS)
        page.wait_for_selector(CHECKER_SETTLED, state="attached", timeout=20_000)
        findings = page.locator(".pmkb-finding").count()
        assert findings >= 4, f"expected the draft to raise several findings; got {findings}"
        violations = audit(page, axe)
        # The same page after switching the palette with Material's own toggle.
        page.locator("form[data-md-component=palette] label:visible").first.click()
        toggled = page.get_attribute("body", "data-md-color-scheme")
        assert toggled == ("default" if scheme == "dark" else "slate")
        violations += [f"after the toggle: {v}" for v in audit(page, axe)]
    finally:
        context.close()
    assert not violations, "\n".join(violations)


def focus_walk(page, limit: int) -> list[dict]:
    """Press Tab from the top of the page until the search field and a link in the main content
    have both had focus (or `limit` presses); describe each focused element."""
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("""() => {
            const e = document.activeElement;
            // Material hides its palette radio buttons and rings the label that follows instead.
            const shown = e.matches('input.md-option') && e.nextElementSibling ? e.nextElementSibling : e;
            const rect = shown.getBoundingClientRect();
            const style = getComputedStyle(shown);
            return {tag: e.tagName.toLowerCase(), cls: String(e.className || ''), href: e.getAttribute('href'),
                    inMain: !!e.closest('article.md-content__inner'), search: e.matches('input.md-search__input'),
                    visible: rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden'};
        }"""))
        if any(s["search"] for s in seen) and any(s["inMain"] and s["tag"] == "a" for s in seen):
            break
    return seen


@pytest.mark.parametrize("url", ["/guides/networking/", "/rules/no-binding-commitments/", "/checker/"])
def test_keyboard_reaches_skip_link_search_and_main_content(chromium, site_server, url):
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.goto(site_server + url, wait_until="load")
        walk = focus_walk(page, 400)
        assert "md-skip" in walk[0]["cls"] and walk[0]["visible"], f"first Tab stop is not a visible skip link: {walk[0]}"
        assert any(stop["search"] for stop in walk), f"Tab never reaches the search field: {walk}"
        assert any(stop["inMain"] and stop["tag"] == "a" for stop in walk), \
            f"Tab never reaches a link in the main content: {walk}"
        hidden = [stop for stop in walk if not stop["visible"]]
        assert not hidden, f"Tab stops on elements that cannot be seen: {hidden}"

        # The skip link moves focus past the header to the page's first heading.
        page.goto(site_server + url, wait_until="load")
        page.keyboard.press("Tab")
        target = page.evaluate("document.activeElement.getAttribute('href')")
        page.keyboard.press("Enter")
        assert target and target.startswith("#")
        assert page.evaluate("location.hash") == target
        assert page.evaluate(f"!!document.getElementById({target[1:]!r})?.closest('.md-content')")
        page.keyboard.press("Tab")
        after = page.evaluate("!!document.activeElement.closest('.md-main')")
        assert after, "after the skip link, the next Tab stop is not in the main area"
    finally:
        context.close()
