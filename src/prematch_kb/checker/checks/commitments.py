"""Commitments about ranking: binding promises, rank-for-rank bargains, first-choice claims."""

from __future__ import annotations

from ..patterns import phrase, phrase_hits
from ..registry import register

# What a promise is about: ranking, signing, accepting, joining.
_ACT = (
    r"(?:rank(?:ing)?\b|list(?:ing)? (?:you|your|this|the program)|choos(?:e|ing) (?:you|your|this)"
    r"|sign(?:ing)? (?:with|a contract|your contract|the contract|on)"
    r"|accept(?:ing)? (?:your|an|the|a|any) (?:offer|position|spot|place)"
    r"|join(?:ing)? (?:you|your|the program|this program)|match(?:ing)? (?:with|at|into|there|here)"
    r"|commit(?:ting)? to (?:you|your|this))"
)
_WILL = r"(?:will|'ll|would|'d|am going to|shall)"
_YOU = r"(?:you|your program|this program|the program|your residency|it|them)"

BINDING = (
    phrase(
        r"\bI(?:'m| am| will| hereby| fully| firmly| formally| solemnly| can| do| want to){0,2}"
        r" (?:commit|committing|committed|promise|guarantee|swear|pledge|vow|assure you"
        r"|give you my word)(?: you)?(?: that)?(?: I(?:'ll|'d| will| would| am going to| shall)?)?"
        rf"(?: (?:definitely|certainly|absolutely|100%))? (?:to )?{_ACT}"
    ),
    phrase(r"\byou have my (?:word|commitment|promise|guarantee|pledge|assurance)\b"),
    phrase(
        r"\bI(?:'m| am| will| hereby| can)? (?:promis(?:e|ing)|pledg(?:e|ing)|vow(?:ing)?|swear(?:ing)?"
        r"|guarantee(?:ing)?|commit(?:ting)?) (?:to )?(?:put|place|keep|list|have) (?:you|your program|this"
        r" program|it)\b[^.?!\n]{0,30}(?:\b(?:top|first|number one)|#1)"
    ),
    phrase(
        r"\bI (?:can |do |hereby |will )?(?:promise|guarantee|swear|pledge|assure you|give you my (?:word"
        r"|assurance|promise|commitment|guarantee))\b"
        r"[^.?!\n]{0,80}\b(?:rank(?:ed|ing)?\b|first on my|top of my|number one on my|sign(?:ing)? with"
        r"|accept(?:ing)? (?:your|an|the|a) (?:offer|position|spot))"
    ),
    phrase(
        r"\b(?:my|a|this is a|this is my) (?:firm |binding |full |formal |solemn |personal )?"
        rf"(?:commitment|promise|pledge|guarantee) (?:to|that I will|that I'll) {_ACT}"
    ),
    phrase(
        rf"\bI {_WILL} (?:definitely |certainly |immediately |gladly |happily )?(?:sign|accept)"
        r" (?:a |the |your |any |an )?(?:contract|offer|position|spot)\b"
    ),
    phrase(
        r"\bif (?:you )?(?:offer(?:ed)?|extend(?:ed)?|given|matched|selected|chosen)\b[^.?!\n]{0,60}\bI"
        r"(?: will|'ll| would|'d) (?:gladly |immediately |happily |definitely |certainly |absolutely )?"
        r"(?:accept|sign|take it|commit)\b"
    ),
    phrase(
        rf"\bI {_WILL} (?:definitely |certainly )?rank (?:you|your program|this program)"
        r" (?:first|#1|number one|number 1|1st|at the top)\b[^.?!\n]{0,30}"
        r"\b(?:guaranteed|I promise|I guarantee|you have my word|100%|no matter what|for sure)"
    ),
    # "I will not rank any other program above yours" is a first-choice statement, not a pledge.
    phrase(
        rf"\bI {_WILL} (?:only rank {_YOU}\b|rank only {_YOU}\b|not rank any other program)",
        not_before=r"(?:[\w-]{1,20} ){0,3}?(?:above|ahead of|higher than|over)\b",
    ),
    phrase(
        r"\b(?:consider|take|treat) (?:this|my)(?: (?:email|letter|note|message))? (?:as |to be )?"
        r"(?:a |my )?(?:binding|formal|firm) (?:commitment|promise|agreement|pledge)\b"
    ),
)

