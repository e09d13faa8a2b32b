"""Positions or contracts outside the Match (the All In Policy makes them off-limits)."""

from __future__ import annotations

from ..patterns import phrase, phrase_hits
from ..registry import register

_MATCH = (
    r"(?:the )?(?:NRMP\b|ERAS\b|(?:NRMP |main |main residency |residency |national )?match(?:ing)?"
    r"(?: process| system| algorithm)?\b)"
)
# Leaving the Match: "withdraw from the Match", "pull out of the Match", "withdraw your NRMP registration".
_LEAVE_MATCH = (
    r"\b(?:withdraw(?:ing)?|pull(?:ing)? out|drop(?:ping)? out|opt(?:ing)? out|back(?:ing)? out|step(?:ping)? out"
    r"|resign(?:ing)?|cancel(?:l?ing)?|giv(?:e|ing) up|quit(?:ting)?)"
    r" (?:(?:of|from) )?(?:(?:my|your|the) (?:application|registration|participation) (?:from|in|with|for|to) )?"
    r"(?:the |my |your )?(?:NRMP|(?:NRMP |main |residency )?match)\b(?: registration| application| participation)?"
)
_LEAVE_KEYS = ("withdraw", "pull", "drop", "opt", "back", "step", "resign", "cancel", "giv", "quit")
# A position described as outside the Match: "a non-Match PGY-1 post", "an off-Match contract"
# (hyphenated, which keeps the key strings rare: "off" alone is in every "offer").
_NON_MATCH = (
    r"\b(?:non|off)-(?:NRMP|match)\b(?:-| )?(?:(?!research|fellow|observ|postdoc)[\w-]{1,20} ){0,2}?"
    r"(?:position|post|spot|contract|offer|job|appointment|place|slot|hire|pathway|route)s?\b"
)
# Research, fellowship and observer posts are not residency positions.
_NOT_RESIDENCY = (
    r"(?:as (?:a |an |our )?(?:research|postdoc|fellow|observer|visiting|volunteer|scribe|assistant|lab)"
    r"|after (?:your |my )?(?:residency|graduation|training))"
)
# Not waiting for the Match: "rather than waiting for the Match results", "without waiting until Match Day".
_WAITING = (
    r"(?:(?:rather than|instead of|without|before|ahead of) (?:having to )?wait(?:ing)?|(?:not|no need to|don't"
    r" have to|do not have to|wouldn't have to) wait) (?:for|on|until|till)(?: the (?:results|outcome) of)?"
)
_DENIED = (
    r"(?:(?:are|is|were|would be) (?:not|no longer|never) (?:allowed|permitted|possible|an option|acceptable)"
    r"|(?:are|is|were) (?:prohibited|forbidden|banned|against|off-limits|not something)|violate)"
)

