"""The communication log: parsing, round trips, and the findings a draft earns against the log."""

from __future__ import annotations

import json
from datetime import date

import pytest

from prematch_kb.checker.commlog import (
    RECEIVED_KINDS,
    VERSION,
    CommunicationLog,
    LogEntry,
    LogFormatError,
    load_log,
    received_kind,
    review_draft,
)

GOOD_CSV = """program,date,direction,kind,first_choice_claim,note
Lakeshore General,2026-12-03,sent,thank-you,no,Thanked Dr. Reyes
"Hillcrest Children's, Pediatrics",2026-12-10,received,other,,Asked about my visa
Lakeshore General,2027-01-20,sent,first-choice,yes,"Said ""first choice"" once"
"""


def first_choice_report(excerpt: str = "my first choice", start: int = 10) -> dict:
    """The checker's report shape, with the one finding the log review reads."""
    return {"findings": [{"category": "first-choice-claim", "severity": "warning", "excerpt": excerpt,
                          "start": start, "end": start + len(excerpt),
                          "start_utf16": start, "end_utf16": start + len(excerpt)}]}


def sample_log() -> CommunicationLog:
    return CommunicationLog.from_csv(GOOD_CSV)


# -- parsing ---------------------------------------------------------------------------------------

def test_csv_parses_every_field():
    log = sample_log()
    assert [e.program for e in log.entries] == ["Lakeshore General", "Hillcrest Children's, Pediatrics",
                                                "Lakeshore General"]
    first = log.entries[0]
    assert first.date == date(2026, 12, 3) and first.direction == "sent" and first.kind == "thank-you"
    assert first.first_choice_claim is False and first.note == "Thanked Dr. Reyes"
    assert log.entries[1].first_choice_claim is False  # empty means no
    assert log.entries[2].first_choice_claim is True and log.entries[2].note == 'Said "first choice" once'


def test_csv_header_may_be_reordered_and_optional_columns_left_out():
    log = CommunicationLog.from_csv("Kind,Date,Program,Direction\r\nupdate,2027-01-05,Lakeshore,sent\r\n")
    assert log.entries == [LogEntry("Lakeshore", date(2027, 1, 5), "sent", "update")]


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("program,date,direction,kind\nA,2026-13-01,sent,update\n", "CSV row 2, column date", "no such day"),
        ("program,date,direction,kind\nA,12/03/2026,sent,update\n", "CSV row 2, column date", "YYYY-MM-DD"),
        ("program,date,direction,kind\nA,2026-12-01,sent,update\nB,2026-12-02,mailed,update\n",
         "CSV row 3, column direction", '"mailed"'),
        ("program,date,direction,kind\nA,2026-12-01,sent,love-letter\n", "CSV row 2, column kind", '"love-letter"'),
        ("program,date,direction,kind\n,2026-12-01,sent,update\n", "CSV row 2, column program", "empty"),
        ("program,date,direction,kind,first_choice_claim\nA,2026-12-01,sent,update,maybe\n",
         "CSV row 2, column first_choice_claim", '"maybe"'),
        ("program,date,direction,kind\nA,2026-12-01,sent,update,extra\n", "CSV row 2", "5 cells"),
    ],
)
def test_corrupt_csv_names_row_and_field(text, where, what):
    with pytest.raises(LogFormatError) as error:
        CommunicationLog.from_csv(text)
    assert error.value.where == where
    assert what in str(error.value)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Name,Email,Phone\nAda,ada@example.org,555\n", "missing columns program, date, direction, kind"),
        ("program,date,direction,kind,priority\n", "unknown column 'priority'"),
        ("", "expected a header row"),
        ("program,date,program,direction,kind\n", "appears twice"),
    ],
)
def test_foreign_csv_is_refused_with_what_was_expected(text, what):
    with pytest.raises(LogFormatError) as error:
        CommunicationLog.from_csv(text)
    assert error.value.where == "CSV header (row 1)" or error.value.where == "CSV row 1"
    assert what in str(error.value)


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("{not json", "JSON", "not valid JSON"),
        ('{"type": "FeatureCollection", "features": []}', "JSON", "not a communication log"),
        ("[1, 2, 3]", "JSON", "not a communication log"),
        ('{"schema": "prematch-kb/communication-log", "version": 99, "entries": []}', "version", "99"),
        ('{"schema": "prematch-kb/communication-log", "version": 1, "entries": {}}', "entries", "list"),
        ('{"schema": "prematch-kb/communication-log", "version": 1, "entries": ['
         '{"program": "A", "date": "2026-12-01", "direction": "sent", "kind": "update"}, '
         '{"program": "B", "date": "2026-12-01", "direction": "sent", "kind": "update", "first_choice_claim": "yes"}]}',
         "entries[1].first_choice_claim", "true or false"),
        ('{"schema": "prematch-kb/communication-log", "version": 1, "entries": ['
         '{"program": "A", "date": 20261201, "direction": "sent", "kind": "update"}]}',
         "entries[0].date", "expected text"),
        ('{"schema": "prematch-kb/communication-log", "version": 1, "entries": ['
         '{"program": "A", "date": "2026-12-01", "direction": "sent", "kind": "update", "rank": 1}]}',
         "entries[0]", 'unknown field "rank"'),
    ],
)
def test_corrupt_or_foreign_json_names_the_place(text, where, what):
    with pytest.raises(LogFormatError) as error:
        CommunicationLog.from_json(text)
    assert error.value.where == where
    assert what in str(error.value)


