"""Hand-written guide pages from content/guides/*.md."""

from __future__ import annotations

import re

from prematch_kb.compiler import markdown as md
from prematch_kb.compiler import paths
from prematch_kb.compiler.context import RenderContext
from prematch_kb.compiler.page import SECTION_GUIDE, Page
from prematch_kb.kb.model import GUIDE_KINDS, Guide

_H1 = re.compile(r"^#\s", re.MULTILINE)
# Navigation groups of a large guide section, by the guide's kind.
KIND_LABELS = {"how-to": "How-to guides", "explanation": "Explanations", "tutorial": "Tutorials",
               "reference": "Reference guides"}


def render_guide_pages(ctx: RenderContext) -> list[Page]:
    order = {k: i for i, k in enumerate(GUIDE_KINDS)}
    guides = sorted(ctx.kb.guides.values(), key=lambda g: (order.get(g.kind, 9), g.title.lower()))
    return [_page(ctx, g) for g in guides]


def _page(ctx: RenderContext, guide: Guide) -> Page:
    here = paths.guide(guide.id)
    body = ctx.resolve(guide.body, here).strip()
    out = []
    if not _H1.match(body):  # the body may bring its own title
        out += [f"# {md.text(guide.title)}", "", f"*{md.text(guide.summary)}*", ""]
    out += [body, ""]
    if guide.rules or guide.templates:
        out += [md.heading(2, "See also", "see-also", searchable=False), ""]
        if guide.rules:
            out += [f"**Rules:** {ctx.links(here, 'rule', guide.rules)}", ""]
        if guide.templates:
            out += [f"**Templates:** {ctx.links(here, 'template', guide.templates)}", ""]
    out += [ctx.reviewed_line(guide.reviewed), ""]
    return Page(here, guide.title, "\n".join(out), guide.origin.path, SECTION_GUIDE,
                nav_group=KIND_LABELS.get(guide.kind, ""))
