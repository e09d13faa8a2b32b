"""The site navigation: grouped as the index pages group, and small on every page at any size.

The theme (navigation.tabs, navigation.sections, navigation.prune) writes into each page the open
tab's section headings with everything under them, and of any deeper group only its name unless
the page is in it. `menu_size` counts what a page carries that way.
"""

from __future__ import annotations

import re

import pytest

from bench.synthetic_kb import generate
from conftest import CONTENT_DIR
from prematch_kb.compiler import build_nav, render_pages
from prematch_kb.compiler.nav import BY_NAME, MENU_BUDGET, NAV_LIST_LIMIT, NAV_RANGE_LIMIT, alphabetical
from prematch_kb.compiler.page import Page
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.model import RULE_ASKS, RULE_ASKS_HEADINGS


def nav_of(content_dir):
    kb, settings = load_content(content_dir)
    pages = render_pages(kb, settings)
    return kb, pages, build_nav(pages, {"index.md"})


def tab(nav, name: str) -> list:
    return next(entry[name] for entry in nav if name in entry)


def leaves(entries) -> list[str]:
    out = []
    for entry in entries:
        (value,) = entry.values()
        out += leaves(value) if isinstance(value, list) else [value]
    return out


def lists(entries, depth: int = 1):
    """Every list of the navigation with its depth (1: the tabs)."""
    yield entries, depth
    for entry in entries:
        (value,) = entry.values()
        if isinstance(value, list):
            yield from lists(value, depth + 1)


def menu_size(nav, path: str) -> int:
    """Navigation entries the page at `path` carries: every tab; in its own tab the section
    headings (level 2) with all under them; a deeper group only by name unless it holds the page."""
    def walk(entries, level: int) -> int:
        count = 0
        for entry in entries:
            (value,) = entry.values()
            count += 1
            if isinstance(value, list) and (level == 2 or path in leaves(value)):
                count += walk(value, level + 1)
        return count
    return walk(nav, 1)


@pytest.fixture(scope="module")
def real():
    return nav_of(CONTENT_DIR)


def test_rules_are_listed_under_what_they_ask_as_on_the_index(real):
    kb, _pages, nav = real
    rules = tab(nav, "Rules")
    assert rules[0] == {"All rules": "rules/index.md"}
    statuses = [s for s in RULE_ASKS if any(r.asks == s for r in kb.rules.values())]
    assert [next(iter(e)) for e in rules[1:]] == [RULE_ASKS_HEADINGS[s] for s in statuses]
    for status, group in zip(statuses, rules[1:], strict=True):
        listed = leaves([group])
        expected = sorted((r for r in kb.rules.values() if r.asks == status), key=lambda r: r.title.lower())
        assert listed == [f"rules/{r.id}.md" for r in expected]  # pages, not ranges, at this size


def test_templates_are_listed_under_their_first_phase(real):
    kb, _pages, nav = real
    templates = tab(nav, "Templates")
    assert templates[0] == {"All templates": "templates/index.md"}
    for group in templates[1:]:
        (phase_title, entries), = group.items()
        phase = next(p for p in kb.phases.values() if p.title == phase_title)
        for path in leaves(entries):
            assert kb.templates[path.removeprefix("templates/").removesuffix(".md")].phases[0] == phase.id
    orders = [next(p.order for p in kb.phases.values() if p.title == next(iter(g))) for g in templates[1:]]
    assert orders == sorted(orders)  # in the order of the season


def test_small_lists_stay_flat_on_the_real_site(real):
    """Up to NAV_LIST_LIMIT specialties are listed flat; one more puts them in ranges (as on the
    large site below), so adding a specialty never fails this test."""
    kb, pages, nav = real
    specialties = tab(nav, "Specialties")
    flat = all(isinstance(next(iter(e.values())), str) for e in specialties)
    assert flat == (len(kb.specialties) <= NAV_LIST_LIMIT)
    assert [next(iter(e)) for e in tab(nav, "Guide")][:len(kb.guides)] == \
        [p.title for p in pages if p.path.startswith("guides/")]


