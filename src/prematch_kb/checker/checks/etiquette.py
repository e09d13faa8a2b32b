"""Courtesy rules: nudges without news, favours, deadlines, and leverage from other programs."""

from __future__ import annotations

from ..patterns import phrase, phrase_hits, rx
from ..registry import register

# --- status-nudge: checking in with nothing new to say ----------------------------------------
STATUS_NUDGE = (
    phrase(
        r"\b(?:just |simply |quickly )?(?:checking in|check(?:ing)? back in|touching base|circl(?:e|ing) back"
        r"|touch base|check in (?:on|about|regarding|to see|with you)"
        r"|bump(?:ing)? (?:this|my (?:\w{1,30} )?(?:email|message|note))|top of your inbox|pinging you|nudging)\b",
        negatable=False,
        keys=("check", "touch", "circl", "bump", "inbox", "ping", "nudg"),
    ),
    phrase(
        r"\b(?:following|follow) up (?:on|about|regarding) (?:my|the status of my|the) (?:application|"
        r"previous (?:email|message|note)|last (?:email|message|note)|earlier (?:email|message|note)"
        r"|email|message|candidacy|status|interview status)",
        negatable=False,
    ),
    phrase(
        r"\b(?:following|follow) up to (?:see|ask|check|find out) (?:if|whether|about|on)\b", negatable=False
    ),
    phrase(r"\b(?:following|follow|writing) (?:up )?again\b", negatable=False),
    phrase(
        r"\b(?:reaching out|writing|emailing|contacting you|checking) (?:once more|again|one more time|a second"
        r" time)\b",
        negatable=False,
    ),
    phrase(r"\bmy application(?:'s)? status\b", negatable=False),
    phrase(
        r"\b(?:whether|if) (?:interview )?(?:invitations|invites|interview offers) (?:have|had) (?:already )?"
        r"(?:been sent|been sent out|gone out|been issued|been extended)\b",
        negatable=False,
    ),
    phrase(r"\bcheck(?:ing)? (?:in )?on (?:whether|the status|my application|my candidacy)\b", negatable=False),
    phrase(
        r"\b(?:in case|wondering if|worried that) my (?:earlier|previous|last|first|prior) (?:email|message|note)"
        r"\b",
        negatable=False,
    ),
    phrase(r"\b(?:resending|re-sending|sending again) my (?:earlier|previous|last|prior) (?:email|message|note)\b", negatable=False),
    phrase(
        r"\b(?:any|an|some) (?:update|updates|news|word|progress)s? (?:on|about|regarding|concerning|with)"
        r" (?:(?:my|the status of my|the) (?:application|candidacy|interview|status|file)"
        r"|(?:the )?interview (?:invitations|invites|offers|decisions)|(?:the )?invitations to interview)",
        negatable=False,
    ),
    phrase(r"\b(?:the )?status of my (?:application|candidacy|file|interview (?:invitation|request))\b", negatable=False),
    # Asking whether the file has been looked at yet: "kindly update me whether my file has been
    # reviewed", "has my application been considered yet?"
    phrase(
        r"\b(?:(?:(?:to|me|I) know|ask|asking|find out|see|check|hear|tell me|confirm|advise|inform me|update me"
        r"|let me know|wonder(?:ing|ed)?|curious)(?: (?:about|on|as to))? (?:whether|if) (?:my|the)"
        r"|(?:has|have|was|were) my) (?:application|file|candidacy|materials|documents|dossier)\b[^.?!\n]{0,20}?"
        r"\b(?:been )?(?:reviewed|considered|looked at|screened|evaluated|assessed|gone through)\b",
        negatable="negation",
        keys=("review", "consider", "looked", "screen", "evaluat", "assess", "gone"),
    ),
    phrase(
        r"\b(?:have|had) (?:you|the committee|the program|the team) (?:had a chance|been able|gotten a chance"
        r"|got a chance|had time|had an opportunity) to (?:review|look at|consider|read|go over)",
        negatable=False,
    ),
    phrase(
        r"\bI (?:have not|haven't|have yet to|did not|didn't|have still not|still haven't) (?:heard|hear"
        r"|received|receive|gotten|had) (?:back|anything|a response|a reply|an update|any (?:response|reply"
        r"|news|word|update)|a decision)",
        negatable=False,
    ),
    phrase(
        r"\bwhen (?:will|can|should|might|could) I (?:expect to |hope to )?(?:hear|know|receive|get)"
        r" (?:back|a (?:response|decision|reply)|an? (?:answer|update)|anything|whether|if|about)",
        negatable=False,
    ),
)
# News the author shares, which makes a follow-up worth sending (an update, not a nudge).
NEWS = rx(
    r"\b(?:publish\w*|publication|manuscript|paper|accepted (?:for|to|at|in)|passed|pass(?:ing)? (?:step"
    r"|usmle|comlex)|score[sd]?|step (?:1|2|3|2 ck)|ECFMG certif\w*|certified|award\w*|presented|poster"
    r"|abstract|new (?:role|position|job|publication|letter)|letter of recommendation|additional letter"
    r"|received (?:my|an?|the) (?:ECFMG|certificate|award|letter|result)|graduat\w+|licen[cs]e"
    r"|green card|naturali[sz]\w*|update:|an update|some news|good news|new information)\b"
)


