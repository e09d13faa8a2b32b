"""The home page opens with its four entry points, each visible without scrolling on a phone and on
a laptop screen, each leading where it says; the four things that matter most come right after."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
ENTRY_POINTS = {
    "Check an email I'm writing": "checker/",
    "A program asked me something": "checker/?mode=received",
    "What do I do this week?": "plan/",
    "My specialty's rules": "specialties/",
}


@pytest.fixture(params=sorted(SIZES))
def sized_page(request, browser):
    context = browser.new_context(viewport=SIZES[request.param], is_mobile=request.param == "phone",
                                  has_touch=request.param == "phone")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"uncaught errors on the page: {errors}"


def test_the_entry_points_are_above_the_fold(sized_page, site_url):
    page = sized_page
    page.goto(site_url)
    viewport = page.viewport_size
    assert page.evaluate("() => window.scrollY") == 0
    cards = page.locator("nav.pmkb-entry a.pmkb-entry__card")
    titles = [cards.nth(i).locator(".pmkb-entry__title").inner_text().strip() for i in range(cards.count())]
    assert titles == list(ENTRY_POINTS)
    for i, title in enumerate(titles):
        card = cards.nth(i)
        assert card.is_visible(), title
        box = card.bounding_box()
        assert box is not None, title
        # Wholly inside the first screen: not cut at the bottom, not off to the side.
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (title, box, viewport)
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (title, box, viewport)
        # Big enough to tap (WCAG 2.5.8 asks 24 px; aim for a finger's 44).
        assert box["height"] >= 44 and box["width"] >= 44, (title, box)
        # Nothing (header, tabs, a banner) drawn over the card's middle.
        covered = page.evaluate(
            """([x, y]) => { const el = document.elementFromPoint(x, y); return el && el.closest('a.pmkb-entry__card') ? '' : (el ? el.outerHTML.slice(0, 120) : 'nothing'); }""",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert covered == "", (title, covered)
    # The page does not scroll sideways on a phone.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]


def test_the_four_things_that_matter_most_follow_the_entry_points(sized_page, site_url):
    page = sized_page
    page.goto(site_url)
    headings = [h.strip().rstrip("¶").strip() for h in page.locator("article h2").all_inner_texts()]
    assert headings[0] == "The four things that matter most"
    assert page.locator("article h2").first.locator("xpath=following-sibling::ol[1]/li").count() == 4
    # On a laptop the heading itself is on the first screen too.
    if page.viewport_size["width"] >= 1280:
        box = page.locator("article h2").first.bounding_box()
        assert box is not None and box["y"] < page.viewport_size["height"]


@pytest.mark.parametrize("title", list(ENTRY_POINTS))
def test_each_entry_point_leads_where_it_says(page, site_url, title):
    page.goto(site_url)
    page.locator("a.pmkb-entry__card", has_text=title).click()
    page.wait_for_load_state()
    assert page.url == site_url + ENTRY_POINTS[title], page.url
    if "mode=received" in ENTRY_POINTS[title]:
        page.wait_for_selector('input[name="pmkb-mode"][value="received"]:checked', state="attached", timeout=60_000)
    else:
        assert page.locator("article h1").count() == 1
