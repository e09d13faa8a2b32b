"""The checker's public vocabularies: the one module of the checker that other layers import.

The knowledge base validates content against the ids the checker understands (a check's mode and
severity and how near a category it outranks must be, a profile's applicant type, a template's
audience, and for the communication log its directions, kinds and the [Placeholders] each log
finding fills). It reads them here, never from the modules that define them, so the checker can
move its internals freely as long as these names stay. Like the rest of the checker: standard
library only, nothing else from the project.

Everything the checker needs from the knowledge base goes the other way, as generated data
(`rulebook.json`, written by `prematch-kb rulebook`).
"""

from __future__ import annotations

from .commlog import DIRECTIONS as LOG_DIRECTIONS
from .commlog import DRAFT_KINDS as LOG_DRAFT_KINDS
from .commlog import KINDS as LOG_KINDS
from .commlog import MESSAGE_FIELDS as LOG_MESSAGE_FIELDS
from .context import APPLICANT_TYPES, MODES, RECIPIENTS
from .engine import REACHES
from .report import SEVERITIES

# How near a stronger category's finding must be to drop a weaker one (`outranks` in a check file).
OUTRANK_REACHES = tuple(REACHES)

__all__ = [
    "APPLICANT_TYPES",
    "LOG_DIRECTIONS",
    "LOG_DRAFT_KINDS",
    "LOG_KINDS",
    "LOG_MESSAGE_FIELDS",
    "MODES",
    "OUTRANK_REACHES",
    "RECIPIENTS",
    "SEVERITIES",
]
