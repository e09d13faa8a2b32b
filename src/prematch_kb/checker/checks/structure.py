"""The shape of a complete professional email: greeting, sign-off, identity, length, attachments,
and (for US-citizen IMGs writing early) a clear word on visa status. Which phases are early is the
knowledge base's to say (`early: true` in content/timeline/phases.yml, read from the rulebook).

These run in draft mode on messages that look like whole emails, not on a pasted sentence.
"""

from __future__ import annotations

import re
from itertools import islice

from .. import rulebook
from ..memory import Memory
from ..patterns import rx
from ..registry import Hit, register
from ..text import lower_case, sentences_of, word_count

# A text is checked as a whole email when it has at least this many words over two or more lines.
MIN_EMAIL_WORDS = 20
# A shorter note counts when it is signed below a sign-off line of its own.
MIN_NOTE_WORDS = 8
# Word limits by kind of message: a thank-you note is short; other letters may say more.
THANK_YOU_WORD_LIMIT = 250
LETTER_WORD_LIMIT = 400

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_HEADER_LINE = re.compile(r"(?:subject|to|from|cc|bcc|date|sent|re|fw|fwd)\s*:", re.IGNORECASE)
# A greeting word is a whole word ("HIV clinic ..." is no "Hi"), in English or another language
# ("Salaam Dr. Khan,", "Bonjour Dr. Martin,", "Sir,"). A bare name greets only as the whole greeting
# ("Dr. Lim," "Dr. Lim" alone, "Dr. Lim and team,"), not as the subject of a sentence ("Dr. Lim
# asked me ..."); an address line "To the NRMP:" or "To the Selection Committee," greets.
_TITLE = r"(?:dr|prof|professor|mr|mrs|ms|mx)(?:\. ?| )"
_SALUTATION = rx(
    r"^\s*(?:(?:dear|hello|hi|hey|good (?:morning|afternoon|evening|day)|greetings|to whom|respected"
    r"|esteemed|attn|attention|salaam|salam|assalamu?|as-salamu|namaste|namaskar|bonjour|hola|shalom)\b"
    r"|(?:sir|madam|ma'am)(?: ?(?:/|or|and) ?madam)? ?[,:!]?\s*$"
    r"|" + _TITLE + r"[^\W\d_][^\s,:;!]*"
    r"(?: (?:(?:van|von|de|der|den|del|della|da|di|du|la|le|bin|al|el) )*(?-i:[A-Z])[^\s,:;!]*){0,3}"
    r" ?(?:[,:;!–—-]|$)"
    r"|" + _TITLE + r"[^\W\d_][^\n!?]{0,50}[,:]\s*$"
    r"|to (?:the|all|my) [^\n.!?]{1,50}[,:]\s*$)"
)
_SIGN_OFF = rx(
    r"^\s*(?:sincerely|best|best regards|best wishes|kind regards|kindest regards|warm regards|warmest regards"
    r"|regards|respectfully|respectfully yours|yours (?:sincerely|truly|faithfully|respectfully)|thank you"
    r"|thanks|many thanks|thank you again|thanking you|with (?:gratitude|appreciation|thanks|best wishes|warm regards)"
    r"|gratefully|all the best|cordially|warmly|cheers|with respect|thank you (?:so much|very much)"
    r"|thanks again|appreciatively)\b[^\n]{0,40}$"
)
_CLOSING_SENTENCE = rx(r"^\s*(?:thank you|thanks)\b[^\n]{0,80}[.!]\s*$")
# The AAMC ID, or the NRMP ID ("N1234567") that identifies an applicant to the NRMP, in the usual
# spellings: "AAMC ID 12345678", "AAMC-ID: 12345678", "AAMC ID number 12345678", "NRMP ID N1234567".
_AAMC_ID = rx(
    r"\b(?:AAMC|ERAS|NRMP)(?:[- ]?ID| #| number| no\.?)?(?: number| no\.?| #)?\s*+(?:[:#]\s*+)?"
    r"(?:N?\d{6,9}|\[[^\]\n]{1,30}\])"
)
# A signature's name line: "Dr. Ana López-García, M.D.", "- Wei Zhang", "Ahmed Khan, MBBS, MRCP",
# "Sam Idowu, MS4" (a degree or a student's year after a comma).
_NAME_LINE = re.compile(
    r"^\s*(?:[-–—~]\s*)?(?:(?:Dr|Prof)\.?\s+)?[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]+)*\.?"
    r"(?:\s+[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]+)*\.?){1,4}"
    r"(?:\s*,\s*(?:MD|M\.D\.|DO|D\.O\.|MBBS|MBChB|MBBCh|PhD|MPH|MS[1-4]?|MSc|BS|BSc|MBA|M[1-4]|MRCP|MRCS|FCPS"
    r"|OMS-?(?:[1-4]|IV|I{1,3}))(?!\w)[\w ,.]*)?\s*$"
)
# Talk about an application already made (where a coordinator needs the AAMC ID to find the file),
# as opposed to a plan to apply some day.
# An applicant to the program, or one who says they applied, writes about an application already made.
# An update that now shows in ERAS ("now reflected in ERAS", "uploaded to ERAS") is about a file already there.
# Run on the lower-case text, where a plain pattern runs several times faster than a case-insensitive one.
_APPLICATION_TALK = rx(
    r"\b(?:interview\w*|my application|my candidacy|my eras|rank\w*|the match"
    r"|(?:an )?applicant (?:to|for|at|in) (?:your|the)"
    r"|i(?: have|'ve| had| recently| already| just){0,2} applied (?:to|for) (?:your|the)"
    r"|(?:reflected|updated|uploaded|submitted|added|visible|shown) (?:in|on|to|through|via) (?:my )?eras)\b",
    0,
)
# Sending a file along: the act (attaching, enclosing, "please find ... attached") and a document,
# in either order within one sentence ("Please find the poster attached", "I attach my CV").
# "this email" and the words for it: a document that comes with, accompanies or is added to it is
# attached, whatever the verb.
_THIS_EMAIL = r"(?:this|my) (?:e-?mail|message|letter|note)"
_ATTACHING = rx(
    r"\b(?:attach(?:ed|ing|es)?|atach(?:ed|ing)?|attatch(?:ed|ing)?|enclos(?:e|ed|ing|es|ure|ures)"
    r"|(?:please )?find\b[^.!?]{0,40}\b(?:attached|atached|enclosed)"
    r"|(?:included|sent|comes?|coming|goes|going) (?:along )?(?:with|in) " + _THIS_EMAIL
    # "I've included my letter ... as a PDF with this email", "I have included my letter as a PDF";
    # not a file sent elsewhere ("I sent my poster to the conference as a PDF").
    + r"|(?:included|includes|including|sent|sending|put|placed|added)\b(?:(?!\bto (?:the|a|an|his|her|their)\b)"
    r"[^!?]){0,80}?\bas (?:an? )?(?:PDFs?|attachments?|files?|Word (?:files?|documents?)|scans?)\b"
    + r"|accompan(?:y|ies|ying) " + _THIS_EMAIL + r"|added\b[^.!?]{0,40}\bto " + _THIS_EMAIL + r")\b"
)
# "I have attached it to this email": the document named in an earlier sentence.
_ATTACHED_PRONOUN = rx(r"\b(?:attach(?:ed|ing)?|enclos(?:ed|ing)?|added) (?:it|them|this|these|both)\b")
_NOT_ATTACHING = rx(r"(?:\b(?:not|never|without)|n't)\W{1,5}(?:\w{1,30}\W{1,5}){0,2}$")
_DOCUMENT = rx(
    r"\b(?:CV|C\.V\.|resume|résumé|curriculum vitae|personal statement|letters?|scores?|transcripts?|USMLE"
    r"|score report|publications?|papers?|abstracts?|posters?|portfolio|certificates?|photos?|documents?"
    r"|scans?|copy|copies|PDF|slides|manuscript|case report|LORs?|evaluations?|reflections?|essays?|videos?"
    r"|recordings?|reports?|summary|summaries)\b"
)
_REQUESTED = rx(
    r"\b(?:as (?:you |was )?requested|per your request|as you asked|you asked (?:for|me to)|at your request"
    r"|as discussed|as we discussed|as mentioned in your|you (?:had )?requested|in response to your request"
    r"|the coordinator asked|was asked to (?:send|submit|provide)"
    # someone at the program asked for it: "As Ms. Reyes requested", "as the coordinator asked",
    # "as requested by Dr. Lee"
    r"|as (?:(?:dr|prof|mr|mrs|ms|mx)\.? (?-i:[A-Z][a-z]+)|(?-i:[A-Z][a-z]+)|(?:the|your) (?:program )?"
    r"(?:coordinator|director|office|committee|chief resident|chief))(?: (?-i:[A-Z][a-z]+))? (?:requested|asked)"
    r"|(?:requested|asked for) by (?:dr|prof|mr|mrs|ms|mx|the|your)\b)\b"
)
_VISA_STATED = rx(
    r"\b(?:(?:US|U\.S\.|United States|American) (?:citizen|citizenship|national|permanent resident)"
    r"|green card|permanent resident|(?:do not|don't|will not|won't|does not|doesn't) (?:need|require)"
    r"(?: any| a)? (?:visa|sponsorship|H-?1B|J-?1)|no (?:need for )?(?:visa|sponsorship)|without (?:the need"
    r" for |needing |requiring )?(?:visa |any )?sponsorship|not (?:need|require)(?: any| a)? (?:visa"
    r"|sponsorship))"
)


