"""`prematch-kb handbook`: build the printable PDF handbook from the knowledge base. The same
options and exit statuses serve `prematch-kb quick-reference` (cmd_quick_reference)."""

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
    add_pdf_options(parser, Path("build/handbook.pdf"))
    parser.set_defaults(func=run)


def add_pdf_options(parser: argparse.ArgumentParser, default_output: Path) -> None:
    parser.add_argument("-o", "--output", type=Path, default=default_output, metavar="FILE",
                        help=f"where to write the PDF (default: {default_output})")
    parser.add_argument("--paper", choices=PAPERS, default="letter", help="paper size (default: letter)")
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                        help="the content folder (default: ./content)")


def run(args: argparse.Namespace) -> int:
    from prematch_kb.handbook import build_handbook_from_content

    return build_pdf(args, "handbook", build_handbook_from_content)


def build_pdf(args: argparse.Namespace, command: str, build) -> int:
    """Run `build(content, output, paper=...)` and report as `prematch-kb COMMAND`."""
    from prematch_kb.handbook import HandbookError
    from prematch_kb.kb.errors import ContentError

    if not args.content.is_dir():
        print(f"prematch-kb {command}: {args.content}: no such folder", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        result = build(args.content, args.output, paper=args.paper)
    except ContentError as error:
        for problem in error.problems:
            print(problem)
        print(f"prematch-kb {command}: {len(error.problems)} content problem(s); no PDF written",
              file=sys.stderr)
        return 1
    except HandbookError as error:
        print(f"prematch-kb {command}: {error}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"prematch-kb {command}: layout warning: {warning}", file=sys.stderr)
    seconds = time.perf_counter() - started
    size = f", {result.font_size:g} pt type" if result.font_size else ""
    print(f"wrote {result.output} ({result.output.stat().st_size // 1024} KiB, {args.paper}{size}, {seconds:.1f} s)")
    return 0
