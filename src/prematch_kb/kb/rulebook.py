"""Build the checker's rulebook (rulebook.json) from the knowledge base.

The checker is standard-library Python running in the browser, so it cannot read YAML or render
Markdown. This module does both ahead of time: for each checker category it takes the wording
from `content/checks/<category>.yml`, the link and the primary source from the rule it belongs
to, the explanation rendered to HTML and to plain text (`web_markdown`), the phases and
specialties a check may name and which phases are early, and writes one sorted, stable JSON file
that is committed next to the checker (`prematch-kb rulebook --check` tells when it is stale).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from prematch_kb.kb import urls
from prematch_kb.kb.model import Citation, KnowledgeBase
from prematch_kb.kb.web_markdown import render_html, render_plain, resolve_links

SCHEMA = "prematch-kb/rulebook"
VERSION = 1
RULEBOOK_PATH = Path(__file__).resolve().parent.parent / "checker" / "rulebook.json"

def _site_url(settings) -> str:
    url = settings["site_url"] if isinstance(settings, Mapping) else settings.site_url
    return url if url.endswith("/") else url + "/"


# After a section named from a quotation or an older version of the source (Citation.confirmed).
UNCONFIRMED_SECTION = " (verify: not confirmed in the current text)"


def primary_citation(citations: tuple[Citation, ...]) -> dict | None:
    """The first primary source a rule cites, as the checker shows it."""
    for citation in citations:
        if citation.source.primary:
            source = citation.source
            return {
                "id": source.id,
                "title": source.title,
                "publisher": source.publisher,
                "url": source.url,
                "section": citation.section + ("" if citation.confirmed else UNCONFIRMED_SECTION),
            }
    return None


def context_ids(kb: KnowledgeBase) -> dict[str, list[str]]:
    """The phases (in season order) and specialties a check may name: the checker accepts exactly
    these, and the checker page's menus list exactly these."""
    return {
        "phases": [phase.id for phase in sorted(kb.phases.values(), key=lambda phase: phase.order)],
        "specialties": sorted(kb.specialties),
    }


def early_phases(kb: KnowledgeBase) -> list[str]:
    """The phases marked `early: true` in timeline/phases.yml, in season order: the checker's
    visa-status check runs in these alone."""
    return [phase.id for phase in sorted(kb.phases.values(), key=lambda phase: phase.order) if phase.early]


def build_rulebook(kb: KnowledgeBase, settings) -> dict:
    """The rulebook as a plain dict (pure: same knowledge base, same result)."""
    site_url = _site_url(settings)
    categories = {}
    for category, check in sorted(kb.checks.items()):
        rule = kb.rules.get(check.rule)
        explanation = resolve_links(check.explanation, kb, site_url)
        categories[category] = {
            "category": category,
            "rule": check.rule,
            "mode": check.mode,
            "severity": check.severity,
            "title": check.title,
            "message": check.message,
            "explanation": render_plain(explanation),
            "explanation_html": render_html(explanation),
            "suggestions": list(check.suggestions),
            "reply": " ".join(check.reply.split()) if check.reply else "",
            "link": f"{site_url}{urls.page_url('rule', check.rule)}#{urls.checker_anchor(category)}",
            "rule_title": rule.title if rule else "",
            "source": primary_citation(rule.citations) if rule else None,
            "outranks": [{"category": o.category, "within": o.within} for o in check.outranks],
        }
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "site_url": site_url,
        **context_ids(kb),
        "early_phases": early_phases(kb),
        "policies": _policies(kb, site_url),
        "categories": categories,
    }


def _policies(kb: KnowledgeBase, site_url: str) -> dict:
    """Each specialty's published communication policy, for the checker's specialty-policy check
    and its cadence: only specialties whose policy takes a stance on at least one topic."""
    policies = {}
    for specialty in sorted(kb.specialties.values(), key=lambda s: s.id):
        policy = specialty.communication_policy
        if policy is None or not policy.found:
            continue
        policies[specialty.id] = {
            **policy.to_dict(),
            "specialty": specialty.name,
            "link": f"{site_url}{urls.page_url('specialty', specialty.id)}#communication-policy",
            "source": primary_citation(policy.citations),
        }
    return policies


def dump_rulebook(book: dict) -> str:
    """The stable text form: sorted keys, fixed indentation, one trailing newline."""
    return json.dumps(book, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def write_rulebook(kb: KnowledgeBase, settings, path: Path = RULEBOOK_PATH) -> bool:
    """Write the rulebook; return True when the file changed."""
    text = dump_rulebook(build_rulebook(kb, settings))
    path = Path(path)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def rulebook_is_current(kb: KnowledgeBase, settings, path: Path = RULEBOOK_PATH) -> bool:
    path = Path(path)
    return path.is_file() and path.read_text(encoding="utf-8") == dump_rulebook(build_rulebook(kb, settings))


__all__ = [
    "RULEBOOK_PATH",
    "build_rulebook",
    "context_ids",
    "dump_rulebook",
    "early_phases",
    "rulebook_is_current",
    "write_rulebook",
]
