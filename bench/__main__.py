"""`python -m bench [--quick] [NAME ...]`: run every bench/*_bench.py (or the named ones).

Each benchmark module defines `main(quick: bool)` and writes its results to bench/results/.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run each, for a smoke test")
    parser.add_argument("names", nargs="*", help="benchmarks to run, e.g. handbook (default: all)")
    args = parser.parse_args(argv)
    available = sorted(p.stem[: -len("_bench")] for p in BENCH_DIR.glob("*_bench.py"))
    unknown = [n for n in args.names if n not in available]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; available: {', '.join(available)}")
    failed = 0
    for name in args.names or available:
        module = importlib.import_module(f"bench.{name}_bench")
        try:
            module.main(quick=args.quick)
        except Exception as error:  # noqa: BLE001 - one broken benchmark must not hide the others' results
            failed += 1
            print(f"{name}: failed: {error!r}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
