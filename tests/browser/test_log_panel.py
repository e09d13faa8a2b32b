"""The checker page's log panel says what the log holds the moment a message is added to it,
without another edit of the draft."""

from __future__ import annotations

import pytest

from .pages import check_text, wait_checked, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]

THANK_YOU = "Dear Dr. Okafor,\n\nThank you for the interview day on Tuesday.\n\nSincerely,\nAda Obi\n"


@pytest.mark.parametrize("mode", ["draft", "received"])
def test_the_panel_updates_as_soon_as_a_message_is_logged(page, site_url, mode):
    page.goto(site_url + "checker/")
    wait_ready(page)
    wait_checked(page)
    check_text(page, THANK_YOU, mode=mode)
    page.evaluate("() => { document.querySelector('.pmkb-checker__context').open = true; }")
    page.fill('input[name="program_name"]', "Lakeshore General")
    wait_checked(page)
    summary = page.locator(".pmkb-checker__log-summary")
    if mode == "draft":
        assert "No communication log" in summary.inner_text()
    page.click('[data-action="log-sent"]')
    page.wait_for_selector('#pmkb-checker[data-log-count="1"]', state="attached")
    # At once: within a short wait, never after the next keystroke.
    page.wait_for_function(
        "() => !document.querySelector('.pmkb-checker__log-summary').textContent.includes('No communication log')",
        timeout=3_000)
    if mode == "draft":
        assert "1 message" in summary.inner_text()
    assert "Logged:" in page.inner_text(".pmkb-checker__log-status")
