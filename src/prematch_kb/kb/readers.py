"""One reader per kind of content: a FieldReader in, a model object out.

Each reader states the fields of its kind (the same layout as content/README.md); the field
reader checks types and records references, and the loader checks cross-references afterwards.
"""

from __future__ import annotations

import datetime as _dt

from prematch_kb.kb import model as m
from prematch_kb.kb.fields import FieldReader, Reference, describe, did_you_mean
from prematch_kb.kb.links import ID_PATTERN, PLACEHOLDER_PATTERN
from prematch_kb.kb.yamlsource import LocatedDict, LocatedList


def read_source(r: FieldReader) -> m.Source | None:
    source = m.Source(
        id=r.identifier(),
        title=r.text("title"),
        publisher=r.text("publisher"),
        url=r.url("url"),
        checked=r.day("checked"),
        primary=r.boolean("primary"),
        note=r.text("note", required=False),
        origin=m.Origin(r.path_in_content, r.mapping.line),
    )
    return source if source.id else None


def read_rule(r: FieldReader) -> m.Rule:
    rule = m.Rule(
        id=r.identifier(),
        title=r.text("title"),
        binds=r.enum("binds", m.BINDS),
        asks=r.enum("asks", m.RULE_ASKS),
        kind=r.enum("kind", m.RULE_KINDS),
        summary=r.text("summary"),
        statement=r.text("statement", markdown=True),
        why=r.text("why", markdown=True),
        safe_phrasings=r.texts("safe_phrasings", required=True),
        risky_phrasings=r.texts("risky_phrasings", required=True),
        citations=r.citations("sources", required=True),
        related=r.ids("related", "rule"),
        reviewed=r.day("reviewed"),
        origin=m.Origin(r.path_in_content, 1),
    )
    if rule.citations and not any(c.source.primary for c in rule.citations):
        cited = ", ".join(c.source.id for c in rule.citations)
        r.problem("sources", f"expected at least one primary source (primary: true in sources.yml); "
                  f"got only secondary sources: {cited}")
    return rule


def read_check(r: FieldReader) -> m.Check:
    category = r.enum("category", m.CHECK_CATEGORIES)
    rule = r.text("rule")
    if rule:
        r.ctx.references.append(Reference("rule", rule, r.path, r.value_line("rule"), r.name("rule")))
    flags: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    flag_logs: tuple[m.LogContext | None, ...] = ()
    pass_logs: tuple[m.LogContext | None, ...] = ()
    examples = r.mapping_field("examples")
    if examples is not None:
        flags, flag_logs = _read_examples(examples, "flag")
        passes, pass_logs = _read_examples(examples, "pass")
        for key, found in (("flag", flags), ("pass", passes)):
            if examples.has(key) and len(found) < 2:
                examples.problem(key, f"expected at least two '{key}' examples; got {len(found)}")
        examples.finish()
    message = r.text("message")
    _check_message_fields(r, category, message)
    return m.Check(
        category=category,
        rule=rule,
        mode=r.enum("mode", m.CHECK_MODES),
        severity=r.enum("severity", m.SEVERITIES),
        title=r.text("title"),
        message=message,
        explanation=r.text("explanation", markdown=True),
        suggestions=r.texts("suggestions"),
        reply=r.text("reply", required=False),
        flags=flags,
        passes=passes,
        origin=m.Origin(r.path_in_content, 1),
        flag_logs=flag_logs if any(flag_logs) else (),
        pass_logs=pass_logs if any(pass_logs) else (),
        outranks=_read_outranks(r, category),
    )


def _read_outranks(r: FieldReader, category: str) -> tuple[m.Outrank, ...]:
    """The categories this one is reported instead of, each {category, within}; whether they
    share its mode and form no cycle is checked across files (`loader.check_outranks`)."""
    items = r._list("outranks", required=False) or LocatedList()
    found: list[m.Outrank] = []
    for index, item in enumerate(items):
        name = f"outranks[{index}]"
        if not isinstance(item, LocatedDict):
            r.problem(name, f"expected a mapping with category and within; got {describe(item)}",
                      items.item_lines[index])
            continue
        child = FieldReader(r.ctx, r.path, item, r.name(f"{name}."), r.path_in_content)
        weaker = child.enum("category", m.CHECK_CATEGORIES)
        within = child.enum("within", m.OUTRANK_REACHES)
        child.finish()
        if weaker == category:
            r.problem(name, f"a category cannot outrank itself; got {weaker!r}", items.item_lines[index])
        elif weaker and within:
            found.append(m.Outrank(weaker, within, items.item_lines[index]))
    return tuple(found)


