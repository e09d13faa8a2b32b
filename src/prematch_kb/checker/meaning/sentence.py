"""One sentence read as concepts: which concept spans where, and the scope marks rules consult."""

from __future__ import annotations

from ..memory import Memory
from .lexicon import Lexicon, Token, token_texts, tokenize

Spans = dict[str, list[tuple[int, int]]]  # concept -> [(first token, one past the last)]


class Reading:
    """The tokens of a sentence and the concept spans found in them (roles resolved for the mode)."""

    __slots__ = ("_tokens", "corrected", "judged", "question", "retold", "spans", "text", "texts", "words")

    def __init__(self, text: str, lexicon: Lexicon, mode: str) -> None:
        self.text = text
        self.retold = mode == "retold"  # received mode, the applicant telling what a program said
        texts, written = token_texts(text)
        if self.retold:  # read as the program would have said it: "they ... me" is "we ... you"
            texts = [_AS_THE_PROGRAM_SAID_IT.get(word, word) for word in texts]
        self.texts = texts  # the tokens' texts, as `tokens` holds them (typos not read)
        self._tokens: list[Token] | None = None
        self.corrected: dict[int, str] = {}  # token index -> the word a typo was read as
        self.judged: dict = {}  # rule -> its verdict on this sentence, filled by the rules
        self.spans: Spans = {}
        self.words = frozenset(texts)  # for the patterns' quick test: which literal words occur
        words = texts.copy()  # typos read as the words they are
        spans = self.spans
        starts = lexicon.starts
        count = len(words)
        found = list(map(starts.get, texts))  # what each word starts; None: an unknown word
        acronyms = lexicon.acronyms
        typo_min = lexicon.typo_min
        if not acronyms.isdisjoint(self.words):
            for index, word in enumerate(texts):
                if word in acronyms and _abbreviation(written, index):
                    found[index] = _NOTHING
        for index, entries in enumerate(found):
            if entries is None:
                word = texts[index]
                if written[index][0].isupper() and (index or _opens_with_a_name(words, word)):
                    spans.setdefault("NAME", []).append((index, index + 1))  # "Westbrook", "St. Mary's"
                    continue
                if word.isdigit():
                    spans.setdefault("NUMBER", []).append((index, index + 1))
                    continue
                if len(word) < typo_min:
                    continue  # too short to be read as a typo
                fixed = lexicon.correct(word)
                if fixed is None:
                    continue
                self.corrected[index] = fixed
                words[index] = fixed
                entries = starts.get(fixed)
                if entries is None:
                    continue
            multi, alone = entries
            if multi and index + 1 < count:
                for form, concept in multi.get(words[index + 1], ()):
                    end = index + len(form)
                    if end <= count and (end == index + 2 or tuple(words[index:end]) == form):
                        spans.setdefault(concept, []).append((index, end))
            if alone:
                span = (index, index + 1)
                for concept in alone:
                    spans.setdefault(concept, []).append(span)
        conditions = self.spans.get("CONDITION")
        if conditions:  # "let me know if", "wondering whether": a question's complement, not a condition
            kept = [
                (s, e) for s, e in conditions
                if not (words[s] == "if" and _COMPLEMENT_TAKERS.intersection(words[max(0, s - 3) : s])
                        and not _consequence_after(words, e))
            ]
            if kept:
                self.spans["CONDITION"] = kept
            else:
                del self.spans["CONDITION"]
        for role, concepts in lexicon.roles["received" if self.retold else mode].items():
            present = [spans[concept] for concept in concepts if concept in spans]
            if len(present) == 1:
                spans[role] = sorted(present[0])
            elif present:
                spans[role] = sorted(span for found in present for span in found)
        opening = words[1:] if words and words[0] in _LEADING_WORDS else words  # "so am i in your top 10"
        self.question = "?" in words or bool(opening and opening[0] in _OPENERS and len(opening) > 2
                                             and opening[1] in _SUBJECTS) or _wh_question(opening)
        if self.question:
            self.spans["QUESTION"] = [(0, 0)]  # a mark on the sentence, not on words

    @property
    def tokens(self) -> list[Token]:
        """The tokens with their offsets in the sentence, worked out when first asked for (only
        where a rule matches, or a check asks about given words)."""
        if self._tokens is None:
            self._tokens = tokenize(self.text)
        return self._tokens

    def has(self, concept: str) -> bool:
        return concept in self.spans


