"""The `kind:id` link syntax used inside Markdown fields, e.g. [the rule](rule:no-binding-commitments)."""

from __future__ import annotations

import re
from dataclasses import dataclass

LINK_KINDS = ("rule", "template", "specialty", "profile", "phase", "guide", "glossary", "source", "check")

# [text](kind:id) or [text](kind:id#anchor); the id is what must exist.
LINK_PATTERN = re.compile(
    r"\]\((?P<kind>" + "|".join(LINK_KINDS) + r"):(?P<id>[^)#\s]*)(?P<anchor>#[^)\s]*)?\)"
)

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# [Placeholder Name] in a template's subject or body.
PLACEHOLDER_PATTERN = re.compile(r"\[([^\[\]\n]+)\]")


@dataclass(frozen=True)
class Link:
    kind: str
    id: str
    anchor: str  # "" or "#..."
    start: int
    end: int


def find_links(text: str) -> list[Link]:
    return [
        Link(m["kind"], m["id"], m["anchor"] or "", m.start(), m.end())
        for m in LINK_PATTERN.finditer(text)
    ]
