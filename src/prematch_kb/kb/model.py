"""The knowledge base as typed objects, after validation and cross-reference resolution.

Nothing here knows about YAML or MkDocs: the loader builds these objects, the compiler and the
handbook read them. The ids the checker understands (modes, severities, applicant types,
recipients, the communication log's directions and kinds) are the checker's own; the knowledge
base reads them from `prematch_kb.checker.public`, its one import from the checker.

Every object remembers the content file (and line) it came from, so pages can link "edit this
page" at the source and errors can say where.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from datetime import date

from prematch_kb.checker import public as checker
from prematch_kb.kb import urls

# Fixed vocabularies; the loader rejects anything else.
# The checker's own ids, defined by the checker (its only seam: prematch_kb.checker.public).
SEVERITIES = checker.SEVERITIES
CHECK_MODES = checker.MODES
APPLICANT_TYPES = checker.APPLICANT_TYPES
RECIPIENTS = checker.RECIPIENTS
LOG_DIRECTIONS = checker.LOG_DIRECTIONS  # a communication log entry's direction, kind, and the
LOG_KINDS = checker.LOG_KINDS  # [Placeholders] each log-based category's message may name
LOG_DRAFT_KINDS = checker.LOG_DRAFT_KINDS  # the kinds a draft may be (not those only a program sends)
LOG_MESSAGE_FIELDS = checker.LOG_MESSAGE_FIELDS
BINDS = ("applicant", "program", "both")
# What a rule asks: that someone do something, not do it, that they may do it, or nothing (it
# explains how the Match works). Also the order rules are listed in.
RULE_ASKS = ("may", "do", "dont", "fact")
# Where a rule comes from: a clause of a Match agreement or a match's own binding policy
# ("match-rule"), a norm of NRMP's Match Codes of Conduct, which NRMP offers as a guide rather than
# as agreement terms ("code-of-conduct"), or a recommendation or professional practice ("practice").
RULE_KINDS = ("match-rule", "code-of-conduct", "practice")
# How the site and the handbook name them.
BINDS_LABELS = {"applicant": "Applicants", "program": "Programs", "both": "Applicants and programs"}
RULE_ASKS_HEADINGS = {"may": "What is allowed", "do": "What to do", "dont": "What not to do",
                      "fact": "How the Match works"}
RULE_KIND_LABELS = {"match-rule": "Match rule", "code-of-conduct": "Code of Conduct norm",
                    "practice": "Professional practice"}
# What each kind is, in one or two sentences (the rules index and the handbook's rules chapter).
RULE_KIND_NOTES = {
    "match-rule": "Clauses of the Match Participation Agreements and policies binding on a match's "
                  "participants. Breaking one can lead to an NRMP investigation.",
    "code-of-conduct": "Norms of NRMP's Match Codes of Conduct for applicants and for programs. NRMP "
                       "offers the Codes as a guide to professional conduct; they are not clauses of "
                       "the agreement.",
    "practice": "Recommendations from NRMP, the AAMC and specialty organisations, and professional "
                "practice. Nobody enforces them, but programs notice.",
}
GUIDE_KINDS = ("how-to", "explanation", "tutorial", "reference")
# What a specialty's program directors' organisation says about one kind of contact. "no-policy":
# nothing published was found (the policy's `searched` date says when someone looked).
POLICY_STANCES = ("allowed", "discouraged", "forbidden", "no-policy")
POLICY_TOPICS = ("post_interview_contact", "thank_you_notes", "second_looks", "first_choice_letters")
# How pages and the handbook name them.
POLICY_LABELS = {
    "post_interview_contact": "Contact after the interview",
    "thank_you_notes": "Thank-you notes",
    "second_looks": "Second looks",
    "first_choice_letters": "First-choice letters",
}
# Whose contact a policy's stance on a topic covers (communication_policy.contact_by), and how that
# is said after the stance: "Discouraged for programs' messages".
CONTACT_BY = ("applicants", "programs", "both")
CONTACT_BY_LABELS = {"applicants": "for applicants' messages", "programs": "for programs' messages",
                     "both": "for messages either way"}
STANCE_LABELS = {
    "allowed": "Allowed",
    "discouraged": "Discouraged",
    "forbidden": "Not allowed",
    "no-policy": "No published policy",
}

# Checker categories (fixed ids: the checker implements each one). The rule a category's findings
# link to is its `rule:` in content/checks/<category>.yml. The last three read a draft against the
# applicant's communication log (checker.commlog); their examples carry that log (LogContext).
CHECK_CATEGORIES = (
    "binding-commitment", "reciprocal-ranking", "rank-inquiry", "outside-match-offer", "placeholder",
    "first-choice-claim", "status-nudge", "special-treatment", "pressure", "other-program-leverage",
    "informal-tone", "over-apology", "program-rank-inquiry", "program-other-programs-inquiry",
    "program-commitment-request", "program-outside-match-offer", "missing-salutation",
    "missing-sign-off", "missing-identity", "too-long", "unrequested-attachment",
    "visa-status-missing", "second-first-choice", "cadence", "reply-due", "specialty-policy",
)


# How near a stronger category's finding must be for a weaker one to go unreported (`Outrank`).
OUTRANK_REACHES = checker.OUTRANK_REACHES


@dataclass(frozen=True)
class Outrank:
    """A category reported instead of another where both are found near each other: "if I rank
    you first, will you rank me?" is a bargain, reported as one, not also as a first-choice claim."""

    category: str  # the weaker category, not reported
    within: str  # one of OUTRANK_REACHES
    line: int = 1  # where it is written, for problems found across files


