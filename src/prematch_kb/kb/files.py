"""Reading content files: UTF-8 text, YAML mappings, and how paths are shown in problems."""

from __future__ import annotations

import os
from pathlib import Path

from prematch_kb.kb.errors import Problems
from prematch_kb.kb.fields import describe
from prematch_kb.kb.yamlsource import LocatedDict, parse_yaml


def display_path(content_dir: Path, relative: str) -> str:
    """A content file as shown in problems: relative to the working folder when inside it."""
    full = Path(content_dir) / relative
    try:
        shown = os.path.relpath(full)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(full)
    return str(full.resolve()) if shown.startswith("..") else shown.replace(os.sep, "/")


def read_text(path: Path, shown: str, problems: Problems) -> str | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.add(shown, 0, "", "missing file; expected it to exist (see content/README.md)")
        return None
    except OSError as error:
        problems.add(shown, 0, "", f"cannot read the file: {error.strerror}")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(shown, line, "", f"not UTF-8 text (byte 0x{data[error.start]:02x}); "
                     "expected the file to be saved as UTF-8")
        return None


def read_mapping(path: Path, shown: str, problems: Problems) -> LocatedDict | None:
    """Read a YAML file whose top level is a mapping of fields."""
    text = read_text(path, shown, problems)
    if text is None:
        return None
    before = len(problems.items)
    data = parse_yaml(text, shown, problems)
    if data is None:
        if len(problems.items) > before:
            return None  # malformed YAML, already reported with its line
        problems.add(shown, 1, "", "expected a mapping of fields; the file is empty")
        return None
    if not isinstance(data, LocatedDict):
        problems.add(shown, 1, "", f"expected a mapping of fields at the top level; got {describe(data)}")
        return None
    return data
