"""The text model every check works on: which parts the author wrote, and where sentences are.

Everything here is computed once per `check()` call, in linear time, against the ORIGINAL text:
offsets are never shifted, so a finding's start/end always point into what the user pasted.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from .memory import Memory

# A line that starts a quoted earlier message: everything from it to the end is someone else's.
_REPLY_HEADER = re.compile(
    r"^[ \t]*(?:"
    r"-{2,}[ \t]*(?:original message|forwarded message)[ \t]*-{2,}"
    r"|begin forwarded message:"
    r"|-{5,}[ \t]*$"  # a bare separator line written by some mail clients before the quote
    r")",
    re.IGNORECASE | re.MULTILINE,
)
# "On Tue, Nov 3, 2026 at 9:14 AM Dr. Lee <lee@example.org> wrote:" (may wrap onto a second line)
_ON_WROTE = re.compile(r"^[ \t]*On\b[^\n]{0,200}(?:\n[^\n]{0,120})?\bwrote:[ \t]*$", re.MULTILINE)
# An Outlook-style header block ("From: ..." then "Sent:"/"Date:"/"To:"/"Subject:" within a few lines)
_FROM_BLOCK = re.compile(
    r"^[ \t]*\*?From:\*?[ \t][^\n]{1,200}\n(?:[^\n]{0,200}\n){0,3}?[ \t]*\*?(?:Sent|Date|To|Subject):",
    re.MULTILINE | re.IGNORECASE,
)
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*(?:\n|$)", re.MULTILINE)

# Sentence ends: terminal punctuation followed by space, a blank line, or a line break after a
# line that ends a clause (salutations, sign-offs, headers, list items).
_ABBREVIATIONS = frozenset(
    "dr mr mrs ms mx prof st vs etc e.g i.e jr sr no fig approx dept univ inc ph.d m.d u.s".split()
)
# Each run of terminal punctuation is matched once, whatever follows it, and the engine then looks
# at the next character: a lookahead inside the pattern would rescan a long run from every one of
# its characters (quadratic time on "!!!!..." with no space after it). The pattern starts with the
# set of characters every boundary starts with, so that the engine skips straight from one to the
# next: a run of punctuation with any closing marks after it, a blank line, or a line break.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)(?:[ \t]*+\n)?|[.!?]*+[\"'”’)\]]*+)")
# In a paragraph with no line break, question mark or exclamation mark (most of them) a boundary
# can only start at a full stop: this form of `_BOUNDARY` starts with that one character, which
# the engine skips to several times faster than to one of a set of characters.
_FULL_STOP_BOUNDARY = re.compile(r"\.[.!?]*+[\"'”’)\]]*+")
# An abbreviation is the letters and dots right before its final dot, at most six of them.
_ABBREVIATION_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
MAX_ABBREVIATION = 6

# Paired double quotation marks within one paragraph: words inside are quoted, not the author's own.
# An opening mark inside is not part of the quotation: a run of opening marks is then scanned once.
# (Each quotation pattern also comes in a form for text with straight marks only, which most texts
# have: the engine skips from one occurrence of a single character to the next several times
# faster than from one of a set of characters to the next.)
_STRAIGHT_DOUBLE = r"\"[^\"\n]{1,400}\""
_QUOTATION = re.compile(_STRAIGHT_DOUBLE + r"|“[^“”\n]{1,400}”|«[^«»\n]{1,400}»")
_STRAIGHT_QUOTATION = re.compile(_STRAIGHT_DOUBLE)
# Single quotation marks, told apart from apostrophes (don't, programme's, students' lists): the
# opening mark follows a space, a line start or an opening bracket and comes before a letter; the
# closing mark comes before punctuation or the line's end, or before a space when the quotation's
# own punctuation ends it (a plural possessive, "the students' lists", never closes one); the words
# inside stay within one sentence and one line, and hold no other opening mark (so a run of opening
# marks is scanned once, not once from each). The pattern starts with the mark itself, and what may
# come before it is tested after it ("nothing but a space, a bracket or the line start"), so that
# the engine skips straight from mark to mark.
_AFTER_SINGLE_MARK = (
    r"(?<![^\s(\[]['‘])(?=[^\W\d_])[^\n.!?‘]{0,300}?"
    r"(?:[^\s'‘’][.!?,]['’](?=[\s.,;:!?)\]]|$)|[^\s'‘’]['’](?=[.,;:!?)\]]|$))"
)
_SINGLE_QUOTATION = re.compile(r"['‘]" + _AFTER_SINGLE_MARK, re.MULTILINE)
_STRAIGHT_SINGLE_QUOTATION = re.compile(r"'" + _AFTER_SINGLE_MARK, re.MULTILINE)

# A word: a run of letters and digits (underscore is not part of one).
word_token = re.compile(r"[^\W_]+")
# Every ASCII character but the letters and digits, as a space: the words of an ASCII text are then
# what split() returns, several times faster than `word_token` finds them.
_ASCII_NON_WORD = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_NON_WORD_AS_SPACE = bytes.maketrans(_ASCII_NON_WORD, b" " * len(_ASCII_NON_WORD))
# The same with every letter and digit as "a": each word then starts at a space before an "a", and
# counting those is faster still than splitting the words out.
_ASCII_WORD_AS_A = bytes.maketrans(bytes(range(128)), bytes(32 if c in _ASCII_NON_WORD else 97 for c in range(128)))
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
_CASELESS_ASCII = {0x130: "i", 0x131: "i", 0x17F: "s"}

MAX_SENTENCE = 1200  # longer runs without punctuation are cut so per-sentence work stays bounded


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


@dataclass
class Document:
    """The original text plus the derived structure checks need."""

    text: str
    own_end: int  # text[:own_end] is the author's own message; the rest is a quoted earlier one
    quoted_lines: list[tuple[int, int]]  # ">"-quoted lines inside the own part
    quotations: list[tuple[int, int]]  # spans inside quotation marks
    sentences: list[Sentence]
    # (offset, text) of each paragraph of the own part (see `paragraphs`), read by several checks.
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)
    # The text in lower case, offset for offset (see lower_case); computed once, read by every check.
    lower: str = ""
    cache: dict = field(default_factory=dict)  # per-text results detectors share (lines, words)

    def is_own(self, start: int, end: int) -> bool:
        """True when [start, end) lies in the author's own words (not in a quoted earlier message)."""
        if end > self.own_end:
            return False
        return not self.quoted_lines or not _overlaps(self.quoted_lines, start, end)

    def in_quotation(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside quotation marks (a quoted rule or someone's words)."""
        return _inside(self.quotations, start, end)

    def sentence_at(self, offset: int) -> Sentence:
        index = bisect_right(self._sentence_starts, offset) - 1
        if index < 0:
            return Sentence(0, 0, "")
        return self.sentences[index]

    @property
    def own_text(self) -> str:
        return self.text[: self.own_end]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect_right(spans, (start, float("inf"))) - 1
    for probe in (index, index + 1):
        if 0 <= probe < len(spans):
            s, e = spans[probe]
            if s < end and start < e:
                return True
    return False


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect_right(spans, (start, float("inf"))) - 1
    if 0 <= index < len(spans):
        s, e = spans[index]
        return s <= start and end <= e
    return False


def lower_case(text: str) -> str:
    """The text in lower case, offset for offset, written so that a lower-case pattern run on it
    without IGNORECASE matches exactly where the pattern with IGNORECASE matches the text.

    Three letters match an ASCII letter case-insensitively although they do not lower-case to it
    (dotted capital I, dotless i, long s); they are written as that letter. (The Kelvin sign, the
    fourth, lower-cases to k.) The dotted capital I is also the one letter whose lower case is
    two characters long."""
    if text.isascii():
        return text.lower()
    # (translate() maps character by character in Python: only worth it when one of the three is there)
    caseless = "\u0130" in text or "\u0131" in text or "\u017f" in text
    lower = (text.translate(_CASELESS_ASCII) if caseless else text).lower()
    return lower if len(lower) == len(text) else text.translate(_ASCII_LOWER)  # never seen; kept safe


def words_of(text: str) -> list[str]:
    """The words of a text (`word_token`'s matches), in order."""
    if text.isascii():
        return text.encode().translate(_ASCII_NON_WORD_AS_SPACE).decode().split()
    return word_token.findall(text)


def word_count(text: str) -> int:
    """How many words a text has (`word_token`'s matches)."""
    if text.isascii():
        return (b" " + text.encode().translate(_ASCII_WORD_AS_A)).count(b" a")
    return len(word_token.findall(text))


def utf16_length(text: str) -> int:
    """How many UTF-16 code units a text takes (what a browser counts offsets in): one for each
    character, two for each beyond the Basic Multilingual Plane."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2  # (a lone surrogate takes one)


def own_part_end(text: str, lower: str | None = None) -> int:
    """Offset where a quoted earlier message (reply header, forwarded block) begins, or len(text)."""
    end = len(text)
    lower = lower_case(text) if lower is None else lower
    # Cheap substring tests first: most drafts quote nothing.
    if "wrote:" in lower or "---" in text or "begin forwarded" in lower:
        for pattern in (_REPLY_HEADER, _ON_WROTE):
            match = pattern.search(text)
            if match and match.start() < end:
                end = match.start()
    if "from:" not in lower:
        return end
    for match in _FROM_BLOCK.finditer(text, 0, end):
        # Headers at the very top belong to the author's own draft (From/To/Subject of this email).
        if text[: match.start()].strip():
            end = match.start()
            break
    return end


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, text) of each run of whole lines between two line breaks in a row in text[start:end].

    Nothing a check reads runs across a blank line (a blank line always ends a sentence), so a
    paragraph is the unit whose results are remembered: while a visitor types, the others are
    unchanged."""
    found = []
    offset = start
    for piece in text[start:end].split("\n\n"):
        found.append((offset, piece))
        offset += len(piece) + 2
    return found


# A paragraph -> its sentences' (start, end, text), relative to the paragraph. The texts are kept
# too: a sentence's text is then the same string on every check, with its hash already worked out
# for the memories keyed by it.
_SPLITS = Memory(1_000)


def split_sentences(text: str, pieces: list[tuple[int, str]]) -> list[Sentence]:
    """The sentences of the paragraphs `pieces` of `text` (see `paragraphs`), paragraph by
    paragraph (remembered)."""
    sentences: list[Sentence] = []
    for offset, piece in pieces:
        sentences += [Sentence(offset + s, offset + e, sentence) for s, e, sentence in sentences_of(piece)]
    return sentences


def sentences_of(paragraph: str) -> list[tuple[int, int, str]]:
    """The (start, end, text) of each sentence of a paragraph, relative to it (remembered)."""
    return _SPLITS.recall(paragraph, _split, paragraph)


def _split(paragraph: str) -> list[tuple[int, int, str]]:
    return [(s, e, paragraph[s:e]) for s, e in _sentence_spans(paragraph)]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of a paragraph."""
    spans: list[tuple[int, int]] = []
    begin = 0
    end = len(text)
    boundary = _BOUNDARY if "\n" in text or "?" in text or "!" in text else _FULL_STOP_BOUNDARY
    for match in boundary.finditer(text):
        piece = match.group()
        if piece == "\n":
            # A single line break ends a sentence only after a clause end or a short line
            # (salutation, sign-off, header, list item); otherwise it is a wrapped line.
            # The whole physical line decides, not the part after the last sentence end: a
            # hard-wrapped paragraph ("... went well. Could you tell me where I\ncurrently ...")
            # has long lines even where a sentence starts near a line's end.
            line_start = text.rfind("\n", 0, match.start()) + 1
            line = text[line_start : match.start()].rstrip()
            if line and line[-1] not in ".!?,:;" and len(line) >= 60:
                continue
        elif piece[0] == "\n":
            pass  # a blank line always ends a sentence
        elif match.end() == end or not text[match.end()].isspace():
            continue  # "3.5" or "e.g.x" inside a word; at the very end the last piece is added below
        elif piece[0] == ".":
            before = text[max(begin, match.start() - MAX_ABBREVIATION) : match.start()]
            if before[len(before.rstrip(_ABBREVIATION_CHARS)) :].lower() in _ABBREVIATIONS:
                continue
        _append(spans, text, begin, match.end())
        begin = match.end()
    _append(spans, text, begin, end)
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
    if end > start:
        spans.append((start, end))


def build_document(text: str) -> Document:
    lower = lower_case(text)
    own_end = own_part_end(text, lower)
    quoted_lines = (
        [(m.start(), m.end()) for m in _QUOTED_LINE.finditer(text, 0, own_end)] if ">" in text else []
    )
    double = _QUOTATION if "“" in text or "«" in text else _STRAIGHT_QUOTATION if '"' in text else None
    quotations = [(m.start(), m.end()) for m in double.finditer(text, 0, own_end)] if double else []
    single_quotation = _SINGLE_QUOTATION if "‘" in text else _STRAIGHT_SINGLE_QUOTATION if "'" in text else None
    if single_quotation:
        single = [(m.start(), m.end()) for m in single_quotation.finditer(text, 0, own_end)]
        if single:
            quotations = sorted(
                quotations + [span for span in single if not _overlaps(quotations, *span)]
            )
    own_paragraphs = paragraphs(text, 0, own_end)
    sentences = split_sentences(text, own_paragraphs)
    doc = Document(text, own_end, quoted_lines, quotations, sentences, own_paragraphs, lower=lower)
    doc._sentence_starts = [s.start for s in sentences]
    return doc


class Positions:
    """Maps code-point offsets to UTF-16 offsets and 1-based line/column in one forward sweep.

    Queries must come in non-decreasing order; the total work is linear in the text length.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._offset = 0
        self._utf16 = 0
        self._line = 1
        self._line_start = 0

    def at(self, offset: int) -> tuple[int, int, int]:
        """(utf16 offset, line, column) of a code-point offset."""
        if offset < self._offset:  # out of order: restart (never happens in the engine's sweep)
            self.__init__(self._text)
        chunk = self._text[self._offset : offset]
        self._utf16 += utf16_length(chunk)
        newlines = chunk.count("\n")
        if newlines:
            self._line += newlines
            self._line_start = self._offset + chunk.rindex("\n") + 1
        self._offset = offset
        return self._utf16, self._line, offset - self._line_start + 1