@register("status-nudge", phrases=STATUS_NUDGE)
def status_nudge(doc, ctx):
    hits = list(phrase_hits("status-nudge", doc, STATUS_NUDGE))
    if hits and NEWS.search(doc.text, 0, doc.own_end):
        return []
    return hits


# --- special-treatment: guaranteed interviews, exceptions to screening, favours ----------------
_SCREEN = (
    r"(?:cutoff|cut-off|cut off|requirement|requirements|screen|screening|filter|filters|minimum|minimums"
    r"|threshold|thresholds|criteria|criterion|deadline|year of graduation|YOG|graduation year|limit|rule)"
)
SPECIAL_TREATMENT = (
    phrase(
        r"\b(?:guarantee|promise|assure|secure|reserve|grant|give|get|offer|save|hold|find) me (?:a |an |one"
        r" |your )?(?:guaranteed )?(?:interview|interview (?:spot|slot|invitation|invite|date))\b"
    ),
    phrase(r"\bguarantee(?:d)? (?:of )?(?:an |a |me an |me a )?(?:interview|interview (?:spot|slot|invitation))\b"),
    phrase(
        r"\b(?:hold|reserve|save|keep|guarantee|set aside) (?:an |a |one |the )?(?:interview )?(?:slot|spot"
        r"|place|date|seat|interview) for me\b"
    ),
    phrase(
        r"\b(?:waive|waiving|overlook|overlooking|bypass|bypassing|skip|skipping|ignore|ignoring|relax"
        r"|relaxing|lower|lowering|set aside|make an exception to|make an exception for|exempt me from"
        r"|look past|looking past) (?:the |your |my |this |that |a |any )?(?:program's |programs' )?"
        rf"(?:[\w-]{{1,30}} ){{0,3}}?{_SCREEN}\b"
    ),
    phrase(r"\b(?:make|made|grant|allow|consider) (?:an |any |a |one )?(?:small |special )?exception\b"),
    # The same favours in the passive: "that an exception be made in my case", "the screening
    # requirement could be waived for me", "an interview slot as a certainty".
    phrase(
        r"\b(?:an|a|one) (?:small |special |personal )?exception (?:be |to be |could be |might be |would be |can be"
        r" |may be |were )?(?:made|granted|allowed)\b",
        requires=r"\b(?:I|me|my)\b",
        keys=("exception",),
    ),
    phrase(
        rf"\b{_SCREEN}s?\b[^.?!\n]{{0,30}}?\b(?:be|being|get|is|are|were) (?:waived|overlooked|relaxed|lowered"
        r"|set aside|bypassed|ignored|disregarded)\b",
        requires=r"\b(?:for me|in my case|my|me)\b",
        keys=(("waived", "overlooked", "relaxed", "lowered", "aside", "bypassed", "ignored", "disregarded"),),
    ),
    phrase(
        r"\binterview\w{0,12}(?: (?:slot|spot|place|invitation|date))?\b[^.?!\n]{0,30}?\bas (?:a |an )?"
        r"(?:certainty|given|matter of course|formality|entitlement)\b",
        requires=r"\b(?:I|me|my)\b",
        keys=(("certainty", "given", "course", "formality", "entitlement"),),
    ),
    phrase(r"\b(?:special|preferential|extra|favorable|favourable) (?:consideration|treatment|favou?r)\b"),
    phrase(r"\b(?:do me a|ask (?:you )?(?:for )?a|as a) (?:small |special |personal |big |huge )?favou?r\b"),
    phrase(
        r"\b(?:put(?:ting)? (?:in )?a (?:[\w-]{1,20} )?word|(?:say|saying|drop|dropping|send|sending) a (?:good|kind"
        r"|positive|favou?rable|personal) word)\b(?: in)?[^.?!\n]{0,30}?\b(?:for me|on my behalf|about me"
        r"|with (?:the|your|Dr|a|any))\b",
        keys=("word",),
    ),
    # Asking someone to act for the author with those who decide: "speak to the committee on my behalf".
    phrase(
        r"\b(?:speak|talk|advocate|vouch|intercede|lobby|intervene|put in a word|say something|make a call"
        r"|reach out|mention me|recommend me|push)\w{0,3}\b[^.?!\n]{0,40}\bon my behalf\b",
        question=True,
        requires=r"\b(?:committee|program director|PD|faculty|chair|selection|interview\w{0,5}|rank\w{0,5}|application"
        r"|candidacy|decision)\b",
        keys=("behalf",),
    ),
    # Being let in although the door is shut: squeezed in, added late, an extra slot.
    phrase(
        r"\b(?:squeeze|fit|slot|sneak|add|work|pencil) me (?:in|into|onto|on)\b|\bmake (?:room|space) for me\b"
        r"|\b(?:an? )?(?:extra|additional|late) (?:interview )?(?:slot|spot|interview) for me\b"
    ),
    phrase(
        r"\b(?:even though|although|despite|though|now that) (?:the )?(?:interview )?(?:invitations|invites"
        r"|interview season|deadline|application window|applications|interviews)\b[^.?!\n]{0,20}\b(?:have|has"
        r"|are|is|had)? ?(?:closed|passed|ended|over|been sent|filled|full)",
        requires=r"\b(?:me|my|I)\b",
    ),
    phrase(r"\bpull (?:a few |some )?strings\b"),
    phrase(
        r"\b(?:fast-?track|expedite|prioriti[sz]e|move up|bump up|push) (?:my|the review of my)"
        r" (?:application|file|candidacy)\b"
    ),
    phrase(
        r"\b(?:move|bump|push|put|place|get) my (?:application|file|name|CV) (?:to the top|up the list|ahead"
        r"|to the front|up|forward|at the top)\b"
    ),
    phrase(
        r"\b(?:consider(?:ing)?|review(?:ing)?|accept(?:ing)?|look(?:ing)? at|interview(?:ing)?|invit(?:e|ing))"
        r" (?:my application|me|inviting me|interviewing me)\b[^.?!\n]{0,40}\b(?:even though"
        rf"|although|despite|regardless of)\b[^.?!\n]{{0,60}}\b{_SCREEN}\b"
    ),
    phrase(
        r"\b(?:even though|although|despite|though) (?:I|my)\b[^.?!\n]{0,60}\b(?:do not|don't|did not"
        r"|didn't|does not|doesn't|fall short of|miss|(?:is|are|am|was|were) (?:below|under|outside|over"
        rf"|short of))\b[^.?!\n]{{0,40}}\b{_SCREEN}\b"
        r"[^.?!\n]{0,60}\b(?:interview|consider|exception|review|invite|invitation|chance)",
        negatable=False,
    ),
)


