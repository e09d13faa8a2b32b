"""The checker page with the communication log: "I sent this", and drafts checked against the log."""

from __future__ import annotations

import json

import pytest

from .pages import check_text, wait_checked, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STORAGE_KEY = "prematch-kb:communication-log"
FIRST_CHOICE = "Dear Dr. Okafor,\n\nYour program is my first choice.\n\nSincerely,\nAda Obi\n"
THANK_YOU = "Dear Dr. Okafor,\n\nThank you for the interview day on Tuesday.\n\nSincerely,\nAda Obi\n"


def open_checker(page, site_url) -> None:
    page.goto(site_url + "checker/")
    wait_ready(page)
    wait_checked(page)


def set_program(page, name: str) -> None:
    page.evaluate("() => { document.querySelector('.pmkb-checker__context').open = true; }")
    page.fill('input[name="program_name"]', name)
    wait_checked(page)


def log_entries(page) -> list[dict]:
    raw = page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')")
    return json.loads(raw)["entries"] if raw else []


def categories(page) -> list[str]:
    return page.eval_on_selector_all(".pmkb-finding", "els => els.map(e => e.dataset.category)")


def test_i_sent_this_logs_the_draft_and_a_second_first_choice_is_an_error(page, site_url):
    open_checker(page, site_url)
    check_text(page, FIRST_CHOICE)
    set_program(page, "Lakeshore General")
    assert "second-first-choice" not in categories(page)
    page.click('[data-action="log-sent"]')
    page.wait_for_selector('#pmkb-checker[data-log-count="1"]', state="attached")
    wait_checked(page)
    [entry] = log_entries(page)
    assert entry["program"] == "Lakeshore General" and entry["direction"] == "sent"
    assert entry["kind"] == "first-choice" and entry["first_choice_claim"] is True
    # The same letter to another program: the log knows Lakeshore General heard it first.
    set_program(page, "Riverside Medical Center")
    error = page.locator('.pmkb-finding[data-category="second-first-choice"]')
    error.wait_for(state="attached", timeout=20_000)
    assert error.get_attribute("data-severity") == "error"
    assert "Lakeshore General" in error.inner_text()


def test_cadence_warning_for_a_second_thank_you(page, site_url):
    open_checker(page, site_url)
    check_text(page, THANK_YOU)
    set_program(page, "Lakeshore General")
    page.select_option('select[name="log_kind"]', "thank-you")
    wait_checked(page)
    assert "cadence" not in categories(page)
    page.click('[data-action="log-sent"]')
    page.wait_for_selector('#pmkb-checker[data-log-count="1"]', state="attached")
    wait_checked(page)
    warning = page.locator('.pmkb-finding[data-category="cadence"]')
    warning.wait_for(state="attached", timeout=20_000)
    assert warning.get_attribute("data-severity") == "warning"


def test_the_log_page_sees_what_the_checker_logged(page, site_url):
    open_checker(page, site_url)
    check_text(page, THANK_YOU)
    set_program(page, "Hillcrest Children's")
    page.click('[data-action="log-sent"]')
    page.wait_for_selector('#pmkb-checker[data-log-count="1"]', state="attached")
    page.goto(site_url + "log/")
    page.wait_for_selector("#pmkb-log[data-state=ready]", state="attached")
    assert page.eval_on_selector_all(".pmkb-log__table tbody tr", "rows => rows.map(r => r.dataset.program)") == [
        "Hillcrest Children's"]


def test_corrupt_log_does_not_break_checking_and_is_not_touched(page, site_url):
    open_checker(page, site_url)
    page.evaluate("([key]) => localStorage.setItem(key, '{broken')", [STORAGE_KEY])
    check_text(page, FIRST_CHOICE)
    set_program(page, "Riverside")
    assert "first-choice-claim" in categories(page)
    assert "cannot be read" in page.inner_text(".pmkb-checker__log-summary")
    page.click('[data-action="log-sent"]')
    assert "Not logged" in page.inner_text(".pmkb-checker__log-status")
    assert page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')") == "{broken"


def test_a_received_message_is_logged_and_a_reply_becomes_due(page, site_url):
    open_checker(page, site_url)
    check_text(page, "Dear Dr. Obi,\n\nCould you tell us whether you hold a visa?\n\nDr. Okafor", mode="received")
    set_program(page, "Riverside Medical Center")
    assert "I received this" in page.inner_text('[data-action="log-sent"]')
    page.click('[data-action="log-sent"]')
    page.wait_for_selector('#pmkb-checker[data-log-count="1"]', state="attached")
    [entry] = log_entries(page)
    assert entry["direction"] == "received" and entry["first_choice_claim"] is False
    check_text(page, THANK_YOU, mode="draft")
    set_program(page, "Riverside Medical Center")  # checking a new text starts from a fresh context
    due = page.locator('.pmkb-finding[data-category="reply-due"]')
    due.wait_for(state="attached", timeout=20_000)
    assert "Riverside Medical Center" in due.inner_text()
