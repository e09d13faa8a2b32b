"""Tone: texting style in a professional email (apologising for one's training is a meaning rule)."""

from __future__ import annotations

import re

from ..memory import Memory
from ..registry import Hit, register
from ..text import lower_case, words_of

# Texting words and what to write instead (the replacement is offered with the finding).
SLANG = {
    "u": "you", "ur": "your", "thx": "thank you", "thanx": "thank you", "tnx": "thank you",
    "ty": "thank you", "tysm": "thank you very much", "pls": "please", "plz": "please",
    "lol": "", "lmao": "", "omg": "", "btw": "by the way", "quick q": "a quick question", "idk": "I do not know",
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
# SHOUTING: three or more capitalised words in a row, or a common word in capitals. (The word
# boundary before a word is tested after its first capital, as "no word character before it":
# a pattern that starts with a capital lets the engine skip straight to the capitals.)
_CAPS_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]+(?:[ \t]+[A-Z]{2,}\b){2,}")
_SHOUT_WORDS = frozenset(
    "VERY REALLY PLEASE EXTREMELY DEFINITELY LOVE THANK THANKS HIGHLY MUST NEED URGENT IMPORTANT"
    " ABSOLUTELY TRULY DREAM BEST AMAZING SO HOPE WANT ALWAYS NEVER ONLY SINCERELY DEEPLY HUGE"
    " EXCITED HAPPY GRATEFUL".split()
)
_CAPS_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]+\b")
# Acronyms common in this field never count towards a capitals run.
_ACRONYMS = frozenset(
    "NRMP ERAS AAMC ID USMLE COMLEX ECFMG MSPE SOAP IMG IMGS FMG US USA UK MD DO MBBS MBCHB PHD MPH"
    " PGY ACGME LOR LORS CV ENT OB GYN OBGYN ICU ER ED EM IM PICU NICU GME APD PD SAU AUA SF CAS"
    " ROL YOG VISA J1 H1B EVSP RE FW FWD CC AM PM ET EST PST".split()
)


# A run of these in capitals is a template's placeholder ("INSERT HOSPITAL NAME"), not shouting.
_PLACEHOLDER_WORDS = frozenset(
    "INSERT NAME HOSPITAL PROGRAM PROGRAMME SPECIALTY DATE YOUR FULL FIRST LAST TBD TODO FIXME HERE SCHOOL"
    " INSTITUTION DIRECTOR APPLICANT CANDIDATE CITY TITLE".split()
)
# The words of the slang list as the text's word index spells them ("w/" is indexed as "w").
_SLANG_KEYS = frozenset(w.split()[0].rstrip("/").split("/")[0] for w in SLANG)
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z]")


_MARKS = Memory(1_000)  # a paragraph -> its texting-style marks (start, end, advice), relative to it


@register("informal-tone")
def informal_tone(doc, ctx):
    for offset, paragraph in doc.paragraphs:
        marks = _MARKS.recall(paragraph, _paragraph_marks, paragraph)
        for start, end, advice in marks:
            if doc.is_own(offset + start, offset + end):
                yield Hit("informal-tone", offset + start, offset + end, advice)


def _paragraph_marks(paragraph: str) -> tuple:
    return tuple(_marks(paragraph))


def _marks(text: str):
    """Texting style in a paragraph: slang, emoji, "!!", emoticons, SHOUTING."""
    # Cheap tests first: most emails contain no slang word, emoticon or capitals run at all.
    lower = lower_case(text)
    if not _SLANG_KEYS.isdisjoint(words_of(lower)):
        yield from _slang(text)
    patterns = [] if text.isascii() else [_EMOJI]  # every emoji is outside ASCII
    # (a one-character test first: few paragraphs have an exclamation or a question mark)
    if ("!" in text or "?" in text) and ("!!" in text or "?!" in text or "???" in text):
        patterns.append(_EXCLAIM)
    if ":" in text or ";" in text or "<3" in text or "xd" in lower:
        patterns.append(_EMOTICON)
    for pattern in patterns:
        for match in pattern.finditer(text):
            yield (*match.span(), ())
    if not _TWO_CAPITALS.search(text):
        return
    capitalised = list(_CAPS_WORD.finditer(text))
    if len(capitalised) >= 3:  # (each word of a capitals run is one of them)
        for match in _CAPS_RUN.finditer(text):
            words = match.group().split()
            if sum(w not in _ACRONYMS and w not in _PLACEHOLDER_WORDS for w in words) >= 3:
                yield (*match.span(), ())
    for match in capitalised:
        if match.group() in _SHOUT_WORDS and not _inside_run(text, match.start(), match.end()):
            yield (*match.span(), ())


def _slang(text: str):
    for match in _SLANG_WORD.finditer(text):
        word = match.group()
        key = re.sub(r"\s+", " ", word.lower())
        if key in _CASE_SENSITIVE and word != word.lower():
            continue
        if key == "hey" and not _starts_line(text, match.start()):
            continue  # "hey" only as a greeting
        replacement = SLANG.get(key, "")
        yield (*match.span(), (f"Write “{replacement}”." if replacement else "Leave it out.",))


def _starts_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def _inside_run(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 60) : end + 60]
    return any(m.start() <= start - max(0, start - 60) < m.end() for m in _CAPS_RUN.finditer(window))
