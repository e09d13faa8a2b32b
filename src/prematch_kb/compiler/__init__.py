"""The content compiler: the knowledge base in, Markdown pages out. Knows nothing of MkDocs.

    pages = render_pages(kb, settings)          # list[Page]
    nav = build_nav(pages, handwritten)         # MkDocs-style nav list
    write_pages(pages, Path("out"))             # for any other generator
"""

from __future__ import annotations

import datetime as _dt

from prematch_kb.compiler.context import RenderContext
from prematch_kb.compiler.guides import render_guide_pages
from prematch_kb.compiler.nav import build_nav
from prematch_kb.compiler.page import Page
from prematch_kb.compiler.profiles import render_profile_pages
from prematch_kb.compiler.reference import render_reference_pages
from prematch_kb.compiler.rules import render_rule_pages
from prematch_kb.compiler.specialties import render_specialty_pages
from prematch_kb.compiler.templates import render_template_pages
from prematch_kb.compiler.timeline import current_phases, render_timeline_page
from prematch_kb.compiler.write import write_pages
from prematch_kb.kb.model import KnowledgeBase
from prematch_kb.kb.site import SiteSettings

__all__ = ["Page", "build_nav", "current_phases", "render_pages", "write_pages"]


def render_pages(kb: KnowledgeBase, settings: SiteSettings, today: _dt.date | None = None,
                 handwritten=frozenset()) -> list[Page]:
    """Every generated page. `today` is the build date (for the timeline's fallback statement);
    `handwritten` lists hand-written docs pages that exist (the checker page is linked only if it does)."""
    ctx = RenderContext(kb, settings, today or _dt.date.today(), frozenset(handwritten))
    pages: list[Page] = []
    pages += render_guide_pages(ctx)
    pages.append(render_timeline_page(ctx))
    pages += render_profile_pages(ctx)
    pages += render_rule_pages(ctx)
    pages += render_specialty_pages(ctx)
    pages += render_template_pages(ctx)
    pages += render_reference_pages(ctx)
    return pages