@register("special-treatment", phrases=SPECIAL_TREATMENT)
def special_treatment(doc, ctx):
    return phrase_hits("special-treatment", doc, SPECIAL_TREATMENT)


# --- pressure: deadlines and demands for a reply ----------------------------------------------
_WHEN = (
    r"(?:(?:the )?end of (?:the |this )?(?:day|week|month)|tomorrow|today|tonight|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|this (?:week|weekend|evening|afternoon|morning)|next (?:week|monday"
    r"|tuesday|wednesday|thursday|friday)|(?:the )?\d{1,2}(?:st|nd|rd|th)\b|\d{1,3} (?:hours|days"
    r"|business days|working days)|(?:one|two|three|four|five|seven|ten|fourteen|twenty-four|twenty four"
    r"|forty-eight|forty eight|seventy-two|seventy two|a few|a couple of) (?:hours|days|business days|working days)"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.? \d{1,2}"
    r"|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\b"
    r"|\d{1,2}/\d{1,2}|noon|midnight|eod|cob|close of business|\d{1,2}(?::\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.))"
)
_REPLY = (
    r"(?:respond|reply|answer|let me know|get back to me|inform me|confirm|decide|tell me|write back"
    r"|(?:a |your )?(?:response|reply|answer|decision)"
    r"|give me (?:an |your )?(?:answer|decision|response)|make (?:a|your) decision|send (?:me )?(?:a |your )?"
    r"(?:response|reply|decision|answer)|hear back|hear from you)"
)
# Silence read as a refusal: "I will assume you are not interested", "... the answer is no".
_ASSUME_NO = (
    r"assume (?:that )?(?:you(?:'re| are| have| do| will| did)?|your (?:program|committee|team)(?: is| has)?"
    r"|the (?:program|committee|answer|decision)(?: is| has)?|there (?:is|are)|I(?:'m| am| have| was| will)?)\b"
    r"[^.?!\n]{0,12}?\b(?:not|no|n't|no longer|rejected|declined|turned down|decided against|uninterested)\b"
)
_NOW = r"(?:asap|as soon as possible|urgently|immediately|right away|without delay|right now|promptly)"
PRESSURE = (
    phrase(
        rf"\b{_REPLY}\b[^.?!\n]{{0,40}}?\b(?:by|before|no later than|within|until) {_WHEN}",
        keys=("by", "before", "later", "within", "until"),
    ),
    phrase(rf"\b{_REPLY}\b[^.?!\n]{{0,30}}?\b{_NOW}\b"),
    phrase(
        r"\bI (?:need|require|must have|expect|must receive|must know|would need|will need|am expecting)"
        r"(?: to (?:know|hear(?: back)?|receive|have|get))? (?:an? |your |the program's |the |)?(?:answer"
        rf"|response|reply|decision|word|confirmation|feedback|update|back)\b[^.?!\n]{{0,30}}?\b(?:(?:by|before"
        rf"|within|no later than) {_WHEN}|{_NOW}|today|tomorrow|this week)"
    ),
    phrase(
        r"\bI (?:need|must|have) to (?:know|hear back|hear from you|have an answer|get an answer)\b"
        rf"[^.?!\n]{{0,30}}?\b(?:(?:by|before|within|no later than) {_WHEN}|{_NOW}|soon)"
    ),
    phrase(
        r"\bif I (?:(?:do not|don't|have not|haven't) (?:hear|heard|receive|received|get|gotten)"
        r"(?: back| a (?:response|reply|decision|answer)| anything| from you){0,3}|(?:hear|receive|get) nothing"
        r"(?: back| from you){0,2}) (?:by|before|within|soon|in (?:the next )?\d)",
        negatable=False,
    ),
    # Silence will be read as an answer: "(if I hear nothing by Friday,) I will assume you are not
    # interested".
    phrase(
        rf"\bI(?: will|'ll| shall| must| am going to)(?: have to| then)? {_ASSUME_NO}",
        requires=r"\b(?:if|unless|otherwise|by|before|after|until|or)\b",
        negatable=False,
        keys=("assume",),
    ),
    phrase(r"\b(?:a|my|the) deadline for (?:your|a|the program's) (?:response|reply|decision|answer)\b"),
    phrase(r"\b(?:time-sensitive|time sensitive|urgent)\b(?! (?:care|center|centre|clinic|surgery))"),
    phrase(
        r"\b(?:otherwise|or else|or) I (?:will|'ll|may|might) (?:have to |need to |be forced to )?"
        r"(?:withdraw|accept (?:another|an?other|the other)|go elsewhere|look elsewhere|rank you lower"
        rf"|cancel|take (?:another|the other)|{_ASSUME_NO})"
    ),
)


