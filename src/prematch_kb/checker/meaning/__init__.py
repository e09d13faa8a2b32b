"""The meaning layer: sentences read as concepts (vocabulary.json) and judged by rules (rules/).

    hits = find(doc, mode)          # what the rules report
    for c in explain(doc, mode): ...  # every candidate, kept or dropped, and why

Standard library only, like the rest of the checker.
"""

from __future__ import annotations

from ..registry import Hit
from .rules import Candidate, candidates, rule_categories, rules

__all__ = ["Candidate", "explain", "find", "rule_categories", "rules"]


def find(doc, mode: str) -> list[Hit]:
    return [Hit(c.rule.category, c.start, c.end) for c in candidates(doc, mode) if c.kept]


def explain(doc, mode: str) -> list[Candidate]:
    return list(candidates(doc, mode))
