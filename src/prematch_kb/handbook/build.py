"""Build the handbook PDF from a knowledge base, or straight from a content folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from prematch_kb.handbook.document import render_document
from prematch_kb.handbook.pdf import write_pdf
from prematch_kb.handbook.settings import HandbookSettings
from prematch_kb.kb.model import KnowledgeBase


@dataclass(frozen=True)
class HandbookResult:
    output: Path
    warnings: tuple[str, ...]  # WeasyPrint's layout and CSS warnings; empty for a clean build


def build_handbook(kb: KnowledgeBase, settings: HandbookSettings, output: Path) -> HandbookResult:
    document = render_document(kb, settings)
    title = f"{settings.title}: printed handbook, {settings.cycle} Match"
    warnings = write_pdf(document.html, Path(output), settings.paper, title)
    return HandbookResult(output=Path(output), warnings=tuple(warnings))


def build_handbook_from_content(content_dir: Path, output: Path, paper: str = "letter") -> HandbookResult:
    """Load and validate `content_dir`, then build. Loader errors propagate with file and line."""
    from prematch_kb.kb.loader import load_content

    kb, site = load_content(Path(content_dir))
    settings = HandbookSettings.from_site(site, paper=paper)
    return build_handbook(kb, settings, output)