@register("pressure", phrases=PRESSURE)
def pressure(doc, ctx):
    return phrase_hits("pressure", doc, PRESSURE)


# --- other-program-leverage: offers or rank statements from elsewhere used as a bargaining chip --
_ELSEWHERE = (
    r"(?:another|other|a different|a competing|several other|two other|three other|multiple other|multiple"
    r"|one other|the other) (?:program(?:me)?s?|institutions?|hospitals?|places|residenc(?:y|ies)|schools?)"
)
# Number words only: a digit here would leave the phrase without leading strings (run everywhere).
_COUNT = r"(?:several|multiple|numerous|various|many|a few|some|two|three|four|five|six|seven|eight|nine|ten)"
_ELSEWHERE_ANY = (
    rf"(?:(?:another|other|a different|competing|{_COUNT}) (?:\w{{1,30}} ){{0,2}}?"
    r"(?:program(?:me)?s?|institutions?|hospitals?|places|residenc(?:y|ies)|schools?)\b|offers? from)"
)
# What another program said or gave, or the author's hint that it should move this program.
_LEVER = (
    r"(?:offer(?:s|ed)?|promis(?:e|ed)|assur(?:ed|ance)|guarantee(?:d)?|told me|informed me|let me know|said"
    r"|indicated|(?:rank|ranked|ranking|want|wants|wanted|recruit\w{0,20}) me|interest in (?:\w{1,30} )?me|to match"
    r"|reconsider|take (?:this|that|it) into (?:account|consideration)|strengthen\w{0,20} my|thought you should know"
    r"|wanted you to know|keep (?:this|that|it) in mind|match (?:their|that|this) (?:offer|commitment)"
    # other places' eagerness: "several other hospitals are keen to have me"
    r"|(?:keen|eager|anxious) to (?:have|get|recruit|sign|welcome|train) me\b(?! (?:rotate"
    r"|visit|present|speak|talk|observe|shadow|attend|teach|give|come|do|lecture|help|return|stay))"
    r"|(?:very |quite |really |clearly |strongly )?interested in (?:having |recruiting |getting )?me)"
)
# What the author wants this program to do about it: not lose the author, see the demand, act.
# Each wording holds one of _PUSH_KEYS, all rare in an ordinary email, so the phrase seldom runs.
_PUSH = (
    r"(?:let(?:ting)? me (?:slip|go elsewhere)|slip(?:ping)? away|(?:lose|losing) me|snap(?:s|ped)? me up"
    r"|(?:shows?|demonstrates?|proves?|tells?) (?:you )?how (?:competitive|desirable|sought(?:-| )after|in demand)"
    r"|how competitive I am|in (?:high |great )?demand|sought(?:-| )after"
    r"|(?:keep|bear) (?:this|that|it) in mind|take (?:this|that|it) into account"
    # "I trust you will look upon my application with similar favour", "follow suit"
    r"|(?:with )?(?:similar|equal|comparable|the same) (?:favou?r|interest|enthusiasm|regard)\b|follow suit)"
)
_PUSH_KEYS = ("slip", "elsewhere", "lose", "losing", "snap", "competitive", "desirable", "sought", "demand", "mind",
              "account", "similar", "equal", "comparable", "same", "suit")
