"""The compiler on the fixture knowledge base: every page kind, link resolution and escaping."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import markdown
import pytest

from conftest import FIXTURE_KB, replace_once
from prematch_kb.compiler import build_nav, current_phases, render_pages, write_pages
from prematch_kb.compiler import markdown as md
from prematch_kb.kb.loader import load_content

TODAY = dt.date(2027, 3, 10)


@pytest.fixture(scope="module")
def loaded():
    return load_content(FIXTURE_KB)


@pytest.fixture(scope="module")
def pages(loaded):
    kb, settings = loaded
    return {p.path: p for p in render_pages(kb, settings, today=TODAY, handwritten={"index.md", "checker/index.md"})}


def html_of(markdown_text: str) -> str:
    """Render with the same extensions the site uses (Python-Markdown side)."""
    return markdown.markdown(markdown_text, extensions=["tables", "attr_list", "md_in_html", "admonition",
                                                       "toc", "pymdownx.superfences", "pymdownx.tasklist"])


def test_every_content_item_gets_a_page(pages):
    assert set(pages) == {
        "guides/networking.md", "timeline/index.md", "profiles/index.md", "profiles/non-us-img.md",
        "rules/index.md", "rules/no-binding-commitments.md", "rules/proofread-before-sending.md",
        "specialties/index.md", "specialties/otolaryngology.md", "templates/index.md",
        "templates/thank-you-after-interview.md", "mistakes.md", "checklists.md", "faq.md", "glossary.md",
        "sources.md"}


def test_pages_carry_origin_section_and_reviewed_date(pages):
    rule = pages["rules/no-binding-commitments.md"]
    assert rule.origin == "rules/no-binding-commitments.yml" and rule.section == "Rules"
    assert pages["rules/index.md"].origin == ""
    assert pages["guides/networking.md"].origin == "guides/networking.md"
    for page in pages.values():
        assert re.search(r"Last reviewed: <time datetime=\"\d{4}-\d\d-\d\d\">", page.markdown), page.path
    assert "Last reviewed: <time datetime=\"2026-11-21\">" in pages["rules/proofread-before-sending.md"].markdown


def test_rule_page(pages):
    text = pages["rules/no-binding-commitments.md"].markdown
    assert text.startswith("# Neither side may ask for or give a binding commitment\n")
    # the badge says whom the rule binds and what it asks of them
    assert '<span class="pmkb-status pmkb-status--must-not">Neither side may</span>' in text
    assert "## What the rule says {#statement}" in text and "## Why it exists {#why}" in text
    # safe and risky phrasings side by side, in one table
    assert "| Safer | Riskier |" in text
    assert "| “I will rank your program very highly.” | “I commit to ranking you first.” |" in text
    # checker section anchored for findings, with message and both kinds of example
    assert "### Binding commitment {#checker-binding-commitment}" in text
    assert "This sentence promises how you will rank the program." in text
    assert "“I will rank you first.”" in text and "“Thank you for the interview.”" in text
    assert "[email checker](../checker/index.md)" in text
    # sources with section and date checked; secondary marked
    assert ("[Match Participation Agreement for Applicants](https://www.nrmp.org/policy/mpa-applicants/) (NRMP), "
            "section 6\\.3. Checked 2026-11-22.") in text
    assert "(secondary source)" in text
    assert "[Proofread before sending](proofread-before-sending.md)" in text  # related, same folder


def test_rules_index_groups_by_what_a_rule_asks_and_who_is_bound(pages):
    text = pages["rules/index.md"].markdown
    assert "## What not to do {#asks-dont}" in text and "## What to do {#asks-do}" in text
    assert "## What is allowed" not in text  # no "may" rule in the fixture
    assert text.index("{#asks-do}") < text.index("{#asks-dont}")
    assert "pmkb-status--should\">You should</span>" in text  # proofreading: a practice
    assert "### Applicants and programs {#binds-both}" in text and "### Applicants {#binds-applicant}" in text
    assert text.index("binds-both") < text.rindex("no-binding-commitments.md")


def test_template_page(pages):
    text = pages["templates/thank-you-after-interview.md"].markdown
    assert '<div class="pmkb-template" data-template-id="thank-you-after-interview" markdown>' in text
    assert "```text\nDear Dr. [Last Name],\n" in text
    assert ('<a class="md-button pmkb-open-in-checker" href="../../checker/?template=thank-you-after-interview">'
            "Open in checker</a>") in text
    assert "| \\[Last Name\\] | The interviewer's family name | Okafor |" in text
    assert '!!! success "Do"' in text and '!!! danger "Don\'t"' in text
    assert "[After interviews](../timeline/index.md#post-interview)" in text
    assert "**Subject:** Thank you, \\[Interview Date\\] interview" in text
    html = html_of(text)
    assert '<div class="pmkb-template" data-template-id="thank-you-after-interview">' in html
    assert "Dear Dr. [Last Name]," in html


def test_templates_index_groups_by_phase(pages):
    text = pages["templates/index.md"].markdown
    assert "## After interviews {#phase-post-interview}" in text
    assert "[Thank-you note after an interview](thank-you-after-interview.md)" in text


def test_timeline_page(pages, loaded):
    kb, _ = loaded
    text = pages["timeline/index.md"].markdown
    for phase in kb.phases:
        assert f"{{#{phase}}}" in text
    assert '<section class="pmkb-phase pmkb-phase--current" data-phase="post-interview" markdown>' in text
    assert '<section class="pmkb-phase" data-phase="match-week" markdown>' in text
    # the stages, with their dates and verify marks; the build date's stage marked
    assert ('<tr class="pmkb-stage" data-start="2026-06-04" data-end="2027-03-02" data-phases="before-applying">'
            "<td>2026-06-04</td><td>2027-03-02 <span class=\"pmkb-verify\"") in text
    assert ('<tr class="pmkb-stage pmkb-stage--current" data-start="2027-03-03" data-end="2027-03-18" '
            'data-phases="post-interview">') in text
    assert '<td>Rank order list deadline</td><td><a href="#post-interview">After interviews</a></td>' in text
    assert 'data-build-date="2027-03-10"' in text and "“[After interviews](#post-interview)”" in text
    # dates table: confirmed with citation, unconfirmed marked verify; official calendars linked
    assert "| ERAS opens to applicants | 2026-06-04 | Confirmed: [NRMP](../sources.md#nrmp-main-match-calendar) |" in text
    assert re.search(r"\| Match Day \| 2027-03-19 \| Expected <span class=\"pmkb-verify\"[^>]*>verify</span> \|", text)
    assert "[Main Residency Match calendar](https://www.nrmp.org/match-calendars/)" in text


def test_current_phases_follow_the_season_stages(loaded):
    kb, _ = loaded
    assert current_phases(kb, dt.date(2026, 6, 4)) == ["before-applying"]
    assert current_phases(kb, dt.date(2027, 3, 2)) == ["before-applying"]
    assert current_phases(kb, dt.date(2027, 3, 3)) == ["post-interview"]
    assert current_phases(kb, dt.date(2027, 3, 19)) == ["match-week"]
    assert current_phases(kb, dt.date(2027, 5, 1)) == []
    assert current_phases(kb, dt.date(2026, 1, 1)) == []


def test_timeline_page_names_every_phase_of_an_overlapping_stage(loaded):
    kb, settings = loaded
    stages = (dataclasses.replace(kb.cycle.stages[0], phases=("before-applying", "post-interview")),
              *kb.cycle.stages[1:])
    changed = dataclasses.replace(kb, cycle=dataclasses.replace(kb.cycle, stages=stages))
    timeline = next(p for p in render_pages(changed, settings, today=dt.date(2026, 11, 1)) if p.path == "timeline/index.md")
    assert current_phases(changed, dt.date(2026, 11, 1)) == ["before-applying", "post-interview"]
    assert "the phases “[Before applying](#before-applying)” and “[After interviews](#post-interview)”." in timeline.markdown
    assert '<section class="pmkb-phase pmkb-phase--current" data-phase="post-interview" markdown>' in timeline.markdown
    assert 'data-phases="before-applying post-interview"' in timeline.markdown


def test_specialty_pages(pages):
    index = pages["specialties/index.md"].markdown
    assert "| Specialty | Match used | Application service | Program signals | Thank-you notes |" in index
    assert ("| [Otolaryngology (ENT)](otolaryngology.md) | NRMP Main Residency Match | ERAS | "
            "Yes: 25 signals (2025 ERAS) | Optional \\| keep it short |") in index
    page = pages["specialties/otolaryngology.md"].markdown
    assert "## Offers outside the Match {#pre-match-offers}" in page
    assert "Otolaryngology uses program signals. ([NRMP, section 2](../sources.md#nrmp-mpa-applicants))" in page
    verify = page.index('!!! warning "Unconfirmed: verify"')
    assert page.index("Most programs interview in December.") > verify
    assert page.index("Otolaryngology uses program signals.") < verify
    assert "## Playbook" in page and "[thank-you template](../templates/thank-you-after-interview.md)" in page


def test_profile_pages(pages):
    assert "[Non-US-citizen IMG](non-us-img.md)" in pages["profiles/index.md"].markdown
    page = pages["profiles/non-us-img.md"].markdown
    assert "[the SOAP entry](../glossary.md#soap)" in page
    assert '!!! warning "Unconfirmed: verify"' in page and "Some programs sponsor H-1B visas." in page


def test_guide_page_resolves_every_link_kind(pages):
    text = pages["guides/networking.md"].markdown
    for link in ("(../rules/no-binding-commitments.md#checker-binding-commitment)",
                 "(../templates/thank-you-after-interview.md)", "(../specialties/otolaryngology.md)",
                 "(../profiles/non-us-img.md)", "(../timeline/index.md#post-interview)", "(../glossary.md#soap)",
                 "(../sources.md#nrmp-mpa-applicants)", "(networking.md)"):
        assert link in text
    assert not re.search(r"\]\((rule|template|specialty|profile|phase|guide|glossary|source):", text)
    assert text.startswith("# Networking before and during the season\n")


def test_no_kind_links_survive_anywhere(pages):
    for page in pages.values():
        assert not re.search(r"\]\((rule|template|specialty|profile|phase|guide|glossary|source|check):",
                             page.markdown), page.path


def test_reference_pages(pages):
    # An abbreviation's expansion is in its heading, where search finds it.
    assert "## SOAP: Supplemental Offer and Acceptance Program {#soap}" in pages["glossary.md"].markdown
    assert "- [ ] No [placeholders](rules/proofread-before-sending.md) left." in pages["checklists.md"].markdown
    assert "Phase: [After interviews](timeline/index.md#post-interview)" in pages["checklists.md"].markdown
    faq = pages["faq.md"].markdown
    assert "## Can I tell two programs they are my first choice? {#two-first-choices}" in faq
    assert "**Sources:** [NRMP, section 6.3](sources.md#nrmp-mpa-applicants)" in faq
    assert "## Promising to rank a program first {#promising-rank}" in pages["mistakes.md"].markdown


def test_sources_page_lists_citing_pages(pages):
    text = pages["sources.md"].markdown
    assert "## Match Participation Agreement for Applicants {#nrmp-mpa-applicants}" in text
    assert "Checked: 2026-11-22" in text and "Secondary source" in text
    section = text[text.index("{#nrmp-mpa-applicants}"):text.index("{#advice-blog}")]
    for cited_by in ("rules/no-binding-commitments.md", "specialties/otolaryngology.md",
                     "profiles/non-us-img.md", "faq.md", "glossary.md", "guides/networking.md"):
        assert f"({cited_by})" in section
    # primary sources come first
    assert text.index("{#nrmp-mpa-applicants}") < text.index("{#advice-blog}")


def test_checker_link_only_when_the_checker_page_exists(loaded):
    kb, settings = loaded
    pages = {p.path: p for p in render_pages(kb, settings, today=TODAY, handwritten=set())}
    assert "../checker/index.md" not in pages["rules/no-binding-commitments.md"].markdown


def test_escaping_keeps_tables_and_markup_intact(loaded):
    kb, settings = loaded
    rule = kb.rules["no-binding-commitments"]
    nasty = "A | B *c* _d_ [e](f) <script>alert(1)</script> `g` # h {#i} & \\ end"
    kb.rules["no-binding-commitments"] = dataclasses.replace(
        rule, title=nasty, summary=nasty, safe_phrasings=(nasty,), risky_phrasings=("- 1. x",))
    try:
        pages = {p.path: p for p in render_pages(kb, settings, today=TODAY)}
    finally:
        kb.rules["no-binding-commitments"] = rule
    index_html = html_of(pages["rules/index.md"].markdown)
    page_html = html_of(pages["rules/no-binding-commitments.md"].markdown)
    for html in (index_html, page_html):
        assert "<script>" not in html and "<code>`g`" not in html and "<code>g</code>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert '<a href="f">' not in html
    shown = "A | B *c* _d_ [e](f) &lt;script&gt;alert(1)&lt;/script&gt; `g` # h {#i} &amp; \\ end"
    # the index table keeps its four columns: the pipe in the title stays text
    rows = re.findall(r"<tr>(.*?)</tr>", index_html, re.S)
    assert rows and all(row.count("<td") in (0, 4) for row in rows)
    assert any(shown in row for row in rows)
    # on the rule page: the title is the h1 text, the phrasing a table cell, no list from "- 1. x"
    assert re.search(r"<h1 id=\"[^\"]*\">" + re.escape(shown) + "</h1>", page_html)
    assert f"<td>“{shown}”</td>" in page_html
    assert "<td>“- 1. x”</td>" in page_html


@pytest.mark.parametrize("value", ["a|b", "*x*", "[y](z)", "<b>", "1. item", "- item", "# h", "`c`", "&amp;", "\\"])
def test_text_escaping_round_trips(value):
    html = markdown.markdown(md.text(value), extensions=["tables"])
    import html as html_lib
    assert html_lib.unescape(re.sub(r"</?p>", "", html)) == value


def test_fence_is_longer_than_any_backtick_run():
    assert md.fence("a ```` b").startswith("`````text\n")


def test_nav_order_and_optional_pages(pages):
    nav = build_nav(list(pages.values()), {"index.md", "checker/index.md", "about.md", "benchmarks/index.md",
                                           "log/index.md", "plan/index.md", "extra.md"})
    assert [next(iter(e)) for e in nav] == ["Home", "Guide", "Rules", "Specialties", "Templates", "Checker",
                                           "Tools", "Reference", "About"]
    assert nav[8]["About"] == [{"About this guide": "about.md"}, {"Benchmarks": "benchmarks/index.md"}]
    assert nav[6]["Tools"] == ["plan/index.md", "log/index.md", "extra.md"]
    guide = nav[1]["Guide"]
    assert guide[0] == {"Networking before and during the season": "guides/networking.md"}
    assert guide[1] == {"Timeline": "timeline/index.md"}
    assert guide[2]["Applicant profiles"][0] == {"All profiles": "profiles/index.md"}
    assert nav[2]["Rules"][0] == {"All rules": "rules/index.md"}
    assert [next(iter(e.values())) for e in nav[7]["Reference"]] == [
        "mistakes.md", "checklists.md", "faq.md", "glossary.md", "sources.md"]
    bare = build_nav(list(pages.values()), set())
    assert [next(iter(e)) for e in bare] == ["Guide", "Rules", "Specialties", "Templates", "Reference"]


def test_write_pages(tmp_path, pages):
    written = write_pages(list(pages.values()), tmp_path)
    assert len(written) == len(pages)
    assert (tmp_path / "rules/no-binding-commitments.md").read_text(encoding="utf-8") == \
        pages["rules/no-binding-commitments.md"].markdown


def test_any_plain_text_survives_markdown_unchanged():
    """Property: md.text() output renders back to the same characters (whitespace collapsed)."""
    import html as html_lib

    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")
    renderer = markdown.Markdown(extensions=["tables", "attr_list", "md_in_html", "toc"])

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from("ab *_`[]()<>&#|!\\{}-+.1:~^=\"'") | alphabet, max_size=40))
    def check(value):
        expected = " ".join(value.split())
        if not expected:
            return
        renderer.reset()
        rendered = renderer.convert(md.text(expected))
        inner = re.sub(r"^<p>|</p>$", "", rendered)
        assert "<" not in inner.replace("&lt;", ""), (value, rendered)
        assert html_lib.unescape(inner) == expected, (value, rendered)

    check()


def test_specialty_without_signal_summary_shows_no_empty_column(loaded):
    kb, settings = loaded
    original = kb.specialties["otolaryngology"]
    kb.specialties["otolaryngology"] = dataclasses.replace(original, signals="", thank_you="")
    try:
        pages = {p.path: p for p in render_pages(kb, settings, today=TODAY)}
    finally:
        kb.specialties["otolaryngology"] = original
    page = pages["specialties/otolaryngology.md"].markdown
    assert "| Match used | Application service |\n" in page and "Program signals" not in page
    assert "| [Otolaryngology (ENT)](otolaryngology.md) | NRMP Main Residency Match | ERAS | see page | see page |" \
        in pages["specialties/index.md"].markdown


def test_a_check_says_which_findings_it_is_reported_instead_of_and_which_it_gives_way_to(content):
    replace_once(content / "checks/binding-commitment.yml", "examples:",
                 "outranks:\n  - category: placeholder\n    within: same or next sentence\nexamples:")
    kb, settings = load_content(content)
    pages = {p.path: p for p in render_pages(kb, settings, today=TODAY, handwritten={"index.md", "checker/index.md"})}
    stronger = pages["rules/no-binding-commitments.md"].markdown
    weaker = pages["rules/proofread-before-sending.md"].markdown
    assert ("Reported instead of [Unfilled placeholder](proofread-before-sending.md#checker-placeholder) "
            "found in the same or next sentence.") in stronger
    assert ("Not reported where [Binding commitment](no-binding-commitments.md#checker-binding-commitment) "
            "is found in the same or next sentence.") in weaker
