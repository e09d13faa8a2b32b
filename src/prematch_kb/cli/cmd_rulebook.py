"""`prematch-kb rulebook [--check]`: regenerate the checker's rulebook.json from the content."""

from __future__ import annotations

import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "rulebook",
        help="regenerate the checker's wording (rulebook.json) from the knowledge base",
        description="Regenerate src/prematch_kb/checker/rulebook.json from content/checks and content/rules.",
    )
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the file is out of date")
    parser.set_defaults(func=run)


def run(args) -> int:
    from prematch_kb.kb.errors import ContentError
    from prematch_kb.kb.loader import load_content
    from prematch_kb.kb.rulebook import RULEBOOK_PATH, rulebook_is_current, write_rulebook

    try:
        kb, settings = load_content(args.content)
    except ContentError as error:
        print(f"prematch-kb rulebook: the content has problems:\n{error}", file=sys.stderr)
        return 2
    if args.check:
        if rulebook_is_current(kb, settings):
            print(f"{RULEBOOK_PATH.name} is up to date.")
            return 0
        print(f"{RULEBOOK_PATH} is out of date: run `prematch-kb rulebook`.", file=sys.stderr)
        return 1
    changed = write_rulebook(kb, settings)
    print(f"{'wrote' if changed else 'unchanged:'} {RULEBOOK_PATH}")
    return 0
