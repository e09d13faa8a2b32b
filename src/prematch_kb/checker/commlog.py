"""The applicant's communication log, and the findings a draft earns when read against it.

One email cannot show that two programs were both told "first choice", or that this is the third
update to the same program: only a record of every message can. This module holds that record
(`CommunicationLog`), reads and writes it as CSV or JSON, and reviews a draft against it
(`review_draft`), returning findings in the checker's own shape.

Standard library only, and nothing from the project outside `prematch_kb.checker`: it runs in the
browser under Pyodide as it does in CPython.

CSV columns (header row required, in any order; `first_choice_claim`, `note` and `quote` may be left
out):

    program             the program's name as you write it (compared ignoring case and punctuation)
    date                YYYY-MM-DD, the day the message was sent or received
    direction           sent | received
    kind                one of KINDS: what the applicant sends (interest, thank-you, update,
                        continued-interest, first-choice), either side's (reply, other), or what a
                        program sends (RECEIVED_KINDS: commitment-request, outside-offer,
                        rank-question, other-programs-question, invitation; direction received only)
    first_choice_claim  yes | no (also true/false, 1/0; empty means no): the message said "first choice"
    note                free text
    quote               the message's exact words, kept for a report to the NRMP (free text, may run
                        over several lines)

JSON: {"schema": "prematch-kb/communication-log", "version": 2, "entries": [{...the same fields...}]}
with `first_choice_claim` a boolean. Version 2 added `quote` and the kinds of RECEIVED_KINDS; a
version 1 file still loads, and holds only what version 1 knew (`VOCABULARY`), so that any file
written as version 1 also reads in a reader of version 1. Exports are always the current version.

The browser reads and writes the same files (docs/assets/log/commlog.js), and both readers must
give the same verdict on every file (tests/fixtures/commlog/ runs through both). So nothing here
leans on what Python alone does: cells are split by one small grammar (`_CSV_CELL`), spaces are
trimmed from one fixed set (`_SPACE`), fixed words (columns, directions, kinds, yes/no) match
ASCII letters only in any case (Python's casefold would turn a long s into "s", JavaScript's
toLowerCase would not), dates use ASCII digits, lengths count code points, and JSON is strict
(no NaN or Infinity; `version` is the number 1, not `true`).

CSV exports guard spreadsheet formulas (OWASP "CSV injection"): a cell that starts with = + - @,
a tab, a carriage return or an apostrophe gets an apostrophe in front, which spreadsheets show
as text and hide; the reader removes that one apostrophe, so an export reads back unchanged.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from .checks import specialty_policy
from .report import finding_to_dict
from .rulebook import category_entry

SCHEMA = "prematch-kb/communication-log"
VERSION = 2
DIRECTIONS = ("sent", "received")
# Every kind of message, the one list of them (the browser's copy in docs/assets/log/commlog.js is
# compared with it by tests/test_commlog_vocabulary.py).
KINDS = ("interest", "thank-you", "update", "continued-interest", "first-choice", "reply", "other",
         "commitment-request", "outside-offer", "rank-question", "other-programs-question", "invitation")
# Kinds of message only a program sends: valid with direction "received" alone, never a draft's kind,
# never counted as a message sent. In order of weight for a report to the NRMP (`received_kind`).
RECEIVED_KINDS = ("commitment-request", "outside-offer", "rank-question", "other-programs-question", "invitation")
# What the applicant's own draft may be (the checker page's and the CLI's --kind).
DRAFT_KINDS = tuple(kind for kind in KINDS if kind not in RECEIVED_KINDS)
COLUMNS = ("program", "date", "direction", "kind", "first_choice_claim", "note", "quote")
REQUIRED_COLUMNS = ("program", "date", "direction", "kind")
# The fields and kinds each version of the JSON format may hold; CSV has no version and is read as
# the current one.
VOCABULARY = {
    1: (tuple(c for c in COLUMNS if c != "quote"), DRAFT_KINDS),
    2: (COLUMNS, KINDS),
}
# The kind of a program's message, from the checker's findings on it (received mode): the finding's
# category -> the log's kind. Every received-mode category of the checker is listed (a test fails on
# one that is not); an invitation has no finding of its own.
KIND_FOR_CATEGORY = {
    "program-commitment-request": "commitment-request",
    "program-outside-match-offer": "outside-offer",
    "program-rank-inquiry": "rank-question",
    "program-other-programs-inquiry": "other-programs-question",
}

# The recommended most messages of one kind sent to one program in a season; kinds not listed
# (replies, other) have no limit. Thank-you: one per interview day; update: only with news.
# With a specialty chosen, its published policy comes first: a kind it discourages or does not
# allow has no expected message at all (`cadence_limit`).
CADENCE = {
    "interest": 1,
    "thank-you": 1,
    "update": 1,
    "continued-interest": 1,
    "first-choice": 1,
}

# The categories this module reports. Their rule, severity and wording come from the rulebook
# (content/checks/<category>.yml), as for every other category; a message may name the log's
# details as [Placeholders], the ones listed here.
MESSAGE_FIELDS = {
    "second-first-choice": ("Program", "Other Program"),
    "cadence": ("Count", "Messages", "Program", "Limit", "Cadence"),
    "reply-due": ("Program", "Date"),
}
CATEGORIES = tuple(MESSAGE_FIELDS)
FIRST_CHOICE_CATEGORY = "first-choice-claim"  # the checker's own finding for a first-choice claim

_TRUE = frozenset({"yes", "y", "true", "1"})
_FALSE = frozenset({"no", "n", "false", "0", ""})
_NAME_NOISE = re.compile(r"[^\w]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_FIELD = 5000  # code points; a note longer than this is not a log entry but something pasted by mistake
MAX_QUOTE = 20_000  # code points; a whole email, kept word for word
# Unicode White_Space, written out so that both readers trim exactly the same characters.
_SPACE = "\t\n\v\f\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
# One CSV cell at the start of a cell (RFC 4180, read leniently as spreadsheets write it): a quoted
# part with "" for a quote, then anything up to the next comma or line break; or an unquoted cell.
_CSV_CELL = re.compile(r'"((?:[^"]|"")*)"([^,\r\n]*)|([^,\r\n"][^,\r\n]*)?')
_CSV_BREAK = re.compile(r"\r\n|\r|\n")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP: what makes a spreadsheet cell a formula


class LogFormatError(ValueError):
    """The log file is corrupt or is not a communication log; says where and what."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


