"""Rules as data (rules/<category>.json), read against each sentence's concepts.

A rule holds when, in one of the author's own sentences (or, for `"pair": true`, a sentence read
together with the one before it), every group in `all` has a pattern that matches, the sentence
every `also` pattern matches somewhere (without widening the finding), the sentence
is of the kind `when` asks for (an inquiry (a question or a request), a question, a statement,
or any), no `unless` pattern matches anywhere in it, no `unless_others` (someone else acts) or
`unless_in_clause` pattern matches in the match's own clause, and
the scope allows it: words in quotation marks, reported speech ("my advisor told me ...") and a
negation just before or inside the match ("I would never ask ...") drop a candidate unless the rule
says `"negation": "ignored"`. `explain()` gives every candidate with the reason it was kept or
dropped. An exception several rules share is written once in exceptions.json and named in a
rule's list as "@name".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache, reduce
from operator import or_
from pathlib import Path
from typing import NamedTuple

from .lexicon import load_lexicon
from .pattern import PatternError, compile_pattern, concepts_of, match, match_present
from .retold import retells
from .sentence import Reading, read

RULES_DIR = Path(__file__).with_name("rules")
# Exceptions several rules share, each written once: a rule names one as "@name" in its lists.
SHARED_EXCEPTIONS = Path(__file__).with_name("exceptions.json")
WHEN = ("any", "inquiry", "question", "statement")
AGENT_REACH = 4  # tokens after a match in which "by another hospital" names who acted
THIRD_PARTY_REACH = 5  # tokens before a match in which another person is read as its subject
POLICY_AFTER_REACH = 12  # tokens after a match's start in which "is not allowed" still judges it


class Rule(NamedTuple):
    id: str
    category: str
    mode: str
    groups: tuple[tuple[tuple, ...], ...]  # all of these groups; any pattern of a group
    also: tuple[tuple, ...]  # must match somewhere in the sentence, without widening the finding
    unless: tuple[tuple, ...]
    unless_others: tuple[tuple, ...]  # exceptions that show the act is someone else's
    unless_in_clause: tuple[tuple, ...]  # exceptions that hold only in the match's own clause
    unless_in_text: tuple[tuple, ...]  # exceptions read in any of the author's sentences
    when: str
    pair: bool
    negation: str
    reported: str
    needs: frozenset[str]  # concepts every match needs: the rule is skipped when one is absent
    # Per group and pattern, what each required element may be (concepts and words): a sentence
    # lacking one of them is not tried with the pattern.
    pattern_needs: tuple[tuple[tuple[frozenset[str], ...], ...], ...] = ()
    # The same tests as bit masks over `bits` (one bit a concept or word), the rarest first (see
    # `_with_masks`): `required` holds for the rule as a whole (its needs, and per group the
    # anchors: one of the rarest elements of its patterns), `pattern_masks` pattern by pattern.
    bits: dict[str, int] | None = None
    required: tuple[int, ...] = ()
    pattern_masks: tuple[tuple[tuple[int, ...], ...], ...] = ()


class Candidate(NamedTuple):
    rule: Rule
    start: int  # offsets in the text
    end: int
    kept: bool
    reason: str
    words: str


class RuleError(ValueError):
    pass


def load_shared_exceptions(path: Path = SHARED_EXCEPTIONS) -> dict[str, tuple[tuple, ...]]:
    """The shared exceptions by name, compiled: each a list of patterns with a line saying what
    they recognise (compiled once, however many rules name them)."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    shared = {}
    for name, entry in data["exceptions"].items():
        if not entry.get("about") or not entry.get("patterns"):
            raise RuleError(f"{path.name}: exception {name!r} needs an 'about' and at least one pattern")
        try:
            shared[name] = tuple(compile_pattern(p) for p in entry["patterns"])
        except PatternError as error:
            raise RuleError(f"{path.name}: exception {name!r}: {error}") from error
    return shared


def _patterns(raw: dict, key: str, shared: dict[str, tuple[tuple, ...]], where: str) -> tuple[tuple, ...]:
    """A rule's list of patterns compiled, each "@name" replaced by the shared patterns it names."""
    compiled: list[tuple] = []
    for item in raw.get(key, ()):
        if item.startswith("@"):
            if item[1:] not in shared:
                raise RuleError(f"{where}: {key} names {item}, which {SHARED_EXCEPTIONS.name} does not define")
            compiled += shared[item[1:]]
        else:
            compiled.append(compile_pattern(item))
    return tuple(compiled)


