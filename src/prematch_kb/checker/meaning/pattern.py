"""Patterns over concepts: `"APPLICANT ..3 COMMIT ..8 RANK_VERB"`.

An element is a concept (or a role), a literal word in quotes ('sign'), or alternatives joined by
`|`; `..N` before an element lets up to N tokens come between it and the one before; a trailing
`?` makes an element optional. Matching is a bounded search over the concept spans of one
sentence, so its cost grows with the sentence, never with the text.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from .sentence import Reading


class Element(NamedTuple):
    alternatives: tuple[str, ...]
    gap: int
    optional: bool
    concepts: tuple[str, ...]  # the alternatives that are concepts or roles
    words: frozenset[str]  # the alternatives that are quoted words, unquoted


class PatternError(ValueError):
    pass


def compile_pattern(source: str) -> tuple[Element, ...]:
    elements: list[Element] = []
    gap = 0
    for part in source.split():
        if part.startswith(".."):
            try:
                gap = int(part[2:])
            except ValueError as error:
                raise PatternError(f"bad gap {part!r} in {source!r}") from error
            continue
        optional = part.endswith("?")
        names = tuple(part.rstrip("?").split("|"))
        if not all(names):
            raise PatternError(f"empty alternative in {source!r}")
        concepts = tuple(n for n in names if not n.startswith("'"))
        words = frozenset(n.strip("'") for n in names if n.startswith("'"))
        elements.append(Element(names, gap, optional, concepts, words))
        gap = 0
    if not elements:
        raise PatternError(f"empty pattern {source!r}")
    return tuple(elements)


def concepts_of(pattern: tuple[Element, ...]) -> set[str]:
    return {name for element in pattern for name in element.alternatives if not name.startswith("'")}


def _starts(reading: Reading, element: Element, low: int, high: int):
    """Spans of an element starting in [low, high] (concept spans are kept sorted by start)."""
    for name in element.concepts:
        spans = reading.spans.get(name)
        if spans:
            index = bisect_left(spans, (low,))
            while index < len(spans) and spans[index][0] <= high:
                yield spans[index]
                index += 1
    if element.words:
        texts = reading.texts
        for index in range(low, min(high, len(texts) - 1) + 1):
            if texts[index] in element.words:
                yield index, index + 1


def match(pattern: tuple[Element, ...], reading: Reading) -> tuple[int, int] | None:
    """The first (start token, end token) where the whole pattern matches, or None."""
    spans = reading.spans
    for element in pattern:  # cheap test first: every required element has something to match
        if element.optional:
            continue
        if spans.keys().isdisjoint(element.concepts) and element.words.isdisjoint(reading.words):
            return None
    return _match(pattern, reading)


def match_present(pattern: tuple[Element, ...], reading: Reading) -> tuple[int, int] | None:
    """`match` for a caller that has already seen every required element present."""
    return _match(pattern, reading)


def _match(pattern: tuple[Element, ...], reading: Reading) -> tuple[int, int] | None:
    first = pattern[0]
    for span in _starts(reading, first, 0, len(reading.texts)):
        end = _rest(pattern, 1, reading, span[1])
        if end is not None:
            return span[0], end
    if first.optional and len(pattern) > 1:
        return _match(pattern[1:], reading)
    return None


def _rest(pattern, index: int, reading: Reading, position: int) -> int | None:
    if index == len(pattern):
        return position
    element = pattern[index]
    for span in _starts(reading, element, position, position + element.gap):
        end = _rest(pattern, index + 1, reading, span[1])
        if end is not None:
            return end
    if element.optional:
        return _rest(pattern, index + 1, reading, position)
    return None
