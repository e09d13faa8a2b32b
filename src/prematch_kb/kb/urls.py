"""The site's URL scheme: where each kind of content lives, for every output.

Each page is named by its docs-relative Markdown path (what the compiler writes, e.g.
`rules/no-binding-commitments.md`); its address follows from that path the way MkDocs makes
directory URLs (`rules/no-binding-commitments/`, `timeline/`). The compiler's pages, the checker's
rulebook, the checker page's data, the plan page's data and the handbook's printed addresses all
ask here, so a page that moves moves everywhere at once.

Kinds are those of content links (`[text](kind:id)`, see prematch_kb.kb.links): rules,
templates, specialties, profiles and guides have a page each; phases, glossary terms and sources
are anchors on a shared page; a checker category (`check`) is an anchor on its rule's page.
"""

from __future__ import annotations

from collections.abc import Callable

# Pages of their own: kind -> folder.
PAGE_FOLDERS = {
    "rule": "rules",
    "template": "templates",
    "specialty": "specialties",
    "profile": "profiles",
    "guide": "guides",
}

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
# Hand-written pages (docs/) that generated data links to.
CHECKER = "checker/index.md"
PLAN = "plan/index.md"

# Kinds shown as an anchor (the id itself) on a shared page.
ANCHOR_PAGES = {"phase": TIMELINE, "glossary": GLOSSARY, "source": SOURCES}


def page(kind: str, id_: str) -> str:
    """The Markdown path of the page of `kind:id` (a kind with pages of its own)."""
    return f"{PAGE_FOLDERS[kind]}/{id_}.md"


def checker_anchor(category: str) -> str:
    """The anchor of a checker category's section on its rule's page."""
    return f"checker-{category}"


def target(kind: str, id_: str, rule_of_check: Callable[[str], str] | None = None) -> tuple[str, str]:
    """(Markdown path, "#anchor" or "") of `kind:id`; `rule_of_check(category)` names the rule
    whose page holds a checker category (needed for `check` links only)."""
    if kind in PAGE_FOLDERS:
        return page(kind, id_), ""
    if kind in ANCHOR_PAGES:
        return ANCHOR_PAGES[kind], f"#{id_}"
    if kind == "check" and rule_of_check is not None:
        return page("rule", rule_of_check(id_)), f"#{checker_anchor(id_)}"
    raise ValueError(f"unknown link kind {kind!r}" if kind != "check" else "a check link needs rule_of_check")


def url(path: str) -> str:
    """The site-relative address of a Markdown path: `rules/x.md` -> `rules/x/`,
    `timeline/index.md` -> `timeline/`, `index.md` -> `` (the home page)."""
    if path == "index.md":
        return ""
    if path.endswith("/index.md"):
        return path[: -len("index.md")]
    if path.endswith(".md"):
        return path[: -len(".md")] + "/"
    return path


def address(kind: str, id_: str, rule_of_check: Callable[[str], str] | None = None, anchor: str = "") -> str:
    """The site-relative address of `kind:id`: its page, then the link's own "#anchor" if it
    names one, else the item's (a phase's, a checker category's)."""
    path, own_anchor = target(kind, id_, rule_of_check)
    return url(path) + (anchor or own_anchor)


def page_url(kind: str, id_: str) -> str:
    """The site-relative address of the page of `kind:id` (a kind with pages of its own)."""
    return url(page(kind, id_))
