"""Where each kind of content lives on the site (docs-relative .md paths) and what it is called.

The scheme itself is prematch_kb.kb.urls, shared with the checker's rulebook and the browser
data; this module names it for the compiler's pages.
"""

from __future__ import annotations

from collections.abc import Mapping

from prematch_kb.kb import urls
from prematch_kb.kb.model import KnowledgeBase
from prematch_kb.kb.urls import (
    CHECKLISTS,
    FAQ,
    GLOSSARY,
    MISTAKES,
    PROFILES_INDEX,
    RULES_INDEX,
    SOURCES,
    SPECIALTIES_INDEX,
    TEMPLATES_INDEX,
    TIMELINE,
    checker_anchor,
)

__all__ = [
    "CHECKLISTS", "FAQ", "GLOSSARY", "MISTAKES", "PROFILES_INDEX", "RULES_INDEX", "SOURCES", "SPECIALTIES_INDEX",
    "TEMPLATES_INDEX", "TIMELINE", "checker_anchor", "guide", "profile", "rule", "specialty", "target", "template",
    "title",
]


def rule(id_: str) -> str:
    return urls.page("rule", id_)


def template(id_: str) -> str:
    return urls.page("template", id_)


def specialty(id_: str) -> str:
    return urls.page("specialty", id_)


def profile(id_: str) -> str:
    return urls.page("profile", id_)


def guide(id_: str) -> str:
    return urls.page("guide", id_)


def target(kb: KnowledgeBase, kind: str, id_: str) -> tuple[str, str]:
    """(page path, anchor) of `kind:id`; the loader has already checked that the id exists."""
    return urls.target(kind, id_, lambda category: kb.checks[category].rule)


def title(kb: KnowledgeBase, kind: str, id_: str) -> str:
    """The human title of `kind:id`, for link labels."""
    tables: dict[str, tuple[Mapping[str, object], str]] = {
        "rule": (kb.rules, "title"), "template": (kb.templates, "title"), "specialty": (kb.specialties, "name"),
        "profile": (kb.profiles, "title"), "guide": (kb.guides, "title"), "phase": (kb.phases, "title"),
        "source": (kb.sources, "title"), "check": (kb.checks, "title"),
    }
    if kind == "glossary":
        term = next((t for t in kb.glossary if t.id == id_), None)
        return term.term if term else id_
    table, attribute = tables[kind]
    item = table.get(id_)
    return getattr(item, attribute) if item is not None else id_
