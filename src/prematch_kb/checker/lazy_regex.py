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


# Inline flags (which could switch case-sensitivity back on), named groups and escapes that spell
# a character by number or name (which could spell a capital letter) are left as they are.
_NOT_LOWERABLE = re.compile(r"\(\?[aiLmsux-]+[:)]|\(\?P|\\[xuUN0-9]")


def lowered(regex: LazyRegex) -> LazyRegex | None:
    """The same regex for text already in lower case (`text.lower_case`), without IGNORECASE, or
    None when it cannot be written so. The standard library's engine runs a case-insensitive
    pattern several times slower; on the lower-case text the plain pattern matches at exactly the
    same offsets. Remembered per regex."""
    if "lowered" in regex.__dict__:
        return regex.__dict__["lowered"]
    result = None
    if regex.flags == re.IGNORECASE and not _NOT_LOWERABLE.search(regex.pattern):
        result = LazyRegex(_lower_source(regex.pattern), 0)
    regex.__dict__["lowered"] = result
    return result


def _lower_source(source: str) -> str:
    """Letters in lower case, except the character after a backslash (\\S stays \\S)."""
    out = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            out.append(source[index : index + 2])
            index += 2
        else:
            out.append(char.lower())
            index += 1
    return "".join(out)


class FoldedRegex(LazyRegex):
    """A case-insensitive `LazyRegex` run the fast way: as its plain lower-case form on the
    lower-case text where it can be written so (`on_lower` True), else as itself on the original
    text. Decided and compiled on first use, so that importing the checker costs nothing."""

    def __init__(self, regex: LazyRegex) -> None:
        super().__init__(regex.pattern, regex.flags)
        self.regex = regex
        self.on_lower: bool | None = None  # None until first use

    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            folded = lowered(self.regex)
            self.on_lower = folded is not None
            compiled = self._compiled = (folded or self.regex).compiled()
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
        return compiled
