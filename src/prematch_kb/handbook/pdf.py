"""Print HTML to PDF with WeasyPrint: fonts embedded, tagged for screen readers, the document's
language and metadata set, layout warnings collected, no half files."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from prematch_kb.handbook.errors import HandbookError
from prematch_kb.handbook.settings import PAPER_SIZES

STYLESHEET = "style.css"  # the full handbook's; the quick reference has its own
SHARED_STYLESHEET = "badges.css"  # what both documents draw alike, loaded first


@dataclass(frozen=True)
class PdfMetadata:
    """The PDF's document information. The language comes from the HTML (`<html lang>`), which
    WeasyPrint writes to the catalog's /Lang."""

    title: str
    author: str
    subject: str = ""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def weasyprint_warnings() -> Iterator[list[str]]:
    """WeasyPrint reports unsupported CSS and layout trouble on its logger; keep those messages."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def stylesheet_text(paper: str, stylesheet: str = STYLESHEET) -> str:
    if paper not in PAPER_SIZES:
        raise HandbookError(f"paper '{paper}' is not one of: {', '.join(PAPER_SIZES)}")
    return files("prematch_kb.handbook").joinpath(stylesheet).read_text(encoding="utf-8")


def render(html: str, paper: str, base_url: str, stylesheet: str = STYLESHEET, extra_css: str = ""):
    """Lay out the document (a weasyprint.Document) without writing it; `extra_css` comes last."""
    from weasyprint import CSS, HTML

    css = [CSS(string=stylesheet_text(paper, SHARED_STYLESHEET)), CSS(string=stylesheet_text(paper, stylesheet)),
           CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }}")]
    if extra_css:
        css.append(CSS(string=extra_css))
    return HTML(string=html, base_url=base_url).render(stylesheets=css)


def write_document(document, output: Path, metadata: PdfMetadata) -> None:
    """Write a laid-out document to `output` atomically, as a tagged PDF (a structure tree that
    screen readers follow, with the reading order and the headings of the HTML)."""
    output = Path(output)
    if output.is_dir():
        raise HandbookError(f"{output} is a folder; give the PDF's file name")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    except OSError as error:
        raise HandbookError(f"cannot write into {output.parent}: {error.strerror or error}") from error
    os.close(handle)
    temp = Path(temp_name)
    try:
        document.metadata.title = metadata.title
        document.metadata.authors = [metadata.author] if metadata.author else []
        if metadata.subject:
            document.metadata.description = metadata.subject
        document.write_pdf(temp, pdf_tags=True)
        os.chmod(temp, 0o644)
        os.replace(temp, output)
    except OSError as error:
        raise HandbookError(f"cannot write {output}: {error.strerror or error}") from error
    finally:
        temp.unlink(missing_ok=True)


def write_pdf(html: str, output: Path, paper: str, metadata: PdfMetadata) -> list[str]:
    """Lay out and write the full handbook; return WeasyPrint's warnings (empty when clean)."""
    output = Path(output)
    if output.is_dir():
        raise HandbookError(f"{output} is a folder; give the PDF's file name")
    with weasyprint_warnings() as warnings:
        document = render(html, paper, base_url=str(output.parent))
        write_document(document, output, metadata)
    return warnings
