"""Typed, located reading of one YAML mapping: each accessor checks a field and records problems.

A `FieldReader` wraps one mapping. Each accessor (`text`, `ids`, `day`, ...) returns a clean
Python value, or a harmless default after recording a problem with the file, the line, the field
and what was expected, so loading continues and every problem is reported in one run.
`finish()` reports fields nobody asked for (unknown fields, with a did-you-mean).
"""

from __future__ import annotations

import datetime as _dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast
from urllib.parse import urlsplit

from prematch_kb.kb.errors import Problems
from prematch_kb.kb.links import ID_PATTERN, find_links
from prematch_kb.kb.markdown_safety import unsafe_markup
from prematch_kb.kb.model import Citation, Fact, Source
from prematch_kb.kb.yamlsource import LocatedDict, LocatedList


@dataclass(frozen=True)
class Reference:
    """An id used somewhere, checked once everything is loaded."""

    kind: str
    id: str
    path: str
    line: int
    field: str


@dataclass(frozen=True)
class Unread:
    """Content whose ids could not be read (a syntax error, a missing file, an entry without a
    readable id): references into it are not reported as unknown, which would bury the one real
    problem under follow-on errors. `id` is the one id it must define (a file named after its id),
    or "" when it may have defined any id of `kind`."""

    kind: str
    id: str
    path: str
    line: int
    reason: str


@dataclass
class LoadContext:
    """State shared while loading one content folder."""

    problems: Problems
    sources: dict[str, Source] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    # kind -> id -> (path, line) where it was first defined
    defined: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)
    unread: list[Unread] = field(default_factory=list)
    # how many references to an undefined id each unread place accounts for
    unchecked: dict[Unread, int] = field(default_factory=dict)

    def could_not_read(self, kind: str, path: str, line: int, reason: str, id_: str = "") -> None:
        """Record content of `kind` whose ids are unknown; its problem is reported by the caller."""
        self.unread.append(Unread(kind, id_, path, line, reason))

    def fully_read(self, kind: str) -> bool:
        """Whether every definition of `kind` was read (so a missing id is a real error)."""
        return not any(place.kind == kind and not place.id for place in self.unread)

    def explained_by_unread(self, kind: str, id_: str) -> bool:
        """Whether a reference to the undefined `id_` may point into unread content; if so it is
        counted towards that content's note instead of being reported."""
        place = next((u for u in self.unread if u.kind == kind and u.id in ("", id_)), None)
        if place is None:
            return False
        self.unchecked[place] = self.unchecked.get(place, 0) + 1
        return True

    def report_unchecked(self) -> None:
        """One note per unread place that hid references, so nothing is left out silently."""
        for place, count in self.unchecked.items():
            target = f"{place.kind} '{place.id}'" if place.id else f"{place.kind} ids"
            references, were = ("reference", "was") if count == 1 else ("references", "were")
            self.problems.add(place.path, place.line, "",
                              f"note: {count} {references} to {target} {were} not checked, since {place.reason}; "
                              "fix this first, then validate again")

    def define(self, kind: str, id_: str, path: str, line: int, field_name: str = "id") -> bool:
        """Record a definition; report a duplicate (naming both places) and return False."""
        table = self.defined.setdefault(kind, {})
        if id_ in table:
            first_path, first_line = table[id_]
            self.problems.add(path, line, field_name,
                              f"duplicate {kind} id '{id_}': already defined at {first_path}:{first_line}")
            return False
        table[id_] = (path, line)
        return True


