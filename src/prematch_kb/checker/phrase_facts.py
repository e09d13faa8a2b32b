"""What the checker knows about each phrase pattern before running it, and the cache of it.

Read from a regex's parse tree: strings every match must contain (key sets), the longest possible
match, the strings every match starts with, and whether matches start at a word boundary. The
engine uses them to skip patterns whose strings do not occur and to run the rest only where they
can match (see `patterns`).

Parsing every pattern at import was most of the checker's start-up time (and in the browser most
of the wait before the page is ready), so the facts are kept in `phrase_facts.json`, keyed by the
exact pattern text and flags. A pattern that is not in the cache (edited since the cache was
written) is parsed as before: the cache can make the checker slower to start, never different.
Regenerate it with `prematch-kb phrase-facts` (`--check` exits 1 when stale);
a test requires it to be current.
"""

from __future__ import annotations

import json
from pathlib import Path

FACTS_PATH = Path(__file__).with_name("phrase_facts.json")
SCHEMA = "prematch-kb/phrase-facts"
# A pattern is only run near the places where one of its keys occurs: this far either side, which
# is longer than any match of the bounded patterns here.
KEY_WINDOW = 800
# Words too common to make a key worth using for skipping text.
_COMMON = frozenset(
    "a an and are as at be been can could did do for have how i if in is it me my not of on our"
    " program the this to us was we were what when where will with would you your time back know"
    " there their them they".split()
)

# (key sets, width, leading strings, leading_words)
Facts = tuple[tuple[tuple[str, ...], ...], int, tuple[str, ...], bool]

_CACHE: list[dict[str, Facts] | None] = [None]


def cache_key(source: str, flags: int) -> str:
    return f"{flags}:{source}"


def _cache() -> dict[str, Facts]:
    cache = _CACHE[0]
    if cache is None:
        try:
            data = json.loads(FACTS_PATH.read_text(encoding="utf-8"))
            entries = data["facts"] if data.get("schema") == SCHEMA else {}
            cache = {
                key: (tuple(tuple(keys) for keys in sets), width, tuple(leading), bool(words))
                for key, (sets, width, leading, words) in entries.items()
            }
        except (OSError, ValueError, KeyError, TypeError):
            cache = {}  # no usable cache: every pattern is parsed (slower start, same results)
        _CACHE[0] = cache
    return cache


def pattern_facts(pattern) -> Facts:
    """The facts of a pattern (anything with `.pattern` and `.flags`): from the committed cache
    when it holds them, else read from the parse tree."""
    cached = _cache().get(cache_key(pattern.pattern, pattern.flags))
    if cached is not None:
        return cached
    return read_facts(pattern.pattern, pattern.flags)


def read_facts(source: str, flags: int) -> Facts:
    """(key sets, maximum match width, leading strings, whether matches start at a word boundary),
    read from the regex's parse tree.

    Uses the standard library's own regex parser (the same in CPython and Pyodide); on any
    surprise it gives up, and the pattern is simply run over the whole text.
    """
    try:
        from re import _constants, _parser  # noqa: PLC0415 - private, guarded

        tree = _parser.parse(source, flags)
        width = tree.getwidth()[1]
        candidates = _candidates(tree, _constants)
        leading = _leading(tree, _constants)
        at_boundary = bool(tree.data) and tree.data[0] == (_constants.AT, _constants.AT_BOUNDARY)
    except Exception:  # pragma: no cover - a future parser change only costs speed
        return (), 0, (), False
    if leading:
        shortest = min(len(s) for s in leading)
        whole_words = at_boundary and all(s.isalnum() for s in leading if len(s) < 3)
        if len(leading) > 40 or (shortest < 3 and not whole_words):
            leading = None
    leading_keys = tuple(sorted({s.lower() for s in leading})) if leading else ()
    words = bool(leading_keys) and at_boundary
    if width > KEY_WINDOW:
        return (), 0, leading_keys, words
    sets = {tuple(sorted({k.lower() for k in keys})) for keys in candidates if keys}
    # Keep the few sets most likely to be absent from an ordinary email, most selective first:
    # no very common word, long keys, few alternatives.
    ranked = sorted(
        (s for s in sets if min(len(k) for k in s) >= 3 and len(s) <= 16),
        key=lambda s: (any(k in _COMMON for k in s), -min(len(k) for k in s), len(s), s),
    )
    return tuple(ranked[:3]), width, leading_keys, words


