"""Could a statistical layer find what the meaning rules miss? Cross-validated on the corpus.

    python -m bench.statistical_layer_cv            naive Bayes and logistic regression, 5 folds

An experiment, not a shipped layer: nothing in the checker reads its output. For each category
decided by the meaning rules it trains a linear model over a sentence's features (concepts,
ordered concept pairs at most PAIR_REACH words apart, words, word pairs, whether it asks) on
tests/corpus/ and tests/frontier/, and scores the texts of each fold with the model of the other
folds. Only what the layer would add counts: sentences of texts in which the rules found neither
the category nor a stronger one that supersedes it (engine._SUPERSEDES), and only when the scope
rules let the words through (negation anywhere in the sentence, reported speech, a statement of
the rules, someone else's act, quotation marks).

Sentence labels: a text's label c goes to the sentences where the rules keep a c candidate; a
text of one sentence with known words that the rules miss gives it that sentence; its other
sentences are left out. Sentences of texts not labelled c are negatives for c, except those where
the rules keep a c candidate (the engine drops it for a stronger finding).

A category would get a model only at a threshold where the extra findings are right at least
MIN_PRECISION of the time, number at least MIN_EXTRA, and put no error-level finding on a clean
text. The line per category shows, best score first, the 25 highest-scored texts the rules miss
(T: labelled with the category, E: a clean text, f: a text labelled otherwise).
"""

from __future__ import annotations

import math
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from prematch_kb.checker.engine import _SUPERSEDES, MAX_CHARS
from prematch_kb.checker.meaning import candidates, rules
from prematch_kb.checker.meaning.lexicon import load_lexicon
from prematch_kb.checker.meaning.rules import _NEGATION_FREE, _affirmative, scope_reason
from prematch_kb.checker.meaning.sentence import read
from prematch_kb.checker.text import build_document

TESTS_DIR = Path(__file__).resolve().parents[1] / "tests"
FOLDS = 5
PAIR_REACH = 3
MAX_SPANS = 40
SPAN_FEATURES = 3
STRENGTH = 1000.0  # naive Bayes: pseudo-sentences of the prior toward a feature's overall rate
MIN_COUNT = 2
MIN_PRECISION = 0.9
MIN_EXTRA = 2
ERROR_CATEGORIES = frozenset({
    "binding-commitment", "reciprocal-ranking", "rank-inquiry", "outside-match-offer",
    "program-rank-inquiry", "program-other-programs-inquiry", "program-commitment-request",
    "program-outside-match-offer",
})


@dataclass(frozen=True)
class Text:
    id: str
    mode: str
    text: str
    expect: frozenset[str]


@dataclass
class Sentence:
    text: int  # index of its Text
    features: dict[str, tuple[int, int]]  # feature -> the tokens it rests on
    ruled: frozenset[str]  # categories the rules keep here
    reading: object
    offset: int


def load_texts() -> list[Text]:
    import yaml

    texts = []
    for folder in (TESTS_DIR / "corpus", TESTS_DIR / "frontier"):
        for path in sorted(folder.glob("*.yml")):
            for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                texts.append(Text(raw["id"], raw.get("mode", "draft"), raw["text"], frozenset(raw.get("expect") or ())))
    return texts


def features(reading) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    if reading.question:
        found["?"] = (0, 0)
    spans = sorted((s, e, c) for c, where in reading.spans.items() if c != "QUESTION" for s, e in where)[:MAX_SPANS]
    for s, e, concept in spans:
        found.setdefault("c:" + concept, (s, e))
    for index, (s, e, concept) in enumerate(spans):
        for s2, e2, other in spans[index + 1 :]:
            if s2 - e > PAIR_REACH:
                break
            if s2 >= e and other != concept:
                found.setdefault(f"p:{concept}>{other}", (s, e2))
    previous = None
    for index, token in enumerate(reading.tokens):
        word = reading.corrected.get(index, token.text)
        if not word[0].isalnum() and word[0] not in "#'":
            previous = None
            continue
        found.setdefault("w:" + word, (index, index + 1))
        if previous is not None:
            found.setdefault(f"b:{previous} {word}", (index - 1, index + 1))
        previous = word
    return found


def read_sentences(texts: list[Text]) -> tuple[list, list[Sentence]]:
    lexicon = load_lexicon()
    docs, found = [], []
    for index, t in enumerate(texts):
        doc = build_document(t.text[:MAX_CHARS])
        docs.append(doc)
        kept = [c for c in candidates(doc, t.mode) if c.kept]
        for sentence in doc.sentences:
            if not doc.is_own(sentence.start, sentence.end):
                continue
            reading = read(sentence.text, lexicon, t.mode)
            if reading.spans:
                ruled = frozenset(c.rule.category for c in kept if c.start < sentence.end and sentence.start < c.end)
                found.append(Sentence(index, features(reading), ruled, reading, sentence.start))
    return docs, found


def labels(texts: list[Text], sentences: list[Sentence], category: str) -> list[int | None]:
    by_text: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_text.setdefault(s.text, []).append(i)
    result: list[int | None] = [None] * len(sentences)
    for index, members in by_text.items():
        if category not in texts[index].expect:
            for i in members:
                result[i] = None if category in sentences[i].ruled else 0
            continue
        ruled = [i for i in members if category in sentences[i].ruled]
        for i in ruled or (members if len(members) == 1 else []):
            result[i] = 1
    return result


