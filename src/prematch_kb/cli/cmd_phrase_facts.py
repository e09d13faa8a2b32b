"""`prematch-kb phrase-facts [--check]`: regenerate the checker's cache of pattern facts."""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "phrase-facts",
        help="regenerate the checker's pattern facts cache (phrase_facts.json) from its patterns",
        description="Regenerate src/prematch_kb/checker/phrase_facts.json, which spares the checker "
        "parsing its patterns at start-up. Run it after editing a pattern.",
    )
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the file is out of date")
    parser.set_defaults(func=run)


def run(args) -> int:
    from prematch_kb.checker.phrase_facts import FACTS_PATH, is_current, write_facts

    if args.check:
        if is_current():
            print(f"{FACTS_PATH.name} is up to date.")
            return 0
        print(f"{FACTS_PATH} is out of date: run `prematch-kb phrase-facts`.", file=sys.stderr)
        return 1
    changed = write_facts()
    print(f"{'wrote' if changed else 'unchanged:'} {FACTS_PATH}")
    return 0