def test_round_trip_csv_json_csv_keeps_every_entry():
    log = sample_log()
    via_json = CommunicationLog.from_json(log.to_json())
    assert via_json == log
    again = CommunicationLog.from_csv(via_json.to_csv())
    assert again == log
    assert json.loads(again.to_json())["entries"][1]["program"] == "Hillcrest Children's, Pediatrics"


def test_load_log_tells_the_format_by_its_first_character():
    log = sample_log()
    assert load_log(log.to_json()) == log
    assert load_log(log.to_csv()) == log
    with pytest.raises(LogFormatError):
        load_log("")


# -- reviewing a draft -------------------------------------------------------------------------------

def test_second_first_choice_names_the_program_already_told():
    findings = review_draft(sample_log(), first_choice_report(), "Riverside Medical Center")
    errors = [f for f in findings if f.category == "second-first-choice"]
    assert len(errors) == 1
    error = errors[0]
    assert error.severity == "error" and error.rule == "first-choice-to-one-program"
    assert "Lakeshore General" in error.message and "Riverside Medical Center" in error.message
    assert (error.start, error.end, error.excerpt) == (10, 25, "my first choice")
    assert error.to_dict()["link"].endswith("rules/first-choice-to-one-program/#checker-second-first-choice")


def test_wording_comes_from_the_content_file_with_the_log_details_filled_in():
    from prematch_kb.checker.rulebook import load_rulebook

    entry = load_rulebook()["categories"]["second-first-choice"]
    assert "[Other Program]" in entry["message"]  # content/checks/second-first-choice.yml
    [error] = review_draft(sample_log(), first_choice_report(), "Riverside")
    assert error.message == entry["message"].replace("[Program]", "Riverside").replace(
        "[Other Program]", "Lakeshore General")
    assert error.explanation == entry["explanation"] and list(error.suggestions) == entry["suggestions"]
    assert error.source == entry["source"] and error.source["url"].startswith("https://")


def test_every_message_placeholder_of_a_log_category_is_filled():
    log = sample_log()
    log.add(LogEntry("Lakeshore General", date(2026, 12, 20), "sent", "thank-you"))
    findings = (review_draft(log, first_choice_report(), "Riverside")
                + review_draft(log, {"findings": []}, "Lakeshore General", kind="thank-you")
                + review_draft(log, {"findings": []}, "Hillcrest Children's, Pediatrics", kind="update"))
    assert sorted({f.category for f in findings}) == ["cadence", "reply-due", "second-first-choice"]
    for finding in findings:
        assert "[" not in finding.message, finding.message


