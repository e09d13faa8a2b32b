"""The season model: stages as dated spans, and the timeline page and the plan page agreeing on
where every day of the season falls."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from conftest import FIXTURE_KB
from prematch_kb.browser.plan_data import plan_data, stage_for
from prematch_kb.compiler import current_phases, render_pages
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.model import Stage
from prematch_kb.kb.season import season_stages, stage_on

ONE_DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def fixture():
    return load_content(FIXTURE_KB)


def days_of(kb):
    stages = season_stages(kb)
    day = stages[0].start
    while day <= stages[-1].end:
        yield day
        day += ONE_DAY


def test_stages_cover_the_season_without_gaps_or_overlaps(real):
    kb, _ = real
    stages = season_stages(kb)
    dates = {d.id: d for d in kb.cycle.dates}
    assert stages[0].start == min(d.date for d in kb.cycle.dates)
    assert stages[-1].end == max(d.date for d in kb.cycle.dates)
    for before, after in itertools.pairwise(stages):
        assert after.start == before.end + ONE_DAY
        assert before.end_confirmed == after.confirmed
    for stage in stages[1:]:
        anchor = dates[stage.starts_at]
        assert stage.start == anchor.date + dt.timedelta(days=stage.offset_days)
        assert stage.confirmed == anchor.confirmed
    assert {p for s in stages for p in s.phases} == set(kb.phases)


def test_november_is_interview_season(real):
    kb, _ = real
    november = stage_on(kb, dt.date(2026, 11, 22))
    assert november.phases == ("interview-invitations", "interview-day", "post-interview")
    assert current_phases(kb, dt.date(2026, 11, 22)) == list(november.phases)
    deadline = next(d.date for d in kb.cycle.dates if d.id == "rank-order-list-deadline")
    assert stage_on(kb, deadline).phases[0] == "before-rank-deadline"
    assert stage_on(kb, deadline + ONE_DAY).phases == ("after-certification",)


def test_outside_the_season_no_stage_is_current(real):
    kb, _ = real
    stages = season_stages(kb)
    assert stage_on(kb, stages[0].start - ONE_DAY) is None
    assert stage_on(kb, stages[-1].end + ONE_DAY) is None
    assert current_phases(kb, stages[-1].end + ONE_DAY) == []


@pytest.mark.parametrize("which", ["real", "fixture"])
def test_timeline_and_plan_agree_on_every_day_of_the_season(which, request):
    kb, _ = request.getfixturevalue(which)
    data = plan_data(kb)
    checked = 0
    for day in days_of(kb):
        assert current_phases(kb, day) == stage_for(data, day)["phases"], day
        checked += 1
    assert checked > 200


def test_agreement_holds_when_a_stage_date_is_missing(real):
    kb, _ = real
    trimmed = dataclasses.replace(kb, cycle=dataclasses.replace(
        kb.cycle, dates=tuple(d for d in kb.cycle.dates if d.id != "rank-order-list-opens")))
    data = plan_data(trimmed)
    for day in days_of(trimmed):
        assert current_phases(trimmed, day) == stage_for(data, day)["phases"], day
    assert stage_on(trimmed, dt.date(2027, 2, 10)).phases[0] == "interview-invitations"


@pytest.mark.parametrize("day", ["2026-07-01", "2026-09-10", "2026-11-22", "2027-02-10", "2027-03-01",
                                 "2027-03-17", "2027-04-01"])
def test_timeline_page_marks_the_phases_the_plan_page_shows(real, day):
    kb, settings = real
    today = dt.date.fromisoformat(day)
    page = next(p for p in render_pages(kb, settings, today=today) if p.path == "timeline/index.md")
    marked = [p for p in kb.phases if f'class="pmkb-phase pmkb-phase--current" data-phase="{p}"' in page.markdown]
    expected = stage_for(plan_data(kb), today)["phases"]
    assert sorted(marked, key=list(kb.phases).index) == sorted(expected, key=list(kb.phases).index)
    assert page.markdown.count("pmkb-stage--current") == 1


def test_stage_with_unknown_phases_only_lets_the_stage_before_run_on(fixture):
    kb, _ = fixture
    stages = (*kb.cycle.stages[:1], Stage(phases=("no-such-phase",), starts_at="rank-deadline"), kb.cycle.stages[2])
    changed = dataclasses.replace(kb, cycle=dataclasses.replace(kb.cycle, stages=stages))
    assert [(s.start, s.end, s.phases) for s in season_stages(changed)] == [
        (dt.date(2026, 6, 4), dt.date(2027, 3, 18), ("before-applying",)),
        (dt.date(2027, 3, 19), dt.date(2027, 3, 19), ("match-week",)),
    ]


def test_no_dates_means_no_stages(fixture):
    kb, _ = fixture
    empty = dataclasses.replace(kb, cycle=dataclasses.replace(kb.cycle, dates=()))
    assert season_stages(empty) == [] and stage_on(empty, dt.date(2026, 11, 22)) is None
    assert plan_data(empty)["stages"][0]["phases"] == ["before-applying"]
