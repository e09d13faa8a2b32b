"""Markup that content Markdown may not carry: raw HTML, attribute lists and unsafe links.

The site renders content with Python-Markdown, which passes raw HTML through and (with the
attr_list extension) lets `{: onclick=...}` set any attribute; so content that could carry
script is refused when it is loaded, with its file and line, instead of being escaped somewhere
downstream. Code spans and fenced code may show any of it as text.

The text is read with markdown-it (CommonMark) set to see everything: raw HTML recognised, and
no link dropped or rewritten before `link_policy` has judged it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from prematch_kb.kb.link_policy import link_problem

RAW_HTML = ("raw HTML is not allowed in content ({markup}); write Markdown instead "
            "(a literal < is written &lt; or inside `code`)")
ATTRIBUTE_LIST = ("attribute lists ({markup}) are not allowed in content; "
                  "the site's pages set their own attributes (literal braces go inside `code`)")
# What Python-Markdown reads as a tag: "<" then a letter, "/", "!" or "?" (it is laxer than
# CommonMark, so this is looked for in the text as written, not only in markdown-it's HTML tokens).
_TAG_START = re.compile(r"<[A-Za-z!?/]")
# The autolinks Python-Markdown makes (<https://...>, <name@example.org>); any other <scheme:...>
# it passes through as a tag.
_AUTOLINK = re.compile(r"<[Hh][Tt][Tt][Pp][Ss]?://[^<>\s]*>|<(?:mailto:)?[\w.+-]+@[\w.-]+>")
# attr_list reads braces after an element or at a line's end as attributes ({: onclick=...},
# {#id .class}); its own parser is lenient, so any braces closed on the same line count.
_ATTRIBUTE_LIST = re.compile(r"\{[^\n]*\}")
# Link destinations as written, for what Python-Markdown reads as a link and CommonMark does not
# (a line break inside the address, which browsers then remove).
_RAW_DESTINATION = re.compile(r"\]\([ \t\n]*<?([^)\"'>]*)|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+)", re.M)
# A code span as Python-Markdown finds one: a backtick run, then text, then a run of the same length.
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)", re.S)


@dataclass(frozen=True)
class UnsafeMarkup:
    line: int  # 0-based, within the text
    message: str


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable("table")
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # every link reaches the token stream, to be judged here
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]  # as written (entities decoded), not percent-encoded
    return md


def unsafe_markup(text: str) -> list[UnsafeMarkup]:
    """Every piece of raw HTML, attribute list and disallowed link in a Markdown text."""
    if not any(c in text for c in "<{:&"):
        return []  # nothing that could start any of them (most fields): no parse needed
    found: list[UnsafeMarkup] = []
    lines = text.splitlines()
    env: dict = {}
    for token in _parser().parse(text, env):
        first = token.map[0] if token.map else 0
        if token.type == "html_block":
            found.append(UnsafeMarkup(first, RAW_HTML.format(markup=_shown(token.content))))
        elif token.type == "code_block":
            # Indented code: the two Markdown readers may disagree on what is indented enough.
            found += _in_source(token.content, first)
        elif token.type == "fence" and not _closed(token, lines):
            # CommonMark runs an unclosed fence to the end; Python-Markdown reads it as text.
            found += _in_source(token.info + "\n" + token.content, first)
        elif token.type == "inline":
            for child in token.children or ():
                if child.type in ("link_open", "image"):
                    href = str(child.attrGet("href") or child.attrGet("src") or "")
                    problem = link_problem(href, content_kinds=True)
                    if problem:
                        found.append(UnsafeMarkup(first + _line_of(token.content, href),
                                                  f"{problem} (got {_shown(href)})"))
            found += _in_source(token.content, first)
    for label, definition in (env.get("references") or {}).items():
        # [label]: target definitions, used or not (Python-Markdown may match a label CommonMark did not)
        problem = link_problem(definition.get("href", ""), content_kinds=True)
        if problem:
            found.append(UnsafeMarkup(_line_of(text, label), f"{problem} (got {_shown(definition.get('href', ''))})"))
    unique = {(f.line, f.message.split(" (got ")[0]): f for f in reversed(found)}
    return sorted(unique.values(), key=lambda f: f.line)


def _in_source(source: str, first: int) -> list[UnsafeMarkup]:
    """Tags and attribute lists in Markdown source as written, code spans left out."""
    source = _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), source)
    source = _AUTOLINK.sub(lambda m: " " * len(m[0]), source)
    found = []
    tag = _TAG_START.search(source)
    if tag:
        end = source.find(">", tag.start())
        markup = source[tag.start(): end + 1 if end > 0 else tag.start() + 20]
        found.append(UnsafeMarkup(first + source.count("\n", 0, tag.start()), RAW_HTML.format(markup=_shown(markup))))
    for match in _RAW_DESTINATION.finditer(source):
        href = match[1] if match[1] is not None else match[2]
        problem = link_problem(href, content_kinds=True)
        if problem:
            found.append(UnsafeMarkup(first + source.count("\n", 0, match.start()), f"{problem} (got {_shown(href)})"))
    for match in _ATTRIBUTE_LIST.finditer(source):
        found.append(UnsafeMarkup(first + source.count("\n", 0, match.start()),
                                  ATTRIBUTE_LIST.format(markup=_shown(match[0]))))
    return found


def _closed(fence, lines: list[str]) -> bool:
    """Whether a fenced code block ends with its closing fence (CommonMark also ends it at the end)."""
    last = lines[fence.map[1] - 1].strip() if fence.map and fence.map[1] - 1 < len(lines) else ""
    return fence.map[1] - fence.map[0] >= 2 and last.startswith(fence.markup) and set(last) == {fence.markup[0]}


def _line_of(source: str, needle: str) -> int:
    at = source.find(needle) if needle else -1
    return source.count("\n", 0, at) if at > 0 else 0


def _shown(markup: str) -> str:
    one_line = " ".join(markup.split())
    return one_line if len(one_line) <= 60 else one_line[:57] + "..."