def _own_lines(doc) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of the author's own text, headers included."""
    cached = doc.cache.get("own_lines")
    if cached is not None:
        return cached
    lines = doc.cache["own_lines"] = []
    quoted = doc.quoted_lines  # (without ">" lines, every line of the own part is the author's)
    pos = 0
    for line in doc.text[: doc.own_end].split("\n"):
        end = pos + len(line)
        if line.strip() and (not quoted or doc.is_own(pos, max(pos + 1, end))):
            lines.append((pos, end))
        pos = end + 1
    return lines


def _body_lines(doc) -> list[tuple[int, int]]:
    """The own lines after any header lines; a bare subject line above the greeting counts as one."""
    cached = doc.cache.get("body_lines")
    if cached is None:
        cached = doc.cache["body_lines"] = _find_body_lines(doc)
    return cached


def _find_body_lines(doc) -> list[tuple[int, int]]:
    lines = _own_lines(doc)
    index = 0
    while index < len(lines) and _HEADER_LINE.match(doc.text, lines[index][0]):
        index += 1
    if index + 1 < len(lines):
        first, second = lines[index], lines[index + 1]
        if (
            not _SALUTATION.match(doc.text[first[0] : first[1]])
            and _SALUTATION.match(doc.text[second[0] : second[1]])
            and first[1] - first[0] <= 200
            and doc.text[first[0] : first[1]].rstrip()[-1:] not in ".!?"
        ):
            index += 1
    return lines[index:]


