"""`prematch-kb validate`: check every content file and report all problems at once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check the knowledge base (content/) and list every problem",
        description="Check every content file: exit 0 with a summary, or 1 listing each problem "
        "as FILE:LINE: FIELD: what was expected.",
    )
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                        help="the content folder (default: ./content)")
    parser.add_argument("--freshness", action="store_true",
                        help="also list every cycle date that has passed unconfirmed and every review, "
                        "source check or policy search older than a year (exit 1 if there is one)")
    parser.add_argument("--today", type=_day, default=None, metavar="YYYY-MM-DD",
                        help="the day --freshness judges against (default: today)")
    parser.set_defaults(func=run)


def _day(value: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date written YYYY-MM-DD; got {value!r}") from None


def run(args: argparse.Namespace) -> int:
    from prematch_kb.kb.errors import ContentError
    from prematch_kb.kb.loader import load_content

    if not args.content.is_dir():
        print(f"prematch-kb validate: {args.content}: no such folder", file=sys.stderr)
        return 2
    try:
        kb, _settings = load_content(args.content)
    except ContentError as error:
        for problem in error.problems:
            print(problem)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {args.content}", file=sys.stderr)
        return 1
    print(summary(kb))
    if args.freshness:
        return freshness(kb, args.today)
    return 0


def freshness(kb, today=None) -> int:
    """Print what is stale on `today` (default: the real day); 1 when anything is."""
    import datetime as dt

    from prematch_kb.kb.freshness import MAX_AGE_DAYS, stale_items

    day = today or dt.date.today()
    found = stale_items(kb, day)
    for item in found:
        print(item)
    if found:
        count = len(found)
        print(f"{count} stale item{'s' if count != 1 else ''} on {day.isoformat()} (dates passed unconfirmed, "
              f"or reviewed more than {MAX_AGE_DAYS} days ago)", file=sys.stderr)
        return 1
    print(f"Fresh on {day.isoformat()}: no past date is unconfirmed and nothing was reviewed more than "
          f"{MAX_AGE_DAYS} days ago")
    return 0


def summary(kb) -> str:
    counts = [
        (len(kb.sources), "source"), (len(kb.rules), "rule"), (len(kb.checks), "check"),
        (len(kb.phases), "phase"), (len(kb.profiles), "profile"), (len(kb.specialties), "specialty"),
        (len(kb.templates), "template"), (len(kb.guides), "guide"), (len(kb.mistakes), "mistake"),
        (len(kb.checklists), "checklist"), (len(kb.faq), "FAQ entry"), (len(kb.glossary), "glossary term"),
    ]
    plural = {"specialty": "specialties", "FAQ entry": "FAQ entries"}
    parts = [f"{n} {word if n == 1 else plural.get(word, word + 's')}" for n, word in counts]
    return f"OK: {kb.root}: " + ", ".join(parts)
