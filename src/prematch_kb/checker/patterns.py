"""Regular expressions for the checks that read shapes, not meanings (placeholders, greetings,
sign-offs, texting style), and the negation test they share.

All patterns are compiled through `rx()`, which makes a written space match any run of
whitespace (emails wrap lines) and a straight apostrophe match a curly one, and compiles on first
use. Patterns use only bounded gaps and alternations of fixed words, so matching stays linear in
the text. What a sentence means (commitments, questions, offers) is read by `meaning/`, not here.
"""

from __future__ import annotations

import re

from .lazy_regex import LazyRegex, lowered
from .text import Document


def rx(pattern: str, flags: int = re.IGNORECASE) -> LazyRegex:
    """A pattern written with plain spaces (" " one or more, " ?" optional) and "'", compiled on
    first use."""
    # Whitespace between words is bounded so that every pattern has a known maximum width.
    pattern = pattern.replace("'", "['’]").replace(" ?", r"\s?").replace(" ", r"\s{1,10}")
    return LazyRegex(pattern, flags)


# Where a new clause starts, earlier negation no longer applies: "I know you are busy, but ..."
CLAUSE_BREAK = rx(
    r"(?:[;:]|\bbut\b|\bhowever\b|\banyway\b|\bregardless\b|, (?:yet|still|so|though|and yet)\b)"
)
# Plain negation: "I will not be sending a thank-you note".
NEGATION_ONLY = rx(
    r"\b(?:not|never|no longer|cannot|can't|won't|don't|doesn't|didn't|shouldn't|mustn't|isn't|aren't"
    r"|wouldn't|couldn't|nor|neither|refuse to|no need to)\b"
)
PREFIX_WINDOW = 160  # characters before a match in which a negation of its clause is looked for


def _on_lower(regex: LazyRegex) -> LazyRegex:
    found = lowered(regex)
    if found is None:
        raise ValueError(f"a cue pattern must be writable for lower-case text: {regex.pattern[:60]!r}")
    return found


# The tests run on the lower-case text, where plain patterns run faster than case-insensitive ones.
_CLAUSE_BREAK_LOWER = _on_lower(CLAUSE_BREAK)


def clause_prefix(doc: Document, start: int) -> str:
    """The current clause before `start` (bounded), where negation would apply, in lower case."""
    sentence = doc.sentence_at(start)
    begin = max(sentence.start, start - PREFIX_WINDOW)
    prefix = doc.lower[begin:start] if begin < start else ""
    last = None
    for last in _CLAUSE_BREAK_LOWER.finditer(prefix):
        pass
    return prefix[last.end() :] if last else prefix


def is_negated(doc: Document, start: int, pattern: LazyRegex = NEGATION_ONLY) -> bool:
    """A negation earlier in the clause of the words at `start`."""
    return _on_lower(pattern).search(clause_prefix(doc, start)) is not None
