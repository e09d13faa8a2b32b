"""The site search finds rules, templates and specialties, and its index leaves out only link lists.

Link-list sections ("Related rules", "See also", ...) are kept out of the index that every page
loads; the pages they point to stay searchable.
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
