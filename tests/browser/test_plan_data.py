"""The plan page's data, built from the knowledge base: stages, dates, links."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json

import pytest

from conftest import CONTENT_DIR, FIXTURE_KB
from prematch_kb.browser.plan_data import PlanDataError, plan_data, stage_for, write_plan_data
from prematch_kb.kb.loader import load_content


@pytest.fixture(scope="module")
def kb():
    return load_content(CONTENT_DIR)[0]


def test_stages_follow_the_cycle_dates(kb):
    data = plan_data(kb)
    dates = {d.id: d for d in kb.cycle.dates}
    stages = data["stages"]
    assert stages[0]["start"] is None and stages[0]["phases"][0] == "before-applying"
    starts = [s["start"] for s in stages[1:]]
    assert starts == sorted(starts), "stages must start in date order"
    for stage in stages[1:]:
        anchor = dates[stage["starts_at"]]
        assert stage["start"] == (anchor.date + _dt.timedelta(days=stage["offset_days"])).isoformat()
        assert stage["confirmed"] == anchor.confirmed
    deadline = dates["rank-order-list-deadline"].date
    assert stage_for(data, deadline)["phases"][0] == "before-rank-deadline"
    assert stage_for(data, deadline + _dt.timedelta(days=1))["phases"] == ["after-certification"]
    assert stage_for(data, dates["match-day"].date)["phases"] == ["match-week"]
    assert stage_for(data, _dt.date(2026, 11, 22))["phases"][0] == "interview-invitations"


def test_a_missing_anchor_date_merges_its_stage_into_the_one_before(kb):
    trimmed = dataclasses.replace(kb.cycle, dates=tuple(d for d in kb.cycle.dates if d.id != "rank-order-list-opens"))
    data = plan_data(dataclasses.replace(kb, cycle=trimmed))
    assert "before-rank-deadline" not in {p for s in data["stages"] for p in s["phases"]}
    assert stage_for(data, _dt.date(2027, 2, 10))["phases"][0] == "interview-invitations"


def test_markdown_links_point_into_the_site_relative_to_the_plan_page(kb):
    data = plan_data(kb)
    html = " ".join(h for p in data["phases"].values() for h in p["send_html"])
    assert 'href="../templates/' in html and "template:" not in html
    assert all(t["url"].startswith("../templates/") for t in data["templates"].values())


def test_fixture_kb_gives_a_usable_plan(tmp_path):
    kb, _ = load_content(FIXTURE_KB)
    path = write_plan_data(kb, tmp_path)
    data = json.loads(path.read_text())
    assert path == tmp_path / "plan" / "data.json"
    assert data["stages"][0]["start"] is None
    assert stage_for(data, _dt.date(2030, 1, 1))["phases"]


def test_no_phases_is_a_clear_error(kb):
    with pytest.raises(PlanDataError, match=r"phases\.yml"):
        plan_data(dataclasses.replace(kb, phases={}))
