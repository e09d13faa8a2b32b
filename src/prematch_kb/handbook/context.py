"""What every chapter writer receives, and the small HTML pieces they share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from prematch_kb.handbook.anchors import anchor, chapter_anchor
from prematch_kb.handbook.markdown import MarkdownRenderer
from prematch_kb.handbook.settings import HandbookSettings
from prematch_kb.kb.model import Citation, Fact, KnowledgeBase


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def printable_url(url: str) -> str:
    """A web address that wraps only after a slash or before a hyphen, never after one, so a
    printed line break cannot pass for a hyphen that belongs to the address (the convention of
    print style guides); copied text stays the exact address."""
    segments = re.findall(r"[^/]*/+|[^/]+", url)
    pieces = [piece for segment in segments for piece in re.split(r"(?=-)", segment) if piece]
    html = []
    for piece in pieces:
        nowrap = ' class="nowrap"' if len(piece) <= 60 else ""
        html.append(f"<span{nowrap}>{esc(piece)}</span>")
    return '<span class="url">' + "\u200b".join(html) + "</span>"


def long_date(value) -> str:
    return f"{value:%B} {value.day}, {value.year}"


@dataclass
class Context:
    kb: KnowledgeBase
    settings: HandbookSettings
    md: MarkdownRenderer

    def citations(self, citations, where: str) -> str:
        """'Sources:' line; each source links to its entry in the sources chapter."""
        if not citations:
            return ""
        items = "; ".join(self.citation(citation) for citation in citations)
        return f'<p class="citations"><span class="label">Sources:</span> {items}</p>'

    def citation(self, citation: Citation) -> str:
        source = citation.source
        section = f", section {esc(citation.section)}" if citation.section else ""
        if citation.section and not citation.confirmed:
            section += " " + verify_mark().strip()
        return (
            f'<a class="source-ref" href="#{anchor("source", source.id)}">'
            f"{esc(source.publisher)}, {esc(source.title)}</a>{section}"
        )

    def fact(self, fact: Fact, where: str) -> str:
        verify = "" if fact.confirmed else verify_mark()
        sources = "; ".join(self.citation(c) for c in fact.citations)
        sources_html = f' <span class="fact-sources">({sources})</span>' if sources else ""
        return f"<li>{verify}{self.md.inline(fact.text, where)}{sources_html}</li>"

    def facts(self, facts, where: str) -> str:
        if not facts:
            return ""
        items = "".join(self.fact(f, f"{where}, fact {i}") for i, f in enumerate(facts, 1))
        return f'<ul class="facts">{items}</ul>'

    def refs(self, kind: str, ids, label: str) -> str:
        """'Rules: A (p. 4), B (p. 9)' for ids of objects printed elsewhere in the handbook."""
        if not ids:
            return ""
        names = [f'<a class="xref" href="#{anchor(kind, i)}">{esc(self.title_of(kind, i))}</a>' for i in ids]
        return f'<p class="refs"><span class="label">{esc(label)}:</span> {", ".join(names)}</p>'

    def title_of(self, kind: str, object_id: str) -> str:
        kb = self.kb
        table = {
            "rule": lambda: kb.rules[object_id].title,
            "template": lambda: kb.templates[object_id].title,
            "specialty": lambda: kb.specialties[object_id].name,
            "profile": lambda: kb.profiles[object_id].title,
            "phase": lambda: kb.phases[object_id].title,
            "guide": lambda: kb.guides[object_id].title,
        }
        try:
            return table[kind]()
        except KeyError:
            return object_id

    def markdown_list(self, items, where: str, css_class: str = "") -> str:
        if not items:
            return ""
        css = f' class="{css_class}"' if css_class else ""
        body = "".join(f"<li>{self.md.inline(item, f'{where}, item {i}')}</li>" for i, item in enumerate(items, 1))
        return f"<ul{css}>{body}</ul>"


def verify_mark() -> str:
    return '<span class="verify" title="Not confirmed from a primary source">verify</span> '


def date_status(date, edition) -> str:
    """A cycle date's status as printed: confirmed, expected, or passed without confirmation
    (as of the edition), the last two with the verify mark."""
    if date.confirmed:
        return '<span class="confirmed">confirmed</span>'
    if date.passed_unconfirmed(edition):
        return verify_mark() + "passed unconfirmed"
    return verify_mark() + "expected"


@dataclass(frozen=True)
class TocEntry:
    number: str  # "3" for a chapter, "3.4" for a section
    title: str
    anchor: str
    level: int  # 1 chapter, 2 section


@dataclass
class ChapterWriter:
    """Numbers a chapter and its sections, and records them for the table of contents."""

    number: int
    chapter_id: str
    title: str
    toc: list[TocEntry] = field(default_factory=list)
    _sections: int = 0

    def heading(self) -> str:
        target = chapter_anchor(self.chapter_id)
        self.toc.append(TocEntry(str(self.number), self.title, target, 1))
        return (
            f'<h1 class="chapter-title" id="{target}" data-chapter="{esc(self.title)}">'
            f'<span class="number">{self.number}</span> {esc(self.title)}</h1>'
        )

    def section(self, target: str, title: str, extra: str = "") -> str:
        self._sections += 1
        number = f"{self.number}.{self._sections}"
        self.toc.append(TocEntry(number, title, target, 2))
        return (
            f'<h2 class="section-title" id="{esc(target)}"><span class="number">{number}</span> '
            f"{esc(title)}{extra}</h2>"
        )
