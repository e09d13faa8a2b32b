"""`prematch-kb check FILE|-`: check an email draft, or a message received from a program."""

from __future__ import annotations

import json
import sys
from bisect import bisect_right
from pathlib import Path

from prematch_kb.checker.commlog import DRAFT_KINDS
from prematch_kb.checker.context import APPLICANT_TYPES, MODES, RECIPIENTS
from prematch_kb.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, output_is_unicode


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check an email draft (or a message from a program) against the Match communication rules",
        description=(
            "Check an email draft against the Match communication rules, or (with --mode received) a "
            "message from a program for questions it should not ask. Several files, a folder or --batch "
            "check many drafts (a line of --- separates two drafts in one file) and print a table. Exit "
            "status: 0 no error-level finding, 1 at least one, 2 bad usage or unreadable input."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="UTF-8 text file to check, or - to read standard input; several files or a folder "
                        "(its .txt, .eml and .md files, sorted) check each draft in turn")
    parser.add_argument("--mode", choices=MODES, default="draft",
                        help="draft: your email (default); received: a program's message")
    parser.add_argument("--format", choices=("text", "json", "table", "csv"),
                        help="output format: text (default) or json for one draft; table (default), csv, json "
                        "or text for many")
    parser.add_argument("--applicant-type", choices=APPLICANT_TYPES, help="who is writing")
    # Phases and specialties are the knowledge base's ids, checked against the checker's rulebook.
    parser.add_argument("--phase", help="where in the season the email is sent, e.g. post-interview")
    parser.add_argument("--recipient", choices=RECIPIENTS, help="who will read it")
    parser.add_argument("--specialty", help="specialty id, e.g. pediatrics")
    parser.add_argument("--program-name", help="the program written to")
    parser.add_argument("--log", metavar="LOG", help="your communication log (CSV or JSON): also check the draft "
                        "against what you already sent to and received from programs; needs --program-name")
    parser.add_argument("--explain", action="store_true",
                        help="also list every match the meaning rules considered, kept or dropped, and why")
    parser.add_argument("--kind", choices=DRAFT_KINDS, help="with --log: what the draft is (thank-you, update, ...), "
                        "to count it against the usual cadence")
    parser.add_argument("--batch", action="store_true",
                        help="treat even one file as many drafts separated by lines of --- (implied by several "
                        "files, a folder, --format table or --format csv)")
    parser.set_defaults(func=run)


# An email, or a season's communication log, is far smaller; more is a wrong file (or /dev/zero),
# and reading stops there instead of filling memory.
MAX_INPUT_BYTES = 4 * 1024 * 1024


def read_input(name: str, limit: int = MAX_INPUT_BYTES) -> str:
    """The text of FILE or standard input; ValueError with a one-line reason when unreadable."""
    if name == "-":
        data = sys.stdin.buffer.read(limit + 1)
        shown = "standard input"
    else:
        path = Path(name)
        if path.is_dir():
            raise ValueError(f"{name}: is a directory, not a text file")
        try:
            with path.open("rb") as file:
                data = file.read(limit + 1)
        except FileNotFoundError:
            raise ValueError(f"{name}: no such file") from None
        except OSError as error:
            raise ValueError(f"{name}: cannot read ({error.strerror or error})") from None
        shown = name
    if len(data) > limit:
        raise ValueError(f"{shown}: more than {limit // (1024 * 1024)} MB; expected an email or a communication log")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"{shown}: not UTF-8 text (invalid byte at offset {error.start})") from None


