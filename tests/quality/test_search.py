"""The site search finds rules, templates and specialties, and its index leaves out only link lists.

Link-list sections ("Related rules", "See also", ...) are kept out of the index; the pages they
point to stay searchable. The index (every page's text) is downloaded only when the visitor is about
to search, not by every page a visitor opens.
"""

from __future__ import annotations

import json

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EXPECTED_FIRST = {
    "otolaryngology": "specialties/otolaryngology/",
    "binding": "rules/no-binding-commitments/",
    "thank-you": "templates/thank-you-after-interview/",
}
LINK_LISTS = ("Related rules", "See also", "Rules this template follows", "Templates that follow this rule")


def test_index_keeps_every_page_and_leaves_out_link_lists(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
    built = {p.parent.relative_to(built_site).as_posix() + "/" for p in built_site.rglob("index.html")}
    built = {"" if p == "./" else p for p in built}
    assert set(EXPECTED_FIRST.values()) <= pages
    assert built - pages <= {"404/"}, f"pages missing from search: {sorted(built - pages)}"
    assert not [doc["location"] for doc in index["docs"] if doc["title"] in LINK_LISTS]


@pytest.mark.parametrize("query", sorted(EXPECTED_FIRST))
def test_search_box_finds_the_page(site_server, chromium, query):
    page = chromium.new_page()
    try:
        page.goto(site_server + "/guides/how-to-write-to-programs/", wait_until="networkidle")
        page.keyboard.press("/")  # Material's keyboard shortcut to the search box
        page.locator("input.md-search__input").press_sequentially(query, delay=20)
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=10_000)
        hrefs = [results.nth(i).get_attribute("href") for i in range(min(results.count(), 5))]
        assert any(EXPECTED_FIRST[query] in (href or "") for href in hrefs), hrefs
    finally:
        page.close()


def _index_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if "search_index" in request.url else None)
    return seen


@pytest.mark.parametrize("opens_search", ["keyboard shortcut", "click on the search box"])
def test_the_index_is_downloaded_only_when_the_visitor_is_about_to_search(site_server, chromium, opens_search):
    page = chromium.new_page()
    try:
        requested = _index_requests(page)
        page.goto(site_server + "/rules/", wait_until="networkidle")
        page.mouse.wheel(0, 400)  # reading the page does not fetch it
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)
        assert requested == []
        if opens_search == "keyboard shortcut":
            page.keyboard.press("/")
        else:
            page.locator("label.md-search__icon, input.md-search__input").first.click()
        page.locator("input.md-search__input").press_sequentially("otolaryngology", delay=20)
        page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
        assert len(requested) == 1 and requested[0].endswith("/search/search_index.json"), requested
    finally:
        page.close()


def test_a_page_opened_from_a_search_result_highlights_the_terms(site_server, chromium):
    page = chromium.new_page()
    try:
        requested = _index_requests(page)
        page.goto(site_server + "/specialties/otolaryngology/?h=otolaryngology", wait_until="networkidle")
        page.locator("article mark").first.wait_for(timeout=10_000)
        assert requested, "the highlight needs the index, so it is requested at once"
    finally:
        page.close()