def test_first_choice_to_the_same_program_again_is_cadence_not_a_second_first_choice():
    findings = review_draft(sample_log(), first_choice_report(), "lakeshore  general.")
    assert [f.category for f in findings] == ["cadence"]
    assert "first-choice letter" in findings[0].message


def test_no_claim_in_the_draft_means_no_first_choice_error():
    findings = review_draft(sample_log(), {"findings": []}, "Riverside Medical Center")
    assert findings == []


def test_cadence_warns_when_the_kind_was_already_sent():
    log = sample_log()
    findings = review_draft(log, {"findings": []}, "Lakeshore General", kind="thank-you")
    assert [(f.category, f.severity, f.rule) for f in findings] == [("cadence", "warning", "updates-need-news")]
    assert "1 thank-you note sent" in findings[0].message
    assert review_draft(log, {"findings": []}, "Lakeshore General", kind="update") == []
    assert review_draft(log, {"findings": []}, "Lakeshore General", kind="reply") == []


def test_reply_due_for_a_received_message_without_a_later_reply():
    log = sample_log()
    findings = review_draft(log, {"findings": []}, "Hillcrest Children's, Pediatrics", kind="update")
    assert [(f.category, f.severity, f.rule) for f in findings] == [
        ("reply-due", "suggestion", "complete-professional-email")]
    assert "2026-12-10" in findings[0].message
    log.add(LogEntry("Hillcrest Children's, Pediatrics", date(2026, 12, 11), "sent", "reply"))
    assert review_draft(log, {"findings": []}, "Hillcrest Children's, Pediatrics", kind="update") == []


def test_findings_have_the_checker_finding_keys():
    finding = review_draft(sample_log(), first_choice_report(), "Riverside")[0].to_dict()
    for key in ("category", "severity", "rule", "message", "explanation", "excerpt", "start", "end",
                "start_utf16", "end_utf16", "suggestions", "link"):
        assert key in finding


def test_review_needs_a_program_name():
    with pytest.raises(ValueError, match="program_name"):
        review_draft(sample_log(), {"findings": []}, "  ")


def test_review_of_a_real_draft_uses_the_checker_first_choice_finding():
    draft = ("Dear Dr. Okafor,\n\nYour program is my first choice, and I will rank it first.\n\n"
             "Sincerely,\nAda Obi")
    findings = review_draft(sample_log(), draft, "Riverside Medical Center")
    assert "second-first-choice" in [f.category for f in findings]
    quiet = review_draft(sample_log(), "Dear Dr. Okafor,\n\nThank you for the interview.\n\nAda Obi",
                         "Riverside Medical Center")
    assert "second-first-choice" not in [f.category for f in quiet]


def test_a_draft_called_a_first_choice_letter_counts_as_a_claim_without_the_words():
    findings = review_draft(sample_log(), {"findings": []}, "Riverside Medical Center", kind="first-choice")
    [error] = [f for f in findings if f.category == "second-first-choice"]
    assert "Lakeshore General" in error.message and error.start is None and error.excerpt == ""


# -- what programs send, and their exact words -------------------------------------------------------

PROGRAMS_LOG = """program,date,direction,kind,quote
Lakeshore General,2026-12-03,sent,thank-you,
Lakeshore General,2027-01-08,received,rank-question,"Where will you rank us?
Dr. Reyes"
Lakeshore General,2027-01-09,received,commitment-request,Please commit to us.
Lakeshore General,2027-01-10,received,outside-offer,We can offer you a contract now.
Lakeshore General,2027-01-11,received,other-programs-question,Where else did you interview?
Lakeshore General,2027-01-12,received,invitation,
"""