def _check_message_fields(r: FieldReader, category: str, message: str) -> None:
    """A log-based category's message may name the log's details as [Placeholders]: only known ones."""
    known = m.LOG_MESSAGE_FIELDS.get(category)
    if known is None:
        return
    for match in PLACEHOLDER_PATTERN.finditer(message):
        if match[1] not in known:
            r.problem("message", f"unknown placeholder [{match[1]}]; category '{category}' fills only "
                      + ", ".join(f"[{name}]" for name in known) + did_you_mean(match[1], known),
                      r.value_line("message"))


def _read_examples(examples: FieldReader, key: str) -> tuple[tuple[str, ...], tuple[m.LogContext | None, ...]]:
    """A list of examples, each a text, or a mapping {text, program, kind, log} for a category
    that reads the draft against the communication log."""
    items = examples._list(key, required=True) or LocatedList()
    texts: list[str] = []
    logs: list[m.LogContext | None] = []
    for index, item in enumerate(items):
        line = items.item_lines[index]
        name = f"{key}[{index}]"
        if isinstance(item, LocatedDict):
            child = FieldReader(examples.ctx, examples.path, item, examples.name(f"{name}."),
                                examples.path_in_content)
            text, context = _read_log_example(child)
            child.finish()
        elif isinstance(item, str) and item.strip():
            text, context = item, None
        elif isinstance(item, str):
            examples.problem(name, "expected non-empty text; got an empty string", line)
            continue
        else:
            examples.problem(name, "expected text, or a mapping with text, program, kind and log; got "
                             + describe(item), line)
            continue
        if text:
            texts.append(text)
            logs.append(context)
    return tuple(texts), tuple(logs)


def _read_log_example(r: FieldReader) -> tuple[str, m.LogContext | None]:
    text = r.text("text")
    specialty = r.text("specialty", required=False)
    if specialty:
        line, name = r.value_line("specialty"), r.name("specialty")
        r.ctx.references.append(Reference("specialty", specialty, r.path, line, name))
    # With a specialty alone, the example is checked in that specialty's context, without a log.
    program = r.text("program", required=not specialty or r.has("log"))
    kind = r.enum("kind", m.LOG_DRAFT_KINDS, required=False)

    def read_entry(entry: FieldReader) -> dict:
        return {
            "program": entry.text("program"),
            "date": entry.day("date").isoformat(),
            "direction": entry.enum("direction", m.LOG_DIRECTIONS),
            "kind": entry.enum("kind", m.LOG_KINDS),
            "first_choice_claim": entry.boolean("first_choice_claim", required=False),
            "note": entry.text("note", required=False),
        }

    entries = tuple(r.objects("log", read_entry)) if program else ()
    return text, m.LogContext(program, entries, kind, specialty)


def read_phase(r: FieldReader) -> m.Phase | None:
    phase = m.Phase(
        id=r.identifier(),
        order=r.integer("order"),
        title=r.text("title"),
        window=r.text("window"),
        summary=r.text("summary"),
        goals=r.texts("goals", markdown=True),
        send=r.texts("send", markdown=True),
        avoid=r.texts("avoid", markdown=True),
        templates=r.ids("templates", "template"),
        rules=r.ids("rules", "rule"),
        body=r.text("body", required=False, markdown=True),
        early=r.boolean("early", required=False),
        origin=m.Origin(r.path_in_content, r.mapping.line),
    )
    return phase if phase.id else None


def read_cycle_date(r: FieldReader) -> m.CycleDate | None:
    confirmed = r.boolean("confirmed")
    item = m.CycleDate(
        id=r.identifier(),
        label=r.text("label"),
        date=r.day("date"),
        confirmed=confirmed,
        phase=r.reference("phase", "phase"),
        citations=r.citations("sources", required=confirmed),
        note=r.text("note", required=False, markdown=True),
        origin=m.Origin(r.path_in_content, r.mapping.line),
        boundary=r.boolean("boundary", required=False),
    )
    return item if item.id else None


