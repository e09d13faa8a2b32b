"""`prematch-kb check` on many drafts: the real CLI on real files, as a table, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from prematch_kb.checker import check
from prematch_kb.checker.batch import split_drafts
from prematch_kb.cli import main

PLEDGE = "Dear Dr. Grant,\n\nI promise to rank you first if you rank me.\n\nBest,\nAna Silva\nAAMC ID 12345678"
CLEAN = "Dear Dr. Okafor,\n\nThank you for the interview on Tuesday.\n\nBest,\nAna Silva\nAAMC ID 12345678"
INFORMAL = "Dear Dr. Lee,\n\nThx for the interview!!\n\nBest,\nAna Silva\nAAMC ID 12345678"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prematch_kb", "check", *args], input=stdin,
                          capture_output=True, cwd=cwd)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "b-okafor.txt").write_text(CLEAN, encoding="utf-8")
    (drafts / "a-grant.eml").write_text(PLEDGE, encoding="utf-8")
    (drafts / "c-two.md").write_text(f"{INFORMAL}\n\n---\n\n{CLEAN}\n", encoding="utf-8")
    (drafts / "notes.pdf").write_bytes(b"%PDF-1.7 \xff")  # not a draft: left out, never read
    (drafts / ".hidden.txt").write_bytes(b"\xff")  # hidden: left out
    return drafts


# -- the splitting rule (shared with the checker page's worker) ----------------------------------


@pytest.mark.parametrize(
    "text, drafts",
    [
        ("one\n---\ntwo", ["one", "two"]),
        ("\n\n  one\n\n  ---  \r\ntwo\r\n\r\n", ["  one", "two"]),  # indentation kept, CRLF, spaces
        ("---\n----------\n\n", []),
        ("one\n-- \ntwo\n---x\nx---", ["one\n-- \ntwo\n---x\nx---"]),  # a signature dash is no separator
        ("", []),
    ],
)
def test_split_drafts(text, drafts):
    assert split_drafts(text) == drafts


# -- a folder and several files ------------------------------------------------------------------


def test_a_folder_prints_one_table_row_per_draft_in_name_order(folder):
    result = run(str(folder))
    out = result.stdout.decode()
    assert result.returncode == 1, result.stderr  # one draft has an error-level finding
    lines = out.splitlines()
    assert lines[0].split() == ["draft", "errors", "warnings", "suggestions", "first", "problem"]
    rows = [line.split()[:4] for line in lines[2:-1]]
    assert rows == [
        [f"{folder}/a-grant.eml", "1", "0", "0"],
        [f"{folder}/b-okafor.txt", "0", "0", "0"],
        [f"{folder}/c-two.md#1", "0", str(check(INFORMAL).warnings), "0"],
        [f"{folder}/c-two.md#2", "0", "0", "0"],
    ]
    assert "in return for being ranked" in lines[2]
    assert lines[3].endswith("No problems found.")
    assert lines[-1] == "4 drafts checked; 1 with an error-level finding."


def test_several_files_as_json_are_the_report_shape_with_a_source(folder, tmp_path):
    result = run("--format", "json", "--applicant-type", "us-img", str(folder / "c-two.md"),
                 str(folder / "b-okafor.txt"))
    assert result.returncode == 0, result.stderr  # warnings alone
    reports = json.loads(result.stdout)
    assert [r["source"] for r in reports] == [f"{folder}/c-two.md#1", f"{folder}/c-two.md#2",
                                             f"{folder}/b-okafor.txt"]
    expected = check(INFORMAL, applicant_type="us-img").to_dict()
    assert {k: v for k, v in reports[0].items() if k != "source"} == expected
    assert all(r["schema"] == "prematch-kb/check-report" and r["version"] == 1 for r in reports)


def test_csv_matches_the_checker_page_columns_and_guards_formulas(tmp_path):
    (tmp_path / "=HYPERLINK(1).txt").write_text("=cmd|' /C calc'!A0 I promise to rank you first.", encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    result = run("--format", "csv", str(tmp_path))
    assert result.returncode == 1
    table = list(csv.reader(io.StringIO(result.stdout.decode())))
    assert table[0] == ["draft", "errors", "warnings", "suggestions", "first_problem", "category"]
    assert table[1][0] == f"{tmp_path}/=HYPERLINK(1).txt"  # starts with the folder, so no guard needed
    assert table[1][1] == "1" and table[1][5]
    assert table[2] == [f"{tmp_path}/clean.txt", "0", "0", "0", "No problems found.", ""]
    # A cell a spreadsheet would run gets an apostrophe in front, as in the log export.
    result = run("--format", "csv", "=HYPERLINK(1).txt", "clean.txt", cwd=tmp_path)
    table = list(csv.reader(io.StringIO(result.stdout.decode())))
    assert table[1][0] == "'=HYPERLINK(1).txt"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in table for cell in row)


def test_standard_input_splits_on_separator_lines_in_a_batch():
    text = f"{PLEDGE}\n---\n{CLEAN}\n".encode()
    result = run("--format", "table", "-", stdin=text)
    assert result.returncode == 1
    assert [line.split()[0] for line in result.stdout.decode().splitlines()[2:4]] == ["-#1", "-#2"]
    batch = json.loads(run("--batch", "--format", "json", "-", stdin=text).stdout)
    assert [r["summary"]["errors"] for r in batch] == [1, 0]


def test_one_file_without_batch_options_is_checked_whole_as_before(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(f"{CLEAN}\n---\n{PLEDGE}\n", encoding="utf-8")
    result = run("--format", "json", str(path))
    data = json.loads(result.stdout)
    assert isinstance(data, dict) and "source" not in data
    assert data == check(path.read_text(encoding="utf-8")).to_dict()
    assert run(str(path)).stdout.decode().startswith(f"{path}:")


def test_batch_text_format_names_each_draft(folder):
    out = run("--batch", "--format", "text", str(folder / "c-two.md")).stdout.decode()
    assert f"{folder}/c-two.md#1:3:1: warning [informal-tone]" in out
    assert out.rstrip().endswith("No problems found.")


def test_main_returns_the_batch_exit_status(folder, capsys):
    assert main(["check", "--format", "csv", str(folder / "b-okafor.txt"), str(folder / "c-two.md")]) == 0
    assert capsys.readouterr().out.count("\n") == 4
    assert main(["check", str(folder)]) == 1


# -- bad input: exit 2, one line naming the file, nothing checked ---------------------------------


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda tmp: [str(tmp / "ok.txt"), str(tmp / "missing.txt")], "missing.txt: no such file"),
        (lambda tmp: [str(tmp / "ok.txt"), _write(tmp / "latin1.txt", "café".encode("latin-1"))],
         "latin1.txt: not UTF-8"),
        (lambda tmp: [str(tmp / "ok.txt"), str(_mkdir(tmp / "empty"))], "empty: no .txt, .eml or .md files"),
        (lambda tmp: ["-", "-"], "standard input (-) can be read only once"),
        (lambda tmp: ["--explain", str(tmp / "ok.txt"), str(tmp / "ok.txt")], "--explain explains one draft"),
    ],
    ids=["missing", "not-utf8", "empty-folder", "stdin-twice", "explain"],
)
def test_bad_batch_input_exits_2_with_one_line_and_no_output(tmp_path, make, message):
    (tmp_path / "ok.txt").write_text(PLEDGE, encoding="utf-8")
    result = run(*make(tmp_path), stdin=b"")
    err = result.stderr.decode().strip()
    assert result.returncode == 2 and result.stdout == b""
    assert len(err.splitlines()) == 1 and message in err and err.startswith("prematch-kb check: error:")


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path
