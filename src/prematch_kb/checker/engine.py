"""`check()`: run every registered detector for the mode and assemble the report."""

from __future__ import annotations

from . import checks  # noqa: F401  (registers the detectors)
from .context import make_context
from .registry import DETECTORS, Hit
from .report import Finding, Report
from .rulebook import category_entry, load_rulebook
from .text import Positions, build_document, utf16_length

# Longer input is checked only up to this many characters (about 15,000 words, twenty times the
# longest email), so a huge paste cannot freeze the page; an `input-too-long` finding says so.
MAX_CHARS = 100_000
# A runaway pattern on pathological input must not produce an unreadable report.
MAX_FINDINGS_PER_CATEGORY = 50
MAX_EXCERPT = 200
INPUT_TOO_LONG = "input-too-long"

# A stronger finding makes a weaker one redundant, within a reach:
#   "sentence"  anywhere in the same sentence (a bargain is not also a claim or a question);
#   "next"      the same sentence or the one after (a bargain's second half often follows it:
#               "... will you rank me to match? I would put you at the top of mine.");
#   "overlap"   only on the same words: "withdraw and sign with you, and you have my word" is an
#               offer outside the Match and, in other words, a pledge.
# How near a stronger finding must be to drop a weaker one, as content/checks/*.yml words it
# (`outranks`; the knowledge base takes the names from `public.OUTRANK_REACHES`).
REACHES = {"same words": "overlap", "same sentence": "sentence", "same or next sentence": "next"}
Supersession = tuple[str, tuple[str, ...], str]  # (stronger, weaker categories, reach)


def supersessions() -> tuple[Supersession, ...]:
    """What each category is reported instead of (`outranks` in content/checks/<category>.yml,
    carried by the rulebook): "if I rank you first, will you rank me?" is a bargain, not also a
    first-choice claim. Read once per rulebook."""
    book = load_rulebook()
    if _SUPERSESSIONS[0] is not book:
        table: list[Supersession] = []
        for stronger, entry in sorted(book["categories"].items()):
            by_reach: dict[str, list[str]] = {}
            for outrank in entry.get("outranks", ()):
                by_reach.setdefault(REACHES[outrank["within"]], []).append(outrank["category"])
            table += [(stronger, tuple(weaker), reach) for reach, weaker in by_reach.items()]
        _SUPERSESSIONS[:] = [book, tuple(table)]
        _STRONGER_THAN.clear()
    return _SUPERSESSIONS[1]


_SUPERSESSIONS: list = [None, ()]  # (the rulebook read, its supersessions)


def stronger_than(category: str) -> frozenset[str]:
    """The categories whose finding in a text makes one of `category` nearby redundant."""
    table = supersessions()
    found = _STRONGER_THAN.get(category)
    if found is None:
        found = _STRONGER_THAN[category] = frozenset(
            stronger for stronger, weaker, _ in table if category in weaker
        )
    return found


_STRONGER_THAN: dict[str, frozenset[str]] = {}
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
    )
    checked = text[:MAX_CHARS]
    doc = build_document(checked)
    hits: list[Hit] = []
    for detector in _detectors(mode):
        found = 0
        for hit in detector.func(doc, ctx):
            hits.append(hit)
            found += 1
            if found >= MAX_FINDINGS_PER_CATEGORY:
                break
    hits += _without_vetoed(doc, mode, _meaning_hits(doc, mode))
    hits += _learned_hits(doc, mode, hits)
    hits = _drop_redundant(hits, doc)
    if len(text) > MAX_CHARS:
        hits.append(Hit(INPUT_TOO_LONG, MAX_CHARS, len(text)))
    report = Report(mode=mode, context=ctx.to_dict(), checked_chars=len(checked), total_chars=len(text))
    report.findings = _findings(text, hits)
    return report


def prepare() -> None:
    """Load everything a check needs (the rulebook, the vocabulary, the meaning rules of both modes
    and their compiled tests), so that the first real check costs what every later one does. The
    page calls it while it loads, before it says it is ready."""
    from . import meaning

    check("", mode="draft")
    meaning.prepare()


def forget() -> None:
    """Empty every memory of sentences, lines and words already read, so that the next check costs
    what a first paste does (benchmarks and growth tests measure it)."""
    from . import meaning, memory

    meaning.forget()
    memory.forget()


