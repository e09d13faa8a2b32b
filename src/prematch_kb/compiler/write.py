"""Write generated pages to a folder, for any static site generator."""

from __future__ import annotations

from pathlib import Path

from prematch_kb.compiler.page import Page


def write_pages(pages: list[Page], out_dir: Path) -> list[Path]:
    """Write each page's Markdown under `out_dir` (folders created); return the written files."""
    out_dir = Path(out_dir)
    written = []
    for page in pages:
        target = out_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
        written.append(target)
    return written
