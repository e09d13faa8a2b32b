"""The specialty-policy check: with a specialty chosen, a draft that goes against that specialty's
published communication policy is warned about, naming the policy and its source; the cadence
follows the same policy. The policies come from content/ through rulebook.json."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import CONTENT_DIR
from prematch_kb.checker import check, commlog
from prematch_kb.checker.checks import specialty_policy
from prematch_kb.checker.rulebook import load_rulebook
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.model import POLICY_TOPICS

THANKS = "Dear Dr. Haddad,\n\nThank you for interviewing me on Thursday.\n\nSincerely,\nPriya Raman\n"
FIRST = "Dear Dr. Haddad,\n\nYour program is my first choice.\n\nSincerely,\nPriya Raman\n"
SECOND_LOOK = "Dear Ms. Rivera,\n\nCould I arrange a second look in January?\n\nSincerely,\nPriya Raman\n"


def categories(text: str, **context) -> set[str]:
    return {f.category for f in check(text, **context).findings}


@pytest.fixture(scope="module")
def kb():
    return load_content(CONTENT_DIR)[0]


def test_the_rulebook_holds_every_found_policy_as_the_content_states_it(kb):
    policies = load_rulebook()["policies"]
    found = {s.id for s in kb.specialties.values() if s.communication_policy and s.communication_policy.found}
    assert set(policies) == found and {"plastic-surgery", "internal-medicine"} <= found
    for specialty_id, policy in policies.items():
        content = kb.specialties[specialty_id].communication_policy
        assert {topic: policy[topic] for topic in POLICY_TOPICS} == {t: content.stance(t) for t in POLICY_TOPICS}
        assert policy["organisation"] == content.organisation


@pytest.mark.parametrize("text", [THANKS, FIRST, SECOND_LOOK])
def test_each_kind_of_message_is_warned_about_where_the_policy_is_against_it(text):
    report = check(text, specialty="plastic-surgery")
    (finding,) = [f for f in report.findings if f.category == "specialty-policy"]
    assert finding.severity == "warning"
    assert "ACAPS" in finding.message and "Uniform Policy and Guidelines for Post Interview Communication" in finding.message
    assert finding.source["url"].startswith("https://acaplasticsurgeons.org/")
    assert finding.link.endswith("/specialties/plastic-surgery/#communication-policy")


@pytest.mark.parametrize("text", [THANKS, FIRST, SECOND_LOOK])
def test_nothing_without_a_specialty_or_for_one_without_such_a_policy(text):
    assert "specialty-policy" not in categories(text)
    assert "specialty-policy" not in categories(text, specialty="pediatrics")  # no published policy
    assert "specialty-policy" not in categories(text, specialty="family-medicine")  # allows thank-you notes


def test_only_the_topics_the_policy_is_against():
    assert "specialty-policy" in categories(THANKS, specialty="internal-medicine")  # AAIM: no thank-you notes
    assert "specialty-policy" not in categories(FIRST, specialty="internal-medicine")  # AAIM says nothing on these
    assert "specialty-policy" not in categories(FIRST, specialty="neurosurgery")  # SNS: you may tell a program
    assert "specialty-policy" in categories(SECOND_LOOK, specialty="neurosurgery")  # SNS: not recommended


@pytest.mark.parametrize("text", [
    "Dear Dr. Haddad,\n\nI understand that thank-you notes are not expected, so I will not send one.\n\nBest,\nP R\n",
    'Dear Ms. Rivera,\n\nMy advisor said "thank you for the interview" is all I should write.\n\nBest,\nP R\n',
    "Dear Ms. Rivera,\n\nThank you for inviting me to interview on 3 December.\n\nBest,\nP R\n",
    "Dear Ms. Rivera,\n\nI am unable to attend the second look and wish you a good season.\n\nBest,\nP R\n",
])
def test_near_misses_pass(text):
    assert "specialty-policy" not in categories(text, specialty="plastic-surgery")


def _log(*entries):
    return commlog.CommunicationLog.from_dict({"schema": commlog.SCHEMA, "version": commlog.VERSION,
                                               "entries": list(entries)})


def test_the_cadence_follows_the_specialty_policy():
    sent = {"program": "Lakeside", "date": "2026-12-03", "direction": "sent", "kind": "thank-you"}
    assert commlog.cadence_limit("thank-you") == 1
    assert commlog.cadence_limit("thank-you", specialty_policy.policy_for("plastic-surgery")) == 0
    assert commlog.cadence_limit("update", specialty_policy.policy_for("plastic-surgery")) == 1
    [cadence] = [f for f in commlog.review_draft(_log(sent), check(THANKS, specialty="internal-medicine"),
                                                 "Lakeside", kind="thank-you") if f.category == "cadence"]
    assert "AAIM" in cadence.message and "usual cadence" not in cadence.message
    [default] = commlog.review_draft(_log(sent), check(THANKS), "Lakeside", kind="thank-you")
    assert default.category == "cadence" and default.message.endswith("the usual cadence is at most 1.")


def test_a_draft_the_applicant_calls_a_thank_you_is_read_as_one():
    plain = "Dear Dr. Haddad,\n\nIt was a pleasure to spend Thursday with your team.\n\nSincerely,\nPriya Raman\n"
    report = check(plain, specialty="plastic-surgery")
    assert "specialty-policy" not in {f.category for f in report.findings}
    findings = commlog.review_draft(_log(), report, "Lakeside", kind="thank-you")
    assert [f.category for f in findings] == ["specialty-policy"] and "ACAPS" in findings[0].message
    # Found in the wording already: not reported twice.
    assert commlog.review_draft(_log(), check(THANKS, specialty="plastic-surgery"), "Lakeside", kind="thank-you") == []


def _cli(*args: str, stdin: bytes) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prematch_kb", "check", *args], input=stdin, capture_output=True)


def test_cli_with_specialty_warns_and_names_the_policy():
    result = _cli("--specialty", "plastic-surgery", "-", stdin=THANKS.encode())
    out = result.stdout.decode()
    assert result.returncode == 0, out  # a warning, not an error
    assert 'warning [specialty-policy] "Thank you"' in out and "ACAPS" in out
    assert "specialties/plastic-surgery/#communication-policy" in out
    data = json.loads(_cli("--format", "json", "--specialty", "plastic-surgery", "-", stdin=THANKS.encode()).stdout)
    assert data["context"] == {"specialty": "plastic-surgery"}
    assert [f["source"]["publisher"] for f in data["findings"] if f["category"] == "specialty-policy"] == ["ACAPS"]
    assert "specialty-policy" not in _cli("-", stdin=THANKS.encode()).stdout.decode()


def test_the_plan_follows_the_specialty_policy(kb):
    from prematch_kb.browser.plan_data import plan_data

    specialties = plan_data(kb)["specialties"]
    plastic = specialties["plastic-surgery"]["policy"]
    assert set(plastic["against_templates"]) == {"thank-you-after-interview", "first-choice-letter"}
    assert plastic["against_templates"]["thank-you-after-interview"].startswith("Not allowed under the policy of ACAPS")
    assert ["Thank-you notes", "Not allowed"] in plastic["rows"] and plastic["sources"]
    assert set(specialties["internal-medicine"]["policy"]["against_templates"]) == {"thank-you-after-interview"}
    assert specialties["neurosurgery"]["policy"]["against_templates"] == {}
    assert specialties["pediatrics"]["policy"] is None  # no published policy: the plan's usual advice
