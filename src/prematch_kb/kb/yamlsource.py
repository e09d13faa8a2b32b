"""YAML parsed through PyYAML's composer, so every mapping, list and value keeps its line number.

Content is written by hand, so two YAML features are refused before composing, each as a
file:line problem: aliases (`&name` ... `*name`), which let a few lines expand exponentially
("billion laughs") or refer to themselves, and nesting deeper than MAX_DEPTH, which the C
composer walks recursively and can crash on.

Mappings become `LocatedDict`, sequences `LocatedList`; scalars become plain Python values
(str, int, float, bool, None, date). A timestamp that is not a real date (2026-02-30) stays a
string, so the field reader can report it as a bad date with its line.
"""

from __future__ import annotations

import datetime as _dt

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from prematch_kb.kb.errors import Problems


class LocatedDict(dict):
    """A YAML mapping: `line` of the mapping, `key_lines[key]`, and `value_lines[key]`."""

    line: int = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines: dict[str, int] = {}
        self.value_lines: dict[str, int] = {}


class LocatedList(list):
    """A YAML sequence: `line` of the sequence and `item_lines[i]` for each item."""

    line: int = 1

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.item_lines: list[int] = []


_constructor = yaml.SafeLoader("")
# libyaml's parser (about ten times faster) when PyYAML was built with it; same nodes and marks.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Content files nest a handful of levels (a file, a list of facts, each fact's sources); anything
# this deep is a mistake or an attack.
MAX_DEPTH = 40


def _line(node, offset: int) -> int:
    return node.start_mark.line + 1 + offset


def _value_line(node, offset: int) -> int:
    """Line where a value's text starts: block scalars (| and >) start below their indicator."""
    line = _line(node, offset)
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        line += 1
    return line


def _scalar(node: ScalarNode):
    tag = node.tag
    try:
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return _constructor.construct_yaml_bool(node)
        if tag == "tag:yaml.org,2002:int":
            return _constructor.construct_yaml_int(node)
        if tag == "tag:yaml.org,2002:float":
            return _constructor.construct_yaml_float(node)
        if tag == "tag:yaml.org,2002:timestamp":
            value = _constructor.construct_yaml_timestamp(node)
            return value.date() if isinstance(value, _dt.datetime) else value
    except (ValueError, yaml.YAMLError):
        return node.value
    return node.value


def _convert(node, path: str, offset: int, problems: Problems):
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        items = LocatedList()
        items.line = _line(node, offset)
        for item in node.value:
            items.append(_convert(item, path, offset, problems))
            items.item_lines.append(_value_line(item, offset))
        return items
    if isinstance(node, MappingNode):
        out = LocatedDict()
        out.line = _line(node, offset)
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, ScalarNode) else None
            key_line = _line(key_node, offset)
            if not isinstance(key, str):
                problems.add(path, key_line, "", f"expected a field name; got {key_node.value!r}"
                             if isinstance(key_node, ScalarNode) else "expected a field name; got a list or mapping")
                continue
            if key in out:
                problems.add(path, key_line, key,
                             f"field given twice (first on line {out.key_lines[key]}); keep one")
                continue
            out[key] = _convert(value_node, path, offset, problems)
            out.key_lines[key] = key_line
            out.value_lines[key] = _value_line(value_node, offset)
        return out
    return None  # pragma: no cover - the composer yields only the three node kinds


def _refused_feature(text: str) -> tuple[int, str] | None:
    """(0-based line, message) for the first alias or over-deep nesting, or None.

    libyaml's event parser keeps its own stack, so it reads any depth without recursing; it
    stops at the first refused feature, so its cost stays linear in the text."""
    depth = 0
    for event in yaml.parse(text, Loader=_COMPOSER):
        line = event.start_mark.line if event.start_mark is not None else 0
        if isinstance(event, AliasEvent):
            return line, (f"YAML alias *{event.anchor} is not allowed in content files; "
                                           "expected the value written out in full")
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return line, (f"lists and mappings nested more than {MAX_DEPTH} deep; "
                                               "expected a flatter structure")
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return None


# Errors about something left open are noticed where the text goes on (often the next line);
# the place to fix is where it was opened, which the error's context mark holds.
_OPENERS = {"while parsing a flow sequence": "[", "while parsing a flow mapping": "{",
            "while scanning a quoted scalar": "quote"}


def _located_error(error: yaml.MarkedYAMLError, line_offset: int) -> tuple[int, str, str]:
    """(line, field, message) for a YAML syntax error."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 + line_offset if mark else 0
    what = error.problem or "not valid YAML"
    opener = _OPENERS.get(error.context or "")
    if opener and error.context_mark is not None:
        opened = error.context_mark.line + 1 + line_offset
        if opened != line:
            return opened, "", (f"malformed YAML: the {opener} opened on this line is never closed "
                                f"({what}, noticed on line {line})")
    context = f" ({error.context})" if error.context else ""
    return line, "", f"malformed YAML: {what}{context}"


def parse_yaml(text: str, path: str, problems: Problems, line_offset: int = 0):
    """Parse one YAML document. On a syntax error, record it with its line and return None."""
    try:
        refused = _refused_feature(text)
        if refused:
            line, message = refused
            problems.add(path, line + 1 + line_offset, "", f"malformed YAML: {message}")
            return None
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as error:
        problems.add(path, *_located_error(error, line_offset))
        return None
    except yaml.YAMLError as error:
        problems.add(path, 0, "", f"malformed YAML: {error}")
        return None
    if node is None:
        return None
    return _convert(node, path, line_offset, problems)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split `---` front matter from a Markdown file: (yaml text or None, body, body's first line)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    return None, text, 1
