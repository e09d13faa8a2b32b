"""Chapter: the phases of the season with the cycle's dates, each confirmed or marked verify."""

from __future__ import annotations

from prematch_kb.handbook.anchors import anchor
from prematch_kb.handbook.context import ChapterWriter, Context, date_status, esc, long_date, verify_mark


def write(ctx: Context, writer: ChapterWriter) -> str:
    cycle = ctx.kb.cycle
    calendars = "; ".join(ctx.citation(c) for c in cycle.calendars)
    parts = [
        f'<p class="lead">{esc(cycle.title)}: the season runs in phases, from preparing your '
        "application to the days after Match Day. Each phase lists the cycle's dates, what to aim "
        "for, what to send and what to avoid.</p>",
        f"<p>Dates marked {verify_mark()}were not confirmed from an official calendar when this "
        f"edition was made (dates reviewed {esc(long_date(cycle.reviewed))}). Check them against "
        f"the official calendars: {calendars}.</p>" if calendars else "",
    ]
    for phase in sorted(ctx.kb.phases.values(), key=lambda p: p.order):
        parts.append(_phase(ctx, writer, phase))
    return "".join(parts)


def _dates_table(ctx: Context, dates) -> str:
    if not dates:
        return ""
    rows = []
    for d in sorted(dates, key=lambda d: d.date):
        status = date_status(d, ctx.settings.edition)
        note = f'<br><span class="note">{esc(d.note)}</span>' if d.note else ""
        sources = "; ".join(ctx.citation(c) for c in d.citations)
        rows.append(
            f'<tr><td class="date">{esc(long_date(d.date))}</td><td>{esc(d.label)}{note}</td>'
            f"<td>{status}</td><td class=\"small\">{sources}</td></tr>"
        )
    return (
        '<table class="dates"><thead><tr><th>Date</th><th>Event</th><th>Status</th><th>Source</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _phase(ctx: Context, writer: ChapterWriter, phase) -> str:
    where = phase.origin.path or "timeline/phases.yml"
    where = f"{where}, phase {phase.id}"
    dates = [d for d in ctx.kb.cycle.events if d.phase == phase.id]
    lists = ""
    groups = (("Aim to", phase.goals, "goals"), ("Send", phase.send, "send"), ("Avoid", phase.avoid, "avoid"))
    for label, items, css in groups:
        if items:
            lists += f'<h3 class="minor">{label}</h3>' + ctx.markdown_list(items, f"{where}, {css}", css)
    return f"""
<section class="phase">
{writer.section(anchor("phase", phase.id), phase.title)}
<p class="meta">{esc(phase.window)}</p>
<p class="summary">{esc(phase.summary)}</p>
{_dates_table(ctx, dates)}
{ctx.md.block(phase.body, f"{where}, body")}
{lists}
{ctx.refs("template", phase.templates, "Templates for this phase")}
{ctx.refs("rule", phase.rules, "Rules that matter most now")}
</section>"""