def read_cycle(r: FieldReader) -> m.Cycle:
    dates = tuple(r.objects("dates", _date_reader(), required=True))
    r.note_unread_entries("dates", "date")
    return m.Cycle(
        id=r.identifier(),
        title=r.text("title"),
        reviewed=r.day("reviewed"),
        calendars=r.citations("calendars", required=True),
        dates=dates,
        stages=tuple(r.objects("stages", _stage_reader(dates), required=True)),
        origin=m.Origin(r.path_in_content, 1),
    )


def _date_reader():
    """Read dates, reporting a repeated id at the repeat (naming the first); a date whose id
    cannot be read leaves the stages' starts_at unchecked instead of wrongly unknown."""
    first_lines: dict[str, int] = {}

    def read(r: FieldReader) -> m.CycleDate | None:
        item = read_cycle_date(r)
        if item is None:
            r.ctx.could_not_read("date", r.path, r.line("id"), f"the id of {r.prefix.rstrip('.')} could not be read")
            return None
        if not ID_PATTERN.match(item.id):  # reported already; stages may use the intended id
            r.ctx.could_not_read("date", r.path, r.line("id"), f"the id of {r.prefix.rstrip('.')} is not a valid id")
        if item.id in first_lines:
            r.problem("id", f"duplicate date id '{item.id}': already defined at {r.path}:{first_lines[item.id]}; "
                      "expected each date once")
        else:
            first_lines[item.id] = r.line("id")
        return item

    return read


MAX_OFFSET_DAYS = 366  # a stage starts within a year of its date; more is a typo


def _stage_reader(dates: tuple[m.CycleDate, ...]):
    """Read stages in order: each starts at one of this file's dates (plus offset_days), later
    than the stage before; only the first may leave starts_at out."""
    by_id = {d.id: d for d in dates}
    first_day = min((d.date for d in dates), default=None)
    previous: list[_dt.date | None] = []  # start of each stage read so far (None when unknown)

    def read(r: FieldReader) -> m.Stage:
        starts_at = r.identifier("starts_at", required=False)
        offset = r.integer("offset_days", required=False)
        phases = r.ids("phases", "phase", required=True)
        listed = r.mapping.get("phases")
        if not isinstance(listed, LocatedList):
            listed = LocatedList()
        for index, phase in enumerate(listed):
            if isinstance(phase, str) and phase in listed[:index]:
                r.problem(f"phases[{index}]", f"phase '{phase}' is listed twice; expected each phase once per stage",
                          listed.item_lines[index])
        if not -MAX_OFFSET_DAYS <= offset <= MAX_OFFSET_DAYS:
            r.problem("offset_days",
                      f"expected a number of days from -{MAX_OFFSET_DAYS} to {MAX_OFFSET_DAYS}; got {offset}")
            offset = 0
        start: _dt.date | None = None
        if starts_at and starts_at not in by_id:
            if not r.ctx.explained_by_unread("date", starts_at):
                r.problem("starts_at", f"expected the id of one of this file's dates; got {starts_at!r}"
                          + did_you_mean(starts_at, tuple(by_id)), r.value_line("starts_at"))
        elif starts_at:
            start = _shifted(by_id[starts_at].date, offset)
        elif previous:
            r.problem("starts_at", "missing required field; only the first stage may leave it out "
                      "(it starts with the cycle's first date)")
        elif offset:
            r.problem("offset_days", "expected starts_at with it; the first stage without starts_at "
                      "starts with the cycle's first date")
        else:
            start = first_day
        before = next((day for day in reversed(previous) if day is not None), None)
        if start is not None and before is not None and start <= before:
            r.problem("starts_at" if starts_at else "phases",
                      f"expected a start after the stage before ({before.isoformat()}); got {start.isoformat()}. "
                      "List stages in date order", r.value_line("starts_at") if starts_at else None)
        previous.append(start)
        return m.Stage(phases=phases, starts_at=starts_at, offset_days=offset,
                       origin=m.Origin(r.path_in_content, r.mapping.line))

    return read


