"""The optional facts a user gives about a message, validated against the fixed vocabularies."""

from __future__ import annotations

import re
from dataclasses import dataclass

MODES = ("draft", "received")
APPLICANT_TYPES = ("us-md-do", "us-img", "non-us-img")
RECIPIENTS = ("program-director", "coordinator", "faculty", "resident")
PHASES = (
    "before-applying",
    "application-submitted",
    "interview-invitations",
    "interview-day",
    "post-interview",
    "before-rank-deadline",
    "after-certification",
    "match-week",
    "after-match",
)
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
    known_specialties: tuple[str, ...] = (),
) -> Context:
    """Validate the user's context; unknown values are a usage error (ValueError), not bad text."""
    key = (mode, applicant_type, phase, recipient, specialty, program_name, known_specialties)
    try:
        known = _MADE.get(key)
    except TypeError:  # an unhashable value: validated (and refused) below
        key, known = None, None
    if known is not None:
        return known
    context = _validated(mode, applicant_type, phase, recipient, specialty, program_name, known_specialties)
    if key is not None:
        if len(_MADE) >= 256:
            _MADE.clear()
        _MADE[key] = context
    return context


# Contexts already validated (a Context is immutable, and a page re-checks with the same one on
# every keystroke).
_MADE: dict[tuple, Context] = {}


def _validated(mode, applicant_type, phase, recipient, specialty, program_name, known_specialties) -> Context:
    _choice("mode", mode, MODES)
    if specialty not in (None, ""):
        if not isinstance(specialty, str) or not _ID.fullmatch(specialty):
            raise ValueError(f"unknown specialty {specialty!r}: expected an id such as 'pediatrics'")
        if known_specialties and specialty not in known_specialties:
            raise ValueError(
                f"unknown specialty {specialty!r}: expected one of {', '.join(known_specialties)}"
            )
    if program_name is not None and not isinstance(program_name, str):
        raise ValueError(f"program_name must be text, not {type(program_name).__name__}")
    return Context(
        applicant_type=_choice("applicant_type", applicant_type, APPLICANT_TYPES),
        phase=_choice("phase", phase, PHASES),
        recipient=_choice("recipient", recipient, RECIPIENTS),
        specialty=specialty or None,
        program_name=(program_name.strip() or None) if program_name else None,
    )
