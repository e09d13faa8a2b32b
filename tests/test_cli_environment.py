"""The CLI and its environment: a closed pipe, a narrow output encoding, an endless input, a full
disk. Each ends with at most one line on standard error and a meaningful exit status, never a
traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Output far beyond a pipe's 64 KB buffer, even with findings capped per category: six categories a line.
MANY_FINDINGS = (
    "I promise to rank your program first. 😀 Thx!! Where do I stand on your list? "
    "Could you offer me a contract before the Match? Dear [Program Name],\n"
) * 3000
COMMAND = [sys.executable, "-m", "prematch_kb"]


def no_traceback(stderr: bytes) -> None:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text and "Exception ignored" not in text, text
    assert len(text.strip().splitlines()) <= 1, text


@pytest.fixture
def long_draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(MANY_FINDINGS, encoding="utf-8")
    return path


@pytest.mark.parametrize("output", ["text", "json"])
def test_a_reader_that_closes_the_pipe_early_ends_quietly(long_draft, output):
    """As `prematch-kb check draft.txt | head -c 100`."""
    process = subprocess.Popen([*COMMAND, "check", "--format", output, str(long_draft)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) == 141  # as a shell reports a program stopped by SIGPIPE
    no_traceback(stderr)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_an_output_encoding_without_emoji_prints_replacements(long_draft, encoding):
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    text = subprocess.run([*COMMAND, "check", str(long_draft)], capture_output=True, env=env, timeout=120)
    assert text.returncode == 1 and b"error [binding-commitment]" in text.stdout
    no_traceback(text.stderr)
    as_json = subprocess.run([*COMMAND, "check", "--format", "json", str(long_draft)], capture_output=True,
                             env=env, timeout=120)
    no_traceback(as_json.stderr)
    report = json.loads(as_json.stdout)  # still valid JSON: characters the encoding lacks are \u escapes
    assert any("😀" in f["excerpt"] for f in report["findings"])


@pytest.mark.parametrize("source", ["file", "stdin"])
def test_an_endless_input_is_read_with_a_limit(source):
    if not Path("/dev/zero").exists():
        pytest.skip("needs /dev/zero")
    args = ["check", "/dev/zero"] if source == "file" else ["check", "-"]
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run([*COMMAND, *args], stdin=zero if source == "stdin" else None,
                                capture_output=True, timeout=60)
    assert result.returncode == 2
    no_traceback(result.stderr)
    assert b"more than 4 MB" in result.stderr


def test_an_endless_log_file_is_read_with_a_limit(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("needs /dev/zero")
    draft = tmp_path / "draft.txt"
    draft.write_text("Thank you for the interview.\n")
    result = subprocess.run([*COMMAND, "check", "--log", "/dev/zero", "--program-name", "Lakeside", str(draft)],
                            capture_output=True, timeout=60)
    assert result.returncode == 2 and b"/dev/zero: more than 4 MB" in result.stderr
    no_traceback(result.stderr)


def test_a_full_disk_is_one_line(long_draft):
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    with open("/dev/full", "wb") as full:
        result = subprocess.run([*COMMAND, "check", str(long_draft)], stdout=full, stderr=subprocess.PIPE,
                                timeout=120)
    assert result.returncode == 2 and b"cannot write the output" in result.stderr
    no_traceback(result.stderr)


def test_a_malformed_log_names_the_record_and_line_of_an_unclosed_quote(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Thank you for the interview.\n")
    log = tmp_path / "log.csv"
    log.write_text('program,date,direction,kind,note\nLakeside,2026-12-03,sent,update,"never closed\n')
    result = subprocess.run([*COMMAND, "check", "--log", str(log), "--program-name", "Lakeside", str(draft)],
                            capture_output=True, timeout=60)
    assert result.returncode == 2
    no_traceback(result.stderr)
    assert b'CSV row 2: a quoted cell is never closed (its opening " is on line 2' in result.stderr
