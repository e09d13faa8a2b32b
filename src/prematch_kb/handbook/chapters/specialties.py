"""Chapter: one section per specialty, with its match, application service and facts."""

from __future__ import annotations

from prematch_kb.handbook.anchors import anchor
from prematch_kb.handbook.context import ChapterWriter, Context, esc, verify_mark
from prematch_kb.kb.model import POLICY_LABELS, POLICY_TOPICS, CommunicationPolicy


def _optional_row(label: str, value: str) -> str:
    return f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>" if value else ""


def _policy(ctx: Context, policy: CommunicationPolicy | None, where: str) -> str:
    """The specialty's communication policy: stances, season, source and the day it was searched."""
    if policy is None:
        return ""
    heading = '<h3 class="minor">Communication policy</h3>'
    searched = policy.searched.isoformat()
    summary = ctx.md.block(policy.summary, f"{where}, communication_policy.summary") if policy.summary.strip() else ""
    if not policy.found:
        return (f"{heading}<p>No published policy found (searched on {searched}) from "
                f"{esc(policy.organisation)}. Follow each program's own instructions.</p>{summary}"
                + ctx.citations(policy.citations, where))
    rows = "".join(f"<tr><th>{esc(POLICY_LABELS[topic])}</th><td>{esc(policy.position(topic))}</td></tr>"
                   for topic in POLICY_TOPICS)
    verify = "" if policy.confirmed else verify_mark()
    return (f'{heading}<p>{verify}Position of {esc(policy.organisation)} ({esc(policy.season)}; '
            f"searched on {searched}):</p>"
            f'<table class="facts-table"><tbody>{rows}</tbody></table>{summary}'
            + ctx.citations(policy.citations, where))


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
{_policy(ctx, specialty.communication_policy, where)}
{'<h3 class="minor">Facts to know</h3>' if specialty.facts else ""}
{ctx.facts(specialty.facts, where)}
{ctx.md.block(specialty.body, f"{where}, body")}
{ctx.refs("phase", specialty.phases, "Phases with notes for this specialty")}
{ctx.refs("template", specialty.templates, "Templates")}
{ctx.refs("rule", specialty.rules, "Rules")}
</section>""")
    return "".join(parts)
