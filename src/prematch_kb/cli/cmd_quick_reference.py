"""`prematch-kb quick-reference`: build the two-page quick reference (PDF) from the knowledge base."""

from __future__ import annotations

import argparse
from pathlib import Path

from prematch_kb.cli.cmd_handbook import add_pdf_options, build_pdf


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "quick-reference",
        help="build the two-page quick reference (PDF)",
        description="Build the two-page quick reference (PDF) from the content folder: the rules, the "
        "key dates, what never to write, what to do when a program asks what it may not, and where to "
        "report. Exit 0 when written, 1 when the content has problems or does not fit on two pages, "
        "2 on bad usage.",
    )
    add_pdf_options(parser, Path("build/quick-reference.pdf"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from prematch_kb.handbook import build_quick_reference_from_content

    return build_pdf(args, "quick-reference", build_quick_reference_from_content)
