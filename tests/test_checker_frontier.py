"""Frontier tuning sets (tests/frontier/): wording the checker is being taught but has not mastered.

They are tuned on (unlike tests/heldout/), so their figures say nothing about unseen text; they are
held to the values recorded in tests/frontier/ratchet.json, which may only rise, until a set reaches
the corpus floors and moves into tests/corpus/.
"""

from __future__ import annotations

import json

import pytest

from checker_corpus import FRONTIER_RATCHET, figures, figures_line, frontier_sets, ratchet_failures
from prematch_kb.checker import check

SETS = frontier_sets()
RECORDED = json.loads(FRONTIER_RATCHET.read_text(encoding="utf-8"))


def test_every_frontier_set_is_recorded():
    assert set(RECORDED) == set(SETS)


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_frontier_figure_drops(name, capsys):
    measured = figures(SETS[name], check)
    with capsys.disabled():
        print("\n" + figures_line(f"frontier {name}", measured))
    assert not ratchet_failures(name, measured, RECORDED[name])