def test_every_page_is_listed_once(real):
    _kb, pages, nav = real
    listed = leaves(nav)
    assert sorted(listed) == sorted([p.path for p in pages] + ["index.md"])


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """Navigation of knowledge bases 4 and 20 times the real one."""
    root = tmp_path_factory.mktemp("large-nav")
    return {scale: nav_of(generate(scale, root / f"kb-{scale}x")) for scale in (4, 20)}


@pytest.mark.slow
def test_large_sections_are_split_and_keep_every_page(large):
    for scale, (kb, pages, nav) in large.items():
        assert sorted(leaves(nav)) == sorted([p.path for p in pages] + ["index.md"])
        for entries, depth in lists(nav):
            groups = [e for e in entries if isinstance(next(iter(e.values())), list)]
            if depth >= 3 and groups:  # alphabetical ranges: never too many side by side
                assert len(groups) <= NAV_RANGE_LIMIT, (scale, [next(iter(g)) for g in groups])
            if depth >= 2:
                assert len(entries) - len(groups) <= NAV_LIST_LIMIT + 1  # + a section's index page
        specialties = tab(nav, "Specialties")
        assert next(iter(specialties[1])) == BY_NAME
        # the rules still come under what they ask, the guides under their kinds
        assert [next(iter(e)) for e in tab(nav, "Rules")[1:]] == [
            RULE_ASKS_HEADINGS[s] for s in RULE_ASKS if any(r.asks == s for r in kb.rules.values())]
        guides = tab(nav, "Guide")
        assert next(iter(guides[0])) == ("How-to guides" if len(kb.guides) > NAV_LIST_LIMIT else
                                         next(p.title for p in pages if p.path.startswith("guides/")))


@pytest.mark.slow
def test_each_page_carries_a_small_menu_at_any_size(large, real):
    biggest = {}
    for scale, (_kb, pages, nav) in {**large, 1: real}.items():
        biggest[scale] = max(menu_size(nav, p.path) for p in pages)
    # Twenty times the pages, a menu of the same bounded size: the open headings list about
    # MENU_BUDGET entries, the page's own range at most NAV_LIST_LIMIT more. So the build time
    # per page does not grow with the knowledge base.
    assert max(biggest.values()) <= MENU_BUDGET + NAV_LIST_LIMIT, biggest


def page(title: str) -> Page:
    return Page(f"x/{title}.md", title, "", "", "Specialties")


def test_alphabetical_ranges_cut_between_initials_and_read_as_letters():
    titles = [f"{letter}{suffix}" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for suffix in ("ab", "cd")]
    ranges = alphabetical([page(t) for t in reversed(titles)])
    labels = [next(iter(r)) for r in ranges]
    assert all(re.fullmatch(r"[A-Z](–[A-Z])?", label) for label in labels), labels
    assert labels[0].startswith("A") and labels[-1].endswith("Z")
    assert leaves(ranges) == [f"x/{t}.md" for t in titles]  # sorted, every one once
    assert all(len(next(iter(r.values()))) <= NAV_LIST_LIMIT for r in ranges)


def test_alphabetical_ranges_sort_numbers_as_numbers_and_tell_neighbours_apart():
    titles = [f"Step {n}" for n in range(1, 31)]
    ranges = alphabetical([page(t) for t in titles])
    assert leaves(ranges) == [f"x/{t}.md" for t in titles]  # Step 2 before Step 10
    assert [next(iter(r)) for r in ranges] == ["Step 1–Step 15", "Step 16–Step 30"]
    # an opening quote neither sorts nor labels a title
    assert alphabetical([page("“Quoted”")] + [page(f"Q{n:02d}") for n in range(25)])[0]
    assert not any(label.startswith("“") for label in (next(iter(r)) for r in
                                                       alphabetical([page("“Zed”")] + [page(f"Q{n:02d}") for n in range(25)])))


def test_short_lists_are_left_as_they_are():
    titles = ["Zeta", "Alpha", "Mu"]
    assert alphabetical([page(t) for t in titles]) == [{t: f"x/{t}.md"} for t in titles]