@dataclass(frozen=True)
class LogEntry:
    program: str
    date: date
    direction: str  # one of DIRECTIONS
    kind: str  # one of KINDS
    first_choice_claim: bool = False
    note: str = ""
    quote: str = ""  # the message's exact words

    @property
    def program_key(self) -> str:
        return program_key(self.program)

    @property
    def claims_first_choice(self) -> bool:
        return self.direction == "sent" and (self.first_choice_claim or self.kind == "first-choice")

    def to_dict(self) -> dict:
        return {
            "program": self.program,
            "date": self.date.isoformat(),
            "direction": self.direction,
            "kind": self.kind,
            "first_choice_claim": self.first_choice_claim,
            "note": self.note,
            "quote": self.quote,
        }


def program_key(name: str) -> str:
    """How two spellings of one program are recognised: case, spaces and punctuation ignored."""
    return _NAME_NOISE.sub(" ", str(name).casefold()).strip()


@dataclass
class CommunicationLog:
    entries: list[LogEntry] = field(default_factory=list)

    def add(self, entry: LogEntry) -> None:
        self.entries.append(entry)

    def for_program(self, name: str) -> list[LogEntry]:
        key = program_key(name)
        return sorted((e for e in self.entries if e.program_key == key), key=lambda e: e.date)

    def first_choice_programs(self) -> list[str]:
        """Programs told they are the first choice, each once, in the order first told."""
        seen: dict[str, str] = {}
        for entry in sorted(self.entries, key=lambda e: e.date):
            if entry.claims_first_choice:
                seen.setdefault(entry.program_key, entry.program)
        return list(seen.values())

    def sent_count(self, name: str, kind: str) -> int:
        """Messages of this kind sent to the program; a program's own kinds (RECEIVED_KINDS) never count."""
        if kind in RECEIVED_KINDS:
            return 0
        return sum(1 for e in self.for_program(name) if e.direction == "sent" and e.kind == kind)

    def unanswered(self, name: str | None = None) -> list[LogEntry]:
        """Received messages with nothing sent to that program on or after their date."""
        programs = [program_key(name)] if name else sorted({e.program_key for e in self.entries})
        waiting = []
        for key in programs:
            entries = [e for e in self.entries if e.program_key == key]
            last_sent = max((e.date for e in entries if e.direction == "sent"), default=None)
            waiting += [e for e in entries
                        if e.direction == "received" and (last_sent is None or last_sent < e.date)]
        return sorted(waiting, key=lambda e: e.date)

    # -- serialisation ---------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {"schema": SCHEMA, "version": VERSION, "entries": [e.to_dict() for e in self.entries]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_csv(self) -> str:
        """CSV with formula-like cells guarded; byte for byte what the browser's export writes."""
        lines = [",".join(COLUMNS)]
        for e in self.entries:
            cells = [e.program, e.date.isoformat(), e.direction, e.kind, "yes" if e.first_choice_claim else "no", e.note,
                     e.quote]
            lines.append(",".join(csv_cell(cell) for cell in cells))
        return "\n".join(lines) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "CommunicationLog":
        try:
            data = json.loads(text.removeprefix("\ufeff"), parse_constant=_refuse_constant)
        except (ValueError, RecursionError) as error:
            raise LogFormatError("JSON", f"not valid JSON ({error})") from None
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data) -> "CommunicationLog":
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise LogFormatError("JSON", f'not a communication log: expected an object with "schema": "{SCHEMA}"')
        version = data.get("version")
        # JSON cannot tell 1 from 1.0 in the browser; true is not a number in either.
        if isinstance(version, bool) or not isinstance(version, (int, float)) or version not in VOCABULARY:
            raise LogFormatError("version", f"expected version {' or '.join(map(str, VOCABULARY))}; "
                                            f"got {json.dumps(version)}")
        columns, kinds = VOCABULARY[int(version)]
        raw = data.get("entries")
        if not isinstance(raw, list):
            raise LogFormatError("entries", "expected a list of entries")
        entries = []
        for index, item in enumerate(raw):
            where = f"entries[{index}]"
            if not isinstance(item, dict):
                raise LogFormatError(where, "expected an object with program, date, direction and kind")
            unknown = sorted(set(item) - set(columns))
            if unknown:
                raise LogFormatError(where, f"unknown field {_shown(unknown[0])}; expected only {', '.join(columns)}")
            claim = item.get("first_choice_claim", False)
            if not isinstance(claim, bool):
                raise LogFormatError(f"{where}.first_choice_claim", f"expected true or false; got {_shown(claim)}")
            entries.append(_entry(where + ".", item, claim, kinds))
        return cls(entries)

    @classmethod
    def from_csv(cls, text: str) -> "CommunicationLog":
        if "\x00" in text:
            raise LogFormatError("CSV", "not a text file (it contains NUL bytes)")
        rows = csv_rows(text.removeprefix("\ufeff"))
        header = rows[0][0] if rows else []
        if not any(_trim(cell) for cell in header):
            raise LogFormatError("CSV row 1", f"expected a header row naming the columns {', '.join(COLUMNS)}")
        names = [_ascii_lower(_trim(cell)).replace(" ", "_").replace("-", "_") for cell in header]
        unknown = [header[i] for i, name in enumerate(names) if name not in COLUMNS]
        missing = [name for name in REQUIRED_COLUMNS if name not in names]
        if unknown or missing:
            problems = []
            if missing:
                problems.append("missing column" + ("s " if len(missing) > 1 else " ") + ", ".join(missing))
            if unknown:
                problems.append("unknown column" + ("s " if len(unknown) > 1 else " ")
                                + ", ".join(f"'{name}'" for name in unknown))
            raise LogFormatError("CSV header (row 1)", "; ".join(problems) + f"; expected {', '.join(COLUMNS)}")
        duplicate = next((n for n in names if names.count(n) > 1), None)
        if duplicate:
            raise LogFormatError("CSV header (row 1)", f"column '{duplicate}' appears twice")
        entries = []
        for row_number, (row, _line) in enumerate(rows[1:], start=2):
            if not any(_trim(cell) for cell in row):
                continue  # blank lines, e.g. at the end of a spreadsheet export
            where = f"CSV row {row_number}"
            if len(row) > len(names):
                raise LogFormatError(where, f"{len(row)} cells but the header names {len(names)} columns")
            item = {name: _unguard(_trim(cell)) for name, cell in zip(names, row + [""] * (len(names) - len(row)))}
            raw_claim = _ascii_lower(item.get("first_choice_claim", ""))
            if raw_claim not in _TRUE | _FALSE:
                raise LogFormatError(f"{where}, column first_choice_claim",
                                     f"expected yes or no; got {json.dumps(item['first_choice_claim'], ensure_ascii=False)}")
            entries.append(_entry(f"{where}, column ", item, raw_claim in _TRUE))
        return cls(entries)


