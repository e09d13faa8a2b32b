"""The timeline page: one section per phase, the cycle's dates, and where today falls."""

from __future__ import annotations

import datetime as _dt

from prematch_kb.compiler import markdown as md
from prematch_kb.compiler import paths
from prematch_kb.compiler.context import RenderContext
from prematch_kb.compiler.page import SECTION_GUIDE, Page
from prematch_kb.kb.model import KnowledgeBase

DateRange = tuple[_dt.date, _dt.date]


def phase_ranges(kb: KnowledgeBase) -> dict[str, DateRange]:
    """Date range of each phase, from the cycle's dates.

    A phase with dates runs from its first to its last date. The days between two dated phases
    belong to the phases without dates that lie between them in order (they share those days:
    interview invitations, interview days and thank-you notes overlap), or, when there are none,
    to the earlier dated phase. Phases before the first dated phase or after the last get no range."""
    firsts: dict[str, _dt.date] = {}
    lasts: dict[str, _dt.date] = {}
    for item in kb.cycle.dates:
        if item.phase in kb.phases:
            firsts[item.phase] = min(firsts.get(item.phase, item.date), item.date)
            lasts[item.phase] = max(lasts.get(item.phase, item.date), item.date)
    order = list(kb.phases)  # kb.phases is in phase order
    dated = [p for p in order if p in firsts]
    ranges: dict[str, DateRange] = {p: (firsts[p], lasts[p]) for p in dated}
    one_day = _dt.timedelta(days=1)
    for earlier, later in zip(dated, dated[1:]):
        gap_start, gap_end = lasts[earlier] + one_day, firsts[later] - one_day
        if gap_start > gap_end:
            continue
        between = order[order.index(earlier) + 1:order.index(later)]
        if between:
            for phase_id in between:
                ranges[phase_id] = (gap_start, gap_end)
        else:
            ranges[earlier] = (firsts[earlier], gap_end)
    return {p: ranges[p] for p in order if p in ranges}


def current_phases(kb: KnowledgeBase, today: _dt.date) -> list[str]:
    """Ids of the phases whose date range holds `today` (several when phases overlap; none
    before or after the cycle)."""
    return [p for p, (start, end) in phase_ranges(kb).items() if start <= today <= end]


def render_timeline_page(ctx: RenderContext) -> Page:
    kb, here = ctx.kb, paths.TIMELINE
    ranges = phase_ranges(kb)
    now = current_phases(kb, ctx.today)
    out = [f"# Timeline of the {md.text(kb.cycle.title)}", "",
           "The season in phases: what to aim for, what to send and what to avoid in each.", ""]
    out += [md.heading(2, "Where today falls", "today"), "", _today_statement(ctx, now), ""]
    for phase in kb.phases.values():
        start_end = ranges.get(phase.id)
        data = (f' data-start="{start_end[0].isoformat()}" data-end="{start_end[1].isoformat()}"'
                if start_end else "")
        current = " pmkb-phase--current" if phase.id in now else ""
        out += [f'<section class="pmkb-phase{current}" data-phase="{md.attr(phase.id)}"{data} markdown>', "",
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
        dates = [d for d in kb.cycle.dates if d.phase == phase.id]
        if dates:
            out += ["**Dates:** " + "; ".join(f"{md.text(d.label)} {_date_cell(d)}" for d in dates), ""]
        out += ["</section>", ""]
    out += [md.heading(2, f"Dates of the {md.text(kb.cycle.title)}", "dates"), "",
            "Dates marked **verify** are expected but not yet confirmed by the official calendar: check "
            "them before you rely on them.", ""]
    rows = []
    for item in sorted(kb.cycle.dates, key=lambda d: d.date):
        status = ("Confirmed: " + ctx.cite_all(here, item.citations)) if item.confirmed else _verify_mark()
        phase = ctx.link(here, "phase", item.phase) if item.phase in kb.phases else ""
        rows.append([md.text(item.label), item.date.isoformat(), status, phase, ctx.resolve(item.note, here)])
    out += [md.table(["What", "Date", "Status", "Phase", "Note"], rows), ""]
    out += ["Official calendars:", "",
            md.bullets([f"[{md.text(c.source.title)}]({c.source.url}) ({md.text(c.source.publisher)})"
                        for c in kb.cycle.calendars]), ""]
    out += [ctx.reviewed_line(kb.cycle.reviewed), ""]
    return Page(here, "Timeline", "\n".join(out), "timeline/phases.yml", SECTION_GUIDE)


def _date_cell(item) -> str:
    return f"({item.date.isoformat()}{', ' + _verify_mark() if not item.confirmed else ''})"


def _verify_mark() -> str:
    return '<span class="pmkb-verify" title="Not yet confirmed by a primary source">verify</span>'


def _today_statement(ctx: RenderContext, now: list[str]) -> str:
    built = ctx.today.isoformat()
    if now:
        names = " and ".join(f"“[{md.text(ctx.kb.phases[p].title)}](#{p})”" for p in now)
        text = f"When this page was built ({built}), the season was in {'the phase' if len(now) == 1 else 'the phases'} {names}."
    else:
        text = f"When this page was built ({built}), the dates of this cycle did not cover that day."
    # timeline.js replaces this build-time statement with one based on the visitor's clock.
    return f'<p id="pmkb-today" data-build-date="{built}" markdown>{text}</p>'