def load_rules(directory: Path = RULES_DIR, shared_path: Path = SHARED_EXCEPTIONS) -> tuple[Rule, ...]:
    lexicon = load_lexicon()
    known = set(lexicon.concepts) | {r for roles in lexicon.roles.values() if isinstance(roles, dict) for r in roles}
    shared = load_shared_exceptions(shared_path)
    rules = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for raw in data["rules"]:
            where = f"{path.name}: rule {raw.get('id', '?')}"
            groups = tuple(tuple(compile_pattern(p) for p in group) for group in raw["all"])
            unless = _patterns(raw, "unless", shared, where)
            also = _patterns(raw, "also", shared, where)
            others = _patterns(raw, "unless_others", shared, where)
            in_clause = _patterns(raw, "unless_in_clause", shared, where)
            in_text = _patterns(raw, "unless_in_text", shared, where)
            for pattern in [*(p for g in groups for p in g), *unless, *also, *others, *in_clause, *in_text]:
                unknown = concepts_of(pattern) - known
                if unknown:
                    raise RuleError(f"{where}: unknown concept(s) {', '.join(sorted(unknown))}")
            when = raw.get("when", "any")
            if when not in WHEN:
                raise RuleError(f"{where}: when must be one of {', '.join(WHEN)}")
            # Derived, never kept by hand: a concept present in every pattern of a group is needed.
            needs = set()
            for group in groups:
                common = None
                for pattern in group:
                    required = {e.alternatives[0] for e in pattern if len(e.alternatives) == 1 and not e.optional
                                and not e.alternatives[0].startswith("'")}
                    common = required if common is None else common & required
                needs |= common or set()
            rules.append(Rule(
                id=raw["id"], category=data["category"], mode=data["mode"], groups=groups, also=also,
                unless=unless, unless_others=others, unless_in_clause=in_clause, unless_in_text=in_text,
                when=when, pair=bool(raw.get("pair")), negation=raw.get("negation", "drops"),
                reported=raw.get("reported", "drops"), needs=frozenset(needs),
                pattern_needs=tuple(tuple(_pattern_needs(p) for p in group) for group in groups),
            ))
    return _with_masks(rules)


def _with_masks(loaded: list[Rule]) -> tuple[Rule, ...]:
    """Give every concept and word the rules' patterns need a bit, and each rule its tests as masks.

    Each test is a mask of the names one of which must be present, and the tests are ordered
    rarest first, so that a sentence fails a rule at its first test. How rare a name is is
    judged by how many patterns need it: one that many need ("my", "the", APPLICANT, BE) is a
    general word found in most sentences, one that few need ("waive", "strings") is specific and
    absent from most. Only the order of the tests depends on this, never their outcome."""
    uses: dict[str, int] = {}  # name -> how many required elements of patterns it is one of
    for rule in loaded:
        for group in rule.pattern_needs:
            for needs in group:
                for need in needs:
                    for name in need:
                        uses[name] = uses.get(name, 0) + 1

    def commonness(names) -> int:  # the more, the likelier a sentence holds one of the names
        return sum(uses[name] for name in names)

    # The commonest names get the lowest bits: `p & m` costs with the length of the shorter number,
    # and the tests that run most (those after a rule's rarest, see `_viability`) are on common names.
    bits = {name: 1 << position for position, name in enumerate(sorted(uses, key=lambda n: (-uses[n], n)))}

    def mask(names) -> int:
        return sum(bits[name] for name in set(names))

    finished = []
    for rule in loaded:
        pattern_needs = tuple(
            tuple(tuple(sorted(needs, key=lambda need: (commonness(need), sorted(need)))) for needs in group)
            for group in rule.pattern_needs
        )
        required = [frozenset((name,)) for name in rule.needs]
        for group in pattern_needs:
            if all(group):  # every pattern needs something: one of their rarest elements is needed
                required.append(frozenset().union(*(needs[0] for needs in group)))
        required.sort(key=lambda names: (commonness(names), sorted(names)))
        finished.append(rule._replace(
            bits=bits,
            pattern_needs=pattern_needs,
            required=tuple(dict.fromkeys(mask(names) for names in required)),
            pattern_masks=tuple(tuple(tuple(mask(n) for n in needs) for needs in group) for group in pattern_needs),
        ))
    return tuple(finished)