def _leading(sequence, c) -> set[str] | None:
    """Literal strings one of which starts every match, or None."""
    prefix = ""
    for op, av in sequence:
        if op is c.AT and not prefix:
            continue  # \b before the first word
        if op is c.LITERAL:
            prefix += chr(av)
            continue
        if op in (c.BRANCH, c.SUBPATTERN):
            alternatives = av[1] if op is c.BRANCH else [av[-1]]
            starts = [_leading(alt, c) for alt in alternatives]
            if all(starts):
                return {prefix + start for found in starts for start in found}
        break
    return {prefix} if prefix else None


def _candidates(sequence, c) -> list[set[str]]:
    """Every key set found along the top level of a parsed sequence."""
    found = _required(sequence, c, every=True)
    return found or []


def _selective(keys: set[str]) -> tuple:
    """How well a key set rules text out: no very common word, then long strings."""
    return (not any(k.lower() in _COMMON for k in keys), min(len(k) for k in keys))


def _longest(keys: set[str]) -> int:
    return min(len(k) for k in keys)


def cue_strings(source: str, flags: int) -> frozenset[str]:
    """Lower-case strings one of which every match of the regex contains, chosen long (so that an
    ordinary text often has none of them); empty when the parse tree does not show any."""
    try:
        from re import _constants, _parser  # noqa: PLC0415 - private, guarded

        sets = _required(_parser.parse(source, flags), _constants, every=True, rank=_longest) or []
    except Exception:  # pragma: no cover - a future parser change only costs speed
        return frozenset()
    sets = [keys for keys in sets if keys]
    return frozenset(k.lower() for k in max(sets, key=_longest)) if sets else frozenset()


def _required(sequence, c, every: bool = False, rank=_selective):
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in sequence:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        found = None
        if op is c.BRANCH:
            alternatives = [_required(alt, c, rank=rank) for alt in av[1]]
            if alternatives and all(alternatives):
                found = set().union(*alternatives)
        elif op is c.SUBPATTERN:
            found = _required(av[-1], c, rank=rank)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            found = _required(av[2], c, rank=rank)
        if found:
            candidates.append(found)
    if run:
        candidates.append({"".join(run)})
    if every:
        return candidates
    if not candidates:
        return None
    return max(candidates, key=rank)


def current_facts() -> dict:
    """The cache file's content for the phrases the checker defines now (parsed afresh)."""
    from . import checks  # noqa: F401, PLC0415  (defines every phrase)
    from .patterns import _PHRASES  # noqa: PLC0415

    facts = {}
    for item in _PHRASES:
        source, flags = item.pattern.pattern, item.pattern.flags
        sets, width, leading, words = read_facts(source, flags)
        facts[cache_key(source, flags)] = [[list(keys) for keys in sets], width, list(leading), words]
    return {"schema": SCHEMA, "version": 1, "facts": facts}


def render(data: dict) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def is_current() -> bool:
    try:
        return FACTS_PATH.read_text(encoding="utf-8") == render(current_facts())
    except OSError:
        return False


def write_facts() -> bool:
    """Rewrite the cache for the phrases defined now; True when the file changed."""
    expected = render(current_facts())
    try:
        if FACTS_PATH.read_text(encoding="utf-8") == expected:
            return False
    except OSError:
        pass
    FACTS_PATH.write_text(expected, encoding="utf-8")
    return True
