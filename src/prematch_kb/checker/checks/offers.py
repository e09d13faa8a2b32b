"""Positions or contracts outside the Match (the All In Policy makes them off-limits)."""

from __future__ import annotations

from ..patterns import phrase, phrase_hits
from ..registry import register

_MATCH = r"(?:the )?(?:NRMP\b|ERAS\b|(?:NRMP |main |main residency |residency |national )?match\b)"
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
        r"\b(?:offers?|offered|positions?|spots?|contracts?|sign|secure|guarantee|accept|hire|hired|appointments?"
        r"|agreements?|places?|jobs?|join|enter)\b[^.?!\n]{0,60}\b(?:outside|outside of|before|ahead of|prior to"
        r"|instead of|independent of|independently of|apart from|without going through|around|separate from"
        rf"|without (?:participating in|entering|using|registering (?:for|with)|the need for)) {_MATCH}",
        not_before=_DENIED,
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
        r"\b(?:ready|prepared|willing|happy|glad) to sign\b[^.?!\n]{0,30}\b(?:today|now|immediately|right away"
        r"|this week|at once|before (?:the )?match)\b"
    ),
    phrase(r"\bwithdraw (?:from|my application from|out of|my registration from) (?:the )?(?:NRMP |main )?match\b"),
    phrase(
        r"\b(?:early|conditional|direct|off-cycle|advance) (?:contract|offer|acceptance|appointment|hire"
        r"|hiring|agreement|commitment) (?:outside|before|from|with|for)\b"
    ),
    phrase(
        r"\b(?:sign|accept) (?:a |the |your |an )?(?:contract|offer|position) (?:now|before|early|today"
        r"|right away|ahead|immediately|directly)\b",
        not_before=r"(?:the match results|match day is over|after)",
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
    phrase(r"\bwithdraw (?:from|your application from|out of|your registration from) (?:the )?(?:NRMP |main )?match\b"),
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
    phrase(r"\b(?:hire|appoint|sign|offer) you (?:directly|outright|now|today)\b"),
    phrase(r"\bsign you (?:now|today|right away|immediately|early|directly|before|up now|this week)\b"),
    phrase(
        r"\b(?:not need to|no need to|don't need to|do not need to|without (?:having to )?|never have to)"
        r"(?:go|going) through the (?:NRMP |main )?match\b",
        negatable=False,
    ),
)
