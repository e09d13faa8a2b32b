"""The personal plan page's data: the season's stages, phases, profiles and specialties as JSON.

The plan page (docs/plan/index.md) reads `plan/data.json` and needs no Python in the browser: it
picks the stage that holds the chosen date, and shows that stage's phases for the chosen
applicant type and specialty. Markdown is rendered here, at build time, with links made relative
to the plan page.

Stages: the season's stages come from kb.season (declared in timeline/cycle.yml, the same model
the timeline page uses), so both pages agree on where a day falls. Here the first stage also
holds every earlier day and the last every later one: the plan always has something to show.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from prematch_kb.checker.checks import specialty_policy
from prematch_kb.kb import urls
from prematch_kb.kb.model import APPLICANT_TYPES, POLICY_LABELS, POLICY_TOPICS, STANCE_LABELS, Fact, KnowledgeBase
from prematch_kb.kb.rulebook import UNCONFIRMED_SECTION
from prematch_kb.kb.season import season_stages
from prematch_kb.kb.web_markdown import render_html, resolve_links

DATA_SCHEMA = "prematch-kb/plan-data"
DATA_VERSION = 1
PLAN_DIR = "plan"
DATA_FILE = "data.json"
LINK_BASE = "../" * urls.url(urls.PLAN).count("/")  # from the plan page (plan/) to the site root


# Templates that are one of the kinds of message a specialty's policy may be against (the checker's
# specialty-policy kinds): the plan marks them, and lists them last, for such a specialty.
TEMPLATE_KINDS = {"thank-you-after-interview": "thank-you", "first-choice-letter": "first-choice"}


class PlanDataError(ValueError):
    """The knowledge base lacks what the plan page needs (no phases at all)."""


def plan_data(kb: KnowledgeBase) -> dict:
    if not kb.phases:
        raise PlanDataError("timeline/phases.yml: the plan page needs at least one phase")
    return {
        "schema": DATA_SCHEMA,
        "version": DATA_VERSION,
        "cycle": {
            "id": kb.cycle.id,
            "title": kb.cycle.title,
            "calendars": [_citation(c) for c in kb.cycle.calendars],
            "dates": [
                {
                    "id": d.id,
                    "label": d.label,
                    "date": d.date.isoformat(),
                    "confirmed": d.confirmed,
                    "phase": d.phase,
                    "note_html": _html(kb, d.note) if d.note else "",
                }
                for d in kb.cycle.events
            ],
            "end": max((d.date for d in kb.cycle.dates), default=_dt.date.min).isoformat(),
        },
        "stages": _stages(kb),
        "phases": {
            p.id: {
                "title": p.title,
                "order": p.order,
                "window": p.window,
                "summary": p.summary,
                "goals_html": [_html(kb, item) for item in p.goals],
                "send_html": [_html(kb, item) for item in p.send],
                "avoid_html": [_html(kb, item) for item in p.avoid],
                "templates": list(p.templates),
                "rules": list(p.rules),
                "url": _link("phase", p.id),
            }
            for p in kb.phases.values()
        },
        "profiles": {
            t: {
                "title": kb.profiles[t].title,
                "summary": kb.profiles[t].summary,
                "facts": [_fact(kb, f) for f in kb.profiles[t].facts],
                "templates": list(kb.profiles[t].templates),
                "rules": list(kb.profiles[t].rules),
                "url": _link("profile", t),
            }
            for t in APPLICANT_TYPES
            if t in kb.profiles
        },
        "specialties": {
            s.id: {
                "name": s.name,
                "summary": s.summary,
                "match": s.match,
                "application_service": s.application_service,
                "signals": s.signals,
                "thank_you": s.thank_you,
                "pre_match_offers_html": _html(kb, s.pre_match_offers),
                "facts": [_fact(kb, f) for f in s.facts],
                "phases": list(s.phases),
                "templates": list(s.templates),
                "rules": list(s.rules),
                "url": _link("specialty", s.id),
                "policy": _policy(kb, s),
            }
            for s in sorted(kb.specialties.values(), key=lambda s: s.name)
        },
        "templates": {
            t.id: {
                "title": t.title,
                "purpose": t.purpose,
                "applicant_types": list(t.applicant_types),
                "url": _link("template", t.id),
                "checker_url": f"{LINK_BASE}{urls.url(urls.CHECKER)}?template={t.id}",
            }
            for t in kb.templates.values()
        },
        "rules": {
            r.id: {"title": r.title, "summary": r.summary, "url": _link("rule", r.id)}
            for r in kb.rules.values()
        },
    }


def write_plan_data(kb: KnowledgeBase, site_dir: str | Path) -> Path:
    """Write plan/data.json into the built site; return its path."""
    path = Path(site_dir) / PLAN_DIR / DATA_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(plan_data(kb), ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return path


def stage_for(data: dict, day: _dt.date) -> dict:
    """The stage holding `day` (the same choice the page's script makes)."""
    iso = day.isoformat()
    current = data["stages"][0]
    for stage in data["stages"]:
        if stage["start"] is None or stage["start"] <= iso:
            current = stage
    return current


def _stages(kb: KnowledgeBase) -> list[dict]:
    stages = [
        {
            "start": stage.start.isoformat(),
            "starts_at": stage.starts_at or None,
            "offset_days": stage.offset_days,
            "confirmed": stage.confirmed,
            "phases": list(stage.phases),
        }
        for stage in season_stages(kb)
    ]
    if not stages:
        first = min(kb.phases.values(), key=lambda p: p.order)
        stages.append({"start": None, "starts_at": None, "offset_days": 0, "confirmed": True, "phases": [first.id]})
    stages[0]["start"] = None  # the first stage holds every earlier day
    return stages


def _policy(kb: KnowledgeBase, specialty) -> dict | None:
    """The specialty's published communication policy as the plan shows it: one row per topic, and
    the templates it discourages or does not allow (with the words to say so); None if none found."""
    policy = specialty.communication_policy
    if policy is None or not policy.found:
        return None
    plain = policy.to_dict()
    against = {}
    for template, kind in TEMPLATE_KINDS.items():
        stance = specialty_policy.stance(plain, kind)
        if stance and template in kb.templates:
            against[template] = f"{STANCE_LABELS[stance]} under the policy of {policy.organisation}"
    return {
        "organisation": policy.organisation,
        "season": policy.season,
        "confirmed": policy.confirmed,
        "rows": [[POLICY_LABELS[topic], policy.position(topic)] for topic in POLICY_TOPICS],
        "summary_html": _html(kb, policy.summary) if policy.summary.strip() else "",
        "sources": [_citation(c) for c in policy.citations],
        "against_templates": against,
    }


def _link(kind: str, id_: str) -> str:
    return LINK_BASE + urls.address(kind, id_)


def _html(kb: KnowledgeBase, markdown: str) -> str:
    return render_html(resolve_links(markdown, kb, LINK_BASE))


def _fact(kb: KnowledgeBase, fact: Fact) -> dict:
    return {
        "html": _html(kb, fact.text),
        "confirmed": fact.confirmed,
        "sources": [_citation(c) for c in fact.citations],
    }


def _citation(citation) -> dict:
    source = citation.source
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "section": citation.section + ("" if citation.confirmed else UNCONFIRMED_SECTION),
        "page": LINK_BASE + urls.address("source", source.id),
    }
