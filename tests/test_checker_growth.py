"""Linear time on every input family: a text ten times longer takes about ten times as long.

The ratio, not a time, is judged (times belong in bench/), in this process's CPU time and on the
best of three runs, so that other work on a busy machine does not decide the verdict. Quadratic work gives a ratio near 100; the bound is far
above linear (10) and far below that.
"""

from __future__ import annotations

import time

import pytest

from bench.input_families import FAMILIES
from prematch_kb.checker import check, forget

pytestmark = pytest.mark.slow  # about two hundred timed runs; `make test` keeps them

SMALL, LARGE = 4_000, 40_000
MAX_RATIO = 30
FLOOR = 0.002  # below 2 ms for the small size, timer noise would decide the ratio


def _best_time(text: str, mode: str) -> float:
    best = float("inf")
    for _ in range(3):
        # Each run starts with empty memories: sentences and words seen before are not read
        # again, which would make a short text's repeat runs look cheaper than a long one's.
        forget()
        start = time.process_time()
        check(text, mode=mode)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("mode", ["draft", "received"])
def test_time_grows_linearly(family: str, mode: str) -> None:
    make = FAMILIES[family]
    small = max(_best_time(make(SMALL), mode), FLOOR)
    large = _best_time(make(LARGE), mode)
    assert large / small < MAX_RATIO, (
        f"{family} ({mode}): {SMALL:,} characters take {small * 1000:.1f} ms, "
        f"{LARGE:,} take {large * 1000:.1f} ms (x{large / small:.0f} for x{LARGE // SMALL} the text)"
    )