@dataclass(frozen=True)
class Origin:
    """Where a piece of content was written: a path relative to the content root, and a line."""

    path: str
    line: int = 1


@dataclass(frozen=True)
class Source:
    """A citable document. Defined once in sources.yml; everything else cites it by id."""

    id: str
    title: str
    publisher: str
    url: str
    checked: date
    primary: bool
    note: str = ""
    origin: Origin = Origin("sources.yml")


@dataclass(frozen=True)
class Citation:
    """A reference to a source, optionally narrowed to a section."""

    source: Source
    section: str = ""
    # False: the section was named from a quotation or an older version, not read in the current
    # text; shown with a "verify" mark.
    confirmed: bool = True


@dataclass(frozen=True)
class Fact:
    """A statement that needs a source. Unconfirmed facts are rendered with a visible 'verify' mark."""

    text: str  # Markdown
    citations: tuple[Citation, ...] = ()
    confirmed: bool = True


@dataclass
class Rule:
    id: str
    title: str
    binds: str  # one of BINDS
    asks: str  # one of RULE_ASKS
    kind: str  # one of RULE_KINDS: an agreement clause, a Code of Conduct norm, or a practice
    summary: str  # one sentence, plain text
    statement: str  # Markdown
    why: str  # Markdown
    safe_phrasings: tuple[str, ...]
    risky_phrasings: tuple[str, ...]
    citations: tuple[Citation, ...]
    reviewed: date
    related: tuple[str, ...] = ()  # rule ids
    origin: Origin = Origin("")

    @property
    def url(self) -> str:
        return urls.page_url("rule", self.id)

    @property
    def badge(self) -> RuleBadge:
        return rule_badge(self.asks, self.kind, self.binds)


@dataclass(frozen=True)
class RuleBadge:
    """The mark shown beside a rule on the site and in the handbook: who it binds and what it asks
    of them, as strongly as its kind allows: "must" for a Match rule only; "should" for a Code of
    Conduct norm (NRMP offers its Codes as a guide, not as agreement terms) and for a practice."""

    tone: str  # "may", "must", "should", "must-not", "should-not" or "fact": the badge's colour
    label: str  # "You should", "Programs must not", "Neither side may", "How the Match works"


_WHO = {"applicant": "You", "program": "Programs", "both": "Both sides"}


def rule_badge(asks: str, kind: str, binds: str) -> RuleBadge:
    """The badge of a rule that `asks` (RULE_ASKS) of whom it `binds` (BINDS), given its `kind`."""
    if asks == "fact":
        return RuleBadge("fact", "How the Match works")
    if asks == "may":
        return RuleBadge("may", "Either side may" if binds == "both" else f"{_WHO[binds]} may")
    strength = "must" if kind == "match-rule" else "should"
    if asks == "do":
        return RuleBadge(strength, f"{_WHO[binds]} {strength}")
    if binds == "both":
        return RuleBadge(f"{strength}-not", "Neither side may" if strength == "must" else "Neither side should")
    return RuleBadge(f"{strength}-not", f"{_WHO[binds]} {strength} not")


@dataclass(frozen=True)
class LogContext:
    """What a check example of a log-based category is read against: the communication log so far
    and the draft's program and kind (the `prematch_kb.checker.commlog` vocabulary)."""

    program: str  # the program the draft is written to
    entries: tuple[dict, ...] = ()  # log entries in the log's JSON entry shape (dates as YYYY-MM-DD)
    kind: str = ""  # what the draft is (a log kind); "" when not said
    specialty: str = ""  # the specialty the draft is checked for (Specialty.id); "" when not said


