"""Anchor ids inside the handbook, one scheme shared by chapters and Markdown link resolution.

A content link `rule:no-binding-commitments` and the rule's own heading must agree on the anchor,
so both are computed here.
"""

from __future__ import annotations

from prematch_kb.kb.links import LINK_KINDS  # noqa: F401  (kinds a content link may name)


def anchor(kind: str, object_id: str) -> str:
    """The element id of an object's heading or entry, e.g. `rule-no-binding-commitments`."""
    return f"{kind}-{object_id}"


def chapter_anchor(chapter_id: str) -> str:
    return f"chapter-{chapter_id}"
