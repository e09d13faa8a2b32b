"""The loader: the fixture knowledge base loads, and each kind of content error is reported with
its file, line, field and what was expected."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_KB
from prematch_kb.kb.errors import ContentError, Problem
from prematch_kb.kb.loader import load_content, load_knowledge_base
from prematch_kb.kb.site import load_site_settings


@pytest.fixture
def content(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_KB, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(content: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_knowledge_base(content)
    return caught.value.problems


def one(found: list[Problem], file: str, field: str) -> Problem:
    """The one problem at `field` of `file` (a note on references left unchecked is not one)."""
    matches = [p for p in found if p.path.endswith(file) and p.field == field and not p.message.startswith("note: ")]
    assert len(matches) == 1, f"expected one problem in {file} at {field}; got:\n" + "\n".join(map(str, found))
    return matches[0]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# -- a valid knowledge base ------------------------------------------------------------------------

def test_fixture_loads_completely():
    kb, settings = load_content(FIXTURE_KB)
    assert set(kb.rules) == {"no-binding-commitments", "proofread-before-sending"}
    assert list(kb.phases) == ["before-applying", "post-interview", "match-week"]
    rule = kb.rules["no-binding-commitments"]
    assert rule.binds == "both" and rule.status == "not-allowed" and rule.reviewed == dt.date(2026, 11, 22)
    assert [c.source.id for c in rule.citations] == ["nrmp-mpa-applicants", "advice-blog"]
    assert rule.citations[0].section == "6.3"
    assert rule.origin.path == "rules/no-binding-commitments.yml"
    check = kb.checks["binding-commitment"]
    assert len(check.flags) == 2 and len(check.passes) == 2 and check.rule == "no-binding-commitments"
    template = kb.templates["thank-you-after-interview"]
    assert [p.name for p in template.placeholders] == ["Interview Date", "Last Name", "Your Name"]
    assert kb.guides["networking"].body.startswith("## Start with people")
    assert kb.specialties["otolaryngology"].facts[1].confirmed is False
    assert kb.cycle.dates[0].date == dt.date(2026, 6, 4)
    assert [(s.starts_at, s.offset_days, s.phases) for s in kb.cycle.stages] == [
        ("", 0, ("before-applying",)), ("rank-deadline", 0, ("post-interview",)), ("match-day", 0, ("match-week",))]
    assert kb.sources["nrmp-mpa-applicants"].origin.line == 2
    assert [t.id for t in kb.glossary] == ["soap", "rol"]
    assert settings.title == "Fixture Guide" and settings.cycle == "2027"
    assert settings.edit_url("rules/x.yml") == "https://example.org/repo/edit/main/content/rules/x.yml"


def test_site_settings_load_alone():
    settings = load_site_settings(FIXTURE_KB)
    assert settings.site_url == "https://example.org/guide/"


def test_problem_prints_file_line_field_and_message():
    problem = Problem("content/rules/no-binding-commitments.yml", 12, "binds",
                      "expected one of applicant, program, both; got 'applicants'")
    assert str(problem) == ("content/rules/no-binding-commitments.yml:12: binds: "
                            "expected one of applicant, program, both; got 'applicants'")


def test_all_problems_are_reported_at_once(content):
    edit(content / "rules/no-binding-commitments.yml", "binds: both", "binds: applicants")
    edit(content / "rules/proofread-before-sending.yml", "status: discouraged", "status: maybe")
    edit(content / "glossary.yml", "term: ROL", "term: ''")
    found = problems(content)
    assert len(found) == 3
    assert str(found[0]).count("\n") == 0


# -- each kind of error ----------------------------------------------------------------------------

def test_malformed_yaml_gives_its_line(content):
    path = content / "rules/proofread-before-sending.yml"
    edit(path, "kind: practice", "kind: [practice")
    found = problems(content)
    problem = next(p for p in found if p.path.endswith("proofread-before-sending.yml"))
    assert "malformed YAML" in problem.message
    assert problem.line in (line_of(path, "kind: [practice"), line_of(path, "kind: [practice") + 1)


def test_missing_required_field(content):
    path = content / "rules/no-binding-commitments.yml"
    edit(path, "summary: No promise about ranking binds anyone.\n", "")
    problem = one(problems(content), "rules/no-binding-commitments.yml", "summary")
    assert problem.message == "missing required field"
    assert problem.line == 1


def test_unknown_field_suggests_the_right_name(content):
    path = content / "rules/no-binding-commitments.yml"
    edit(path, "summary: No promise", "sumary: No promise")
    found = problems(content)
    problem = one(found, "rules/no-binding-commitments.yml", "sumary")
    assert problem.line == line_of(path, "sumary:")
    assert "unknown field" in problem.message and "did you mean 'summary'?" in problem.message
    assert one(found, "rules/no-binding-commitments.yml", "summary").message == "missing required field"


@pytest.mark.parametrize("file, old, new, field, expected", [
    ("rules/no-binding-commitments.yml", "title: Neither", "title: [a, b]\nx_title: Neither", "title",
     "expected text; got a list"),
    ("rules/proofread-before-sending.yml", 'safe_phrasings: ["Dear Dr. Okafor,", "Thank you for the interview at Riverside."]',
     "safe_phrasings: Dear Dr. Okafor", "safe_phrasings", "expected a list; got 'Dear Dr. Okafor'"),
    ("sources.yml", "primary: false", "primary: 'no'", "sources[2].primary", "expected true or false; got 'no'"),
    ("timeline/phases.yml", "order: 2", "order: two", "phases[1].order", "expected a whole number; got 'two'"),
    ("timeline/phases.yml", "window: Mid-March", "window: 2027", "phases[2].window",
     "expected text; got a number (2027) (put it in quotes)"),
    ("timeline/cycle.yml", "confirmed: true", "confirmed: 1", "dates[0].confirmed", "expected true or false; got a number (1)"),
])
def test_wrong_type_says_what_was_expected(content, file, old, new, field, expected):
    path = content / file
    edit(path, old, new)
    found = [p for p in problems(content) if p.field == field]
    assert found, f"no problem at {field}"
    assert found[0].path.endswith(file)
    assert found[0].message == expected
    assert found[0].line == line_of(path, new.splitlines()[0])


def test_bad_enum_value_lists_the_choices(content):
    path = content / "rules/no-binding-commitments.yml"
    edit(path, "binds: both", "binds: applicants")
    problem = one(problems(content), "rules/no-binding-commitments.yml", "binds")
    assert problem.line == line_of(path, "binds:")
    assert problem.message.startswith("expected one of applicant, program, both; got 'applicants'")
    assert "did you mean 'applicant'?" in problem.message


def test_bad_enum_in_a_list(content):
    path = content / "templates/thank-you-after-interview.yml"
    edit(path, "audience: [program-director, faculty]", "audience: [program-director, dean]")
    problem = one(problems(content), "templates/thank-you-after-interview.yml", "audience[1]")
    assert "expected one of program-director, coordinator, faculty, resident; got 'dean'" in problem.message


def test_duplicate_id_in_a_list_names_both_places(content):
    path = content / "glossary.yml"
    edit(path, "  - id: rol", "  - id: soap")
    first, second = [n for n, line in enumerate(path.read_text().splitlines(), 1) if "id: soap" in line]
    problem = one(problems(content), "glossary.yml", "entries[1].id")
    assert problem.line == second
    assert "duplicate glossary id 'soap'" in problem.message
    assert problem.message.endswith(f"glossary.yml:{first}")


def test_duplicate_id_across_files_names_both_files(content):
    original = content / "specialties/otolaryngology.yml"
    shutil.copy(original, content / "specialties/ent.yml")
    found = problems(content)
    duplicate = one(found, "specialties/otolaryngology.yml", "id")  # ent.yml sorts first, so it is "first"
    assert "duplicate specialty id 'otolaryngology': already defined at" in duplicate.message
    assert "specialties/ent.yml:1" in duplicate.message
    mismatch = one(found, "specialties/ent.yml", "id")
    assert mismatch.message.startswith("expected 'ent' (the file name without .yml); got 'otolaryngology'")


def test_file_name_must_match_id(content):
    (content / "rules/proofread-before-sending.yml").rename(content / "rules/proofread.yml")
    problem = one(problems(content), "rules/proofread.yml", "id")
    assert problem.line == 1
    assert problem.message.startswith("expected 'proofread' (the file name without .yml); got 'proofread-before-sending'")


def test_check_category_must_match_file_name(content):
    (content / "checks/placeholder.yml").rename(content / "checks/placeholders.yml")
    problem = one(problems(content), "checks/placeholders.yml", "category")
    assert "expected 'placeholders'" in problem.message


@pytest.mark.parametrize("file, old, new, field, kind, bad", [
    ("rules/no-binding-commitments.yml", "related: [proofread-before-sending]", "related: [proofread-before-send]",
     "related[0]", "rule", "proofread-before-send"),
    ("timeline/phases.yml", "templates: [thank-you-after-interview]", "templates: [thanks]",
     "phases[1].templates[0]", "template", "thanks"),
    ("templates/thank-you-after-interview.yml", "phases: [post-interview]", "phases: [after-interview]",
     "phases[0]", "phase", "after-interview"),
    ("checklists.yml", "phase: post-interview", "phase: interviews", "entries[1].phase", "phase", "interviews"),
    ("mistakes.yml", "rules: [no-binding-commitments]", "rules: [no-binding-commitment]", "entries[0].rules[0]",
     "rule", "no-binding-commitment"),
    ("timeline/cycle.yml", "phases: [match-week]", "phases: [match-weak]", "stages[2].phases[0]",
     "phase", "match-weak"),
])
def test_reference_to_unknown_id(content, file, old, new, field, kind, bad):
    path = content / file
    edit(path, old, new)
    problem = one(problems(content), file, field)
    assert problem.line == line_of(path, new)
    assert problem.message.startswith(f"expected an existing {kind} id; got '{bad}'")


def test_unknown_source_in_a_citation(content):
    path = content / "faq.yml"
    edit(path, "sources: [{source: nrmp-mpa-applicants, section", "sources: [{source: nrmp-mpa-applicant, section")
    problem = one(problems(content), "faq.yml", "entries[0].sources[0].source")
    assert problem.line == line_of(path, "nrmp-mpa-applicant,")
    assert "expected a source id defined in sources.yml; got 'nrmp-mpa-applicant'" in problem.message
    assert "did you mean 'nrmp-mpa-applicants'?" in problem.message


@pytest.mark.parametrize("kind, bad", [
    ("rule", "no-binding"), ("template", "thanks"), ("specialty", "ent"), ("profile", "img"),
    ("phase", "interviews"), ("guide", "network"), ("glossary", "soaps"), ("source", "mpa"),
])
def test_unknown_id_in_a_markdown_link(content, kind, bad):
    path = content / "guides/networking.md"
    text = path.read_text(encoding="utf-8")
    good = {"rule": "rule:no-binding-commitments#", "template": "template:thank-you-after-interview)",
            "specialty": "specialty:otolaryngology)", "profile": "profile:non-us-img)",
            "phase": "phase:post-interview)", "guide": "guide:networking)", "glossary": "glossary:soap)",
            "source": "source:nrmp-mpa-applicants)"}[kind]
    assert good in text
    path.write_text(text.replace(good, f"{kind}:{bad}{good[-1]}"), encoding="utf-8")
    problem = one(problems(content), "guides/networking.md", "body")
    assert problem.line == line_of(path, f"({kind}:{bad}")
    assert problem.message.startswith(f"expected an existing {kind} id; got '{bad}'")


def test_link_in_a_yaml_markdown_field_is_checked_with_its_line(content):
    path = content / "rules/no-binding-commitments.yml"
    edit(path, "(rule:proofread-before-sending)", "(rule:proofread)")
    problem = one(problems(content), "rules/no-binding-commitments.yml", "statement")
    assert problem.line == line_of(path, "(rule:proofread)")


@pytest.mark.parametrize("value, shown", [("2026-02-30", "'2026-02-30'"), ("soon", "'soon'"), ("2026-13-01", "'2026-13-01'")])
def test_bad_date(content, value, shown):
    path = content / "rules/proofread-before-sending.yml"
    edit(path, "reviewed: 2026-11-21", f"reviewed: {value}")
    problem = one(problems(content), "rules/proofread-before-sending.yml", "reviewed")
    assert problem.line == line_of(path, "reviewed:")
    assert problem.message == f"expected a real date written YYYY-MM-DD; got {shown}"


def test_source_without_url(content):
    path = content / "sources.yml"
    edit(path, "    url: https://blog.example.com/advice\n", "")
    problem = one(problems(content), "sources.yml", "sources[2].url")
    assert problem.message == "missing required field"
    assert problem.line == line_of(path, "id: advice-blog")


@pytest.mark.parametrize("url", ["www.nrmp.org/policy", "ftp://nrmp.org/x", "https://nrmp org/x", "https://localhost/x"])
def test_source_with_malformed_url(content, url):
    path = content / "sources.yml"
    edit(path, "url: https://blog.example.com/advice", f"url: {url}")
    problem = one(problems(content), "sources.yml", "sources[2].url")
    assert problem.line == line_of(path, f"url: {url}")
    assert problem.message.startswith("expected a full web address starting with https:// or http://")


def test_rule_without_a_primary_source(content):
    path = content / "rules/proofread-before-sending.yml"
    edit(path, "sources: [{source: nrmp-mpa-applicants}]", "sources: [{source: advice-blog}]")
    problem = one(problems(content), "rules/proofread-before-sending.yml", "sources")
    assert problem.line == line_of(path, "sources:")
    assert problem.message == ("expected at least one primary source (primary: true in sources.yml); "
                               "got only secondary sources: advice-blog")


def test_rule_without_any_source(content):
    path = content / "rules/proofread-before-sending.yml"
    edit(path, "sources: [{source: nrmp-mpa-applicants}]", "sources: []")
    problem = one(problems(content), "rules/proofread-before-sending.yml", "sources")
    assert problem.message == "expected a non-empty list; got an empty list"


def test_confirmed_fact_needs_a_primary_source(content):
    path = content / "profiles/non-us-img.yml"
    edit(path, "    sources: [{source: nrmp-mpa-applicants}]\n    confirmed: true",
         "    sources: [{source: advice-blog}]\n    confirmed: true")
    problem = one(problems(content), "profiles/non-us-img.yml", "facts[0].sources")
    assert "expected a primary source for a confirmed fact" in problem.message


def test_template_placeholder_used_but_not_declared(content):
    path = content / "templates/thank-you-after-interview.yml"
    edit(path, "I enjoyed learning about the program.", "I enjoyed learning about [Program Name].")
    problem = one(problems(content), "templates/thank-you-after-interview.yml", "body")
    assert problem.line == line_of(path, "[Program Name]")
    assert problem.message.startswith("placeholder [Program Name] is used but not declared")
    assert "name: Program Name" in problem.message


def test_template_placeholder_in_subject_not_declared(content):
    path = content / "templates/thank-you-after-interview.yml"
    edit(path, "subject: Thank you, [Interview Date] interview", "subject: Thank you, [Date] interview")
    problem = one(problems(content), "templates/thank-you-after-interview.yml", "subject")
    assert problem.line == line_of(path, "subject:")


def test_template_placeholder_declared_but_unused(content):
    path = content / "templates/thank-you-after-interview.yml"
    edit(path, "  [Your Name]\n", "  Amina\n")
    problem = one(problems(content), "templates/thank-you-after-interview.yml", "placeholders[2].name")
    assert problem.message.startswith("placeholder 'Your Name' is declared but never used")
    assert problem.line == line_of(path, "- name: Your Name")


@pytest.mark.parametrize("key", ["flag", "pass"])
def test_check_needs_two_examples_of_each_kind(content, key):
    path = content / "checks/binding-commitment.yml"
    old = {"flag": 'flag: ["I will rank you first.", "I promise to rank your program number one."]',
           "pass": 'pass: ["I will rank your program highly.", "Thank you for the interview."]'}[key]
    new = {"flag": 'flag: ["I will rank you first."]', "pass": 'pass: ["Thank you for the interview."]'}[key]
    edit(path, old, new)
    problem = one(problems(content), "checks/binding-commitment.yml", f"examples.{key}")
    assert problem.line == line_of(path, new)
    assert problem.message == f"expected at least two '{key}' examples; got 1"


@pytest.mark.parametrize("old, new, field, expected, on_line", [
    ("direction: received", "direction: mailed", "examples.flag[1].log[1].direction", "expected one of sent, received",
     "direction: mailed"),
    ("date: 2027-01-20", "date: soon", "examples.flag[1].log[0].date", "YYYY-MM-DD", "date: soon"),
    ("kind: first-choice\n", "kind: love-letter\n", "examples.flag[1].kind", "expected one of interest",
     "kind: love-letter"),
    ("      program: Riverside\n", "", "examples.flag[1].program", "missing required field", "- text:"),
    ("note: Thanks}", "note: Thanks, rank: 1}", "examples.flag[1].log[1].rank", "unknown field", "rank: 1"),
    ('- "I will rank you first."', "- 42", "examples.flag[0]", "expected text, or a mapping", "- 42"),
])
def test_a_bad_log_example_names_file_line_and_field(content, old, new, field, expected, on_line):
    path = content / "checks/binding-commitment.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("examples:")] + LOG_EXAMPLES.replace(old, new, 1), encoding="utf-8")
    problem = one(problems(content), "checks/binding-commitment.yml", field)
    assert expected in problem.message
    assert problem.line == line_of(path, on_line)


def test_a_log_category_message_names_only_the_details_it_fills(content):
    path = content / "checks/reply-due.yml"
    path.write_text(
        "category: reply-due\nrule: proofread-before-sending\nmode: draft\nseverity: suggestion\n"
        "title: Reply due\nmessage: \"[Program] wrote on [Day].\"\nexplanation: Reply first.\n"
        "examples:\n  flag: [a, b]\n  pass: [c, d]\n", encoding="utf-8")
    problem = one(problems(content), "checks/reply-due.yml", "message")
    assert problem.line == 6
    assert "unknown placeholder [Day]" in problem.message and "[Date]" in problem.message