# Meaning families (any wording): a pledge word, then within the clause what is pledged.
_PLEDGE = (
    r"(?:promis(?:e|ed|ing)|pledg(?:e|ed|ing)|vow(?:ed|ing)?|swear(?:ing)?|guarantee(?:d|ing)?"
    r"|assur(?:e|ing) you|give you my (?:word|assurance|promise)|rest assured|be assured"
    r"|(?:be|rest|feel) (?:certain|sure|confident)(?: that)?|(?:firm|binding|solemn|formal) commitment"
    r"|(?:firm|binding|solemn|formal|written|unconditional|personal) (?:assurance|undertaking)|undertaking that)"
)
# "#1" is written outside the word-bounded group: there is no word boundary before "#".
_PLACED_HIGH = r"(?:\b(?:first|top|highest|number one|number-one|1st|at the top)|#1)"
_PLEDGED = (
    r"(?:rank(?:ed|ing|s)?\b|(?:first|top|highest|number one|number-one|#1|no\. ?1) (?:slot|spot|place|position"
    r"|choice|of my|on my)|(?:first|top|highest|number one|#1) (?:\w{1,30} )?(?:on|of|in) my\b|(?:top|head) of my\b"
    # what is placed where: "list you as number one", "no other program will be placed above yours"
    r"|(?:list|put|plac|keep|position)(?:s|ed|es|ing|ting|e)? (?:you|your program(?:me)?|your hospital|your residency"
    rf"|this program(?:me)?|it)\b[^.?!\n]{{0,20}}{_PLACED_HIGH}"
    r"|(?:above|ahead of|higher than) (?:yours|your program(?:me)?|you)\b"
    r"|sign(?:ing)? (?:on|with|a contract|the contract|your contract)"
    r"|(?:accept(?:ing)?|tak(?:e|ing)) (?:your |an |the |a |any |that |this )?(?:offer|position|spot|place|post"
    r"|job)\b(?! (?:of|that|on|seriously))"
    r"|attend(?:ing)? (?:your|the|this) (?:program|residency|hospital|institution)"
    r"|join(?:ing)? (?:you|your|the program|this program)|match(?:ing)? (?:with|at|into) (?:you|your))"
)
# Wishes are not pledges: "I assure you I would love to match with you" stays unflagged.
_NOT_A_WISH = r"(?:(?!hope|love|like to|wish|want|forward|dream|excited)[^.?!\n]){0,80}"
_FIRST_PERSON = r"\b(?:I|I'm|I'll|I'd|me|my)\b"
# Someone else's promise ("two programs promised to rank me") is reported, not made by the author.
_THIRD_PARTY = (
    r"\b(?:programs?|they|he|she|it|who|which|institutions?|hospitals?|director|PD|faculty|residents?|team"
    r"|committee)(?: have| has| had| also| already| all){0,2}"
)

