"""`prematch-kb check --log`: the real CLI, with a communication log beside the draft."""

from __future__ import annotations

import json
import subprocess
import sys

LOG_CSV = """program,date,direction,kind,first_choice_claim,note
Lakeshore General,2027-01-20,sent,first-choice,yes,
Riverside Medical Center,2027-01-02,received,other,,Asked whether I hold a visa
"""
DRAFT = "Dear Dr. Okafor,\n\nYour program is my first choice.\n\nSincerely,\nAda Obi\nAAMC ID 12345678\n"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prematch_kb", "check", *args], capture_output=True, text=True)


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_second_first_choice_from_the_log_is_an_error(tmp_path):
    log = write(tmp_path, "log.csv", LOG_CSV)
    draft = write(tmp_path, "draft.txt", DRAFT)
    result = run_cli("--log", log, "--program-name", "Riverside Medical Center", "--format", "json", draft)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    found = {f["category"]: f for f in report["findings"]}
    assert found["second-first-choice"]["severity"] == "error"
    assert "Lakeshore General" in found["second-first-choice"]["message"]
    assert found["second-first-choice"]["excerpt"] == found["first-choice-claim"]["excerpt"]
    assert found["reply-due"]["severity"] == "suggestion"
    assert report["summary"]["errors"] >= 1


def test_text_output_lists_log_findings_without_a_line(tmp_path):
    log = write(tmp_path, "log.csv", LOG_CSV)
    draft = write(tmp_path, "draft.txt", DRAFT)
    result = run_cli("--log", log, "--program-name", "Lakeshore General", "--kind", "first-choice", draft)
    assert result.returncode == 0, result.stderr  # a second letter to the same program is a warning
    assert f"{draft}: warning [cadence]" in result.stdout
    assert "second-first-choice" not in result.stdout


def test_same_draft_without_log_has_no_log_findings(tmp_path):
    draft = write(tmp_path, "draft.txt", DRAFT)
    result = run_cli("--program-name", "Riverside Medical Center", "--format", "json", draft)
    categories = {f["category"] for f in json.loads(result.stdout)["findings"]}
    assert not categories & {"second-first-choice", "cadence", "reply-due"}


def test_bad_log_file_is_a_usage_error_naming_row_and_field(tmp_path):
    log = write(tmp_path, "log.csv", "program,date,direction,kind\nLakeshore,2027-01-20,sent,first-choice\nX,20/01/2027,sent,update\n")
    draft = write(tmp_path, "draft.txt", DRAFT)
    result = run_cli("--log", log, "--program-name", "Riverside", draft)
    assert result.returncode == 2
    assert "CSV row 3, column date" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_log_and_missing_things_are_usage_errors(tmp_path):
    draft = write(tmp_path, "draft.txt", DRAFT)
    foreign = write(tmp_path, "log.json", '{"name": "not a log"}')
    result = run_cli("--log", foreign, "--program-name", "Riverside", draft)
    assert result.returncode == 2 and "not a communication log" in result.stderr
    log = write(tmp_path, "log.csv", LOG_CSV)
    result = run_cli("--log", log, draft)
    assert result.returncode == 2 and "--program-name" in result.stderr
    result = run_cli("--log", str(tmp_path / "missing.csv"), "--program-name", "X", draft)
    assert result.returncode == 2 and "no such file" in result.stderr
    result = run_cli("--log", log, "--program-name", "X", "--mode", "received", draft)
    assert result.returncode == 2 and "--mode received" in result.stderr
