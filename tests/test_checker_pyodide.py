"""The checker inside Pyodide (Python 3.14 compiled to WebAssembly, under Node) must give exactly
the reports CPython gives: same findings, categories, wording and offsets, for the whole corpus."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from checker_corpus import check_options, load_corpus
from conftest import PROJECT_ROOT, TESTS_DIR
from prematch_kb.browser.wheel import build_checker_wheel
from prematch_kb.checker import check

pytestmark = pytest.mark.pyodide

RUNNER = TESTS_DIR / "pyodide" / "run_checker.mjs"

# Texts that stress offsets and Unicode beyond the corpus.
EXTRA_CASES = [
    {"id": "x-emoji", "mode": "draft", "context": {},
     "text": "😀😀 Dear Dr. Ng,\n\n𝐇i 😊 I promise to rank your program first.\n[Program Name] 👍🏽!!"},
    {"id": "x-rtl", "mode": "draft", "context": {},
     "text": "مرحبا Dr. Haddad, \u202eשלום\u202c could you tell me where I stand? 🙂"},
    {"id": "x-crlf", "mode": "received", "context": {},
     "text": "Dear Dr. Ng,\r\n\r\nWhere else have you applied?\r\nAre we your first choice?\r\n"},
    {"id": "x-long", "mode": "draft", "context": {}, "text": "I promise to rank you first. " * 8000},
    {"id": "x-context", "mode": "draft",
     "context": {"applicant_type": "us-img", "phase": "before-applying", "recipient": "faculty",
                 "specialty": "pediatrics", "program_name": "Eastbrook"},
     "text": "I graduated in Grenada and would like to join your research group."},
]


def test_pyodide_gives_exactly_the_cpython_reports(tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is required (installed by the project set-up)"
    wheel = build_checker_wheel(tmp_path)
    cases = [
        {"id": e.id, "mode": e.mode, "context": check_options(e), "text": e.text} for e in load_corpus()
    ] + EXTRA_CASES
    cases_path = tmp_path / "cases.json"
    cases_path.write_text(json.dumps(cases), encoding="utf-8")

    result = subprocess.run(
        [node, str(RUNNER), str(wheel), str(cases_path)], cwd=PROJECT_ROOT, capture_output=True, text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    output = json.loads(result.stdout)
    assert output["python"].startswith("3.14"), output["python"]

    pyodide_results = output["results"]
    assert set(pyodide_results) == {case["id"] for case in cases}
    mismatches = []
    for case in cases:
        expected = check(case["text"], mode=case["mode"], **case["context"]).to_dict()
        if pyodide_results[case["id"]] != expected:
            mismatches.append(case["id"])
    assert not mismatches, f"Pyodide and CPython disagree on: {mismatches}"
    found = sum(len(r["findings"]) for r in pyodide_results.values())
    assert found > 200  # the comparison is over real findings, not empty reports
