"""The two-page quick reference, built from content/ on letter and A4 paper and read back with
poppler: exactly two pages, tagged with its language and title, and every line it promises
(the rules as worded, the dates with their status, what never to write, what to reply to an
improper question, where to report) taken from the knowledge base."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CONTENT_DIR, PREMATCH_KB
from pdf_readback import catalog_language, has_structure_tree, page_texts, pdfinfo
from prematch_kb.handbook import HandbookError, HandbookSettings, build_quick_reference
from prematch_kb.handbook.context import long_date
from prematch_kb.handbook.quick_reference import REPORTING_RULE, render_quick_reference
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.model import RULE_KIND_LABELS, RULE_KINDS

PAPERS = {"letter": "(letter)", "a4": "(A4)"}


@dataclass
class Built:
    kb: object
    settings: HandbookSettings
    pdf: Path
    info: dict[str, str]
    pages: list[str]  # whitespace collapsed
    layout: list[str]  # pdftotext -layout
    font_size: float


def words(text: str) -> str:
    """Whitespace collapsed, and a word broken at its own hyphen at a line's end ("pre-" / "match")
    joined again."""
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(text.split()))


@pytest.fixture(scope="module", params=sorted(PAPERS))
def quick(request, tmp_path_factory) -> Built:
    kb, site = load_content(CONTENT_DIR)
    settings = HandbookSettings.from_site(site, paper=request.param)
    pdf = tmp_path_factory.mktemp("quick") / f"quick-reference-{request.param}.pdf"
    result = build_quick_reference(kb, settings, pdf)
    assert result.warnings == ()
    return Built(kb, settings, pdf, pdfinfo(pdf), page_texts(pdf), page_texts(pdf, layout=True), result.font_size)


@pytest.mark.slow
def test_exactly_two_pages_of_the_asked_paper(quick):
    assert quick.info["Pages"] == "2"
    assert PAPERS[quick.settings.paper] in quick.info["Page size"]
    assert len(quick.pages) == 2
    assert quick.font_size >= 7.0  # readable: the build refuses anything smaller


@pytest.mark.slow
def test_tagged_with_language_title_and_author(quick):
    assert quick.info["Tagged"] == "yes"
    assert quick.info["Title"] == f"{quick.settings.title}: quick reference, {quick.settings.cycle} Match"
    assert quick.info["Author"].startswith(quick.settings.title)
    assert quick.info["Subject"] == words(quick.settings.description)
    assert catalog_language(quick.pdf) == "en"
    assert has_structure_tree(quick.pdf)


@pytest.mark.slow
def test_page_one_lists_every_rule_with_its_badge_and_every_match_rule_summary(quick):
    page = words(quick.pages[0])
    for rule in quick.kb.rules.values():
        assert words(rule.title) in page, rule.id
        assert rule.badge.label.upper() in page, rule.id
        if rule.kind == "match-rule":
            assert words(rule.summary) in page, rule.id


@pytest.mark.slow
def test_page_one_gives_every_date_with_its_status(quick):
    lines = quick.layout[0].splitlines()
    for date in quick.kb.cycle.events:
        row = next((line for line in lines if line.lstrip().startswith(long_date(date.date))), None)
        assert row is not None, date.id
        assert words(date.label).split()[0] in row, (date.id, row)
        if date.confirmed:
            assert "confirmed" in row and "VERIFY" not in row, (date.id, row)
        else:
            assert "VERIFY" in row and ("expected" in row or "passed unconfirmed" in row), (date.id, row)
    for date in quick.kb.cycle.dates:
        if date.boundary:  # where one stage ends and the next begins: no event, not printed
            assert words(date.label) not in quick.pages[0], date.id
    calendars = {c.source.url for c in quick.kb.cycle.calendars}
    flat = quick.pages[0].replace(" ", "")
    assert all(url in flat for url in calendars)


@pytest.mark.slow
def test_page_two_pairs_what_never_to_write_with_a_safer_phrasing(quick):
    page = quick.pages[1]
    flagged = {c.rule for c in quick.kb.checks.values() if c.mode == "draft" and c.severity in ("error", "warning")}
    paired = [r for r in quick.kb.rules.values() if r.id in flagged and r.risky_phrasings and r.safe_phrasings]
    assert len(paired) >= 5
    for rule in paired:
        assert f"NEVER “{words(rule.risky_phrasings[0])}”" in page, rule.id
        assert f"INSTEAD “{words(rule.safe_phrasings[0])}”" in page, rule.id


@pytest.mark.slow
def test_page_two_says_what_to_reply_when_a_program_asks_what_it_may_not(quick):
    page = quick.pages[1]
    improper = [c for c in quick.kb.checks.values() if c.mode == "received" and c.severity == "error"]
    assert {c.category for c in improper} >= {"program-rank-inquiry", "program-other-programs-inquiry"}
    for check in improper:
        assert check.title in page, check.category
        assert words(check.reply) in page, check.category


@pytest.mark.slow
def test_page_two_says_where_to_report(quick):
    page = quick.pages[1]
    flat = page.replace(" ", "")
    rule = quick.kb.rules[REPORTING_RULE]
    assert "Where to report" in page
    assert "alleged violation forms" in page
    for citation in rule.citations:
        assert citation.source.url in flat, citation.source.id


@pytest.mark.slow
def test_cli_writes_the_quick_reference(tmp_path):
    target = tmp_path / "nested" / "qr.pdf"
    result = subprocess.run(
        [str(PREMATCH_KB), "quick-reference", "-o", str(target), "--paper", "a4",
         "--content", str(CONTENT_DIR)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert re.search(r"wrote .*qr\.pdf \(\d+ KiB, a4, [\d.]+ pt type", result.stdout), result.stdout
    assert pdfinfo(target)["Pages"] == "2"
    assert [p.name for p in target.parent.iterdir()] == ["qr.pdf"]


@pytest.mark.slow
def test_content_too_long_for_two_pages_is_an_error_and_writes_nothing(tmp_path):
    from dataclasses import replace

    kb, site = load_content(CONTENT_DIR)
    rule = next(iter(kb.rules.values()))
    longer = {f"{rule.id}-{n}": replace(rule, id=f"{rule.id}-{n}", kind="match-rule", summary=rule.summary * 6)
              for n in range(40)}
    kb.rules.update(longer)
    target = tmp_path / "qr.pdf"
    with pytest.raises(HandbookError, match=r"needs [3-9]\d* pages .* shorten"):
        build_quick_reference(kb, HandbookSettings.from_site(site), target)
    assert list(tmp_path.iterdir()) == []


def test_print_html_sets_the_language_and_links_content_to_the_site():
    from test_handbook_render import SETTINGS, sample_kb

    html = render_quick_reference(sample_kb(), SETTINGS)
    assert '<html lang="en">' in html
    assert "quick reference" in re.search(r"<title>(.*?)</title>", html).group(1)
    # Every rule is printed by title; a Match rule with its summary.
    assert "Neither side may ask for or give a binding commitment" in html
    assert "Interest is fine; promises are not." in html
    # Dates: an unconfirmed one carries the verify mark, a confirmed one says so.
    assert re.search(r"March 19, 2027</td><td>Match Day</td><td[^>]*><span class=\"verify\"", html)
    assert re.search(r"March 3, 2027</td><td>Rank order list deadline</td><td[^>]*><span class=\"confirmed\"", html)
    assert 'href="#' not in html  # nothing points into a document it does not print


def test_where_to_report_prints_the_rule_s_first_paragraph_with_web_links():
    from dataclasses import replace

    from test_handbook_render import SETTINGS, sample_kb

    kb = sample_kb()
    base = kb.rules["soap-contact-rules"]
    kb.rules[REPORTING_RULE] = replace(
        base, id=REPORTING_RULE, asks="fact", title="Breaking Match rules is investigated",
        statement="Report a breach to the NRMP; see [the SOAP rule](rule:soap-contact-rules).\n\nHow it goes on.")
    html = render_quick_reference(kb, SETTINGS)
    report = html[html.index("Where to report"):]
    assert 'href="https://prematch-kb.org/rules/soap-contact-rules/"' in report
    assert "How it goes on." not in report
    assert "https://www.nrmp.org/policy/mpa-applicants/" in re.sub(r"<[^>]+>|\u200b", "", report)


@pytest.mark.slow
def test_page_one_names_each_rule_s_kind_beside_it(quick):
    """Match rule, Code of Conduct norm or Professional practice, printed with each rule (between its
    title and the next rule's)."""
    page = words(quick.pages[0])
    starts = sorted((page.index(words(rule.title)), rule) for rule in quick.kb.rules.values())
    kinds_seen = set()
    for (start, rule), (end, _next) in zip(starts, [*starts[1:], (len(page), None)], strict=True):
        assert RULE_KIND_LABELS[rule.kind] in page[start:end], rule.id
        kinds_seen.add(rule.kind)
    assert kinds_seen == set(RULE_KINDS)