def mask_of(reading: Reading, bits: dict[str, int]) -> int:
    """The bits of the concepts and words a reading holds (remembered with the reading)."""
    found = reading.judged.get("mask")
    if found is None:
        get = bits.get
        found = 0
        for name in reading.spans:
            found |= get(name, 0)
        for name in reading.words:
            found |= get(name, 0)
        reading.judged["mask"] = found
    return found


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    return load_rules()


@lru_cache(maxsize=1)
def rule_categories() -> frozenset[str]:
    return frozenset(rule.category for rule in rules())


def candidates(doc, mode: str):
    """Every candidate of every rule of the mode in the author's own sentences (kept or dropped).
    A rule's `unless_in_text` is read in every one of the author's sentences: a follow-up that
    brings news anywhere in the email is an update, not a nudge."""
    found = list(_sentence_candidates(doc, mode))
    if not any(c.kept and c.rule.unless_in_text for c in found):
        return found
    lexicon = load_lexicon()
    readings = [read(s.text, lexicon, mode) for s in doc.sentences if doc.is_own(s.start, s.end)]
    return [
        c._replace(kept=False, reason="an exception of the rule matches elsewhere in the text")
        if c.kept and c.rule.unless_in_text
        and any(match(p, r) is not None for r in readings for p in c.rule.unless_in_text)
        else c
        for c in found
    ]


def _sentence_candidates(doc, mode: str):
    lexicon = load_lexicon()
    single, paired = _rules_of(mode)
    readings = [
        read(sentence.text, lexicon, mode) if doc.is_own(sentence.start, sentence.end) else None
        for sentence in doc.sentences
    ]
    if mode == "received":
        readings = _with_retold(doc, readings, lexicon)
    among, pairs_among = _could_match_the_text(readings, single, paired)
    previous = None
    previous_reading: Reading | None = None
    for sentence, reading in zip(doc.sentences, readings, strict=True):
        if reading is None:
            previous = previous_reading = None
            continue
        if reading.spans:  # a sentence without a single known word ("!!!", "Best,") can match nothing
            for rule, first, last, reason in _verdicts(reading, single, "single", among):
                yield _candidate(rule, reading, sentence.start, first, last, reason, doc)
            if previous is not None and previous_reading is not None and pairs_among != [] and _pair_may_match(
                paired, reading, previous_reading, pairs_among
            ):
                told = "retold" if reading.retold or previous_reading.retold else mode
                pair = read(doc.text[previous.start : sentence.end], lexicon, told)
                for rule, first, last, reason in _verdicts(pair, paired, "paired"):
                    yield _candidate(rule, pair, previous.start, first, last, reason, doc)
        previous, previous_reading = sentence, reading


def _with_retold(doc, readings: list[Reading | None], lexicon) -> list[Reading | None]:
    """The received readings, those of retold sentences read again with the roles of a retelling
    (see `retold`)."""
    result: list[Reading | None] = []
    after_retold = False
    for sentence, reading in zip(doc.sentences, readings, strict=True):
        if reading is not None and reading.spans and retells(
            reading, _program_voice(doc, sentence.start, reading), after_retold
        ):
            reading = read(sentence.text, lexicon, "retold")
        after_retold = reading is not None and reading.retold
        result.append(reading)
    return result


def _program_voice(doc, offset: int, reading: Reading) -> bool:
    """Whether the sentence says "you" or "we" outside quotation marks, as a program writing to
    the applicant does ("Dr. Hale asked me to check whether you intend to rank our program")."""
    spans = [*reading.spans.get("SECOND", ()), *reading.spans.get("FIRST_PL", ())]
    if not spans:
        return False
    if not doc.quotations:
        return True
    tokens = reading.tokens
    return any(not doc.in_quotation(offset + tokens[s].start, offset + tokens[e - 1].end) for s, e in spans)


