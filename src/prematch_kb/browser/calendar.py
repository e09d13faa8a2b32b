"""The cycle's key dates as an iCalendar file (RFC 5545) that applicants add to their own calendar.

Written into the built site as plan/key-dates.ics, linked from the plan and timeline pages. Each
date of timeline/cycle.yml is one all-day event. A date no primary source has confirmed says so in
its title ("expected, verify") and carries STATUS:TENTATIVE; a confirmed one STATUS:CONFIRMED with
its sources. The file is the same on every build of the same content (DTSTAMP is the day the
cycle was reviewed), so builds stay reproducible, and each event's UID is stable, so importing a
newer file updates the events instead of adding copies.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from urllib.parse import urlsplit

from prematch_kb.kb.model import CycleDate, KnowledgeBase

CALENDAR_FILE = "plan/key-dates.ics"
MEDIA_TYPE = "text/calendar"
_LINE_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded


def calendar_text(kb: KnowledgeBase, site_url: str) -> str:
    """The iCalendar text (CRLF line ends) of every date of the knowledge base's cycle."""
    cycle = kb.cycle
    host = urlsplit(site_url).hostname or "prematch-kb"
    stamp = f"{cycle.reviewed:%Y%m%d}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{_escape(host)}//Key dates//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(cycle.title)}: key dates",
    ]
    timeline = site_url.rstrip("/") + "/timeline/"
    for date in cycle.events:
        lines += _event(kb, date, cycle.id, host, stamp, timeline)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _event(kb: KnowledgeBase, date: CycleDate, cycle_id: str, host: str, stamp: str, timeline: str) -> list[str]:
    summary = date.label if date.confirmed else f"{date.label} (expected, verify)"
    if date.confirmed:
        cited = "; ".join(f"{c.source.publisher}, {c.source.title} ({c.source.url})" for c in date.citations)
        description = f"Confirmed{': ' + cited if cited else ''}."
    else:
        calendars = "; ".join(f"{c.source.publisher}: {c.source.url}" for c in kb.cycle.calendars)
        description = ("Expected, not confirmed by a primary source: check the official calendar before you "
                       f"rely on it{' (' + calendars + ')' if calendars else ''}.")
    if date.note:
        description += "\n\n" + " ".join(date.note.split())
    phase = kb.phases.get(date.phase)
    url = f"{timeline}#{phase.id}" if phase else timeline
    end = date.date + _dt.timedelta(days=1)
    return [
        "BEGIN:VEVENT",
        f"UID:{_escape(cycle_id)}-{_escape(date.id)}@{_escape(host)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{date.date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        f"STATUS:{'CONFIRMED' if date.confirmed else 'TENTATIVE'}",
        "TRANSP:TRANSPARENT",  # a reminder, not time the applicant is busy
        f"URL:{url}",
        "END:VEVENT",
    ]


def _escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    out: list[str] = []
    current, size = "", 0
    limit = _LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size = " ", 1  # a continuation line starts with one space
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def write_calendar(kb: KnowledgeBase, site_url: str, site_dir: str | Path) -> Path:
    """Write plan/key-dates.ics into the built site; return its path."""
    path = Path(site_dir) / CALENDAR_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(calendar_text(kb, site_url).encode("utf-8"))
    return path