BINDING = BINDING + (
    phrase(
        rf"\b{_PLEDGE}\b{_NOT_A_WISH}\b{_PLEDGED}",
        requires=r"\b(?:I|I'm|I'll|I'd|my)\b",
        not_after=_THIRD_PARTY,
        keys=("promis", "pledg", "vow", "swear", "guarantee", "assur", "give", "certain", "sure", "confident",
              "commitment", "undertak"),
    ),
    phrase(
        r"\b(?:count on me|consider it done|(?:I am|I'm) (?:locked|all) in|(?:I am|I'm) (?:100%|one hundred percent"
        r"|absolutely|completely) (?:certain|sure|set|decided))\b[^.?!\n]{0,60}\b(?:rank(?:ed|ing)?\b|sign"
        r"|accept|attend|join|first|top)",
    ),
    # "Should I receive an offer, I will accept": agreeing in advance to take an offer.
    phrase(
        r"\b(?:if|should|once|when|whenever)\b(?:(?!interview|observership|elective|rotation)[^.?!\n]){0,50}"
        r"\b(?:offer(?:s|ed)?|extend(?:s|ed)?|select(?:s|ed)? me|choose me|chosen|accept(?:s|ed)? me)\b"
        r"(?:(?!interview|observership|elective|rotation)[^.?!\n]){0,40}"
        r"\bI(?:'ll| will| would|'d| shall| am going to)? (?:\w{1,30} ){0,2}?"
        r"(?:accept|sign|take (?:it|the|that)|say yes|commit)\b",
        keys=("offer", "extend", "select", "choose", "chosen", "accept"),
    ),
    phrase(
        r"\b(?:prepared|willing|ready|happy|glad) to (?:sign|put (?:it|this|that) in writing|make (?:it|this) official)"
        r"\b[^.?!\n]{0,80}(?:\b(?:rank(?:ed|ing)?\b|first|top|number one|1st|commit\w{0,20}|letter of intent"
        r"|list(?:ing)? (?:you|your|this)\b"
        r"|agreement|pledge|(?:above|ahead of) (?:you|yours))|#1)",
        requires=_FIRST_PERSON,
    ),
    # Bound (in any way) to take the place or rank the program: "I am contractually bound in my own
    # conscience to accept it", "I consider myself bound to rank you".
    phrase(
        r"\bI(?: am|'m| shall be| will be| would be| consider myself| feel(?: myself)?)(?: (?!not\b|never\b)[\w-]{1,20}){0,2}?"
        r"[ -]bound\b(?:(?!\bnot\b|\bnever\b)[^.?!\n]){0,50}?\bto (?:accept|rank|sign|list|join|match|take)\b",
        keys=("bound",),
    ),
    # The pledge after what is pledged: "I will take the post, and I put this promise to you in
    # writing", "I'll rank you first, that is a promise".
    phrase(
        r"\bI(?:'ll| will| shall| am going to|'m going to)\b(?:(?!\bnot\b|\bnever\b|n't)[^.?!\n]){0,30}?"
        rf"\b{_PLEDGED}(?:(?!\bhope|\bwish)[^.?!\n]){{0,80}}?(?:\bI (?:promise|swear|guarantee|pledge|vow)\b"
        r"|\b(?:this|that|my|a|the) (?:firm |solemn |binding |formal |personal |written )?(?:promise|pledge"
        r"|guarantee|vow|word of honou?r)\b|\bin writing\b|\byou have my word\b|\bmy word on (?:it|that|this)\b)",
        keys=("promis", "swear", "guarantee", "pledg", "vow", "writing", "word"),
    ),
)