def _could_match_the_text(readings, single: RuleIndex, paired: RuleIndex) -> tuple[list[int] | None, list[int] | None]:
    """The single-sentence rules and the pair rules that could match the text's own sentences
    (`readings`, None for the others) all together, or None where not worth finding.

    A rule that could not match the concepts and words of all the sentences together matches none
    of them: found once for the text, only these rules are tried sentence by sentence (the test is
    the same, the answer for a sentence too). Finding them costs about what trying all the rules
    on a few sentences costs: worth it for a text of several sentences, for its pairs of
    sentences, and for its sentences themselves when several are new (while a visitor types,
    most have been judged before)."""
    if len(readings) < _FEW_SENTENCES:
        return None, None
    bits = next((index.rules[0].bits for index in (single, paired) if index.rules), None) or {}  # one for all
    together = bits.get("NAME", 0)  # (two sentences read together may open the second with a NAME)
    for reading in readings:
        if reading is not None:
            together |= mask_of(reading, bits)
    # (rule by rule: the index `viable` uses pays off on one sentence, not on a whole text's words)
    new = sum(1 for reading in readings if reading is not None and reading.spans and "single" not in reading.judged)
    among = single.viable_among(together, list(range(len(single.rules)))) if new >= _FEW_SENTENCES else None
    return among, paired.viable_among(together, list(range(len(paired.rules))))


_FEW_SENTENCES = 3
_ALTERNATIVES_TESTED_ONE_BY_ONE = 5


def _absorbed(group: tuple[tuple[int, ...], ...]) -> list[tuple[int, ...]]:
    """A group's patterns' tests, simplified without changing what they accept: within a pattern a
    mask that another of its masks lies inside adds nothing (that one present, so is this), and a
    pattern whose tests include all of another's adds nothing to their `or`. Tests keep their order."""
    simplified: dict[frozenset[int], tuple[int, ...]] = {}
    for masks in group:
        kept = tuple(m for m in masks if not any(o != m and o & m == o for o in masks))
        simplified.setdefault(frozenset(kept), kept)
    return [kept for tests, kept in simplified.items() if not any(other < tests for other in simplified)]


class RuleIndex(NamedTuple):
    """The rules of one mode and kind (single sentences or pairs) with one test that names, from
    the mask of a sentence's concepts and words, the rules that could match it (see `_viability`)."""

    rules: tuple[Rule, ...]
    viable: Callable[[int], list[int]]  # mask -> positions in `rules`, in file order
    # (mask, positions) -> those of the positions `viable` would name, in their order
    viable_among: Callable[[int, list[int]], list[int]]

    def __bool__(self) -> bool:
        return bool(self.rules)


def _index(active: list[Rule]) -> RuleIndex:
    return RuleIndex(tuple(active), *_viability(active))


