"""The shared vocabulary (vocabulary.json) as a lookup: tokens in, concept spans out.

A form is one word or a sequence of words; `stem|a|b` in the data stands for stem, stema, stemb.
An unknown word is read typo-tolerantly as one of the words marked `~` in the data (one letter
deleted, added, changed or two swapped, first letter kept), so "frist", "promiss" and "gaurantee"
are read as what they mean. Only marked words are corrected to: correcting to any vocabulary word
would read real words as others ("wanted" as "warned", "started" as "stated"). The one exception is
a letter typed twice ("writting"), which no real word is.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..text import lower_case

VOCABULARY = Path(__file__).with_name("vocabulary.json")

# Words, contraction tails ("n't", "'ll"), "#1" and the punctuation that shapes a sentence.
_TOKEN = re.compile(r"[a-z0-9]+(?=n't)|n't|'[a-z]+|#\s?\d+|\d+\s?%|[^\W_]+|[?!,;:()\[\]<>{}]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


class Token(NamedTuple):
    text: str
    start: int  # offset in the sentence
    end: int


def tokenize(text: str) -> list[Token]:
    lowered = lower_case(text).translate(_APOSTROPHES)  # offset for offset with the text
    tokens = [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(lowered)]
    if " " in lowered and ("#" in lowered or "%" in lowered):  # "# 1", "100 %" are one token each
        tokens = [t._replace(text=t.text.replace(" ", "")) if " " in t.text else t for t in tokens]
    return tokens


# `_TOKEN` run on the text as written: `lower_case` makes a lower-case pattern on the lowered text
# match exactly where the pattern with IGNORECASE matches the text.
_TOKEN_AS_WRITTEN = re.compile(_TOKEN.pattern, re.IGNORECASE)
# In a text without apostrophes, '#' or '%' (nearly every sentence) `_TOKEN` can only find words and
# punctuation, which this simpler pattern finds faster, in either case.
_PLAIN_TOKEN = re.compile(r"[^\W_]+|[?!,;:()\[\]<>{}]")
_NOT_PLAIN = re.compile("['’‘`#%]")
# `_PLAIN_TOKEN` for an ASCII text, where a word character other than '_' is an ASCII letter or digit.
_ASCII_TOKEN = re.compile(r"[a-zA-Z0-9]+|[?!,;:()\[\]<>{}]")


def token_texts(text: str) -> tuple[list[str], list[str]]:
    """The texts of `tokenize(text)`'s tokens, and the same tokens as written (in their case),
    without their offsets: what reading a sentence needs, found faster."""
    if text.isascii() and _NOT_PLAIN.search(text) is None:  # (nearly every sentence)
        written = _ASCII_TOKEN.findall(text)
        return list(map(str.lower, written)), written  # (`lower_case` of an ASCII text is `lower`)
    if _NOT_PLAIN.search(text) is None:
        written = _PLAIN_TOKEN.findall(text)
    else:
        written = _TOKEN_AS_WRITTEN.findall(text.translate(_APOSTROPHES))
    if not written:
        return [], []
    texts = lower_case("\0".join(written)).split("\0")  # all lowered at once; no token holds a NUL
    if " " in text and ("#" in text or "%" in text):  # "# 1", "100 %" are one token each
        texts = [word.replace(" ", "") if " " in word else word for word in texts]
    return texts, written


def expand(form: str) -> list[str]:
    """'rank|s|ed' -> ['rank', 'ranks', 'ranked']"""
    stem, *endings = form.split("|")
    return [stem] + [stem + ending for ending in endings]


class Lexicon:
    def __init__(self, data: dict) -> None:
        self.concepts = tuple(data["concepts"])
        self.roles = data["roles"]
        self.typo_min = int(data.get("typo_min_length", 5))
        self.not_typos = frozenset(data.get("not_typos", ()))
        # Words that, written in capitals amid ordinary text, are abbreviations with no concept
        # ("IM programs", "US clinical experience"), not "I'm" or "us".
        self.acronyms = frozenset(data.get("acronyms", ()))
        # first token -> [(tokens of the form, concept)], longest first
        self.forms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.typo_index: dict[str, set[str]] = {}  # deletion variant -> single words it may be
        self.single: dict[str, frozenset[str]] = {}
        self._corrections: dict[str, str | None] = {}
        singles: dict[str, set[str]] = {}
        for concept, forms in data["concepts"].items():
            for raw in forms:
                tolerant = raw.startswith("~")
                for form in expand(raw.lstrip("~")):
                    words = tuple(t.text for t in tokenize(form))
                    if not words:
                        continue
                    self.forms.setdefault(words[0], []).append((words, concept))
                    if len(words) == 1:
                        singles.setdefault(words[0], set()).add(concept)
                        if tolerant and words[0].isalpha() and len(words[0]) >= self.typo_min:
                            for variant in _deletions(words[0]):
                                self.typo_index.setdefault(variant, set()).add(words[0])
        for entries in self.forms.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        self.single = {word: frozenset(concepts) for word, concepts in singles.items()}
        # First letter and length of the words a typo may be read as: most unknown words match none,
        # and are then known not to be typos without building their variants.
        tolerant = {word for words in self.typo_index.values() for word in words}
        self._tolerant = frozenset(tolerant)
        self._tolerant_shapes = frozenset((word[0], len(word)) for word in tolerant)
        self._typo_variants = frozenset(self.typo_index)
        # The first three letters of the words a deletion from a typo may be (variants and tolerant
        # words): a deletion from the fourth letter on keeps a word's first three, so when no such
        # word starts with them, only the deletions of its first three letters need looking up.
        self._typo_heads = frozenset(word[:3] for word in self._typo_variants | self._tolerant)
        # By length, the halves of the words a typo of that length may be read as. A typo keeps the
        # letters before its edit and those after it, so a typo of `length` letters shares with its
        # word either its first length // 2 letters or its first letter and its letters after the
        # one past that half: most unknown words share neither half with any tolerant word.
        halves: dict[int, set[str]] = {}
        for word in tolerant:
            for length in (len(word) - 1, len(word), len(word) + 1):
                half = length // 2
                tail = word[len(word) - length + half + 1 :]  # as many letters as the typo has after its half
                halves.setdefault(length, set()).update((word[:half], word[0] + tail))
        self._typo_halves = {length: frozenset(found) for length, found in halves.items()}
        # By the first letter and length of a word, the letters of each word it could be a typo of.
        # One edit leaves at most one of a word's letters out of the word it is a typo of (the
        # letter changed or too many), so a word with two letters that one lacks is no typo of it.
        letter_sets: dict[tuple[str, int], list[frozenset[str]]] = {}
        for word in sorted(tolerant):
            for length in (len(word) - 1, len(word), len(word) + 1):
                letter_sets.setdefault((word[0], length), []).append(frozenset(word))
        self._typo_letters = {shape: tuple(sets) for shape, sets in letter_sets.items()}
        # What a word can start, found in one look-up: multi-word forms by their first two words
        # (longest first), then the concepts of the word alone ("my" starts 87 forms).
        self.starts: dict[str, tuple[dict[str, list[tuple[tuple[str, ...], str]]], tuple[str, ...]]] = {}
        for word, entries in self.forms.items():
            multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
            alone = []
            for sequence, concept in entries:
                if len(sequence) > 1:
                    multi.setdefault(sequence[1], []).append((sequence, concept))
                else:
                    alone.append(concept)
            self.starts[word] = (multi, tuple(alone))

    def correct(self, word: str) -> str | None:
        """The vocabulary word an unknown word is a one-edit typo of, or None (remembered per word)."""
        found = self._corrections.get(word, _UNKNOWN)
        if found != _UNKNOWN:
            return found
        if len(self._corrections) > 50_000:
            self._corrections.clear()
        found = self._corrections[word] = self._correct(word)
        return found

    def _correct(self, word: str) -> str | None:
        length = len(word)
        if length < self.typo_min or word in self.not_typos or word in self.forms or not word.isalpha():
            return None
        # A word can only be a typo of a word with its first letter and a length one more (a letter
        # missing), the same (a letter changed, two swapped) or one less (a letter too many): only
        # the variants that could reach such a word are looked up.
        first = word[0]
        half = length // 2
        halves = self._typo_halves.get(length)
        tolerant = halves is not None and (word[:half] in halves or first + word[half + 1 :] in halves)
        if tolerant:  # (then a tolerant word of its first letter and a length one from its own is known)
            tolerant = min(map(len, map(set(word).difference, self._typo_letters[first, length]))) <= 1
        doubled = _DOUBLED.search(word) is not None  # see below
        if not (tolerant or doubled):
            return None  # (most unknown words: known to be no typo before anything is built)
        if word[-1] == "s" and (word[:-1] in self.single or word[:-2] in self.single):
            return None  # a plural ("choices", "programs") is another word, not a typo
        candidates: set[str] = set()
        if tolerant:
            shapes = self._tolerant_shapes
            if (first, length + 1) in shapes:  # a letter missing
                candidates |= self.typo_index.get(word, _NONE)
            if (first, length) in shapes or (first, length - 1) in shapes:
                if word[:3] in self._typo_heads:
                    deletions = _deletions(word)
                else:  # (a word of five letters or more: its other deletions start with its first three)
                    deletions = {word[1:], word[0] + word[2:], word[:2] + word[3:]}
                for variant in deletions & self._typo_variants:  # a letter changed or two swapped
                    candidates |= self.typo_index[variant]
                candidates |= deletions & self._tolerant  # a letter too many
        # A letter typed twice ("comming", "writting") is a slip towards any vocabulary word: no
        # real word is another with a letter doubled ("through" is not "though", "later" not "late").
        if doubled:
            twice = [i for i in range(1, length) if word[i] == word[i - 1]]
            candidates |= {word[:i] + word[i + 1 :] for i in twice if word[:i] + word[i + 1 :] in self.single}
        if not candidates:
            return None
        candidates = {c for c in candidates if c[0] == first and c != word}
        return min(candidates) if candidates else None


_DOUBLED = re.compile(r"(.)\1")


_NONE: frozenset[str] = frozenset()
_UNKNOWN = ""  # a word not corrected yet (no word is corrected to the empty string)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return Lexicon(json.loads(VOCABULARY.read_text(encoding="utf-8")))
