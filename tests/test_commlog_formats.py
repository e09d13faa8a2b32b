"""One log format, one behaviour: the Python reader (prematch_kb.checker.commlog) and the browser's
(docs/assets/log/commlog.js, run under Node) read the same fixture files with the same verdicts,
the same entries and the same exports; CSV exports are safe to open in a spreadsheet."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT
from prematch_kb.checker.commlog import FORMULA_STARTS, CommunicationLog, LogEntry, LogFormatError, load_log

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "commlog"
BROWSER_READER = PROJECT_ROOT / "docs" / "assets" / "log" / "commlog.js"
NODE_RUNNER = PROJECT_ROOT / "tests" / "node" / "read_logs.mjs"
VERDICTS = {name: where for name, where in json.loads((FIXTURES / "verdicts.json").read_text()).items()
            if not name.startswith("_")}

needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node to run the browser's reader")


def browser_read(paths: list[Path]) -> dict:
    """What the browser's reader makes of each file: {name: {ok, where, entries, csv, json}}."""
    result = subprocess.run(["node", str(NODE_RUNNER), str(BROWSER_READER), *map(str, paths)],
                            capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def python_read(path: Path) -> dict:
    text = path.read_bytes().decode("utf-8")  # as Node reads it: a byte-order mark stays in the text
    try:
        log = load_log(text)
    except LogFormatError as error:
        return {"ok": False, "where": error.where, "message": str(error)}
    return {"ok": True, "entries": [e.to_dict() for e in log.entries], "csv": log.to_csv(), "json": log.to_json()}


@pytest.fixture(scope="module")
def browser_results() -> dict:
    return browser_read([FIXTURES / name for name in VERDICTS])


def test_every_fixture_file_has_a_verdict():
    assert sorted(VERDICTS) == sorted(p.name for p in FIXTURES.iterdir() if p.name != "verdicts.json")
    assert all((where is None) == name.startswith("good-") for name, where in VERDICTS.items())


@pytest.mark.parametrize("name", sorted(VERDICTS))
def test_python_reader_gives_the_expected_verdict(name):
    result = python_read(FIXTURES / name)
    assert result["ok"] == (VERDICTS[name] is None), result
    if not result["ok"]:
        assert result["where"] == VERDICTS[name], result["message"]


@needs_node
@pytest.mark.parametrize("name", sorted(VERDICTS))
def test_browser_reader_agrees_with_the_python_reader(name, browser_results):
    python, browser = python_read(FIXTURES / name), browser_results[name]
    assert browser["ok"] == python["ok"], (browser, python)
    if python["ok"]:
        assert browser["entries"] == python["entries"]
        assert browser["csv"] == python["csv"]  # byte for byte the same export
        assert browser["json"] == python["json"]
    else:
        assert browser["where"] == python["where"]
        assert browser["message"] == python["message"] or name in ("bad-nan.json", "bad-not-json.json")


def test_unclosed_quote_names_its_record_and_line_not_a_wrong_column():
    with pytest.raises(LogFormatError) as error:
        load_log((FIXTURES / "bad-unclosed-quote.csv").read_text())
    assert error.value.where == "CSV row 3"
    assert 'never closed (its opening " is on line 4' in str(error.value)


# -- spreadsheet formulas (OWASP CSV injection) -------------------------------------------------------

@pytest.mark.parametrize("start", [*FORMULA_STARTS, "'"])
def test_csv_export_guards_every_formula_start_and_reads_back_unchanged(start):
    note = f"{start}HYPERLINK(\"http://evil.example\",\"x\")"
    program = f"{start}1+2"
    log = CommunicationLog([LogEntry(program.strip(), date(2026, 12, 3), "sent", "update", False, note.strip())])
    exported = log.to_csv()
    for line in exported.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.lstrip('"').startswith(("=", "+", "-", "@", "\t", "\r")), exported
    assert CommunicationLog.from_csv(exported) == log


def test_csv_export_leaves_ordinary_cells_alone():
    log = CommunicationLog([LogEntry("Lakeside", date(2026, 12, 3), "sent", "update", True, "Thanked Dr. Reyes")])
    assert log.to_csv().splitlines()[1] == "Lakeside,2026-12-03,sent,update,yes,Thanked Dr. Reyes,"  # no quote


@needs_node
def test_browser_export_guards_formulas_like_the_python_export(tmp_path):
    log = CommunicationLog([LogEntry("=cmd|' /C calc'!A0", date(2026, 12, 3), "sent", "update", False, "@SUM(1,2)"),
                            LogEntry("Lakeside", date(2026, 12, 4), "received", "other", False, "-2 days, +1")])
    (tmp_path / "log.json").write_text(log.to_json())
    browser = browser_read([tmp_path / "log.json"])["log.json"]
    assert browser["csv"] == log.to_csv()
    assert CommunicationLog.from_csv(browser["csv"]) == log
