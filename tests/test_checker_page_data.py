"""The checker page's data file names every check (for the clean verdict) and the templates
written for a rule (for a finding's template link)."""

from __future__ import annotations

from conftest import CONTENT_DIR
from prematch_kb.browser.data import checker_data
from prematch_kb.kb.loader import load_knowledge_base


def test_checks_and_rule_templates():
    kb = load_knowledge_base(CONTENT_DIR)
    data = checker_data(kb)
    assert set(data["checks"]) == set(kb.checks)
    for category, entry in data["checks"].items():
        check = kb.checks[category]
        assert entry == {"title": check.title, "mode": check.mode, "needs_log": any(log is not None for log in check.flag_logs)}
    assert {c for c, e in data["checks"].items() if e["needs_log"]} >= {"second-first-choice"}
    assert data["rule_templates"], "some rule has a template written for it"
    for rule, template_ids in data["rule_templates"].items():
        assert rule in kb.rules and 1 <= len(template_ids) <= 3
        for template_id in template_ids:
            assert rule in kb.templates[template_id].rules[:2]
    # A program asking how you will rank it: the reply template for exactly that.
    assert data["rule_templates"]["programs-may-not-ask-ranking"][0] == "reply-rank-question"
