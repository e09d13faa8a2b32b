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
