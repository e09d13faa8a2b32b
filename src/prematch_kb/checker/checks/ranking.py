"""Asking a program where it ranks you, or what your chances of matching are."""

from __future__ import annotations

from ..patterns import phrase, phrase_hits
from ..registry import register

_ME = r"(?:I|I'm|I am|my application|my name|my candidacy|my file)"
_PROGRAM = (
    r"(?:you|you all|the program|your program|the committee|your committee|the selection committee|the team"
    r"|the faculty|your faculty|the program director|the ranking committee|your ranking committee)"
)
# Placing someone in a clinic, a track or a rotation is not ranking them: "place me" counts only
# when nothing follows or what follows is the list.
_NOT_ELSEWHERE = (
    r"(?! (?:in|at|into|for|with|during|on|through) (?!(?:your|the|my|a) (?:rank|list|final|match|top|high)\b))"
)
_HOW = r"(?:plan to |intend to |are going to |are planning to |might |would |will |going to |expect to )?"

# Meaning family: a question about position or odds, then a rank/list/match word, in a sentence
# about the author ("where do I currently stand on your list", "what are my odds of matching").
# Every match of ASK_POSITION contains one of these.
ASK_KEYS = ("where", "how", "what", "which", "odds", "chance", "likelihood", "probability", "prospect", "shot")
ASK_POSITION = (
    r"(?:where|how (?:high|highly|far up|far down|low|well|favou?rably|likely|realistic|probable)|what (?:position"
    r"|place|spot|number|rank|tier|range)|which (?:position|place|spot|tier|number)|odds|chances?|likelihood"
    r"|probability|prospects?|(?:realistic |real |good |decent |fair )?shot)"
)
_RANK_WORD = r"(?:rank(?:ed|ing|s)?\b|(?:rank |rank order |final |match )?list\b|match(?:ed|ing)?\b)"
_IMPROVING = r"(?:improve|increase|strengthen|maximi[sz]e|boost|help|raise|enhance|better|hurt|affect|harm)"
# "Any chance you could offer me a position before the Match?" asks for an offer, not the odds: the
# Match named as the process one would leave or go around is not a rank word. (Fixed-width checks
# just before the word, written with \x20 so that they stay fixed-width.)
_AROUND = (
    "before", "outside", "prior to", "ahead of", "instead of", "rather than", "without", "from", "bypass", "skip",
    "avoid",
)
_NOT_AROUND = "".join(
    rf"(?<!{word.replace(' ', chr(92) + 'x20')}\x20)(?<!{word.replace(' ', chr(92) + 'x20')}\x20the\x20)"
    for word in _AROUND
)
_RANK_WORD_HERE = rf"(?:rank(?:ed|ing|s)?\b|(?:rank |rank order |final |match )?list\b|{_NOT_AROUND}match(?:ed|ing)?\b)"
_AUX = (
    r"(?:has|have|had|will|would|might|did|does|do|is|are|may|could|currently|already|eventually|finally"
    r"|ultimately|been|be|going to|plans? to|intends? to|decided to)"
)
# The program's rank list: "your list", "the rank order list"; "the list for the interview dates"
# is some other list.
_THE_LIST = r"(?:your (?:rank |rank order |final |match )?list|the (?:rank|rank order|final|match) list)\b"
# The author's standing as the thing asked about: "whether I have been ranked", "if my name is high
# enough", "whether I am likely to match".
_STANDING = (
    r"(?:\b(?:have|has|had|am|was|will|would|is|are|'m|'ve|been|be|get|got|being) (?:\w{1,20} )?(?:ranked|placed"
    r"|listed)\b|\b(?:likely|expected|going|on track|positioned|set|in line|in a position|competitive enough"
    r"|well placed|placed well enough|ranked high enough) to (?:match|be (?:matched|ranked|placed))\b|\bhigh enough\b"
    rf"|\b(?:within|inside|in) (?:your|the) (?:matching|match|top)\b|\bon {_THE_LIST}"
    r"|\b(?:will|would|could|can|am going to) (?:match|be matched)\b)"
)
# The author, or their file, as the one being ranked.
_ME_SUBJECT = r"(?:I|my (?:application|candidacy|file|name|profile|interview|dossier))"
# Words that ask, or say the author wants to be told, followed by "whether"/"if".
_ASK_IF = (
    r"(?:(?:to|me|I) know|learn|ask|asking|find out|hear|tell me|share|confirm|indicate|advise|clarify|inform me"
    r"|update me|wonder(?:ing|ed)?|curious|enquire|inquire|enquiring|inquiring)(?: (?:about|on))? (?:whether|if)"
)
# Someone else asking is reported speech: "my mother keeps asking whether I have been ranked".
_REPORTER = (
    r"\b(?:he|she|they|who|someone|everyone|people|friends?|classmates?|colleagues?|parents?|mother|father|mom"
    r"|dad|family|wife|husband|partner|sister|brother|siblings?|cousins?|aunt|uncle|relatives?|roommates?)\b"
    r"(?: \w{1,20}){0,4}"
)