def _word_count(doc, lines) -> int:
    key = ("words", len(lines))
    if key not in doc.cache:
        text = doc.text
        # Counted in one go, not line by line (no word runs across a line break). Without quoted
        # lines among them, the lines are all the text from the first to the last but blank ones.
        together = (
            text[lines[0][0] : lines[-1][1]] if lines and not doc.quoted_lines
            else "\n".join([text[s:e] for s, e in lines])
        )
        doc.cache[key] = _count_words(together)
    return doc.cache[key]


# An apostrophe or hyphen between two letters or digits joins them into one `_WORD`: one pattern per
# mark, since the engine skips from one occurrence of a character to the next several times faster
# than from one of a set of characters to the next.
_JOINS = tuple((mark, re.compile(mark + r"(?<=[^\W_]" + mark + r")(?=[^\W_])")) for mark in ("'", "’", "-"))


def _count_words(text: str) -> int:
    """How many `_WORD`s a text has: its runs of letters and digits less the joins between them
    (counted so, since counting the runs is far faster than finding the words)."""
    count = word_count(text)
    for mark, join in _JOINS:
        if mark in text:
            count -= len(join.findall(text))
    return count


def _is_whole_email(doc, lines) -> bool:
    """A text framed as an email: a greeting or a sign-off, and some length. A paragraph pasted
    without either is a passage, and greeting, sign-off and signature advice would only nag. A
    short note is an email too when it is signed: a sign-off line of its own, then the writer's
    name or AAMC ID, below a line of its own text."""
    if len(lines) < 2:
        return False
    if _word_count(doc, lines) < MIN_EMAIL_WORDS and not _signed_note(doc, lines):
        return False
    key = "framed_as_email"
    if key not in doc.cache:
        s, e = lines[0]
        # A closing sentence ("Thank you for your consideration.") ends paragraphs too: only a
        # sign-off line of its own frames a text as an email. A greeting that runs on into the
        # sentence ("Hello, I am following up ...") frames a text of several paragraphs, not a
        # single pasted paragraph.
        greeting = _SALUTATION.match(doc.text[s:e]) and (
            _greeting_alone(doc.text[s:e]) or _PARAGRAPH_BREAK.search(doc.text, s, lines[-1][0]) is not None
        )
        doc.cache[key] = bool(greeting) or any(
            _SIGN_OFF.match(doc.text[ls:le]) and doc.text[ls:le].rstrip()[-1:] not in ".!?"
            for ls, le in lines[-8:]
        )
    return doc.cache[key]


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
# A greeting line of its own is short and ends in a comma, colon or exclamation mark, or in no
# punctuation at all ("Dear Dr. Okafor", "Hello Dr. Lee and team"), never in a sentence's end.
MAX_GREETING_WORDS = 15


