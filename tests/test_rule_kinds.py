"""Where a rule comes from: a Match rule (an agreement clause), a Code of Conduct norm (NRMP offers
its Codes as a guide, not as agreement terms) or a professional practice. The loader accepts only
these kinds; each is named with its own label on the site, in the handbook and in the quick
reference; Match rules and Code of Conduct norms cite the section they come from; a section that
was not read in the current text of its source carries "verify" everywhere. A specialty policy
says whose contact each stance covers when its organisation's text does."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from conftest import replace_once
from prematch_kb.compiler import render_pages
from prematch_kb.handbook import HandbookSettings, render_document
from prematch_kb.handbook.context import esc
from prematch_kb.handbook.quick_reference import render_quick_reference
from prematch_kb.kb.errors import ContentError
from prematch_kb.kb.loader import load_knowledge_base
from prematch_kb.kb.model import RULE_KIND_LABELS, RULE_KINDS, rule_badge
from prematch_kb.kb.rulebook import UNCONFIRMED_SECTION, build_rulebook

# A real rule of each kind: the labels are checked on these.
ONE_OF_EACH = {
    "match-rule": "no-soliciting-commitments",
    "code-of-conduct": "professional-tone",
    "practice": "rank-by-true-preference",
}


@pytest.fixture(scope="module")
def outputs(real):
    kb, settings = real
    pages = {p.path: p.markdown for p in render_pages(kb, settings, today=date(2027, 1, 15))}
    book_settings = HandbookSettings(title=settings.title, site_url=settings.site_url, cycle="2027",
                                     edition=date(2026, 12, 6), description="")
    return pages, render_document(kb, book_settings).html, render_quick_reference(kb, book_settings)






def _problems(content: Path):
    with pytest.raises(ContentError) as caught:
        load_knowledge_base(content)
    return caught.value.problems


# -- the loader ------------------------------------------------------------------------------------

def test_the_three_kinds_each_have_one_label():
    assert RULE_KINDS == ("match-rule", "code-of-conduct", "practice")
    assert set(RULE_KIND_LABELS) == set(RULE_KINDS)
    assert len(set(RULE_KIND_LABELS.values())) == len(RULE_KINDS)


def test_loader_refuses_an_unknown_kind(content):
    path = content / "rules/proofread-before-sending.yml"
    replace_once(path, "kind: practice", "kind: norm")
    found = [p for p in _problems(content) if p.path.endswith("proofread-before-sending.yml") and p.field == "kind"]
    assert len(found) == 1
    assert found[0].message.startswith("expected one of match-rule, code-of-conduct, practice; got 'norm'")


def test_loader_accepts_a_code_of_conduct_norm(content):
    replace_once(content / "rules/proofread-before-sending.yml", "kind: practice", "kind: code-of-conduct")
    kb = load_knowledge_base(content)
    assert kb.rules["proofread-before-sending"].kind == "code-of-conduct"


def test_an_unconfirmed_section_needs_a_section(content):
    path = content / "rules/no-binding-commitments.yml"
    replace_once(path, '    section: "6.3"', "    confirmed: false")
    found = [p for p in _problems(content) if p.field.endswith("confirmed")]
    assert len(found) == 1 and "expected a section for confirmed: false" in found[0].message


# -- the badge: only a Match rule says "must" -------------------------------------------------------

@pytest.mark.parametrize(("asks", "binds", "label"), [
    ("do", "applicant", "You should"),
    ("dont", "applicant", "You should not"),
    ("dont", "both", "Neither side should"),
    ("may", "applicant", "You may"),
])
def test_a_code_of_conduct_norm_says_should_not_must(asks, binds, label):
    assert rule_badge(asks, "code-of-conduct", binds).label == label


# -- each kind's label on the site, in the handbook and in the quick reference ------------------------

@pytest.mark.parametrize("kind", RULE_KINDS)
def test_each_kind_is_labelled_on_its_rule_page_and_the_index(real, outputs, kind):
    kb, _settings = real
    pages, _handbook, _quick = outputs
    rule = kb.rules[ONE_OF_EACH[kind]]
    assert rule.kind == kind
    label = RULE_KIND_LABELS[kind]
    page = pages[f"rules/{rule.id}.md"]
    assert re.search(rf'pmkb-status--{rule.badge.tone}">{re.escape(rule.badge.label)}</span> Binds: [a-z ]+ · '
                     rf"{re.escape(label)}</p>", page), rule.id
    index = pages["rules/index.md"]
    row = next(line for line in index.splitlines() if f"]({rule.id}.md)" in line and line.startswith("|"))
    assert f"| {label} |" in row
    section = index[index.index(f'{{#kind-{kind}}}'):]
    assert section.startswith(f'{{#kind-{kind}}}') and f"]({rule.id}.md)" in section.split("\n### ")[0]


@pytest.mark.parametrize("kind", RULE_KINDS)
def test_each_kind_is_labelled_in_the_handbook(real, outputs, kind):
    kb, _settings = real
    _pages, handbook, _quick = outputs
    rule = kb.rules[ONE_OF_EACH[kind]]
    label = RULE_KIND_LABELS[kind]
    row = re.search(rf'href="#rule-{rule.id}">[^<]*</a></td><td>.*?</td><td>([^<]*)</td>', handbook)
    assert row is not None and row.group(1) == label
    section = handbook[handbook.index(f'id="rule-{rule.id}"'):][:2000]
    assert re.search(rf"{re.escape(rule.badge.label)}</span> {re.escape(label)} · binds", section)
    # the chapter's legend explains every kind
    assert f"<dt>{label}</dt>" in handbook


@pytest.mark.parametrize("kind", RULE_KINDS)
def test_each_kind_is_labelled_in_the_quick_reference(real, outputs, kind):
    kb, _settings = real
    _pages, _handbook, quick = outputs
    for rule in kb.rules.values():
        if rule.kind == kind:
            item = re.search(rf'<strong class="rule-title">{re.escape(esc(rule.title))}</strong>.*?</li>', quick)
            assert item is not None, rule.id
            assert f'<span class="kind kind-{kind}">{RULE_KIND_LABELS[kind]}</span>' in item.group(0), rule.id


# -- sections -----------------------------------------------------------------------------------------

def test_every_match_rule_and_code_of_conduct_norm_cites_a_section(real):
    kb, _settings = real
    missing = [r.id for r in kb.rules.values()
               if r.kind in ("match-rule", "code-of-conduct") and not any(c.section for c in r.citations)]
    assert not missing


def test_every_code_of_conduct_norm_cites_a_code_item_read_in_its_current_text(real):
    kb, _settings = real
    norms = [r for r in kb.rules.values() if r.kind == "code-of-conduct"]
    assert norms
    for rule in norms:
        items = [c for c in rule.citations if "Code of Conduct" in c.source.title and c.section and c.confirmed]
        assert items, rule.id


def test_an_unconfirmed_section_is_marked_verify_on_the_site_in_the_handbook_and_the_checker(real, outputs):
    kb, settings = real
    pages, handbook, _quick = outputs
    rule = kb.rules["soap-contact-rules"]
    citation = next(c for c in rule.citations if not c.confirmed)
    page = pages[f"rules/{rule.id}.md"]
    line = next(line for line in page.splitlines() if citation.source.title in line)
    assert f"section {citation.section} <span class=\"pmkb-verify\"" in line
    section = handbook[handbook.index(f'id="rule-{rule.id}"'):]
    section = section[:section.index("</section>")]
    assert re.search(rf'section {re.escape(citation.section)} <span class="verify"', section)
    # a confirmed section carries no mark
    confirmed = next(c for r in kb.rules.values() for c in r.citations if c.confirmed and c.section)
    assert f"section {confirmed.section} <span" not in "".join(pages.values()).replace("\n", " ")
    # the checker's link to the rule's source says it, too, when the first primary source is unconfirmed
    book = build_rulebook(kb, settings)
    marked = 0
    for category, entry in book["categories"].items():
        rule = kb.rules.get(kb.checks[category].rule)
        first = next((c for c in rule.citations if c.source.primary), None) if rule else None
        if first is not None and first.section:
            expected = first.section + ("" if first.confirmed else UNCONFIRMED_SECTION)
            assert entry["source"]["section"] == expected, category
            marked += not first.confirmed
    assert marked  # at least one category links to a rule whose first source's section is unconfirmed


# -- whose contact a specialty policy's stance covers ----------------------------------------------------

def test_internal_medicine_says_whose_contact_each_stance_covers(real, outputs):
    kb, _settings = real
    pages, handbook, _quick = outputs
    policy = kb.specialties["internal-medicine"].communication_policy
    assert policy.contact_by == {"post_interview_contact": "programs", "thank_you_notes": "applicants"}
    assert policy.position("post_interview_contact") == "Discouraged for programs' messages"
    assert policy.position("thank_you_notes") == "Discouraged for applicants' messages"
    assert policy.position("second_looks") == "No published policy"
    page = pages["specialties/internal-medicine.md"]
    assert "| Contact after the interview | Discouraged for programs' messages |" in page
    assert "| Thank-you notes | Discouraged for applicants' messages |" in page
    assert "Discouraged for programs' messages (AAIM" in pages["specialties/index.md"]
    assert "<th>Contact after the interview</th><td>Discouraged for programs&#x27; messages</td>" in handbook \
        or "<th>Contact after the interview</th><td>Discouraged for programs' messages</td>" in handbook
    assert policy.to_dict()["contact_by"] == {"post_interview_contact": "programs", "thank_you_notes": "applicants"}


def test_contact_by_takes_known_values_on_topics_with_a_stance(content):
    path = content / "specialties/otolaryngology.yml"
    replace_once(path, "  post_interview_contact: no-policy\n",
          "  post_interview_contact: discouraged\n  contact_by:\n    post_interview_contact: faculty\n"
          "    thank_you_notes: applicants\n")
    replace_once(path, "  searched: 2026-12-06", "  searched: 2026-12-06\n  season: 2026-27\n"
          "  sources: [{source: nrmp-mpa-applicants}]")
    found = sorted((p.field, p.message) for p in _problems(content) if "contact_by" in p.field)
    assert [field for field, _ in found] == ["communication_policy.contact_by.post_interview_contact",
                                             "communication_policy.contact_by.thank_you_notes"]
    assert found[0][1].startswith("expected one of applicants, programs, both; got 'faculty'")
    assert found[1][1].startswith("expected a topic with a published stance; thank_you_notes is no-policy")
    replace_once(path, "post_interview_contact: faculty\n    thank_you_notes: applicants\n", "post_interview_contact: programs\n")
    policy = load_knowledge_base(content).specialties["otolaryngology"].communication_policy
    assert policy.contact_by == {"post_interview_contact": "programs"}
    assert policy.position("post_interview_contact") == "Discouraged for programs' messages"