def fit_naive_bayes(sentences, marks, rows) -> tuple[float, dict[str, float]]:
    """Bernoulli naive Bayes, each feature's rate shrunk toward its overall rate."""
    positive: dict[str, int] = {}
    negative: dict[str, int] = {}
    n_pos = n_neg = 0
    for i in rows:
        if marks[i] is None:
            continue
        counts = positive if marks[i] else negative
        n_pos, n_neg = (n_pos + 1, n_neg) if marks[i] else (n_pos, n_neg + 1)
        for f in sentences[i].features:
            counts[f] = counts.get(f, 0) + 1
    if not n_pos or not n_neg:
        return -math.inf, {}
    total = n_pos + n_neg
    bias = math.log(n_pos / n_neg)
    weights = {}
    for f in sorted(set(positive) | set(negative)):
        a, b = positive.get(f, 0), negative.get(f, 0)
        if a + b < MIN_COUNT:
            continue
        rate = (a + b) / total
        p = (a + STRENGTH * rate) / (n_pos + STRENGTH)
        q = (b + STRENGTH * rate) / (n_neg + STRENGTH)
        absent = math.log((1 - p) / (1 - q))
        bias += absent
        weights[f] = math.log(p / q) - absent
    return bias, weights


def fit_logistic(sentences, marks, rows, epochs: int = 8, rate: float = 0.1, l2: float = 1e-4):
    """Logistic regression by stochastic gradient descent in a fixed order, classes weighted."""
    data = [(sorted(sentences[i].features), marks[i]) for i in rows if marks[i] is not None]
    n_pos = sum(mark for _, mark in data)
    if not n_pos or n_pos == len(data):
        return -math.inf, {}
    balance = {1: len(data) / (2 * n_pos), 0: len(data) / (2 * (len(data) - n_pos))}
    weights: dict[str, float] = {}
    bias = 0.0
    for epoch in range(epochs):
        step = rate / (1 + epoch)
        for found, mark in data:
            z = bias + sum(weights.get(f, 0.0) for f in found)
            p = 1 / (1 + math.exp(-z)) if z > -30 else 0.0
            g = (p - mark) * balance[mark] * step
            bias -= g
            for f in found:
                w = weights.get(f, 0.0)
                weights[f] = w - g - step * l2 * w
    return bias, weights


def flaggable(weights, s: Sentence, doc, mode: str) -> bool:
    """Would the layer's finding survive the scope rules? Its words are those of the heaviest features."""
    reading = s.reading
    tokens = reading.tokens
    carried = sorted(((weights.get(f, 0.0), f) for f in s.features), reverse=True)[:5]
    placed = [s.features[f] for w, f in carried if w > 0 and s.features[f][1] > s.features[f][0]][:SPAN_FEATURES]
    first, last = (min(a for a, _ in placed), max(b for _, b in placed)) if placed else (0, len(tokens))
    inside = {i for c in _NEGATION_FREE for a, b in reading.spans.get(c, ()) for i in range(a, b)}
    for n, _ in reading.spans.get("NEG", ()):
        if n not in inside and not (n and tokens[n - 1].text in ("or", "whether")) and not _affirmative(tokens, n):
            return False
    if scope_reason(reading, mode, first, last):
        return False
    return not doc.in_quotation(s.offset + tokens[first].start, s.offset + tokens[last - 1].end)


def out_of_fold(texts, docs, sentences, category: str, mode: str, fit) -> dict[int, float]:
    """Text -> best out-of-fold score of a sentence the layer could flag, for texts of the mode
    where the rules found neither the category nor a stronger one."""
    stronger = {s for s, weaker, _ in _SUPERSEDES if category in weaker}
    marks = labels(texts, sentences, category)
    folds: list[list[int]] = [[] for _ in range(FOLDS)]
    for i, s in enumerate(sentences):
        if texts[s.text].mode == mode:
            folds[zlib.crc32(texts[s.text].id.encode()) % FOLDS].append(i)
    ruled = {s.text for s in sentences if ({category} | stronger) & s.ruled}
    best: dict[int, float] = {}
    for k in range(FOLDS):
        bias, weights = fit(sentences, marks, [i for j in range(FOLDS) if j != k for i in folds[j]])
        for i in folds[k]:
            s = sentences[i]
            if s.text in ruled:
                continue
            value = bias + sum(weights.get(f, 0.0) for f in s.features)
            if value > best.get(s.text, -math.inf) and flaggable(weights, s, docs[s.text], mode):
                best[s.text] = value
    return best


def threshold(texts, best: dict[int, float], category: str):
    """(threshold, extra true, extra false) at the lowest precise enough threshold, or None."""
    tp = fp = 0
    chosen = None
    for index, value in sorted(best.items(), key=lambda item: -item[1]):
        if category in texts[index].expect:
            tp += 1
        else:
            fp += 1
            if not texts[index].expect and category in ERROR_CATEGORIES:
                break
        if tp >= MIN_EXTRA and tp / (tp + fp) >= MIN_PRECISION:
            chosen = (round(value, 2), tp, fp)
    return chosen


def main() -> int:
    started = time.perf_counter()
    texts = load_texts()
    docs, sentences = read_sentences(texts)
    categories = {rule.category: rule.mode for rule in rules()}
    print(f"{len(texts)} texts, {len(sentences)} sentences with known words ({time.perf_counter() - started:.1f} s)")
    for name, fit in (("naive Bayes", fit_naive_bayes), ("logistic regression", fit_logistic)):
        print(f"\n{name}: category, texts the rules miss (labelled), top 25, chosen threshold")
        for category, mode in sorted(categories.items()):
            best = out_of_fold(texts, docs, sentences, category, mode, fit)
            ranked = sorted(best.items(), key=lambda item: -item[1])
            missed = sum(1 for i in best if category in texts[i].expect)
            line = "".join("T" if category in texts[i].expect else "E" if not texts[i].expect else "f"
                           for i, _ in ranked[:25])
            print(f"  {category:32} {missed:3}  {line:25}  {threshold(texts, best, category) or 'none: no model'}")
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
