"""The checker page with a specialty chosen: a draft against that specialty's published policy
shows the specialty-policy warning, naming the organisation; with no specialty it does not."""

from __future__ import annotations

import pytest

from .pages import check_text, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]

THANK_YOU = "Dear Dr. Haddad,\n\nThank you for interviewing me on Thursday.\n\nSincerely,\nPriya Raman\n"


def test_the_specialty_menu_turns_on_the_policy_warning(page, site_url):
    page.goto(site_url + "checker/")
    wait_ready(page)
    findings = check_text(page, THANK_YOU, context={"specialty": "plastic-surgery"})
    [finding] = [f for f in findings if f["category"] == "specialty-policy"]
    assert finding["severity"] == "warning"
    card = page.locator('.pmkb-finding[data-category="specialty-policy"]')
    assert "ACAPS" in card.inner_text()
    findings = check_text(page, THANK_YOU, context={})
    assert "specialty-policy" not in {f["category"] for f in findings}


def test_the_plan_marks_templates_the_specialty_policy_is_against(page, site_url):
    page.goto(site_url + "plan/?specialty=plastic-surgery&date=2026-12-10")
    page.wait_for_selector(".pmkb-plan__policy", state="attached", timeout=20_000)
    assert "Thank-you notes" in page.inner_text(".pmkb-plan__policy")
    marked = page.locator('li[data-template="thank-you-after-interview"][data-policy="against"]')
    assert "ACAPS" in marked.inner_text()
    page.goto(site_url + "plan/?specialty=pediatrics&date=2026-12-10")
    page.wait_for_selector("#pmkb-plan-specialty", state="attached", timeout=20_000)
    assert page.locator(".pmkb-plan__policy").count() == 0
    assert page.locator('li[data-policy="against"]').count() == 0
