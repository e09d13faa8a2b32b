"""The site search's page weights and keywords (prematch_kb.compiler.search): every keyword names a
page the real knowledge base has, none can be found by a fragment of an unrelated query, and pages
for applicants weigh more than the sources list, about and benchmark pages."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import CONTENT_DIR, DOCS_DIR
from prematch_kb.compiler import render_pages
from prematch_kb.compiler.search import BOOSTS, KEYWORDS, SHORT_QUERY_WORDS, hijacking_words, search_meta
from prematch_kb.kb.loader import load_content

DEVELOPER_PAGES = ("sources.md", "about.md", "benchmarks.md")
CONTENT_PAGES = ("rules/no-binding-commitments.md", "faq.md", "specialties/otolaryngology.md",
                 "templates/thank-you-after-interview.md", "glossary.md", "guides/networking.md")


@pytest.fixture(scope="module")
def real_paths() -> set[str]:
    kb, settings = load_content(CONTENT_DIR)
    docs = DOCS_DIR
    handwritten = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    generated = {p.path for p in render_pages(kb, settings, today=dt.date(2027, 1, 15), handwritten=handwritten)}
    return generated | handwritten


def test_every_keyword_names_a_real_page(real_paths):
    assert set(KEYWORDS) <= real_paths, sorted(set(KEYWORDS) - real_paths)


def test_every_boost_prefix_matches_a_real_page(real_paths):
    unmatched = [prefix for prefix, _ in BOOSTS
                 if not any(p == prefix or (prefix.endswith("/") and p.startswith(prefix)) for p in real_paths)
                 and prefix not in ("benchmarks/",)]  # the benchmarks page may live in a folder
    assert not unmatched


@pytest.mark.parametrize("keyword", sorted({k for ks in KEYWORDS.values() for k in ks}))
def test_no_keyword_is_found_by_a_fragment_of_another_query(keyword):
    assert not hijacking_words(keyword), f"{keyword!r} begins with {hijacking_words(keyword)}"
    assert len(keyword) >= 2


def test_hijacking_words_sees_every_word_of_a_keyword():
    assert hijacking_words("OB-GYN") == []
    assert hijacking_words("EM") == ["e"]
    assert hijacking_words("ob-Hand") == ["h"]
    assert {"e", "h", "j"} <= SHORT_QUERY_WORDS


def test_each_keyword_belongs_to_one_page():
    seen: dict[str, str] = {}
    for path, keywords in KEYWORDS.items():
        for keyword in keywords:
            folded = keyword.casefold()
            assert seen.get(folded, path) == path, f"{keyword!r} is a keyword of {seen[folded]} and {path}"
            seen[folded] = path


def test_pages_for_applicants_weigh_more_than_developer_pages():
    def boost(path: str) -> float:
        return search_meta(path).get("search", {}).get("boost", 1.0)

    heaviest_developer = max(boost(p) for p in DEVELOPER_PAGES)
    assert heaviest_developer < 1
    assert min(boost(p) for p in CONTENT_PAGES) > 1
    assert boost("benchmarks.md") == boost("benchmarks/index.md") == min(boost(p) for p in DEVELOPER_PAGES)


def test_search_meta_shape():
    assert search_meta("specialties/obstetrics-gynecology.md") == {
        "search": {"boost": 2.0}, "tags": ["OB/GYN", "OBGYN", "OB-GYN"]}
    assert search_meta("timeline/index.md") == {}
