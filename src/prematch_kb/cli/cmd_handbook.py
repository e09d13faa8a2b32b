"""`prematch-kb handbook`: build the printable PDF handbook from the knowledge base."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

PAPERS = ("letter", "a4")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "handbook",
        help="build the printable PDF handbook",
        description="Build the printable handbook (PDF) from the content folder. Exit 0 when "
        "written, 1 when the content has problems (listed as FILE:LINE: FIELD: ...), 2 on bad usage.",
    )
    parser.add_argument("-o", "--output", type=Path, default=Path("build/handbook.pdf"), metavar="FILE",
                        help="where to write the PDF (default: build/handbook.pdf)")
    parser.add_argument("--paper", choices=PAPERS, default="letter", help="paper size (default: letter)")
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                        help="the content folder (default: ./content)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from prematch_kb.handbook import HandbookError, build_handbook_from_content
    from prematch_kb.kb.errors import ContentError

    if not args.content.is_dir():
        print(f"prematch-kb handbook: {args.content}: no such folder", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        result = build_handbook_from_content(args.content, args.output, paper=args.paper)
    except ContentError as error:
        for problem in error.problems:
            print(problem)
        print(f"prematch-kb handbook: {len(error.problems)} content problem(s); no PDF written",
              file=sys.stderr)
        return 1
    except HandbookError as error:
        print(f"prematch-kb handbook: {error}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"prematch-kb handbook: layout warning: {warning}", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"wrote {result.output} ({result.output.stat().st_size // 1024} KiB, {args.paper}, {seconds:.1f} s)")
    return 0