# A retold sentence's writer is the "you" the program spoke to, and the program's people its "we".
_AS_THE_PROGRAM_SAID_IT = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "i'm": "you're", "im": "you're",
    "i'll": "you'll", "i'd": "you'd", "i've": "you've",
    "he": "we", "she": "we", "they": "we", "him": "us", "her": "us", "them": "us", "his": "our", "their": "our",
    "sir": "we", "madam": "we", "himself": "ourselves", "herself": "ourselves", "themselves": "ourselves",
}


# What an abbreviation ("IM", "US") starts: no form and no concept.
_NOTHING: tuple[dict, tuple[str, ...]] = ({}, ())

# A sentence that opens with an auxiliary and a subject asks even without its question mark
# ("Would you consider offering me a contract").
# ("Should your committee rank me ...", "Were it known ...", "Had I known ..." open conditions, not questions.)
_OPENERS = frozenset((
    "do", "does", "did", "is", "are", "am", "will", "would", "could", "can", "may", "might", "have", "has",
    "shall",
))
def _opens_with_a_name(words, word: str) -> bool:
    """An unknown capitalised first word is a name when a verb follows it ("Westmoor will be
    listed first", "Brookfield has offered me ..."); otherwise it is just the sentence's first word."""
    return len(word) > 2 and word not in _COMMON_OPENERS and len(words) > 1 and words[1] in _NAME_FOLLOWERS


_NAME_FOLLOWERS = frozenset((
    "is", "was", "will", "would", "has", "have", "had", "remains", "stays", "offered", "told", "ranked", "ranks",
    "sits", "can", "could", "should", "may", "might", "must", "does", "did", "said", "says", "wants", "promised",
    "invited", "asked", "made", "gave", "guaranteed", "assured", "extended",
))
# First words that are no name even before a verb ("Thanks has ..." is rare; "Everyone has ...").
_COMMON_OPENERS = frozenset((
    "everyone", "everybody", "someone", "somebody", "nobody", "noone", "anyone", "anybody", "nothing",
    "something", "everything", "this", "that", "these", "those", "there", "here", "what", "which", "who",
    "it", "he", "she", "they", "we", "you", "one", "each", "all", "both", "either", "neither", "none",
    "time", "today", "tomorrow", "yesterday",
))


def _abbreviation(written: list[str], index: int) -> bool:
    """A word written in capitals is an abbreviation unless its neighbours are in capitals too
    ("IM programs" is internal medicine; "PLEASE RANK US FIRST" is shouting). `written`: the
    sentence's tokens as written."""
    if not written[index].isupper():
        return False
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(written):
            word = written[neighbour]
            if len(word) > 1 and word.isalpha() and word.isupper():
                return False
    return True


def _wh_question(words) -> bool:
    """ "How many interviews do you have lined up", "where will you rank us": a question word, then
    an auxiliary and a subject within a few words, asks even without its question mark."""
    if not words or words[0] not in _WH_OPENERS:
        return False
    reach = range(1, min(len(words) - 1, 6))
    return any(words[i] in _OPENERS and words[i + 1] in _SUBJECTS for i in reach)


_WH_OPENERS = frozenset(("how", "what", "where", "which", "who", "whom", "when", "why"))
_SUBJECTS = frozenset((
    "i", "you", "we", "they", "he", "she", "it", "your", "my", "our", "the", "this", "there", "anyone",
    "someone",
))


_COMPLEMENT_TAKERS = frozenset((
    "know", "knowing", "ask", "asking", "asked", "wonder", "wondering", "wondered", "tell", "see", "check",
    "confirm", "inform", "sure", "clarify", "curious", "learn", "hear", "advise", "update", "share", "indicate",
    "enquire", "inquire", "enquiring", "inquiring",
    "grateful", "appreciate", "obliged", "thankful", "glad", "happy", "delighted",
))


def _consequence_after(words: list[str], start: int) -> bool:
    """Whether the writer's own act follows as a consequence: "let me know if I am ranked to match,
    then I will ...", "... and I'll put you first" (the complement is a condition after all)."""
    for index in range(start, len(words) - 2):
        if words[index] == "then" or (
            words[index] == "and" and words[index + 1] == "i" and words[index + 2] in _WILL
        ):
            return True
    return False


_WILL = frozenset(("will", "'ll", "would", "'d", "shall", "can"))


_LEADING_WORDS = frozenset(("so", "and", "but", "then", "also", "ok", "okay", "well", "now", "hi", "hey"))


# (sentence, mode) -> its reading: while a visitor types, most sentences are unchanged.
_READINGS = Memory(2_000)


def read(text: str, lexicon: Lexicon, mode: str) -> Reading:
    """The reading of a sentence, remembered: readings are never changed after they are made."""
    return _READINGS.recall((text, mode), Reading, text, lexicon, mode)
