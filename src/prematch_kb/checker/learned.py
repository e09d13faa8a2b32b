"""The learnt layer: sentences the meaning rules miss, scored by linear models over their words.

The rules catch what they were written for; new wordings of a known meaning slip past them. For
each category where it proved precise (see `prematch_kb.training`), a logistic model over a
sentence's words, word pairs and whether it asks scores every sentence of the author's own; a
sentence at or above the category's threshold is a finding when the rules found neither the
category nor a stronger one in the text. The scope rules still apply: a negation in the clause of
the words that carried the score, a statement of the rules, reported speech, someone else's act
or quotation marks drop it. A finding shows the words of its heaviest features, so it can be read
and argued with like a rule's.

The same models weigh what the rules found: a category with a veto loses the rules' finding when
no sentence of the author's own scores above the veto (`vetoes`), a text that reads unlike every
text of the category the model learnt from.

The weights live in learned.json, written by `prematch-kb train-checker` in whole ten-thousandths:
whether a sentence reaches a threshold is told in exact integers, and a score shown is its floats
added in a fixed order, so both are the same in CPython and in Pyodide.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from operator import add
from pathlib import Path
from typing import NamedTuple

from .meaning.lexicon import load_lexicon
from .meaning.rules import negation_in, scope_reason
from .meaning.sentence import Reading, read

WEIGHTS = Path(__file__).with_name("learned.json")
CARRIERS = 3  # the heaviest features whose words a finding shows


class Model(NamedTuple):
    category: str
    mode: str
    bias: float
    threshold: float
    # Where the rules found this category but no sentence of the text scores above this, the
    # rules' finding is taken back (see `vetoes`); None: the model never takes one back.
    veto: float | None = None


class Veto(NamedTuple):
    category: str
    best: float  # the highest score of any sentence of the author's own
    veto: float
    kept: bool  # True: the rules' finding stands (best is above the veto)


class LearnedCandidate(NamedTuple):
    category: str
    start: int  # offsets in the text: the words that carried the score
    end: int
    score: float
    threshold: float
    kept: bool
    reason: str
    words: str


def features(reading: Reading) -> dict[str, tuple[int, int]]:
    """A sentence's features, each with the tokens it first rests on (see `_occurrences`)."""
    found: dict[str, tuple[int, int]] = {}
    for name, first, last in _occurrences(reading):
        found.setdefault(name, (first, last))
    return found


def feature_names(reading: Reading) -> list[str]:
    """The keys of `features(reading)`, in the same order: what scoring needs on every sentence
    (the tokens a feature rests on are wanted only where a model reaches its threshold)."""
    return list(dict.fromkeys(name for name, _, _ in _occurrences(reading)))


def _occurrences(reading: Reading):
    """Every feature occurrence in order, with its tokens: `?` (the sentence asks), `w:` a word as
    written, `b:` two words in a row. Words as written, not as the vocabulary reads them, so that
    the models do not change when a concept does."""
    if reading.question:
        yield "?", 0, 0
    previous = None
    for index, word in enumerate(reading.texts):  # the tokens' texts, without their offsets
        if not (word[0].isalnum() or word[0] in "#'"):
            previous = None  # punctuation breaks a pair
            continue
        yield "w:" + word, index, index + 1
        if previous is not None:
            yield f"b:{previous} {word}", index - 1, index + 1
        previous = word


SCALE = 10_000  # learned.json's weights, biases and thresholds are whole ten-thousandths (training.DIGITS)

Entry = tuple[int, dict[str, int] | None]  # a word's packed weights, and its pairs' by next word


