"""How the site search weighs each page, and the words applicants search with that a page's own
text does not hold (abbreviations, other spellings).

The theme's search (lunr, in the browser) scores each section of a page by its title and text,
times the page's `search.boost`; a page's `tags` are a third field, weighed far above both, and
shown beside the result. So:

- Boosts put what an applicant looks for (rules, FAQ answers, specialty pages, templates) before
  what a developer or a fact-checker looks for (the sources list, about and benchmark pages).
- Keywords hold only single words that are nothing but a name for the page they are given to
  ("ENT", "PM&R", "ROL"): a common word there ("rank", "letter") would pull that page above
  better answers to every query holding it. Longer synonyms belong in the page's own text.

The theme's index keeps words as written (its pipeline has no trimmer or stemmer), so "(ENT)" in
a title is the word "(ent)", which a search for "ENT" does not find: hence the keyword.
"""

from __future__ import annotations

import re

# Page boost by path prefix, the first that matches. Pages not listed keep 1.
BOOSTS: tuple[tuple[str, float], ...] = (
    ("rules/index.md", 1.0),
    ("rules/", 2.0),
    ("faq.md", 3.0),
    ("specialties/index.md", 1.0),
    ("specialties/", 2.0),
    ("templates/index.md", 1.0),
    ("templates/", 2.0),
    ("profiles/", 1.5),
    ("mistakes.md", 1.5),
    ("glossary.md", 1.5),
    ("guides/", 1.5),
    ("checker/index.md", 1.5),
    ("sources.md", 0.2),
    ("about.md", 0.3),
    ("benchmarks.md", 0.05),
    ("benchmarks/", 0.05),
)

# Docs-relative page path: the words applicants search with for that page and no other.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "specialties/obstetrics-gynecology.md": ("OB/GYN", "OBGYN", "OB-GYN"),
    "specialties/physical-medicine-rehabilitation.md": ("PM&R", "PMR", "physiatry"),
    "specialties/pediatrics.md": ("peds", "paediatrics"),
    "specialties/diagnostic-radiology.md": ("rads",),
    "specialties/ophthalmology.md": ("ophtho",),
    "specialties/plastic-surgery.md": ("plastics", "PRS"),
    "rules/first-choice-to-one-program.md": ("#1",),
    "rules/rank-by-true-preference.md": ("ROL", "ROLs"),
    "templates/first-choice-letter.md": ("LOI", "LOIs"),
    "rules/present-training-with-confidence.md": ("apologize", "apologizing"),  # the page spells it "apologise"
    "glossary.md": ("PD", "PDs"),
}

# The theme searches every word of a query as a prefix ("e" as "e*"). Stop words ("I", "or")
# are left out of queries before they reach the search worker (overrides/partials/
# search-query.js), but pieces of hyphenated words are not: "e" of "e-mail", "h" of "H-1B", "j" of
# "J-1"; and a query of a stop word alone ("i") is sent as it is. A keyword one of these
# begins would pull its page above every other answer to any query holding it ("EM" for
# "e-mail"), so keywords are checked against them (tests/test_search_meta.py).
SHORT_QUERY_WORDS = frozenset({"e", "h", "i", "j"})


def hijacking_words(keyword: str) -> list[str]:
    """The short query words that would find `keyword` as a prefix, in any of its words."""
    words = [w for w in re.split(r"[\s\-]+", keyword.casefold()) if w]
    return sorted({q for w in words for q in SHORT_QUERY_WORDS if w.startswith(q)})


def search_meta(path: str) -> dict:
    """Front matter for the page at `path` (docs-relative): {"search": {"boost": x}} when its
    boost is not 1, {"tags": [...]} when it has keywords."""
    meta: dict = {}
    boost = next((value for prefix, value in BOOSTS
                  if path == prefix or (prefix.endswith("/") and path.startswith(prefix))), 1.0)
    if boost != 1.0:
        meta["search"] = {"boost": boost}
    if path in KEYWORDS:
        meta["tags"] = list(KEYWORDS[path])
    return meta
