"""The learnt layer: sentences the meaning rules miss, scored by linear models over their words.

The rules catch what they were written for; new wordings of a known meaning slip past them. For
each category where it proved precise (see `prematch_kb.training`), a logistic model over a
sentence's words, word pairs and whether it asks scores every sentence of the author's own; a
sentence at or above the category's threshold is a finding when the rules found neither the
category nor a stronger one in the text. The scope rules still apply: a negation, a statement of
the rules, reported speech, someone else's act or quotation marks drop it. A finding shows the
words of its heaviest features, so it can be read and argued with like a rule's.

The weights live in learned.json, written by `prematch-kb train-checker`; the models only add and
compare numbers in a fixed order, so a score is the same in CPython and in Pyodide.
"""

from __future__ import annotations

import json
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


Vector = tuple[float, ...]  # a feature's weights in the mode's models, 0.0 where a model lacks it


class Table(NamedTuple):
    """A mode's weights by word, for scoring a sentence without naming its features: what `?`
    adds, and per word what `w:word` adds and the words whose `b:word next` adds something."""

    biases: list[float]
    question: Vector | None
    words: dict[str, tuple[Vector | None, dict[str, Vector] | None]]


class Layer(NamedTuple):
    models: tuple[Model, ...]
    digest: str
    # Per mode, the positions of its models and each feature's weights in them, as one vector
    # (0.0 where a model lacks the feature): one sentence is scored by adding vectors.
    by_mode: dict[str, tuple[tuple[int, ...], dict[str, tuple[float, ...]]]]
    # Per mode, the same weights by word (see `reading_scores`); None where they cannot be used.
    tables: dict[str, Table]


def load_layer(path: Path = WEIGHTS) -> Layer:
    return layer_from(json.loads(path.read_text(encoding="utf-8")))


def layer_from(data: dict) -> Layer:
    """A layer from learned.json's data: the models, and per mode each feature's weight vector."""
    models = tuple(
        Model(raw["category"], raw["mode"], float(raw["bias"]), float(raw["threshold"])) for raw in data["models"]
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
    tables = {
        mode: _table([models[p].bias for p in positions], vectors) for mode, (positions, vectors) in by_mode.items()
    }
    return Layer(models, data.get("digest", ""), by_mode, tables)


def _table(biases: list[float], vectors: dict[str, tuple[float, ...]]) -> Table:
    """The mode's weights by word (see `reading_scores`)."""
    question = None
    words: dict[str, tuple[Vector | None, dict[str, Vector] | None]] = {}
    for feature, vector in vectors.items():
        if feature == "?":
            question = vector
        elif feature.startswith("w:") and _is_word(feature[2:]):
            word = feature[2:]
            words[word] = (vector, words.get(word, (None, None))[1])
        elif feature.startswith("b:") and feature.count(" ") == 1:
            first, second = feature[2:].split(" ")
            if _is_word(first) and _is_word(second):  # (tokens hold no space: no other split)
                alone, following = words.get(first, (None, None))
                if following is None:
                    following = {}
                    words[first] = (alone, following)
                following[second] = vector
    return Table(biases, question, words)


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


def reading_scores(reading: Reading, active: Layer, mode: str) -> list[float]:
    """`scores(feature_names(reading), active, mode)`, the same floats, found word by word: only
    the features with a weight are looked at, none is named, and each model's total is added up
    in the same order (its bias, then its weights in the features' order)."""
    table = active.tables.get(mode)
    if table is None:
        return []
    texts = reading.texts
    return _adder(len(table.biases))(
        table.biases, table.question if reading.question else None, table.words.get, texts,
        len(reading.words) == len(texts),
    )


@lru_cache(maxsize=8)
def _adder(columns: int):
    """The function that adds up a sentence's scores in `columns` models, each total a local
    variable (written out: a loop over the models, or over lists, costs several times more).
    The code is made from the number of models alone, never from text or weights."""
    totals = ", ".join(f"t{c}" for c in range(columns)) + ","
    weights = ", ".join(f"w{c}" for c in range(columns)) + ","
    add = f"{weights} = vector; " + "; ".join(f"t{c} += w{c}" for c in range(columns))
    source = f"""
def add_up(biases, question, words, texts, unique):
    {totals} = biases
    if question is not None:
        vector = question; {add}
    following = None  # the pairs the previous word starts, by their second word
    if unique:  # no token twice, so no feature twice
        for word, entry in zip(texts, map(words, texts)):
            if entry is None:
                if following is not None:
                    vector = following.get(word)
                    if vector is not None:
                        {add}
                    following = None
                continue
            vector = entry[0]
            if vector is not None:
                {add}
            if following is not None:
                vector = following.get(word)
                if vector is not None:
                    {add}
            following = entry[1]
    else:  # a feature counts once, where it first occurs
        seen = set()  # the words so far
        pairs = set()  # the weighted pairs so far
        previous = ""
        for word, entry in zip(texts, map(words, texts)):
            again = word in seen
            if not again:
                seen.add(word)
                if entry is not None:
                    vector = entry[0]
                    if vector is not None:
                        {add}
            if following is not None:
                vector = following.get(word)
                if vector is not None:
                    pair = (previous, word)
                    if not again or pair not in pairs:
                        pairs.add(pair)
                        {add}
            following = entry[1] if entry is not None else None
            previous = word
    return [{totals}]
"""
    namespace: dict = {}
    exec(compile(source, "<learned scores>", "exec"), namespace)
    return namespace["add_up"]


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
    key = "learned " + active.digest  # a reading remembers its scores per layer
    lexicon = load_lexicon()
    found = []
    for sentence in doc.sentences:
        if not doc.is_own(sentence.start, sentence.end):
            continue
        reading = read(sentence.text, lexicon, mode)
        if not reading.spans:
            continue  # no known word at all: nothing the categories are about
        totals = reading.judged.get(key)
        if totals is None:
            totals = reading.judged[key] = reading_scores(reading, active, mode)
        feats = None
        for position, total in zip(positions, totals, strict=True):
            model = active.models[position]
            if total < model.threshold or (not with_ruled and model.category in ruled):
                continue
            tokens = reading.tokens
            feats = feats or features(reading)
            first, last = _carriers(feats, active, position, len(tokens))
            start, end = sentence.start + tokens[first].start, sentence.start + tokens[last - 1].end
            reason: str | None
            if model.category in ruled:
                reason = "the rules found this category, or a stronger one, in the text"
            else:
                reason = negation_in(reading) or scope_reason(reading, mode, first, last)
                if reason is None and doc.in_quotation(start, end):
                    reason = "inside quotation marks"
            found.append(LearnedCandidate(
                model.category, start, end, round(total, 3), model.threshold, reason is None,
                reason or "kept", doc.text[start:end],
            ))
    return found


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
