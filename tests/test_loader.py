"""The loader: the fixture knowledge base loads, and each kind of content error is reported with
its file, line, field and what was expected."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_KB, replace_once
from prematch_kb.kb.errors import ContentError, Problem
from prematch_kb.kb.loader import load_content, load_knowledge_base
from prematch_kb.kb.site import load_site_settings


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
    assert rule.binds == "both" and rule.asks == "dont" and rule.reviewed == dt.date(2026, 11, 22)
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
    replace_once(content / "rules/no-binding-commitments.yml", "binds: both", "binds: applicants")
    replace_once(content / "rules/proofread-before-sending.yml", "asks: do", "asks: maybe")
    replace_once(content / "glossary.yml", "term: ROL", "term: ''")
    found = problems(content)
    assert len(found) == 3
    assert str(found[0]).count("\n") == 0


# -- each kind of error ----------------------------------------------------------------------------

def test_malformed_yaml_gives_its_line(content):
    path = content / "rules/proofread-before-sending.yml"
    replace_once(path, "kind: practice", "kind: [practice")
    found = problems(content)
    problem = next(p for p in found if p.path.endswith("proofread-before-sending.yml"))
    assert "malformed YAML" in problem.message
    # Before: the line after, where libyaml noticed it; the [ to close is on this one.
    assert problem.line == line_of(path, "kind: [practice")
    assert "the [ opened on this line is never closed" in problem.message


@pytest.mark.parametrize("old, new, opened_on", [
    ('risky_phrasings: ["Dear Dr. [Last Name],", "I loved visiting [Program Name]."]',
     'risky_phrasings: [\n  "Dear Dr. [Last Name],",\n  "I loved visiting [Program Name]."', "risky_phrasings:"),
    ("sources: [{source: nrmp-mpa-applicants}]", "sources: [{source: nrmp-mpa-applicants]", "sources:"),
], ids=["sequence-over-lines", "mapping"])
def test_something_left_open_is_reported_where_it_was_opened(content, old, new, opened_on):
    path = content / "rules/proofread-before-sending.yml"
    replace_once(path, old, new)
    problem = next(p for p in problems(content) if p.path.endswith("proofread-before-sending.yml"))
    assert problem.line == line_of(path, opened_on), problem


BILLION_LAUGHS = (
    'why: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(f"x{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"
              for i in range(1, 12))
)


@pytest.mark.parametrize("yaml_text, on_line, expected", [
    (BILLION_LAUGHS, 2, "YAML alias *a0 is not allowed"),
    ("why: &self [*self]\n", 1, "YAML alias *self is not allowed"),
    ("why: " + "[" * 100_000 + "]" * 100_000 + "\n", 1, "nested more than 40 deep"),
    ("why:\n  " + "- " * 100_000 + "x\n", 2, "nested more than 40 deep"),
], ids=["billion-laughs", "self-reference", "deep-flow", "deep-block"])
def test_yaml_aliases_and_deep_nesting_are_problems_with_a_line(content, yaml_text, on_line, expected):
    """Before: the first hung and filled memory, the second ended in a RecursionError traceback,
    the deep ones crashed the C composer."""
    import time

    path = content / "rules/proofread-before-sending.yml"
    replace_once(path, "why: Small errors read as carelessness. This is professional advice, not an NRMP rule.\n",
         yaml_text)
    start = time.perf_counter()
    found = problems(content)
    assert time.perf_counter() - start < 10
    problem = next(p for p in found if p.path.endswith("proofread-before-sending.yml"))
    assert expected in problem.message
    assert problem.line == line_of(path, "statement: Read every") + on_line


def test_yaml_alias_in_front_matter_counts_lines_from_the_file_top(content):
    path = content / "guides/networking.md"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines.insert(2, "x: &v [1]\ny: *v\n")
    path.write_text("".join(lines), encoding="utf-8")
    problem = next(p for p in problems(content) if p.path.endswith("networking.md"))
    assert "alias *v" in problem.message and problem.line == 4


def test_missing_required_field(content):
    path = content / "rules/no-binding-commitments.yml"
    replace_once(path, "summary: No promise about ranking binds anyone.\n", "")
    problem = one(problems(content), "rules/no-binding-commitments.yml", "summary")
    assert problem.message == "missing required field"
    assert problem.line == 1


def test_unknown_field_suggests_the_right_name(content):
    path = content / "rules/no-binding-commitments.yml"
    replace_once(path, "summary: No promise", "sumary: No promise")
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
    replace_once(path, old, new)
    found = [p for p in problems(content) if p.field == field]
    assert found, f"no problem at {field}"
    assert found[0].path.endswith(file)
    assert found[0].message == expected
    assert found[0].line == line_of(path, new.splitlines()[0])


def test_bad_enum_value_lists_the_choices(content):
    path = content / "rules/no-binding-commitments.yml"
    replace_once(path, "binds: both", "binds: applicants")
    problem = one(problems(content), "rules/no-binding-commitments.yml", "binds")
    assert problem.line == line_of(path, "binds:")
    assert problem.message.startswith("expected one of applicant, program, both; got 'applicants'")
    assert "did you mean 'applicant'?" in problem.message


def test_bad_enum_in_a_list(content):
    path = content / "templates/thank-you-after-interview.yml"
    replace_once(path, "audience: [program-director, faculty]", "audience: [program-director, dean]")
    problem = one(problems(content), "templates/thank-you-after-interview.yml", "audience[1]")
    assert "expected one of program-director, coordinator, faculty, resident; got 'dean'" in problem.message


def test_duplicate_id_in_a_list_names_both_places(content):
    path = content / "glossary.yml"
    replace_once(path, "  - id: rol", "  - id: soap")
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
    replace_once(path, old, new)
    problem = one(problems(content), file, field)
    assert problem.line == line_of(path, new)
    assert problem.message.startswith(f"expected an existing {kind} id; got '{bad}'")


def test_unknown_source_in_a_citation(content):
    path = content / "faq.yml"
    replace_once(path, "sources: [{source: nrmp-mpa-applicants, section", "sources: [{source: nrmp-mpa-applicant, section")
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
    replace_once(path, "(rule:proofread-before-sending)", "(rule:proofread)")
    problem = one(problems(content), "rules/no-binding-commitments.yml", "statement")
    assert problem.line == line_of(path, "(rule:proofread)")



# -- content that could carry script ---------------------------------------------------------------

@pytest.mark.parametrize("markdown, expected", [
    ("Read this <script>alert(1)</script> first.", "raw HTML is not allowed in content (<script>)"),
    ("Read <img src=x onerror=alert(1)> first.", "raw HTML is not allowed"),
    ("See [the rule](javascript:alert(1)).", "link to a javascript: address is not allowed"),
    ("See [the rule](java&#9;script:alert(1)).", "link to a javascript: address is not allowed"),
    ("See [the rule](JAVASCRIPT&colon;alert(1)).", "link to a javascript: address is not allowed"),
    ("See ![x](data:text/html;base64,PHNjcmlwdD4=).", "link to a data: address is not allowed"),
    ("See <vbscript:msgbox(1)>.", "link to a vbscript: address is not allowed"),
    ("A claim{: onclick=\"alert(1)\" }", "attribute lists ({: onclick=\"alert(1)\" }) are not allowed"),
], ids=["script", "img-onerror", "javascript", "entity-tab", "entity-colon", "data-image", "autolink",
        "attr-list"])
def test_markup_that_could_carry_script_is_refused_with_its_line(content, markdown, expected):
    """Before: each of these passed validation and reached the built pages."""
    path = content / "rules/no-binding-commitments.yml"
    replace_once(path, "why: Only the certified rank order list decides;", f"why: {markdown!r} # Only the certified rank order list decides;")
    found = [p for p in problems(content) if p.path.endswith("no-binding-commitments.yml") and p.field == "why"]
    assert any(expected in p.message for p in found), found
    assert {p.line for p in found} == {line_of(path, "why: ")}


def test_unsafe_markup_in_a_guide_body_names_its_own_line(content):
    path = content / "guides/networking.md"
    replace_once(path, "[agreement](source:nrmp-mpa-applicants)", "[agreement](javascript:alert(document.cookie))")
    replace_once(path, "Read the [binding rule]", "Read <b onmouseover=alert(1)>the</b> [binding rule]")
    found = [p for p in problems(content) if p.path.endswith("networking.md")]
    assert [(p.line, p.message.split(" (")[0]) for p in found] == [
        (line_of(path, "Read <b"), "raw HTML is not allowed in content"),
        (line_of(path, "javascript:"), "link to a javascript: address is not allowed; expected http:, https:, mailto:, a "
                                        "relative link, or a content link such as rule:<id>"),
    ]


def test_code_spans_web_links_and_content_links_are_fine(content):
    path = content / "rules/no-binding-commitments.yml"
    replace_once(path, "why: Only the certified rank order list decides;",
         "why: 'Write `<NAME>` never; see <https://www.nrmp.org/> and [mail](mailto:a@example.org).' # Only the certified rank order list decides;")
    kb, _ = load_content(content)
    assert "<NAME>" in kb.rules["no-binding-commitments"].why


@pytest.mark.parametrize("value, shown", [("2026-02-30", "'2026-02-30'"), ("soon", "'soon'"), ("2026-13-01", "'2026-13-01'")])
def test_bad_date(content, value, shown):
    path = content / "rules/proofread-before-sending.yml"
    replace_once(path, "reviewed: 2026-11-21", f"reviewed: {value}")
    problem = one(problems(content), "rules/proofread-before-sending.yml", "reviewed")
    assert problem.line == line_of(path, "reviewed:")
    assert problem.message == f"expected a real date written YYYY-MM-DD; got {shown}"


def test_source_without_url(content):
    path = content / "sources.yml"
    replace_once(path, "    url: https://blog.example.com/advice\n", "")
    problem = one(problems(content), "sources.yml", "sources[2].url")
    assert problem.message == "missing required field"
    assert problem.line == line_of(path, "id: advice-blog")


@pytest.mark.parametrize("url", ["www.nrmp.org/policy", "ftp://nrmp.org/x", "https://nrmp org/x", "https://localhost/x"])
def test_source_with_malformed_url(content, url):
    path = content / "sources.yml"
    replace_once(path, "url: https://blog.example.com/advice", f"url: {url}")
    problem = one(problems(content), "sources.yml", "sources[2].url")
    assert problem.line == line_of(path, f"url: {url}")
    assert problem.message.startswith("expected a full web address starting with https:// or http://")


def test_rule_without_a_primary_source(content):
    path = content / "rules/proofread-before-sending.yml"
    replace_once(path, "sources: [{source: nrmp-mpa-applicants}]", "sources: [{source: advice-blog}]")
    problem = one(problems(content), "rules/proofread-before-sending.yml", "sources")
    assert problem.line == line_of(path, "sources:")
    assert problem.message == ("expected at least one primary source (primary: true in sources.yml); "
                               "got only secondary sources: advice-blog")


def test_rule_without_any_source(content):
    path = content / "rules/proofread-before-sending.yml"
    replace_once(path, "sources: [{source: nrmp-mpa-applicants}]", "sources: []")
    problem = one(problems(content), "rules/proofread-before-sending.yml", "sources")
    assert problem.message == "expected a non-empty list; got an empty list"


def test_confirmed_fact_needs_a_primary_source(content):
    path = content / "profiles/non-us-img.yml"
    replace_once(path, "    sources: [{source: nrmp-mpa-applicants}]\n    confirmed: true",
         "    sources: [{source: advice-blog}]\n    confirmed: true")
    problem = one(problems(content), "profiles/non-us-img.yml", "facts[0].sources")
    assert "expected a primary source for a confirmed fact" in problem.message


def test_template_placeholder_used_but_not_declared(content):
    path = content / "templates/thank-you-after-interview.yml"
    replace_once(path, "I enjoyed learning about the program.", "I enjoyed learning about [Program Name].")
    problem = one(problems(content), "templates/thank-you-after-interview.yml", "body")
    assert problem.line == line_of(path, "[Program Name]")
    assert problem.message.startswith("placeholder [Program Name] is used but not declared")
    assert "name: Program Name" in problem.message


def test_template_placeholder_in_subject_not_declared(content):
    path = content / "templates/thank-you-after-interview.yml"
    replace_once(path, "subject: Thank you, [Interview Date] interview", "subject: Thank you, [Date] interview")
    problem = one(problems(content), "templates/thank-you-after-interview.yml", "subject")
    assert problem.line == line_of(path, "subject:")


def test_template_placeholder_declared_but_unused(content):
    path = content / "templates/thank-you-after-interview.yml"
    replace_once(path, "  [Your Name]\n", "  Amina\n")
    problem = one(problems(content), "templates/thank-you-after-interview.yml", "placeholders[2].name")
    assert problem.message.startswith("placeholder 'Your Name' is declared but never used")
    assert problem.line == line_of(path, "- name: Your Name")


@pytest.mark.parametrize("key", ["flag", "pass"])
def test_check_needs_two_examples_of_each_kind(content, key):
    path = content / "checks/binding-commitment.yml"
    old = {"flag": 'flag: ["I will rank you first.", "I promise to rank your program number one."]',
           "pass": 'pass: ["I will rank your program highly.", "Thank you for the interview."]'}[key]
    new = {"flag": 'flag: ["I will rank you first."]', "pass": 'pass: ["Thank you for the interview."]'}[key]
    replace_once(path, old, new)
    problem = one(problems(content), "checks/binding-commitment.yml", f"examples.{key}")
    assert problem.line == line_of(path, new)
    assert problem.message == f"expected at least two '{key}' examples; got 1"


@pytest.mark.parametrize("old, new, field, expected", [
    ("category: placeholder", "category: placeholders", "category", "expected one of binding-commitment, "),
    ("mode: draft", "mode: drafts", "mode", "expected one of draft, received; got 'drafts'"),
    ("severity: error", "severity: fatal", "severity", "expected one of error, warning, suggestion; got 'fatal'"),
])
def test_check_with_invalid_category_mode_or_severity(content, old, new, field, expected):
    path = content / "checks/placeholder.yml"
    replace_once(path, old, new)
    problem = one(problems(content), "checks/placeholder.yml", field)
    assert problem.line == line_of(path, new)
    assert problem.message.startswith(expected)


def test_check_rule_must_exist(content):
    path = content / "checks/placeholder.yml"
    replace_once(path, "rule: proofread-before-sending", "rule: proofread-before-sendng")
    problem = one(problems(content), "checks/placeholder.yml", "rule")
    assert problem.line == line_of(path, "rule: proofread-before-sendng")
    assert problem.message.startswith("expected an existing rule id; got 'proofread-before-sendng'")


@pytest.mark.parametrize("old, new, field", [
    ("term: ROL", "term: ''", "entries[1].term"),
    ("title: Proofread before sending", "title: '   '", "title"),
])
def test_empty_required_text(content, old, new, field):
    file = "glossary.yml" if "ROL" in old else "rules/proofread-before-sending.yml"
    replace_once(content / file, old, new)
    problem = one(problems(content), file, field)
    assert problem.message == "expected non-empty text; got an empty string"
    assert problem.line == line_of(content / file, new)


def test_non_utf8_file(content):
    path = content / "faq.yml"
    data = path.read_bytes().replace(b"Short answers.", b"Short answers \xe9t\xe9.")
    path.write_bytes(data)
    problem = one(problems(content), "faq.yml", "")
    assert problem.message.startswith("not UTF-8 text (byte 0xe9)")
    assert problem.line == 2


@pytest.mark.parametrize("orders, shown", [((1, 2, 4), "1, 2, 4"), ((1, 1, 2), "1, 1, 2"), ((0, 1, 2), "0, 1, 2")])
def test_phase_order_must_run_from_one_without_gaps(content, orders, shown):
    path = content / "timeline/phases.yml"
    text = path.read_text(encoding="utf-8")
    for number, order in zip((1, 2, 3), orders, strict=True):
        text = text.replace(f"    order: {number}\n", f"    order: X{order}\n", 1)
    path.write_text(text.replace("order: X", "order: "), encoding="utf-8")
    found = [p for p in problems(content) if p.field.endswith(".order")]
    assert len(found) == 1
    assert found[0].path.endswith("timeline/phases.yml")
    assert found[0].message == f"expected phase orders 1 to 3 without gaps or repeats; got {shown}"


# -- stages of the season (timeline/cycle.yml) ------------------------------------------------------

def test_stage_starting_at_an_unknown_date(content):
    path = content / "timeline/cycle.yml"
    replace_once(path, "  - starts_at: rank-deadline", "  - starts_at: rank-deadlin")
    problem = one(problems(content), "timeline/cycle.yml", "stages[1].starts_at")
    assert problem.line == line_of(path, "starts_at: rank-deadlin")
    assert problem.message == ("expected the id of one of this file's dates; got 'rank-deadlin' "
                               "(did you mean 'rank-deadline'?)")


def test_stages_must_be_in_date_order(content):
    path = content / "timeline/cycle.yml"
    replace_once(path, "  - starts_at: match-day\n", "  - starts_at: eras-opens\n")
    problem = one(problems(content), "timeline/cycle.yml", "stages[2].starts_at")
    assert problem.line == line_of(path, "starts_at: eras-opens")
    assert problem.message == ("expected a start after the stage before (2027-03-03); got 2026-06-04. "
                               "List stages in date order")


def test_only_the_first_stage_may_leave_out_its_date(content):
    path = content / "timeline/cycle.yml"
    replace_once(path, "  - starts_at: match-day\n    phases", "  - phases")
    problem = one(problems(content), "timeline/cycle.yml", "stages[2].starts_at")
    assert problem.line == line_of(path, "  - phases: [match-week]")
    assert problem.message.startswith("missing required field; only the first stage may leave it out")


def test_every_phase_must_be_current_in_some_stage(content):
    path = content / "timeline/cycle.yml"
    replace_once(path, "    phases: [match-week]\n", "    phases: [post-interview]\n")
    problem = one(problems(content), "timeline/cycle.yml", "stages")
    assert problem.line == line_of(path, "stages:")
    assert problem.message.startswith("phase 'match-week' is in no stage; expected every phase")


@pytest.mark.parametrize("old, new, field, expected", [
    ("  - starts_at: match-day\n", "  - starts_at: match-day\n    offset_days: 1000\n", "stages[2].offset_days",
     "expected a number of days from -366 to 366; got 1000"),
    ("  - starts_at: match-day\n", "  - starts_at: match-day\n    offset_days: one\n", "stages[2].offset_days",
     "expected a whole number; got 'one'"),
    ("  - phases: [before-applying]\n", "  - phases: [before-applying]\n    offset_days: 3\n", "stages[0].offset_days",
     "expected starts_at with it; the first stage without starts_at starts with the cycle's first date"),
    ("    phases: [match-week]\n", "    phases: [match-week, match-week]\n", "stages[2].phases[1]",
     "phase 'match-week' is listed twice; expected each phase once per stage"),
])
def test_bad_stage_fields(content, old, new, field, expected):
    path = content / "timeline/cycle.yml"
    replace_once(path, old, new)
    problem = one(problems(content), "timeline/cycle.yml", field)
    assert problem.message == expected
    assert problem.line == line_of(path, new.splitlines()[-1].strip())


def test_stages_are_required(content):
    path = content / "timeline/cycle.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("stages:")], encoding="utf-8")
    problem = one(problems(content), "timeline/cycle.yml", "stages")
    assert problem.message == "missing required field"


def test_missing_file_and_guide_without_front_matter(content):
    (content / "faq.yml").unlink()
    (content / "guides/networking.md").write_text("# Networking\n\nNo front matter.\n", encoding="utf-8")
    found = problems(content)
    assert one(found, "faq.yml", "").message.startswith("missing file")
    assert one(found, "guides/networking.md", "").message == "expected YAML front matter between two '---' lines at the top"


def test_guide_front_matter_lines_count_from_the_file_top(content):
    path = content / "guides/networking.md"
    replace_once(path, "kind: how-to", "kind: howto")
    problem = one(problems(content), "guides/networking.md", "kind")
    assert problem.line == line_of(path, "kind: howto")
    assert "expected one of how-to, explanation, tutorial, reference; got 'howto'" in problem.message


def test_field_given_twice(content):
    path = content / "rules/proofread-before-sending.yml"
    replace_once(path, "kind: practice\n", "kind: practice\nkind: match-rule\n")
    problem = one(problems(content), "rules/proofread-before-sending.yml", "kind")
    assert problem.line == line_of(path, "kind: match-rule")
    assert "given twice" in problem.message


def test_site_cycle_must_match_the_cycle_file(content):
    replace_once(content / "site.yml", 'cycle: "2027"', 'cycle: "2028"')
    with pytest.raises(ContentError) as caught:
        load_content(content)
    problem = one(caught.value.problems, "site.yml", "cycle")
    assert problem.message == "expected the id of timeline/cycle.yml ('2027'); got '2028'"


def test_top_level_must_be_a_mapping(content):
    (content / "rules/proofread-before-sending.yml").write_text("- just\n- a list\n", encoding="utf-8")
    problem = one(problems(content), "rules/proofread-before-sending.yml", "")
    assert problem.message == "expected a mapping of fields at the top level; got a list"


@pytest.mark.slow
def test_no_input_crashes_the_loader():
    """Property: whatever a content file holds, loading ends in a KnowledgeBase or a ContentError."""
    import tempfile

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    files = sorted(p.relative_to(FIXTURE_KB).as_posix() for p in FIXTURE_KB.rglob("*") if p.is_file())
    garbage = st.one_of(
        st.text(max_size=30),
        st.sampled_from(["[", "{", ": :", "- - -", "!!python/name:os.system", "*alias", "&a [*a]", "'", "? x",
                         "id: [1, 2]", "id: {a: 1}", "2026-02-30", "null", "~", "\t", "---", "...", "\xe9"]),
    )

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(FIXTURE_KB, content)

        @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(file=st.sampled_from(files), line=st.integers(min_value=0, max_value=40), junk=garbage,
               as_bytes=st.booleans())
        def check(file, line, junk, as_bytes):
            path = content / file
            original = path.read_bytes()
            lines = original.decode("utf-8").splitlines(keepends=True)
            lines.insert(min(line, len(lines)), junk + "\n")
            text = "".join(lines)
            path.write_bytes(text.encode("latin-1", errors="replace") if as_bytes else text.encode("utf-8"))
            try:
                load_content(content)
            except ContentError as error:
                assert error.problems and all(isinstance(p, Problem) for p in error.problems)
            finally:
                path.write_bytes(original)

        check()


# -- one broken file, one problem: no follow-on errors ---------------------------------------------

def notes(found: list[Problem]) -> list[Problem]:
    return [p for p in found if p.message.startswith("note: ")]


def test_malformed_file_gives_one_problem_and_one_note_not_unknown_ids(content):
    """References to a rule whose file does not parse wait for the fix instead of each being an error."""
    path = content / "rules/no-binding-commitments.yml"
    replace_once(path, "binds: both\n", "binds: [both\n")
    found = problems(content)
    assert len(found) == 2, "\n".join(map(str, found))
    error, note = found
    assert error.path.endswith("rules/no-binding-commitments.yml") and error.message.startswith("malformed YAML")
    assert error.line in (line_of(path, "binds: [both"), line_of(path, "binds: [both") + 1)
    assert note.path == error.path and note.line == error.line and note.field == ""
    assert note.message == ("note: 13 references to rule 'no-binding-commitments' were not checked, since this "
                            "file could not be read; fix this first, then validate again")


def test_malformed_rule_file_still_reports_unknown_ids_it_cannot_define(content):
    """A file named after its id can only define that id: other unknown rule ids are still errors."""
    replace_once(content / "rules/no-binding-commitments.yml", "binds: both\n", "binds: [both\n")
    mistakes = content / "mistakes.yml"
    replace_once(mistakes, "rules: [no-binding-commitments]", "rules: [no-binding-commitments, no-such-rule]")
    found = problems(content)
    assert len(found) == 3, "\n".join(map(str, found))
    unknown = one(found, "mistakes.yml", "entries[0].rules[1]")
    assert unknown.message == "expected an existing rule id; got 'no-such-rule'"
    assert unknown.line == line_of(mistakes, "no-such-rule")
    assert notes(found)[0].message.startswith("note: 13 references to rule 'no-binding-commitments' were")


def test_malformed_list_file_leaves_references_to_its_kind_unchecked(content):
    """glossary.yml could have defined any glossary id; every other kind is still checked."""
    path = content / "glossary.yml"
    replace_once(path, "  - id: rol\n", "  - id: rol\n   bad: indent\n")
    replace_once(content / "checklists.yml", "phase: post-interview", "phase: interviews")
    found = problems(content)
    assert len(found) == 3, "\n".join(map(str, found))
    assert one(found, "checklists.yml", "entries[1].phase").message.startswith("expected an existing phase id; got 'interviews'")
    error, note = [p for p in found if p.path.endswith("glossary.yml")]
    assert error.message.startswith("malformed YAML") and note.line == error.line
    assert note.message.startswith("note: 3 references to glossary ids were not checked, since this file could not be read")


def test_malformed_sources_file_does_not_report_every_citation(content):
    replace_once(content / "sources.yml", "primary: false", "primary: [false")
    found = problems(content)
    assert len(found) == 2, "\n".join(map(str, found))
    assert found[0].message.startswith("malformed YAML")
    # nine citations in YAML files and one [link](source:...) in a guide
    assert found[1].message.startswith("note: 10 references to source ids were not checked")


def test_missing_list_file_leaves_references_to_its_kind_unchecked(content):
    (content / "glossary.yml").unlink()
    found = problems(content)
    assert [p.message[:40] for p in found] == [
        "missing file; expected it to exist (see ", "note: 3 references to glossary ids were "]
    assert all(p.path.endswith("glossary.yml") and p.line == 0 for p in found)


def test_entry_without_a_readable_id_leaves_its_kind_unchecked(content):
    path = content / "glossary.yml"
    replace_once(path, "  - id: soap\n", "  - id: [soap]\n")
    found = problems(content)
    assert len(found) == 2, "\n".join(map(str, found))
    error = one(found, "glossary.yml", "entries[0].id")
    assert error.message == "expected text; got a list" and error.line == line_of(path, "id: [soap]")
    note = notes(found)[0]
    assert note.line == error.line
    assert note.message.startswith("note: 3 references to glossary ids were not checked, since the id of "
                                   "entries[0] could not be read")


def test_file_without_an_id_leaves_only_its_own_id_unchecked(content):
    path = content / "specialties/otolaryngology.yml"
    replace_once(path, "id: otolaryngology\n", "")
    replace_once(content / "guides/networking.md", "(specialty:otolaryngology)", "(specialty:otolaryngologie)")
    found = problems(content)
    assert len(found) == 2, "\n".join(map(str, found))  # nothing refers to it but the broken link: no note
    assert one(found, "guides/networking.md", "body").message.startswith("expected an existing specialty id; got 'otolaryngologie'")
    assert one(found, "specialties/otolaryngology.yml", "id").message == "missing required field"


def test_guide_without_front_matter_does_not_break_links_to_it(content):
    (content / "guides/networking.md").write_text("# Networking\n\nSee [this](guide:networking).\n", encoding="utf-8")
    found = problems(content)
    assert len(found) == 2, "\n".join(map(str, found))
    assert found[0].message == "expected YAML front matter between two '---' lines at the top"
    assert found[1].message.startswith("note: 1 reference to guide 'networking' was not checked")


def test_missing_folder_leaves_references_to_its_kind_unchecked(content):
    shutil.rmtree(content / "templates")
    found = problems(content)
    assert [p.path.endswith("templates") for p in found] == [True, True], "\n".join(map(str, found))
    assert found[0].message.startswith("missing folder; expected templates/")
    assert found[1].message.startswith("note: 8 references to template ids were not checked, since the folder "
                                       "templates/ is missing")


def test_date_without_an_id_does_not_make_its_stage_unknown(content):
    path = content / "timeline/cycle.yml"
    replace_once(path, "  - id: match-day\n", "  - id: 19\n")
    found = problems(content)
    assert len(found) == 2, "\n".join(map(str, found))
    error = one(found, "timeline/cycle.yml", "dates[2].id")
    assert error.message.startswith("expected text; got a number (19)")
    assert notes(found)[0].message.startswith("note: 1 reference to date ids was not checked")


def test_every_unknown_reference_is_reported_when_all_files_read(content):
    """With every file readable, nothing is held back: each unknown id of each kind is an error."""
    replace_once(content / "rules/no-binding-commitments.yml", "binds: both", "binds: applicants")
    replace_once(content / "rules/no-binding-commitments.yml", "related: [proofread-before-sending]", "related: [proofread]")
    replace_once(content / "checklists.yml", "phase: post-interview", "phase: interviews")
    replace_once(content / "faq.yml", "sources: [{source: nrmp-mpa-applicants,", "sources: [{source: nrmp-mpa,")
    replace_once(content / "profiles/non-us-img.yml", "(glossary:soap)", "(glossary:soaps)")
    replace_once(content / "guides/networking.md", "(specialty:otolaryngology)", "(specialty:ent)")
    replace_once(content / "guides/networking.md", "(guide:networking)", "(guide:networks)")
    replace_once(content / "guides/networking.md", "(source:nrmp-mpa-applicants)", "(source:mpa)")
    replace_once(content / "timeline/phases.yml", "templates: [thank-you-after-interview]", "templates: [thanks]")
    replace_once(content / "specialties/otolaryngology.yml", "phases: [post-interview]", "phases: [interviews]")
    found = problems(content)
    assert not notes(found)
    unknown = [p for p in found if p.message.startswith(("expected an existing", "expected a source id"))]
    assert sorted(p.message.split("; got ")[1].split(" ")[0] for p in unknown) == sorted(
        ["'proofread'", "'interviews'", "'nrmp-mpa'", "'soaps'", "'ent'", "'networks'", "'mpa'", "'thanks'",
         "'interviews'"])
    assert len(found) == len(unknown) + 1  # and the bad enum


# -- problems point at the entry they are about ----------------------------------------------------

def test_duplicate_placeholder_points_at_the_repeat_and_names_the_first(content):
    path = content / "templates/thank-you-after-interview.yml"
    replace_once(path, "  - name: Your Name\n", "  - name: Last Name\n")
    replace_once(path, "  [Your Name]\n", "  [Last Name]\n")
    first, second = [n for n, line in enumerate(path.read_text().splitlines(), 1) if "- name: Last Name" in line]
    found = problems(content)
    assert len(found) == 1, "\n".join(map(str, found))
    problem = one(found, "templates/thank-you-after-interview.yml", "placeholders[2].name")
    assert problem.line == second
    assert problem.message.startswith("placeholder 'Last Name' declared twice: already declared at ")
    assert f"thank-you-after-interview.yml:{first};" in problem.message


def test_duplicate_date_points_at_the_repeat_and_names_the_first(content):
    path = content / "timeline/cycle.yml"
    replace_once(path, "  - id: match-day\n", "  - id: rank-deadline\n")
    replace_once(path, "starts_at: match-day", "starts_at: rank-deadline\n    offset_days: 16")
    first, second = [n for n, line in enumerate(path.read_text().splitlines(), 1) if "- id: rank-deadline" in line]
    found = problems(content)
    problem = one(found, "timeline/cycle.yml", "dates[2].id")
    assert problem.line == second
    assert problem.message.startswith("duplicate date id 'rank-deadline': already defined at ")
    assert f"cycle.yml:{first};" in problem.message


def test_phase_order_problem_points_at_the_order_line(content):
    path = content / "timeline/phases.yml"
    replace_once(path, "    order: 3\n", "    order: 4\n")
    problem = one(problems(content), "timeline/phases.yml", "phases[2].order")
    assert problem.line == line_of(path, "order: 4")


def test_duplicate_phase_id_is_not_also_an_order_gap(content):
    path = content / "timeline/phases.yml"
    replace_once(path, "  - id: match-week\n", "  - id: post-interview\n")
    found = [p for p in problems(content) if p.path.endswith("timeline/phases.yml")]
    assert len(found) == 1 and "duplicate phase id 'post-interview'" in found[0].message, "\n".join(map(str, found))


def test_id_not_matching_its_file_name_is_one_problem(content):
    path = content / "rules/no-binding-commitments.yml"
    replace_once(path, "id: no-binding-commitments", "id: no-binding-commitment")
    found = problems(content)
    assert len(found) == 2, "\n".join(map(str, found))
    problem = one(found, "rules/no-binding-commitments.yml", "id")
    assert problem.message.startswith("expected 'no-binding-commitments' (the file name without .yml)")
    assert notes(found)[0].message.startswith("note: 13 references to rule 'no-binding-commitments' were not "
                                              "checked, since its id does not match the file name")


def test_invalid_id_in_a_list_leaves_its_kind_unchecked(content):
    path = content / "glossary.yml"
    replace_once(path, "  - id: soap\n", "  - id: SOAP\n")
    found = problems(content)
    assert len(found) == 2, "\n".join(map(str, found))
    problem = one(found, "glossary.yml", "entries[0].id")
    assert problem.message == "expected an id of lowercase words joined by hyphens; got 'SOAP'"
    assert notes(found)[0].message.startswith("note: 3 references to glossary ids were not checked, since the id "
                                              "of entries[0] is not a valid id")


# -- check examples read against a communication log ---------------------------------------------

LOG_EXAMPLES = """examples:
  flag:
    - "I will rank you first."
    - text: "I promise to rank your program number one."
      program: Riverside
      kind: first-choice
      log:
        - {program: Lakeshore, date: 2027-01-20, direction: sent, kind: first-choice, first_choice_claim: true}
        - {program: Lakeshore, date: 2027-01-22, direction: received, kind: reply, note: Thanks}
  pass: ["I will rank your program highly.", "Thank you for the interview."]
