"""`prematch-kb train-checker [--check]`: train the checker's learnt layer from the labelled corpus."""

from __future__ import annotations

import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "train-checker",
        help="train the checker's learnt layer (learned.json) from the labelled corpus",
        description="Train src/prematch_kb/checker/learned.json from tests/corpus and tests/frontier.",
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (default: .)")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the file is stale")
    parser.set_defaults(func=run)


def run(args) -> int:
    from prematch_kb import training

    if not (args.root / training.FIRST_FINDINGS).is_file():
        print(f"prematch-kb train-checker: {args.root / training.FIRST_FINDINGS} not found: run it in the "
              "project folder or give --root", file=sys.stderr)
        return 2
    if args.check:
        if training.is_current(args.root):
            print(f"{training.learned.WEIGHTS.name} is current.")
            return 0
        print(f"{training.learned.WEIGHTS} is stale: run `prematch-kb train-checker`.", file=sys.stderr)
        return 1
    data = training.train(args.root, log=lambda line: print(line, file=sys.stderr))
    training.write(data)
    print(f"wrote {training.learned.WEIGHTS} ({len(data['models'])} models)")
    return 0
