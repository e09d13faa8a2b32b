"""Received mode: what a program's message should not ask or offer (the applicant gets a reply)."""

from __future__ import annotations

from ..patterns import phrase, phrase_hits
from ..registry import register
from .offers import OUTSIDE_MATCH_PROGRAM
from .ranking import ASK_KEYS, ASK_POSITION

_US = (
    r"(?:us|our program(?:me)?|our residency|this program(?:me)?|the program(?:me)?|our institution|our department"
    r"|our hospital)"
)

PROGRAM_RANK_INQUIRY = (
    # Meaning family: the program saying it wishes to learn how the applicant ranks it, without a
    # question ("We should be glad to learn how highly you intend to rank our programme", "Our committee
    # wishes to know whether we feature among the top three on your list").
    phrase(
        r"\b(?:wish(?:es|ing)?|glad|pleased|like|want(?:s|ing)?|keen|eager|interested|grateful|curious|happy"
        r"|delighted|obliged) to (?:know|learn|hear|be told|be informed|understand|find out)\b[^.?!\n]{0,20}"
        r"\b(?:how|where|whether|if)\b[^.?!\n]{0,60}(?:\b(?:rank(?:ed|ing|s)?|list(?:ed|ing|s)?|plac(?:e|ed|ing|es)"
        rf"|put(?:ting)?) {_US}\b|\b(?:on|in|of|at) (?:the top of )?your (?:rank |rank order |final )?(?:list|top)\b"
        r"|\byour (?:top|first|number one) (?:choice|pick|program))",
        requires=r"\b(?:we|us|our)\b",
        keys=(("wish", "glad", "pleased", "like", "want", "keen", "eager", "interested", "grateful", "curious",
               "happy", "delighted", "obliged"),),
    ),
    # Meaning family: a position question about the program on the applicant's list, any wording.
    phrase(
        rf"\b{ASK_POSITION}\b[^.?!\n]{{0,60}}\b(?:rank(?:ed|ing|s)?\b|(?:rank |rank order |final )?list\b)",
        question=True,
        requires=r"\b(?:we|us|our)\b",
        keys=(ASK_KEYS, ("rank", "list")),
    ),
    phrase(
        r"\b(?:are|is|will|would) (?:we|our program|this program|our residency|our hospital)(?: \w{1,30}){0,3}?"
        r" (?:in|among|at|near|on|of) (?:the top of )?your (?:top|first|rank|list|highest|number one|#1"
        r"|favou?rite)",
        question=True,
        keys=("your",),
    ),
    phrase(
        r"\bwhere (?:will|do|would|are|did|might|can) you (?:plan(?:ning)? to |intend(?:ing)? to |going to |be )?"
        rf"(?:rank|ranking|place|placing|put|putting|list|listing) {_US}\b",
        question=True,
    ),
    phrase(
        r"\bhow (?:high|highly|well|low) (?:will|do|would|are|did|might) you (?:plan(?:ning)? to |intend(?:ing)?"
        rf" to |going to )?(?:rank|ranking|place|placing|rate|list|listing) {_US}\b",
        question=True,
    ),
    phrase(
        r"\b(?:are|is|will) (?:we|our program|our residency|this program|the program)(?: going to be| be"
        r" ranked| ranked)? (?:your|on your|at the top of your|high on your|in your top|near the top of your"
        r"|first on your)\b",
        question=True,
    ),
    phrase(
        r"\bwill you (?:be )?(?:rank|ranking|list|listing) (?:us|our program|this program)\b", question=True
    ),
    phrase(
        r"\bhow (?:high|highly|well|low) you (?:will|would|plan to|intend to|are going to|might|are planning to)"
        rf" (?:rank|place|rate|list) {_US}\b",
        question=True,
    ),
    phrase(
        r"\b(?:do|will|would) you (?:plan|intend|expect|want) to rank (?:us|our program|this program)\b",
        question=True,
    ),
    phrase(r"\bhow (?:are|will|do) you (?:going to |plan to )?rank(?:ing)? (?:us|our program|the programs)\b", question=True),
    phrase(r"\b(?:where|how) (?:do|does|will) (?:we|our program|our residency|this program) (?:stand|rank|fall|fit|sit)\b"),
    phrase(
        r"\bwhere (?:we|our program|this program) (?:stand|stands|rank|ranks|fall|falls|fit|fits|sit|sits"
        r"|will be ranked|are ranked|is ranked)\b",
        question=True,
    ),
    phrase(
        r"\b(?:tell|let) us (?:know )?(?:where|how|if|whether) (?:you )?(?:will |plan to |intend to |are going"
        rf" to )?rank(?:ing)? {_US}\b"
    ),
    phrase(r"\bwhere (?:you|you'll|you will) (?:be )?rank(?:ing)? (?:us|our program)\b", question=True),
    phrase(
        r"\bhow you (?:plan|intend|are going|expect|want|will|would|are planning)(?: to)? (?:rank|list|place)"
        rf" {_US}\b",
        question=True,
    ),
)

