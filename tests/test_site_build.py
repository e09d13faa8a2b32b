"""The real site, built once with `mkdocs build --strict`: every content item has its page,
anchors exist, and search finds the words applicants look for."""

from __future__ import annotations

import json

import pytest

from conftest import CONTENT_DIR
from prematch_kb.kb.loader import load_content

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def kb():
    return load_content(CONTENT_DIR)[0]


def page(site, path: str) -> str:
    file = site / path / "index.html"
    assert file.is_file(), f"missing page {path}/"
    return file.read_text(encoding="utf-8")


def test_every_content_item_has_its_page(built_site, kb):
    for kind, items in (("rules", kb.rules), ("templates", kb.templates), ("specialties", kb.specialties),
                        ("profiles", kb.profiles), ("guides", kb.guides)):
        for item_id in items:
            page(built_site, f"{kind}/{item_id}")
    for path in ("rules", "templates", "specialties", "profiles", "timeline", "mistakes", "checklists", "faq",
                 "glossary", "sources"):
        page(built_site, path)


def test_every_anchor_other_pages_rely_on_exists(built_site, kb):
    timeline = page(built_site, "timeline")
    for phase_id in kb.phases:
        assert f'id="{phase_id}"' in timeline
    glossary = page(built_site, "glossary")
    for term in kb.glossary:
        assert f'id="{term.id}"' in glossary
    sources = page(built_site, "sources")
    for source_id in kb.sources:
        assert f'id="{source_id}"' in sources
    for check in kb.checks.values():
        assert f'id="checker-{check.category}"' in page(built_site, f"rules/{check.rule}")


def test_template_pages_offer_the_checker(built_site, kb):
    for template_id in kb.templates:
        html = page(built_site, f"templates/{template_id}")
        assert f'<div class="pmkb-template" data-template-id="{template_id}">' in html
        assert f'href="../../checker/?template={template_id}"' in html


def test_search_index_finds_key_words(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]).lower()
    for word in ("otolaryngology", "binding", "thank-you"):
        assert word in text, word
    locations = {doc["location"] for doc in index["docs"]}
    assert "rules/no-binding-commitments/" in locations


def test_every_page_shows_its_review_date(built_site, kb):
    for path in ("rules/no-binding-commitments", "timeline", "glossary", "sources", "specialties",
                 f"specialties/{next(iter(kb.specialties))}", f"guides/{next(iter(kb.guides))}"):
        assert "Last reviewed:" in page(built_site, path), path
    # Every built page, generated or hand-written (home, checker, tools, about, benchmarks).
    missing = [str(html.relative_to(built_site)) for html in sorted(built_site.rglob("index.html"))
               if 'class="pmkb-reviewed">Last reviewed: <time datetime="' not in html.read_text(encoding="utf-8")]
    assert missing == []
