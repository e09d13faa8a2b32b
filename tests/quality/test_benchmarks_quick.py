"""Every benchmark runs end to end in quick mode and writes its results, so none can rot.

Times are never judged here; the targets live in bench/ and on the benchmarks page. Each run
happens in a process of its own (as `make bench` runs them), with its results redirected to a
temporary folder so the measured figures in bench/results/ stay untouched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT

pytestmark = [pytest.mark.slow]

BENCHMARKS = sorted(p.stem[: -len("_bench")] for p in (PROJECT_ROOT / "bench").glob("*_bench.py"))
# The site benchmark has its own smoke test (test_site_bench.py) with deeper checks.
QUICK = [name for name in BENCHMARKS if name != "site"]


def test_every_benchmark_is_smoke_tested():
    assert {"checker", "checker_startup", "browser", "handbook", "site"} <= set(BENCHMARKS)


@pytest.mark.parametrize("name", QUICK)
def test_benchmark_quick_mode_writes_its_results(name, tmp_path, request):
    env = {**os.environ, "PREMATCH_KB_BENCH_RESULTS": str(tmp_path), "NO_MKDOCS_2_WARNING": "1"}
    if name == "browser":  # reuse the session's real site instead of building another one
        env["PREMATCH_KB_BUILT_SITE"] = str(request.getfixturevalue("built_site"))
    run = subprocess.run([sys.executable, "-m", "bench", "--quick", name], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    result = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
    assert result.get("quick") is True
    machine = result.get("machine", {})
    assert machine, f"{name}: results must name the machine they were measured on"
