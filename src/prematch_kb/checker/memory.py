"""Bounded memories of what a check worked out about one sentence or one line.

While a visitor types, a check runs on every pause, and all but one sentence are the ones it read
a moment ago. A memory maps a sentence's text to what a check found in it, so those cost a look-up.
Each memory is emptied when it holds `kept` entries (bounded whatever is pasted), and `forget()`
empties them all: benchmarks and growth tests measure a first paste without them.
"""

from __future__ import annotations

_MEMORIES: list[Memory] = []
_MISSING = object()  # a remembered value may itself be None or False


class Memory(dict):
    """A dict that empties itself before it grows past `kept` entries."""

    def __init__(self, kept: int) -> None:
        super().__init__()
        self.kept = kept
        _MEMORIES.append(self)

    def recall(self, key, make, *args):
        """What was remembered for `key`, or `make(*args)`, remembered now."""
        found = self.get(key, _MISSING)
        if found is _MISSING:
            found = make(*args)
            if len(self) >= self.kept:
                self.clear()
            self[key] = found
        return found


def forget() -> None:
    """Empty every memory registered here."""
    for memory in _MEMORIES:
        memory.clear()
