"""Every checker category carries at least two texts it must flag and two it must pass, in
content/checks/<category>.yml; this test holds the checker to them, and the rulebook to the content.
Examples of the log-based categories carry a communication log and are read against it by
`commlog.review_draft`, as the checker page and `prematch-kb check --log` do.
"""

from __future__ import annotations

import pytest

from conftest import CONTENT_DIR, PROJECT_ROOT
from prematch_kb.checker import categories, check, commlog
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.rulebook import RULEBOOK_PATH, build_rulebook, dump_rulebook

# Some categories look at context the user gives; their examples are checked with it.
EXAMPLE_CONTEXT = {"visa-status-missing": {"applicant_type": "us-img", "phase": "application-submitted"}}


@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT_DIR)


def _examples():
    kb, _ = load_content(CONTENT_DIR)
    for category, item in sorted(kb.checks.items()):
        counts = {"flag": 0, "pass": 0}
        for kind, text, log in item.examples():
            index = counts[kind]
            counts[kind] += 1
            yield pytest.param(category, item.mode, kind, text, log, id=f"{category}-{kind}-{index}")


def test_every_category_has_a_check_file_with_two_flag_and_two_pass_examples(content):
    kb, _ = content
    assert sorted(kb.checks) == sorted(categories() + list(commlog.CATEGORIES))
    for category, item in kb.checks.items():
        assert len(item.flags) >= 2, f"{category}: fewer than two flag examples"
        assert len(item.passes) >= 2, f"{category}: fewer than two pass examples"


def test_log_based_categories_are_read_against_a_log_in_every_example(content):
    kb, _ = content
    for category in commlog.CATEGORIES:
        assert all(log is not None for _, _, log in kb.checks[category].examples()), category


@pytest.mark.parametrize("category, mode, kind, text, log", list(_examples()))
def test_example_holds(category, mode, kind, text, log):
    context = dict(EXAMPLE_CONTEXT.get(category, {}))
    if log is not None and log.specialty:
        context["specialty"] = log.specialty
    if log is None or not log.program:
        findings = check(text, mode=mode, **context).findings
    else:
        entries = commlog.CommunicationLog.from_dict(
            {"schema": commlog.SCHEMA, "version": commlog.VERSION, "entries": list(log.entries)})
        findings = commlog.review_draft(entries, text, log.program, kind=log.kind or None, check_options=context)
    found = {f.category for f in findings}
    if kind == "flag":
        assert category in found, f"{category} not flagged in: {text!r}; found {sorted(found)}"
    else:
        assert category not in found, f"{category} wrongly flagged in: {text!r}"


def test_committed_rulebook_equals_the_one_generated_from_content(content):
    kb, settings = content
    assert RULEBOOK_PATH.read_text(encoding="utf-8") == dump_rulebook(build_rulebook(kb, settings)), (
        "src/prematch_kb/checker/rulebook.json is stale: run `prematch-kb rulebook`"
    )


def test_findings_carry_the_rule_wording_link_and_primary_source(content):
    kb, settings = content
    report = check("I promise to rank your program first.")
    (finding,) = [f for f in report.findings if f.category == "binding-commitment"]
    item = kb.checks["binding-commitment"]
    assert finding.rule == "no-binding-commitments" == item.rule
    assert finding.severity == item.severity == "error"
    assert finding.message == item.message
    assert finding.link == f"{settings.site_url}rules/no-binding-commitments/#checker-binding-commitment"
    cited = [c.source for c in kb.rules["no-binding-commitments"].citations if c.source.primary]
    assert finding.source["url"] == cited[0].url and finding.source["title"] == cited[0].title
    assert "<p>" in finding.explanation_html and "<" not in finding.explanation


def _templates():
    kb, _ = load_content(CONTENT_DIR)
    return [pytest.param(t, id=t.id) for _, t in sorted(kb.templates.items())]


@pytest.mark.parametrize("template", _templates())
def test_templates_pass_when_filled_and_are_caught_when_not(template):
    """Every email template, filled with its own placeholder examples, is a complete email with no
    error-level finding; sent unfilled, the checker catches the placeholders."""
    raw = f"{template.subject}\n\n{template.body}"
    filled = raw
    for placeholder in template.placeholders:
        filled = filled.replace(f"[{placeholder.name}]", placeholder.example)
    report = check(filled)
    assert report.errors == 0, [(f.category, f.excerpt) for f in report.findings]
    shape = {"placeholder", "missing-salutation", "missing-sign-off"}
    assert not shape & {f.category for f in report.findings}
    assert any(f.category == "placeholder" for f in check(raw).findings)


def _rulebook_command(*args):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "prematch_kb", "rulebook", *args], capture_output=True, text=True,
        cwd=PROJECT_ROOT,
    )


def test_rulebook_check_command_passes_on_the_committed_file():
    result = _rulebook_command("--check")
    assert result.returncode == 0, result.stderr


def test_rulebook_check_command_fails_when_content_changed(tmp_path):
    import shutil

    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    path = copy / "checks" / "pressure.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("demands a reply", "asks for a reply"), encoding="utf-8")
    before = RULEBOOK_PATH.read_bytes()
    result = _rulebook_command("--check", "--content", str(copy))
    assert result.returncode == 1 and "out of date" in result.stderr
    assert RULEBOOK_PATH.read_bytes() == before  # --check never writes


def test_explanations_render_kb_links_as_site_addresses(content):
    from prematch_kb.kb.web_markdown import render_html, render_plain, resolve_links

    kb, settings = content
    markdown = "See [the rule](rule:no-binding-commitments) and [SOAP](glossary:soap).\n\n- one\n- *two*"
    resolved = resolve_links(markdown, kb, settings.site_url)
    html = render_html(resolved)
    assert f'href="{settings.site_url}rules/no-binding-commitments/"' in html
    assert f'href="{settings.site_url}glossary/#soap"' in html
    plain = render_plain(resolved)
    assert plain.startswith("See the rule and SOAP.") and "http" not in plain and "two" in plain
