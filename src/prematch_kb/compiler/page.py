"""A generated page: where it goes, what it says, and which content file it came from."""

from __future__ import annotations

from dataclasses import dataclass

# Navigation sections, in the order the site shows them.
SECTION_GUIDE = "Guide"
SECTION_RULES = "Rules"
SECTION_SPECIALTIES = "Specialties"
SECTION_TEMPLATES = "Templates"
SECTION_REFERENCE = "Reference"


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, e.g. "rules/no-binding-commitments.md"
    title: str
    markdown: str
    origin: str  # content file relative to the content folder ("" for pages built from many files)
    section: str  # one of the SECTION_* names
    nav_title: str = ""  # shorter title for the navigation ("" means `title`)
    # The group the page is listed under within its section's navigation, as the section's
    # index groups it: a rule's status, a template's first phase, a guide's kind ("" for none).
    nav_group: str = ""