def _viability(active: list[Rule]) -> tuple[Callable[[int], list[int]], Callable[[int, list[int]], list[int]]]:
    """One function naming, from a sentence's mask, the rules that could match it: a rule could
    match only when each of its groups has a pattern whose every required element is present.
    Nearly every rule fails on nearly every sentence at its rarest test (its first `required`
    mask), so the rules are indexed by the bits of that mask, their anchor: only the rules
    anchored on a bit the sentence holds are tested further, by their remaining tests written
    out as one compiled expression per rule (an `and`/`or` chain stops at the first test that
    fails, sooner than a loop over the masks)."""
    anchored: dict[int, int] = {}  # an anchor bit -> the rules anchored on it, one bit a position
    unanchored = 0  # the rules that need nothing in particular: always tested
    names: dict[int, str] = {}  # each distinct mask a global of the functions: short source, fast to compile

    def test(mask: int) -> str:
        return "p & " + names.setdefault(mask, f"m{len(names)}")

    def any_of(patterns: list[tuple[int, ...]]) -> str:
        """A test that one of the patterns has all its masks present, each mask shared by the
        patterns' first tests tested once ("a and (b or c)" for "a and b or a and c")."""
        by_first: dict[int, list[tuple[int, ...]]] = {}
        for masks in patterns:
            by_first.setdefault(masks[0], []).append(masks[1:])
        alternatives = []
        for first, rests in by_first.items():
            if any(not rest for rest in rests):  # the first mask alone is enough
                alternatives.append((first, test(first)))
            else:
                alternatives.append((first, f"({test(first)} and ({any_of(rests)}))"))
        if len(alternatives) <= _ALTERNATIVES_TESTED_ONE_BY_ONE:
            return " or ".join(text for _, text in alternatives)
        # Many alternatives, most failing on most sentences: tried in bundles of alternatives on names
        # alike in how common they are (by the lowest bit of their first masks, its commonest name),
        # a bundle only when one of its first masks is present. (Their order changes no answer.)
        alternatives.sort(key=lambda alternative: (alternative[0] & -alternative[0]).bit_length())
        bundles = []
        for start in range(0, len(alternatives), _ALTERNATIVES_TESTED_ONE_BY_ONE):
            bundle = alternatives[start : start + _ALTERNATIVES_TESTED_ONE_BY_ONE]
            either = " or ".join(text for _, text in bundle)
            bundles.append(f"({test(reduce(or_, (first for first, _ in bundle)))} and ({either}))")
        return " or ".join(bundles)

    lines = []
    for position, rule in enumerate(active):
        if rule.required:
            anchor = rule.required[0]
            while anchor:
                bit = anchor & -anchor
                anchored[bit] = anchored.get(bit, 0) | 1 << position
                anchor ^= bit
        else:
            unanchored |= 1 << position
        tests = [test(mask) for mask in rule.required[1:]]
        for group in rule.pattern_masks:
            if any(not masks for masks in group):
                continue  # a pattern that needs nothing: the group never rules a sentence out
            tests.append(f"({any_of(_absorbed(group))})")
        lines.append(f"def rule_{position}(p):")
        lines.append(f"    return {' and '.join(tests) or 'True'}")
    lines.append(f"tests = ({''.join(f'rule_{position}, ' for position in range(len(active)))})")
    namespace: dict = {name: mask for mask, name in names.items()}
    # The code is made from the rules' masks alone, never from text.
    exec(compile("\n".join(lines), "<meaning rules>", "exec"), namespace)
    tests = namespace["tests"]
    anchors = sum(anchored)

    def viable(present: int) -> list[int]:
        candidates = unanchored
        held = present & anchors  # the anchor bits the sentence holds
        while held:
            bit = held & -held
            candidates |= anchored[bit]
            held ^= bit
        positions = []
        while candidates:  # the lowest position first: file order
            bit = candidates & -candidates
            position = bit.bit_length() - 1
            if tests[position](present):
                positions.append(position)
            candidates ^= bit
        return positions

    # A rule that needs nothing in particular is anchored on a bit above every name's, which every
    # sentence is taken to hold.
    always = 1 << max((mask.bit_length() for rule in active for mask in rule.required), default=0)
    firsts = [rule.required[0] if rule.required else always for rule in active]

    def viable_among(present: int, positions: list[int]) -> list[int]:
        held = present | always
        return [position for position in positions if held & firsts[position] and tests[position](present)]

    return viable, viable_among


@lru_cache(maxsize=4)
def _rules_of(mode: str) -> tuple[RuleIndex, RuleIndex]:
    active = [rule for rule in rules() if rule.mode == mode]
    return _index([r for r in active if not r.pair]), _index([r for r in active if r.pair])


def _verdicts(reading: Reading, active: RuleIndex, key: str, among: list[int] | None = None) -> list:
    """The rules that match a sentence, with where and why dropped; a sentence's verdicts depend
    on the sentence alone, so they are worked out once per reading and remembered. `among`: the
    only rules that could match (those that could match the whole text), when known."""
    found = reading.judged.get(key)  # a short key: hashing the rules themselves costs more than the work
    if found is None:
        found = reading.judged[key] = []
        if not active.rules:
            return found
        present = mask_of(reading, active.rules[0].bits or {})
        for position in active.viable(present) if among is None else active.viable_among(present, among):
            rule = active.rules[position]
            judged = _judge(rule, reading, present)
            if judged is not None:
                found.append((rule, *judged))
    return found


def _candidate(rule: Rule, reading: Reading, offset: int, first: int, last: int, reason, doc) -> Candidate:
    tokens = reading.tokens
    start, end = offset + tokens[first].start, offset + tokens[last - 1].end
    if reason is None and not reading.retold and doc.in_quotation(start, end):  # (retold: the program's words)
        reason = "inside quotation marks"
    kept = "kept (a retold sentence, read as the program's own words)" if reading.retold else "kept"
    return Candidate(rule, start, end, reason is None, reason or kept, doc.text[start:end])