def _greeting_alone(line: str) -> bool:
    line = line.rstrip()
    words = len(line.split())
    return words <= MAX_GREETING_WORDS and (line[-1:] in ",:;!" or (words <= 10 and line[-1:] not in ".?"))


def _signed_note(doc, lines) -> bool:
    """A short note that ends in a sign-off line and a signature: "Any update?  Thanks,  Ravi Shah"."""
    if len(lines) < 3 or _word_count(doc, lines) < MIN_NOTE_WORDS:
        return False
    for index in range(1, len(lines) - 1):
        s, e = lines[index]
        line = doc.text[s:e]
        if _SIGN_OFF.match(line) and line.rstrip()[-1:] not in ".!?":
            return all(
                _NAME_LINE.match(doc.text[ns:ne].rstrip(" ,;|-–")) or _AAMC_ID.search(doc.text[ns:ne])
                for ns, ne in lines[index + 1 :]
            )
    return False


def _strip_span(doc, start: int, end: int) -> tuple[int, int]:
    line = doc.text[start:end]
    return start + (len(line) - len(line.lstrip())), start + len(line.rstrip())


def _sign_off_index(doc, lines) -> int | None:
    """Index of the sign-off line among the last lines, or None (remembered by those lines' text)."""
    last = lines[-8:]
    key = (tuple(doc.text[s:e] for s, e in last), len(last) == len(lines))
    found = _SIGN_OFFS.recall(key, _find_sign_off, doc, last, key[1])
    return None if found is None else len(lines) - len(last) + found


_SIGN_OFFS = Memory(1_000)  # (the last lines' text, whether they are all) -> the sign-off's index, or None


def _find_sign_off(doc, lines, from_the_top: bool) -> int | None:
    """The sign-off among the last lines; the text's first line is never a closing above a name."""
    for index in range(len(lines) - 1, -1, -1):
        s, e = lines[index]
        closing = index >= len(lines) - 4 and _CLOSING_SENTENCE.match(doc.text[s:e])
        if _SIGN_OFF.match(doc.text[s:e]) or (closing and _only_signature_after(doc, lines, index)) or (
            (index or not from_the_top) and _closes_before_a_name(doc, lines, index)
        ):
            return index
    return None


def _only_signature_after(doc, lines, index: int) -> bool:
    """A closing sentence closes the email only when no more of the body follows it: "Thank you for
    the tour." opening the body above a paragraph of prose is a first sentence, not a closing."""
    for s, e in lines[index + 1 :]:
        line = doc.text[s:e].strip()
        if _AAMC_ID.search(line) or _NAME_LINE.match(line.rstrip(" ,;|-–")):
            continue
        if len(line.split()) > 6 or line[-1:] in ".!?":
            return False
    return True


