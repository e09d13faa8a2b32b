"""The key-dates calendar (plan/key-dates.ics): valid iCalendar that a calendar app imports, one
all-day event per date of the cycle, expected dates marked as such, the same bytes on every build."""

from __future__ import annotations

import datetime as dt

from prematch_kb.browser.calendar import _escape, _fold, calendar_text, write_calendar


def unfold(text: str) -> list[str]:
    """Content lines as RFC 5545 3.1 reads them: CRLF ends, a leading space continues a line."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines: list[str] = []
    for raw in text.split("\r\n")[:-1]:
        if raw.startswith(" "):
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return lines


def events(text: str) -> list[dict[str, str]]:
    out, current = [], None
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            out.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return out


def test_one_event_per_date_with_its_status(real):
    kb, settings = real
    text = calendar_text(kb, settings.site_url)
    lines = unfold(text)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-1] == "END:VCALENDAR"
    assert any(line.startswith("PRODID:") for line in lines)
    found = events(text)
    assert len(found) == len(kb.cycle.events) == len([d for d in kb.cycle.dates if not d.boundary])
    by_uid = {e["UID"]: e for e in found}
    # a stage boundary ("the day after Match Day") is no event
    assert not any(f"{kb.cycle.id}-{d.id}@" in uid for d in kb.cycle.dates if d.boundary for uid in by_uid)
    assert any(d.boundary for d in kb.cycle.dates)
    for date in kb.cycle.events:
        event = by_uid[f"{kb.cycle.id}-{date.id}@prematch-kb.org"]
        assert event["DTSTART;VALUE=DATE"] == f"{date.date:%Y%m%d}"
        assert event["DTEND;VALUE=DATE"] == f"{date.date + dt.timedelta(days=1):%Y%m%d}"
        assert event["STATUS"] == ("CONFIRMED" if date.confirmed else "TENTATIVE")
        assert event["SUMMARY"].endswith("(expected\\, verify)") != date.confirmed
        assert event["URL"].startswith(settings.site_url + "timeline/#")
        assert event["DTSTAMP"] == f"{kb.cycle.reviewed:%Y%m%d}T000000Z"
    match_day = next(d for d in kb.cycle.dates if d.id == "match-day")
    assert by_uid[f"{kb.cycle.id}-match-day@prematch-kb.org"]["SUMMARY"].startswith(_escape(match_day.label))


def test_lines_are_folded_at_75_octets_and_the_file_is_stable(real, tmp_path):
    kb, settings = real
    text = calendar_text(kb, settings.site_url)
    assert all(len(raw.encode("utf-8")) <= 75 for raw in text.split("\r\n"))
    first = write_calendar(kb, settings.site_url, tmp_path / "a").read_bytes()
    second = write_calendar(kb, settings.site_url, tmp_path / "b").read_bytes()
    assert first == second == text.encode("utf-8")


def test_folding_never_splits_a_character_and_escaping_round_trips():
    line = "DESCRIPTION:" + "é" * 60 + "—" * 20
    folded = _fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert "".join(p[1:] if i else p for i, p in enumerate(folded.split("\r\n"))) == line
    assert _escape('a, b; c\\d\ne') == "a\\, b\\; c\\\\d\\ne"