# Every match of _ELSEWHERE_ANY (and of the other openings of the push phrase) holds one of these.
_ELSEWHERE_KEYS = ("program", "institution", "hospital", "place", "residenc", "school", "offer")
_NOT_SCHEDULING = r"(?:me )?(?:an? |the )?(?:interview|date|slot|time|observership|elective|rotation)"
OTHER_PROGRAM_LEVERAGE = (
    phrase(
        rf"\b{_ELSEWHERE_ANY}\b[^.?!\n]{{0,60}}\b{_LEVER}\b",
        not_before=_NOT_SCHEDULING,
        keys=(
            _ELSEWHERE_KEYS,
            ("offer", "promis", "assur", "guarantee", "told", "informed", "let", "said", "indicated", "rank",
             "want", "recruit", "interest", "match", "reconsider", "into", "strengthen", "know", "mind", "keen",
             "eager", "anxious"),
            ("another", "other", "different", "competing", "several", "multiple", "numerous", "various", "many",
             "few", "some", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "offer"),
        ),
    ),
    phrase(
        r"\b(?-i:[A-Z]\w{1,30})(?: (?-i:[A-Z]\w{1,30})){0,3} (?:has|have|had) (?:already )?(?:said|told me|assured me"
        r"|promised|indicated|let me know|offered)\b[^.?!\n]{0,40}\b(?:rank(?:ed|ing)? me|offer\w{0,20}|to match"
        r"|spot|position)",
        keys=("has", "have", "had"),
    ),
    phrase(r"\b(?:a |another )?competing (?:offer|program|position)s?\b"),
    # Interest from elsewhere (interviews included), then a push at this program: "Massachusetts
    # General has already offered me an interview, I hope you will not let me slip away".
    phrase(
        rf"(?:\b{_ELSEWHERE_ANY}|\b(?:interviews?|invitations?|invites?) from"
        r"|\b(?-i:[A-Z]\w{1,30})(?: (?-i:[A-Z]\w{1,30})){0,3} (?:has|have|had) (?:already |also |just )?"
        rf"(?:offered|invited|contacted|reached out|interviewed|told|said|promised))\b[^.?!\n]{{0,100}}?\b{_PUSH}",
        keys=(_PUSH_KEYS, _ELSEWHERE_KEYS + ("interview", "invit", "contact", "reached", "told", "said", "promis")),
    ),
    phrase(
        rf"\b{_ELSEWHERE}\b[^.?!\n]{{0,60}}\b(?:offered|promised|assured|guaranteed|committed|told me (?:they"
        r"|that they|it|I) (?:will|would|plan to|intend to|am|was)|said (?:they|that they|I) (?:will|would"
        r"|am|was)|will rank me|would rank me|have ranked me|ranked me|plan to rank me|wants? me"
        r"|wanted me|(?:has|have) (?:already )?(?:offered|promised|extended|guaranteed))"
    ),
    phrase(
        r"\bI(?: have|'ve| already have| just| recently)(?: (?:received|got|gotten|been given|been offered))?"
        r" (?:an? |several |multiple |two |three |other |some )?(?:offers?|pre-?match offers?|commitments?"
        r"|assurances?|promises?|guarantees?) (?:from|at|by)\b"
    ),
    phrase(
        r"\b(?:program|hospital|university|institution|center|centre|residency)\b[^.?!\n]{0,30}\b(?:has|have)"
        r" (?:already )?(?:offered|promised|guaranteed|assured) me\b"
    ),
    phrase(r"\bsee (?:what|if) you (?:can|could|would) (?:offer|match|do better)\b"),
    phrase(
        r"\b(?-i:[A-Z]\w{1,30})(?: (?-i:[A-Z]\w{1,30})){0,3} (?:has|have) (?:already )?(?:offered|promised"
        r"|guaranteed|assured) me (?:a |an |their |its )?(?:spot|position|place|contract|high rank|rank|offer)"
        r"|\bpromised to rank me\b"
    ),
    phrase(
        r"\b(?:match|beat|top|better|compete with|counter) (?:their|that|the other|this|an?other|the)"
        r" (?:offer|commitment|promise|assurance)\b"
    ),
    # "unless you tell me otherwise" is a courtesy, not a condition.
    phrase(
        r"\bunless you\b[^.?!\n]{0,60}\b(?:rank|commit|offer|promise|tell me|guarantee|confirm)",
        not_before=r"(?:\w{1,20} )?otherwise\b",
    ),
    phrase(
        r"\bI (?:will|'ll|would|'d|may|might)(?: have to| need to| be forced to| end up| then)? (?:rank|put|place)"
        r" (?:them|another program|the other program|that program)"
        r" (?:first|higher|above you|ahead of you|over you|above your program|ahead of your program)\b"
    ),
    phrase(
        r"\bI (?:will|'ll|would|'d|may|might) (?:have to|need to|be forced to|end up) (?:rank|put|place)"
        r" (?-i:[A-Z]\w{0,30})(?: (?-i:[A-Z]\w{0,30})){0,3} (?:first|higher|above you|ahead of you|over you)\b"
    ),
    phrase(r"\b(?:before|or) I (?:accept|commit to|sign with|go with) (?:another|the other|a different) (?:program|offer)\b"),
)


@register("other-program-leverage", phrases=OTHER_PROGRAM_LEVERAGE)
def other_program_leverage(doc, ctx):
    return phrase_hits("other-program-leverage", doc, OTHER_PROGRAM_LEVERAGE)
