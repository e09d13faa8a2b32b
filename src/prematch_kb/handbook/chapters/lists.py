"""Chapters built from the list files: mistakes, checklists, FAQ and glossary."""

from __future__ import annotations

from prematch_kb.handbook.anchors import anchor
from prematch_kb.handbook.context import ChapterWriter, Context, esc


def _intro(ctx: Context, key: str) -> str:
    collection = ctx.kb.collections.get(key)
    if not collection:
        return ""
    return ctx.md.block(collection.intro, f"{collection.origin.path}, intro")


def write_mistakes(ctx: Context, writer: ChapterWriter) -> str:
    parts = [_intro(ctx, "mistakes")]
    for m in ctx.kb.mistakes:
        where = f"mistakes.yml, entry {m.id}"
        parts.append(f"""
<section class="mistake">
{writer.section(f"mistake-{m.id}", m.title)}
<div class="why"><p class="label">Why it hurts</p>{ctx.md.block(m.why, f"{where}, why")}</div>
<div class="instead"><p class="label">Do this instead</p>{ctx.md.block(m.instead, f"{where}, instead")}</div>
{ctx.refs("rule", m.rules, "Rules")}
{ctx.refs("template", m.templates, "Templates")}
</section>""")
    return "".join(parts)


def write_checklists(ctx: Context, writer: ChapterWriter) -> str:
    parts = [_intro(ctx, "checklists")]
    for c in ctx.kb.checklists:
        where = f"checklists.yml, entry {c.id}"
        items = "".join(
            f'<li><span class="tick" aria-hidden="true"></span>{ctx.md.inline(item, f"{where}, item {i}")}</li>'
            for i, item in enumerate(c.items, 1)
        )
        parts.append(f"""
<section class="checklist">
{writer.section(f"checklist-{c.id}", c.title)}
{ctx.refs("phase", (c.phase,) if c.phase else (), "Phase")}
<ul class="ticks">{items}</ul>
</section>""")
    return "".join(parts)


def write_faq(ctx: Context, writer: ChapterWriter) -> str:
    parts = [_intro(ctx, "faq")]
    for q in ctx.kb.faq:
        where = f"faq.yml, entry {q.id}"
        parts.append(f"""
<div class="faq-entry" id="faq-{esc(q.id)}">
<h3 class="question">{esc(q.question)}</h3>
{ctx.md.block(q.answer, f"{where}, answer")}
{ctx.refs("rule", q.rules, "Rules")}
{ctx.citations(q.citations, where)}
</div>""")
    return "".join(parts)


def write_glossary(ctx: Context, writer: ChapterWriter) -> str:
    parts = [_intro(ctx, "glossary"), '<dl class="glossary">']
    for term in sorted(ctx.kb.glossary, key=lambda t: t.term.lower()):
        where = f"glossary.yml, entry {term.id}"
        expansion = f' <span class="expansion">({esc(term.expansion)})</span>' if term.expansion else ""
        parts.append(
            f'<dt id="{anchor("glossary", term.id)}">{esc(term.term)}{expansion}</dt>'
            f'<dd>{ctx.md.block(term.definition, f"{where}, definition")}'
            f"{ctx.citations(term.citations, where)}</dd>"
        )
    parts.append("</dl>")
    return "".join(parts)
