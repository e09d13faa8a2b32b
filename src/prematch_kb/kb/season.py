"""Where a day falls in the season: the cycle's stages as dated spans.

The one season model of the product. The timeline page (compiler.timeline) and the plan page's
data (browser.plan_data) both read it, so they always agree on which phases are current.

A stage (timeline/cycle.yml, `stages`) starts at one of the cycle's dates plus its offset and runs
until the day before the next stage starts; the last runs to the cycle's last date. The first
stage without `starts_at` starts with the cycle's first date. A stage whose date is missing from
the cycle, or whose phases are all unknown, is left out: the stage before runs on.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from prematch_kb.kb.model import KnowledgeBase

ONE_DAY = _dt.timedelta(days=1)


@dataclass(frozen=True)
class SeasonStage:
    start: _dt.date
    end: _dt.date  # inclusive
    confirmed: bool  # the start comes from a confirmed cycle date
    end_confirmed: bool  # the end comes from a confirmed cycle date (the next stage's, or the last)
    phases: tuple[str, ...]  # phase ids current during the stage, the main one first
    starts_at: str = ""  # the cycle date id the stage starts at ("" for the first without one)
    offset_days: int = 0


def season_stages(kb: KnowledgeBase) -> list[SeasonStage]:
    """The cycle's stages with their dates, in date order, covering the season without gaps."""
    dates = {item.id: item for item in kb.cycle.dates}
    if not dates:
        return []
    first = min(kb.cycle.dates, key=lambda d: d.date)
    last = max(kb.cycle.dates, key=lambda d: d.date)
    starts: list[tuple[_dt.date, bool, tuple[str, ...], str, int]] = []
    for stage in kb.cycle.stages:
        phases = tuple(p for p in stage.phases if p in kb.phases)
        if stage.starts_at:
            anchor = dates.get(stage.starts_at)
            if anchor is None:
                continue
            start, confirmed = anchor.date + _dt.timedelta(days=stage.offset_days), anchor.confirmed
        else:
            start, confirmed = first.date, first.confirmed
        if not phases or (starts and start <= starts[-1][0]):
            continue
        starts.append((start, confirmed, phases, stage.starts_at, stage.offset_days))
    stages = []
    for index, (start, confirmed, phases, starts_at, offset) in enumerate(starts):
        if index + 1 < len(starts):
            end, end_confirmed = starts[index + 1][0] - ONE_DAY, starts[index + 1][1]
        else:
            end, end_confirmed = max(last.date, start), last.confirmed if last.date >= start else confirmed
        stages.append(SeasonStage(start, end, confirmed, end_confirmed, phases, starts_at, offset))
    return stages


def stage_on(kb: KnowledgeBase, day: _dt.date) -> SeasonStage | None:
    """The stage holding `day`; None before the season starts or after it ends."""
    return next((s for s in season_stages(kb) if s.start <= day <= s.end), None)
