"""The personal plan page in Chromium: the stage for a date, per profile and specialty, from the URL."""

from __future__ import annotations

import datetime as _dt
import json
from urllib.parse import urlparse

import pytest

from prematch_kb.browser.plan_data import stage_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]

APPLICANT_TYPES = ("us-md-do", "us-img", "non-us-img")
SEED_SPECIALTIES = ("otolaryngology", "pediatrics", "medical-genetics")


@pytest.fixture(scope="module")
def plan_json(checker_site) -> dict:
    return json.loads((checker_site / "plan" / "data.json").read_text(encoding="utf-8"))


def days_in_each_stage(data: dict) -> list[str]:
    """One day inside every stage: the day after it starts (a month before the second one for the first)."""
    days = []
    stages = data["stages"]
    for stage in stages:
        if stage["start"] is None:
            day = _dt.date.fromisoformat(stages[1]["start"]) - _dt.timedelta(days=30)
        else:
            day = _dt.date.fromisoformat(stage["start"]) + _dt.timedelta(days=1)
        days.append(day.isoformat())
    return days


def open_plan(page, site_url: str, query: str) -> None:
    page.goto(f"{site_url}plan/?{query}")
    page.wait_for_selector("#pmkb-plan[data-state=ready]", state="attached", timeout=20_000)


def test_plan_data_covers_every_phase_in_some_stage(plan_json):
    staged = {phase for stage in plan_json["stages"] for phase in stage["phases"]}
    assert staged == set(plan_json["phases"]), "a phase never becomes current on the plan page"
    assert set(SEED_SPECIALTIES) <= set(plan_json["specialties"])
    assert set(APPLICANT_TYPES) == set(plan_json["profiles"])


@pytest.mark.parametrize("specialty", SEED_SPECIALTIES)
@pytest.mark.parametrize("applicant_type", APPLICANT_TYPES)
def test_plan_for_every_profile_and_seed_specialty_on_a_day_in_each_stage(page, site_url, plan_json,
                                                                         applicant_type, specialty):
    unconfirmed = {d["id"] for d in plan_json["cycle"]["dates"] if not d["confirmed"]}
    for day in days_in_each_stage(plan_json):
        open_plan(page, site_url, f"type={applicant_type}&specialty={specialty}&date={day}")
        expected = stage_for(plan_json, _dt.date.fromisoformat(day))["phases"]
        root = page.locator("#pmkb-plan")
        assert root.get_attribute("data-phases") == " ".join(expected), day
        shown_phases = page.eval_on_selector_all(".pmkb-plan__now .pmkb-plan__phase", "els => els.map(e => e.dataset.phase)")
        assert shown_phases == expected
        # Templates: only the current phases' templates that suit this applicant type.
        templates = page.eval_on_selector_all("[data-template]", "els => els.map(e => e.dataset.template)")
        allowed = {t for p in expected for t in plan_json["phases"][p]["templates"]}
        assert set(templates) <= allowed
        for template_id in templates:
            suits = plan_json["templates"][template_id]["applicant_types"]
            assert not suits or applicant_type in suits, (template_id, applicant_type)
        rules = page.eval_on_selector_all("[data-rule]", "els => els.map(e => e.dataset.rule)")
        assert set(rules) == {r for p in expected for r in plan_json["phases"][p]["rules"]}
        # The specialty's own notes and the profile's facts are there, with verify marks kept.
        name = plan_json["specialties"][specialty]["name"]
        assert page.inner_text("#pmkb-plan-specialty") == name
        assert page.inner_text("#pmkb-plan-profile") == plan_json["profiles"][applicant_type]["title"]
        facts = plan_json["specialties"][specialty]["facts"]
        marks = page.locator(".pmkb-plan__specialty .pmkb-plan__facts .pmkb-verify").count()
        assert marks == sum(1 for f in facts if not f["confirmed"])
        listed = set(page.eval_on_selector_all(".pmkb-plan__dates [data-date]", "els => els.map(e => e.dataset.date)"))
        assert listed == unconfirmed


def test_november_shows_interview_season_with_thank_you_template(page, site_url, plan_json):
    open_plan(page, site_url, "type=us-img&specialty=pediatrics&date=2026-11-22")
    phases = page.get_attribute("#pmkb-plan", "data-phases").split()
    assert "post-interview" in phases and "interview-invitations" in phases
    link = page.locator('[data-template="thank-you-after-interview"] a').first
    assert urlparse(link.evaluate("a => a.href")).path.endswith("/templates/thank-you-after-interview/")
    assert page.locator(".pmkb-plan__next").count() == 1


def test_choices_go_into_the_address_and_back(page, site_url):
    open_plan(page, site_url, "date=2027-01-10")
    page.select_option('select[name="type"]', "non-us-img")
    page.select_option('select[name="specialty"]', "otolaryngology")
    page.fill('input[name="signals"]', "Lakeshore General, Hillcrest")
    query = urlparse(page.url).query
    assert "type=non-us-img" in query and "specialty=otolaryngology" in query and "date=2027-01-10" in query
    page.reload()
    page.wait_for_selector("#pmkb-plan[data-state=ready]", state="attached")
    assert page.input_value('select[name="type"]') == "non-us-img"
    assert page.eval_on_selector_all(".pmkb-plan__signals li", "els => els.map(e => e.textContent)") == [
        "Lakeshore General", "Hillcrest"]


def test_bad_address_values_are_named_not_fatal(page, site_url):
    open_plan(page, site_url, "type=martian&specialty=astrology&date=2027-02-31")
    notes = page.eval_on_selector_all(".pmkb-plan__note", "els => els.map(e => e.textContent)")
    assert any("martian" in n for n in notes)
    assert any("astrology" in n for n in notes)
    assert any("2027-02-31" in n for n in notes)
    assert page.input_value('select[name="type"]') == ""


def test_visitor_text_is_never_html(page, site_url):
    open_plan(page, site_url, "type=us-img&specialty=pediatrics&signals=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert page.locator(".pmkb-plan__signals img").count() == 0
    assert "<img" in page.inner_text(".pmkb-plan__signals")


def test_print_keeps_the_plan_and_drops_the_site_chrome(page, site_url):
    open_plan(page, site_url, "type=us-img&specialty=pediatrics&date=2027-01-10")
    page.emulate_media(media="print")
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator(".md-sidebar--primary").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator("#pmkb-plan-form").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator("#pmkb-plan-now").is_visible()
    assert "US-citizen IMG, Pediatrics" in page.inner_text(".pmkb-plan__who")  # the choices, in words
    pdf = page.pdf()
    assert pdf[:4] == b"%PDF"


def test_plan_page_loads_nothing_from_another_origin(context, page, site_url):
    mark = len(context.request_log.urls)
    open_plan(page, site_url, "type=us-img&specialty=pediatrics&date=2027-01-10")
    page.wait_for_load_state("networkidle")
    origin = urlparse(site_url).netloc
    foreign = [u for u in context.request_log.since(mark) if urlparse(u).netloc not in (origin, "")]
    assert foreign == []
