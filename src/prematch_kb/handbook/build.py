"""Build the handbook PDF and the two-page quick reference from a knowledge base, or straight
from a content folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from prematch_kb.handbook import quick_reference
from prematch_kb.handbook.document import render_document
from prematch_kb.handbook.errors import HandbookError
from prematch_kb.handbook.pdf import PdfMetadata, render, weasyprint_warnings, write_document, write_pdf
from prematch_kb.handbook.settings import HandbookSettings
from prematch_kb.kb.model import KnowledgeBase

QUICK_REFERENCE_PAGES = 2
# Base type sizes the quick reference may use, largest first, in points: the build takes the
# first at which page 1 (rules, dates) and page 2 (wording, questions, reporting) each fit.
QUICK_REFERENCE_SIZES = (9.0, 8.75, 8.5, 8.25, 8.0, 7.75, 7.5, 7.25, 7.0)


@dataclass(frozen=True)
class HandbookResult:
    output: Path
    warnings: tuple[str, ...]  # WeasyPrint's layout and CSS warnings; empty for a clean build
    font_size: float = 0.0  # the quick reference's base type size in points (0 for the handbook)


def handbook_metadata(settings: HandbookSettings) -> PdfMetadata:
    """The full handbook's document information (title, author, subject)."""
    return PdfMetadata(title=f"{settings.title}: printed handbook, {settings.cycle} Match",
                       author=settings.author, subject=settings.description)


def build_handbook(kb: KnowledgeBase, settings: HandbookSettings, output: Path) -> HandbookResult:
    document = render_document(kb, settings)
    warnings = write_pdf(document.html, Path(output), settings.paper, handbook_metadata(settings))
    return HandbookResult(output=Path(output), warnings=tuple(warnings))


def build_quick_reference(kb: KnowledgeBase, settings: HandbookSettings, output: Path) -> HandbookResult:
    """Write the quick reference, exactly two pages, in the largest type that allows it. Content
    that does not fit even in the smallest size is an error: shorten it, or move it out."""
    output = Path(output)
    if output.is_dir():
        raise HandbookError(f"{output} is a folder; give the PDF's file name")
    html = quick_reference.render_quick_reference(kb, settings)

    def layout(size: float):
        return render(html, settings.paper, base_url=str(output.parent),
                      stylesheet="quick_reference.css", extra_css=f"html {{ font-size: {size}pt; }}")

    with weasyprint_warnings() as warnings:
        size, document, pages = _largest_fitting(layout)
        if document is None:
            raise HandbookError(
                f"the quick reference needs {pages} pages on {settings.paper} paper even at "
                f"{QUICK_REFERENCE_SIZES[-1]} pt; shorten the rules' summaries or phrasings, or list fewer "
                "of them (prematch_kb/handbook/quick_reference.py)")
        metadata = PdfMetadata(title=quick_reference.title(settings), author=settings.author,
                               subject=settings.description)
        write_document(document, output, metadata)
    # Every size tried lays out the same HTML, so a warning repeats: each is kept once.
    return HandbookResult(output=output, warnings=tuple(dict.fromkeys(warnings)), font_size=size)


def _largest_fitting(layout):
    """(size, document, pages): the largest of QUICK_REFERENCE_SIZES whose layout has exactly
    QUICK_REFERENCE_PAGES pages, found by bisection (smaller type never needs more pages); the
    document is None, and pages the count at the smallest size, when none fits."""
    low, high = 0, len(QUICK_REFERENCE_SIZES) - 1
    best = None
    pages = 0
    while low <= high:
        middle = (low + high) // 2
        document = layout(QUICK_REFERENCE_SIZES[middle])
        pages = len(document.pages)
        if pages <= QUICK_REFERENCE_PAGES:
            best = (QUICK_REFERENCE_SIZES[middle], document)
            high = middle - 1
        else:
            low = middle + 1
    if best is None or len(best[1].pages) != QUICK_REFERENCE_PAGES:
        return QUICK_REFERENCE_SIZES[-1], None, pages
    return best[0], best[1], QUICK_REFERENCE_PAGES


def build_handbook_from_content(content_dir: Path, output: Path, paper: str = "letter") -> HandbookResult:
    """Load and validate `content_dir`, then build. Loader errors propagate with file and line."""
    from prematch_kb.kb.loader import load_content

    kb, site = load_content(Path(content_dir))
    settings = HandbookSettings.from_site(site, paper=paper)
    return build_handbook(kb, settings, output)


def build_quick_reference_from_content(content_dir: Path, output: Path, paper: str = "letter") -> HandbookResult:
    """Load and validate `content_dir`, then build the quick reference."""
    from prematch_kb.kb.loader import load_content

    kb, site = load_content(Path(content_dir))
    settings = HandbookSettings.from_site(site, paper=paper)
    return build_quick_reference(kb, settings, output)