@dataclass
class Check:
    """One checker category: how the checker words a finding, and the examples that pin it down."""

    category: str  # fixed id, e.g. "binding-commitment"
    rule: str  # Rule.id
    mode: str  # one of CHECK_MODES
    severity: str  # one of SEVERITIES
    title: str
    message: str  # plain text, one sentence
    explanation: str  # Markdown
    suggestions: tuple[str, ...]
    reply: str  # received mode: a reply the applicant can send ("" in draft mode)
    flags: tuple[str, ...]  # texts the checker must flag with this category
    passes: tuple[str, ...]  # texts the checker must not flag with this category
    origin: Origin = Origin("")
    # The log each example is read against, index for index with flags/passes; None (or an empty
    # tuple for all) means a plain text checked on its own.
    flag_logs: tuple[LogContext | None, ...] = ()
    pass_logs: tuple[LogContext | None, ...] = ()
    outranks: tuple[Outrank, ...] = ()

    def examples(self):
        """Every example as (expected, text, log context or None); expected is "flag" or "pass"."""
        for expected, texts, logs in (("flag", self.flags, self.flag_logs), ("pass", self.passes, self.pass_logs)):
            for index, text in enumerate(texts):
                yield expected, text, logs[index] if index < len(logs) else None


@dataclass
class CycleDate:
    id: str
    label: str
    date: _dt.date
    confirmed: bool
    phase: str  # Phase.id
    citations: tuple[Citation, ...] = ()
    note: str = ""
    origin: Origin = Origin("")
    # A point where one part of the season ends and the next begins ("the day after Match Day"),
    # kept for the stages: not an event, so never listed, printed or put in a calendar as one.
    boundary: bool = False

    def passed_unconfirmed(self, today: _dt.date) -> bool:
        """A date in the past that no primary source ever confirmed: not a fact, and no longer an
        expectation either."""
        return not self.confirmed and self.date < today


@dataclass(frozen=True)
class Stage:
    """A stage of the season: it starts at one of the cycle's dates (plus some days) and runs until
    the next stage starts. Phases overlap in real life (in November one applicant answers
    invitations, interviews and writes thank-you notes), so a stage lists every phase current
    during it, the main one first. kb.season turns stages into dated spans."""

    phases: tuple[str, ...]  # Phase ids
    starts_at: str = ""  # CycleDate.id; "" only for the first stage, which starts with the cycle's first date
    offset_days: int = 0  # days after that date (1: the day after a deadline)
    origin: Origin = Origin("")


@dataclass
class Cycle:
    id: str  # e.g. "2027"
    title: str  # e.g. "2027 Main Residency Match"
    dates: tuple[CycleDate, ...]
    calendars: tuple[Citation, ...]  # official calendars to check
    reviewed: date
    origin: Origin = Origin("")
    stages: tuple[Stage, ...] = ()  # in date order

    @property
    def events(self) -> tuple[CycleDate, ...]:
        """The dates that are events (every date but the stages' boundaries), in date order."""
        return tuple(sorted((d for d in self.dates if not d.boundary), key=lambda d: (d.date, d.id)))


@dataclass
class Phase:
    id: str
    order: int
    title: str
    window: str  # plain-language window, e.g. "June to September"
    summary: str
    goals: tuple[str, ...]
    send: tuple[str, ...]
    avoid: tuple[str, ...]
    templates: tuple[str, ...]  # Template ids
    rules: tuple[str, ...]  # Rule ids
    body: str = ""  # Markdown
    # An early phase: before interviews, when a program reads the application without having met
    # the applicant; a US-citizen IMG's email should then say they need no visa (the checker's
    # visa-status check runs in these phases). The early phases are the first ones of the season.
    early: bool = False
    origin: Origin = Origin("")


@dataclass
class Profile:
    id: str  # one of APPLICANT_TYPES
    title: str
    summary: str
    body: str  # Markdown
    facts: tuple[Fact, ...]
    templates: tuple[str, ...]
    rules: tuple[str, ...]
    reviewed: date
    origin: Origin = Origin("")


