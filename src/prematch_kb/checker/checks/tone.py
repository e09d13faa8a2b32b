"""Tone: texting style in a professional email, and apologising for one's own training."""

from __future__ import annotations

import re

from ..patterns import phrase, phrase_hits
from ..registry import Hit, register

# Texting words and what to write instead (the replacement is offered with the finding).
SLANG = {
    "u": "you", "ur": "your", "thx": "thank you", "thanx": "thank you", "tnx": "thank you",
    "ty": "thank you", "tysm": "thank you very much", "pls": "please", "plz": "please",
    "lol": "", "lmao": "", "omg": "", "btw": "by the way", "idk": "I do not know",
    "imo": "in my opinion", "imho": "in my opinion", "gonna": "going to", "wanna": "want to",
    "gotta": "have to", "ya": "you", "yeah": "yes", "yep": "yes", "nope": "no", "hey": "Dear",
    "yo": "Dear", "b4": "before", "2morrow": "tomorrow", "tmrw": "tomorrow", "cuz": "because",
    "coz": "because", "bc": "because", "rn": "right now", "ngl": "", "tbh": "", "smh": "",
    "xoxo": "", "k": "", "kk": "", "sry": "sorry", "msg": "message", "convo": "conversation",
    "w/": "with", "w/o": "without", "awesome": "excellent", "super excited": "very glad",
}
# Lower-case only for the one- and two-letter words: "U" may be a name initial, "K" a grade.
_CASE_SENSITIVE = {"u", "ur", "k", "kk", "ya", "yo", "ty", "bc", "rn"}
_SLANG_WORD = re.compile(
    r"(?<![\w./@-])(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(SLANG, key=len, reverse=True))
    + r")(?![\w'’@-]|\.\w)",
    re.IGNORECASE,
)
# Emoji and pictographs (not ©, ®, ™ or arrows), and text emoticons.
_EMOJI = re.compile(
    "[\U0001F300-\U0001F5FF\U0001F600-\U0001F64F\U0001F680-\U0001F6FF\U0001F900-\U0001F9FF"
    "\U0001FA70-\U0001FAFF\u263A\u2639\u2764\u2728\u2705\u274C\u2757\u2B50\u26A1\u2600\u2614]+"
    "[\uFE0F\U0001F3FB-\U0001F3FF]*"
)
_EMOTICON = re.compile(r"[:;<xX](?<![\w:][:;<xX])(?:(?<=[:;])-?[)(DPp]|(?<=<)3|(?<=[xX])D)(?![\w)])")
_EXCLAIM = re.compile(r"!{2,}|[!?]*\?![!?]*|\?{3,}")
# SHOUTING: three or more capitalised words in a row, or a common word in capitals.
_CAPS_RUN = re.compile(r"\b[A-Z]{2,}(?:[ \t]+[A-Z]{2,}\b){2,}")
_SHOUT_WORDS = frozenset(
    "VERY REALLY PLEASE EXTREMELY DEFINITELY LOVE THANK THANKS HIGHLY MUST NEED URGENT IMPORTANT"
    " ABSOLUTELY TRULY DREAM BEST AMAZING SO HOPE WANT ALWAYS NEVER ONLY SINCERELY DEEPLY HUGE"
    " EXCITED HAPPY GRATEFUL".split()
)
_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b")
# Acronyms common in this field never count towards a capitals run.
_ACRONYMS = frozenset(
    "NRMP ERAS AAMC ID USMLE COMLEX ECFMG MSPE SOAP IMG IMGS FMG US USA UK MD DO MBBS MBCHB PHD MPH"
    " PGY ACGME LOR LORS CV ENT OB GYN OBGYN ICU ER ED EM IM PICU NICU GME APD PD SAU AUA SF CAS"
    " ROL YOG VISA J1 H1B EVSP RE FW FWD CC AM PM ET EST PST".split()
)


# The words of the slang list as the text's word index spells them ("w/" is indexed as "w").
_SLANG_KEYS = frozenset(w.split()[0].rstrip("/").split("/")[0] for w in SLANG)
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z]")


@register("informal-tone")
def informal_tone(doc, ctx):
    text, end = doc.text, doc.own_end
    # Cheap tests first: most emails contain no slang word, emoticon or capitals run at all.
    if not _SLANG_KEYS.isdisjoint(doc.word_set()):
        yield from _slang(doc, text, end)
    patterns = [_EMOJI]
    if "!!" in text or "?!" in text or "???" in text:
        patterns.append(_EXCLAIM)
    if ":" in text or ";" in text or "<3" in text or "xd" in doc.lower:
        patterns.append(_EMOTICON)
    for pattern in patterns:
        for match in pattern.finditer(text, 0, end):
            if doc.is_own(*match.span()):
                yield Hit("informal-tone", *match.span())
    if not _TWO_CAPITALS.search(text, 0, end):
        return
    for match in _CAPS_RUN.finditer(text, 0, end):
        words = match.group().split()
        if sum(w not in _ACRONYMS for w in words) >= 3 and doc.is_own(*match.span()):
            yield Hit("informal-tone", *match.span())
    for match in _CAPS_WORD.finditer(text, 0, end):
        if match.group() in _SHOUT_WORDS and doc.is_own(*match.span()):
            if not _inside_run(text, match.start(), match.end()):
                yield Hit("informal-tone", *match.span())


