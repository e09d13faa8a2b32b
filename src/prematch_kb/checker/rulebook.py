"""The checker's wording, read from rulebook.json (generated from the knowledge base).

Found next to this module, so it works from a source tree, an installed wheel and inside Pyodide.
If a category is missing (during development), a neutral fallback keeps the checker working.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

RULEBOOK_PATH = Path(__file__).with_name("rulebook.json")
SCHEMA = "prematch-kb/rulebook"
DEFAULT_SITE_URL = "https://prematch-kb.org/"


@lru_cache(maxsize=1)
def load_rulebook() -> dict:
    try:
        data = json.loads(RULEBOOK_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if data.get("schema") != SCHEMA:
        data = {"schema": SCHEMA, "version": 1, "site_url": DEFAULT_SITE_URL, "categories": {}}
    return data


def known_phases() -> tuple[str, ...]:
    """The season phases a check may name, in season order (content/timeline/phases.yml); empty
    when the rulebook does not list them, and then any well-formed id is accepted."""
    return _choices()[0]


def known_specialties() -> tuple[str, ...]:
    """The specialty ids a check may name (content/specialties/); empty as for phases."""
    return _choices()[1]


def early_phases() -> frozenset[str]:
    """The phases marked early in the knowledge base (`early: true` in content/timeline/phases.yml):
    a US-citizen IMG's email should then state their visa status. Empty when the rulebook does not
    list them (the visa-status check then never runs; the loader refuses content with none)."""
    return _choices()[2]


_CHOICES: list = [None, ((), (), frozenset())]  # (the rulebook read, (phases, specialties, early phases))


def _choices() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    book = load_rulebook()
    if _CHOICES[0] is not book:  # worked out once per rulebook read
        _CHOICES[:] = [book, (tuple(book.get("phases", ())), tuple(book.get("specialties", ())),
                              frozenset(book.get("early_phases", ())))]
    return _CHOICES[1]


def category_entry(category: str) -> dict:
    """The rulebook entry for a category, or a neutral fallback when it is not generated yet."""
    book = load_rulebook()
    entry = book["categories"].get(category)
    if entry is not None:
        return entry
    title = category.replace("-", " ").capitalize()
    return {
        "category": category,
        "rule": "",
        "severity": "warning",
        "title": title,
        "message": f"{title}.",
        "explanation": "",
        "explanation_html": "",
        "suggestions": [],
        "reply": "",
        "link": book.get("site_url", DEFAULT_SITE_URL),
        "source": None,
    }
