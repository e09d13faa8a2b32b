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
    parser.set_defaults(func=run)


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
