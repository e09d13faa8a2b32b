"""Building blocks shared by the phrase checks: safe regexes, negation and question tests.

All patterns are compiled through `rx()`, which makes a written space match any run of
whitespace (emails wrap lines) and a straight apostrophe match a curly one. Patterns use only
bounded gaps (`{0,60}`) and alternations of fixed words, so matching stays linear in the text.

Speed: one pass over the text finds which key strings occur (`present_keys`); a phrase runs only
when each of its key sets has one (`runnable_phrases`, worked out once per text for every
detector), and then only at its leading strings when it has them. What each pattern's key sets
and leading strings are is read from its parse tree once and cached in `phrase_facts.json`, and a
pattern is compiled only the first time it runs, so importing the checker compiles no phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .lazy_regex import FoldedRegex, LazyRegex, lowered
from .phrase_facts import KEY_WINDOW, cue_strings, pattern_facts  # noqa: F401  (KEY_WINDOW: part of this API)
from .registry import Hit
from .text import Document, word_token


def rx(pattern: str, flags: int = re.IGNORECASE) -> LazyRegex:
    """A pattern written with plain spaces (" " one or more, " ?" optional) and "'", compiled on
    first use (most patterns never run on a given email, and compiling all of them was most of
    the checker's start-up time)."""
    # Whitespace between words is bounded so that every pattern has a known maximum width.
    pattern = pattern.replace("'", "['’]").replace(" ?", r"\s?").replace(" ", r"\s{1,10}")
    return LazyRegex(pattern, flags)


# Words that show the author is reporting a rule, or saying they will NOT do the thing, when they
# appear earlier in the same clause: "I understand you cannot tell me where I am ranked".
NEGATION = rx(
    r"\b(?:not|never|no longer|cannot|can't|won't|don't|doesn't|didn't|shouldn't|mustn't|isn't"
    r"|aren't|wouldn't|couldn't|nor|neither|without(?! (?:a |any )?(?:doubt|question|hesitation|reservation))"
    r"|(?:I|we)(?: fully| completely| do| truly| certainly| now| also)? (?:understand|know|realize"
    r"|realise|recognize|recognise|appreciate|respect|acknowledge|am aware|are aware|have read)"
    r"|I'm aware|we're aware|aware that|understanding that|understand that|knowing that"
    r"|NRMP|match rules|rules?|polic(?:y|ies)|code of conduct|agreement|prohibit\w*|forbid\w*"
    r"|not allowed|not permitted|may not|must not|against)\b"
)
# Where a new clause starts, earlier negation no longer applies: "I know you are busy, but ..."
CLAUSE_BREAK = rx(
    r"(?:[;:]|\bbut\b|\bhowever\b|\banyway\b|\bregardless\b|, (?:yet|still|so|though|and yet)\b)"
)
# Plain negation only (no "I understand", no rule words): for checks where reporting does not excuse.
NEGATION_ONLY = rx(
    r"\b(?:not|never|no longer|cannot|can't|won't|don't|doesn't|didn't|shouldn't|mustn't|isn't|aren't"
    r"|wouldn't|couldn't|nor|neither|refuse to|no need to)\b"
)
# The sentence asks for something even without a question mark.
INQUIRY = rx(
    r"\b(?:(?:could|can|would|will) you (?:please |kindly )?(?:tell|let|share|inform|confirm|indicate"
    r"|give|advise|update|say|disclose|reveal|clarify|explain)"
    r"|please (?:tell|let|share|confirm|indicate|advise|inform|disclose|clarify|reply|respond|list|name)"
    r"|kindly (?:tell|let|share|confirm|indicate|advise|inform|disclose|list|name)"
    r"|let (?:me|us) know|tell (?:me|us)|inform (?:me|us)|share with (?:me|us)"
    r"|(?:I|we)(?: would|'d)? (?:like|love|want|wanted|need|needed) to (?:know|learn|hear|ask|understand|find out|confirm)"
    r"|(?:I|we)(?: would|'d) (?:appreciate|be grateful|value) (?:knowing|any|if|it|an?|your|some|hearing|learning)"
    r"|(?:I am|I'm|I was|we are|we were) (?:wondering|curious|hoping to (?:know|learn|hear|find out))"
    r"|wonder(?:ing)? (?:if|whether|where|how|what)|curious (?:about|if|whether|where|how|what)"
    r"|(?:any|some) (?:indication|sense|idea|insight|feedback|information|hint|clarity)"
    r"|(?:help(?:ful)?|useful|valuable|good|grateful|appreciate) (?:for )?(?:us |me )?to (?:know|hear|learn|understand)"
    r"|(?:give|share|offer) (?:me|us) (?:a|an) (?:indication|sense|idea|insight)"
    r"|ask(?:ing)? (?:you )?(?:where|how|if|whether|about|which|what)|we ask|we are asking|indicate)\b"
)

SHORT_TEXT = 300
# Above this length a phrase with no leading string is run only around its rarest key string.
WINDOWED_TEXT = 400
# Characters of context examined around a match for negation and inquiry cues.
PREFIX_WINDOW = 160
@dataclass(frozen=True)
class Phrase:
    """One pattern and the conditions under which a match counts.

    negatable: drop the match when the clause before it negates or reports a rule (True), only
        when it negates ("negation"), or never (False).
    question: keep the match only when its sentence asks (question mark or request words).
    not_after: drop the match when this pattern matches the few words just before it.
    not_before: drop the match when this pattern matches the words just after it.
    """

    pattern: LazyRegex
    negatable: bool | str = True
    question: bool = False
    not_after: FoldedRegex | None = None
    not_before: FoldedRegex | None = None
    # Sets of lower-case strings read from the pattern; every match contains at least one string
    # of each set. In a longer text the set with the fewest occurrences decides where to look.
    key_sets: tuple[tuple[str, ...], ...] = field(default=())
    width: int = 0  # the longest possible match, in characters (0: unknown)
    # Lower-case strings one of which every match starts with: the pattern is then tried only
    # at their occurrences (anchored), the cheapest way to run it.
    leading: tuple[str, ...] = field(default=())
    # True when every match starts at a word boundary: a leading string is then tried only where
    # a word starts ("I" at "I will", not inside "said").
    leading_words: bool = False
    id: int = -1  # position in the global list of phrases
    # Keep the match only when its sentence also contains this (e.g. a first-person word): lets a
    # broad meaning pattern ("where ... rank") stay about the author without fixing word order.
    requires: FoldedRegex | None = None
    # Lower-case strings one of which every match contains (empty: none known). The phrase is
    # looked at only when one of them occurs in the text.
    trigger: tuple[str, ...] = field(default=())
    # Every set here has a string in every match (the hand-given sets first, then key_sets).
    required: tuple[tuple[str, ...], ...] = field(default=())
    # Whole lower-case words one of which every match contains (for short words such as "me",
    # too common as substrings to be keys): the phrase is skipped when none is a word of the text.
    words: frozenset[str] = field(default=frozenset())
    # True when the leading strings are long enough to be in the key scan (then only those that
    # occur are looked up).
    leading_scanned: bool = False
    # The required sets other than the trigger, as sets: a phrase is only looked at because a
    # trigger string occurs, so these are all that is left to test.
    other_required: tuple[frozenset[str], ...] = field(default=())
    # What is run: `pattern` on the lower-case text where it can be (see FoldedRegex).
    run: FoldedRegex | None = None


def phrase(
    pattern: str,
    *,
    negatable: bool | str = True,
    question: bool = False,
    not_after: str | None = None,
    not_before: str | None = None,
    requires: str | None = None,
    keys: tuple = (),
    words: tuple[str, ...] = (),
    flags: int = re.IGNORECASE,
) -> Phrase:
    """`keys`: lower-case strings one of which every match contains (or several such sets), given
    by hand where the pattern's parse tree does not reveal them; tests check them on the corpus."""
    compiled = rx(pattern, flags)
    key_sets, width, leading, leading_words = pattern_facts(compiled)
    conditions = tuple(
        FoldedRegex(rx(source)) if source else None
        for source in (
            not_after and not_after + r"\s*$",
            not_before and r"^\s*" + not_before,
            requires,
        )
    )
    given = ((tuple(keys),) if isinstance(keys[0], str) else tuple(tuple(k) for k in keys)) if keys else ()
    trigger = given[0] if given else _trigger(key_sets, leading)
    required = _selective(given + key_sets + ((leading,) if leading else ()))
    item = Phrase(
        compiled,
        negatable,
        question,
        conditions[0],
        conditions[1],
        key_sets,
        width,
        leading,
        leading_words and all(key[:1].isalnum() for key in leading),
        len(_PHRASES),
        conditions[2],
        trigger,
        required,
        frozenset(words),
        len(leading) > 1 and min(len(key) for key in leading) >= 3,
        tuple(frozenset(keys) for keys in required if keys != trigger),
        FoldedRegex(compiled),
    )
    _PHRASES.append(item)
    return item


def _selective(key_sets: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The key sets worth testing: one with a one- or two-letter string (I, a, my) occurs in nearly
    every email, so it would slow the key scan and never save a pattern run."""
    return tuple(keys for keys in key_sets if min(len(key) for key in keys) >= 3)


def _trigger(key_sets: tuple[tuple[str, ...], ...], leading: tuple[str, ...]) -> tuple[str, ...]:
    if key_sets:
        return key_sets[0]
    if leading and min(len(key) for key in leading) >= 3:
        return leading
    return ()


# Every key string of every phrase, compiled into one prefix-tree regex tried at each position as a
# lookahead: one C-level pass finds the longest key starting at every offset; each key's own
# prefixes that are keys are added, giving exactly the set of keys that occur in a string.
# Keys made only of word characters cannot cross a word's edge, so the scan runs once per distinct
# word (and is remembered: an email's words are mostly words already seen); the few keys with
# other characters ("first-choice", "#1") are looked up in the whole text.
_KEY_SCAN: list = [None, None, (), -1]  # [compiled lookahead, key -> its prefixes that are keys, other keys, phrases seen]
_NO_KEYS: frozenset[str] = frozenset()
_WORD_KEYS: dict[str, frozenset[str]] = {}  # word -> the keys inside it
_WORD_KEYS_LIMIT = 50_000  # distinct words remembered before the memory is cleared (a few MB at most)


def _key_scan() -> tuple[re.Pattern[str], dict[str, frozenset[str]], tuple[str, ...]]:
    if _KEY_SCAN[3] != len(_PHRASES):
        keys = set()
        for item in _PHRASES:
            keys.update(item.trigger)
            for key_set in item.required:
                keys.update(key_set)
        keys.discard("")
        tree: dict = {}
        for key in keys:
            node = tree
            for char in key:
                node = node.setdefault(char, {})
            node[""] = {}
        _KEY_SCAN[0] = re.compile("(?=(" + _tree_pattern(tree) + "))", re.DOTALL)
        _KEY_SCAN[1] = {key: frozenset(key[:n] for n in range(1, len(key) + 1) if key[:n] in keys) for key in keys}
        _KEY_SCAN[2] = tuple(sorted(key for key in keys if not _is_word(key)))
        _KEY_SCAN[3] = len(_PHRASES)
        _WORD_KEYS.clear()
    return _KEY_SCAN[0], _KEY_SCAN[1], _KEY_SCAN[2]


def _is_word(key: str) -> bool:
    """True when the string is one run of word characters (a token of `Document.words`)."""
    return bool(key) and word_token.fullmatch(key) is not None


def _tree_pattern(node: dict) -> str:
    branches = [re.escape(char) + _tree_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def present_keys(doc: Document) -> frozenset[str]:
    """The phrase key strings that occur in the author's own text (lower case), computed once."""
    found = doc.cache.get("keys")
    if found is None and not doc.own_end:
        found = doc.cache["keys"] = _NO_KEYS  # nothing to scan (and no need to build the scan yet)
    if found is None:
        scan, prefixes, other_keys = _key_scan()
        memory = _WORD_KEYS
        parts = []
        for word in doc.word_set():
            keys = memory.get(word)
            if keys is None:
                if len(memory) >= _WORD_KEYS_LIMIT:
                    memory.clear()
                keys = memory[word] = _NO_KEYS.union(*[prefixes[key] for key in scan.findall(word)])
            if keys:
                parts.append(keys)
        own = doc.lower[: doc.own_end] if other_keys else ""
        extra = [key for key in other_keys if key in own]
        found = doc.cache["keys"] = _NO_KEYS.union(*parts, extra)
    return found


# Every phrase made (its position in this list is its id).
_PHRASES: list[Phrase] = []


def key_windows(doc: Document, item: Phrase) -> list[tuple[int, int]]:
    """Merged spans around each occurrence of the rarest key set; the whole own text when the
    pattern has no keys. A span reaches the pattern's maximum width either side of a key."""
    if not item.key_sets:
        return [(0, doc.own_end)]
    best, fewest = None, -1
    counts, lower, own_end = doc._counts, doc.lower, doc.own_end  # inlined: this runs per pattern
    for keys in item.key_sets:
        count = 0
        for key in keys:
            found = counts.get(key)
            if found is None:
                found = counts[key] = lower.count(key, 0, own_end)
            count += found
        if not count:
            return []
        if fewest < 0 or count < fewest:
            best, fewest = keys, count
    positions = sorted(p for key in best for p in doc.positions_of(key))
    reach = item.width + 1
    windows: list[list[int]] = []
    for position in positions:
        start, end = max(0, position - reach), min(doc.own_end, position + reach)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return [(s, e) for s, e in windows]


def clause_prefix(doc: Document, start: int) -> str:
    """The current clause before `start` (bounded), where negation would apply, in lower case."""
    sentence = doc.sentence_at(start)
    begin = max(sentence.start, start - PREFIX_WINDOW)
    prefix = doc.lower[begin:start] if begin < start else ""
    last = None
    for last in _CLAUSE_BREAK_LOWER.finditer(prefix):
        pass
    return prefix[last.end() :] if last else prefix


def is_negated(doc: Document, start: int, pattern: LazyRegex = NEGATION) -> bool:
    return may_occur(doc, pattern) and _on_lower(pattern).search(clause_prefix(doc, start)) is not None


def is_inquiry(doc: Document, start: int, end: int) -> bool:
    sentence = doc.sentence_at(start)
    if "?" in doc.text[end : max(end, sentence.end) + 1]:
        return True
    begin = max(sentence.start, start - PREFIX_WINDOW)
    return may_occur(doc, INQUIRY) and _INQUIRY_LOWER.search(doc.lower, begin, end) is not None


def _on_lower(regex: LazyRegex) -> LazyRegex:
    found = lowered(regex)
    if found is None:
        raise ValueError(f"a cue pattern must be writable for lower-case text: {regex.pattern[:60]!r}")
    return found


# The cue tests run on most candidate matches, on the lower-case text, where their plain patterns
# run several times faster than case-insensitive ones on the original.
_CLAUSE_BREAK_LOWER = _on_lower(CLAUSE_BREAK)
_INQUIRY_LOWER = _on_lower(INQUIRY)


def may_occur(doc: Document, regex: LazyRegex) -> bool:
    """False only when `regex` cannot match anywhere in the author's own text: none of its cue
    strings (one of which every match contains) occurs. Rules most emails out with a few
    substring tests, once per text and regex."""
    slot = ("may occur", id(regex))
    found = doc.cache.get(slot)
    if found is None:
        cues = regex.__dict__.get("cues")
        if cues is None:
            cues = regex.__dict__["cues"] = cue_strings(regex.pattern, regex.flags)
        own = doc.lower[: doc.own_end]
        found = doc.cache[slot] = not cues or any(cue in own for cue in cues)
    return found


def phrase_matches(
    doc: Document, phrases: Iterable[Phrase], *, quotations: bool = False
) -> Iterator[tuple[int, int]]:
    """Spans of the author's own text matching any phrase, after the phrase's conditions.

    Only phrases whose key strings all occur are run: from their leading strings when they have
    them (tried only there), else over the text, or around their rarest key in a longer text.
    Matches inside quotation marks are dropped unless `quotations` is True: a quoted rule or a
    quoted question is not the author's own statement.
    """
    phrases = phrases if isinstance(phrases, tuple) else tuple(phrases)
    todo = runnable_phrases(doc).intersection(phrase_ids(phrases))
    return _run(doc, todo, quotations) if todo else iter(())


def _run(doc: Document, todo: frozenset[int], quotations: bool) -> Iterator[tuple[int, int]]:
    own_end = doc.own_end
    for phrase_id in sorted(todo) if len(todo) > 1 else todo:  # ids grow in the tuple's order
        item = _PHRASES[phrase_id]
        if item.leading and own_end > SHORT_TEXT:
            yield from _matches_at(doc, item, _leading_positions(doc, item), quotations)
        elif own_end > WINDOWED_TEXT and item.key_sets:
            for window_start, window_end in key_windows(doc, item):
                yield from _matches_in(doc, item, window_start, window_end, quotations)
        else:
            yield from _matches_in(doc, item, 0, own_end, quotations)


def _leading_positions(doc: Document, item: Phrase) -> list[int]:
    """Where a match of the phrase can start: its leading strings (at a word start if it must)."""
    leading = present_keys(doc).intersection(item.leading) if item.leading_scanned else item.leading
    if len(leading) == 1:
        (key,) = leading
        return _word_starts_of(doc, key) if item.leading_words else doc.positions_of(key)
    positions = set()
    for key in leading:
        positions.update(_word_starts_of(doc, key) if item.leading_words else doc.positions_of(key))
    return sorted(positions)


def _word_starts_of(doc: Document, key: str) -> list[int]:
    """Offsets where the string occurs at the start of a word (cached per text and string)."""
    slot = ("word start", key)
    found = doc.cache.get(slot)
    if found is None:
        lower, own_end = doc.lower, doc.own_end
        if key.isalnum():
            # One C-level scan for the string (found fast as a literal prefix), kept where no letter
            # or digit (as str.isalnum() has it) comes before; such occurrences cannot overlap.
            at_word_start = _AT_WORD_START.get(key)
            if at_word_start is None:
                escaped = re.escape(key)
                at_word_start = _AT_WORD_START[key] = re.compile(f"{escaped}(?<![^\\W_]{escaped})")
            found = [m.start() for m in at_word_start.finditer(lower, 0, own_end)]
        else:
            found = [p for p in doc.positions_of(key) if p == 0 or not lower[p - 1].isalnum()]
        doc.cache[slot] = found
    return found


_AT_WORD_START: dict[str, re.Pattern[str]] = {}  # one per leading string, a few hundred at most


# Over every phrase, built once after the check modules made their phrases: each trigger string ->
# the ids of the phrases it can start; the ids of the phrases with no trigger (always looked at);
# each distinct required key set other than a trigger is numbered, each key string -> the numbers
# of the sets it is in, and each phrase -> the numbers of its sets. A text's present keys then give
# the satisfied numbers in a few set unions, and a phrase holds when its numbers are among them.
_INDEX: list = [None, None, None, None, -1]
# [trigger key -> phrase ids, keyless phrase ids, key -> set numbers, phrase id -> set numbers, phrases seen]


def runnable_phrases(doc: Document) -> frozenset[int]:
    """Ids of the phrases worth running on this text: every key set has a string that occurs and,
    if the phrase names words, one of them is a word of the text. Computed once per text for all
    detectors (each then runs its own share)."""
    found = doc.cache.get("runnable")
    if found is None:
        if _INDEX[4] != len(_PHRASES):
            _build_index()
        by_key, keyless, sets_of_key, sets_of_phrase, _ = _INDEX
        candidates = set(keyless)
        satisfied = set()
        for key in present_keys(doc):
            phrase_ids = by_key.get(key)
            if phrase_ids:
                candidates.update(phrase_ids)
            numbers = sets_of_key.get(key)
            if numbers:
                satisfied.update(numbers)
        runnable = []
        for phrase_id in candidates:
            if sets_of_phrase[phrase_id] <= satisfied:
                words = _PHRASES[phrase_id].words
                if not words or not words.isdisjoint(doc.word_set()):
                    runnable.append(phrase_id)
        found = doc.cache["runnable"] = frozenset(runnable)
    return found


def _build_index() -> None:
    by_key: dict[str, list[int]] = {}
    keyless = []
    numbers: dict[frozenset[str], int] = {}
    sets_of_key: dict[str, set[int]] = {}
    sets_of_phrase = []
    for item in _PHRASES:
        if not item.trigger:
            keyless.append(item.id)
        for key in item.trigger:
            by_key.setdefault(key, []).append(item.id)
        mine = set()
        for keys in item.other_required:  # the trigger set holds: that is how a phrase is found
            number = numbers.setdefault(keys, len(numbers))
            mine.add(number)
            for key in keys:
                sets_of_key.setdefault(key, set()).add(number)
        sets_of_phrase.append(frozenset(mine))
    _INDEX[:] = [
        {k: tuple(v) for k, v in by_key.items()},
        tuple(keyless),
        {k: tuple(v) for k, v in sets_of_key.items()},
        tuple(sets_of_phrase),
        len(_PHRASES),
    ]


# Per tuple of phrases: the ids of its phrases. Each tuple lists its phrases in the order they were
# made (ids grow along it), so running the ids in order runs the phrases in the tuple's order.
_PHRASE_IDS: dict[int, tuple] = {}


def phrase_ids(phrases: tuple) -> frozenset[int]:
    """The ids of a tuple of phrases (checked once: each listed once, in the order made)."""
    entry = _PHRASE_IDS.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        ids = [item.id for item in phrases]
        if ids != sorted(set(ids)):
            raise ValueError("a tuple of phrases must list them once each, in the order they were made")
        entry = _PHRASE_IDS[id(phrases)] = (phrases, frozenset(ids))
    return entry[1]


def _matches_at(doc: Document, item: Phrase, positions, quotations: bool) -> Iterator[tuple[int, int]]:
    """Try the pattern at each position in order, skipping positions inside an earlier match."""
    text = _subject(doc, item.run)  # first: it compiles the pattern on first use
    match_at = item.run.match
    covered = -1
    for position in positions:
        if position < covered:
            continue
        match = match_at(text, position, doc.own_end)
        if match is None:
            continue
        covered = match.end()
        if _accept(doc, item, match.start(), match.end(), quotations):
            yield match.start(), match.end()


def _matches_in(
    doc: Document, item: Phrase, begin: int, stop: int, quotations: bool
) -> Iterator[tuple[int, int]]:
    text = _subject(doc, item.run)  # first: it compiles the pattern on first use
    for match in item.run.finditer(text, begin, stop):
        if _accept(doc, item, match.start(), match.end(), quotations):
            yield match.start(), match.end()


def _subject(doc: Document, run: FoldedRegex) -> str:
    """The text a folded regex reads: the lower-case text or the original."""
    if run.on_lower is None:
        run.compiled()
    return doc.lower if run.on_lower else doc.text


def _accept(doc: Document, item: Phrase, start: int, end: int, quotations: bool) -> bool:
    """Whether a raw match counts: the author's own words, not quoted, negated or excluded."""
    if start == end or end > doc.own_end:
        return False
    if doc.quoted_lines and not doc.is_own(start, end):
        return False
    if not quotations and doc.quotations and doc.in_quotation(start, end):
        return False
    if item.not_after:
        text = _subject(doc, item.not_after)
        if item.not_after.search(text, max(0, start - 40), start):
            return False
    if item.not_before:
        text = _subject(doc, item.not_before)
        if item.not_before.match(text[end : end + 60]):
            return False
    if item.requires is not None:
        sentence = doc.sentence_at(start)
        text = _subject(doc, item.requires)
        if item.requires.search(text, sentence.start, max(end, sentence.end)) is None:
            return False
    if item.negatable and is_negated(doc, start, NEGATION_ONLY if item.negatable == "negation" else NEGATION):
        return False
    return not (item.question and not is_inquiry(doc, start, end))


def phrase_hits(
    category: str, doc: Document, phrases: Iterable[Phrase], *, quotations: bool = False
) -> Iterable[Hit]:
    phrases = phrases if isinstance(phrases, tuple) else tuple(phrases)
    todo = runnable_phrases(doc).intersection(phrase_ids(phrases))
    if not todo:
        return ()  # none of these phrases can match: most detectors on most emails, kept cheap
    return (Hit(category, start, end) for start, end in _run(doc, todo, quotations))
