"""One URL scheme for every output: each address the checker's rulebook, the checker page's data,
the plan page's data and the handbook print lands on a page the compiler writes."""

from __future__ import annotations

import re

import pytest

from conftest import CONTENT_DIR, FIXTURE_KB
from prematch_kb.browser.data import checker_data
from prematch_kb.browser.plan_data import LINK_BASE, plan_data
from prematch_kb.compiler import render_pages
from prematch_kb.handbook.markdown import MarkdownRenderer
from prematch_kb.handbook.settings import HandbookSettings
from prematch_kb.kb import urls
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.rulebook import build_rulebook

HANDWRITTEN = {"index.md", urls.CHECKER, urls.PLAN}


@pytest.mark.parametrize("path, address", [
    ("index.md", ""), ("rules/index.md", "rules/"), ("rules/no-binding-commitments.md", "rules/no-binding-commitments/"),
    ("timeline/index.md", "timeline/"), ("faq.md", "faq/"), ("guides/reindex.md", "guides/reindex/"),
    ("assets/logo.png", "assets/logo.png"),
])
def test_a_page_path_becomes_its_directory_address(path, address):
    assert urls.url(path) == address


def test_a_check_link_needs_the_rule_that_holds_it():
    assert urls.address("check", "placeholder", lambda category: "proofread-before-sending") == (
        "rules/proofread-before-sending/#checker-placeholder")
    assert urls.address("phase", "interviews", anchor="#dates") == "timeline/#dates"
    with pytest.raises(ValueError, match="rule_of_check"):
        urls.target("check", "placeholder")
    with pytest.raises(ValueError, match="unknown link kind"):
        urls.target("nothing", "x")


@pytest.fixture(scope="module", params=[FIXTURE_KB, CONTENT_DIR], ids=["fixture", "content"])
def site(request):
    kb, settings = load_content(request.param)
    pages = {p.path: p for p in render_pages(kb, settings, handwritten=HANDWRITTEN)}
    addresses = {urls.url(path) for path in set(pages) | HANDWRITTEN}
    return kb, settings, addresses


def _landing(address: str) -> str:
    """The site-relative page of an address (no query, no anchor)."""
    return address.split("#", 1)[0].split("?", 1)[0]


def test_the_rulebook_links_to_generated_pages(site):
    kb, settings, addresses = site
    rulebook = build_rulebook(kb, settings)
    site_url = rulebook["site_url"]
    for category, entry in rulebook["categories"].items():
        assert entry["link"].startswith(site_url)
        link = entry["link"][len(site_url):]
        assert _landing(link) in addresses, f"{category}: {link}"
        assert link.endswith("#" + urls.checker_anchor(category))
        for href in re.findall(r'href="([^"]+)"', entry["explanation_html"]):
            if href.startswith(site_url):
                assert _landing(href[len(site_url):]) in addresses, f"{category}: {href}"


def test_the_plan_data_links_to_generated_pages(site):
    kb, _, addresses = site
    data = plan_data(kb)
    found = []
    for section in ("phases", "profiles", "specialties", "templates", "rules"):
        for item in data[section].values():
            found.append(item["url"])
            if "checker_url" in item:
                found.append(item["checker_url"])
    assert found
    for link in found:
        assert link.startswith(LINK_BASE), link
        assert _landing(link[len(LINK_BASE):]) in addresses, link


def test_the_checker_data_links_templates_to_their_pages(site):
    kb, _, addresses = site
    for template_id, template in checker_data(kb)["templates"].items():
        assert template["url"] == urls.page_url("template", template_id)
        assert template["url"] in addresses


def test_the_handbook_prints_site_addresses_of_generated_pages(site):
    _, settings, addresses = site
    handbook = HandbookSettings.from_site(settings)
    assert handbook.checker_url == handbook.site_url + urls.url(urls.CHECKER)
    renderer = MarkdownRenderer(lambda kind, object_id: True, site_url=handbook.site_url)
    html = renderer.block("See [the FAQ](../faq.md) and [rules](index.md#top).", "test", page="rules/index.md")
    assert f'href="{handbook.site_url}faq/"' in html and f'href="{handbook.site_url}rules/#top"' in html
    assert {"faq/", "rules/"} <= addresses