def _pair_may_match(paired: RuleIndex, reading: Reading, previous: Reading, among: list[int] | None) -> bool:
    """Whether a rule for two sentences read together could match them: it needs its concepts and
    words in one or the other (read together, a capitalised word opening the second is a NAME).
    `among`: the only rules that could (those that could for the whole text), when known."""
    if not paired.rules:
        return False
    bits = paired.rules[0].bits or {}
    present = mask_of(reading, bits) | mask_of(previous, bits) | bits.get("NAME", 0)
    return bool(paired.viable(present) if among is None else paired.viable_among(present, among))


def _pattern_needs(pattern) -> tuple[frozenset[str], ...]:
    required = [frozenset(e.concepts) | e.words for e in pattern if not e.optional]
    return tuple(sorted(required, key=len))


def _judge(rule: Rule, reading: Reading, present: int) -> tuple[int, int, str | None] | None:
    """Where the rule matches in the sentence (first and one-past-last token) and why it is
    dropped (None: kept), or None when it does not match at all. `present`: the mask of the
    sentence's concepts and words (`mask_of`), for the patterns' quick test."""
    found = []
    for group, masks_of_group in zip(rule.groups, rule.pattern_masks, strict=True):
        for pattern, masks in zip(group, masks_of_group, strict=True):
            for needed in masks:
                if not needed & present:
                    break
            else:
                where = match_present(pattern, reading)
                if where is not None:
                    found.append(where)
                    break
        else:
            return None
    if rule.also and all(match(pattern, reading) is None for pattern in rule.also):
        return None
    first = min(start for start, _ in found)
    last = max(end for _, end in found)
    return first, last, _dropped(rule, reading, first, last)


def _dropped(rule: Rule, reading: Reading, first: int, last: int) -> str | None:
    # Scope first: words that are not the author's own act are dropped whatever else holds, and
    # the reason then also drops a phrase finding on the same words.
    words = reading.texts
    clause_start = _clause_start(reading, first)
    policy = _policy(reading, first)
    if policy:
        return policy
    if rule.negation == "drops":
        for s in _negations(reading):
            if clause_start <= s < last:
                return f"negated by {words[s]!r}"
    if rule.reported == "drops":
        reason = _reported(rule, reading, first, last)
        if reason:
            return reason
    if _reaches_clause(rule.unless_others, reading, clause_start):
        return "about someone else's act"
    if _reaches_clause(rule.unless_in_clause, reading, clause_start):
        return "an exception of the rule matches in its clause"
    for pattern in rule.unless:
        if match(pattern, reading) is not None:
            return "an exception of the rule matches"
    if rule.when == "inquiry" and not _is_inquiry(reading):
        return "not a question or request"
    if rule.when == "question" and not reading.question:
        return "not a question"
    if rule.when == "statement" and reading.question:
        return "a question, not a statement"
    return None


def _reaches_clause(patterns: tuple[tuple, ...], reading: Reading, clause_start: int) -> bool:
    """Whether one of the patterns matches words that reach into the clause a match starts in."""
    for pattern in patterns:
        where = match(pattern, reading)
        if where is not None and where[1] > clause_start:
            return True
    return False


def _policy(reading: Reading, first: int) -> str | None:
    """A statement of the rules governs the rest of its sentence ("Programs are not allowed to ask
    where you will rank them, ask for a commitment, ...") up to a turn ("..., but is a contract
    before the Match ever possible?")."""
    words = reading.texts
    judged = {i for s, e in reading.spans.get("INFERIOR", ()) for i in range(s, e)}  # "may not be as good"
    for s, e in reading.spans.get("POLICY", ()):
        if s in judged:
            continue
        if s >= first:
            if s < first + POLICY_AFTER_REACH:  # "... before the Match is not allowed"
                return "a statement of the rules, not an act"
            continue
        if not any(word in _TURNS for word in words[e:first]):
            return "a statement of the rules, not an act"
    return None


def _affirmative(words, s: int) -> bool:
    """A negative word that affirms: "a pledge, not just interest", "nothing would help more than"."""
    word = words[s]
    following = words[s + 1 : s + 9]
    if word in ("not", "n't") and following[:1] and following[0] in ("just", "only", "merely", "simply"):
        return True
    if word in ("not", "n't") and (following[:2] == ["too", "much"] or following[:1] == ["mind"]):
        return True  # politeness: "if it is not too much to ask", "I hope you will not mind my asking"
    return word in ("nothing", "nobody", "none", "no") and "than" in following


