"""The optional facts a user gives about a message, validated against the checker's vocabularies.

Modes, applicant types and recipients are fixed (the checks are written for them). Phases and
specialties are the knowledge base's own: they come from the rulebook generated from content/
(`rulebook.known_phases`, `rulebook.known_specialties`), the same ids the checker page's menus list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rulebook

# The one list of modes: the registry, the CLI and the knowledge base (through `public`) use it.
MODES = ("draft", "received")
APPLICANT_TYPES = ("us-md-do", "us-img", "non-us-img")
RECIPIENTS = ("program-director", "coordinator", "faculty", "resident")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Context:
    applicant_type: str | None = None
    phase: str | None = None
    recipient: str | None = None
    specialty: str | None = None
    program_name: str | None = None

    def to_dict(self) -> dict:
        items = (
            ("applicant_type", self.applicant_type),
            ("phase", self.phase),
            ("recipient", self.recipient),
            ("specialty", self.specialty),
            ("program_name", self.program_name),
        )
        return {key: value for key, value in items if value is not None}


def _choice(name: str, value, allowed: tuple[str, ...]) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        raise ValueError(f"unknown {name} {value!r}: expected one of {', '.join(allowed)}")
    return value


def make_context(
    mode: str,
    *,
    applicant_type=None,
    phase=None,
    recipient=None,
    specialty=None,
    program_name=None,
    known_specialties: tuple[str, ...] | None = None,
) -> Context:
    """Validate the user's context; unknown values are a usage error (ValueError), not bad text.

    Phases and specialties are checked against the rulebook's lists (`known_specialties`, when
    given, replaces the rulebook's specialties); an empty list accepts any well-formed id."""
    phases = rulebook.known_phases()
    specialties = rulebook.known_specialties() if known_specialties is None else known_specialties
    key = (mode, applicant_type, phase, recipient, specialty, program_name, phases, specialties)
    try:
        known = _MADE.get(key)
        hashable = True
    except TypeError:  # an unhashable value: validated (and refused) below
        known, hashable = None, False
    if known is not None:
        return known
    context = _validated(mode, applicant_type, phase, recipient, specialty, program_name, phases, specialties)
    if hashable:
        if len(_MADE) >= 256:
            _MADE.clear()
        _MADE[key] = context
    return context


def _known_id(name: str, value, known: tuple[str, ...], example: str) -> None:
    """A phase or specialty: one of the knowledge base's ids (any well-formed id if none known)."""
    if value is None or value == "":
        return
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError(f"unknown {name} {value!r}: expected an id such as '{example}'")
    if known and value not in known:
        raise ValueError(f"unknown {name} {value!r}: expected one of {', '.join(known)}")


# Contexts already validated (a Context is immutable, and a page re-checks with the same one on
# every keystroke).
_MADE: dict[tuple, Context] = {}


def _validated(mode, applicant_type, phase, recipient, specialty, program_name, phases, specialties) -> Context:
    _choice("mode", mode, MODES)
    _known_id("phase", phase, phases, "post-interview")
    _known_id("specialty", specialty, specialties, "pediatrics")
    if program_name is not None and not isinstance(program_name, str):
        raise ValueError(f"program_name must be text, not {type(program_name).__name__}")
    return Context(
        applicant_type=_choice("applicant_type", applicant_type, APPLICANT_TYPES),
        phase=phase or None,
        recipient=_choice("recipient", recipient, RECIPIENTS),
        specialty=specialty or None,
        program_name=(program_name.strip() or None) if program_name else None,
    )
