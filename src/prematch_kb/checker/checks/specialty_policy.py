"""specialty-policy: a draft that goes against the chosen specialty's published communication policy.

Some specialties' program directors' organisations ask applicants not to send certain messages
after the interview (plastic surgery's ACAPS bars thank-you notes and first-choice letters to
faculty and bans second looks; internal medicine's AAIM asks programs to tell interviewees that
thank-you notes are not needed). The policies come from content/specialties/<id>.yml
(`communication_policy`), generated into rulebook.json under "policies": this module only reads
them. Without a specialty, or for a specialty whose policy takes no stance against the kind of
message, it finds nothing.

What the draft is comes from a few cues per sentence of the author's own words: thanks for an
interview or a visit (a thank-you note), "my first/top choice" or "rank you first" (a first-choice
letter), a second look or return visit asked for or planned (a second-look request). A negated or
quoted cue, and a declined second look, do not count.
"""

from __future__ import annotations

import re

from ..patterns import NEGATION_ONLY, is_negated
from ..registry import Hit, register
from ..rulebook import category_entry, load_rulebook

CATEGORY = "specialty-policy"
# Stances of a topic that earn a warning; "allowed" and "no-policy" never do.
AGAINST = {"discouraged": "discourages", "forbidden": "does not allow"}
# The kinds of message recognised, each with the policy topic that governs it and how it is named.
KINDS = {
    "thank-you": ("thank_you_notes", "a thank-you note", "thank-you notes after the interview"),
    "first-choice": ("first_choice_letters", "a first-choice letter", "first-choice letters"),
    "second-look": ("second_looks", "a request for a second look", "second-look visits"),
}
# The communication log's kinds (checker.commlog.KINDS) that name one of these messages.
LOG_KINDS = {"thank-you": "thank-you", "first-choice": "first-choice"}

_I = re.IGNORECASE
_THANKS = re.compile(r"\b(?:thank(?:s| you)|grateful|appreciat(?:e|ed|ing|ion))\b", _I)
_INTERVIEW = re.compile(
    r"\b(?:interview(?:ed|ing|s)?|interview day|(?:the|my|your|our) (?:visit|conversation|tour|discussion)"
    r"|hosting (?:me|us)|meet(?:ing)? (?:with )?me|speaking with me|talking with me|(?:to|for) meet(?:ing)?"
    r" (?:me|with me)|spend(?:ing)? time with me)\b",
    _I,
)
# Thanks about arranging an interview, not for one held: an invitation, a date, a reschedule.
_BEFORE = re.compile(r"\b(?:invit\w*|schedul\w*|reschedul\w*|offer\w*|confirm\w*|arrang\w*|upcoming)",
                     _I)
_FIRST_CHOICE = re.compile(
    r"\bmy (?:\w{1,20} ){0,2}?(?:first|top|number[- ]one|no\. ?1|#1|1st) (?:choice|pick|preference)\b"
    r"|\brank(?:ing)? (?:you|your (?:program|hospital|residency)|\w{1,30} (?:program|hospital|center|centre))"
    r" (?:first|#1|number[- ]one|at the (?:very )?top|highest|above all)"
    r"|\bletter of intent\b",
    _I,
)
_SECOND_LOOK = re.compile(
    r"\bsecond[- ]looks?\b|\b(?:second|another) visits?\b"
    r"|\brevisit(?:ing)? (?:the|your) (?:program|hospital|campus)"
    r"|\b(?:come|coming) back (?:to|for) (?:a )?visit|\bvisit (?:the program |your program |the hospital )?again\b",
    _I,
)
# The author asks for, or plans, the visit.
_WANTS = re.compile(
    r"\b(?:would (?:like|love|welcome|be (?:grateful|glad|happy))|I'd (?:like|love)|hop(?:e|ed|ing)|possible"
    r"|(?:could|can|may|might) I|is there|are there|will there|request\w*|arrange|schedul\w*|plan(?:ning)? to"
    r"|attend|join|opportunity|available|interested in)\b|\?",
    _I,
)
# A message that asks the program something is a question, whatever courtesy opens it ("Thank you
# for the interview day. I had one question about ..."): AAIM, for one, welcomes questions.
_QUESTION = re.compile(r"\?|\b(?:a|one|two|few|some) (?:quick |brief |short )?questions?\b"
                       r"|\b(?:wanted|would like|like) to ask\b", _I)
