"""Benchmarks: `python -m bench` runs every bench/*_bench.py; results go to bench/results/.

PREMATCH_KB_BENCH_RESULTS names another folder for the results, so the test suite's smoke runs
never overwrite the measured figures the benchmarks page shows.
"""

from __future__ import annotations

import os
from pathlib import Path

RESULTS_ENV = "PREMATCH_KB_BENCH_RESULTS"


def results_dir() -> Path:
    """Where benchmarks write their JSON and Markdown results."""
    return Path(os.environ.get(RESULTS_ENV) or Path(__file__).resolve().parent / "results")


def write_results(json_path: Path, result: dict, markdown: str | None = None) -> None:
    """Write a benchmark's result as JSON and, when given, its Markdown beside it (same name, .md)."""
    import json

    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if markdown is not None:
        json_path.with_suffix(".md").write_text(markdown, encoding="utf-8")


def machine_facts() -> dict:
    """The machine a figure was measured on: every benchmark records it beside its results."""
    import platform

    cpu, memory_kb = platform.processor() or platform.machine(), 0
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
        memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                         if line.startswith("MemTotal:"))
    except (OSError, StopIteration, ValueError):
        pass
    return {
        "nproc": os.cpu_count(),
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
    }
