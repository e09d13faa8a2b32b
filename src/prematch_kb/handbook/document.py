"""The whole handbook as one print HTML document: cover, contents, numbered chapters."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from prematch_kb.handbook.chapters import CHAPTERS
from prematch_kb.handbook.context import ChapterWriter, Context, TocEntry, esc, long_date
from prematch_kb.handbook.markdown import MarkdownRenderer
from prematch_kb.handbook.settings import HandbookSettings
from prematch_kb.kb.model import KnowledgeBase


@dataclass(frozen=True)
class HandbookDocument:
    html: str
    toc: tuple[TocEntry, ...]


def target_checker(kb: KnowledgeBase):
    """(kind, id) -> whether the handbook prints that object, for resolving content links."""
    glossary = {term.id for term in kb.glossary}
    tables: dict[str, Collection[str]] = {
        "rule": kb.rules,
        "template": kb.templates,
        "specialty": kb.specialties,
        "profile": kb.profiles,
        "phase": kb.phases,
        "guide": kb.guides,
        "source": kb.sources,
        "glossary": glossary,
        "check": kb.checks,
    }
    return lambda kind, object_id: object_id in tables.get(kind, ())


def render_document(kb: KnowledgeBase, settings: HandbookSettings) -> HandbookDocument:
    ctx = Context(kb=kb, settings=settings, md=MarkdownRenderer(target_checker(kb), site_url=settings.site_url))
    toc: list[TocEntry] = []
    chapters = []
    for number, (chapter_id, title, write) in enumerate(CHAPTERS, 1):
        writer = ChapterWriter(number, chapter_id, title)
        heading = writer.heading()
        body = write(ctx, writer)
        chapters.append(f'<section class="chapter chapter-{chapter_id}">{heading}{body}</section>')
        toc.extend(writer.toc)
    html = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(settings.title)}: printed handbook, {esc(settings.cycle)} Match</title>
<meta name="description" content="{esc(settings.description)}">
<meta name="generator" content="prematch-kb">
<meta name="dcterms.created" content="{settings.edition.isoformat()}">
</head>
<body>
{_cover(kb, settings)}
{_contents(toc)}
{"".join(chapters)}
</body>
</html>"""
    return HandbookDocument(html=html, toc=tuple(toc))


def _cover(kb: KnowledgeBase, settings: HandbookSettings) -> str:
    cycle_title = kb.cycle.title if kb.cycle else f"{settings.cycle} Match"
    return f"""
<section class="cover">
<p class="cover-kicker">Printed handbook</p>
<h1 class="cover-title">{esc(settings.title)}</h1>
<p class="cover-cycle">{esc(cycle_title)}</p>
<p class="cover-description">{esc(settings.description)}</p>
<div class="cover-foot">
<p>Edition of {esc(long_date(settings.edition))}</p>
<p>Latest version and private email checker: <span class="url">{esc(settings.site_url)}</span></p>
</div>
</section>"""


def _contents(toc: list[TocEntry]) -> str:
    items = "".join(
        f'<li class="toc-level-{e.level}"><a href="#{esc(e.anchor)}">'
        f'<span class="toc-number">{esc(e.number)}</span> <span class="toc-text">{esc(e.title)}</span></a></li>'
        for e in toc
    )
    return f'<nav class="toc"><h1 class="toc-title">Contents</h1><ul>{items}</ul></nav>'
