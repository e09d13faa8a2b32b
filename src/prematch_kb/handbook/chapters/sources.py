"""Chapter: every cited document with its readable address and the date it was last checked."""

from __future__ import annotations

from prematch_kb.handbook.anchors import anchor
from prematch_kb.handbook.context import ChapterWriter, Context, esc, long_date, printable_url


def write(ctx: Context, writer: ChapterWriter) -> str:
    sources = sorted(ctx.kb.sources.values(), key=lambda s: (not s.primary, s.publisher, s.title.lower()))
    parts = [
        '<p class="lead">Every rule, date and fact in this handbook rests on the documents below. '
        "Primary sources are the organisations' own documents; the others are listed for "
        "background only. Each entry gives the date someone last read it for this handbook.</p>",
        '<ol class="sources">',
    ]
    for s in sources:
        kind = "primary source" if s.primary else "secondary source"
        note = f'<span class="note">{esc(s.note)}</span>' if s.note else ""
        parts.append(
            f'<li id="{anchor("source", s.id)}"><span class="publisher">{esc(s.publisher)}</span>, '
            f'<span class="source-title">{esc(s.title)}</span>. '
            f'{printable_url(s.url)} '
            f'<span class="checked">Checked {esc(long_date(s.checked))}; {kind}.</span> {note}</li>'
        )
    parts.append("</ol>")
    return "".join(parts)
