"""Retold sentences: in received mode, the applicant telling what a program said to them.

A program's message speaks as "we" to "you". An applicant who pastes what a program told them on
the phone writes "The coordinator told me they would rank me highly if I promised to rank them
first": read with the received roles, that "I" would be the program and "they" someone else. A
sentence is retold when a program's person (he, she, they, a program's role, a name) tells, asks
or offers the writer something ("told me", "called me and said", "asked me whether I") and the
sentence says neither "you" nor "we" outside quotation marks (a coordinator's "Dr. Hale asked me to
check whether you intend to rank our program" speaks for the program); in the sentence after a retold
one, a program's person telling is enough ("He said to send the assurance by email only"). A
retold sentence is read with the `retold` roles of vocabulary.json, and what the program's person
says in it, in its own words or in quotation marks, is the program's act.
"""

from __future__ import annotations

from .sentence import Reading

# What a program's person does when the writer retells it: tells, asks, offers.
NARRATING = frozenset((
    "told", "tells", "tell", "said", "says", "say", "asked", "asks", "ask", "called", "calls", "phoned", "rang",
    "texted", "emailed", "e-mailed", "messaged", "wrote", "writes", "mentioned", "mentions", "offered", "offers",
    "promised", "promises", "wanted", "wants", "hinted", "implied", "explained", "insisted", "pushed", "pressed",
    "suggested", "suggests", "informed", "assured", "guaranteed", "contacted", "kept", "reached", "pulled",
))

# Program's people: who may be telling the writer something.
_ACTORS = ("THIRD_PERSON", "PROGRAM_NOUN", "NAME")
_ACTOR_WORDS = frozenset((
    "chief", "chiefs", "resident", "residents", "interviewer", "interviewers", "chair", "chairman", "attending",
    "doctor", "someone", "somebody",
))


def retells(reading: Reading, program_voice: bool, after_retold: bool) -> bool:
    """Whether a received sentence is the writer retelling what a program's person said to them.
    `program_voice`: the sentence says "you" or "we" outside quotation marks, as a program writing
    to the applicant does; `after_retold`: the sentence before was retold."""
    if program_voice:
        return False
    words = reading.texts
    writer = reading.spans.get("FIRST_SG", ())
    ends = [end for concept in _ACTORS for _, end in reading.spans.get(concept, ())]
    ends += [index + 1 for index, word in enumerate(words) if word in _ACTOR_WORDS]
    for end in ends:
        for index in range(end, min(end + 3, len(words))):
            if words[index] in NARRATING:
                if after_retold or any(start > index for start, _ in writer):
                    return True
                break
    return False