RANK_INQUIRY = (
    # "I am requesting to know in which position I have been placed on your rank list": a request
    # worded as wishing or asking to know, then a position question about the author.
    phrase(
        r"\b(?:request(?:ing)?|wish(?:ing)?|desire|desiring|beg(?:ging)?|permission|asking|ask) (?:you )?to (?:know"
        r"|learn|be told|be informed|enquire|inquire|ask)\b[^.?!\n]{0,20}?\b(?:in )?" + ASK_POSITION
        + r"\b[^.?!\n]{0,60}\b" + _RANK_WORD_HERE,
        requires=r"\b(?:I|I'm|I'll|I'd|me|my)\b",
        not_after=_REPORTER,
        keys=(("request", "wish", "desir", "beg", "permission", "ask"), ("rank", "list", "match")),
    ),
    phrase(
        rf"\b{ASK_POSITION}\b[^.?!\n]{{0,60}}\b{_RANK_WORD_HERE}",
        question=True,
        requires=r"\b(?:I|I'm|I'll|I'd|me|my)\b",
        not_after=_IMPROVING + r"(?: my| the)?",
        keys=(ASK_KEYS, ("rank", "list", "match")),
    ),
    phrase(
        r"\b(?:I|I'm|I am|I'd be|I would be|I will be|am I|will I|would I|my application|my candidacy)\b"
        r"[^.?!\n]{0,20}\b(?:likely|expected|going|on track|positioned|set|in line|in a position|high enough"
        r"|competitive enough|placed well enough) to (?:match|be (?:matched|ranked|placed|listed|selected))\b",
        question=True,
    ),
    phrase(
        r"\b(?:strong|competitive|good|viable|realistic|serious|likely|top) (?:candidate|applicant|contender)\b"
        r"[^.?!\n]{0,30}\b(?:match(?:ed|ing)?\b|rank(?:ed|ing)?\b|a (?:spot|position|place) on)",
        question=True,
        requires=r"\b(?:I|I'm|me|my)\b",
    ),
    # Asking how or where the program has placed the author, any tense: "how the selection committee
    # has placed me". Placing someone in a clinic or a track is not ranking.
    phrase(
        rf"\b(?:how|where)(?: (?:do|does|did|will|would|has|have|might|could|is|are))? {_PROGRAM}(?: {_AUX}){{0,3}}"
        r" (?:(?:rank|list)(?:s|ed|ing)? me\b|(?:place|places|placed|placing|position|positioned|positions|put|puts"
        rf"|putting) me\b{_NOT_ELSEWHERE})",
        question=True,
        keys=(("how", "where"), ("rank", "list", "plac", "position", "put")),
        words=("me",),
    ),
    # "Whether"/"if" after a word that asks, then the author's standing.
    phrase(
        rf"\b{_ASK_IF} (?:I|I'm|I've|my name|my application|my candidacy|my file)\b[^.?!\n]{{0,40}}?{_STANDING}",
        not_after=_REPORTER,
        keys=(("rank", "plac", "list", "match", "enough", "top"),),
    ),
    phrase(
        r"\b(?:make|made|making) (?:it (?:onto|on|to) |the cut for |onto )?your (?:rank |rank order |final )?list\b",
        question=True,
        requires=r"\b(?:I|I'm|me|my)\b",
    ),

    phrase(
        rf"\bwhere {_ME} (?:stand|stands|fall|falls|rank|ranks|sit|sits|land|lands|am ranked|was ranked"
        r"|will be ranked|is ranked|would be ranked|am placed|will be placed|will fall|will land|might fall"
        r"|might land|end up|will end up)\b",
        question=True,
    ),
    phrase(
        r"\bwhere (?:do|does|will|would|did|might|could|should) (?:I|my application|my name|my candidacy)"
        r" (?:stand|fall|rank|sit|land|be ranked|end up|be placed)\b",
        question=True,
    ),
    phrase(
        rf"\bwhere {_PROGRAM} {_HOW}(?:(?:rank|ranked|ranks|list|listed) me\b"
        rf"|(?:place|placed|put) me\b{_NOT_ELSEWHERE})",
        question=True,
    ),
    phrase(
        rf"\bwhere (?:do|will|would|did|does|might|could) {_PROGRAM} (?:plan to |intend to |expect to )?"
        rf"(?:(?:rank|list) me\b|(?:place|put) me\b{_NOT_ELSEWHERE})",
        question=True,
    ),
    phrase(
        r"\bhow (?:high|highly|well|low|favorably|favourably|competitively) (?:do|will|would|did|does|might"
        rf"|are|is) {_PROGRAM}(?: (?:plan|intend|going|planning|expecting) to)? (?:rank|ranking|place"
        r"|placing|rate|rating|list) me\b",
        question=True,
    ),
    phrase(
        rf"\bhow (?:high|highly|well|low|favorably|favourably) {_PROGRAM} (?:plans?|intends?|is going|are going"
        r"|will|would|might|expects?|is planning|are planning|may) (?:to )?(?:rank|place|rate|list) me\b",
        question=True,
    ),
    phrase(
        rf"\bhow (?:high|highly|well|low|favorably|favourably) {_ME} (?:am |was |will be |would be |is |"
        r"might be |have been |has been )?(?:ranked|placed|rated|listed)\b",
        question=True,
    ),
    phrase(
        r"\b(?:am|was) I (?:going to be |likely to be |being |currently |)(?:ranked|rated|placed|listed)"
        r" (?:highly|high|to match|at all|first|favorably|favourably|within|in the top|high enough|well"
        r"|in a position to match)",
        question=True,
    ),
    phrase(
        r"\b(?:will|would|could) I be (?:ranked|placed|listed|on your (?:rank |rank order |final )?list)\b",
        question=True,
    ),
    phrase(
        r"\b(?:am|is) (?:I|my name|my application) (?:on|in|high on|near the top of|at the top of)"
        r" (?:your|the program's|the|your program's) (?:rank |rank order |final |match )?list\b",
        question=True,
    ),
    phrase(
        r"\b(?:will|would|do|are|did) (?:you|the program|your program|the committee) (?:be )?"
        r"(?:plan(?:ning)? to |intend(?:ing)? to |going to )?(?:rank|ranking|list|listing) me\b",
        question=True,
    ),
    phrase(
        r"\b(?:my|what are my|what my|what would my) (?:realistic |actual |real |current )?(?:chances"
        r"|chance|odds|likelihood|probability|prospects) (?:are |would be |might be )?(?:of |to |for |at )?"
        r"(?:match|matching|be ranked|being ranked|be matched|being matched|get(?:ting)? (?:in|a spot"
        r"|a position|ranked)|secure|securing|a match|landing)",
        question=True,
        not_after=r"(?:improve|increase|strengthen|maximi[sz]e|boost|help|raise|enhance|better|hurt|affect|harm)",
    ),
    phrase(
        r"\bhow (?:likely|probable|realistic) (?:am I|is it that I(?: will| would)?|it is that I(?: will| would)?"
        r"|I am|would it be for me) (?:to )?(?:match|be ranked|get in|be matched)\b",
        question=True,
    ),
    phrase(
        r"\b(?:do|would|will|whether|if) I (?:have|stand|would have|would stand) a (?:good |realistic |strong"
        r" |reasonable |fair |real )?"
        r"(?:chance|shot) (?:of|at) (?:match|matching|being ranked|getting in|being matched|a match)",
        question=True,
        not_after=r"(?:improve|increase|strengthen|maximi[sz]e|boost)",
    ),
    phrase(
        r"\b(?:what|which) (?:position|spot|place|number|rank) (?:am I|I am|I'm|I will be|will I be|I would be"
        r"|would I be|I'll be|I was|was I)\b",
        question=True,
    ),
    phrase(
        r"\bmy (?:position|spot|place|standing|ranking|rank) (?:on|in) (?:your|the|the program's)"
        r" (?:rank |rank order |final |match )?list\b",
        question=True,
    ),
    phrase(r"\b(?:ranked|rank me|ranking me) (?:high enough )?to match\b", question=True),
    phrase(
        r"\b(?:am I|I am|I'm|I would be|would I be|will I be|I will be|I'd be) (?:likely|going|expected"
        r"|on track|in a position|well placed|competitive enough|high enough) to (?:match|be ranked)\b",
        question=True,
    ),
    phrase(r"\b(?:whether|if) I (?:will|would|am going to|can|could) (?:match|be matched) (?:at|with|into|there|here)\b", question=True),
    phrase(
        r"\bhow (?:competitive|strong|likely|good|realistic) (?:my application|my candidacy|my chances|I)"
        r" (?:is|am|are|looks|look|would be|seems?)\b",
        question=True,
    ),
    phrase(r"\b(?:a )?(?:spot|place|position) (?:on|in) your (?:rank |rank order |final )?list\b", question=True),
    phrase(
        r"\b(?:whether|if) (?:I|my name|my application) (?:made it|make it|am|is|was|will be|got|get|have been"
        rf"|has been) (?:onto|on|in|into) {_THE_LIST}",
        question=True,
    ),
    # Meaning family: how or where the author (or their file) has been ranked, in the passive or with
    # the author as the one who ranks ("how my application has been ranked by the committee", "how I
    # rank among your applicants"). Rankings in a class, a school or an exam are not the program's.
    phrase(
        rf"\b(?:how|where)(?:,? (?:approximately|roughly|exactly|precisely|currently|now|broadly|if at all),?)?"
        rf" {_ME_SUBJECT}(?: [\w-]{{1,20}}){{0,2}}? (?:has|have|had|was|is|will|would|might|may|am"
        r"|are|'ve|'s|'m)(?: \w{1,20})?(?: been| be| being)? (?:ranked|placed|listed|rated|positioned|slotted)\b"
        rf"{_NOT_ELSEWHERE}(?! (?:by|among|amongst|against) (?:my|the) (?:class|school|peers|classmates|exam|board))",
        question=True,
        not_after=_REPORTER,
        keys=(("ranked", "placed", "listed", "rated", "positioned", "slotted"), ("how", "where")),
    ),
    phrase(
        rf"\bhow {_ME_SUBJECT} (?:rank|ranks|stand|stands|compare|compares|stack(?:s)? up|fare|fares)"
        r" (?:on|in|among|amongst|against|with|relative to|compared (?:to|with))"
        r" (?:your|the) (?:(?:rank |rank order |final |match )?list|other (?:applicants|candidates|interviewees)"
        r"|applicants|candidates|interviewees|applicant pool|pool)\b",
        question=True,
        not_after=_REPORTER,
        keys=(("applicant", "candidate", "interviewee", "list", "pool"), ("how",)),
    ),
    # The program as the one that ranks, the author's file as what it ranks: "how the committee
    # ranked my application".
    phrase(
        rf"\b(?:how|where)(?: (?:do|does|did|will|would|has|have|might|could|is|are))? {_PROGRAM}(?: {_AUX}){{0,3}}"
        r" (?:rank|list|place|position|rate)(?:s|d|ed|ing)? (?:my (?:application|candidacy|file|name|profile)"
        r"|me and my application)\b",
        question=True,
        not_after=_REPORTER,
        keys=(("application", "candidacy", "file", "name", "profile"), ("how", "where")),
    ),
)


@register("rank-inquiry", phrases=RANK_INQUIRY)
def rank_inquiry(doc, ctx):
    return phrase_hits("rank-inquiry", doc, RANK_INQUIRY)
