"""The site benchmark runs end to end in quick mode and writes its figures (times are not judged)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]


# The benchmark runs in a process of its own, as `make bench` runs it, with its results redirected
# so the measured figures in bench/results/ stay untouched.
RUN_QUICK = """
import json, pathlib, sys
from bench import site_bench
pathlib.Path(sys.argv[1]).write_text(json.dumps(site_bench.main(quick=True)), encoding="utf-8")
"""


def test_site_benchmark_quick_mode_writes_its_results(tmp_path):
    results, returned_file = tmp_path / "site.json", tmp_path / "returned.json"
    env = {**os.environ, "PREMATCH_KB_BENCH_RESULTS": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", RUN_QUICK, str(returned_file)],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    returned = json.loads(returned_file.read_text(encoding="utf-8"))
    written = json.loads(results.read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(returned))
    assert written["quick"] is True
    assert {"nproc", "cpu", "memory_gb", "python"} <= set(written["machine"])
    guide, checker = written["page_weight"]["guide_page"], written["page_weight"]["checker_page"]
    assert guide["bytes"] > 10_000 and not guide["loads_pyodide"]
    assert checker["loads_pyodide"] and checker["bytes"] > guide["bytes"]
    assert checker["repeated"] == []  # each runtime file crosses the network once, its keeping included
    # served like a static host: text is gzipped on the wire, WebAssembly is not
    assert 0 < guide["wire_bytes"] < guide["bytes"] / 2
    assert guide["wire_bytes"] < checker["wire_bytes"] < checker["bytes"]
    # a host that serves the build's FILE.gz copies also sends the runtime's WebAssembly gzipped
    assert guide["precompressed_bytes"] <= guide["wire_bytes"]
    assert checker["precompressed_bytes"] < checker["wire_bytes"] * 0.7
    sizes = written["growth"]["sizes"]
    assert [row["scale"] for row in sizes] == [1, 2]
    assert sizes[1]["pages"] > sizes[0]["pages"]
    assert all(row["cpu_seconds"] > 0 and len(row["runs_s"]) == 1 for row in sizes)  # one run in quick mode
    assert "cpu_exponent_vs_previous" in sizes[1] and written["growth"]["worst_cpu_exponent"] is not None
    overhead = written["compiler_overhead"]
    assert overhead["plugin"]["pages"] == overhead["plain_markdown"]["pages"]
    assert overhead["ratio"] > 0


def test_synthetic_knowledge_base_is_valid_and_bigger(tmp_path):
    from bench.synthetic_kb import generate, size
    from prematch_kb.kb.loader import load_content

    one, three = generate(1, tmp_path / "one"), generate(3, tmp_path / "three")
    kb, _ = load_content(three)
    assert {k: 3 * v for k, v in size(one).items()} == size(three)
    assert len(kb.rules) == 3 * len(load_content(one)[0].rules)