def csv_rows(text: str) -> list[tuple[list[str], int]]:
    """The CSV's records as (cells, line where the record starts); LogFormatError for a quoted
    cell that is never closed, naming the record and the line of its opening quote."""
    rows: list[tuple[list[str], int]] = []
    row: list[str] = []
    position, line, row_line = 0, 1, 1
    while True:
        match = _CSV_CELL.match(text, position)  # always matches, possibly empty
        if match[1] is not None:
            cell = match[1].replace('""', '"') + match[2]
        elif text.startswith('"', position):
            raise LogFormatError(f"CSV row {len(rows) + 1}",
                                 f'a quoted cell is never closed (its opening " is on line {line}; a closing " is missing)')
        else:
            cell = match[3] or ""
        line += len(_CSV_BREAK.findall(match[0]))
        row.append(cell)
        position = match.end()
        if position >= len(text):
            if row != [""]:
                rows.append((row, row_line))
            return rows
        if text[position] == ",":
            position += 1
            continue
        breaker = _CSV_BREAK.match(text, position)
        position = breaker.end()
        rows.append((row, row_line))
        row, line = [], line + 1
        row_line = line
        if position >= len(text):
            return rows


def load_log(text: str, fmt: str | None = None) -> CommunicationLog:
    """A log from CSV or JSON text; `fmt` "csv" or "json", or None to tell by the first character."""
    fmt = fmt or ("json" if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[") else "csv")
    if fmt == "json":
        return CommunicationLog.from_json(text)
    if fmt == "csv":
        return CommunicationLog.from_csv(text)
    raise ValueError(f"unknown log format {fmt!r}; expected csv or json")


def _entry(prefix: str, item: dict, claim: bool, kinds: tuple[str, ...] = KINDS) -> LogEntry:
    values = {}
    for name in ("program", "date", "direction", "kind", "note", "quote"):
        value = item.get(name, "")
        if not isinstance(value, str):
            raise LogFormatError(prefix + name, f"expected text; got {json.dumps(value, ensure_ascii=False)}")
        limit = MAX_QUOTE if name == "quote" else MAX_FIELD
        if len(value) > limit:
            raise LogFormatError(prefix + name, f"longer than {limit} characters")
        if "\x00" in value:  # a CSV with it would not read back (NUL marks a binary file)
            raise LogFormatError(prefix + name, "contains a NUL character")
        values[name] = _trim(value)
    if not values["program"]:
        raise LogFormatError(prefix + "program", "expected the program's name; it is empty")
    direction = _ascii_lower(values["direction"])
    if direction not in DIRECTIONS:
        raise LogFormatError(prefix + "direction", f"expected sent or received; got {_shown(values['direction'])}")
    kind = _ascii_lower(values["kind"])
    if kind not in kinds:
        raise LogFormatError(prefix + "kind", f"expected one of {', '.join(kinds)}; got {_shown(values['kind'])}")
    if kind in RECEIVED_KINDS and direction != "received":
        raise LogFormatError(prefix + "kind", f"{_shown(kind)} is a message a program sends: "
                                              f"its direction must be received; got {_shown(values['direction'])}")
    return LogEntry(values["program"], _day(prefix + "date", values["date"]), direction, kind, claim, values["note"],
                    values["quote"])


def _day(where: str, value: str) -> date:
    if not _ISO_DATE.fullmatch(value):
        raise LogFormatError(where, f"expected a date written YYYY-MM-DD; got {_shown(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise LogFormatError(where, f"no such day: {_shown(value)}") from None


def _shown(value: str) -> str:
    """A value quoted in a message, as both readers show it."""
    return json.dumps(value, ensure_ascii=False)


def _trim(value: str) -> str:
    return value.strip(_SPACE)


def _ascii_lower(value: str) -> str:
    """Lower case for fixed words; anything not ASCII stays as it is and so matches no fixed word."""
    return value.lower() if value.isascii() else value


def csv_cell(value: str) -> str:
    """One CSV cell, formula-like starts guarded (see the module note); also used by the CLI's reports."""
    guarded = "'" + value if value.startswith(FORMULA_STARTS + ("'",)) else value
    return '"' + guarded.replace('"', '""') + '"' if any(c in guarded for c in ',"\r\n') else guarded


def _unguard(cell: str) -> str:
    """A cell as written before export: the apostrophe that guarded a formula-like start removed."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS + ("'",)) else cell


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not allowed in JSON")


# -- reviewing a draft against the log -----------------------------------------------------------

@dataclass(frozen=True)
class LogFinding:
    """A finding about the draft in the light of the log; `to_dict()` has the checker's finding keys."""

    category: str
    severity: str
    rule: str
    message: str
    explanation: str = ""
    excerpt: str = ""
    start: int | None = None  # offsets in the draft when the finding points at words in it
    end: int | None = None
    start_utf16: int | None = None
    end_utf16: int | None = None
    suggestions: tuple[str, ...] = ()
    link: str = ""
    explanation_html: str = ""
    line: int | None = None
    column: int | None = None
    source: dict | None = None
    reply: str = ""  # findings on a draft offer no reply; kept for the checker's finding shape

    def to_dict(self) -> dict:
        return finding_to_dict(self)


def review_draft(
    log: CommunicationLog,
    report_or_text,
    program_name: str,
    *,
    kind: str | None = None,
    today: date | None = None,
    check_options: dict | None = None,
    specialty: str | None = None,
) -> list[LogFinding]:
    """Findings for a draft to `program_name`, given everything already in the log.

    `report_or_text` is the checker's report for the draft (its object or its `to_dict()`), or
    the draft's text, which is then checked here. `kind` is what the draft is (one of DRAFT_KINDS);
    when not given, a draft with a first-choice claim counts as a first-choice letter and other
    drafts are not counted against the cadence. A draft of kind "first-choice" is a first-choice
    claim whatever its wording.

    `specialty` (by default the one the report was checked for): when its published policy
    discourages or does not allow the draft's kind, the cadence expects none of it, and a draft
    of that kind earns a specialty-policy finding even if its wording escaped the checker's cues.
    """
    if not str(program_name or "").strip():
        raise ValueError("program_name is required: the log is read per program")
    if kind is not None and kind not in DRAFT_KINDS:
        raise ValueError(f"unknown kind {kind!r} for a draft; expected one of {', '.join(DRAFT_KINDS)}")
    options = dict(check_options or {})
    if specialty and "specialty" not in options:
        options["specialty"] = specialty
    report = _report_dict(report_or_text, options)
    claims = [f for f in report.get("findings") or []
              if isinstance(f, dict) and f.get("category") == FIRST_CHOICE_CATEGORY]
    policy = specialty_policy.policy_for(specialty or (report.get("context") or {}).get("specialty"))
    findings: list[LogFinding] = []
    key = program_key(program_name)

    others = [p for p in log.first_choice_programs() if program_key(p) != key]
    # A draft the applicant calls a first-choice letter counts even when its wording escaped the
    # checker's patterns; the finding then points at no words.
    if (claims or kind == "first-choice") and others:
        claim = claims[0] if claims else {}
        told = others[0]
        findings.append(_finding("second-first-choice", {"Program": program_name.strip(), "Other Program": told},
                                 claim))

    draft_kind = kind or ("first-choice" if claims else None)
    policy_kind = specialty_policy.LOG_KINDS.get(draft_kind or "")
    against = policy_kind is not None and specialty_policy.stance(policy, policy_kind) is not None
    limit = cadence_limit(draft_kind, policy)
    if limit is not None:
        already = log.sent_count(program_name, draft_kind)
        if already and already >= limit:
            if against:
                said = specialty_policy.details(policy, policy_kind)
                cadence = f"for {said['Specialty']}, {said['Organisation']} {said['Stance']} {said['Topic']}"
            else:
                cadence = f"the usual cadence is at most {limit}"
            findings.append(_finding("cadence", {
                "Count": str(already), "Messages": _kind_label(draft_kind, already),
                "Program": program_name.strip(), "Limit": str(limit), "Cadence": cadence,
            }))
    # What the draft is, said by the applicant, against the specialty's policy: reported once,
    # unless the checker already found it in the wording.
    if against and not any(isinstance(f, dict) and f.get("category") == specialty_policy.CATEGORY
                           for f in report.get("findings") or []):
        findings.append(_policy_finding(policy, policy_kind))

    # A draft that is itself the reply needs no reminder to reply.
    for entry in ([] if draft_kind == "reply" else log.unanswered(program_name)):
        if today is not None and entry.date > today:
            continue
        findings.append(_finding("reply-due", {"Program": entry.program, "Date": entry.date.isoformat()}))
    return findings


def _finding(category: str, details: dict[str, str], span: dict | None = None) -> LogFinding:
    """A finding worded by the rulebook, its [Placeholders] filled with the log's details."""
    entry = category_entry(category)
    span = span or {}
    return LogFinding(
        category, entry["severity"], entry["rule"], fill_message(entry["message"], details),
        entry["explanation"],
        excerpt=span.get("excerpt", ""), start=span.get("start"), end=span.get("end"),
        start_utf16=span.get("start_utf16"), end_utf16=span.get("end_utf16"),
        line=span.get("line"), column=span.get("column"),
        suggestions=tuple(entry["suggestions"]), link=entry["link"],
        explanation_html=entry["explanation_html"], source=entry["source"],
    )


def received_kind(findings) -> str:
    """The log's kind for a program's message, from the checker's findings on it (the report, its
    dict or its list of findings): the weightiest of RECEIVED_KINDS found, or "other"."""
    if isinstance(findings, dict):
        findings = findings.get("findings") or []
    elif not isinstance(findings, (list, tuple)):
        findings = getattr(findings, "findings", [])
    found = {f.get("category") if isinstance(f, dict) else getattr(f, "category", None) for f in findings}
    return next((kind for kind in RECEIVED_KINDS
                 if any(KIND_FOR_CATEGORY.get(str(category)) == kind for category in found)), "other")


def cadence_limit(kind: str | None, policy: dict | None = None) -> int | None:
    """The most messages of this kind one program should get in a season: 0 when the specialty's
    policy discourages or does not allow the kind, CADENCE otherwise (None: no limit)."""
    policy_kind = specialty_policy.LOG_KINDS.get(kind or "")
    if policy_kind is not None and specialty_policy.stance(policy, policy_kind) is not None:
        return 0
    return CADENCE.get(kind or "")


def _policy_finding(policy: dict, policy_kind: str) -> LogFinding:
    """The specialty-policy finding for a draft the applicant says is of a kind the policy is against."""
    entry = {**category_entry(specialty_policy.CATEGORY), **dict(specialty_policy.finding_fields(policy, policy_kind))}
    return LogFinding(
        specialty_policy.CATEGORY, entry["severity"], entry["rule"], entry["message"], entry["explanation"],
        suggestions=tuple(entry["suggestions"]), link=entry["link"],
        explanation_html=entry["explanation_html"], source=entry["source"],
    )


_PLACEHOLDER = re.compile(r"\[([^\[\]\n]+)\]")


def fill_message(message: str, details: dict[str, str]) -> str:
    """The message with each known [Placeholder] replaced; anything else is left as written."""
    return _PLACEHOLDER.sub(lambda m: details.get(m[1], m[0]), message)


def _kind_label(kind: str, count: int) -> str:
    label = {"thank-you": "thank-you note", "interest": "note of interest", "first-choice": "first-choice letter",
             "continued-interest": "continued-interest letter"}.get(kind, kind)
    return label + ("s" if count != 1 else "")


def _report_dict(report_or_text, check_options: dict) -> dict:
    """The checker's report as a dict, from a report, its dict or a text (checked here)."""
    report = report_or_text
    if isinstance(report, str):
        from prematch_kb.checker import check  # the engine; imported late to keep this module light

        report = check(report, **{"mode": "draft", **check_options})
    if not isinstance(report, dict):
        to_dict = getattr(report, "to_dict", None)
        if to_dict is None:
            raise TypeError("expected a checker report, its to_dict() or the draft's text")
        report = to_dict()
    return report
