"""Chapter: every email template, boxed, with its blanks drawn as lines to write on."""

from __future__ import annotations

import re

from prematch_kb.handbook.anchors import anchor
from prematch_kb.handbook.context import ChapterWriter, Context, esc

_PLACEHOLDER = re.compile(r"\[([^\[\]\n]+)\]")
_AUDIENCE = {
    "program-director": "program director",
    "coordinator": "program coordinator",
    "faculty": "faculty member",
    "resident": "resident",
}
_APPLICANTS = {"us-md-do": "US MD/DO graduates", "us-img": "US-citizen IMGs", "non-us-img": "non-US-citizen IMGs"}


def with_blanks(text: str) -> str:
    """Escape plain template text and draw each [Placeholder Name] as a labelled blank."""
    out, last = [], 0
    for match in _PLACEHOLDER.finditer(text):
        out.append(esc(text[last : match.start()]))
        out.append(f'<span class="blank"><span class="blank-name">{esc(match.group(1))}</span></span>')
        last = match.end()
    out.append(esc(text[last:]))
    return "".join(out)


def email_body(text: str) -> str:
    """Template body as paragraphs (blank lines) and line breaks, with blanks drawn."""
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    return "".join(f"<p>{'<br>'.join(with_blanks(line) for line in p.splitlines())}</p>" for p in paragraphs)


def write(ctx: Context, writer: ChapterWriter) -> str:
    parts = [
        '<p class="lead">Each template is a complete email. Copy it by hand or from the website, '
        "fill in every blank (the small label at the start of the line says what goes there), and cut what "
        "does not fit your situation. Never send a template with a blank left in it.</p>"
    ]
    phase_order = {p.id: p.order for p in ctx.kb.phases.values()}
    templates = sorted(
        ctx.kb.templates.values(),
        key=lambda t: min((phase_order.get(p, 99) for p in t.phases), default=99),
    )
    for template in templates:
        parts.append(_template(ctx, writer, template))
    return "".join(parts)


def _template(ctx: Context, writer: ChapterWriter, t) -> str:
    where = t.origin.path or f"templates/{t.id}.yml"
    audience = ", ".join(_AUDIENCE.get(a, a) for a in t.audience) or "any recipient"
    applicants = ", ".join(_APPLICANTS.get(a, a) for a in t.applicant_types) or "all applicants"
    placeholders = "".join(
        f"<tr><td>{esc(p.name)}</td><td>{esc(p.description)}</td><td>{esc(p.example)}</td></tr>"
        for p in t.placeholders
    )
    placeholders_table = (
        '<table class="placeholders"><thead><tr><th>Blank</th><th>What to write</th><th>Example</th>'
        f"</tr></thead><tbody>{placeholders}</tbody></table>"
        if placeholders
        else ""
    )
    do = ctx.markdown_list(t.do, f"{where}, do", "do")
    dont = ctx.markdown_list(t.dont, f"{where}, dont", "dont")
    advice = ""
    if do or dont:
        advice = '<div class="do-dont">'
        advice += f'<div><p class="label">Do</p>{do}</div>' if do else ""
        advice += f'<div><p class="label">Don\'t</p>{dont}</div>' if dont else ""
        advice += "</div>"
    return f"""
<section class="template">
{writer.section(anchor("template", t.id), t.title)}
<p class="summary keep-with-next">{esc(t.purpose)}</p>
<p class="meta keep-with-next">To: {esc(audience)} · For: {esc(applicants)}</p>
<div class="email">
<p class="subject"><span class="label">Subject:</span> {with_blanks(t.subject)}</p>
<div class="email-body">{email_body(t.body)}</div>
</div>
{placeholders_table}
{advice}
{ctx.refs("phase", t.phases, "When to send")}
{ctx.refs("rule", t.rules, "Rules")}
</section>"""
