"""The communication log module inside the real Pyodide runtime (Python 3.14 under Node)."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import PROJECT_ROOT
from prematch_kb.browser.wheel import build_checker_wheel

pytestmark = pytest.mark.pyodide


NODE_SCRIPT = r"""
import { readFileSync } from "node:fs";
const { loadPyodide } = await import(process.argv[3]);
const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
pyodide.unpackArchive(new Uint8Array(readFileSync(process.argv[2])), "wheel");
const out = pyodide.runPython(`
import json
from prematch_kb.checker.commlog import CommunicationLog, LogFormatError, review_draft
log = CommunicationLog.from_csv("program,date,direction,kind,first_choice_claim,note\\nLakeshore,2027-01-20,sent,first-choice,yes,\\n")
draft = "Dear Dr. Okafor,\\n\\nYour program is my first choice.\\n\\nAda Obi"
findings = [f.to_dict() for f in review_draft(log, draft, "Riverside")]
try:
    CommunicationLog.from_csv("program,date,direction,kind\\nA,soon,sent,update\\n")
    error = ""
except LogFormatError as e:
    error = str(e)
json.dumps({"round_trip": CommunicationLog.from_json(log.to_json()) == log,
            "categories": [f["category"] for f in findings], "error": error})
`);
console.log(out);
"""


def test_commlog_runs_in_pyodide(tmp_path):
    wheel = build_checker_wheel(tmp_path)
    script = tmp_path / "run.mjs"
    script.write_text(NODE_SCRIPT)
    runtime = (PROJECT_ROOT / "node_modules" / "pyodide" / "pyodide.mjs").as_uri()
    result = subprocess.run(["node", str(script), str(wheel), runtime], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["round_trip"] is True
    assert "second-first-choice" in answer["categories"]
    assert answer["error"].startswith("CSV row 2, column date")
