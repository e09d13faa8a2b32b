"""The published email templates pass the real checker.

A template is advice in itself: if the checker flags one of our own templates, either the template
or the checker is wrong. Raw templates may only trip `placeholder` (they are full of
[Placeholders]); filled in with their declared examples, they must raise no error or warning,
except the first-choice letter, whose first-choice claim is the point of the letter.
"""

from __future__ import annotations

import pytest

from conftest import CONTENT_DIR
from prematch_kb.checker import check
from prematch_kb.kb.loader import load_knowledge_base

KB = load_knowledge_base(CONTENT_DIR)
TEMPLATES = sorted(KB.templates.values(), key=lambda t: t.id)

# Findings a filled-in template is expected to carry, by template id.
EXPECTED = {"first-choice-letter": {"first-choice-claim"}}


def filled(template) -> str:
    """Subject line and body with every placeholder replaced by its declared example."""
    text = f"Subject: {template.subject}\n\n{template.body}"
    for placeholder in template.placeholders:
        text = text.replace(f"[{placeholder.name}]", placeholder.example)
    return text


def contexts(template):
    for applicant_type in template.applicant_types or (None,):
        for phase in template.phases:
            yield applicant_type, phase


def test_every_fixed_template_exists():
    assert {t.id for t in TEMPLATES} >= {
        "pre-interview-interest", "citizenship-clarification", "visa-sponsorship-question",
        "thank-you-after-interview", "update-letter", "continued-interest", "first-choice-letter",
        "reply-rank-question", "reply-other-programs-question", "reply-pre-match-offer",
        "interview-reschedule", "research-outreach", "mentor-outreach", "conference-follow-up",
    }


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_raw_template_has_no_error_but_placeholders(template):
    text = f"Subject: {template.subject}\n\n{template.body}"
    for applicant_type, phase in contexts(template):
        report = check(text, mode="draft", applicant_type=applicant_type, phase=phase)
        errors = {f.category for f in report.findings if f.severity == "error"}
        assert errors <= {"placeholder"}, (template.id, applicant_type, phase, errors)
        assert "placeholder" in errors, "a raw template must show its placeholders"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_filled_template_raises_no_error_or_warning(template):
    text = filled(template)
    expected = EXPECTED.get(template.id, set())
    for applicant_type, phase in contexts(template):
        report = check(text, mode="draft", applicant_type=applicant_type, phase=phase)
        serious = {f.category for f in report.findings if f.severity in ("error", "warning")}
        assert serious == expected, (template.id, applicant_type, phase, serious)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_filled_template_is_complete_and_short(template):
    """Greeting, sign-off, identity and length: the suggestion-level checks stay quiet too."""
    report = check(filled(template), mode="draft",
                   applicant_type=(template.applicant_types or (None,))[0], phase=template.phases[0])
    suggestions = {f.category for f in report.findings if f.severity == "suggestion"}
    assert not suggestions & {"missing-salutation", "missing-sign-off", "missing-identity",
                              "too-long", "unrequested-attachment"}, (template.id, suggestions)


def test_only_the_first_choice_letter_claims_first_choice():
    claimants = {
        t.id for t in TEMPLATES
        if any(f.category == "first-choice-claim" for f in check(filled(t), mode="draft").findings)
    }
    assert claimants == {"first-choice-letter"}