def test_a_programs_kinds_are_read_with_their_exact_words_and_keep_them_through_csv_and_json():
    log = CommunicationLog.from_csv(PROGRAMS_LOG)
    assert sorted(e.kind for e in log.entries[1:]) == sorted(RECEIVED_KINDS)
    assert log.entries[1].quote == "Where will you rank us?\nDr. Reyes"
    assert CommunicationLog.from_json(log.to_json()) == log
    assert CommunicationLog.from_csv(log.to_csv()) == log
    assert json.loads(log.to_json())["version"] == VERSION == 2


@pytest.mark.parametrize("kind", RECEIVED_KINDS)
def test_a_programs_kind_is_never_sent(kind):
    with pytest.raises(LogFormatError) as error:
        CommunicationLog.from_csv(f"program,date,direction,kind\nA,2027-01-08,sent,{kind}\n")
    assert error.value.where == "CSV row 2, column kind"
    assert "direction must be received" in str(error.value)
    with pytest.raises(ValueError, match="for a draft"):
        review_draft(CommunicationLog(), {"findings": []}, "A", kind=kind)


def test_a_programs_messages_are_no_sent_messages_for_the_cadence_but_wait_for_a_reply():
    log = CommunicationLog.from_csv(PROGRAMS_LOG)
    assert all(log.sent_count("Lakeshore General", kind) == 0 for kind in RECEIVED_KINDS)
    # One thank-you sent; the five messages received do not add to any sent count.
    assert log.sent_count("Lakeshore General", "thank-you") == 1
    findings = review_draft(log, {"findings": []}, "Lakeshore General", kind="update")
    assert [f.category for f in findings] == ["reply-due"] * 5
    assert review_draft(log, {"findings": []}, "Lakeshore General", kind="reply") == []


def test_a_version_1_file_still_loads_and_is_written_back_as_version_2():
    old = ('{"schema": "prematch-kb/communication-log", "version": 1, "entries": [{"program": "A", '
           '"date": "2026-12-01", "direction": "received", "kind": "other", "first_choice_claim": false, "note": "n"}]}')
    log = CommunicationLog.from_json(old)
    assert log.entries == [LogEntry("A", date(2026, 12, 1), "received", "other", False, "n", "")]
    again = json.loads(log.to_json())
    assert again["version"] == 2 and again["entries"][0]["quote"] == ""


@pytest.mark.parametrize(
    ("entry", "where", "what"),
    [
        ('{"program": "A", "date": "2027-01-08", "direction": "received", "kind": "other", "quote": "q"}',
         "entries[0]", 'unknown field "quote"'),
        ('{"program": "A", "date": "2027-01-08", "direction": "received", "kind": "rank-question"}',
         "entries[0].kind", '"rank-question"'),
    ],
)
def test_a_version_1_file_holds_only_what_version_1_knew(entry, where, what):
    with pytest.raises(LogFormatError) as error:
        CommunicationLog.from_json(f'{{"schema": "prematch-kb/communication-log", "version": 1, "entries": [{entry}]}}')
    assert error.value.where == where and what in str(error.value)


def test_the_kind_of_a_programs_message_comes_from_the_checkers_findings():
    from prematch_kb.checker import check

    report = check("Dear Dr. Obi,\n\nWhere will you rank our program?\n\nDr. Reyes", mode="received")
    assert "program-rank-inquiry" in [f.category for f in report.findings]
    assert received_kind(report) == received_kind(report.to_dict()) == "rank-question"
    assert received_kind(check("Dear Dr. Obi,\n\nWe look forward to meeting you.\n\nDr. Reyes",
                               mode="received")) == "other"
    # Several at once: the weightiest for a report to the NRMP.
    both = [{"category": "program-rank-inquiry"}, {"category": "program-commitment-request"}]
    assert received_kind(both) == "commitment-request"
