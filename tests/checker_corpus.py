"""Loading the labelled corpus in tests/corpus/ and scoring the checker against it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"


@dataclass(frozen=True)
class Entry:
    id: str
    file: str
    mode: str
    text: str
    context: dict
    expect: frozenset[str]
    forbid: frozenset[str]


def load_corpus(directory: Path = CORPUS_DIR) -> list[Entry]:
    entries = []
    for path in sorted(directory.glob("*.yml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            entries.append(
                Entry(
                    id=raw["id"],
                    file=path.name,
                    mode=raw.get("mode", "draft"),
                    text=raw["text"],
                    context=dict(raw.get("context") or {}),
                    expect=frozenset(raw.get("expect") or ()),
                    forbid=frozenset(raw.get("forbid") or ()),
                )
            )
    return entries


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    mistakes: list[str] = field(default_factory=list)

    def precision(self, category: str | None = None) -> float:
        tp = sum(self.tp.values()) if category is None else self.tp[category]
        fp = sum(self.fp.values()) if category is None else self.fp[category]
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, category: str | None = None) -> float:
        tp = sum(self.tp.values()) if category is None else self.tp[category]
        fn = sum(self.fn.values()) if category is None else self.fn[category]
        return tp / (tp + fn) if tp + fn else 1.0

    def table(self, categories: list[str]) -> str:
        lines = [f"{'category':34} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}"]
        for category in categories:
            lines.append(
                f"{category:34} {self.tp[category]:4} {self.fp[category]:4} {self.fn[category]:4}"
                f" {self.precision(category):9.3f} {self.recall(category):7.3f}"
            )
        lines.append(
            f"{'overall':34} {sum(self.tp.values()):4} {sum(self.fp.values()):4} {sum(self.fn.values()):4}"
            f" {self.precision():9.3f} {self.recall():7.3f}"
        )
        return "\n".join(lines)


def score(entries: list[Entry], results: dict[str, set[str]]) -> Score:
    """Per-text scoring: labels are complete, so any category found but not expected is a false positive."""
    result = Score()
    for entry in entries:
        found = results[entry.id]
        for category in found | entry.expect:
            if category in found and category in entry.expect:
                result.tp[category] += 1
            elif category in found:
                result.fp[category] += 1
                result.mistakes.append(f"{entry.id}: unexpected {category}")
            else:
                result.fn[category] += 1
                result.mistakes.append(f"{entry.id}: missed {category}")
    return result


HELDOUT_DIR = Path(__file__).resolve().parent / "heldout"
RATCHET = HELDOUT_DIR / "ratchet.json"
ERROR_CATEGORIES = frozenset({
    "binding-commitment", "reciprocal-ranking", "rank-inquiry", "outside-match-offer", "placeholder",
    "second-first-choice", "program-rank-inquiry", "program-other-programs-inquiry",
    "program-commitment-request", "program-outside-match-offer",
})


def heldout_rounds() -> dict[str, list[Entry]]:
    """Each held-out blind round (tests/heldout/round-NN.yml) by name, never used for tuning."""
    return {path.stem: load_corpus_file(path) for path in sorted(HELDOUT_DIR.glob("round-*.yml"))}


FRONTIER_DIR = Path(__file__).resolve().parent / "frontier"
FRONTIER_RATCHET = FRONTIER_DIR / "ratchet.json"


def frontier_sets() -> dict[str, list[Entry]]:
    """Tuning sets the checker has not mastered yet (tests/frontier/*.yml): tuned on, like the corpus,
    but held to their own recorded figures instead of the corpus floors until they reach them."""
    return {path.stem: load_corpus_file(path) for path in sorted(FRONTIER_DIR.glob("*.yml"))}


def load_corpus_file(path: Path) -> list[Entry]:
    return [
        Entry(
            id=raw["id"], file=path.name, mode=raw.get("mode", "draft"), text=raw["text"],
            context=dict(raw.get("context") or {}), expect=frozenset(raw.get("expect") or ()),
            forbid=frozenset(raw.get("forbid") or ()),
        )
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]


# Context keys that describe the draft's place in a communication log, not options of check().
LOG_KEYS = ("log", "program", "kind")


def check_options(entry: Entry) -> dict:
    """The entry's context as options of check(): without its place in a communication log."""
    return {k: v for k, v in entry.context.items() if k not in LOG_KEYS}


def findings_for(entry: Entry, check) -> list:
    """The entry's findings, read as the checker page reads a draft: checked with its options,
    then, when the entry names a program and a log, reviewed against that log (cadence, reply due,
    a second first-choice letter, a specialty's policy). Each has `category` and `severity`."""
    report = check(entry.text, mode=entry.mode, **check_options(entry))
    found = list(report.findings)
    program, log = entry.context.get("program"), entry.context.get("log")
    if entry.mode == "draft" and program and log is not None:
        from prematch_kb.checker import commlog

        rows = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()} for row in log]
        data = {"schema": commlog.SCHEMA, "version": commlog.VERSION, "entries": rows}
        try:
            read = commlog.CommunicationLog.from_dict(data)
        except commlog.LogFormatError:
            return found  # a log the page would refuse: the draft is read on its own, as there
        found += commlog.review_draft(read, report, program, kind=entry.context.get("kind"))
    return found


def figures(entries: list[Entry], check) -> dict:
    """The figures a blind round is judged on: precision, recall on every category and on the
    error categories, and how many clean texts got an error-level finding."""
    results, clean_with_error = {}, 0
    for entry in entries:
        found = findings_for(entry, check)
        results[entry.id] = {f.category for f in found}
        if not entry.expect and any(f.severity == "error" for f in found):
            clean_with_error += 1
    result = score(entries, results)
    tp_error = sum(result.tp[c] for c in ERROR_CATEGORIES)
    fn_error = sum(result.fn[c] for c in ERROR_CATEGORIES)
    return {
        "texts": len(entries),
        "precision": round(result.precision(), 3),
        "recall": round(result.recall(), 3),
        "error_recall": round(tp_error / (tp_error + fn_error), 3) if tp_error + fn_error else 1.0,
        "clean_texts_with_error": clean_with_error,
        "score": result,
    }


def ratchet_failures(name: str, measured: dict, floor: dict) -> list[str]:
    """Where measured figures fell below their recorded floor: precision, recall and error recall
    may only rise, error findings on clean texts only fall."""
    failures = [
        f"{name}: {key} {measured[key]:.3f} fell below {floor[key]:.3f}"
        for key in ("precision", "recall", "error_recall")
        if measured[key] < floor[key]
    ]
    if measured["clean_texts_with_error"] > floor["clean_texts_with_error"]:
        failures.append(f"{name}: {measured['clean_texts_with_error']} clean texts with an error finding, "
                        f"more than {floor['clean_texts_with_error']}")
    return failures


def figures_line(name: str, measured: dict) -> str:
    return (f"{name}: precision {measured['precision']:.3f} recall {measured['recall']:.3f} "
            f"error recall {measured['error_recall']:.3f} clean texts with an error {measured['clean_texts_with_error']}")
