"""The checker against the labelled corpus: precision, recall, and no error on a clean text."""

from __future__ import annotations

from collections import Counter

import pytest

from checker_corpus import findings_for, load_corpus, score
from prematch_kb.checker import categories, check, commlog

ERROR_CATEGORIES = [
    "binding-commitment", "reciprocal-ranking", "rank-inquiry", "outside-match-offer", "placeholder",
    "program-rank-inquiry", "program-other-programs-inquiry", "program-commitment-request",
    "program-outside-match-offer",
]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def findings(corpus):
    """Each entry's findings, read against its communication log when it carries one."""
    return {e.id: findings_for(e, check) for e in corpus}


def test_corpus_is_well_formed_and_large_enough(corpus):
    known = set(categories()) | set(commlog.CATEGORIES)
    ids = Counter(e.id for e in corpus)
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    for entry in corpus:
        assert entry.mode in ("draft", "received"), entry.id
        assert entry.expect <= known and entry.forbid <= known, f"{entry.id}: unknown category"
        assert not entry.expect & entry.forbid, f"{entry.id}: a category both expected and forbidden"
    assert len(corpus) >= 220
    assert sum(1 for e in corpus if not e.expect) >= 50, "at least 50 clean texts"
    flagged = Counter(c for e in corpus for c in e.expect)
    thin = {c: flagged[c] for c in categories() if flagged[c] < 8}  # the log's own are tested with their logs
    assert not thin, f"categories with fewer than 8 flagged texts: {thin}"


def test_precision_and_recall(corpus, findings, capsys):
    results = {e.id: {f.category for f in findings[e.id]} for e in corpus}
    result = score(corpus, results)
    with capsys.disabled():
        print("\n" + result.table(categories()))
        for line in result.mistakes:
            print("  ", line)
    low_recall = {c: round(result.recall(c), 3) for c in ERROR_CATEGORIES if result.recall(c) < 0.95}
    assert not low_recall, f"recall below 0.95 on error categories: {low_recall}"
    assert result.precision() >= 0.95, f"overall precision {result.precision():.3f} < 0.95"


def test_forbidden_categories_never_appear(corpus, findings):
    wrong = [
        (e.id, sorted(e.forbid & {f.category for f in findings[e.id]}))
        for e in corpus
        if e.forbid & {f.category for f in findings[e.id]}
    ]
    assert not wrong


def test_no_error_on_a_clean_text(corpus, findings):
    errors = [
        (e.id, f.category, f.excerpt)
        for e in corpus
        if not e.expect
        for f in findings[e.id]
        if f.severity == "error"
    ]
    assert not errors
