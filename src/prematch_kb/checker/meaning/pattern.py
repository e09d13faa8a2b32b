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
    found = _rest(pattern, 0, reading, 0, len(reading.texts))
    if found is not None:
        return found
    if pattern[0].optional and len(pattern) > 1:
        return _match(pattern[1:], reading)
    return None


def _rest(pattern, index: int, reading: Reading, low: int, high: int) -> tuple[int, int] | None:
    """Where the pattern's elements from `index` on match, the first of them starting in [low,
    high]: (start, end), or None. The element's spans are tried in order, each followed as far as
    it goes: its concepts' (each kept sorted by start), then its quoted words'."""
    element = pattern[index]
    following = index + 1
    last = following == len(pattern)
    for name in element.concepts:
        spans = reading.spans.get(name)
        if spans:
            at = bisect_left(spans, (low,))
            while at < len(spans) and spans[at][0] <= high:
                start, end = spans[at]
                found = (start, end) if last else _rest(pattern, following, reading, end, end + pattern[following].gap)
                if found is not None:
                    return start, found[1]
                at += 1
    if not element.words.isdisjoint(reading.words):  # (one of its words is in the sentence)
        texts = reading.texts
        for start in range(low, min(high, len(texts) - 1) + 1):
            if texts[start] in element.words:
                end = start + 1
                found = (start, end) if last else _rest(pattern, following, reading, end, end + pattern[following].gap)
                if found is not None:
                    return start, found[1]
    if element.optional and index > 0:  # (an optional first element is left out by `_match`)
        return (low, low) if last else _rest(pattern, following, reading, low, low + pattern[following].gap)
    return None