# Forms with a negative word that say something positive: "without waiting for the Match", "I'd have
# no hesitation", "pull my registration ... do not need the Match", "my No. 1".
_NEGATION_FREE = (
    "AROUND_MATCH", "AROUND_OFFER", "GO_AROUND", "TOP", "TOP_STRONG", "CERTAIN", "PLEDGE_STRONG", "POLICY",
    "INFERIOR", "IMG_STATUS",
)

_TURNS = frozenset(("but", "however", "yet", "although", "though", "still"))


def negation_in(reading: Reading, first: int, last: int) -> str | None:
    """The negative word that makes words first..last no act of the author's, or None: as for a
    rule's match, one from the start of the clause they start in up to their last word ("we don't
    mean to pry, but it would help to hear how high we are on your list" still asks)."""
    clause_start = _clause_start(reading, first)
    for s in _negations(reading):
        if clause_start <= s < last:
            return f"negated by {reading.texts[s]!r}"
    return None


def _negations(reading: Reading):
    """The token positions of the sentence's negative words that negate: not inside a form where
    a negative word says something positive ("without waiting for the Match"), not after "or" or
    "whether" ("whether I am ranked or not"), not affirming ("not just interest")."""
    words = reading.texts
    inside_forms = {i for concept in _NEGATION_FREE for s, e in reading.spans.get(concept, ()) for i in range(s, e)}
    for s, _ in reading.spans.get("NEG", ()):
        after_or = s and words[s - 1] in ("or", "whether")
        if s not in inside_forms and not after_or and not _affirmative(words, s):
            yield s


def scope_reason(reading: Reading, mode: str, first: int, last: int) -> str | None:
    """Why words (tokens first..last) are not the author's own act: a statement of the rules,
    reported speech or someone else's act; None when they are. Negation is left out: what a
    negation does depends on the rule ("I will not rank any other program" is a pledge)."""
    return _policy(reading, first) or _reported(mode, reading, first, last, agents=False)


def _reported(rule_or_mode, reading: Reading, first: int, last: int, agents: bool = True) -> str | None:
    mode = rule_or_mode if isinstance(rule_or_mode, str) else rule_or_mode.mode
    words = reading.texts
    clause_start = _clause_start(reading, first)
    going_around = {
        i for c in ("AROUND_MATCH", "GO_AROUND") for s, e in reading.spans.get(c, ()) for i in range(s, e + 2)
    }
    reports = () if reading.retold else reading.spans.get("REPORT_VERB", ())  # (retold: the program's own act)
    for s, e in reports:
        if not clause_start <= s < first or s in going_around:
            continue  # "withdraw from the NRMP" names the Match, it reports nothing
        if s >= 1 and words[s - 1] in ("be", "to"):
            continue  # "to be told whether ...", "to hear that ...": asking to be told
        if mode == "received" and any(
            ps < s and s - pe <= 3 for ps, pe in reading.spans.get("PROGRAM", ())
        ):
            continue  # "Our PD mentioned she'd like to know ...": the program's own voice
        if e < len(words) and words[e] == "to":
            continue  # "my dean asked me to find out where I rank": a request the writer carries
        if mode == "received" and words[s] in ("asked", "asks"):
            continue  # "Dr. Hale has asked me to check with you ...": the program's own request
        return f"reported ({' '.join(words[s:e])!r})"
    if mode == "received":
        # Applicants in general as the ones who ask or feel: "Some applicants ask whether they
        # should promise ..." describes others, it asks nothing of this applicant.
        for s, e in reading.spans.get("APPLICANT_NOUN", ()):
            if s < first and words[e : e + 1] and words[e] not in ("are", "is", "were", "was", "be") and any(
                word in _GENERAL_VERBS for word in words[e : e + 2]
            ):
                return f"about applicants in general ({' '.join(words[s : e + 2])!r})"
        # Other programs as the ones who act: "Some programs ask applicants where they will rank
        # them; we do not." describes others; it asks nothing of this applicant.
        for s, e in (*reading.spans.get("OTHER_PROGRAMS", ()), *reading.spans.get("THIRD_PARTY", ())):
            if (
                " ".join(words[s:e]) in _OTHER_PROGRAMS_IN_GENERAL and words[e : e + 1]
                and words[e] in _GENERAL_ACTS and clause_start <= s < first
            ):
                return f"about other programs ({' '.join(words[s : e + 1])!r})"
        # The applicant's own question, answered: "You asked whether we could tell you where you
        # stand" reports what was asked; the answer follows.
        for index in range(clause_start, first - 1):
            if (
                words[index] == "you" and words[index + 1] in _ASKED and words[index + 2 : index + 3]
                and words[index + 2] in _ASKED_WHAT
                and (words[index + 1] != "wanted" or words[index + 2 : index + 4] in (["to", "know"], ["to", "ask"]))
                and (index == 0 or words[index - 1] not in _NOT_A_REPORT)  # "Did you ask", "If you wanted to"
            ):
                return f"the applicant's own question, reported ({' '.join(words[index : index + 2])!r})"
        return None
    # someone else as the one who acts, after the act: "... outside the Match by another hospital"
    others = [*reading.spans.get("OTHER_PROGRAMS", ()), *reading.spans.get("THIRD_PARTY", ())] if agents else []
    for s, e in others:
        if last <= s <= last + AGENT_REACH and words[s - 1] in ("by", "from"):
            return f"about someone else ({' '.join(words[s - 1 : e])!r})"
    # someone else as the one who acts, before it: "my cousin keeps asking how ..."
    for s, e in reading.spans.get("THIRD_PARTY", ()):
        following = [word for word in words[e : e + 5] if word not in _AUXILIARIES][:3]
        if following in (["asked", "me", "to"], ["wants", "me", "to"], ["told", "me", "to"]):
            continue  # "My dean (has) asked me to find out where I rank": the writer's own request, passed on
        if clause_start <= s < first and (first - s <= THIRD_PARTY_REACH or s <= clause_start + 1):
            return f"about someone else ({' '.join(words[s:e])!r})"
    return None


