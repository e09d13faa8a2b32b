"""Specialty pages and the specialties index with its comparison table."""

from __future__ import annotations

from prematch_kb.compiler import markdown as md
from prematch_kb.compiler import paths
from prematch_kb.compiler.context import RenderContext
from prematch_kb.compiler.facts import render_facts
from prematch_kb.compiler.page import SECTION_SPECIALTIES, Page
from prematch_kb.kb.model import POLICY_LABELS, POLICY_TOPICS, CommunicationPolicy, Specialty


def policy_line(policy: CommunicationPolicy | None) -> str:
    """One short plain-text line for tables: the stance on contact after the interview."""
    if policy is None:
        return ""
    if not policy.found:
        return f"No published policy found (searched on {policy.searched.isoformat()})"
    return f"{policy.position('post_interview_contact')} ({policy.organisation}, {policy.season})"


def render_policy(ctx: RenderContext, here: str, policy: CommunicationPolicy) -> str:
    """The specialty's communication policy: a table of stances, its source, season and search date."""
    organisation = md.text(policy.organisation)
    if not policy.found:
        out = [f"No published policy found (searched on {policy.searched.isoformat()}). We looked for a "
               f"statement from {organisation} on contact after the interview, thank-you notes, second "
               "looks and first-choice letters and found none. Follow each program's own instructions, "
               "and the NRMP rules that apply to every specialty."]
        if policy.summary.strip():
            out += ["", ctx.resolve(policy.summary, here).strip()]
        if policy.signals:
            out += ["", f"Program signals: {md.text(policy.signals)}."]
        if policy.citations:
            out += ["", f"Pages searched: {ctx.cite_all(here, policy.citations)}."]
        return "\n".join(out)
    rows = [[POLICY_LABELS[topic], md.text(policy.position(topic))] for topic in POLICY_TOPICS]
    if policy.signals:
        rows.append(["Program signals", md.text(policy.signals)])
    body = [f"Organisation: {organisation}.", "", md.table(["Topic", "Position"], rows), ""]
    if policy.summary.strip():
        body += [ctx.resolve(policy.summary, here).strip(), ""]
    body += [f"Season: {md.text(policy.season)}. Source: {ctx.cite_all(here, policy.citations)}. "
             f"Organisation's pages last searched on {policy.searched.isoformat()}; a topic marked "
             "\"No published policy\" was not covered by what we found."]
    text = "\n".join(body)
    if not policy.confirmed:
        return md.admonition("warning", "Unconfirmed: verify",
                             "We read this policy only in a copy or a report, not on the organisation's "
                             "own current page. Check it before you rely on it.\n\n" + text)
    return text


def render_specialty_pages(ctx: RenderContext) -> list[Page]:
    specialties = sorted(ctx.kb.specialties.values(), key=lambda s: s.name.lower())
    return [_index(ctx, specialties)] + [_page(ctx, s) for s in specialties]


def _index(ctx: RenderContext, specialties: list[Specialty]) -> Page:
    here = paths.SPECIALTIES_INDEX
    see = "see page"
    rows = [[ctx.link(here, "specialty", s.id), md.text(s.match), md.text(s.application_service),
             md.text(s.signals) if s.signals else see, md.text(s.thank_you) if s.thank_you else see,
             md.text(policy_line(s.communication_policy)) or see]
            for s in specialties]
    out = ["# Specialties", "",
           "Each specialty has its own match, application service and habits. The match a specialty "
           "uses decides what an offer outside it means for you.", "",
           md.heading(2, "Compared", "compared"), "",
           md.table(["Specialty", "Match used", "Application service", "Program signals", "Thank-you notes",
                     "Contact after the interview"], rows), "",
           md.bullets([f"{ctx.link(here, 'specialty', s.id)}: {md.text(s.summary)}" for s in specialties]), ""]
    latest = max((s.reviewed for s in specialties), default=ctx.today)
    out += [ctx.reviewed_line(latest), ""]
    return Page(here, "Specialties", "\n".join(out), "", SECTION_SPECIALTIES, nav_title="All specialties")


def _page(ctx: RenderContext, specialty: Specialty) -> Page:
    here = paths.specialty(specialty.id)
    # Signals and thank-you norms are optional short summaries; without them the facts below say more.
    columns = [("Match used", specialty.match), ("Application service", specialty.application_service),
               ("Program signals", specialty.signals), ("Thank-you notes", specialty.thank_you)]
    columns = [(label, value) for label, value in columns if value]
    out = [f"# {md.text(specialty.name)}", "", f"**{md.text(specialty.summary)}**", "",
           md.table([label for label, _ in columns], [[md.text(value) for _, value in columns]]), "",
           md.heading(2, "Offers outside the Match", "pre-match-offers"), "",
           ctx.resolve(specialty.pre_match_offers, here).strip(), ""]
    if specialty.communication_policy is not None:
        out += [md.heading(2, "Communication policy", "communication-policy"), "",
                render_policy(ctx, here, specialty.communication_policy), ""]
    if specialty.facts:
        out += [md.heading(2, "Facts", "facts"), "", render_facts(ctx, here, specialty.facts), ""]
    if specialty.body.strip():
        out += [ctx.resolve(specialty.body, here).strip(), ""]
    if specialty.phases:
        out += [md.heading(2, "Phases with notes for this specialty", "phases"), "",
                md.bullets([ctx.link(here, "phase", p) for p in specialty.phases]), ""]
    if specialty.templates:
        out += [md.heading(2, "Templates", "templates"), "",
                md.bullets([ctx.link(here, "template", t) for t in specialty.templates]), ""]
    if specialty.rules:
        out += [md.heading(2, "Rules", "rules"), "",
                md.bullets([ctx.link(here, "rule", r) for r in specialty.rules]), ""]
    out += [ctx.reviewed_line(specialty.reviewed), ""]
    return Page(here, specialty.name, "\n".join(out), specialty.origin.path, SECTION_SPECIALTIES)
