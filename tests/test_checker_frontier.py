"""Frontier tuning sets (tests/frontier/): wording the checker is being taught but has not mastered.

They are tuned on (unlike tests/heldout/), so their figures say nothing about unseen text; they are
held to the values recorded in tests/frontier/ratchet.json, which may only rise, until a set reaches
the corpus floors and moves into tests/corpus/.
"""

from __future__ import annotations

import json

import pytest

from checker_corpus import FRONTIER_RATCHET, figures, frontier_sets
from prematch_kb.checker import check

SETS = frontier_sets()
RECORDED = json.loads(FRONTIER_RATCHET.read_text(encoding="utf-8"))


def test_every_frontier_set_is_recorded():
    assert set(RECORDED) == set(SETS)


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_frontier_figure_drops(name, capsys):
    measured = figures(SETS[name], check)
    floor = RECORDED[name]
    with capsys.disabled():
        print(f"\nfrontier {name}: precision {measured['precision']:.3f} recall {measured['recall']:.3f} "
              f"error recall {measured['error_recall']:.3f}")
    for key in ("precision", "recall", "error_recall"):
        assert measured[key] >= floor[key], f"{name}: {key} {measured[key]:.3f} fell below {floor[key]:.3f}"
    assert measured["clean_texts_with_error"] <= floor["clean_texts_with_error"]