class Table(NamedTuple):
    """A mode's models in whole ten-thousandths, packed: a feature's weights in all the models
    are ONE int, model (column) c's in the `field` bits from c*field up, so that a sentence's
    totals in every model are one addition per feature.

    `base` holds per column bias - threshold + 2**(field-2). A sentence collects each feature at
    most once, so its features move a column by at most the sum of the column's absolute
    weights; `field` is wide enough that every column's final value lies in [0, 2**(field-1)):
    none borrows from its neighbour, and bit field-2 of column c is set exactly when model c's
    score reaches its threshold. `crossing` holds those bits."""

    base: int
    crossing: int
    field: int
    question: int  # what `?` adds
    words: dict[str, Entry]  # per word, what `w:word` adds (0: nothing) and each `b:word next`


class Layer(NamedTuple):
    models: tuple[Model, ...]
    digest: str
    # Per mode, the positions of its models and each feature's weights in them, as one vector
    # (0.0 where a model lacks the feature): the scores shown are these floats, added up.
    by_mode: dict[str, tuple[tuple[int, ...], dict[str, tuple[float, ...]]]]
    # Per mode, the same weights packed, to tell which models a sentence reaches (see `Table`);
    # none for a mode whose numbers are not all whole ten-thousandths: its floats decide.
    tables: dict[str, Table]


def load_layer(path: Path = WEIGHTS) -> Layer:
    return layer_from(json.loads(path.read_text(encoding="utf-8")))


def layer_from(data: dict) -> Layer:
    """A layer from learned.json's data: the models, and per mode each feature's weight vector."""
    models = tuple(
        Model(raw["category"], raw["mode"], float(raw["bias"]), float(raw["threshold"]),
              None if raw.get("veto") is None else float(raw["veto"]))
        for raw in data["models"]
    )
    by_mode = {}
    for mode in sorted({model.mode for model in models}):
        positions = tuple(i for i, model in enumerate(models) if model.mode == mode)
        vectors: dict[str, list[float]] = {}
        for column, position in enumerate(positions):
            for feature, weight in data["models"][position]["weights"].items():
                vector = vectors.get(feature)
                if vector is None:
                    vector = vectors[feature] = [0.0] * len(positions)
                vector[column] = float(weight)
        by_mode[mode] = (positions, {feature: tuple(vector) for feature, vector in vectors.items()})
    tables = {}
    for mode, (positions, _) in by_mode.items():
        table = _table([data["models"][p] for p in positions])
        if table is not None:
            tables[mode] = table
    return Layer(models, data.get("digest", ""), by_mode, tables)


def _table(raw_models: list[dict]) -> Table | None:
    """The mode's models packed (see `Table`) from learned.json's data, or None where a number
    is no whole number of ten-thousandths."""
    columns = []
    for raw in raw_models:
        exact = _in_units(raw)
        if exact is None:
            return None
        columns.append(exact)
    # How far a column can be from its start, at most: so that |score - threshold| < 2**(field-2)
    field = max(abs(gap) + sum(map(abs, units.values())) for gap, units in columns).bit_length() + 2
    middle = 1 << (field - 2)
    packed: dict[str, int] = {}
    for column, (_, units) in enumerate(columns):
        for feature, unit in units.items():
            packed[feature] = packed.get(feature, 0) + (unit << (column * field))
    return Table(
        base=sum((gap + middle) << (column * field) for column, (gap, _) in enumerate(columns)),
        crossing=sum(middle << (column * field) for column in range(len(columns))),
        field=field,
        question=packed.get("?", 0),
        words=_by_word(packed),
    )


def _in_units(raw: dict) -> tuple[int, dict[str, int]] | None:
    """A model's bias - threshold and its weights in whole ten-thousandths; None where a number
    is none (or not finite)."""
    weights = raw["weights"]
    numbers = [float(raw["bias"]), float(raw["threshold"]), *map(float, weights.values())]
    if not all(map(math.isfinite, numbers)):
        return None
    units = [round(number * SCALE) for number in numbers]
    if [unit / SCALE for unit in units] != numbers:
        return None
    return units[0] - units[1], dict(zip(weights, units[2:], strict=True))


