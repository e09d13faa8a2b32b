"""Regular expressions compiled on first use.

Compiling the checker's few hundred patterns costs most of its import time, which in the browser
delays the moment the page is ready. A `LazyRegex` holds the pattern text and compiles it the first
time a method is called; from then on the compiled pattern's own methods are stored on the object,
so later calls cost what calls on a compiled pattern cost. Results are those of `re.compile`.
"""

from __future__ import annotations

import re

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "split")


class LazyRegex:
    """The methods of `re.compile(pattern, flags)`, compiling on the first call."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
            # Instance attributes shadow the methods below: later calls go straight to C.
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
        return compiled

    @property
    def is_compiled(self) -> bool:
        return self._compiled is not None

    def match(self, *args, **kwargs):
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args, **kwargs):
        return self.compiled().fullmatch(*args, **kwargs)

    def search(self, *args, **kwargs):
        return self.compiled().search(*args, **kwargs)

    def finditer(self, *args, **kwargs):
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args, **kwargs):
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args, **kwargs):
        return self.compiled().sub(*args, **kwargs)

    def split(self, *args, **kwargs):
        return self.compiled().split(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r}, {self.flags!r})"


def lazy(pattern: str, flags: int = 0) -> LazyRegex:
    return LazyRegex(pattern, flags)
