"""Safe Markdown building blocks: any content text can go in without breaking the page."""

from __future__ import annotations

import html
import re

# Characters Python-Markdown (with the tables extension) lets a backslash escape, and that can
# start markup anywhere in a line. Escaping others would show the backslash.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")
_LINE_START = re.compile(r"^([+\-]|\d+[.)])")


def text(value: str) -> str:
    """Plain text as one line of inline Markdown: anything that could start markup is escaped."""
    one_line = " ".join(value.split())
    escaped = html.escape(one_line, quote=False)  # & < > as entities: a backslash cannot escape <
    escaped = _INLINE_SPECIAL.sub(r"\\\1", escaped)
    return _LINE_START.sub(lambda m: m[1][:-1] + "\\" + m[1][-1], escaped)


def cell(value: str) -> str:
    """Markdown (already safe inline Markdown) for a table cell: one line, pipes escaped."""
    one_line = " ".join(value.split())
    return re.sub(r"(?<!\\)\|", r"\\|", one_line) or " "


def attr(value: str) -> str:
    return html.escape(value, quote=True)


def fence(body: str, language: str = "text") -> str:
    """A fenced code block longer than any backtick run inside the body."""
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{language}\n{body.rstrip()}\n{ticks}"


def indent(block: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in block.splitlines())


def admonition(kind: str, title: str, body: str) -> str:
    return f'!!! {kind} "{title.replace(chr(34), chr(39))}"\n\n{indent(body)}\n'


def heading(level: int, title_markdown: str, anchor: str = "", *, searchable: bool = True) -> str:
    """A heading; `searchable=False` keeps its section out of the site search index (lists of links
    to pages that are indexed themselves: they would only make the index every page loads bigger)."""
    attributes = ([f"#{anchor}"] if anchor else []) + ([] if searchable else ["data-search-exclude"])
    suffix = f" {{{' '.join(attributes)}}}" if attributes else ""
    return f"{'#' * level} {title_markdown}{suffix}"


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table from cells that are already inline Markdown."""
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |",
             "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def bullets(items: list[str]) -> str:
    """A bulleted list from items that are Markdown; continuation lines are indented."""
    out = []
    for item in items:
        lines = item.strip().splitlines() or [""]
        out.append("- " + lines[0] + "".join("\n    " + line if line.strip() else "\n" for line in lines[1:]))
    return "\n".join(out)
