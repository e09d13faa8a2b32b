"""`prematch-kb check` on many drafts: several files, a folder, or drafts separated by `---` lines.

Every input is read before anything is checked, so an unreadable file stops the run (exit 2)
with its name, not half-way through a table. A file holding several drafts names each one
`FILE#n`; a file holding one draft keeps its plain name. The table, CSV and JSON rows follow the
checker page's batch mode: counts by severity and the first problem (most severe, then first in
the text).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from prematch_kb.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, output_is_unicode

# What a folder contributes: its text drafts, saved emails and Markdown notes (not hidden files).
DRAFT_SUFFIXES = (".txt", ".eml", ".md")
BATCH_ONLY_FORMATS = ("table", "csv")
CSV_COLUMNS = ("draft", "errors", "warnings", "suggestions", "first_problem", "category")
_SEVERITY_RANK = {"error": 0, "warning": 1, "suggestion": 2}
_PROBLEM_WIDTH = 90  # characters of the first problem a table row shows


@dataclass(frozen=True)
class Draft:
    source: str  # FILE, FILE#n for one of several drafts in a file, "-" for standard input
    text: str


def is_batch(args) -> bool:
    """Several inputs, a folder, --batch, or a format only a batch has."""
    if args.batch or len(args.files) > 1 or args.format in BATCH_ONLY_FORMATS:
        return True
    return args.files[0] != "-" and Path(args.files[0]).is_dir()


def collect_drafts(names: list[str]) -> list[Draft]:
    """The drafts of every input, in the order given (a folder's files sorted by name)."""
    from prematch_kb.checker.batch import split_drafts
    from prematch_kb.cli.cmd_check import read_input

    if names.count("-") > 1:
        raise ValueError("standard input (-) can be read only once")
    drafts: list[Draft] = []
    for name in names:
        for file_name in _input_files(name):
            text = read_input(file_name)
            parts = split_drafts(text)
            if len(parts) <= 1:  # one draft, or a blank file, which the checker reports as such
                drafts.append(Draft(file_name, parts[0] if parts else text))
            else:
                drafts.extend(Draft(f"{file_name}#{n}", part) for n, part in enumerate(parts, 1))
    return drafts


def _input_files(name: str) -> list[str]:
    if name == "-" or not Path(name).is_dir():
        return [name]  # read_input reports a missing or unreadable file
    folder = Path(name)
    try:
        found = sorted((p for p in folder.iterdir() if p.suffix.lower() in DRAFT_SUFFIXES
                        and not p.name.startswith(".") and p.is_file()), key=lambda p: p.name)
    except OSError as error:
        raise ValueError(f"{name}: cannot list the folder ({error.strerror or error})") from None
    if not found:
        raise ValueError(f"{name}: no {', '.join(DRAFT_SUFFIXES[:-1])} or {DRAFT_SUFFIXES[-1]} files in this folder")
    return [str(path) for path in found]


def run_batch(args) -> int:
    from prematch_kb.checker import check
    from prematch_kb.cli.cmd_check import format_text, review_against_log

    if args.explain:
        print("prematch-kb check: error: --explain explains one draft; give one file", file=sys.stderr)
        return EXIT_USAGE
    results = []
    try:
        for draft in collect_drafts(args.files):
            report = check(draft.text, mode=args.mode, applicant_type=args.applicant_type, phase=args.phase,
                           recipient=args.recipient, specialty=args.specialty, program_name=args.program_name)
            if args.log:
                report.findings.extend(review_against_log(args, report))
            results.append((draft, report))
    except ValueError as error:
        print(f"prematch-kb check: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    fmt = args.format or "table"
    if fmt == "json":
        dicts = [{"source": draft.source, **report.to_dict()} for draft, report in results]
        print(json.dumps(dicts, ensure_ascii=not output_is_unicode(), indent=2))
    elif fmt == "csv":
        sys.stdout.write(format_csv(results))
    elif fmt == "text":
        print("\n\n".join(format_text(report, draft.source) for draft, report in results))
    else:
        print(format_table(results))
    return EXIT_FINDINGS if any(report.errors for _, report in results) else EXIT_OK


def first_problem(report) -> tuple[str, str]:
    """(what the first problem says, its category): the most severe finding, then the earliest."""
    # A log finding about the whole draft has no offset: it sorts as if at the start, as in the page.
    findings = sorted(report.findings, key=lambda f: (_SEVERITY_RANK.get(f.severity, 3), f.start or 0))
    if not findings:
        return report.verdict, ""
    first = findings[0]
    excerpt = f" (\u201c{first.excerpt}\u201d)" if first.excerpt else ""
    return f"{first.message}{excerpt}", first.category


def format_table(results) -> str:
    header = ("draft", "errors", "warnings", "suggestions", "first problem")
    rows = []
    for draft, report in results:
        problem = " ".join(first_problem(report)[0].split())
        if len(problem) > _PROBLEM_WIDTH:
            problem = problem[: _PROBLEM_WIDTH - 3] + "..."
        rows.append((draft.source, str(report.errors), str(report.warnings), str(report.suggestions), problem))
    width = max(len(row[0]) for row in [header, *rows])
    lines = [_table_line(header, width), _table_line(("-" * width, "------", "--------", "-----------", "-" * 13),
                                                    width)]
    lines += [_table_line(row, width) for row in rows]
    with_errors = sum(1 for _, report in results if report.errors)
    count = len(results)
    lines.append(f"{count} draft{'s' if count != 1 else ''} checked; "
                 f"{with_errors} with an error-level finding.")
    return "\n".join(lines)


def _table_line(cells, width: int) -> str:
    name, errors, warnings, suggestions, problem = cells
    return f"{name:<{width}}  {errors:>6}  {warnings:>8}  {suggestions:>11}  {problem}".rstrip()


def format_csv(results) -> str:
    """The checker page's CSV export, row for row; cells that a spreadsheet would run are guarded."""
    from prematch_kb.checker.commlog import csv_cell

    lines = [",".join(CSV_COLUMNS)]
    for draft, report in results:
        problem, category = first_problem(report)
        cells = (draft.source, str(report.errors), str(report.warnings), str(report.suggestions), problem, category)
        lines.append(",".join(csv_cell(cell) for cell in cells))
    return "\n".join(lines) + "\n"
