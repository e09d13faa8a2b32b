"""Helpers shared by the quality gates: digests of a built site, its pages.

Paths, the site project over other content and the MkDocs build helper are in tests/conftest.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def built_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site (MkDocs' 404 page included)."""
    return sorted(site.rglob("*.html"))