_DECLINE = re.compile(r"\b(?:declin\w*|unable|regret\w*|not be able|won't be able|cannot|can't|will not)\b", _I)


def policy_for(specialty: str | None) -> dict | None:
    """The specialty's published policy from the rulebook, or None (no specialty, or none found)."""
    if not specialty:
        return None
    return load_rulebook().get("policies", {}).get(specialty)


def stance(policy: dict | None, kind: str) -> str | None:
    """The policy's stance on a kind of message when it is against it ("discouraged" or
    "forbidden"); None when the policy allows it or says nothing."""
    if policy is None or kind not in KINDS:
        return None
    found = policy.get(KINDS[kind][0])
    return found if found in AGAINST else None


def details(policy: dict, kind: str) -> dict[str, str]:
    """The [Placeholders] of the category's message, for this policy and kind of message."""
    topic, named, topics = KINDS[kind]
    source = policy.get("source") or {}
    where = source.get("title", "")
    if where and source.get("section"):
        where += f", {source['section']}"
    return {
        "Kind": named,
        "Specialty": policy.get("specialty", ""),
        "Organisation": policy.get("organisation", ""),
        "Stance": AGAINST[policy[topic]],
        "Topic": topics,
        "Season": policy.get("season", ""),
        "Source": where or policy.get("organisation", ""),
    }


_PLACEHOLDER = re.compile(r"\[([^\[\]\n]+)\]")


def finding_fields(policy: dict, kind: str) -> tuple[tuple[str, object], ...]:
    """What a finding of this category says beyond the rulebook's entry: the message naming the
    policy and its source, the policy's own source, and a link to the specialty's policy."""
    filled = details(policy, kind)
    message = _PLACEHOLDER.sub(lambda m: filled.get(m[1], m[0]), category_entry(CATEGORY)["message"])
    fields: list[tuple[str, object]] = [("message", message)]
    if policy.get("source"):
        fields.append(("source", dict(policy["source"])))
    if policy.get("link"):
        fields.append(("link", policy["link"]))
    return tuple(fields)


def message_kinds(doc) -> dict[str, tuple[int, int]]:
    """The kinds of message the draft reads as, each with the words of its first cue."""
    found: dict[str, tuple[int, int]] = {}
    asks = any(_QUESTION.search(sentence.text) for sentence in doc.sentences)
    for sentence in doc.sentences:
        text, base = sentence.text, sentence.start
        if "thank-you" not in found and not asks:
            thanks = _THANKS.search(text)
            if thanks and _INTERVIEW.search(text) and not _BEFORE.search(text):
                _keep(doc, found, "thank-you", base + thanks.start(), base + thanks.end())
        if "first-choice" not in found:
            claim = _FIRST_CHOICE.search(text)
            if claim:
                _keep(doc, found, "first-choice", base + claim.start(), base + claim.end())
        if "second-look" not in found:
            visit = _SECOND_LOOK.search(text)
            if visit and _WANTS.search(text) and not _DECLINE.search(text):
                _keep(doc, found, "second-look", base + visit.start(), base + visit.end())
    return found


def _keep(doc, found: dict, kind: str, start: int, end: int) -> None:
    if not doc.is_own(start, end) or (doc.quotations and doc.in_quotation(start, end)):
        return
    if is_negated(doc, start, NEGATION_ONLY):
        return
    found[kind] = (start, end)


@register(CATEGORY)
def specialty_policy(doc, ctx):
    policy = policy_for(ctx.specialty)
    if policy is None:
        return
    for kind, (start, end) in message_kinds(doc).items():
        if stance(policy, kind):
            yield Hit(CATEGORY, start, end, (), finding_fields(policy, kind))
