"""Many drafts in one text: the one splitting rule of the command line and the checker page.

A line that holds only three or more hyphens (spaces or tabs around them allowed) separates two
drafts. Each draft loses the blank lines before it and the white space after it; a draft with
nothing left is no draft. The browser's batch mode calls `split_drafts` in its Pyodide worker,
so both sides split a text the same way.
"""

from __future__ import annotations

import re

# `\r?` so a file saved with Windows line endings splits too.
SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t]*\r?$", re.MULTILINE)
_LEADING_BLANK_LINES = re.compile(r"\A\s*\n")
_TRAILING_SPACE = re.compile(r"\s+\Z")


def split_drafts(text: str) -> list[str]:
    """The drafts in `text`, in order; a text without a separator is one draft (or none if blank)."""
    drafts = []
    for piece in SEPARATOR.split(text):
        draft = _TRAILING_SPACE.sub("", _LEADING_BLANK_LINES.sub("", piece))
        if draft.strip():
            drafts.append(draft)
    return drafts