def _by_word(packed: dict[str, int]) -> dict[str, Entry]:
    """The packed features by word, as a sentence is read (see `Entry`)."""
    words: dict[str, Entry] = {}
    # One string per word, whether it is a key or a pair's: a smaller table, and the word a
    # sentence has just looked up is at hand for its pair.
    same: dict[str, str] = {}
    for feature, weights in packed.items():
        if feature.startswith("w:") and _is_word(feature[2:]):
            word = same.setdefault(feature[2:], feature[2:])
            words[word] = (weights, words.get(word, (0, None))[1])
        elif feature.startswith("b:") and feature.count(" ") == 1:
            first, second = feature[2:].split(" ")
            if _is_word(first) and _is_word(second):  # (tokens hold no space: no other split)
                first, second = same.setdefault(first, first), same.setdefault(second, second)
                alone, following = words.get(first, (0, None))
                if following is None:
                    following = {}
                    words[first] = (alone, following)
                following[second] = weights
    return words


def _is_word(text: str) -> bool:
    """A token a feature can rest on (see `_occurrences`): not punctuation."""
    return bool(text) and (text[0].isalnum() or text[0] in "#'")


@lru_cache(maxsize=1)
def layer() -> Layer:
    return load_layer()


def scores(names: list[str], active: Layer, mode: str) -> list[float]:
    """The scores of a sentence by the mode's models (in `by_mode` order): each model's bias plus
    its weights, added in the features' order (adding 0.0 where a model lacks one changes nothing)."""
    positions, vectors = active.by_mode.get(mode, ((), {}))
    totals = [active.models[p].bias for p in positions]
    for vector in map(vectors.get, names):
        if vector:
            totals = list(map(add, totals, vector))
    return totals


Reached = tuple[tuple[int, float], ...]  # models (by position) and their scores


def reached(reading: Reading, active: Layer, mode: str) -> Reached:
    """The mode's models whose score of the sentence reaches their threshold, with the score.
    Told in exact integers where the mode has a `Table`: nearly always none is reached, and no
    float is added up; the scores are those of `scores`."""
    table = active.tables.get(mode)
    if table is None:
        return _reached_by_floats(reading, active, mode)
    bits = _packed_total(reading, table) & table.crossing
    if not bits:
        return ()
    field = table.field
    positions = active.by_mode[mode][0]
    totals = scores(feature_names(reading), active, mode)
    return tuple(
        (position, total) for column, (position, total) in enumerate(zip(positions, totals, strict=True))
        if bits >> (column * field + field - 2) & 1
    )


def _reached_by_floats(reading: Reading, active: Layer, mode: str) -> Reached:
    positions = active.by_mode.get(mode, ((), {}))[0]
    totals = scores(feature_names(reading), active, mode)
    return tuple(
        (position, total) for position, total in zip(positions, totals, strict=True)
        if total >= active.models[position].threshold
    )


def _packed_total(reading: Reading, table: Table) -> int:
    """The sentence's packed total (see `Table`): the features of `_occurrences`, each once."""
    total = table.base + table.question if reading.question else table.base
    texts = reading.texts
    following = None  # the pairs the previous word starts, by their second word
    if len(reading.words) == len(texts):  # no token twice, so no feature twice
        for word, entry in zip(texts, map(table.words.get, texts), strict=True):
            if following is not None:
                pair = following.get(word)
                if pair is not None:
                    total += pair
            if entry is None:  # unweighted, or punctuation: no pair goes on from it
                following = None
            else:
                total += entry[0]
                following = entry[1]
        return total
    seen = set()  # the words so far
    pairs = set()  # the weighted pairs so far
    previous = ""
    for word, entry in zip(texts, map(table.words.get, texts), strict=True):
        again = word in seen
        if not again:
            seen.add(word)
            if entry is not None:
                total += entry[0]
        if following is not None:
            pair = following.get(word)
            if pair is not None and (not again or (previous, word) not in pairs):
                pairs.add((previous, word))
                total += pair
        following = entry[1] if entry is not None else None
        previous = word
    return total


