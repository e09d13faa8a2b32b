"""`check()`: run every registered detector for the mode and assemble the report."""

from __future__ import annotations

from functools import lru_cache

from . import checks  # noqa: F401  (registers the detectors)
from . import meaning
from .context import make_context
from .patterns import phrase_ids, runnable_phrases
from .registry import DETECTORS, Hit
from .report import Finding, Report
from .rulebook import category_entry, load_rulebook
from .text import Positions, build_document

# Longer input is checked only up to this many characters (about 15,000 words, twenty times the
# longest email), so a huge paste cannot freeze the page; an `input-too-long` finding says so.
MAX_CHARS = 100_000
# A runaway pattern on pathological input must not produce an unreadable report.
MAX_FINDINGS_PER_CATEGORY = 50
MAX_EXCERPT = 200
INPUT_TOO_LONG = "input-too-long"

# A stronger finding on the same words makes a weaker one redundant.
_SUPERSEDES = {
    "reciprocal-ranking": ("first-choice-claim", "binding-commitment", "rank-inquiry"),
    "outside-match-offer": ("binding-commitment", "special-treatment"),
    "other-program-leverage": ("first-choice-claim",),
    "program-commitment-request": ("program-rank-inquiry",),
    "program-outside-match-offer": ("program-commitment-request",),
}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}


def categories(mode: str | None = None) -> list[str]:
    """Every category the checker can report (for a mode, or all), in registry order."""
    return [d.category for d in DETECTORS.values() if mode in (None, d.mode)]


def check(
    text: str,
    mode: str = "draft",
    *,
    applicant_type: str | None = None,
    phase: str | None = None,
    recipient: str | None = None,
    specialty: str | None = None,
    program_name: str | None = None,
) -> Report:
    """Check an email draft (mode="draft") or a message received from a program (mode="received").

    Never raises for any `str`; raises TypeError for non-text and ValueError for unknown context.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    ctx = make_context(
        mode,
        applicant_type=applicant_type,
        phase=phase,
        recipient=recipient,
        specialty=specialty,
        program_name=program_name,
        known_specialties=_known_specialties(),
    )
    checked = text[:MAX_CHARS]
    doc = build_document(checked)
    hits: list[Hit] = []
    runnable = runnable_phrases(doc)
    for detector, needs in _detectors(mode):
        if needs is not None and runnable.isdisjoint(needs):
            continue  # none of its phrases can match this text: most detectors, most emails
        found = 0
        for hit in detector.func(doc, ctx):
            hits.append(hit)
            found += 1
            if found >= MAX_FINDINGS_PER_CATEGORY:
                break
    hits.extend(meaning.find(doc, mode)[: MAX_FINDINGS_PER_CATEGORY * 4])
    hits = _drop_redundant(hits, doc)
    if len(text) > MAX_CHARS:
        hits.append(Hit(INPUT_TOO_LONG, MAX_CHARS, len(text)))
    report = Report(mode=mode, context=ctx.to_dict(), checked_chars=len(checked), total_chars=len(text))
    report.findings = _findings(text, hits)
    return report


@lru_cache(maxsize=1)
def _known_specialties() -> tuple[str, ...]:
    return tuple(load_rulebook().get("specialties", ()))


def _detectors(mode: str) -> tuple:
    """The detectors of a mode in registry order, each with the ids of the phrases it needs (None:
    it always runs); rebuilt if the registry grows."""
    cached = _BY_MODE.get(mode)
    if cached is None or cached[0] != len(DETECTORS):
        detectors = tuple(
            (d, phrase_ids(d.phrases) if d.phrases else None) for d in DETECTORS.values() if d.mode == mode
        )
        cached = _BY_MODE[mode] = (len(DETECTORS), detectors)
    return cached[1]


_BY_MODE: dict[str, tuple[int, tuple]] = {}


def _drop_redundant(hits: list[Hit], doc) -> list[Hit]:
    """Merge overlapping hits of one category; drop a weaker category in a sentence where a
    stronger one was found ("if I rank you first, will you rank me?" is a bargain, not a claim)."""
    if not hits:
        return hits
    hits.sort(key=lambda h: (h.category, h.start, -h.end))
    merged: list[Hit] = []
    for hit in hits:
        last = merged[-1] if merged else None
        if last and last.category == hit.category and hit.start < last.end:
            if hit.end > last.end:
                merged[-1] = Hit(last.category, last.start, hit.end, last.suggestions)
            continue
        merged.append(hit)
    sentences: dict[str, set[int]] = {}
    for hit in merged:
        if hit.category in _SUPERSEDES:
            sentences.setdefault(hit.category, set()).add(doc.sentence_at(hit.start).start)
    kept = []
    for hit in merged:
        where = doc.sentence_at(hit.start).start
        # The sentence before counts too: a bargain's second half often sits in the next sentence
        # ("... will you rank me to match? I would put you at the top of mine.").
        before = doc.sentence_at(where - 1).start if where else where
        if not any(
            hit.category in weaker and (where in sentences.get(stronger, ()) or before in sentences.get(stronger, ()))
            for stronger, weaker in _SUPERSEDES.items()
        ):
            kept.append(hit)
    return kept


def _findings(text: str, hits: list[Hit]) -> list[Finding]:
    entries = {h.category: _entry(h.category) for h in hits}
    hits.sort(
        key=lambda h: (h.start, _SEVERITY_ORDER.get(entries[h.category]["severity"], 3), h.category)
    )
    positions = Positions(text)
    findings = []
    for hit in hits:
        entry = entries[hit.category]
        start_utf16, line, column = positions.at(hit.start)
        end_utf16 = start_utf16 + _utf16_len(text, hit.start, hit.end)
        excerpt = text[hit.start : hit.end]
        if len(excerpt) > MAX_EXCERPT:
            excerpt = excerpt[:MAX_EXCERPT] + "…"
        findings.append(
            Finding(
                category=hit.category,
                rule=entry["rule"],
                severity=entry["severity"],
                message=entry["message"],
                explanation=entry["explanation"],
                explanation_html=entry["explanation_html"],
                excerpt=excerpt,
                start=hit.start,
                end=hit.end,
                start_utf16=start_utf16,
                end_utf16=end_utf16,
                line=line,
                column=column,
                suggestions=tuple(hit.suggestions) + tuple(entry["suggestions"]),
                reply=entry["reply"],
                link=entry["link"],
                source=entry["source"],
            )
        )
    return findings


def _entry(category: str) -> dict:
    if category == INPUT_TOO_LONG:
        book = load_rulebook()
        return {
            "rule": "",
            "severity": "warning",
            "message": f"Only the first {MAX_CHARS:,} characters were checked; an email is far shorter.",
            "explanation": "The checker stops at this size so that a very large paste cannot freeze "
            "the page. Check the email itself, not a whole mailbox or document.",
            "explanation_html": "<p>The checker stops at this size so that a very large paste cannot "
            "freeze the page. Check the email itself, not a whole mailbox or document.</p>",
            "suggestions": [],
            "reply": "",
            "link": book.get("site_url", ""),
            "source": None,
        }
    return category_entry(category)


def _utf16_len(text: str, start: int, end: int) -> int:
    piece = text[start:end]
    return len(piece) if piece.isascii() else len(piece) + sum(1 for ch in piece if ord(ch) > 0xFFFF)