_PLACES = (
    r"(?:programs?|places|institutions|hospitals|residencies|residency programs|specialt(?:y|ies)"
    r"|specialit(?:y|ies)|schools|interviews|offers)"
)
_OTHER_PLACES = (
    r"(?:(?:other|additional|remaining|competing) (?:[\w-]{1,30} ){0,3}?(?:program(?:me)?s?|places|regions|states|cities|areas"
    r"|hospitals|institutions|residenc(?:y|ies)|specialt(?:y|ies)|schools|interviews|offers|options|locations"
    r"|cent(?:er|re)s|applications)|elsewhere|anywhere else|where else|besides us|other than us|apart from us"
    r"|in addition to us|(?:gold|silver|preference|program) signals?|your signals)"
)
_PURSUE = (
    r"(?:appl(?:y|ied|ying)|interview(?:ed|ing|s)?|consider(?:ed|ing)?|rank(?:ed|ing)?\b(?! us| our)|signal(?:ed|led|ing|s)?"
    r"|look(?:ed|ing)? at|visit(?:ed|ing)?|talk(?:ed|ing)? to|heard from|hear from|invit(?:ed|ations?)"
    r"|receiv(?:e|ed|ing)|sen[dt]|lined up|scheduled|submit(?:ted|ting)?|order(?:ed|ing)?|rate(?:d)?|rating"
    # what the applicant still has open: "programs still under consideration by you", "in the running"
    r"|under (?:your )?consideration|in contention|in the running|pursu(?:e|ed|ing)|weigh(?:ed|ing)?"
    r"|shortlist(?:ed|ing)?|on your (?:rank |rank order |final |short ?)?list)"
)
PROGRAM_OTHER_PROGRAMS = (
    # Meaning family: other places plus what the applicant does with them, in a question to "you".
    phrase(
        rf"\b{_OTHER_PLACES}\b[^.?!\n]{{0,60}}\b{_PURSUE}\b",
        question=True,
        requires=r"\byou",
        keys=("other", "additional", "remaining", "competing", "else", "besides", "apart", "addition", "signal"),
    ),
    phrase(rf"\b{_PURSUE}\b[^.?!\n]{{0,60}}\b{_OTHER_PLACES}\b", question=True, requires=r"\byou"),
    phrase(
        rf"\b(?:what|which|where|how many) (?:other |else |additional )?{_PLACES}\b[^.?!\n]{{0,40}}"
        r"\b(?:you|you've|you have)\b[^.?!\n]{0,30}\b(?:applied|apply|applying|interview(?:ed|ing|s)?"
        r"|rank(?:ed|ing)?|consider(?:ed|ing)?|signal(?:ed|led|ing)?|visit(?:ed|ing)?|heard from|offers?"
        r"|invited|invitations)",
        question=True,
    ),
    phrase(r"\bwhere else (?:have|did|are|will|do|would) you\b", question=True),
    phrase(
        r"\b(?:tell|inform|let) us (?:about |know about |know )?(?:your |the |any |which )?(?:other|remaining"
        r"|upcoming|additional) (?:interviews|programs|applications|offers|options)"
    ),
    phrase(
        r"\b(?:list|name|share|disclose|send us|provide|identify) (?:the |your |a list of (?:the )?|all |any )?"
        r"(?:other )?(?:programs|interviews|places|institutions|applications)(?: (?:you|you've|you have|where"
        r" you))"
    ),
    phrase(
        r"\b(?:have|did) you (?:also )?(?:interview(?:ed)?|appl(?:y|ied)|been (?:interviewing|invited)|receive"
        r"(?:d)? (?:other|any other) (?:interviews|invitations|offers))(?: (?:anywhere else|elsewhere|at other"
        r"|to other|with other|at any other|to any other|at another|to another|at many|to many))?",
        question=True,
        not_before=r"(?:here|to us|to our|with us|for (?:our|this)|before\b)",
    ),
    phrase(
        r"\bare you (?:also )?(?:interviewing|applying|considering|looking|talking) (?:anywhere else|elsewhere"
        r"|at other|with other|to other|at any other|at another|in other)",
        question=True,
    ),
    phrase(
        r"\b(?:which|what|where) (?:programs? )?(?:did you|have you|will you) (?:signal|send (?:your |a )?signals?"
        r"|use your signals|send preference signals|send your other signals)",
        question=True,
    ),
    phrase(
        r"\b(?:how many|what) (?:other )?(?:interviews|interview invitations|offers) (?:do|have|did|are|will) you\b",
        question=True,
    ),
    phrase(r"\bgeographic preferences? (?:outside|beyond|other than)\b", question=True),
)

