"""Print HTML to PDF with WeasyPrint: fonts embedded, layout warnings collected, no half files."""

from __future__ import annotations

import logging
import os
import tempfile
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

from prematch_kb.handbook.errors import HandbookError
from prematch_kb.handbook.settings import PAPER_SIZES


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _weasyprint_warnings():
    """WeasyPrint reports unsupported CSS and layout trouble on its logger; keep those messages."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def stylesheet_text(paper: str) -> str:
    if paper not in PAPER_SIZES:
        raise HandbookError(f"paper '{paper}' is not one of: {', '.join(PAPER_SIZES)}")
    return files("prematch_kb.handbook").joinpath("style.css").read_text(encoding="utf-8")


def write_pdf(html: str, output: Path, paper: str, title: str) -> list[str]:
    """Write the PDF to `output` atomically; return WeasyPrint's warnings (empty when clean)."""
    from weasyprint import CSS, HTML

    css = [CSS(string=stylesheet_text(paper)), CSS(string=f"@page {{ size: {PAPER_SIZES[paper]}; }}")]
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
        with _weasyprint_warnings() as warnings:
            document = HTML(string=html, base_url=str(output.parent)).render(stylesheets=css)
            document.metadata.title = title
            document.write_pdf(temp)
        os.chmod(temp, 0o644)
        os.replace(temp, output)
    except OSError as error:
        raise HandbookError(f"cannot write {output}: {error.strerror or error}") from error
    finally:
        temp.unlink(missing_ok=True)
    return warnings
