"""Content Markdown rendered for data the browser shows: the checker's explanations (in
`rulebook.json`) and the plan page's notes.

markdown-it-py in CommonMark mode with tables, raw HTML off: the dialect the handbook and the site
render too (tests/test_markdown_dialects.py). Links go through the one allow-list
(`link_policy.link_problem`): a link it refuses stays text. Content links (`[text](rule:id)`)
become absolute site addresses first (`resolve_links`), since the data is read on other pages.
"""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt

from prematch_kb.kb import urls
from prematch_kb.kb.link_policy import link_problem
from prematch_kb.kb.links import LINK_PATTERN
from prematch_kb.kb.model import KnowledgeBase


def resolve_links(markdown: str, kb: KnowledgeBase, site_url: str) -> str:
    """Turn [text](kind:id) links into absolute site addresses (the checker runs on any page)."""

    def rule_of_check(category: str) -> str:
        check = kb.checks.get(category)
        return check.rule if check else ""

    def target(match) -> str:
        kind, id_, anchor = match["kind"], match["id"], match["anchor"] or ""
        return f"]({site_url}{urls.address(kind, id_, rule_of_check, anchor)})"

    return LINK_PATTERN.sub(target, markdown)


@functools.lru_cache(maxsize=1)  # one parser for every call: building one costs more than a render
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    # The browser shows explanation_html: only links the one allow-list accepts become links,
    # judged as written (before percent-encoding would hide a tab); the rest stay text.
    normalize = md.normalizeLink
    md.normalizeLink = lambda url: normalize(url) if link_problem(url) is None else ""  # type: ignore[method-assign]
    md.validateLink = lambda url: bool(url) and link_problem(url) is None  # type: ignore[method-assign]
    return md


def render_html(markdown: str) -> str:
    return _markdown().render(markdown).strip()


def render_plain(markdown: str) -> str:
    """Markdown as plain text: paragraphs kept, markup and link targets dropped; a table row is
    one line, its cells separated by " | "."""
    blocks: list[str] = []
    row: list[str] | None = None
    for token in _markdown().parse(markdown):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append(" | ".join(row))
            row = None
        elif token.type == "inline":
            text = _inline_text(token)
            if row is not None:
                row.append(text)
            else:
                prefix = "• " if blocks and _in_list(token) else ""
                blocks.append(prefix + text)
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip())
    return "\n\n".join(b for b in blocks if b)


def _inline_text(token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _in_list(token) -> bool:
    return token.level >= 2  # paragraph inside a list item


__all__ = ["render_html", "render_plain", "resolve_links"]
