"""The checker on pathological input: every family of bench/input_families.py timed at 100,000
characters (one repeated character or word, mixtures, signature shapes), in both modes.

Target: under 0.3 s for each family at 100,000 characters. The growth test
(tests/test_checker_growth.py) checks that time grows linearly; this benchmark records how long.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from bench import machine_facts, results_dir, write_results
from bench.input_families import FAMILIES

SIZE = 100_000
TARGET_S = 0.3


def _time(text: str, mode: str, repeats: int) -> float:
    from prematch_kb.checker import check, forget

    best = float("inf")
    for _ in range(repeats):
        forget()  # no memory of sentences or words read before: the cost of a first sight
        start = time.process_time()
        check(text, mode=mode)
        best = min(best, time.process_time() - start)
    return best


def main(quick: bool = False) -> dict:
    size = 5_000 if quick else SIZE
    repeats = 1 if quick else 3
    timings = {}
    for name, make in FAMILIES.items():
        text = make(size)
        timings[name] = {mode: round(_time(text, mode, repeats), 4) for mode in ("draft", "received")}
    slowest = sorted(timings.items(), key=lambda item: -max(item[1].values()))
    worst = max(max(t.values()) for t in timings.values())
    result = {
        "benchmark": "checker_growth",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "machine": machine_facts(),
        "characters": size,
        "families": len(timings),
        "slowest_s": worst,
        "target_s": TARGET_S,
        "met": worst < TARGET_S,
        "timings_s": timings,
    }
    lines = [
        "### Email checker on pathological input", "",
        f"{len(timings)} families of input (one repeated character or word, random mixtures, signature "
        f"shapes), each {size:,} characters, checked in both modes; CPU time, best of {repeats}.", "",
        "| family (slowest ten) | draft | received |", "|---|---|---|",
    ]
    for name, modes in slowest[:10]:
        draft_ms, received_ms = modes["draft"] * 1000, modes["received"] * 1000
        lines.append(f"| {name.replace('|', '/')} | {draft_ms:.0f} ms | {received_ms:.0f} ms |")
    lines += ["", f"Slowest: {worst * 1000:.0f} ms. Target: every family under {TARGET_S * 1000:.0f} ms at "
              f"{SIZE:,} characters: {'met' if worst < TARGET_S else 'not met'}."]
    write_results(results_dir() / "checker_growth.json", result, "\n".join(lines) + "\n")
    return result


if __name__ == "__main__":
    print(main()["slowest_s"])
