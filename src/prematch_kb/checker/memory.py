"""Bounded memories of what a check worked out about one sentence or one line.

While a visitor types, a check runs on every pause, and all but one sentence are the ones it read
a moment ago. A memory maps a sentence's text to what a check found in it, so those cost a look-up.
Each memory is emptied when it holds `kept` entries (bounded whatever is pasted), and `forget()`
empties them all: benchmarks and growth tests measure a first paste without them.
"""

from __future__ import annotations

_MEMORIES: list[Memory] = []


class Memory(dict):
    """A dict that empties itself before it grows past `kept` entries."""

    def __init__(self, kept: int) -> None:
        super().__init__()
        self.kept = kept
        _MEMORIES.append(self)

    def remember(self, key, value):
        if len(self) >= self.kept:
            self.clear()
        self[key] = value
        return value


def forget() -> None:
    """Empty every memory registered here."""
    for memory in _MEMORIES:
        memory.clear()
