"""The side menu in Chromium: rules and templates under their index's headings on the real site;
on a knowledge base several times larger, long lists in alphabetical ranges, only the page's own
range open, so each page carries a small menu."""

from __future__ import annotations

import re

import pytest

from bench.synthetic_kb import generate
from conftest import mkdocs_build, site_project
from prematch_kb.browser.devserver import serve_site
from prematch_kb.compiler.nav import MENU_BUDGET, NAV_LIST_LIMIT
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.model import RULE_ASKS_HEADINGS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SIDEBAR = ".md-sidebar--primary"


def visible_texts(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => e.offsetParent !== null).map(e => e.textContent.trim())")


def section_headings(page) -> list[str]:
    return visible_texts(page, f"{SIDEBAR} .md-nav__item--section > .md-nav__link")


def test_a_rule_page_lists_every_rule_under_what_it_asks(page, site_url):
    page.goto(site_url + "rules/no-binding-commitments/")
    headings = section_headings(page)
    assert headings[:1] == ["Rules"]
    assert [RULE_ASKS_HEADINGS[s] for s in ("may", "do", "dont", "fact")] == headings[1:]
    active = visible_texts(page, f"{SIDEBAR} a.md-nav__link--active")
    assert active == [page.locator("h1").inner_text().strip().rstrip("¶").strip()]
    # the page's own entry sits under its heading
    section = page.locator(f"{SIDEBAR} .md-nav__item--section", has=page.locator("a.md-nav__link--active")).last
    assert section.locator(":scope > .md-nav__link").inner_text().strip() == "What not to do"


def test_a_template_page_lists_the_templates_by_phase(page, site_url):
    page.goto(site_url + "templates/thank-you-after-interview/")
    headings = section_headings(page)
    assert headings[0] == "Templates" and "Interview day" in headings and "Before applying" in headings


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    """The site of a knowledge base three times the real one (handbook and checker runtime off)."""
    root = tmp_path_factory.mktemp("large-site")
    content = generate(3, root / "kb")
    config = site_project(root / "project", content_dir=content, handbook="never", checker_runtime=False)
    site = root / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_site(site) as url:
        yield url, site, load_content(content)[0]


def test_large_lists_come_in_ranges_and_only_the_pages_range_is_open(page, large_site):
    url, _site, kb = large_site
    to_do = sorted((r for r in kb.rules.values() if r.asks == "do"), key=lambda r: r.title.lower())
    assert len(to_do) > NAV_LIST_LIMIT, "the test needs a group with more rules than one list holds"
    rule = to_do[-1]
    page.goto(url + f"rules/{rule.id}/")
    section = page.locator(f"{SIDEBAR} .md-nav__item--section", has_text=RULE_ASKS_HEADINGS["do"]).last
    ranges = section.locator(":scope > nav > ul > li.md-nav__item--nested")
    assert ranges.count() >= 2
    labels = [ranges.nth(i).locator(":scope > .md-nav__link, :scope > div > a").first.inner_text().strip()
              for i in range(ranges.count())]
    assert all(re.fullmatch(r"\S.*", label) for label in labels), labels
    # the page's own range is open with the page in it; the other ranges are links to their first page
    open_ranges = section.locator(":scope > nav > ul > li.md-nav__item--active")
    assert open_ranges.count() == 1
    assert open_ranges.locator("a.md-nav__link--active").count() == 1
    pruned = section.locator(":scope > nav > ul > li.md-nav__item--pruned")
    assert pruned.count() == ranges.count() - 1
    first = pruned.first.locator("a").first
    first.click()
    page.wait_for_load_state()
    assert page.locator(f"{SIDEBAR} a.md-nav__link--active").count() == 1
    assert "/rules/" in page.url and page.url.rstrip("/") != (url + f"rules/{rule.id}").rstrip("/")


def test_every_page_of_the_large_site_carries_a_small_menu(large_site):
    _url, site, kb = large_site
    pages = [p for p in site.rglob("index.html") if p.parent.parent.name in ("rules", "specialties", "templates")]
    assert len(pages) > 3 * NAV_LIST_LIMIT
    for path in pages:
        html = path.read_text(encoding="utf-8")
        sidebar = html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]
        # links to pages (not the page's own table of contents): fewer than the rules alone
        links = len(re.findall(r'<a href="(?!#)[^"]*" class="md-nav__link', sidebar))
        assert links <= min(MENU_BUDGET + NAV_LIST_LIMIT, len(kb.rules) - 1), (path, links)