def _detectors(mode: str) -> tuple:
    """The detectors of a mode that read shapes (placeholders, greetings, texting style), in
    registry order; the meaning layer's categories are found by `_meaning_hits`."""
    cached = _BY_MODE.get(mode)
    if cached is None or cached[0] != len(DETECTORS):
        detectors = tuple(d for d in DETECTORS.values() if d.mode == mode and not d.by_meaning)
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
    table = supersessions()
    outranking = {stronger for stronger, _, _ in table}
    strong: dict[str, list[Hit]] = {}
    for hit in merged:
        if hit.category in outranking:
            strong.setdefault(hit.category, []).append(hit)
    kept = []
    for hit in merged:
        if not any(
            hit.category in weaker and any(_within(doc, other, hit, reach) for other in strong.get(stronger, ()))
            for stronger, weaker, reach in table
        ):
            kept.append(hit)
    return kept


def _meaning_hits(doc, mode: str) -> list[Hit]:
    """What the meaning layer's rules find (commitments, questions, offers, pressure ...)."""
    from . import meaning  # imported on the first check, so importing the checker stays cheap

    counts: dict[str, int] = {}
    hits = []
    for hit in meaning.find(doc, mode):
        counts[hit.category] = counts.get(hit.category, 0) + 1
        if counts[hit.category] <= MAX_FINDINGS_PER_CATEGORY:
            hits.append(hit)
    return hits


def _without_vetoed(doc, mode: str, hits: list[Hit]) -> list[Hit]:
    """The rules' hits, less those of a category the learnt layer vetoes in this text."""
    return weigh_vetoes(doc, mode, hits)[0]


def weigh_vetoes(doc, mode: str, hits: list[Hit]) -> tuple[list[Hit], list]:
    """The rules' hits less those of a vetoed category, and the learnt layer's verdict on each
    category the rules found that has a veto (see `learned.vetoes`), for --explain."""
    if not hits:
        return hits, []
    from . import learned

    vetoes = learned.vetoes(doc, mode, {hit.category for hit in hits})
    vetoed = {veto.category for veto in vetoes if not veto.kept}
    return ([hit for hit in hits if hit.category not in vetoed] if vetoed else hits), vetoes


def _learned_hits(doc, mode: str, hits: list[Hit]) -> list[Hit]:
    return [Hit(c.category, c.start, c.end) for c in learned_candidates(doc, mode, hits, with_ruled=False) if c.kept]


def learned_candidates(doc, mode: str, hits: list[Hit], *, with_ruled: bool = True) -> list:
    """What the learnt layer scores at or above its thresholds, kept where it adds to `hits`:
    sentences the rules missed, in categories found nowhere in the text (nor a stronger one)."""
    from . import learned

    found = {hit.category for hit in hits}
    ruled = frozenset(
        model.category for model in learned.layer().models
        if model.category in found or stronger_than(model.category) & found
    )
    judged = learned.candidates(doc, mode, ruled, with_ruled=with_ruled)
    # The layer adds; it never hides: where the rules found a category that the layer's would
    # supersede, the rules' finding stands.
    return [
        c._replace(kept=False, reason=f"the rules found {h.category} here, which this would hide")
        if c.kept and (h := _hidden_by(doc, c.category, c.start, c.end, hits)) else c
        for c in judged
    ]


def _hidden_by(doc, category: str, start: int, end: int, hits: list[Hit]) -> Hit | None:
    """A hit that a finding of `category` at [start, end) would drop (see `_drop_redundant`)."""
    stronger = Hit(category, start, end)
    for weaker_of, weaker, reach in supersessions():
        if weaker_of == category:
            for hit in hits:
                if hit.category in weaker and _within(doc, stronger, hit, reach):
                    return hit
    return None


def _within(doc, stronger: Hit, weaker: Hit, reach: str) -> bool:
    if reach == "overlap":
        return stronger.start < weaker.end and weaker.start < stronger.end
    here = doc.sentence_at(weaker.start).start
    there = doc.sentence_at(stronger.start).start
    if here == there:
        return True
    return reach == "next" and here > there and doc.sentence_at(here - 1).start == there


def _findings(text: str, hits: list[Hit]) -> list[Finding]:
    entries = {h.category: _entry(h.category) for h in hits}
    hits.sort(
        key=lambda h: (h.start, _SEVERITY_ORDER.get(entries[h.category]["severity"], 3), h.category)
    )
    positions = Positions(text)
    findings = []
    for hit in hits:
        entry = {**entries[hit.category], **dict(hit.fields)} if hit.fields else entries[hit.category]
        start_utf16, line, column = positions.at(hit.start)
        end_utf16 = start_utf16 + utf16_length(text[hit.start : hit.end])
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