"""


def test_a_check_example_may_carry_a_log(content):
    path = content / "checks/binding-commitment.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("examples:")] + LOG_EXAMPLES, encoding="utf-8")
    check = load_knowledge_base(content).checks["binding-commitment"]
    assert check.flags == ("I will rank you first.", "I promise to rank your program number one.")
    [(_, _, none), (_, _, log), *passes] = list(check.examples())
    assert none is None and [p[2] for p in passes] == [None, None]
    assert log.program == "Riverside" and log.kind == "first-choice"
    assert log.entries == (
        {"program": "Lakeshore", "date": "2027-01-20", "direction": "sent", "kind": "first-choice",
         "first_choice_claim": True, "note": ""},
        {"program": "Lakeshore", "date": "2027-01-22", "direction": "received", "kind": "reply",
         "first_choice_claim": False, "note": "Thanks"},
    )


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


# -- which category is reported instead of which ---------------------------------------------------

def _outranks(path: Path, category: str, within: str = "same sentence") -> None:
    replace_once(path, "examples:", f"outranks:\n  - category: {category}\n    within: {within}\nexamples:")


def test_a_category_may_outrank_another_of_its_mode(content):
    _outranks(content / "checks/binding-commitment.yml", "placeholder", "same or next sentence")
    kb = load_knowledge_base(content)
    [outrank] = kb.checks["binding-commitment"].outranks
    assert (outrank.category, outrank.within) == ("placeholder", "same or next sentence")
    assert kb.checks["placeholder"].outranks == ()


@pytest.mark.parametrize("category, within, field, expected", [
    ("placeholders", "same sentence", "outranks[0].category", "expected one of binding-commitment, "),
    ("placeholder", "same paragraph", "outranks[0].within",
     "expected one of same words, same sentence, same or next sentence; got 'same paragraph'"),
    ("binding-commitment", "same sentence", "outranks[0]", "a category cannot outrank itself"),
])
def test_an_outranked_category_must_exist_be_another_and_say_how_near(content, category, within, field, expected):
    path = content / "checks/binding-commitment.yml"
    _outranks(path, category, within)
    problem = one(problems(content), "checks/binding-commitment.yml", field)
    assert problem.message.startswith(expected)


def test_an_outranked_category_must_share_the_mode(content):
    replace_once(content / "checks/placeholder.yml", "mode: draft", "mode: received")
    path = content / "checks/binding-commitment.yml"
    _outranks(path, "placeholder")
    problem = one(problems(content), "checks/binding-commitment.yml", "outranks")
    assert problem.line == line_of(path, "- category: placeholder")
    assert problem.message == "expected a category of mode 'draft'; got 'placeholder', of mode 'received'"


def test_outranking_must_not_go_round_in_a_circle(content):
    _outranks(content / "checks/binding-commitment.yml", "placeholder")
    _outranks(content / "checks/placeholder.yml", "binding-commitment")
    found = [p for p in problems(content) if p.field == "outranks"]
    assert found and all("outranking must not go round in a circle" in p.message for p in found)
