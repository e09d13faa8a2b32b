"""The checker page's data file: template texts and the context options, read from the knowledge base.

The page fetches it once while loading; `checker/?template=ID` fills the text area from it, and the
context menus list the knowledge base's own ids and titles.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from prematch_kb.kb.model import RECIPIENTS, KnowledgeBase
from prematch_kb.kb.rulebook import context_ids

DATA_SCHEMA = "prematch-kb/checker-data"
DATA_VERSION = 1
# Menu labels only; the recipient ids themselves are fixed in the content model.
RECIPIENT_LABELS = {
    "program-director": "Program director",
    "coordinator": "Program coordinator",
    "faculty": "Faculty member",
    "resident": "Resident",
}
_PLACEHOLDER = re.compile(r"\[([^\[\]\n]+)\]")


def checker_data(kb: KnowledgeBase, site_url: str = "") -> dict:
    # The phases and specialties the checker accepts (its rulebook has the same lists).
    ids = context_ids(kb)
    phases = [kb.phases[phase_id] for phase_id in ids["phases"]]
    specialties = sorted((kb.specialties[s] for s in ids["specialties"]), key=lambda s: s.name)
    return {
        "schema": DATA_SCHEMA,
        "version": DATA_VERSION,
        "site_url": site_url,
        "context": {
            "applicant_type": [{"id": p.id, "label": p.title} for p in _by_id(kb.profiles)],
            "phase": [{"id": p.id, "label": p.title} for p in phases],
            "recipient": [{"id": r, "label": RECIPIENT_LABELS.get(r, r)} for r in RECIPIENTS],
            "specialty": [{"id": s.id, "label": s.name} for s in specialties],
        },
        "templates": {
            template.id: {
                "title": template.title,
                "subject": template.subject,
                "body": template.body,
                "placeholders": _placeholders(template.subject + "\n" + template.body),
                "url": template.url,
            }
            for template in _by_id(kb.templates)
        },
        # What the page says a clean text was checked for, by name, per mode.
        "checks": {
            check.category: {
                "title": check.title,
                "mode": check.mode,
                "needs_log": any(log is not None for log in check.flag_logs),
            }
            for check in _by_id(kb.checks)
        },
        # A finding's rule -> the templates written for it, the one naming the rule earliest first.
        "rule_templates": _rule_templates(kb),
    }


def write_checker_data(kb: KnowledgeBase, path: Path, site_url: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(checker_data(kb, site_url), ensure_ascii=False, sort_keys=True) + "\n")
    return path


def _by_id(mapping: dict) -> list:
    return [mapping[key] for key in sorted(mapping)]


def _rule_templates(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Templates that name a rule among their first two: written for it, not merely touching it.
    A rule that many templates lead with (plain email form) matches none in particular."""
    ranked: dict[str, list[tuple[int, str]]] = {}
    for template in _by_id(kb.templates):
        for position, rule in enumerate(template.rules[:2]):
            ranked.setdefault(rule, []).append((position, template.id))
    return {
        rule: [template_id for _, template_id in sorted(entries)]
        for rule, entries in sorted(ranked.items())
        if len(entries) <= 3
    }


def _placeholders(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for match in _PLACEHOLDER.finditer(text):
        seen.setdefault(match.group(1).strip(), None)
    return list(seen)
