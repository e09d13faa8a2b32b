"""A rule's badge is derived from what it asks (do / don't / may / a fact), whom it binds and its
kind, and says the same on the site and in the handbook: a rule that asks you to do something is
never labelled as something to avoid."""

from __future__ import annotations

import re
from datetime import date

import pytest

from prematch_kb.compiler import render_pages
from prematch_kb.handbook import HandbookSettings, render_document
from prematch_kb.kb.model import BINDS, RULE_ASKS, RULE_KINDS, rule_badge


@pytest.mark.parametrize(("asks", "kind", "binds", "label"), [
    ("do", "practice", "applicant", "You should"),
    ("do", "match-rule", "both", "Both sides must"),
    ("do", "match-rule", "program", "Programs must"),
    ("dont", "practice", "applicant", "You should not"),
    ("dont", "match-rule", "applicant", "You must not"),
    ("dont", "match-rule", "program", "Programs must not"),
    ("dont", "match-rule", "both", "Neither side may"),
    ("dont", "practice", "both", "Neither side should"),
    ("may", "match-rule", "applicant", "You may"),
    ("may", "practice", "program", "Programs may"),
    ("may", "match-rule", "both", "Either side may"),
    ("fact", "match-rule", "both", "How the Match works"),
])
def test_badge_is_derived_from_what_a_rule_asks_whom_it_binds_and_its_kind(asks, kind, binds, label):
    assert rule_badge(asks, kind, binds).label == label


@pytest.mark.parametrize("binds", BINDS)
@pytest.mark.parametrize("kind", RULE_KINDS)
@pytest.mark.parametrize("asks", RULE_ASKS)
def test_no_badge_contradicts_what_the_rule_asks(asks, kind, binds):
    badge = rule_badge(asks, kind, binds)
    negative = bool(re.search(r"\bnot\b|\bNeither\b", badge.label))
    assert negative == (asks == "dont"), badge
    assert badge.tone.endswith("-not") == (asks == "dont")
    assert ("must" in badge.label or badge.label == "Neither side may") == (kind == "match-rule" and asks in ("do", "dont"))


# Real rules whose old single "status" said the opposite of their title, and a few of each kind.
EXPECTED = {
    "complete-professional-email": "You should",
    "follow-specialty-communication-guidance": "You should",
    "state-visa-status-early": "You should",
    "do-not-ask-where-you-rank": "You should not",
    "programs-may-not-ask-ranking": "Programs must not",
    "no-binding-commitments": "Neither side may",
    "voluntary-expression-of-interest": "Either side may",
    "soap-contact-rules": "Both sides must",
    "statements-are-not-binding": "How the Match works",
    # NRMP advises ranking by true preference to applicants and programs alike; it requires nothing.
    "rank-by-true-preference": "Both sides should",
}


def test_real_rules_carry_the_badges_their_titles_mean(real):
    kb, _settings = real
    assert {rule_id: kb.rules[rule_id].badge.label for rule_id in EXPECTED} == EXPECTED


def test_a_title_that_says_do_not_asks_dont(real):
    kb, _settings = real
    for rule in kb.rules.values():
        if re.match(r"(Do not|No |Neither|Programs may not)\b", rule.title):
            assert rule.asks == "dont", rule.id


def test_site_and_handbook_show_the_same_badge(real):
    kb, settings = real
    pages = {p.path: p for p in render_pages(kb, settings, today=date(2027, 1, 15))}
    handbook = render_document(kb, HandbookSettings(title=settings.title, site_url=settings.site_url, cycle="2027",
                                                    edition=date(2026, 12, 6), description="")).html
    for rule in kb.rules.values():
        badge = rule.badge
        assert f'pmkb-status--{badge.tone}">{badge.label}</span>' in pages[f"rules/{rule.id}.md"].markdown
        # the handbook's overview table row and the rule's own section
        row = re.search(rf'href="#rule-{rule.id}">[^<]*</a></td><td><span class="status status-([a-z-]+)">([^<]+)</span>',
                        handbook)
        assert row is not None and row.groups() == (badge.tone, badge.label), rule.id
    assert "status-discouraged" not in handbook and "status-allowed" not in handbook  # the old single status


def test_a_practice_reads_as_a_practice_on_the_site_in_the_handbook_and_the_quick_reference(real):
    from prematch_kb.handbook.quick_reference import render_quick_reference

    kb, settings = real
    rule = kb.rules["rank-by-true-preference"]
    assert rule.kind == "practice"
    page = {p.path: p for p in render_pages(kb, settings, today=date(2027, 1, 15))}[f"rules/{rule.id}.md"]
    assert re.search(r'pmkb-status--should">Both sides should</span> Binds: applicants and programs · '
                     r"Professional practice", page.markdown)
    book_settings = HandbookSettings(title=settings.title, site_url=settings.site_url, cycle="2027",
                                     edition=date(2026, 12, 6), description="")
    handbook = render_document(kb, book_settings).html
    row = re.search(rf'href="#rule-{rule.id}">[^<]*</a></td><td>(.*?)</td><td>([^<]*)</td>', handbook)
    assert row is not None and row.groups() == ('<span class="status status-should">Both sides should</span>',
                                                "Professional practice")
    section = handbook[handbook.index(f'id="rule-{rule.id}"'):]
    assert re.search(r'status-should">Both sides should</span> Professional practice · binds\s+applicants and programs',
                     section[:2000])
    quick = render_quick_reference(kb, book_settings)
    assert f'status-should">Both sides should</span> <strong class="rule-title">{rule.title}</strong>' in quick