def _slang(doc, text, end):
    for match in _SLANG_WORD.finditer(text, 0, end):
        word = match.group()
        key = re.sub(r"\s+", " ", word.lower())
        if key in _CASE_SENSITIVE and word != word.lower():
            continue
        if key == "hey" and not _starts_line(text, match.start()):
            continue  # "hey" only as a greeting
        if doc.is_own(*match.span()):
            replacement = SLANG.get(key, "")
            advice = f"Write “{replacement}”." if replacement else "Leave it out."
            yield Hit("informal-tone", *match.span(), (advice,))


def _starts_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def _inside_run(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 60) : end + 60]
    return any(m.start() <= start - max(0, start - 60) < m.end() for m in _CAPS_RUN.finditer(window))


# --- over-apology -------------------------------------------------------------------------------
_IMG = (
    r"(?:IMG|IMGs|FMG|international (?:medical )?graduate|foreign (?:medical )?graduate|foreign-trained"
    r"|foreign doctor|non-US graduate|non-U\.S\. graduate|overseas graduate)"
)
_MY_TRAINING = (
    r"(?:my (?:medical school|school|training|degree|background|accent|english|nationality|education"
    r"|country of training|foreign degree|status|visa status|scores?|attempts?|gap)"
    rf"|being (?:an? )?{_IMG}|being (?:from abroad|trained abroad|a non-native speaker|a foreigner"
    r"|foreign|international|not from the (?:US|U\.S\.|United States))|(?:having )?trained abroad"
    rf"|(?:that )?I am (?:an? )?{_IMG}|(?:the fact that )?I(?: am|'m) (?:an? )?{_IMG})"
)
OVER_APOLOGY = (
    # Meaning family: an apology word, then where the author trained or comes from.
    phrase(
        r"\b(?:excuse|forgive|overlook|pardon|apologi[sz]e|sorry|regret)\b[^.?!\n]{0,40}?\b(?:(?:not|never)"
        r" (?:train\w{0,20}|stud\w{0,20}|graduat\w{0,20}|practi[cs]\w{0,20}) (?:in|from|at) (?:the |a )?"
        r"(?:US|U\.S\.|United States|American|Western)|trained abroad|studied abroad|abroad|foreign|overseas|non-US|non-native|accent)",
        negatable="negation",
    ),
    phrase(
        r"\b(?:apologi[sz]e|am sorry|'m sorry|sorry|forgive me|excuse me|pardon me|regret)\b[^.?!\n]{0,40}?"
        rf"\b{_MY_TRAINING}",
        negatable="negation",
    ),
    phrase(
        rf"\b(?:just|only|merely|simply|but|nothing more than|(?:an? |the )?(?:mere|lowly|humble)) (?:an? )?{_IMG}\b",
        negatable="negation",
    ),
    phrase(
        r"\b(?:although|even though|despite|though|while|in spite of) (?:I am |I'm |being |my status as |my "
        rf"being )?(?:only |just |merely )?(?:an? )?{_IMG}\b",
        negatable="negation",
    ),
    phrase(
        r"\bmy (?:\w{1,30} ){0,2}?(?:training|education|medical school|degree|experience|clinical training|background"
        r"|clinical experience)\b[^.?!\n]{0,40}?\b(?:(?:(?:may|might|is|was|are|were|will) not|isn't|aren't"
        r"|wasn't|won't) (?:\w{1,30} )?(?:be )?(?:as good|as strong|as rigorous|as thorough|equivalent|comparable"
        r"|up to)|(?:is|was|are|were|may be|might be"
        r"|could be|seems?) (?:inferior|less (?:rigorous|advanced|good|valuable|impressive|prestigious)|lower"
        r"|weaker|subpar|below|lacking|second-rate))",
        negatable="negation",
        keys=("training", "education", "school", "degree", "experience", "background"),
    ),
    phrase(
        r"\b(?:forgive|overlook|excuse|look past|see past|ignore|disregard) (?:the fact that I am |that I am"
        rf" |my being |my status as |that I trained abroad|my )(?:an? )?(?:{_IMG}|foreign|international|non-US"
        r"|background|training|accent|school|degree|origin)",
        negatable="negation",
    ),
    phrase(
        r"\b(?:inferior|lesser|second-rate|second-class|substandard|subpar|less prestigious|lowly|humble)"
        r" (?:foreign |international )?(?:medical )?(?:school|training|education|degree|background"
        r"|origins?|institution)\b",
        negatable="negation",
    ),
    phrase(
        rf"\b(?:{_IMG}|my (?:status|background|foreign degree|training abroad))[^.?!\n]{{0,40}}?\b(?:is|are"
        r"|may be|might be|as|be) (?:a |my |an )?(?:big |major |serious |significant )?(?:disadvantage"
        r"|drawback|weakness|liability|burden|shortcoming|handicap|limitation|red flag)",
        negatable="negation",
    ),
)


@register("over-apology", phrases=OVER_APOLOGY)
def over_apology(doc, ctx):
    return phrase_hits("over-apology", doc, OVER_APOLOGY)
