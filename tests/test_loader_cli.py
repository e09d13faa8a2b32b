"""`prematch-kb validate`: exit 0 with a summary, exit 1 listing every problem."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import FIXTURE_KB, PROJECT_ROOT


def run_validate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prematch_kb", "validate", *args],
                          capture_output=True, text=True, cwd=PROJECT_ROOT)


def test_valid_content_exits_zero_with_counts():
    result = run_validate("--content", str(FIXTURE_KB))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("\n") == 1
    assert "OK:" in result.stdout and "2 rules" in result.stdout and "1 specialty" in result.stdout
    assert "2 glossary terms" in result.stdout


def test_invalid_content_exits_one_listing_problems(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_KB, content)
    rule = content / "rules/no-binding-commitments.yml"
    rule.write_text(rule.read_text().replace("binds: both", "binds: applicants"))
    glossary = content / "glossary.yml"
    glossary.write_text(glossary.read_text().replace("term: ROL", "term: ''"))
    result = run_validate("--content", str(content))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[1].endswith("no-binding-commitments.yml:3: binds: expected one of applicant, program, both; "
                             "got 'applicants' (did you mean 'applicant'?)")
    assert "glossary.yml:" in lines[0] and "entries[1].term: expected non-empty text" in lines[0]
    assert "2 problems" in result.stderr


def test_missing_folder_is_a_usage_error(tmp_path):
    result = run_validate("--content", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "no such folder" in result.stderr
