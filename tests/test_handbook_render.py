"""The handbook's print HTML, built from a small knowledge base made directly from the model.

These tests pin down rendering (links, blanks, verify marks, numbering, errors) without the
real content; tests/test_handbook.py builds the real handbook PDF from content/.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from conftest import CONTENT_DIR
from prematch_kb.handbook import HandbookError, HandbookSettings, build_handbook, render_document
from prematch_kb.handbook.chapters.templates import with_blanks
from prematch_kb.kb import model as m

REVIEWED = date(2026, 11, 22)


def sample_kb(**overrides) -> m.KnowledgeBase:
    mpa = m.Source("nrmp-mpa-applicants", "Match Participation Agreement for Applicants", "NRMP",
                   "https://www.nrmp.org/policy/mpa-applicants/", REVIEWED, True)
    cal = m.Source("nrmp-main-match-calendar", "Main Residency Match Calendar", "NRMP",
                   "https://www.nrmp.org/match-calendars/", REVIEWED, True)
    cite = (m.Citation(mpa, "6.3"),)
    rules = {
        "no-binding-commitments": m.Rule(
            "no-binding-commitments", "Neither side may ask for or give a binding commitment", "both",
            "dont", "match-rule", "Interest is fine; promises are not.",
            "You may say you will rank a program highly. See [the SOAP rules](rule:soap-contact-rules).",
            "Only the certified rank order list decides; see [SOAP](glossary:soap).",
            ("I will rank your program very highly.",), ("I commit to ranking you first.",), cite, REVIEWED,
            related=("soap-contact-rules",)),
        "soap-contact-rules": m.Rule(
            "soap-contact-rules", "During SOAP, wait for programs to contact you", "applicant",
            "do", "match-rule", "Programs make first contact in SOAP.", "Wait.", "Fairness.",
            (), (), cite, REVIEWED),
        "voluntary-expression-of-interest": m.Rule(
            "voluntary-expression-of-interest", "You may tell a program you are interested", "both",
            "may", "match-rule", "Interest may be expressed freely.", "Say so.", "It helps both.",
            (), (), cite, REVIEWED),
    }
    phases = {
        "post-interview": m.Phase("post-interview", 5, "After the interview", "November to February",
                                  "Thank and update.", ("Send thanks",), ("A short note",),
                                  ("Asking where you rank",), ("thank-you-after-interview",),
                                  ("no-binding-commitments",)),
        "match-week": m.Phase("match-week", 8, "Match Week", "Mid-March", "Results arrive.",
                              (), (), (), (), ("soap-contact-rules",)),
    }
    cycle = m.Cycle("2027", "2027 Main Residency Match", (
        m.CycleDate("match-day", "Match Day", date(2027, 3, 19), False, "match-week", (m.Citation(cal),)),
        m.CycleDate("rank-deadline", "Rank order list deadline", date(2027, 3, 3), True, "post-interview"),
    ), (m.Citation(cal),), REVIEWED)
    templates = {
        "thank-you-after-interview": m.Template(
            "thank-you-after-interview", "Thank-you note after an interview", "Thank the interviewer.",
            ("post-interview",), ("program-director",), (), "Thank you, [Interview Date] interview",
            "Dear Dr. [Last Name],\n\nThank you for speaking with me about [Program Name].\n\nSincerely,\n[Your Name]",
            (m.Placeholder("Last Name", "The interviewer's family name", "Okafor"),
             m.Placeholder("Interview Date", "The day of the interview", "November 4"),
             m.Placeholder("Program Name", "The program", "Riverside Internal Medicine"),
             m.Placeholder("Your Name", "Your full name", "Ana Lima")),
            ("Send within two days",), ("Ask where you will be ranked",), ("no-binding-commitments",), REVIEWED),
    }
    profiles = {
        "non-us-img": m.Profile("non-us-img", "Non-US-citizen IMG", "Visa matters.", "Say your visa early.",
                                (m.Fact("Most programs sponsor J-1.", cite, False),), ("thank-you-after-interview",),
                                ("no-binding-commitments",), REVIEWED),
    }
    specialties = {
        "urology": m.Specialty("urology", "Urology", "Its own match.", "AUA Urology Match", "ERAS",
                               "No offers outside the urology match.", (m.Fact("Results in early February.", cite, True),),
                               "## Playbook\n\nWrite briefly.", ("post-interview",), (), ("no-binding-commitments",),
                               REVIEWED),
    }
    kb = m.KnowledgeBase(
        root="sample",
        sources={mpa.id: mpa, cal.id: cal},
        rules=rules,
        checks={"binding-commitment": m.Check(
            "binding-commitment", "no-binding-commitments", "draft", "error", "Binding commitment",
            "Do not promise a ranking.", "Explain.", (), "", ("a", "b"), ("c", "d"))},
        cycle=cycle,
        phases=phases,
        profiles=profiles,
        specialties=specialties,
        templates=templates,
        guides={"networking": m.Guide("networking", "Networking", "how-to", "Meet people.",
                                      "Read [the note](template:thank-you-after-interview) and "
                                      "[the agreement](https://www.nrmp.org/policy/).", (), (), REVIEWED)},
        mistakes=(m.Mistake("asking-rank", "Asking where you rank", "It breaks a rule.", "Say you are interested.",
                            ("no-binding-commitments",), ()),),
        checklists=(m.Checklist("before-sending", "Before you send", "post-interview",
                                ("Every blank filled", "Recipient's name spelled right")),),
        faq=(m.FaqEntry("is-it-binding", "Is a promise binding?", "No.", ("no-binding-commitments",), cite),),
        glossary=(m.GlossaryTerm("soap", "SOAP", "Supplemental Offer and Acceptance Program",
                                 "The process for unfilled positions.", ()),),
    )
    for name, value in overrides.items():
        setattr(kb, name, value)
    return kb


SETTINGS = HandbookSettings(title="Pre-Match Communication Guide", site_url="https://prematch-kb.org/",
                            cycle="2027", edition=date(2026, 11, 22), description="A guide.")


def test_content_links_become_internal_anchors_with_page_references():
    html = render_document(sample_kb(), SETTINGS).html
    assert 'class="xref" href="#rule-soap-contact-rules"' in html
    assert 'href="#glossary-soap"' in html and 'id="glossary-soap"' in html
    assert 'href="#template-thank-you-after-interview"' in html
    # every internal link has a target in the document
    targets = set(re.findall(r'id="([^"]+)"', html))
    for href in re.findall(r'href="#([^"]+)"', html):
        assert href in targets, href


def test_web_links_keep_their_address_for_print():
    html = render_document(sample_kb(), SETTINGS).html
    assert '<a href="https://www.nrmp.org/policy/" class="external">' in html


def test_relative_site_links_print_as_public_addresses():
    from prematch_kb.handbook.markdown import MarkdownRenderer

    md = MarkdownRenderer(lambda kind, object_id: True, site_url="https://prematch-kb.org/")
    html = md.block("Use the [checker](../checker/index.md), the [checklist](../checklists.md#match-week) "
                    "and [networking](networking.md).", "guides/x.md", page="guides/how-to.md")
    assert 'href="https://prematch-kb.org/checker/" class="external"' in html
    assert 'href="https://prematch-kb.org/checklists/#match-week" class="external"' in html
    assert 'href="https://prematch-kb.org/guides/networking/" class="external"' in html


def test_real_handbook_links_point_at_no_local_file():
    from prematch_kb.kb.loader import load_content

    kb, site = load_content(CONTENT_DIR)
    html = render_document(kb, HandbookSettings.from_site(site)).html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and [h for h in hrefs if not h.startswith(("#", "https://", "http://", "mailto:"))] == []


def test_link_to_unknown_rule_says_where_and_what():
    kb = sample_kb()
    kb.rules["no-binding-commitments"].why = "See [this](rule:no-such-rule)."
    with pytest.raises(HandbookError, match=r"no-binding-commitments.*why.*unknown rule 'no-such-rule'"):
        render_document(kb, SETTINGS)


def test_link_with_unknown_kind_is_an_error():
    kb = sample_kb()
    kb.guides["networking"].body = "See [this](rulez:no-binding-commitments)."
    with pytest.raises(HandbookError, match=r"guides/networking.md|networking"):
        render_document(kb, SETTINGS)


def test_placeholders_are_drawn_as_labelled_blanks_and_text_is_escaped():
    html = with_blanks("Dear Dr. [Last Name], <b>hi</b> & [Program Name]")
    assert html.count('class="blank"') == 2
    assert '<span class="blank-name">Last Name</span>' in html
    assert "&lt;b&gt;hi&lt;/b&gt; &amp;" in html
    assert "[" not in html


def test_unconfirmed_dates_and_facts_carry_a_verify_mark():
    html = render_document(sample_kb(), SETTINGS).html
    phase = html.split('id="phase-match-week"')[1].split("</section>")[0]
    assert "March 19, 2027" in phase and 'class="verify"' in phase
    confirmed = html.split('id="phase-post-interview"')[1].split("</section>")[0]
    assert "March 3, 2027" in confirmed and 'class="verify"' not in confirmed
    profile = html.split('id="profile-non-us-img"')[1].split("</section>")[0]
    assert 'class="verify"' in profile


def test_markdown_headings_in_fields_stay_below_section_level():
    html = render_document(sample_kb(), SETTINGS).html
    specialty = html.split('id="specialty-urology"')[1].split("</section>")[0]
    assert '<h4 class="field-heading">Playbook</h4>' in specialty
    assert "<h1" not in specialty and "<h2" not in specialty


def test_toc_numbers_chapters_and_sections_in_order():
    toc = render_document(sample_kb(), SETTINGS).toc
    chapters = [e for e in toc if e.level == 1]
    assert [e.number for e in chapters] == [str(i) for i in range(1, len(chapters) + 1)]
    rules = next(e for e in chapters if e.anchor == "chapter-rules")
    rule_sections = [e for e in toc if e.number.startswith(rules.number + ".")]
    # what is allowed first, then what to do, then what not to do
    assert rule_sections[0].anchor == "rule-voluntary-expression-of-interest"
    assert [e.number for e in rule_sections] == [f"{rules.number}.{i}" for i in (1, 2, 3)]


def test_checker_chapter_gives_the_checker_address():
    text = re.sub(r"<[^>]+>|\u200b", "", render_document(sample_kb(), SETTINGS).html)
    assert "https://prematch-kb.org/checker/" in text


@pytest.mark.slow
def test_failed_build_leaves_no_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "out" / "handbook.pdf"
    import weasyprint

    def explode(self, *args, **kwargs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(weasyprint.Document, "write_pdf", explode)
    with pytest.raises(RuntimeError):
        build_handbook(sample_kb(), SETTINGS, target)
    assert list(target.parent.iterdir()) == []


@pytest.mark.slow
def test_failed_rebuild_keeps_the_previous_pdf(tmp_path: Path, monkeypatch):
    target = tmp_path / "handbook.pdf"
    target.write_bytes(b"%PDF-previous")
    import weasyprint

    monkeypatch.setattr(weasyprint.Document, "write_pdf", lambda self, *a, **k: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(HandbookError, match=r"cannot write .*handbook\.pdf"):
        build_handbook(sample_kb(), SETTINGS, target)
    assert target.read_bytes() == b"%PDF-previous"
    assert [p.name for p in tmp_path.iterdir()] == ["handbook.pdf"]


def test_unknown_paper_is_refused(tmp_path: Path):
    settings = HandbookSettings(**{**SETTINGS.__dict__, "paper": "legal"})
    with pytest.raises(HandbookError, match="paper 'legal'"):
        build_handbook(sample_kb(), settings, tmp_path / "h.pdf")


@pytest.mark.slow
def test_sample_handbook_builds_without_warnings(tmp_path: Path):
    result = build_handbook(sample_kb(), SETTINGS, tmp_path / "h.pdf")
    assert result.warnings == ()
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF-")


def test_template_body_keeps_paragraphs_and_line_breaks():
    from prematch_kb.handbook.chapters.templates import email_body

    html = email_body("Dear Dr. [Last Name],\n\nLine one\nline two\n\n\nSincerely,\n[Your Name]\n")
    assert html.count("<p>") == 3
    assert "Line one<br>line two" in html


def test_printed_addresses_break_only_after_slashes_or_before_hyphens():
    from prematch_kb.handbook.context import printable_url

    url = "https://www.nrmp.org/help/item/during-my-interview-the-program-director-asked-me/x-2/"
    html = printable_url(url)
    assert re.sub(r"<[^>]+>|\u200b", "", html) == url  # the text is the exact address
    pieces = re.findall(r'<span class="nowrap">([^<]*)</span>', html)
    assert pieces and all(not p.endswith("-") for p in pieces)  # never a break after a hyphen
    assert "https://" in pieces and "-interview" in pieces


def test_output_that_is_a_folder_is_refused(tmp_path: Path):
    with pytest.raises(HandbookError, match="is a folder"):
        build_handbook(sample_kb(), SETTINGS, tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("markdown", ["[x](javascript:alert(1))", "[x](java&#9;script:alert(1))",
                                      "[x](JAVASCRIPT&colon;alert(1))", "![x](data:image/svg+xml,<svg/onload=alert(1)>)",
                                      "<vbscript:msgbox(1)>", "[x](ftp://example.org/)"])
def test_links_outside_the_allowed_schemes_are_errors_and_never_printed(markdown):
    """The handbook asks the same allow-list as content validation (prematch_kb.kb.link_policy)."""
    from prematch_kb.handbook.markdown import MarkdownRenderer

    md = MarkdownRenderer(lambda kind, object_id: True, site_url="https://prematch-kb.org/")
    with pytest.raises(HandbookError, match=r"guides/x.md: link to a \w+: address is not allowed"):
        md.block(markdown, "guides/x.md", page="guides/x.md")
    md.block("[fine](https://www.nrmp.org/)", "guides/x.md")  # the renderer is usable again
