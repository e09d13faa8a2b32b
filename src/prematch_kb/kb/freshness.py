"""What has gone stale in the knowledge base on a given day.

Two kinds of staleness, both things a reader could be misled by:

- a date of the cycle that has already passed but was never confirmed from a primary source (it
  is neither a fact nor an expectation any more: someone must confirm or correct it);
- a review older than a year: a rule, specialty, profile, template, guide or list whose
  `reviewed` date, a source whose `checked` date, a specialty policy whose `searched` date, or the
  cycle's own `reviewed` date lies more than MAX_AGE_DAYS before the day.

`prematch-kb validate --freshness [--today YYYY-MM-DD]` prints them; the day is an option so a
test can fix it.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from prematch_kb.kb.model import KnowledgeBase

MAX_AGE_DAYS = 365


@dataclass(frozen=True, order=True)
class Stale:
    path: str  # relative to the content folder
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


def stale_items(kb: KnowledgeBase, today: _dt.date) -> list[Stale]:
    """Every past unconfirmed date and every review older than a year, sorted by file and line."""
    found: list[Stale] = []
    cycle_path = kb.cycle.origin.path or "timeline/cycle.yml"
    for item in kb.cycle.dates:
        if item.passed_unconfirmed(today):
            found.append(Stale(item.origin.path or cycle_path, item.origin.line, f"dates.{item.id}",
                               f"{item.date.isoformat()} has passed and is still unconfirmed; confirm it from "
                               "a dated NRMP, AAMC or ECFMG page (confirmed: true with a source) or correct it"))

    def old(path: str, line: int, field_name: str, day: _dt.date, what: str) -> None:
        if day != _dt.date.min and (today - day).days > MAX_AGE_DAYS:
            found.append(Stale(path, line, field_name,
                               f"{what} {day.isoformat()} is more than a year before {today.isoformat()}; "
                               "read it again and update the date"))

    old(cycle_path, kb.cycle.origin.line, "reviewed", kb.cycle.reviewed, "last reviewed")
    for source in kb.sources.values():
        old(source.origin.path, source.origin.line, f"sources.{source.id}.checked", source.checked, "last checked")
    for kind in ("rules", "profiles", "specialties", "templates", "guides"):
        for item in getattr(kb, kind).values():
            old(item.origin.path, item.origin.line, "reviewed", item.reviewed, "last reviewed")
    for specialty in kb.specialties.values():
        policy = specialty.communication_policy
        if policy is not None:
            old(specialty.origin.path, specialty.origin.line, "communication_policy.searched", policy.searched,
                "policy last searched")
    for collection in kb.collections.values():
        old(collection.origin.path, collection.origin.line, "reviewed", collection.reviewed, "last reviewed")
    return sorted(found)
