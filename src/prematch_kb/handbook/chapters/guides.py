"""Chapter: the longer hand-written guides."""

from __future__ import annotations

from prematch_kb.handbook.anchors import anchor
from prematch_kb.handbook.context import ChapterWriter, Context, esc

_ORDER = ("how-to-write-to-programs", "understanding-the-rules", "networking")


def write(ctx: Context, writer: ChapterWriter) -> str:
    guides = sorted(
        ctx.kb.guides.values(), key=lambda g: (_ORDER.index(g.id) if g.id in _ORDER else len(_ORDER), g.title)
    )
    parts = []
    for guide in guides:
        where = guide.origin.path or f"guides/{guide.id}.md"
        parts.append(f"""
<section class="guide">
{writer.section(anchor("guide", guide.id), guide.title)}
<p class="summary">{esc(guide.summary)}</p>
{ctx.md.block(guide.body, where, page=f"guides/{guide.id}.md")}
{ctx.refs("rule", guide.rules, "Rules")}
{ctx.refs("template", guide.templates, "Templates")}
</section>""")
    return "".join(parts)
