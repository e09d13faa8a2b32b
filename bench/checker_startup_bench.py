"""Checker start-up: importing the engine, in CPython and in Pyodide under Node.

In the browser the checker page is "ready" once Pyodide has booted, the engine is imported and the
warm-up (`prepare()`) has run, so the import is what the page adds to bare Pyodide. Measured here
without a browser: `bench/pyodide_import_bench.mjs` loads the checker wheel into a fresh Pyodide
(the runtime the page uses) and times the import, the warm-up and the first two checks of a
real draft (the first one compiles the few shape patterns that draft needs). CPython: a fresh interpreter
per run. Writes bench/results/checker_startup.json and .md.

PREMATCH_KB_CHECKER_WHEEL=path.whl measures that wheel instead of one built from the sources
(to compare versions); the CPython figures measure whatever `prematch_kb` the interpreter imports.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bench import results_dir, write_results

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "bench" / "pyodide_import_bench.mjs"
RESULTS_JSON = results_dir() / "checker_startup.json"

DRAFT = (
    "Dear Dr. Morgan,\n\nThank you for the chance to interview with your internal medicine program last "
    "week. I enjoyed meeting the residents and learning about the continuity clinic. Since we spoke, my "
    "abstract was accepted for a poster at the regional meeting.\n\nI will rank your program highly. Could "
    "you tell me where I stand on your rank list?\n\nSincerely,\nAmara Obi\nAAMC ID 12345678\n"
)
_CPYTHON_PROBE = (
    "import time; t = time.perf_counter(); from prematch_kb.checker import check, prepare; "
    "i = time.perf_counter(); prepare(); w = time.perf_counter(); import sys; d = sys.argv[1]; "
    "check(d); f = time.perf_counter(); "
    "print((i - t) * 1000, (w - i) * 1000, (f - w) * 1000)"
)


def _machine() -> dict:
    sys.path.insert(0, str(ROOT))
    from bench.checker_bench import _machine as machine  # same machine record as the speed bench

    return machine()


def _cpython(runs: int) -> dict:
    rows = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _CPYTHON_PROBE, DRAFT], capture_output=True, text=True, check=True
        ).stdout.split()
        rows.append([float(x) for x in out])
    return {
        "runs": runs,
        "import_ms": round(statistics.median(r[0] for r in rows), 1),
        "warmup_ms": round(statistics.median(r[1] for r in rows), 1),
        "first_check_ms": round(statistics.median(r[2] for r in rows), 1),
    }


def _pyodide(runs: int, wheel: Path, draft_path: Path) -> dict:
    node = shutil.which("node")
    if not node:
        raise RuntimeError("Node.js is required (installed by the project set-up)")
    rows = []
    for _ in range(runs):
        result = subprocess.run(
            [node, str(RUNNER), str(wheel), str(draft_path)], cwd=ROOT, capture_output=True, text=True,
            timeout=300,
        )
        if result.returncode != 0:
            raise RuntimeError(result.stderr[-2000:])
        rows.append(json.loads(result.stdout))
    keys = ("import_ms", "warmup_ms", "first_check_ms", "second_check_ms")
    summary = {"runs": runs, "python": rows[0]["python"].split()[0]}
    for key in keys:
        summary[key] = round(statistics.median(r[key] for r in rows), 1)
        summary[key.replace("_ms", "_all_ms")] = [round(r[key], 1) for r in rows]
    summary["ready_cost_ms"] = round(statistics.median(r["import_ms"] + r["warmup_ms"] for r in rows), 1)
    return summary


def main(quick: bool = False) -> dict:
    runs = 3 if quick else 7
    machine = _machine()
    with tempfile.TemporaryDirectory(prefix="pmkb-startup-") as tmp:
        given = os.environ.get("PREMATCH_KB_CHECKER_WHEEL")
        if given:
            wheel = Path(given)
        else:
            from prematch_kb.browser.wheel import build_checker_wheel

            wheel = build_checker_wheel(tmp)
        draft_path = Path(tmp) / "draft.txt"
        draft_path.write_text(DRAFT, encoding="utf-8")
        pyodide = _pyodide(runs, wheel, draft_path)
    cpython = _cpython(runs)
    result = {
        "benchmark": "checker_startup",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "machine": machine,
        "wheel": str(wheel) if os.environ.get("PREMATCH_KB_CHECKER_WHEEL") else "built from the sources",
        "pyodide": pyodide,
        "cpython": cpython,
    }
    write_results(RESULTS_JSON, result, to_markdown(result))
    print(to_markdown(result))
    return result


def to_markdown(result: dict) -> str:
    m, p, c = result["machine"], result["pyodide"], result["cpython"]
    return "\n".join([
        "### Email checker start-up",
        "",
        f"Measured {result['measured_at']} on {m['cpu']} ({m['nproc']} cores, load average "
        f"{', '.join(map(str, m['load_average_at_start']))} at start). Wall-clock medians of "
        f"{p['runs']} fresh interpreters each.",
        "",
        f"| step | Pyodide {p['python']} (Node) | CPython {m['python']} |",
        "|---|---|---|",
        f"| import the checker | {p['import_ms']:.0f} ms | {c['import_ms']:.1f} ms |",
        f"| warm-up: `prepare()` loads and compiles the rules (the page runs it before \"ready\") "
        f"| {p['warmup_ms']:.0f} ms | {c['warmup_ms']:.1f} ms |",
        f"| first check of a 90-word email (compiles the patterns it needs) | {p['first_check_ms']:.0f} ms "
        f"| {c['first_check_ms']:.1f} ms |",
        f"| second check of the same email | {p['second_check_ms']:.1f} ms | |",
        "",
    ])


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