# A closing in any wording or language: a short line ending in a comma, right above the writer's
# name ("With deep respect,", "Atenciosamente,", "Please accept my respectful greetings,").
_CLOSING_SHAPE = re.compile(r"^\s*[^\W\d_][^\n.!?:;]{0,60},\s*$")


def _closes_before_a_name(doc, lines, index: int) -> bool:
    s, e = lines[index]
    line = doc.text[s:e]
    if index + 1 >= len(lines) or not _CLOSING_SHAPE.match(line) or len(line.split()) > 7:
        return False
    ns, ne = lines[index + 1]
    return _NAME_LINE.match(doc.text[ns:ne]) is not None


@register("missing-salutation")
def missing_salutation(doc, ctx):
    lines = _body_lines(doc)
    if not _is_whole_email(doc, lines):
        return
    s, e = lines[0]
    if not _SALUTATION.match(doc.text[s:e]):
        start, end = _strip_span(doc, s, e)
        yield Hit("missing-salutation", start, min(end, start + 60))


@register("missing-sign-off")
def missing_sign_off(doc, ctx):
    lines = _body_lines(doc)
    if not _is_whole_email(doc, lines) or _sign_off_index(doc, lines) is not None:
        return
    start, end = _strip_span(doc, *lines[-1])
    yield Hit("missing-sign-off", start, end)


@register("missing-identity")
def missing_identity(doc, ctx):
    lines = _body_lines(doc)
    if not _is_whole_email(doc, lines):
        return
    index = _sign_off_index(doc, lines)
    # Without a sign-off the signature is the last lines, never the greeting above the body.
    signature = lines[index + 1 :] if index is not None else lines[-2:]
    texts = [doc.text[s:e] for s, e in signature]
    ids = [_AAMC_ID.search(line) for line in texts]
    has_id = any(ids)
    # (a line without an ID is its own name part: the search spares the substitution there)
    has_name = any(
        _NAME_LINE.match((_AAMC_ID.sub("", line) if found else line).rstrip(" ,;|-–()"))
        for line, found in zip(texts, ids, strict=True)
    )
    if has_name and (has_id or not _needs_id(doc, ctx)):
        return
    if signature:
        start, _ = _strip_span(doc, *signature[0])
        _, end = _strip_span(doc, *signature[-1])
    else:
        start, end = _strip_span(doc, *lines[-1])
    yield Hit("missing-identity", start, end)


def _needs_id(doc, ctx) -> bool:
    """Whether the email is to a program about an application, where a coordinator needs the AAMC ID."""
    to_program = ctx.recipient in (None, "program-director", "coordinator")
    return to_program and ctx.phase != "before-applying" and any(
        _talks_of_an_application(paragraph) for _, paragraph in doc.paragraphs
    )


_APPLICATION_TALKED = Memory(1_000)  # a paragraph -> whether it talks of an application already made


def _talks_of_an_application(paragraph: str) -> bool:
    return _APPLICATION_TALKED.recall(paragraph, _mentions_application, paragraph)


def _mentions_application(paragraph: str) -> bool:
    return _APPLICATION_TALK.search(lower_case(paragraph)) is not None


# Run on the lower-case text, and starting with the word itself (the word boundary before it is
# tested after it), so that the engine skips from one "thank" to the next.
_THANK_YOU = rx(
    r"thank(?<!\wthank)(?: you|s)(?: (?:so|very) much| again| kindly)? for (?:the |my |taking |having |your "
    r"|speaking|meeting|interviewing)",
    0,
)


@register("too-long")
def too_long(doc, ctx):
    lines = _body_lines(doc)
    if not _is_whole_email(doc, lines):
        return
    count = _word_count(doc, lines)
    if count <= THANK_YOU_WORD_LIMIT:
        return  # within either limit (most emails): no need to ask which kind of letter it is
    limit = THANK_YOU_WORD_LIMIT if _THANK_YOU.search(doc.lower, 0, doc.own_end) else LETTER_WORD_LIMIT
    if count <= limit:
        return
    # Point from the first word past the limit to the end of the email.
    before = limit  # the words before that one
    for s, e in lines:
        in_line = _count_words(doc.text[s:e])
        if before < in_line:
            _, end = _strip_span(doc, *lines[-1])
            # (only an email over the limit gets here: finding its words one by one is cheap enough)
            yield Hit("too-long", next(islice(_WORD.finditer(doc.text, s, e), before, None)).start(), end)
            return
        before -= in_line



