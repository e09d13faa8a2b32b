"""Chapter: one section per specialty, with its match, application service and facts."""

from __future__ import annotations

from prematch_kb.handbook.anchors import anchor
from prematch_kb.handbook.context import Context, ChapterWriter, esc


def _optional_row(label: str, value: str) -> str:
    return f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>" if value else ""


def write(ctx: Context, writer: ChapterWriter) -> str:
    parts = [
        '<p class="lead">Some specialties fill their positions through their own match or ask '
        "applicants to follow extra guidance on communication. Check your specialty's section "
        "before you write to its programs.</p>"
    ]
    for specialty in sorted(ctx.kb.specialties.values(), key=lambda s: s.name.lower()):
        where = specialty.origin.path or f"specialties/{specialty.id}.yml"
        parts.append(f"""
<section class="specialty">
{writer.section(anchor("specialty", specialty.id), specialty.name)}
<p class="summary">{esc(specialty.summary)}</p>
<table class="facts-table"><tbody>
<tr><th>Match</th><td>{esc(specialty.match)}</td></tr>
<tr><th>Application service</th><td>{esc(specialty.application_service)}</td></tr>
{_optional_row("Preference signals", getattr(specialty, "signals", ""))}
{_optional_row("Thank-you notes", getattr(specialty, "thank_you", ""))}
</tbody></table>
{'<h3 class="minor">Offers outside the match</h3>' if specialty.pre_match_offers.strip() else ""}
{ctx.md.block(specialty.pre_match_offers, f"{where}, pre_match_offers")}
{'<h3 class="minor">Facts to know</h3>' if specialty.facts else ""}
{ctx.facts(specialty.facts, where)}
{ctx.md.block(specialty.body, f"{where}, body")}
{ctx.refs("phase", specialty.phases, "Phases with notes for this specialty")}
{ctx.refs("template", specialty.templates, "Templates")}
{ctx.refs("rule", specialty.rules, "Rules")}
</section>""")
    return "".join(parts)
