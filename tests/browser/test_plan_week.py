"""The plan page in Chromium: "This week" comes first with three to five actions whose ticks persist
in this browser, reads the communication log (a reply due, a first-choice letter already sent),
carries the profile and specialty into the checker, and offers the key dates as a calendar file."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOG_KEY = "prematch-kb:communication-log"
DONE_KEY = "prematch-kb:plan-done"
QUERY = "type=non-us-img&specialty=pediatrics&date=2027-01-25"


def log_of(*entries) -> str:
    return json.dumps({"schema": "prematch-kb/communication-log", "version": 1, "entries": [
        {"first_choice_claim": False, "note": "", **e} for e in entries]})


def open_plan(page, site_url: str, query: str = QUERY) -> None:
    page.goto(f"{site_url}plan/?{query}")
    page.wait_for_selector("#pmkb-plan[data-state=ready]", state="attached", timeout=20_000)


def with_storage(page, site_url: str, values: dict[str, str]) -> None:
    page.goto(f"{site_url}plan/")
    page.evaluate("(values) => { localStorage.clear(); for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v); }",
                  values)


def test_this_week_comes_first_with_three_to_five_actions(page, site_url):
    with_storage(page, site_url, {})
    open_plan(page, site_url)
    headings = page.eval_on_selector_all("#pmkb-plan > section > h2", "els => els.map(e => e.textContent)")
    assert headings[0] == "This week"
    assert headings[1:3] == ["Where the season stands", "Coming next"]
    actions = page.locator("#pmkb-plan-week ~ ul.pmkb-plan__actions > li")
    assert 3 <= actions.count() <= 5
    assert page.locator(".pmkb-plan__actions input[type=checkbox]").count() == actions.count()
    # No "(suggested for ...)" sentence after each item any more; a short mark instead.
    assert "suggested for" not in page.inner_text("#pmkb-plan")


def test_this_week_starts_on_a_phones_first_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        open_plan(page, site_url)
        box = page.locator("#pmkb-plan-week").bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844, box  # the form above it is compact
    finally:
        context.close()


def test_ticks_persist_across_reloads_and_days(page, site_url):
    with_storage(page, site_url, {})
    open_plan(page, site_url)
    first = page.locator(".pmkb-plan__actions input[type=checkbox]").first
    key = first.get_attribute("data-action-key")
    first.check()
    assert page.inner_text(".pmkb-plan__done") == f"1 of {page.locator('.pmkb-plan__actions li').count()} done."
    stored = json.loads(page.evaluate("(k) => localStorage.getItem(k)", DONE_KEY))
    assert key in stored
    page.reload()
    page.wait_for_selector("#pmkb-plan[data-state=ready]", state="attached")
    assert page.locator(f'.pmkb-plan__actions input[data-action-key="{key}"]').is_checked()
    assert page.locator(".pmkb-plan__action--done").count() == 1
    page.locator(f'.pmkb-plan__actions input[data-action-key="{key}"]').uncheck()
    page.reload()
    page.wait_for_selector("#pmkb-plan[data-state=ready]", state="attached")
    assert not page.locator(f'.pmkb-plan__actions input[data-action-key="{key}"]').is_checked()


def test_the_plan_reads_the_log(page, site_url):
    with_storage(page, site_url, {LOG_KEY: log_of(
        {"program": "Lakeside Pediatrics", "date": "2027-01-20", "direction": "received", "kind": "other"},
        {"program": "Hillcrest Children's", "date": "2027-01-12", "direction": "received", "kind": "other"},
        {"program": "Hillcrest Children's", "date": "2027-01-13", "direction": "sent", "kind": "reply"},
        {"program": "Old Town Hospital", "date": "2026-10-01", "direction": "received", "kind": "other"},
        {"program": "Riverside Medical Center", "date": "2027-01-10", "direction": "sent", "kind": "first-choice",
         "first_choice_claim": True},
    )})
    open_plan(page, site_url)
    week = page.inner_text("#pmkb-plan .pmkb-plan__week")
    # A reply is due to the program whose recent message has no answer; not to the one answered,
    # nor to one whose message is months old.
    assert "Answer Lakeside Pediatrics" in week
    assert "Hillcrest" not in week and "Old Town" not in week
    reply = page.locator('.pmkb-plan__actions li[data-action^="reply:"] a')
    params = parse_qs(urlparse(reply.get_attribute("href")).query)
    assert params["mode"] == ["received"] and params["applicant_type"] == ["non-us-img"]
    assert "Riverside Medical Center on 2027-01-10" in week and "no other program" in week


def test_links_to_the_checker_carry_profile_specialty_and_phase(page, site_url):
    with_storage(page, site_url, {})
    open_plan(page, site_url)
    links = page.eval_on_selector_all("[data-template] a.pmkb-plan__check", "els => els.map(a => a.getAttribute('href'))")
    assert links
    phase = page.get_attribute("#pmkb-plan", "data-phases").split()[0]
    for href in links:
        params = parse_qs(urlparse(href).query)
        assert params["applicant_type"] == ["non-us-img"] and params["specialty"] == ["pediatrics"], href
        assert params["phase"] == [phase] and params["template"], href


def test_the_key_dates_download_as_a_calendar(page, site_url, checker_site):
    with_storage(page, site_url, {})
    open_plan(page, site_url)
    link = page.locator(".pmkb-plan__dates a[download]")
    href = link.get_attribute("href")
    response = page.request.get(urlparse(page.url)._replace(query="").geturl().rsplit("/", 1)[0] + "/" + href)
    assert response.ok
    text = response.text()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    dates = json.loads((checker_site / "plan" / "data.json").read_text(encoding="utf-8"))["cycle"]["dates"]
    assert text.count("BEGIN:VEVENT") == len(dates)
    assert text.count("STATUS:TENTATIVE") == sum(1 for d in dates if not d["confirmed"])
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "key-dates.ics"