@dataclass(frozen=True)
class CommunicationPolicy:
    """What a specialty's program directors' organisation publishes about contact after the
    interview. Kept flat and small so the checker and the plan can read it: one stance from
    POLICY_STANCES per topic of POLICY_TOPICS, plus where it comes from and when it applies."""

    organisation: str  # who would publish it, e.g. "AAIM (Alliance for Academic Internal Medicine)"
    post_interview_contact: str
    thank_you_notes: str
    second_looks: str
    first_choice_letters: str
    searched: date  # the day the organisation's pages were last searched
    signals: str = ""  # short plain text, e.g. "3 gold and 12 silver (2025-26 ERAS season)"
    season: str = ""  # the recruitment season the policy was written for; "" when none was found
    summary: str = ""  # Markdown: the policy in plain words
    citations: tuple[Citation, ...] = ()
    confirmed: bool = True  # False: read only in a copy or a secondary report; shown with "verify"
    # Whose contact each topic's stance covers (topic -> one of CONTACT_BY); a topic left out is
    # not said. AAIM, for one, discourages programs' post-interview messages, not applicants'.
    contact_by: dict[str, str] = field(default_factory=dict)

    @property
    def found(self) -> bool:
        """Whether any published policy was found (at least one topic is not 'no-policy')."""
        return any(self.stance(topic) != "no-policy" for topic in POLICY_TOPICS)

    def stance(self, topic: str) -> str:
        return getattr(self, topic)

    def position(self, topic: str) -> str:
        """The stance on a topic as pages print it, with whose contact it covers when that is said:
        "Discouraged for programs' messages"."""
        label = STANCE_LABELS[self.stance(topic)]
        whose = self.contact_by.get(topic, "")
        return f"{label} {CONTACT_BY_LABELS[whose]}" if whose in CONTACT_BY_LABELS else label

    def to_dict(self) -> dict:
        """The plain shape other tools (the checker, the plan) read."""
        return {
            "organisation": self.organisation,
            **{topic: self.stance(topic) for topic in POLICY_TOPICS},
            "signals": self.signals,
            "season": self.season,
            "searched": self.searched.isoformat(),
            "confirmed": self.confirmed,
            "contact_by": dict(sorted(self.contact_by.items())),
            "sources": [c.source.url for c in self.citations],
        }


@dataclass
class Specialty:
    id: str
    name: str
    summary: str
    match: str  # which match places residents, e.g. "NRMP Main Residency Match"
    application_service: str  # e.g. "ERAS", "ResidencyCAS"
    pre_match_offers: str  # Markdown: what the match used means for offers outside it
    facts: tuple[Fact, ...]
    body: str  # Markdown (full playbook for the seed specialties)
    phases: tuple[str, ...]
    templates: tuple[str, ...]
    rules: tuple[str, ...]
    reviewed: date
    origin: Origin = Origin("")
    signals: str = ""  # short plain text for the comparison table, e.g. "Yes, 5 gold and 15 silver (2025 ERAS)"
    thank_you: str = ""  # short plain text: the specialty's norm on thank-you notes
    communication_policy: CommunicationPolicy | None = None  # None only when it could not be read

    @property
    def url(self) -> str:
        return urls.page_url("specialty", self.id)


@dataclass(frozen=True)
class Placeholder:
    name: str  # as written in the body between square brackets, e.g. "Program Name"
    description: str
    example: str


@dataclass
class Template:
    id: str
    title: str
    purpose: str
    phases: tuple[str, ...]
    audience: tuple[str, ...]  # RECIPIENTS
    applicant_types: tuple[str, ...]  # APPLICANT_TYPES it suits (all when empty)
    subject: str
    body: str  # plain text with [Placeholder Name] markers
    placeholders: tuple[Placeholder, ...]
    do: tuple[str, ...]
    dont: tuple[str, ...]
    rules: tuple[str, ...]
    reviewed: date
    origin: Origin = Origin("")

    @property
    def url(self) -> str:
        return urls.page_url("template", self.id)


@dataclass
class Guide:
    """A hand-written Markdown page with front matter (networking guide, how-tos, explanations)."""

    id: str
    title: str
    kind: str  # "how-to" | "explanation" | "tutorial" | "reference"
    summary: str
    body: str
    rules: tuple[str, ...]
    templates: tuple[str, ...]
    reviewed: date
    origin: Origin = Origin("")


@dataclass
class Mistake:
    id: str
    title: str
    why: str
    instead: str
    rules: tuple[str, ...]
    templates: tuple[str, ...]


@dataclass
class Checklist:
    id: str
    title: str
    phase: str
    items: tuple[str, ...]


@dataclass
class FaqEntry:
    id: str
    question: str
    answer: str  # Markdown
    rules: tuple[str, ...]
    citations: tuple[Citation, ...]


@dataclass
class GlossaryTerm:
    id: str
    term: str
    expansion: str
    definition: str  # Markdown
    citations: tuple[Citation, ...]


@dataclass
class Collection:
    """A content file holding a list of small entries (mistakes, checklists, FAQ, glossary)."""

    title: str
    intro: str
    reviewed: date
    origin: Origin


@dataclass
class KnowledgeBase:
    root: str
    sources: dict[str, Source]
    rules: dict[str, Rule]
    checks: dict[str, Check]
    cycle: Cycle
    phases: dict[str, Phase]
    profiles: dict[str, Profile]
    specialties: dict[str, Specialty]
    templates: dict[str, Template]
    guides: dict[str, Guide]
    mistakes: tuple[Mistake, ...]
    checklists: tuple[Checklist, ...]
    faq: tuple[FaqEntry, ...]
    glossary: tuple[GlossaryTerm, ...]
    collections: dict[str, Collection] = field(default_factory=dict)  # "mistakes", "faq", ...