def _shifted(day: _dt.date, offset: int) -> _dt.date | None:
    try:
        return day + _dt.timedelta(days=offset)
    except OverflowError:  # a bad date (already reported) read as date.min
        return None


def read_profile(r: FieldReader) -> m.Profile:
    return m.Profile(
        id=r.enum("id", m.APPLICANT_TYPES),
        title=r.text("title"),
        summary=r.text("summary"),
        body=r.text("body", markdown=True),
        facts=r.facts(),
        templates=r.ids("templates", "template"),
        rules=r.ids("rules", "rule"),
        reviewed=r.day("reviewed"),
        origin=m.Origin(r.path_in_content, 1),
    )


def read_specialty(r: FieldReader) -> m.Specialty:
    return m.Specialty(
        id=r.identifier(),
        name=r.text("name"),
        summary=r.text("summary"),
        match=r.text("match"),
        application_service=r.text("application_service"),
        pre_match_offers=r.text("pre_match_offers", markdown=True),
        facts=r.facts(),
        body=r.text("body", required=False, markdown=True),
        phases=r.ids("phases", "phase"),
        templates=r.ids("templates", "template"),
        rules=r.ids("rules", "rule"),
        reviewed=r.day("reviewed"),
        signals=r.text("signals", required=False),
        thank_you=r.text("thank_you", required=False),
        communication_policy=_read_policy(r),
        origin=m.Origin(r.path_in_content, 1),
    )


def _read_policy(r: FieldReader) -> m.CommunicationPolicy | None:
    """A specialty's communication_policy: one stance per topic, the organisation, the day its pages
    were searched and, once anything was found, the season and a primary source."""
    policy = r.mapping_field("communication_policy")
    if policy is None:
        return None
    stances = {topic: policy.enum(topic, m.POLICY_STANCES) for topic in m.POLICY_TOPICS}
    found = any(stance not in ("", "no-policy") for stance in stances.values())
    confirmed = policy.boolean("confirmed", required=False, default=True)
    citations = policy.citations("sources", required=found)
    season = policy.text("season", required=found)
    contact_by = _read_contact_by(policy, stances)
    if found and confirmed and citations and not any(c.source.primary for c in citations):
        policy.problem("sources", "expected a primary source for a confirmed policy "
                       "(or mark it confirmed: false); got only secondary sources")
    result = m.CommunicationPolicy(
        organisation=policy.text("organisation"),
        searched=policy.day("searched"),
        signals=policy.text("signals", required=False),
        season=season,
        summary=policy.text("summary", required=False, markdown=True),
        citations=citations,
        confirmed=confirmed,
        contact_by=contact_by,
        **stances,
    )
    policy.finish()
    return result


def _read_contact_by(policy: FieldReader, stances: dict[str, str]) -> dict[str, str]:
    """communication_policy.contact_by (optional): for some topics, whose contact the stance covers
    (applicants, programs or both). A topic must be one of POLICY_TOPICS with a published stance."""
    mapping = policy.mapping_field("contact_by", required=False)
    if mapping is None:
        return {}
    out = {}
    for topic in m.POLICY_TOPICS:
        who = mapping.enum(topic, m.CONTACT_BY, required=False)
        if not who:
            continue
        if stances.get(topic) in ("", "no-policy"):
            mapping.problem(topic, f"expected a topic with a published stance; {topic} is "
                            f"{stances.get(topic) or 'not set'}")
            continue
        out[topic] = who
    mapping.finish()
    return out


def read_placeholder(r: FieldReader) -> m.Placeholder:
    return m.Placeholder(name=r.text("name"), description=r.text("description"), example=r.text("example"))


