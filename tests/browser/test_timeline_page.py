"""The timeline page in Chromium marks, from the visitor's clock, the phases the plan page shows."""

from __future__ import annotations

import datetime as _dt
import json

import pytest

from prematch_kb.browser.plan_data import stage_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def plan_json(checker_site) -> dict:
    return json.loads((checker_site / "plan" / "data.json").read_text(encoding="utf-8"))


def days_across_the_season(data: dict) -> list[str]:
    """The first and last day of every stage (the first stage: from the cycle's first date)."""
    stages = data["stages"]
    first_date = min(d["date"] for d in data["cycle"]["dates"])
    days = []
    for index, stage in enumerate(stages):
        start = _dt.date.fromisoformat(stage["start"] or first_date)
        end = (_dt.date.fromisoformat(stages[index + 1]["start"]) - _dt.timedelta(days=1)
               if index + 1 < len(stages) else _dt.date.fromisoformat(data["cycle"]["end"]))
        days += [start.isoformat(), end.isoformat()]
    return days


def test_timeline_marks_the_plan_pages_phases_on_every_stage_edge(browser, site_url, plan_json):
    days = days_across_the_season(plan_json)
    assert "2026-11-22" not in days  # checked on its own below
    for day in [*days, "2026-11-22"]:
        page = browser.new_page()
        try:
            page.add_init_script(f"window.PMKB_TODAY = {day!r};")
            page.goto(site_url + "timeline/")
            page.wait_for_function("document.getElementById('pmkb-today').dataset.today !== undefined")
            expected = stage_for(plan_json, _dt.date.fromisoformat(day))["phases"]
            marked = page.eval_on_selector_all(".pmkb-phase--current", "els => els.map(e => e.dataset.phase)")
            assert sorted(marked) == sorted(expected), day
            rows = page.eval_on_selector_all(".pmkb-stage--current", "els => els.map(e => e.dataset.phases)")
            assert rows == [" ".join(expected)], day
            statement = page.inner_text("#pmkb-today")
            assert statement.startswith(f"Today ({day}), the season is in the phase"), statement
            titles = page.eval_on_selector_all("#pmkb-today a", "els => els.map(e => e.getAttribute('href'))")
            assert titles == [f"#{p}" for p in expected]  # the main phase first, as on the plan page
        finally:
            page.close()
    november = stage_for(plan_json, _dt.date(2026, 11, 22))["phases"]
    assert "interview-invitations" in november and "application-submitted" not in november
