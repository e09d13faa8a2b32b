"""Where each kind of content lives on the site (docs-relative .md paths) and what it is called."""

from __future__ import annotations

from prematch_kb.kb.model import KnowledgeBase

RULES_INDEX = "rules/index.md"
TEMPLATES_INDEX = "templates/index.md"
SPECIALTIES_INDEX = "specialties/index.md"
PROFILES_INDEX = "profiles/index.md"
TIMELINE = "timeline/index.md"
MISTAKES = "mistakes.md"
CHECKLISTS = "checklists.md"
FAQ = "faq.md"
GLOSSARY = "glossary.md"
SOURCES = "sources.md"


def rule(id_: str) -> str:
    return f"rules/{id_}.md"


def template(id_: str) -> str:
    return f"templates/{id_}.md"


def specialty(id_: str) -> str:
    return f"specialties/{id_}.md"


def profile(id_: str) -> str:
    return f"profiles/{id_}.md"


def guide(id_: str) -> str:
    return f"guides/{id_}.md"


def checker_anchor(category: str) -> str:
    return f"checker-{category}"


def target(kb: KnowledgeBase, kind: str, id_: str) -> tuple[str, str]:
    """(page path, anchor) of `kind:id`; the loader has already checked that the id exists."""
    if kind == "rule":
        return rule(id_), ""
    if kind == "template":
        return template(id_), ""
    if kind == "specialty":
        return specialty(id_), ""
    if kind == "profile":
        return profile(id_), ""
    if kind == "guide":
        return guide(id_), ""
    if kind == "phase":
        return TIMELINE, f"#{id_}"
    if kind == "glossary":
        return GLOSSARY, f"#{id_}"
    if kind == "source":
        return SOURCES, f"#{id_}"
    if kind == "check":
        check = kb.checks[id_]
        return rule(check.rule), f"#{checker_anchor(id_)}"
    raise ValueError(f"unknown link kind {kind!r}")


def title(kb: KnowledgeBase, kind: str, id_: str) -> str:
    """The human title of `kind:id`, for link labels."""
    tables = {
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
