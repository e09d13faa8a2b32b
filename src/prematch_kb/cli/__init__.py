"""The `prematch-kb` command: a dispatcher over sub-command modules.

Each module named `cmd_<name>` in this package defines `register(subparsers)`, which adds its
parser and sets `func(args) -> int`. Modules import their heavy dependencies inside `func`, so
`prematch-kb check` stays as light as the checker.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad usage already; keep its message on one clear line."""

    def error(self, message: str) -> None:  # pragma: no cover - argparse plumbing
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="prematch-kb", description=__doc__.splitlines()[0])
    from prematch_kb import __version__

    parser.add_argument("--version", action="version", version=f"prematch-kb {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    package = importlib.import_module(__name__)
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if module_info.name.startswith("cmd_"):
            importlib.import_module(f"{__name__}.{module_info.name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