_ME_RANKED_KEYS = ("rank", "list", "put", "place", "keep", "same", "favo")
_YOU_RANKED_KEYS = ("first", "top", "#1", "number", "1st", "high")
# Whole words one of which every _ME_RANKED match contains.
_ME_RANKED_WORDS = ("me", "match", "list", "same", "favor", "favour")
_RANK_VERB = r"(?:rank(?:s|ed|ing)?|list(?:s|ed|ing)?|put(?:s|ting)?|plac(?:e|es|ed|ing)|keep(?:s|ing)?|kept)"
_ME_RANKED = (
    rf"(?:{_RANK_VERB} me\b|rank(?:ed|ing)? (?:me )?to match|(?:spot|place|position)"
    r" (?:on|in) your (?:rank |rank order |final )?list|do the same|same for me|return the favou?r)"
)
_THEM = r"(?:you|your program(?:me)?|your hospital|your residency|this program(?:me)?|it)"
_YOU_RANKED = (
    rf"(?:{_RANK_VERB} {_THEM}\b[^.?!\n]{{0,20}}(?:\b(?:first|top|number one|1st|high\w{{0,20}})|#1)"
    r"|my (?:top|first|highest|number one|#1) (?:rank\w{0,20}|choice|spot|pick|place))"
)
# The author's side taking its level from the program's: "I will rank you accordingly / in kind",
# "I will do the same for you", "your program will be equally high on mine".
_IN_RETURN = (
    rf"(?:{_RANK_VERB} {_THEM}\b[^.?!\n]{{0,20}}\b(?:accordingly|in kind|likewise|similarly|correspondingly"
    r"|equally)|(?:do(?:ing)?|return(?:ing)?) the same(?: for you)?|same for you|return(?:ing)? the favou?r"
    rf"|{_THEM} (?:is|are|will be|would be|stays?|remains?) (?:equally|similarly|likewise)"
    r" (?:high\w{0,20}|near the top|at the top|top)\b[^.?!\n]{0,20}\b(?:on|of|in) (?:my|mine)\b"
    # "I would reciprocate in my own ranking", "receive the same consideration on mine", "rewarded with
    # an equally generous place on my list"
    r"|reciprocat\w{0,5}|(?:the same|equal|similar|like) (?:consideration|treatment|regard|favou?r|place|position|spot"
    r"|rank\w{0,5}) (?:on|in) (?:my|mine)\b|equally (?:\w{1,20} )?(?:generous|high|favou?rable|good|prominent|strong)"
    r" (?:place|position|spot|rank\w{0,5}|placement) (?:on|in) my\b)"
)
_IN_RETURN_KEYS = ("accordingly", "kind", "likewise", "similarly", "correspondingly", "equally", "same", "favo",
                   "reciproc", "equal", "similar", "like")
# One side's ranking set by the other's: "as high as", "wherever", "however highly", "to the same degree as".
_MEASURE = (
    r"(?:(?:just |exactly )?as (?:high(?:ly)?|well|favou?rably|far up|near the top|close to the top) as"
    r"|(?:exactly |just )?(?:wherever|however (?:high(?:ly)?|well|favou?rably))|the same (?:way )?as"
    r"|(?:to|at) the same (?:degree|extent|level|height|place|position|spot) (?:as|that)|in proportion to)"
)
# A program named by its capitalised name ("rank Bayside first").
_NAME = r"(?-i:[A-Z][\w&.\x27\u2019-]{1,30})(?: (?-i:[A-Z][\w&.\x27\u2019-]{1,30})){0,4}"
_MEASURE_KEYS = ("high", "well", "favo", "far", "near", "close", "wherever", "however", "same", "proportion")
# A condition or exchange somewhere in the sentence turns two rank statements into a bargain.
_TRADE = (
    r"\b(?:if|as long as|provided|in return|in exchange|so long as|once|would you|will you|could you|can you"
    r"|both|each other|agree\w{0,20}|deal|bargain|trade|mutual\w{0,20}|equally|depend\w{0,20}|conditional|contingent"
    r"|accordingly|in kind|in turn|likewise|correspondingly|reciprocat\w{0,5}|should (?:you|your|the)|were it"
    r"|if I could be assured)\b"
)