def run(args) -> int:
    from prematch_kb.checker import check
    from prematch_kb.cli.check_batch import is_batch, run_batch

    if is_batch(args):
        return run_batch(args)
    name = args.files[0]
    try:
        text = read_input(name)
        report = check(
            text,
            mode=args.mode,
            applicant_type=args.applicant_type,
            phase=args.phase,
            recipient=args.recipient,
            specialty=args.specialty,
            program_name=args.program_name,
        )
        if args.log:
            report.findings.extend(review_against_log(args, report))
    except ValueError as error:
        print(f"prematch-kb check: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        # JSON stays valid on an output that cannot carry every character: \u escapes then.
        print(json.dumps(report.to_dict(), ensure_ascii=not output_is_unicode(), indent=2))
    else:
        print(format_text(report, name))
        if args.explain:
            print(format_explanation(text, args.mode, name))
    return EXIT_FINDINGS if report.errors else EXIT_OK


def format_explanation(text: str, mode: str, name: str) -> str:
    """Every candidate of the meaning rules, where it is, which rule, the words, and why it was
    kept or dropped, then each category the rules found that the learnt layer weighs (its best
    sentence score against its veto), then every sentence the learnt layer scored at or above a
    threshold, with its score and the words that carried it; findings of the checks that read
    shapes (placeholders, greetings, texting style) are listed in the report above."""
    from prematch_kb.checker.engine import MAX_CHARS, learned_candidates, weigh_vetoes
    from prematch_kb.checker.meaning import explain
    from prematch_kb.checker.registry import Hit
    from prematch_kb.checker.text import build_document

    checked = text[:MAX_CHARS]
    doc = build_document(checked)
    candidates = explain(doc, mode)
    breaks = [i for i, ch in enumerate(checked) if ch == "\n"]
    lines = ["", f"Meaning rules: {len(candidates)} candidate(s) in {name}"]
    for candidate in candidates:
        line = bisect_right(breaks, candidate.start - 1)
        column = candidate.start - (breaks[line - 1] + 1 if line else 0) + 1
        line += 1
        words = " ".join(candidate.words.split())
        verdict = candidate.reason if candidate.kept else f"dropped: {candidate.reason}"
        lines.append(f"{name}:{line}:{column}: [{candidate.rule.category}] rule {candidate.rule.id}: "
                     f'"{words}" ({verdict})')
    found = [Hit(c.rule.category, c.start, c.end) for c in candidates if c.kept]
    found, vetoes = weigh_vetoes(doc, mode, found)
    if vetoes:
        lines += ["", f"Learnt vetoes: {len(vetoes)} category(ies) the rules found, weighed against the whole text"]
    for veto in vetoes:
        verdict = "the rules' finding stands" if veto.kept else "the rules' finding is dropped"
        lines.append(f"{name}: [{veto.category}] best sentence score {veto.best:.2f} (veto at or below "
                     f"{veto.veto:.2f}): {verdict}")
    learnt = learned_candidates(doc, mode, found)
    lines += ["", f"Learnt layer: {len(learnt)} sentence(s) scored at or above a threshold in {name}"]
    for candidate in learnt:
        line = bisect_right(breaks, candidate.start - 1)
        column = candidate.start - (breaks[line - 1] + 1 if line else 0) + 1
        words = " ".join(candidate.words.split())
        verdict = "kept" if candidate.kept else f"dropped: {candidate.reason}"
        lines.append(f"{name}:{line + 1}:{column}: [{candidate.category}] score {candidate.score:.2f} "
                     f'(threshold {candidate.threshold:.2f}), carried by "{words}" ({verdict})')
    return "\n".join(lines)


def review_against_log(args, report) -> list:
    """Findings from the communication log (a second first choice, cadence, replies due)."""
    from prematch_kb.checker.commlog import LogFormatError, load_log, review_draft

    if args.mode != "draft":
        raise ValueError("--log reviews your own draft; it cannot be used with --mode received")
    if not (args.program_name or "").strip():
        raise ValueError("--log needs --program-name: the log is read per program")
    text = read_input(args.log)
    try:
        log = load_log(text, "json" if args.log.lower().endswith(".json") else None)
    except LogFormatError as error:
        raise ValueError(f"{args.log}: not a usable communication log: {error}") from None
    return review_draft(log, report, args.program_name, kind=args.kind)


def format_text(report, name: str) -> str:
    """Compiler-style lines: where, severity and category, the words matched, then the advice."""
    lines = []
    for finding in report.findings:
        excerpt = " ".join(finding.excerpt.split())
        if len(excerpt) > 80:
            excerpt = excerpt[:77] + "..."
        where = f"{name}:{finding.line}:{finding.column}" if finding.line else name  # log findings have no line
        quoted = f' "{excerpt}"' if excerpt else ""
        lines.append(f"{where}: {finding.severity} [{finding.category}]{quoted}")
        lines.append(f"    {finding.message}")
        for suggestion in finding.suggestions[:2]:
            lines.append(f"    Try: {suggestion}")
        if finding.reply:
            lines.append(f"    Reply you could send: {' '.join(finding.reply.split())}")
        if finding.link:
            lines.append(f"    Why: {finding.link}")
    lines.append(report.verdict)
    return "\n".join(lines)
