"""The printable handbook: knowledge-base model -> print HTML and CSS -> PDF (WeasyPrint).

Rendered from the model, never from the site's HTML. `build_handbook` takes a loaded knowledge
base; `build_handbook_from_content` loads a content folder first. `build_quick_reference` (and
`..._from_content`) writes the two-page quick reference the same way. Nothing here knows MkDocs.
"""

from prematch_kb.handbook.build import (
    HandbookResult,
    build_handbook,
    build_handbook_from_content,
    build_quick_reference,
    build_quick_reference_from_content,
)
from prematch_kb.handbook.document import HandbookDocument, render_document
from prematch_kb.handbook.errors import HandbookError
from prematch_kb.handbook.settings import PAPER_SIZES, HandbookSettings

__all__ = [
    "PAPER_SIZES",
    "HandbookDocument",
    "HandbookError",
    "HandbookResult",
    "HandbookSettings",
    "build_handbook",
    "build_handbook_from_content",
    "build_quick_reference",
    "build_quick_reference_from_content",
    "render_document",
]
