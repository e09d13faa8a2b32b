"""The `prematch-kb` command: a dispatcher over sub-command modules.

Each module named `cmd_<name>` in this package defines `register(subparsers)`, which adds its
parser and sets `func(args) -> int`. Modules import their heavy dependencies inside `func`, so
`prematch-kb check` stays as light as the checker.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import pkgutil
import sys
from typing import NoReturn

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad usage already; keep its message on one clear line."""

    def error(self, message: str) -> NoReturn:  # pragma: no cover - argparse plumbing
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


# The exit status a shell reports for a program stopped by SIGPIPE (128 + 13), and for Ctrl-C.
EXIT_BROKEN_PIPE, EXIT_INTERRUPTED = 141, 130


def main(argv: list[str] | None = None) -> int:
    """Run one command. Problems of the environment (a reader that closed the pipe, a terminal
    whose encoding lacks a character, a full disk, Ctrl-C) end with one line, never a traceback."""
    _tolerate_narrow_encodings()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        status = int(args.func(args) or 0)
        sys.stdout.flush()  # inside the guard: a closed pipe shows up here, not at exit
        return status
    except BrokenPipeError:
        # `prematch-kb check draft.txt | head`: the reader has what it wanted. Point stdout at
        # nothing so the interpreter's own flush at exit cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("prematch-kb: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EIO, errno.EPIPE, errno.EBADF):
            raise
        print(f"prematch-kb: error: cannot write the output ({error.strerror})", file=sys.stderr)
        return EXIT_USAGE


def _tolerate_narrow_encodings() -> None:
    """On a terminal or pipe whose encoding cannot show a character (PYTHONIOENCODING=ascii, an
    old Windows console), print a replacement instead of stopping with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and stream.errors == "strict":
            stream.reconfigure(errors="replace")


def output_is_unicode() -> bool:
    """Whether standard output can carry any character (JSON output escapes them otherwise)."""
    return (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "").startswith(("utf8", "utf16", "utf32"))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