OUTSIDE_MATCH = (
    phrase(
        r"\bpre-?match (?:offer|position|contract|agreement|spot|acceptance|commitment|deal|appointment)s?\b",
        not_before=_DENIED,
    ),
    phrase(
        r"\b(?:offers?|offered|positions?|spots?|posts?|slots?|contracts?|sign|secure|guarantee|accept|hire|hired"
        r"|appointments?|agreements?|places?|jobs?|join|enter|take me)\b[^.?!\n]{0,60}\b(?:outside|outside of|before"
        r"|ahead of|prior to|instead of|independent of|independently of|apart from|without going through|around"
        r"|separate from|rather than(?: through| via| going through| using| participating in)?|not through"
        r"|without (?:participating in|participation in|taking part in|recourse to|involving|entering|using"
        rf"|registering (?:for|with)|the need for)|{_WAITING}) {_MATCH}",
        not_before=_DENIED,
        not_after=r"\b(?:interview|observership|elective|rotation|research|fellowship)",
    ),
    phrase(
        rf"\b(?:outside|outside of|bypass(?:ing)?|skip(?:ping)?|instead of|without going through|go(?:ing)?"
        rf" around|avoid(?:ing)?) {_MATCH}[^.?!\n]{{0,60}}\b(?:offer|position|spot|contract|sign|secure|hire"
        r"|appointment|agreement|accept|join)",
        not_before=_DENIED,
    ),
    phrase(
        r"\b(?:offer|give|extend|grant) me (?:a |an |the |my )?(?:[\w-]{1,30} ){0,2}?(?:position|spot|contract|place"
        r"|job) (?:now|directly|today|right away|early|immediately|at once|this week)\b"
    ),
    phrase(
        r"\b(?:ready|prepared|willing|happy|glad) to sign\b(?! (?:the |my |any |all |your )?(?:visa|paperwork"
        r"|forms?|documents?|consent|papers|release|lease|application|credentialing|onboarding))"
        r"[^.?!\n]{0,30}\b(?:today|now|immediately|right away"
        r"|this week|at once|before (?:the )?match)\b"
    ),
    phrase(_LEAVE_MATCH, requires=r"\b(?:I|I'm|I'd|I'll|me|my|you|your)\b", keys=(_LEAVE_KEYS,)),
    phrase(_NON_MATCH, not_after=r"\b(?:no|zero|never)", keys=(("non-", "off-"), ("match", "nrmp"))),
    # Being taken on directly, in a sentence about a residency post: "could you hire me directly".
    phrase(
        r"\b(?:hire|take|appoint|sign|recruit|employ|bring|accept|admit) me (?:on |in |up |aboard )?(?:directly"
        r"|outright)\b",
        not_before=_NOT_RESIDENCY,
        requires=r"\b(?:match\w*|NRMP|residen\w+|PGY-?\d|positions?|posts?|spots?|contracts?|intern\w*)\b",
        keys=("direct", "outright"),
    ),
    phrase(
        r"\b(?:early|conditional|direct|off-cycle|advance) (?:contract|offer|acceptance|appointment|hire"
        r"|hiring|agreement|commitment) (?:outside|before|from|with|for)\b"
    ),
    phrase(
        r"\b(?:sign|accept) (?:a |the |your |an )?(?:contract|offer|position)(?: (?:with|from) (?:you|your \w{1,20}"
        r"|the (?:program|hospital|department)|this (?:program|hospital)))? (?:now|before|early|today"
        r"|right away|ahead|immediately|directly)\b",
        not_before=r"(?:the match results|match day is over|after|that\b)",
    ),
)


@register("outside-match-offer", phrases=OUTSIDE_MATCH)
def outside_match_offer(doc, ctx):
    return phrase_hits("outside-match-offer", doc, OUTSIDE_MATCH)


# The same offers seen from the program's side ("we can offer you a position outside the Match").
OUTSIDE_MATCH_PROGRAM = OUTSIDE_MATCH[:3] + (
    phrase(
        r"\b(?:offer|extend|give|guarantee|promise) you (?:a |an |the |our )?(?:position|spot|contract|place"
        r"|job|residency position|PGY-?1 position|categorical position|preliminary position)\b"
        r"(?: (?:now|today|right away|immediately|directly|early|this week|at once))"
    ),
    phrase(_LEAVE_MATCH, requires=r"\b(?:you|your)\b", keys=(_LEAVE_KEYS,)),
    phrase(_NON_MATCH, not_after=r"\b(?:no|zero|never)", keys=(("non-", "off-"), ("match", "nrmp"))),
    phrase(
        r"\bsign (?:a |the |this |our )?(?:attached |enclosed |employment |)?(?:contract|agreement|offer letter)"
        r" (?:now|today|before|early|right away"
        r"|immediately|by|this week|ahead)\b",
        not_before=r"(?:the match results|match day is over|after)",
    ),
    phrase(
        r"\b(?:early|conditional|direct|off-cycle|advance) (?:contract|offer|acceptance|appointment|hire"
        r"|agreement)\b"
    ),
    phrase(r"\b(?:skip|bypass|avoid|go around) (?:the )?(?:NRMP |main )?match\b"),
    phrase(
        r"\b(?:hire|appoint|sign|offer|take|recruit|employ|bring) you (?:on |in |aboard )?(?:directly|outright|now"
        r"|today)\b",
        not_before=_NOT_RESIDENCY,
    ),
    phrase(r"\bsign you (?:now|today|right away|immediately|early|directly|before|up now|this week)\b"),
    phrase(
        r"\b(?:not need to|no need to|don't need to|do not need to|without (?:having to )?|never have to)"
        r"(?:go|going) through the (?:NRMP |main )?match\b",
        negatable=False,
    ),
)