def candidates(doc, mode: str, ruled: frozenset[str], active: Layer | None = None, *,
               with_ruled: bool = True) -> list[LearnedCandidate]:
    """Sentences of the author's own that a model of the mode scores at or above its threshold.
    Kept only for categories not in `ruled` (found by the rules, or out-ranked by a stronger
    finding) and where the scope rules let the words through; those of `ruled` categories are
    listed (dropped) only `with_ruled`, for --explain."""
    active = active or layer()
    positions = active.by_mode.get(mode, ((), {}))[0]
    if not positions:
        return []
    key = "learned " + active.digest  # a reading remembers what reached a threshold, per layer
    lexicon = load_lexicon()
    found = []
    for sentence in doc.sentences:
        if not doc.is_own(sentence.start, sentence.end):
            continue
        reading = read(sentence.text, lexicon, mode)
        if not reading.spans:
            continue  # no known word at all: nothing the categories are about
        up = reading.judged.get(key)
        if up is None:
            up = reading.judged[key] = reached(reading, active, mode)
        feats = None
        for position, total in up:
            model = active.models[position]
            if not with_ruled and model.category in ruled:
                continue
            tokens = reading.tokens
            feats = feats or features(reading)
            first, last = _carriers(feats, active, position, len(tokens))
            start, end = sentence.start + tokens[first].start, sentence.start + tokens[last - 1].end
            reason: str | None
            if model.category in ruled:
                reason = "the rules found this category, or a stronger one, in the text"
            else:
                reason = negation_in(reading, first, last) or scope_reason(reading, mode, first, last)
                if reason is None and doc.in_quotation(start, end):
                    reason = "inside quotation marks"
            found.append(LearnedCandidate(
                model.category, start, end, round(total, 3), model.threshold, reason is None,
                reason or "kept", doc.text[start:end],
            ))
    return found


def vetoes(doc, mode: str, found, active: Layer | None = None) -> list[Veto]:
    """For each category in `found` (what the rules found) whose model has a veto: the highest
    score the model gives any sentence of the author's own, and whether it lies above the veto.
    Where none does, the text reads unlike every text of the category the model learnt from, and
    on texts new to the rules such findings proved mostly wrong (`prematch_kb.training`, step 6)."""
    active = active or layer()
    positions = active.by_mode.get(mode, ((), {}))[0]
    columns = [
        (column, active.models[p].category, veto) for column, p in enumerate(positions)
        if (veto := active.models[p].veto) is not None and active.models[p].category in found
    ]
    if not columns:
        return []
    best = [-math.inf] * len(columns)
    key = "scores " + active.digest  # a reading remembers its scores, per layer
    lexicon = load_lexicon()
    for sentence in doc.sentences:
        if not doc.is_own(sentence.start, sentence.end):
            continue
        reading = read(sentence.text, lexicon, mode)
        if not reading.spans:
            continue
        totals = reading.judged.get(key)
        if totals is None:
            totals = reading.judged[key] = scores(feature_names(reading), active, mode)
        best = [max(high, totals[column]) for high, (column, _, _) in zip(best, columns, strict=True)]
    return [
        Veto(category, high, veto, high > veto) for high, (_, category, veto) in zip(best, columns, strict=True)
    ]


def _carriers(feats: dict[str, tuple[int, int]], active: Layer, position: int, count: int) -> tuple[int, int]:
    """The tokens from the first to the last of the CARRIERS heaviest word features of a model."""
    model = active.models[position]
    positions, vectors = active.by_mode[model.mode]
    column = positions.index(position)
    weighted = []
    for feature, (first, last) in feats.items():
        vector = vectors.get(feature)
        if last > first and vector and vector[column] > 0:
            weighted.append((vector[column], first, last))
    weighted.sort(key=lambda item: -item[0])
    placed = weighted[:CARRIERS]
    if not placed:
        return 0, count
    return min(first for _, first, _ in placed), max(last for _, _, last in placed)
