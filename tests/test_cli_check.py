"""`prematch-kb check`: the real CLI in a subprocess, its output, exit codes and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DRAFT = "Dear Dr. Lee,\n\nI promise to rank your program first. Thx!!\n"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "prematch_kb", "check", *args], input=stdin, capture_output=True
    )


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_text_output_shows_position_severity_excerpt_and_advice(draft):
    result = run(str(draft))
    out = result.stdout.decode()
    assert result.returncode == 1, out
    assert f'{draft}:3:1: error [binding-commitment] "I promise to rank your program first"' in out
    assert f'{draft}:3:39: warning [informal-tone] "Thx"' in out
    assert "    Try: " in out and "    Why: https://" in out
    assert out.rstrip().endswith("fix the errors before sending.")


def test_json_output_is_the_report_shape(draft):
    result = run("--format", "json", "--applicant-type", "us-img", "--phase", "post-interview", str(draft))
    data = json.loads(result.stdout)
    assert result.returncode == 1
    assert data["schema"] == "prematch-kb/check-report" and data["version"] == 1
    assert data["context"] == {"applicant_type": "us-img", "phase": "post-interview"}
    assert data["summary"]["errors"] == 1
    assert data["findings"][0]["start"] == DRAFT.index("I promise")


def test_standard_input_and_a_clean_text_exit_zero():
    result = run("-", stdin=b"Thank you for the interview; I will rank you highly.\n")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == "No problems found."


def test_warnings_alone_exit_zero():
    result = run("-", stdin=b"Thx for the interview!!\n")
    assert result.returncode == 0 and "[informal-tone]" in result.stdout.decode()


def test_received_mode_prints_a_reply():
    result = run("--mode", "received", "-", stdin=b"Which other programs have you applied to?")
    out = result.stdout.decode()
    assert result.returncode == 1
    assert "[program-other-programs-inquiry]" in out and "Reply you could send: Thank you" in out


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffCould you tell me where I stand?".encode("utf-8"))
    result = run("--format", "json", str(path))
    finding = json.loads(result.stdout)["findings"][0]
    assert finding["category"] == "rank-inquiry" and finding["line"] == 1


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda tmp: str(tmp / "missing.txt"), "no such file"),
        (lambda tmp: str(tmp), "no .txt, .eml or .md files in this folder"),
        (lambda tmp: _write(tmp / "latin1.txt", "café".encode("latin-1")), "not UTF-8"),
    ],
    ids=["missing", "empty-folder", "not-utf8"],
)
def test_unreadable_input_exits_2_with_one_clear_line(tmp_path, make, message):
    result = run(make(tmp_path))
    err = result.stderr.decode().strip()
    assert result.returncode == 2 and result.stdout == b""
    assert len(err.splitlines()) == 1 and message in err and err.startswith("prematch-kb check: error:")


def test_not_utf8_on_standard_input_exits_2():
    result = run("-", stdin=b"\xff\xfe\x00")
    assert result.returncode == 2 and "standard input: not UTF-8" in result.stderr.decode()


@pytest.mark.parametrize(
    "args",
    [["--phase", "spring", "-"], ["--mode", "sent", "-"], ["--specialty", "astrology", "-"], []],
    ids=["phase", "mode", "specialty", "no-file"],
)
def test_bad_usage_exits_2(args):
    result = run(*args, stdin=b"Hello")
    assert result.returncode == 2 and result.stderr


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_explain_lists_every_candidate_with_its_rule_and_why_it_was_kept_or_dropped():
    text = "Dear Dr. Lee,\n\nI cannot promise that I will rank you first. I promise that I will rank you first.\n"
    out = run("--explain", "-", stdin=text.encode()).stdout.decode()
    assert "Meaning rules:" in out
    assert ('-:3:1: [binding-commitment] rule pledge-to-rank: "I cannot promise that I will rank you first" '
            "(dropped: negated by 'cannot')") in out
    assert '-:3:46: [binding-commitment] rule pledge-to-rank: "I promise that I will rank you first" (kept)' in out


def test_explain_shows_each_veto_weighed_and_what_it_did():
    text = "If anything is missing from my file, I will take care of it right away."
    out = run("--explain", "-", stdin=text.encode()).stdout.decode()
    assert "Learnt vetoes: 1 category(ies) the rules found, weighed against the whole text" in out
    assert "-: [binding-commitment] best sentence score -3.58 (veto at or below " in out
    assert "the rules' finding is dropped" in out
    kept = run("--explain", "-", stdin=b"I promise that I will rank you first.").stdout.decode()
    assert "the rules' finding stands" in kept