_OTHER_PROGRAMS_IN_GENERAL = frozenset((
    "some programs", "many programs", "programs", "programmes", "other programs", "other programmes",
    "hospitals", "other hospitals", "other institutions", "some hospitals", "many hospitals",
))
_ASKED = frozenset(("asked", "wondered", "inquired", "enquired", "wanted"))
_ASKED_WHAT = frozenset((
    "whether", "if", "about", "us", "me", "how", "where", "what", "when", "which", "who", "to",
))
_NOT_A_REPORT = frozenset((
    "have", "has", "had", "did", "do", "will", "would", "could", "can", "if", "should", "when", "whenever",
    "once", "unless",
))

_AUXILIARIES = frozenset(("has", "have", "had", "also", "just", "kindly", "even", "specifically"))

_GENERAL_VERBS = frozenset((
    "ask", "asks", "asked", "wonder", "wonders", "feel", "feels", "felt", "think", "thinks", "believe", "believes",
    "worry", "worries", "assume", "assumes", "sometimes", "often", "occasionally",
))
# What programs in general are said to do ("Some programs ask ...", "Other programs may ..."): what
# applicants in general are said to do, or a modal or a demand.
_GENERAL_ACTS = _GENERAL_VERBS | frozenset((
    "may", "might", "will", "would", "do", "require", "expect", "want", "request", "encourage", "pressure",
    "tell", "can", "could", "should", "must", "still",
))


_CLAUSE_BREAKS = frozenset(",;:()") | frozenset(
    ("but", "so", "because", "although", "though", "while", "however", "hence", "therefore", "thus")
)


def _clause_start(reading: Reading, first: int) -> int:
    """The first token of the clause a match starts in: a negation before it governs other words."""
    words = reading.texts
    for index in range(first - 1, -1, -1):
        if words[index] in _CLAUSE_BREAKS:
            return index + 1
    return 0


def _is_inquiry(reading: Reading) -> bool:
    """A question, or a request ("kindly inform me ...") that is not itself negated ("we will not ask")."""
    if reading.question:
        return True
    if reading.retold and "CONDITION" in reading.spans:
        return True  # a program's terms, retold: "they would rank me highly if I promised ..."
    negations = [s for s, _ in reading.spans.get("NEG", ())]
    words = reading.texts
    for concept in ("ASK_VERB", "ABILITY_ASK"):
        for s, _ in reading.spans.get(concept, ()):
            if any(s - 3 <= n < s for n in negations):
                continue
            if tuple(words[max(0, s - 2) : s]) in (("you", "to"), ("let", "you")):
                continue  # "I wanted you to know where I stand", "let you know": telling, not asking
            return True
    return False