# The program by its capitalised name ("rank Stonebridge first").
_NAME = r"(?-i:[A-Z][\w&.\x27\u2019-]{1,30})(?: (?-i:[A-Z][\w&.\x27\u2019-]{1,30})){0,4}"
_COMMIT = r"(?:commit|promise|pledge|guarantee|assure us|confirm|agree|tell us)"
PROGRAM_COMMITMENT_REQUEST = (
    # Meaning family: asking the applicant to pledge, then what is pledged.
    phrase(
        r"\b(?:will|would|can|could|are) you (?:\w{1,30} ){0,3}?(?:commit|promise|pledge|guarantee|assure us|agree)\b"
        r"[^.?!\n]{0,60}\b(?:rank(?:ed|ing)?\b|com(?:e|ing) (?:here|to us|to our)|join(?:ing)? (?:us|our)"
        r"|to (?:us|our (?:program(?:me)?|residency|hospital|institution|department))\b"
        r"|sign(?:ing)? (?:with|on)|accept(?:ing)? (?:our|a|the) (?:offer|position)|match(?:ing)? (?:here|with us)"
        r"|first|top choice|number one|#1)",
    ),
    phrase(
        rf"\b{_COMMIT} (?:(?:to us|in writing|in an email|by email|formally|officially|explicitly|now|today|for us)"
        r" ){0,2}(?:that you will |that you'll |that you are going to |to )?(?:rank|ranking"
        rf"|list|listing) (?:{_US}\b|{_NAME}(?: (?:first|as your|at the top|highest|number one|#1|above)))"
    ),
    phrase(
        r"\b(?:we|the program|the committee|our program|I) (?:need|needs|require|requires|would need|will need"
        r"|ask for|request|expect|are asking for|must have|would like|want|would appreciate)s? (?:a |your |some"
        r" |an )?(?:firm |written |verbal |formal |clear )?(?:commitment|assurance|promise|guarantee|pledge"
        r"|confirmation that you will rank)\b"
    ),
    phrase(
        r"\b(?:your|a|written|verbal|formal) (?:commitment|assurance|promise|guarantee|pledge) (?:to rank|that"
        r" you will rank|that you'll rank|to match|to come|to join|to sign|to accept)"
    ),
    phrase(
        r"\bif you (?:can |could |will )?(?:commit|promise|confirm|assure us|guarantee|agree|tell us) (?:to|that)"
        r"\b[^.?!\n]{0,60}\b(?:rank|match)"
    ),
    phrase(
        r"\bwe (?:will|would|can|could) (?:only )?rank you (?:to match|highly|first|high|within|at the top"
        r"|in a position to match|favorably|favourably)\b[^.?!\n]{0,40}\b(?:if|once|as long as|provided)"
        r" (?:you|we)\b"
    ),
    phrase(r"\bsign (?:a |this |our |the )?(?:letter|statement|form|document) of (?:intent|commitment)\b"),
    phrase(
        r"\b(?:need|want|require|expect|would like|have) to (?:hear|know|see|be told|be sure|be certain)"
        r"(?: from you)? that you(?: will|'ll| are going to| plan to| intend to) rank (?:us|our program|this"
        r" program)\b"
    ),
    # Meaning family: a request that the applicant pledge, in any wording ("we ask that you commit in
    # writing to ranking Stonebridge as your number one choice", "we require you to confirm ..."). What
    # follows is not read past a negation ("... which has no bearing on ranking"), and the ranking season
    # or deadline is not a ranking.
    phrase(
        r"\b(?:need|needs|require|requires|want|ask|asks|request|requests|expect|expects|would like|urge|invite)"
        r" (?:that )?you (?:to )?(?:[\w-]{1,20} )?(?:assure|promise|confirm|guarantee|commit|tell us|let us know"
        r"|pledge|agree|undertake|declare|state)\b(?:(?!\b(?:no|not|never|nothing|without|regardless|irrespective)\b)"
        r"[^.?!;\n]){0,60}(?:\b(?:rank(?:ed|ing|s)?\b(?:(?! (?:order )?(?:lists? )?(?:season|deadlines?|day|process|period"
        r"|meetings?|time|window|opens|closes|begins|ends)\b))|first choice|top choice|number one|number 1"
        r"|first on your|top of your)|#1)",
        keys=(("need", "require", "want", "ask", "request", "expect", "like", "urge", "invite"),),
    ),
    phrase(
        r"\bonly (?:rank|interview|consider|accept) (?:applicants|candidates|those) who (?:commit|rank us"
        r"|promise|tell us|confirm|guarantee)"
    ),
)


@register("program-rank-inquiry", mode="received", phrases=PROGRAM_RANK_INQUIRY)
def program_rank_inquiry(doc, ctx):
    return phrase_hits("program-rank-inquiry", doc, PROGRAM_RANK_INQUIRY)


@register("program-other-programs-inquiry", mode="received", phrases=PROGRAM_OTHER_PROGRAMS)
def program_other_programs_inquiry(doc, ctx):
    return phrase_hits("program-other-programs-inquiry", doc, PROGRAM_OTHER_PROGRAMS)


@register("program-commitment-request", mode="received", phrases=PROGRAM_COMMITMENT_REQUEST)
def program_commitment_request(doc, ctx):
    return phrase_hits("program-commitment-request", doc, PROGRAM_COMMITMENT_REQUEST)


@register("program-outside-match-offer", mode="received", phrases=OUTSIDE_MATCH_PROGRAM)
def program_outside_match_offer(doc, ctx):
    return phrase_hits("program-outside-match-offer", doc, OUTSIDE_MATCH_PROGRAM)