def read_template(r: FieldReader) -> m.Template:
    declared: list[tuple[m.Placeholder, FieldReader]] = []  # each with its entry, for exact lines

    def read_declared(entry: FieldReader) -> m.Placeholder:
        placeholder = read_placeholder(entry)
        declared.append((placeholder, entry))
        return placeholder

    template = m.Template(
        id=r.identifier(),
        title=r.text("title"),
        purpose=r.text("purpose"),
        phases=r.ids("phases", "phase", required=True),
        audience=r.enums("audience", m.RECIPIENTS, required=True),
        applicant_types=r.enums("applicant_types", m.APPLICANT_TYPES),
        subject=r.text("subject"),
        body=r.text("body"),
        placeholders=tuple(r.objects("placeholders", read_declared)),
        do=r.texts("do", markdown=True),
        dont=r.texts("dont", markdown=True),
        rules=r.ids("rules", "rule"),
        reviewed=r.day("reviewed"),
        origin=m.Origin(r.path_in_content, 1),
    )
    _check_placeholders(r, template, declared)
    return template


def _check_placeholders(r: FieldReader, template: m.Template,
                        entries: list[tuple[m.Placeholder, FieldReader]]) -> None:
    """Every [Name] used is declared, every declared name is used, each once. Problems about a
    declaration point at its entry's name line."""
    declared: dict[str, FieldReader] = {}
    for placeholder, entry in entries:
        if not placeholder.name:
            continue  # a missing or empty name is reported already
        if placeholder.name in declared:
            entry.problem("name", f"placeholder '{placeholder.name}' declared twice: already declared at "
                          f"{r.path}:{declared[placeholder.name].value_line('name')}; keep one entry",
                          entry.value_line("name"))
        declared.setdefault(placeholder.name, entry)
    for key, text in (("subject", template.subject), ("body", template.body)):
        for match in PLACEHOLDER_PATTERN.finditer(text):
            if match[1] not in declared:
                line = r.value_line(key) + text.count("\n", 0, match.start())
                r.problem(key, f"placeholder [{match[1]}] is used but not declared; expected an entry "
                          f"under placeholders with name: {match[1]}", line)
    used = {match[1] for text in (template.subject, template.body) for match in PLACEHOLDER_PATTERN.finditer(text)}
    for name, entry in declared.items():
        if name not in used:
            entry.problem("name", f"placeholder '{name}' is declared but never used; "
                          f"expected [{name}] in the subject or body, or remove the entry", entry.value_line("name"))


def read_guide(r: FieldReader, body: str, body_line: int) -> m.Guide:
    r.scan_links(body, body_line, "body")
    if not body.strip():
        r.problem("body", "expected Markdown text below the front matter; got nothing", body_line)
    return m.Guide(
        id=r.identifier(),
        title=r.text("title"),
        kind=r.enum("kind", m.GUIDE_KINDS),
        summary=r.text("summary"),
        body=body,
        rules=r.ids("rules", "rule"),
        templates=r.ids("templates", "template"),
        reviewed=r.day("reviewed"),
        origin=m.Origin(r.path_in_content, 1),
    )


def read_collection(r: FieldReader) -> m.Collection:
    return m.Collection(
        title=r.text("title"),
        intro=r.text("intro", markdown=True),
        reviewed=r.day("reviewed"),
        origin=m.Origin(r.path_in_content, 1),
    )


def read_mistake(r: FieldReader) -> m.Mistake | None:
    item = m.Mistake(
        id=r.identifier(),
        title=r.text("title"),
        why=r.text("why", markdown=True),
        instead=r.text("instead", markdown=True),
        rules=r.ids("rules", "rule"),
        templates=r.ids("templates", "template"),
    )
    return item if item.id else None


def read_checklist(r: FieldReader) -> m.Checklist | None:
    item = m.Checklist(
        id=r.identifier(),
        title=r.text("title"),
        phase=r.reference("phase", "phase", required=False),
        items=r.texts("items", required=True, markdown=True),
    )
    return item if item.id else None


def read_faq(r: FieldReader) -> m.FaqEntry | None:
    item = m.FaqEntry(
        id=r.identifier(),
        question=r.text("question"),
        answer=r.text("answer", markdown=True),
        rules=r.ids("rules", "rule"),
        citations=r.citations("sources"),
    )
    return item if item.id else None


def read_glossary_term(r: FieldReader) -> m.GlossaryTerm | None:
    item = m.GlossaryTerm(
        id=r.identifier(),
        term=r.text("term"),
        expansion=r.text("expansion", required=False),
        definition=r.text("definition", markdown=True),
        citations=r.citations("sources"),
    )
    return item if item.id else None
