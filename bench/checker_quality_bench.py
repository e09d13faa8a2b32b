"""The checker's quality on the held-out blind rounds (tests/heldout/), for the benchmarks page.

    python -m bench checker_quality                        figures to bench/results/
    python -m bench.checker_quality_bench --record         also raise tests/heldout/ratchet.json
    ... --record --rebase=round-10,round-12                 set those rounds' floors to the measurement
                                                            (only with a reason in tests/heldout/README.md)

These rounds were written without sight of the checker and are never tuned on, so their figures
predict what users' own wording gets; the labelled corpus in tests/corpus/ measures only tuning.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import machine_facts, results_dir, write_results

TESTS_DIR = Path(__file__).resolve().parents[1] / "tests"
FIGURES = ("precision", "recall", "error_recall", "clean_texts_with_error")


def measure() -> dict[str, dict]:
    sys.path.insert(0, str(TESTS_DIR))
    from checker_corpus import figures, heldout_rounds
    from prematch_kb.checker import check

    rounds = heldout_rounds()
    measured = {name: figures(entries, check) for name, entries in rounds.items()}
    measured["all rounds"] = figures([e for entries in rounds.values() for e in entries], check)
    return measured


def main(quick: bool = False) -> dict:
    measured = measure()
    result = {
        "benchmark": "checker_quality",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,  # nothing is timed, so a quick run measures the same figures; it is marked all the same
        "machine": machine_facts(),
        "rounds": {name: {k: v for k, v in m.items() if k != "score"} for name, m in measured.items()},
    }
    lines = [
        "### Email checker on held-out blind rounds", "",
        "Texts written by people who read only the category definitions, never the checker; scored "
        "on every test run and never used for tuning (`tests/heldout/`).", "",
        "| round | texts | precision | recall | error recall | clean texts with an error finding |",
        "|---|---|---|---|---|---|",
    ]
    for name, m in result["rounds"].items():
        lines.append(f"| {name} | {m['texts']} | {m['precision']:.3f} | {m['recall']:.3f} | "
                     f"{m['error_recall']:.3f} | {m['clean_texts_with_error']} |")
    lines += ["", "Targets: error recall at least 0.90, recall at least 0.85, precision at least 0.95, "
              "no error-level finding on a clean text."]
    write_results(results_dir() / "checker_quality.json", result, "\n".join(lines) + "\n")
    return result


def record(result: dict, rebase: frozenset[str] = frozenset()) -> None:
    """Write the measured figures as the new floor of the held-out test (only ever upward).

    `rebase`: rounds whose floor is set to the measurement even where it is lower, after a change
    that tests/heldout/README.md records with its reason and the figures before and after."""
    sys.path.insert(0, str(TESTS_DIR))
    from checker_corpus import RATCHET

    old = json.loads(RATCHET.read_text(encoding="utf-8")) if RATCHET.is_file() else {}
    new = {}
    for name, m in result["rounds"].items():
        before = old.get(name, {})
        if name == "all rounds" and set(old) != set(result["rounds"]):
            before = {}  # a round was added to "all rounds": its figures start again from the measurement
        if name in rebase:
            before = {}
        new[name] = {
            "texts": m["texts"],
            "precision": max(m["precision"], before.get("precision", 0.0)),
            "recall": max(m["recall"], before.get("recall", 0.0)),
            "error_recall": max(m["error_recall"], before.get("error_recall", 0.0)),
            "clean_texts_with_error": min(m["clean_texts_with_error"], before.get("clean_texts_with_error", 10**6)),
        }
    RATCHET.write_text(json.dumps(new, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    outcome = main()
    for round_name, values in outcome["rounds"].items():
        print(round_name, values)
    if "--record" in sys.argv[1:]:
        rebased = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--rebase=")), "")
        record(outcome, frozenset(filter(None, rebased.split(","))))
        print("recorded")