# Every sentence `_ATTACHING` matches has one of these words (in lower case), or else one of the
# attaching `_PHRASES`: the cheap tests spare the costly pattern every other sentence. A phrase has
# one of the `_PHRASE_WORDS`, which substring tests find far faster than the phrase pattern does.
_ATTACHING_WORDS = ("attach", "atach", "attatch", "enclos", "pdf")
_PHRASE_WORDS = ("file", "word", "scan", "mail", "message", "letter", "note")
_OF_THIS_EMAIL = r"\s+(?:e-?mail|message|letter|note)"
_PHRASES = (r"as\s+(?:an?\s+)?(?:files?|word|scans?)", r"this" + _OF_THIS_EMAIL, r"my" + _OF_THIS_EMAIL)
_PHRASES_IN_A_SENTENCE = (re.compile(r"\b(?:" + "|".join(_PHRASES) + r")\b"),)
# The phrases anywhere in a paragraph, word boundaries or not (a sentence cut inside an overlong
# word, see `text.MAX_SENTENCE`, has a boundary where the paragraph has none). One pattern each: a
# pattern that starts with its own letters is found several times faster than an alternation.
_PHRASES_ANYWHERE = tuple(re.compile(phrase) for phrase in _PHRASES)


def _may_be_attaching(text: str, phrases: tuple[re.Pattern, ...] = _PHRASES_IN_A_SENTENCE) -> bool:
    """Whether a sentence may send a document along (or, with `_PHRASES_ANYWHERE`, some
    sentence of a paragraph)."""
    lower = lower_case(text)
    # (plain loops: a generator in any() would cost more than the tests themselves)
    for word in _ATTACHING_WORDS:
        if word in lower:
            return True
    for word in _PHRASE_WORDS:
        if word in lower:
            return any(phrase.search(lower) for phrase in phrases)
    return False


# A paragraph -> (start, end) of each of its sentences that sends a document along, and of the
# words that do, relative to the paragraph. Remembered by paragraph, not by sentence: most
# paragraphs are ruled out by one round of tests, without a look-up and a round per sentence.
_ATTACHMENTS = Memory(1_000)


def _attachments_in(paragraph: str) -> tuple[tuple[int, int, int, int], ...]:
    if not _may_be_attaching(paragraph, _PHRASES_ANYWHERE):
        return ()
    found = []
    for start, end, sentence in sentences_of(paragraph):
        act = _attaching(sentence)
        if act:
            found.append((start, end, start + act[0], start + act[1]))
    return tuple(found)


def _attaching(sentence: str) -> tuple[int, int] | None:
    """Where a sentence sends a document along with the email ("I attach my CV"), or None."""
    if not _may_be_attaching(sentence):
        return None
    act = _ATTACHING.search(sentence)
    if act is None or _NOT_ATTACHING.search(sentence[: act.start()]):
        return None  # nothing sent, or "I have not attached anything here"
    if _DOCUMENT.search(sentence) or _ATTACHED_PRONOUN.search(sentence):
        return act.span()
    return None


@register("unrequested-attachment")
def unrequested_attachment(doc, ctx):
    hits = []
    for offset, paragraph in doc.paragraphs:
        for start, end, act_start, act_end in _ATTACHMENTS.recall(paragraph, _attachments_in, paragraph):
            if doc.is_own(offset + start, offset + end):
                hits.append((offset + act_start, offset + act_end))
    if hits and not _REQUESTED.search(doc.text, 0, doc.own_end):
        for start, end in hits:
            yield Hit("unrequested-attachment", start, end)


@register("visa-status-missing")
def visa_status_missing(doc, ctx):
    if ctx.applicant_type != "us-img" or ctx.phase not in rulebook.early_phases():
        return
    lines = _body_lines(doc)
    if not lines or _VISA_STATED.search(doc.text, 0, doc.own_end):
        return
    # Point at the greeting line, or the first line: the statement belongs near the top.
    start, end = _strip_span(doc, *lines[0])
    yield Hit("visa-status-missing", start, min(end, start + 60))
