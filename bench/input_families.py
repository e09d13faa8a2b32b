"""Families of pathological input for the checker: one repeated character or word, mixtures and
shapes that have made text scanners slow (runs of punctuation, signature lines, quotation marks).

The growth test (tests/test_checker_growth.py) checks that time grows linearly on each family; the
growth benchmark (bench/checker_growth_bench.py) times each at 100,000 characters.
"""

from __future__ import annotations

import random
from collections.abc import Callable

CHARACTERS = ".!?,;:-'\"“”‘’«»()[]<>{}#*_@=+ \n\t\r\u00a0a1Zé😀İ"
WORDS = (
    "hey ", "hey\n", "rank ", "rank\n", "I ", "first ", "Dear ", "Dear Dr. X,\n", "AAMC ", "AAMC ID: ",
    "ERAS #", "Sincerely,\n", "Best,\nAda Obi\n", "[Program Name] ", "[", "<insert ", "XXX ", "wrote:\n",
    "On Mon, Dr. Lee wrote:\n", "From: x\n", "> q\n", "'a ", "\"a ", "‘a ", "“a ", "If I rank you first, ",
    "will you rank me ", "no. ", "Dr. ", "e.g. ", "! ", "?! ", "a.b", "not ", "please ", "kindly ", "!!",
    "I promise ", "rank you first ", "where do I stand ", "do not ", "#1 ", "-- \n", "---\n", "http://x ",
    "😀 ", "lol ", "sorry ", "attached ", "my number one choice ", "we will rank you to match ",
)


def _repeat(piece: str) -> Callable[[int], str]:
    return lambda size: (piece * (size // len(piece) + 1))[:size]


def _mixture(alphabet: list[str], seed: int) -> Callable[[int], str]:
    def make(size: int) -> str:
        chooser = random.Random(seed)
        parts, length = [], 0
        while length < size:
            piece = chooser.choice(alphabet)
            parts.append(piece)
            length += len(piece)
        return "".join(parts)[:size]

    return make


def _signature(size: int) -> str:
    head = "Dear Dr. Reyes,\n\nThank you for the interview.\n\nBest regards,\nAda Obi\nAAMC"
    return head + " " * (size - len(head))


def _name_line(size: int) -> str:
    head = "Dear Dr. Reyes,\n\nThank you.\n\nSincerely,\nAda"
    return head + " Obi" * ((size - len(head)) // 4)


FAMILIES: dict[str, Callable[[int], str]] = {
    **{f"char {c!r}": _repeat(c) for c in CHARACTERS},
    **{f"word {w!r}": _repeat(w) for w in WORDS},
    "mixture of punctuation and letters": _mixture(list("abc .!?'\"\n[]<>#@:-,“”‘’"), 1),
    "mixture of checker words": _mixture(
        ["I", "you", "we", "rank", "first", "choice", "promise", "will", "if", "would", "where", "stand", "list",
         "match", "program", ",", ".", "?", "!", "\n"], 2),
    "mixture of words and spaces": _mixture(["rank", " ", "  ", "\n", "first", "I", "'", '"', "."], 3),
    "signature line of spaces": _signature,
    "signature name line without end": _name_line,
    "one long word": lambda size: "a" * size,
}
