"""The timeline page: where today falls in the season's stages, one section per phase, and the
cycle's dates.

Where today falls comes from kb.season, the model the plan page uses too. The stages are written
with their dates as data attributes, so timeline.js can mark the current stage and its phases
from the visitor's clock; the build marks them for the build date, for visitors without scripts.
"""

from __future__ import annotations

import datetime as _dt
import html

from prematch_kb.compiler import markdown as md
from prematch_kb.compiler import paths
from prematch_kb.compiler.context import RenderContext
from prematch_kb.compiler.page import SECTION_GUIDE, Page
from prematch_kb.kb.model import KnowledgeBase
from prematch_kb.kb.season import SeasonStage, season_stages, stage_on


def current_phases(kb: KnowledgeBase, today: _dt.date) -> list[str]:
    """Ids of the phases current on `today`, the main one first (none before or after the season)."""
    stage = stage_on(kb, today)
    return list(stage.phases) if stage else []


def render_timeline_page(ctx: RenderContext) -> Page:
    kb, here = ctx.kb, paths.TIMELINE
    stages = season_stages(kb)
    current = stage_on(kb, ctx.today)
    now = list(current.phases) if current else []
    out = [f"# Timeline of the {md.text(kb.cycle.title)}", "",
           "The season in phases: what to aim for, what to send and what to avoid in each.", ""]
    out += [md.heading(2, "Where today falls", "today"), "", _today_statement(ctx, now), ""]
    if stages:
        out += ["Phases overlap: in November one applicant may be answering invitations, interviewing and "
                "writing thank-you notes at once. The season runs in these stages; dates marked **verify** "
                "are expectations.", "", _stages_table(kb, stages, current), ""]
    for phase in kb.phases.values():
        marked = " pmkb-phase--current" if phase.id in now else ""
        out += [f'<section class="pmkb-phase{marked}" data-phase="{md.attr(phase.id)}" markdown>', "",
                md.heading(2, f"{phase.order}. {md.text(phase.title)}", phase.id), "",
                f"*{md.text(phase.window)}*. {md.text(phase.summary)}", ""]
        for label, items in (("Goals", phase.goals), ("What to send", phase.send), ("What to avoid", phase.avoid)):
            if items:
                out += [f"**{label}**", "", md.bullets([ctx.resolve(i, here) for i in items]), ""]
        if phase.body:
            out += [ctx.resolve(phase.body, here).strip(), ""]
        if phase.templates:
            out += [f"**Templates:** {ctx.links(here, 'template', phase.templates)}", ""]
        if phase.rules:
            out += [f"**Rules:** {ctx.links(here, 'rule', phase.rules)}", ""]
        dates = [d for d in kb.cycle.events if d.phase == phase.id]
        if dates:
            out += ["**Dates:** " + "; ".join(f"{md.text(d.label)} {_date_cell(d)}" for d in dates), ""]
        out += ["</section>", ""]
    out += [md.heading(2, f"Dates of the {md.text(kb.cycle.title)}", "dates"), "",
            "Dates marked **verify** are not confirmed by the official calendar. A date still ahead is "
            "an **expected** date: its note says how it was worked out. A date that has **passed "
            "unconfirmed** was never checked against a dated official page for this cycle: treat it as "
            "approximate, not as what happened.", ""]
    rows: list[list[str]] = []
    for item in kb.cycle.events:
        if item.confirmed:
            status = "Confirmed: " + ctx.cite_all(here, item.citations)
        elif item.passed_unconfirmed(ctx.today):
            status = "Passed unconfirmed " + _verify_mark()
        else:
            status = "Expected " + _verify_mark()
        phase_link = ctx.link(here, "phase", item.phase) if item.phase in kb.phases else ""
        rows.append([md.text(item.label), item.date.isoformat(), status, phase_link, ctx.resolve(item.note, here)])
    out += [md.table(["What", "Date", "Status", "Phase", "Note"], rows), ""]
    # plan/key-dates.ics is written into the built site with the plan's data (browser/calendar.py).
    out += ['<p class="pmkb-calendar"><a href="../plan/key-dates.ics" download>Add these dates to your '
            'calendar</a> (an .ics file for Google Calendar, Outlook or Apple Calendar; expected dates are '
            'marked "verify" and tentative).</p>', ""]
    out += ["Official calendars:", "",
            md.bullets([f"[{md.text(c.source.title)}]({c.source.url}) ({md.text(c.source.publisher)})"
                        for c in kb.cycle.calendars]), ""]
    out += [ctx.reviewed_line(kb.cycle.reviewed), ""]
    return Page(here, "Timeline", "\n".join(out), "timeline/phases.yml", SECTION_GUIDE)


def _stages_table(kb: KnowledgeBase, stages: list[SeasonStage], current: SeasonStage | None) -> str:
    """The stages as an HTML table: its rows carry the dates and phases timeline.js reads."""
    dates = {item.id: item for item in kb.cycle.dates}
    rows = []
    for stage in stages:
        marked = " pmkb-stage--current" if stage == current else ""
        phases = ", ".join(f'<a href="#{md.attr(p)}">{html.escape(kb.phases[p].title)}</a>' for p in stage.phases)
        rows.append(
            f'<tr class="pmkb-stage{marked}" data-start="{stage.start.isoformat()}" '
            f'data-end="{stage.end.isoformat()}" data-phases="{md.attr(" ".join(stage.phases))}">'
            f"<td>{_day(stage.start, stage.confirmed)}</td><td>{_day(stage.end, stage.end_confirmed)}</td>"
            f"<td>{html.escape(_stage_start_label(stage, dates))}</td><td>{phases}</td></tr>")
    return ('<table>\n<thead><tr><th>From</th><th>To</th><th>Starts with</th>'
            "<th>Current phases</th></tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")


def _stage_start_label(stage: SeasonStage, dates: dict) -> str:
    anchor = dates.get(stage.starts_at) if stage.starts_at else min(dates.values(), key=lambda d: d.date)
    label = anchor.label if anchor else ""
    days = stage.offset_days
    if days == 0:
        return label
    if abs(days) == 1:
        return f"The day {'after' if days > 0 else 'before'}: {label}"
    return f"{abs(days)} days {'after' if days > 0 else 'before'}: {label}"


def _day(day: _dt.date, confirmed: bool) -> str:
    return day.isoformat() + ("" if confirmed else " " + _verify_mark())


def _date_cell(item) -> str:
    return f"({item.date.isoformat()}{', ' + _verify_mark() if not item.confirmed else ''})"


def _verify_mark() -> str:
    return '<span class="pmkb-verify" title="Not yet confirmed by a primary source">verify</span>'


def _today_statement(ctx: RenderContext, now: list[str]) -> str:
    built = ctx.today.isoformat()
    if now:
        names = _and_list([f"“[{md.text(ctx.kb.phases[p].title)}](#{p})”" for p in now])
        phases = "the phase" if len(now) == 1 else "the phases"
        text = f"When this page was built ({built}), the season was in {phases} {names}."
    else:
        text = f"When this page was built ({built}), the dates of this cycle did not cover that day."
    # timeline.js replaces this build-time statement with one based on the visitor's clock.
    return f'<p id="pmkb-today" data-build-date="{built}" markdown>{text}</p>'


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