RECIPROCAL = (
    phrase(
        rf"\b{_YOU_RANKED}[^.?!\n]{{0,100}}\b{_ME_RANKED}",
        requires=_TRADE,
        keys=(_ME_RANKED_KEYS, _YOU_RANKED_KEYS),
        words=_ME_RANKED_WORDS,
    ),
    # "My ranking of your program depends on how you rank me": one side made conditional on the other.
    phrase(
        r"\b(?:my|I) (?:rank(?:ing)?|list(?:ing)?|plac(?:e|ing))\b[^.?!\n]{0,40}\b(?:depend\w{0,20}|conditional"
        r"|contingent|hinges?|based|tied|rests?)\b[^.?!\n]{0,60}\b(?:rank|list|place|put)(?:s|ed|ing)? me\b",
        keys=("rank", "list", "plac"),
        words=("me",),
    ),
    phrase(
        r"\b(?:depend\w{0,20}|conditional|contingent|hinges?|tied) (?:up)?on\b[^.?!\n]{0,40}\b(?:you|your program"
        r"|the program)\b[^.?!\n]{0,20}\b(?:rank|list|place|put)(?:s|ed|ing)? me\b",
        requires=r"\b(?:I|I'll|I'd|my)\b",
        words=("me",),
    ),
    phrase(
        rf"\b{_ME_RANKED}[^.?!\n]{{0,100}}\b{_YOU_RANKED}",
        requires=_TRADE,
        keys=(_ME_RANKED_KEYS, _YOU_RANKED_KEYS),
        words=_ME_RANKED_WORDS,
    ),
    phrase(
        rf"\b{_ME_RANKED}[^.?!\n]{{0,100}}\b{_IN_RETURN}",
        requires=_TRADE,
        keys=(_IN_RETURN_KEYS, _ME_RANKED_KEYS),
        words=_ME_RANKED_WORDS,
    ),
    phrase(
        r"\bin (?:exchange|return)\b[^.?!\n]{0,60}\b(?:rank(?:ed|ing)?\b|(?:spot|place|position) on your"
        r" (?:rank |rank order |final )?list)"
    ),

    phrase(
        rf"\bif (?:I|we) (?:rank|list|put|place) {_YOU}\b[^.?!\n]{{0,80}}"
        r"\b(?:will|would|can|could|do) (?:you|your program|the program)"
        r"(?: also| then| be willing to| be able to| agree to| consider| please){0,2}"
        r" (?:rank|list|put|place|return)"
    ),
    phrase(
        r"\bif (?:you|your program|the program) (?:rank|ranks|list|lists|put|puts|place|places)"
        r" me\b[^.?!\n]{0,80}\bI (?:will|'ll|would|'d|can|could|promise to|commit to|am willing to)"
        r" (?:also |then |happily |gladly )?(?:rank|list|put|place|do the same|return)"
    ),
    # Any condition on how the program ranks the author, then the author's ranking in answer:
    # "Should your committee be willing to rank me in a matching position, I would rank you accordingly."
    phrase(
        r"\b(?:if|should|provided(?: that)?|as long as|so long as|on condition that|in case) (?:you|your \w{1,20}"
        r"|the (?:program|committee|selection committee|team))(?: [\w-]{1,20}){0,4}? (?:rank|list|put|plac)(?:s|e|es"
        r"|ing)? me\b[^.?!\n]{0,80}\bI(?: will|'ll| would|'d| can| could| promise to| commit to| am willing to"
        r"| shall)(?: also| then| happily| gladly| certainly| make sure to){0,2} (?:rank|list|put|place|do the same"
        r"|return|make sure (?:you|your))",
        keys=("rank", "list", "put", "plac"),
        words=("me",),
    ),
    phrase(
        r"\bI(?:'ll| will| would|'d| can| could| am (?:happy|willing|prepared|glad|ready|going) to"
        r"| promise to| plan to| intend to)? (?:rank|list|put|place)"
        rf" {_YOU}\b[^.?!\n]{{0,60}}\b(?:if|as long as|provided|provided that|on condition that"
        r"|in exchange|in return|so long as|once) (?:you|your program|the program)"
        r"(?: also| too| can| could| will| would| agree to){0,2} "
        r"(?:rank|ranks|list|put|place|will rank|would rank|can rank|could rank|agree|commit"
        r"|promise|guarantee|confirm)"
    ),
    phrase(r"\b(?:will|would|could|can|do) you (?:rank|list|put|place) me\b[^.?!\n]{0,60}\bif I\b"),
    # A general statement about the Match ("programs and applicants rank each other") is no bargain:
    # the author (or "we") must be one of the sides.
    phrase(
        r"\b(?:rank|ranking|ranked) (?:each other|one another|mutually)\b",
        requires=r"\b(?:we|us|our|let's|I|I'd|I'll|I'm|me|my)\b",
    ),
    # Both directions of ranking in one sentence: a trade, however it is worded.
    phrase(
        r"\b(?:I|my)(?: will| would|'ll|'d)? rank(?:ing)? (?:you|your program|this program)\b[^.?!\n]{0,80}"
        r"\b(?:you|your program|the program)(?: will| would|'ll|'d| to| also| then)? rank(?:s|ing)? me\b"
    ),
    phrase(
        r"\b(?:would|will|does|could|might) (?:my )?ranking (?:you|your program|this program)\b[^.?!\n]{0,80}"
        r"\b(?:you|your program|the program)(?: will| would|'ll|'d| to| also| then)? rank(?:s|ing)? me\b"
    ),
    phrase(
        r"\b(?:you|your program|the program) (?:will |would |also )?rank(?:s|ing)? me\b[^.?!\n]{0,80}"
        r"\bI(?: will| would|'ll|'d)?(?: also| then)? rank (?:you|your program|this program)\b"
    ),
    phrase(r"\bmutual(?:ly)? (?:rank|ranking|commitment|first choice|first-choice)"),
    phrase(
        r"\bin (?:exchange|return) for (?:your |a |my |the )?(?:rank|ranking|commitment|promise"
        r"|assurance|high rank)"
    ),
    phrase(r"\brank (?:me|you)\b[^.?!\n]{0,60}\bin (?:exchange|return)\b"),
    phrase(r"\brank me (?:as highly|as high|the same|equally)[^.?!\n]{0,30}\bas I (?:rank|will rank)"),
    phrase(
        r"\bif you (?:can |could )?(?:promise|guarantee|commit|assure me|confirm)\b[^.?!\n]{0,50}"
        r"\b(?:rank(?:ed|ing)?\b|match)[^.?!\n]{0,60}\bI (?:will|'ll|would|'d)\b"
    ),
    # Meaning family: one side's ranking measured against the other's ("I would rank your program as
    # high as you are willing to rank me", "rank me wherever I rank you", "my list will mirror your
    # ranking of me"). The measure must be the other side's ranking, not "as high as I can".
    phrase(
        rf"\b{_RANK_VERB} (?:{_THEM}|{_NAME})\b[^.?!\n]{{0,30}}?\b{_MEASURE} (?:you|your \w{{1,20}}|the (?:program|committee"
        rf"|selection committee|team))(?: [\w-]{{1,20}}){{0,4}}? (?:{_RANK_VERB} me\b|rank(?:ing)? of me\b)",
        keys=(_MEASURE_KEYS, _ME_RANKED_KEYS),
        words=("me",),
    ),
    phrase(
        rf"\b{_RANK_VERB} me\b[^.?!\n]{{0,30}}?\b{_MEASURE} I(?: [\w-]{{1,20}}){{0,4}}? {_RANK_VERB} {_THEM}\b",
        keys=(_MEASURE_KEYS, _ME_RANKED_KEYS),
        words=("me",),
    ),
    phrase(
        r"\b(?:mirror|match|reflect|equal|follow|track|depend on)(?:s|es|ed|ing)? (?:your|the program's|the"
        r" committee's|your program's|your committee's) (?:rank(?:ing)?|placement|list(?:ing)?|position(?:ing)?)"
        r" of me\b",
        requires=r"\b(?:I|I'll|I'd|my)\b",
        words=("me",),
    ),
    # Meaning family: both sides ranking the other, however the pair is named ("each of us ranks the
    # other highly", "you and I could list one another first").
    phrase(
        r"\b(?:each of us|both of us|we|you and I|the two of us|let's)\b(?: [\w-]{1,20}){0,5}?"
        rf" {_RANK_VERB} (?:the other|each other|one another)\b(?! (?:programs?|applicants?|candidates?|places?"
        r"|hospitals?|options?|schools?|residenc\w{1,5}|interviews?|sites?|one|two|[\w-]{1,20}s\b))",
    ),
    # An understanding or arrangement about how the program ranks the author.
    phrase(
        r"\b(?:an?|some|this|that|mutual|informal|private|our) (?:kind of |sort of )?(?:understanding|arrangement"
        r"|agreement|deal|pact) (?:in which|where|whereby|under which|so that|that|about how|on how|to)\b"
        r"[^.?!\n]{0,60}\b(?:rank(?:s|ed|ing)?|list(?:s|ed|ing)?"
        r"|plac(?:e|es|ed|ing)|put(?:s|ting)?) (?:me|each other|one another|the other|both of us)\b",
        requires=r"\b(?:we|us|I|I'd|I'll|me|my)\b",
        not_after=r"\b(?:match|NRMP|participation|user|services?)",
        keys=(("understanding", "arrangement", "agreement", "deal", "pact"),),
    ),
)

