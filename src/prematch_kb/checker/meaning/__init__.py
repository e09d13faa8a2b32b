"""The meaning layer: sentences read as concepts (vocabulary.json) and judged by rules (rules/).

    hits = find(doc, mode)          # what the rules report
    for c in explain(doc, mode): ...  # every candidate, kept or dropped, and why

Standard library only, like the rest of the checker.
"""

from __future__ import annotations

from ..registry import Hit
from .lexicon import load_lexicon
from .rules import Candidate, candidates, rule_categories, rules, scope_reason
from .sentence import read

__all__ = ["Candidate", "explain", "find", "forget", "out_of_scope", "prepare", "rule_categories", "rules"]


def find(doc, mode: str) -> list[Hit]:
    return [Hit(c.rule.category, c.start, c.end) for c in candidates(doc, mode) if c.kept]


def explain(doc, mode: str) -> list[Candidate]:
    return list(candidates(doc, mode))


def out_of_scope(doc, mode: str, start: int, end: int) -> str | None:
    """Why the words at [start, end) are not the author's own act (a statement of the rules,
    reported speech, someone else's act), judged on their sentence; None when they are."""
    sentence = doc.sentence_at(start)
    if not sentence.text:
        return None
    reading = read(sentence.text, load_lexicon(), mode)
    tokens = reading.tokens
    low, high = start - sentence.start, end - sentence.start
    inside = [i for i, t in enumerate(tokens) if t.start >= low and t.end <= high]
    if not inside:
        return None
    return scope_reason(reading, mode, inside[0], inside[-1] + 1)


def prepare() -> None:
    """Read the vocabulary and the rules and compile the rules' tests for both modes."""
    from .rules import _rules_of

    for mode in ("draft", "received"):
        _rules_of(mode)


def forget() -> None:
    """Empty the memory of sentences already read and of typos corrected (`checker.forget()`
    empties every memory, this one included)."""
    from . import sentence

    sentence._READINGS.clear()
    load_lexicon()._corrections.clear()