def describe(value) -> str:
    """How a wrong value looks, for 'expected X; got Y' messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, _dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


class FieldReader:
    def __init__(self, ctx: LoadContext, path: str, mapping: LocatedDict, prefix: str = "",
                 path_in_content: str = ""):
        self.ctx = ctx
        self.path = path  # as shown in problems
        self.path_in_content = path_in_content or path  # as stored in Origin (for edit links)
        self.mapping = mapping
        self.prefix = prefix
        self.seen: set[str] = set()

    # -- helpers -------------------------------------------------------------------------------
    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def line(self, key: str | None = None) -> int:
        if key is not None and key in self.mapping.key_lines:
            return self.mapping.key_lines[key]
        return self.mapping.line

    def value_line(self, key: str) -> int:
        return self.mapping.value_lines.get(key, self.line(key))

    def problem(self, key: str, message: str, line: int | None = None) -> None:
        self.ctx.problems.add(self.path, line if line is not None else self.line(key), self.name(key), message)

    def _get(self, key: str, required: bool):
        self.seen.add(key)
        if key not in self.mapping or self.mapping[key] is None:
            if required:
                self.ctx.problems.add(self.path, self.mapping.line, self.name(key), "missing required field")
            return None
        return self.mapping[key]

    def has(self, key: str) -> bool:
        return key in self.mapping

    # -- scalars -------------------------------------------------------------------------------
    def text(self, key: str, required: bool = True, markdown: bool = False) -> str:
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            hint = " (put it in quotes)" if isinstance(value, (bool, int, float, _dt.date)) else ""
            self.problem(key, f"expected text; got {describe(value)}{hint}")
            return ""
        if required and not value.strip():
            self.problem(key, "expected non-empty text; got an empty string")
        if markdown:
            self.scan_links(value, self.value_line(key), key)
        return value

    def identifier(self, key: str = "id", required: bool = True) -> str:
        value = self.text(key, required)
        if value and not ID_PATTERN.match(value):
            self.problem(key, f"expected an id of lowercase words joined by hyphens; got {value!r}")
        return value

    def enum(self, key: str, choices: tuple[str, ...], required: bool = True) -> str:
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str) or value not in choices:
            self.problem(key, f"expected one of {', '.join(choices)}; got {describe(value)}"
                         + _did_you_mean(value, choices))
            return ""
        return value

    def boolean(self, key: str, required: bool = True, default: bool = False) -> bool:
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, f"expected true or false; got {describe(value)}")
            return default
        return value

    def integer(self, key: str, required: bool = True) -> int:
        value = self._get(key, required)
        if value is None:
            return 0
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f"expected a whole number; got {describe(value)}")
            return 0
        return value

    def day(self, key: str, required: bool = True) -> _dt.date:
        value = self._get(key, required)
        if value is None:
            return _dt.date.min
        if isinstance(value, _dt.date):
            return value
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.problem(key, f"expected a real date written YYYY-MM-DD; got {describe(value)}")
        return _dt.date.min

    def url(self, key: str, required: bool = True) -> str:
        value = self.text(key, required)
        if value and not is_web_url(value):
            self.problem(key, f"expected a full web address starting with https:// or http://; got {value!r}")
        return value

    # -- lists ---------------------------------------------------------------------------------
    def _list(self, key: str, required: bool) -> LocatedList | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, list):
            self.problem(key, f"expected a list; got {describe(value)}")
            return None
        if required and not value:
            self.problem(key, "expected a non-empty list; got an empty list")
        return cast(LocatedList, value)  # every list the YAML reader makes is one

    def texts(self, key: str, required: bool = False, markdown: bool = False) -> tuple[str, ...]:
        items = self._list(key, required) or LocatedList()
        out: list[str] = []
        for index, item in enumerate(items):
            line = items.item_lines[index]
            if not isinstance(item, str):
                self.problem(f"{key}[{index}]", f"expected text; got {describe(item)}", line)
            elif not item.strip():
                self.problem(f"{key}[{index}]", "expected non-empty text; got an empty string", line)
            else:
                if markdown:
                    self.scan_links(item, line, f"{key}[{index}]")
                out.append(item)
        return tuple(out)

    def ids(self, key: str, kind: str, required: bool = False) -> tuple[str, ...]:
        """A list of ids of `kind`, each checked once everything is loaded."""
        items = self._list(key, required) or LocatedList()
        out: list[str] = []
        for index, item in enumerate(items):
            line = items.item_lines[index]
            if not isinstance(item, str) or not item:
                self.problem(f"{key}[{index}]", f"expected a {kind} id; got {describe(item)}", line)
                continue
            self.ctx.references.append(Reference(kind, item, self.path, line, self.name(f"{key}[{index}]")))
            out.append(item)
        return tuple(out)

    def reference(self, key: str, kind: str, required: bool = True) -> str:
        value = self.text(key, required)
        if value:
            self.ctx.references.append(Reference(kind, value, self.path, self.value_line(key), self.name(key)))
        return value

    def enums(self, key: str, choices: tuple[str, ...], required: bool = False) -> tuple[str, ...]:
        items = self._list(key, required) or LocatedList()
        out: list[str] = []
        for index, item in enumerate(items):
            if not isinstance(item, str) or item not in choices:
                self.problem(f"{key}[{index}]", f"expected one of {', '.join(choices)}; got {describe(item)}"
                             + _did_you_mean(item, choices), items.item_lines[index])
            else:
                out.append(item)
        return tuple(out)

    def objects(self, key: str, read: Callable[[FieldReader], object], required: bool = False) -> list:
        """A list of mappings, each read by `read` with its own FieldReader (finished here)."""
        items = self._list(key, required) or LocatedList()
        out = []
        for index, item in enumerate(items):
            if not isinstance(item, LocatedDict):
                self.problem(f"{key}[{index}]", f"expected a mapping of fields; got {describe(item)}",
                             items.item_lines[index])
                continue
            child = FieldReader(self.ctx, self.path, item, self.name(f"{key}[{index}]."), self.path_in_content)
            result = read(child)
            child.finish()
            if result is not None:
                out.append(result)
        return out

    def note_unread_entries(self, key: str, kind: str) -> None:
        """Record `kind` as not fully read when `key` is not a list of mappings (a problem the
        accessors have reported already), so references to its ids are not reported as unknown."""
        items = self.mapping.get(key)
        if not isinstance(items, LocatedList):
            self.ctx.could_not_read(kind, self.path, self.line(key), f"{self.name(key)} could not be read")
            return
        for index, item in enumerate(items):
            if not isinstance(item, LocatedDict):
                self.ctx.could_not_read(kind, self.path, items.item_lines[index],
                                        f"{self.name(f'{key}[{index}]')} is not a mapping of fields")

    def mapping_field(self, key: str, required: bool = True) -> FieldReader | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, LocatedDict):
            self.problem(key, f"expected a mapping of fields; got {describe(value)}")
            return None
        return FieldReader(self.ctx, self.path, value, self.name(f"{key}."), self.path_in_content)

    # -- citations and facts -------------------------------------------------------------------
    def citations(self, key: str = "sources", required: bool = False) -> tuple[Citation, ...]:
        def read(entry: FieldReader):
            source_id = entry.text("source")
            section = entry.text("section", required=False)  # quoted: "6.10" must not become 6.1
            # confirmed: false marks a section named from a quotation or an older version of the source
            confirmed = entry.boolean("confirmed", required=False, default=True)
            if not confirmed and not section:
                entry.problem("confirmed", "expected a section for confirmed: false (it says the section "
                              "named was not read in the current text); got no section")
            if not source_id:
                return None
            source = self.ctx.sources.get(source_id)
            if source is None and not self.ctx.explained_by_unread("source", source_id):
                entry.problem("source", f"expected a source id defined in sources.yml; got {source_id!r}"
                              + _did_you_mean(source_id, tuple(self.ctx.sources)), entry.value_line("source"))
            if source is None:
                return None
            return Citation(source, section, confirmed)

        return tuple(self.objects(key, read, required))

    def facts(self, key: str = "facts") -> tuple[Fact, ...]:
        def read(entry: FieldReader):
            text = entry.text("text", markdown=True)
            confirmed = entry.boolean("confirmed")
            citations = entry.citations("sources", required=confirmed)
            if confirmed and citations and not any(c.source.primary for c in citations):
                entry.problem("sources", "expected a primary source for a confirmed fact "
                              "(or mark it confirmed: false); got only secondary sources")
            return Fact(text, citations, confirmed)

        return tuple(self.objects(key, read))

    # -- markdown links ------------------------------------------------------------------------
    def scan_links(self, text: str, first_line: int, key: str) -> None:
        """Check a Markdown field: its `kind:id` links (once everything is loaded), and that it
        carries no raw HTML, attribute list or link outside the allowed schemes."""
        for unsafe in unsafe_markup(text):
            self.problem(key, unsafe.message, first_line + unsafe.line)
        for link in find_links(text):
            line = first_line + text.count("\n", 0, link.start)
            if not link.id:
                self.problem(key, f"expected an id after '{link.kind}:' in a link; got nothing", line)
                continue
            self.ctx.references.append(Reference(link.kind, link.id, self.path, line, self.name(key)))

    def finish(self) -> None:
        """Report every field that no accessor asked for."""
        known = sorted(self.seen)
        for key in self.mapping:
            if key not in self.seen:
                self.problem(key, f"unknown field; expected one of {', '.join(known)}" + _did_you_mean(key, known))


def _did_you_mean(value, choices) -> str:
    if not isinstance(value, str) or not choices:
        return ""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def did_you_mean(value, choices) -> str:
    return _did_you_mean(value, choices)


def is_web_url(value: str) -> bool:
    if any(ch.isspace() for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and "." in host and not host.startswith(".") and not host.endswith(".")