# The program a first-choice statement is about: "yours", "your programme", "this hospital" or its name.
_TARGET = (
    r"(?:yours\b|you\b|(?:your|this) (?:program(?:me)?|hospital|residency|institution|department)\b"
    r"|(?-i:[A-Z][\w&.\x27\u2019-]{1,30})(?: (?-i:[A-Z][\w&.\x27\u2019-]{1,30})){0,4})"
)
_FIRST = (
    r"(?:top|first|number one|number-one|number 1|#1|no\. ?1|1st|first-choice|top-choice|foremost|uppermost"
    r"|topmost)"
)
FIRST_CHOICE = (
    phrase(
        rf"\bmy (?:very |absolute |clear |definite |true |undisputed |unquestioned )?{_FIRST}"
        r" (?:choice|pick|program|option|preference|residency|rank(?:ing)?(?= ?[.!,;)]| ?$| (?:on|in) my\b))"
        r"\b(?![-\x27\u2019])",
        not_after=r"(?:one of|among|some of|several of|of|list of|all of)",
        keys=(("top", "first", "number", "#1", "no", "1st", "foremost", "uppermost"),),
        not_before=r"(?:s\b|programs|institutions|places|specialt|field|of\b|for (?:fellowship|specialty|a specialty)|in (?:specialty|medicine))",
    ),
    phrase(
        r"\brank (?:you|your program|this program|(?-i:[A-Z][\w&.\x27\u2019-]{0,30})(?: (?-i:[A-Z][\w&.\x27\u2019-]{0,30})){0,4})"
        r" (?:as )?(?:first|#1|number one|number 1|no\. ?1|1st|at the (?:very )?top|highest"
        rf"|as my {_FIRST} (?:choice|program))(?![\w-])",
        keys=("first", "#1", "number", "no", "1st", "top", "highest"),
    ),
    phrase(r"(?:\b(?:at the (?:very )?top|first|number one)|#1) (?:of|on) my (?:rank |rank order |final )?list\b"),
    phrase(
        r"\b(?:no|none|nothing|not a single) (?:other )?(?:program |place |residency )?"
        r"(?:will be |is |would be |could be )?(?:ranked |placed |put )?"
        r"(?:above|ahead of|higher than|over) (?:yours|you|your program)\b"
    ),
    phrase(
        r"\b(?:rank|put|place) (?:no|none|nothing|no other) (?:other )?(?:program )?"
        r"(?:above|ahead of|higher than|over) (?:yours|you|your program)\b"
    ),
    phrase(r"\b(?:you are|you're|your program is) (?:the )?(?:one|program) I (?:will|plan to|intend to) rank first\b"),
    # Meaning family: nothing will be put above the program, named in any way ("No other program will be
    # placed above Sunridge on my rank list", "I will not rank any program ahead of Lakeview", "nothing
    # will outrank your programme"). The future tense keeps it to the author's own list, not a league table.
    phrase(
        r"\b(?:(?:no|not a single|not one|none of the|none of my)(?: other)?(?: [\w-]{1,20}){0,2}? (?:program(?:me)?s?"
        r"|places?|residenc(?:y|ies)|hospitals?|institutions?|options?|one|interviews?|choices?)\b|nothing|none)"
        r"(?: [\w-]{1,20}){0,3}?"
        r" (?:will|would|shall|could|can|is going to|are going to)(?: ever)? (?:be (?:ranked|placed|put|listed"
        rf"|rated|positioned) (?:above|ahead of|higher than|over)|outrank) {_TARGET}",
        not_after=r"\b(?:says?|said|told (?:me|us)|tells? (?:me|us)|thinks?|thought|believes?|claims?|claimed|insists?"
        r"|joked|according to \w{1,20})(?: that)?",
        keys=(("above", "ahead", "higher", "over", "outrank"),),
    ),
    phrase(
        r"\bI(?: will| would|'ll|'d| am going to|'m going to| shall)? (?:not|never) (?:be )?(?:rank|list|place|put"
        r"|position)(?:ing)? (?:any|another|a single|one)(?: other)?(?: [\w-]{1,20}){0,2}? (?:program(?:me)?"
        r"|place|residency|hospital|institution|option)s? (?:above|ahead of|higher than|over) " + _TARGET,
        keys=(("above", "ahead", "higher", "over"),),
    ),
    phrase(
        r"\bI(?: will| would|'ll|'d| am going to|'m going to| shall)? (?:rank|list|place|put|position) (?:no|none of"
        r" the)(?: other)?(?: [\w-]{1,20}){0,2}? (?:program(?:me)?|place|residency|hospital|institution|option)s?"
        r" (?:above|ahead of|higher than|over) " + _TARGET,
        keys=(("above", "ahead", "higher", "over"),),
    ),
    # Meaning family: the program holding the top place of the author's list ("your institution shall
    # occupy the uppermost position on my rank order list"), or the one the author will rank first.
    phrase(
        r"\b(?:occupy|occupies|hold|holds|take|takes|have|has|be in|sit in|sits in|get|gets) (?:the )?(?:very )?"
        r"(?:uppermost|topmost|top|first|highest|number one|#1|foremost|premier|leading|1st) (?:position|place|spot"
        r"|slot|rank\w{0,5}) (?:on|of|in) my\b",
        keys=(("uppermost", "top", "first", "highest", "number", "#1", "foremost", "premier", "leading", "1st"),),
    ),
    phrase(
        r"\b(?:yours|you|your \w{1,20}|this(?: \w{1,20})?|that|it) (?:is|are|will be|would be) (?:the )?(?:one|program(?:me)?"
        r"|place|hospital|institution|residency)(?: that| which)? I(?: will| shall|'ll| plan to| intend to| am going to"
        r"| mean to)(?: be)? (?:rank(?:ing)?|list(?:ing)?|plac(?:e|ing)|put(?:ting)?) (?:as )?(?:first|number one|#1"
        r"|at the top|highest|1st)\b",
        keys=(("first", "number", "#1", "top", "highest", "1st"),),
    ),
    phrase(
        r"\b(?:will be|is|are|remains?|stays?) my (?:number one|#1|no\. ?1|first|top)(?= ?[.!,;]| ?$)",
        keys=("number", "1", "first", "top"),
    ),
)


@register("binding-commitment", phrases=BINDING)
def binding_commitment(doc, ctx):
    return phrase_hits("binding-commitment", doc, BINDING)


@register("reciprocal-ranking", phrases=RECIPROCAL)
def reciprocal_ranking(doc, ctx):
    return phrase_hits("reciprocal-ranking", doc, RECIPROCAL)


@register("first-choice-claim", phrases=FIRST_CHOICE)
def first_choice_claim(doc, ctx):
    return phrase_hits("first-choice-claim", doc, FIRST_CHOICE)
