"""The held-out blind rounds: no figure may drop below the value recorded in ratchet.json.

These texts were written without sight of the checker and are never tuned on (tests/heldout/README.md).
"""

from __future__ import annotations

import json

import pytest

from checker_corpus import RATCHET, figures, figures_line, heldout_rounds, ratchet_failures
from prematch_kb.checker import categories, check, commlog

ROUNDS = heldout_rounds()
RECORDED = json.loads(RATCHET.read_text(encoding="utf-8"))


def test_every_round_is_recorded_and_well_formed():
    assert set(RECORDED) == set(ROUNDS) | {"all rounds"}, "record a new round: python -m bench.checker_quality_bench --record"
    known = set(categories()) | set(commlog.CATEGORIES)  # the log's own: cadence, reply due, ...
    for entries in ROUNDS.values():
        assert len(entries) >= 150
        for entry in entries:
            assert entry.expect <= known and entry.forbid <= known, f"{entry.id}: unknown category"


@pytest.mark.parametrize("name", [*sorted(ROUNDS), "all rounds"])
def test_no_figure_drops_below_the_recorded_value(name, capsys):
    entries = ROUNDS[name] if name in ROUNDS else [e for r in ROUNDS.values() for e in r]
    measured = figures(entries, check)
    with capsys.disabled():
        print("\n" + figures_line(name, measured))
    assert not ratchet_failures(name, measured, RECORDED[name])
