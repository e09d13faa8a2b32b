"""The registry of checks: each category's detector is a small function registered by id.

A detector receives the parsed `Document` and the validated `Context` and yields `Hit`s (where and
what matched). Wording, severity and links are NOT here: they come from the rulebook, which is
generated from the knowledge base.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .context import MODES


class Hit(NamedTuple):
    category: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()  # replacements specific to this match, shown before the rule's
    # Finding fields this match words itself, as (name, value) pairs over the rulebook's entry
    # (a specialty's policy names its own organisation, source and page).
    fields: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class Detector:
    category: str
    mode: str
    func: Callable[..., Iterable[Hit]]
    # Decided by the meaning layer's rules (meaning/rules/<category>.json); there is no function to call.
    by_meaning: bool = False


DETECTORS: dict[str, Detector] = {}


def register(category: str, mode: str = "draft") -> Callable:
    """Decorator: `@register("placeholder")` over `def detect(doc, ctx) -> Iterable[Hit]`."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")

    def wrap(func: Callable[..., Iterable[Hit]]) -> Callable[..., Iterable[Hit]]:
        if category in DETECTORS:
            raise ValueError(f"category {category!r} registered twice")
        DETECTORS[category] = Detector(category, mode, func)
        return func

    return wrap


def _nothing(doc, ctx) -> Iterable[Hit]:
    return ()


def register_meaning(category: str, mode: str = "draft") -> None:
    """Register a category whose findings come from the meaning layer's rules alone."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    if category in DETECTORS:
        raise ValueError(f"category {category!r} registered twice")
    DETECTORS[category] = Detector(category, mode, _nothing, by_meaning=True)
