"""Template placeholders left unfilled: [Program Name], {{program}}, <NAME>, XXXXX, ____."""

from __future__ import annotations

import re

from ..memory import Memory
from ..registry import Hit, register
from ..text import lower_case

PLACEHOLDER = re.compile(
    r"\[[ \t]*[A-Z][A-Za-z0-9 _.,'’/&()-]{0,48}\]"  # [Program Name], [Date], [AAMC ID]
    r"|\[[ \t]*\]"  # []
    r"|\{\{[ \t]*[^{}\n]{1,40}\}\}"  # {{program}}
    r"|\{[ \t]*[A-Za-z_][A-Za-z0-9_ ]{0,30}\}"  # {first_name}
    r"|<[ \t]*[A-Z][A-Z0-9 _-]{1,30}[ \t]*>"  # <NAME>, <PROGRAM NAME>
    r"|<[a-z]+(?:[ _][a-z]+){1,4}>"  # <program name>
    r"|<(?:program|programme|name|date|hospital|specialty|school|institution|director|pd|city|title|interviewer"
    r"|firstname|lastname|surname|signature|aamc|id)>"  # <program>, <date> (a single word, not an HTML tag)
    r"|<[A-Z][a-z]+(?:[ _][A-Za-z][a-z]*){0,4}>"  # <Program Director>, <Name>
    r"|\b[0-9]{0,4}[Xx]{3,}[0-9]{0,4}\b"  # XXXXX, an ID half filled in: 1XXXXXXX
    r"|\b(?:[Xx]{2}|DD|MM)[/.-](?:[Xx]{2}|MM|DD)(?:[/.-](?:[Xx0-9]{2,4}|YYYY|YY))?\b"  # XX/XX/2026, DD/MM/YYYY
    r"|_{3,}"  # ____
    r"|_{2,}(?:[/.-]_{2,})+"  # a date left blank: __/__
    r"|\b(?:INSERT|TODO|TBD|FIXME)\b"
    r"|\[[ \t]*[a-z][a-z0-9 _.,'’/&-]{1,80}\](?!\()"  # [program name], [mention a detail] (not a [link](url))
    r"|\((?:[Ii]nsert|INSERT|[Yy]our|YOUR|[Nn]ame of|NAME OF)\b[^()\n]{0,30}\)"  # (Insert program), (Your Name)
    r"|\((?:[A-Z][a-z]+ )?(?:Name|Program|Programme|Date|Hospital|Specialty|School|Institution|Director|Title)\)"
    r"|\((?:name|program|programme|date|hospital|specialty|school|title|pd|city)\)"  # (name), (program)
    r"|\((?:[Pp]rogram|[Pp]rogramme|[Hh]ospital|[Ss]pecialty|[Ss]chool|[Ii]nstitution|[Dd]irector|[Ii]nterviewer|[Cc]ity"
    r"|[Pp]erson|[Ff]aculty|PD|PD's|[Ii]nterviewer's|[Dd]irector's) (?:[Nn]ame|NAME)\)"  # (program name), (PD's name)
    r"|\b[Ii]nsert\b[^.!?\n]{0,40}?\bhere\b"  # insert specialty here
    r"|\b(?:PROGRAM|PROGRAMME|HOSPITAL|SPECIALTY|INSTITUTION|APPLICANT|CANDIDATE|PD|DIRECTOR|FIRST|LAST|YOUR|FULL)"
    r"[ _]?NAME\b"  # PROGRAM NAME, LASTNAME
    r"|\b(?:Program|Programme|Hospital|Applicant|Candidate|Institution|School|Specialty) Name\b"  # at Program Name
    r"|%[A-Za-z_]{2,30}%"  # %NAME%
)
# Written citation markers such as [1] or [A] and editorial [sic] are not placeholders.
_NOT_PLACEHOLDER = re.compile(r"\[(?:[A-Z]|[0-9]+|sic|SIC|Sic)\]")


# Every placeholder contains one of these (lower case): a few substring searches, each far faster
# than a pattern run over the text, skip the rest. ("_" stands for "___", "__/", "__.", "__-",
# "xx" for "xxx", "xx/", "xx.", "xx-": neither is in ordinary prose.)
_MARKERS = ("[", "{", "<", "(", "%", "_", "xx", "dd/", "dd.", "dd-", "mm/", "mm.", "mm-", "insert", "todo",
            "tbd", "fixme", "name")


_FOUND = Memory(1_000)  # a paragraph -> its placeholders' (start, end), relative to it


@register("placeholder")
def placeholder(doc, ctx):
    # Every placeholder lies within one line, so paragraphs are read (and remembered) one by one.
    for offset, paragraph in doc.paragraphs:
        found = _FOUND.recall(paragraph, _placeholders, paragraph)
        for start, end in found:
            if doc.is_own(offset + start, offset + end):
                yield Hit("placeholder", offset + start, offset + end)


def _placeholders(text: str) -> tuple[tuple[int, int], ...]:
    lower = lower_case(text)
    # (a plain loop: a generator in any() would cost more than the tests themselves)
    for marker in _MARKERS:
        if marker in lower:
            return tuple(
                match.span() for match in PLACEHOLDER.finditer(text)
                if not _NOT_PLACEHOLDER.fullmatch(match.group())
            )
    return ()
