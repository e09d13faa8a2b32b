"""Reading a built PDF back: poppler's pdfinfo and pdftotext, and the document catalog's entries
(the language, the structure tree), which poppler does not print. WeasyPrint compresses the
catalog into an object stream, so every Flate stream is inflated and searched."""

from __future__ import annotations

import re
import subprocess
import zlib
from pathlib import Path


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def page_texts(pdf: Path, *, layout: bool = False) -> list[str]:
    """pdftotext of each page: laid out as printed, or else in the order it was drawn (which
    follows the document, also across columns) with whitespace collapsed."""
    command = ["pdftotext", "-layout" if layout else "-raw", str(pdf), "-"]
    pages = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split("\f")[:-1]
    return pages if layout else [" ".join(page.split()) for page in pages]


def pdf_objects_text(pdf: Path) -> bytes:
    """The file's bytes with every Flate-compressed stream inflated after them."""
    data = pdf.read_bytes()
    inflated = []
    for match in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", match.end())
        try:
            inflated.append(zlib.decompressobj().decompress(data[match.end():end]))
        except zlib.error:
            continue
    return data + b"\n".join(inflated)


def catalog_language(pdf: Path) -> str:
    """The /Lang of the document catalog ("" when there is none)."""
    found = re.search(rb"/Type\s*/Catalog\b.*?/Lang\s*\(([^)]*)\)|/Lang\s*\(([^)]*)\)[^>]*?/Type\s*/Catalog",
                      pdf_objects_text(pdf), re.S)
    return (found.group(1) or found.group(2)).decode("latin-1") if found else ""


def has_structure_tree(pdf: Path) -> bool:
    text = pdf_objects_text(pdf)
    return bool(re.search(rb"/StructTreeRoot\s+\d+\s+0\s+R", text)) and b"/Marked true" in text
