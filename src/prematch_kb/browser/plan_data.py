"""The personal plan page's data: the season's stages, phases, profiles and specialties as JSON.

The plan page (docs/plan/index.md) reads `plan/data.json` and needs no Python in the browser: it
picks the stage that holds the chosen date, and shows that stage's phases for the chosen
applicant type and specialty. Markdown is rendered here, at build time, with links made relative
to the plan page.

Stages: the phases overlap in real life (in November one applicant is answering invitations,
interviewing and writing thank-you notes at once), so the season is cut at dates from the cycle
(timeline/cycle.yml) into stages, each holding the phases that are current during it. A stage
whose starting date is missing from the cycle is left out; its phases then belong to the stage
before. The dates themselves, and whether they are confirmed, come from the cycle only.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from pathlib import Path

from prematch_kb.kb.model import APPLICANT_TYPES, Fact, KnowledgeBase
from prematch_kb.kb.rulebook import render_html, resolve_links

DATA_SCHEMA = "prematch-kb/plan-data"
DATA_VERSION = 1
PLAN_DIR = "plan"
DATA_FILE = "data.json"
LINK_BASE = "../"  # the plan page lives at plan/, one level below the site root


@dataclass(frozen=True)
class Stage:
    starts_at: str | None  # a cycle date id; None for the stage that holds everything before
    offset_days: int  # days after that date (1: the day after a deadline)
    phases: tuple[str, ...]  # phase ids current during the stage; the first is the main one


STAGES = (
    Stage(None, 0, ("before-applying",)),
    Stage("eras-submissions-open", 0, ("application-submitted",)),
    Stage("programs-review-applications", 0, ("interview-invitations", "interview-day", "post-interview")),
    Stage("rank-order-list-opens", 0, ("before-rank-deadline", "interview-day", "post-interview")),
    Stage("rank-order-list-deadline", 1, ("after-certification",)),
    Stage("match-week-begins", 0, ("match-week",)),
    Stage("match-day", 1, ("after-match",)),
)


class PlanDataError(ValueError):
    """The knowledge base lacks what the plan page needs (no phases at all)."""


def plan_data(kb: KnowledgeBase) -> dict:
    if not kb.phases:
        raise PlanDataError("timeline/phases.yml: the plan page needs at least one phase")
    dates = {item.id: item for item in kb.cycle.dates}
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
                for d in sorted(kb.cycle.dates, key=lambda d: d.date)
            ],
            "end": max((d.date for d in kb.cycle.dates), default=_dt.date.min).isoformat(),
        },
        "stages": _stages(kb, dates),
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
                "url": f"{LINK_BASE}timeline/#{p.id}",
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
                "url": f"{LINK_BASE}profiles/{t}/",
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
                "url": f"{LINK_BASE}specialties/{s.id}/",
            }
            for s in sorted(kb.specialties.values(), key=lambda s: s.name)
        },
        "templates": {
            t.id: {
                "title": t.title,
                "purpose": t.purpose,
                "applicant_types": list(t.applicant_types),
                "url": f"{LINK_BASE}templates/{t.id}/",
                "checker_url": f"{LINK_BASE}checker/?template={t.id}",
            }
            for t in kb.templates.values()
        },
        "rules": {
            r.id: {"title": r.title, "summary": r.summary, "url": f"{LINK_BASE}rules/{r.id}/"}
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


def _stages(kb: KnowledgeBase, dates: dict) -> list[dict]:
    stages: list[dict] = []
    for stage in STAGES:
        phases = [p for p in stage.phases if p in kb.phases]
        if stage.starts_at is None:
            start, confirmed = None, True
        elif stage.starts_at in dates:
            anchor = dates[stage.starts_at]
            start = (anchor.date + _dt.timedelta(days=stage.offset_days)).isoformat()
            confirmed = anchor.confirmed
        else:
            continue  # the cycle does not give this date: the stage before runs on
        if not phases:
            continue
        stages.append({
            "start": start,
            "starts_at": stage.starts_at,
            "offset_days": stage.offset_days,
            "confirmed": confirmed,
            "phases": phases,
        })
    if not stages:
        first = min(kb.phases.values(), key=lambda p: p.order)
        stages.append({"start": None, "starts_at": None, "offset_days": 0, "confirmed": True, "phases": [first.id]})
    elif stages[0]["start"] is not None:
        stages[0] = {**stages[0], "start": None}  # the first stage holds every earlier day
    return stages


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
        "section": citation.section,
        "page": f"{LINK_BASE}sources/#{source.id}",
    }
