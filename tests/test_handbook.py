"""The real handbook PDF, built once per session from content/ with WeasyPrint, read back with
poppler (pdftotext, pdfinfo, pdffonts, pdftohtml -xml for the outline and the links)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import CONTENT_DIR, PREMATCH_KB
from prematch_kb.handbook import HandbookSettings, build_handbook, render_document
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.model import RULE_KIND_LABELS, RULE_KIND_NOTES, RULE_KINDS

pytestmark = pytest.mark.slow


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def collapse(text: str) -> str:
    return " ".join(text.split())


@dataclass
class BuiltHandbook:
    kb: object
    toc: tuple
    pdf: Path
    warnings: tuple[str, ...]
    pages: list[str]  # plain text of each page, whitespace collapsed; pages[0] is page 1
    layout_pages: list[str]  # pdftotext -layout text of each page
    xml: ElementTree.Element  # pdftohtml -xml: outline and links


def _build(tmp: Path, paper: str) -> BuiltHandbook:
    kb, site = load_content(CONTENT_DIR)
    settings = HandbookSettings.from_site(site, paper=paper)
    pdf = tmp / f"handbook-{paper}.pdf"
    result = build_handbook(kb, settings, pdf)
    pages = run("pdftotext", str(pdf), "-").split("\f")[:-1]
    layout = run("pdftotext", "-layout", str(pdf), "-").split("\f")[:-1]
    xml = ElementTree.fromstring(run("pdftohtml", "-xml", "-stdout", "-i", "-q", str(pdf), "handbook"))
    return BuiltHandbook(kb, render_document(kb, settings).toc, pdf, result.warnings,
                         [collapse(p) for p in pages], layout, xml)


@pytest.fixture(scope="session")
def handbook(tmp_path_factory) -> BuiltHandbook:
    return _build(tmp_path_factory.mktemp("handbook"), "letter")


def _heading_pattern(number: str, title: str) -> re.Pattern:
    words = r"\s+".join(re.escape(w) for w in title.split())
    return re.compile(rf"(?<![\d.]){re.escape(number)}\s+{words}")


def _toc_page_count(book: BuiltHandbook) -> int:
    first_chapter = book.toc[0]
    pattern = _heading_pattern(first_chapter.number, first_chapter.title)
    for index, text in enumerate(book.pages[2:], start=2):
        if pattern.search(text) and "Contents" not in text:
            return index - 1  # pages 2 .. index hold the contents
    raise AssertionError("first chapter heading not found")


def printed_toc(book: BuiltHandbook) -> dict[str, int]:
    """Table-of-contents number -> the page number printed after its dot leader."""
    toc_text = " ".join(book.layout_pages[1 : 1 + _toc_page_count(book)])
    toc_text = collapse(toc_text)
    found, position = {}, 0
    for entry in book.toc:
        words = r"\s+".join(re.escape(w) for w in entry.title.split())
        match = re.compile(rf"{re.escape(entry.number)}\s+{words}[\s.]*?(\d+)(?!\d)").search(toc_text, position)
        assert match, f"contents entry {entry.number} {entry.title!r} not found in the printed contents"
        found[entry.number] = int(match.group(1))
        position = match.end()
    return found


def test_builds_without_weasyprint_warnings(handbook):
    assert handbook.warnings == ()
    assert handbook.pdf.read_bytes().startswith(b"%PDF-")


def test_every_rule_specialty_and_template_title_is_printed(handbook):
    text = " ".join(handbook.pages)
    titles = [r.title for r in handbook.kb.rules.values()]
    titles += [s.name for s in handbook.kb.specialties.values()]
    titles += [t.title for t in handbook.kb.templates.values()]
    missing = [t for t in titles if collapse(t) not in text]
    assert not missing


def test_contents_page_numbers_match_the_pages_where_headings_are_printed(handbook):
    printed = printed_toc(handbook)
    first_body_page = 2 + _toc_page_count(handbook)
    wrong = []
    for entry in handbook.toc:
        pattern = _heading_pattern(entry.number, entry.title)
        pages = [n for n, text in enumerate(handbook.pages, 1) if n >= first_body_page and pattern.search(text)]
        if pages != [printed[entry.number]]:
            wrong.append((entry.number, entry.title, printed[entry.number], pages))
    assert not wrong, wrong


def test_outline_lists_every_chapter_and_section_at_its_page(handbook):
    printed = printed_toc(handbook)
    outline = handbook.xml.find("outline")
    assert outline is not None, "the PDF has no outline (bookmarks)"
    items = [(collapse("".join(item.itertext())), int(item.get("page"))) for item in outline.iter("item")]
    expected = [("Contents", 2)] + [(f"{e.number} {collapse(e.title)}", printed[e.number]) for e in handbook.toc]
    assert items == expected
    chapters = [collapse("".join(i.itertext())) for i in outline.findall("item")]
    assert len(chapters) == 1 + sum(1 for e in handbook.toc if e.level == 1)  # sections nest under chapters


def test_cross_references_link_to_the_page_they_print(handbook):
    checked, wrong = 0, []
    for page in handbook.xml.iter("page"):
        for text in page.iter("text"):
            for link in text.iter("a"):
                label = "".join(link.itertext())
                match = re.search(r"\(p\. (\d+)\)", label)
                target = re.search(r"#(\d+)$", link.get("href", ""))
                if match:
                    checked += 1
                    if not target or int(target.group(1)) != int(match.group(1)):
                        wrong.append((page.get("number"), label, link.get("href")))
    assert checked > 50
    assert not wrong, wrong[:10]


def test_running_header_names_the_chapter(handbook):
    for entry in handbook.toc:
        if entry.level != 2:
            continue
        chapter = next(e for e in handbook.toc if e.level == 1 and entry.number.startswith(e.number + "."))
        page = printed_toc(handbook)[entry.number]
        header = handbook.layout_pages[page - 1].strip().splitlines()[0]
        assert collapse(chapter.title) in collapse(header), (entry.number, header)


def test_pages_are_numbered_n_of_total(handbook):
    total = len(handbook.pages)
    for number in (2, total // 2, total):
        assert f"{number} of {total}" in handbook.pages[number - 1]
    assert f"1 of {total}" not in handbook.pages[0]  # the cover carries no number


def test_cover_has_title_cycle_and_edition(handbook):
    cover = handbook.pages[0]
    assert "Pre-Match Communication Guide" in cover
    assert handbook.kb.cycle.title in cover
    assert re.search(r"Edition of \w+ \d{1,2}, \d{4}", cover)


def test_checker_page_gives_the_checker_address(handbook):
    assert any("https://prematch-kb.org/checker/" in p and "browser" in p for p in handbook.pages)


def test_sources_chapter_prints_every_address_and_check_date(handbook):
    start = printed_toc(handbook)[next(e.number for e in handbook.toc if e.anchor == "chapter-sources")]
    text = " ".join(handbook.pages[start - 1 :]).replace(" ", "")
    for source in handbook.kb.sources.values():
        assert source.url.replace(" ", "") in text, source.url
    assert text.count("Checked") >= len(handbook.kb.sources)


def test_templates_print_blanks_not_brackets(handbook):
    chapter = next(e for e in handbook.toc if e.anchor == "chapter-templates")
    printed = printed_toc(handbook)
    start = printed[chapter.number]
    end = printed[str(int(chapter.number) + 1)]
    text = " ".join(handbook.pages[start - 1 : end - 1])
    assert "[" not in text
    names = {p.name.upper() for t in handbook.kb.templates.values() for p in t.placeholders}
    assert all(name in text for name in names)


def _fragments(text: str) -> list[str]:
    """Placeholder-free runs of a template body long enough to find in the page text."""
    runs = [collapse(r).strip(" ,.;:") for r in re.split(r"\[[^\]]*\]|\n", text)]
    return [r for r in runs if len(r) >= 15]


def test_each_email_box_is_printed_on_one_page(handbook):
    # -layout text keeps each printed line whole, so a run of words wrapped inside the box is
    # found again once whitespace is collapsed.
    pages = [collapse(text) for text in handbook.layout_pages]
    split = []
    for template in handbook.kb.templates.values():
        fragments = _fragments(template.body)
        first, last = fragments[0], fragments[-1]
        pages_first = [n for n, text in enumerate(pages, 1) if first in text]
        pages_last = [n for n, text in enumerate(pages, 1) if last in text]
        if not set(pages_first) & set(pages_last):
            split.append((template.id, pages_first, pages_last))
    assert not split


def test_every_font_is_embedded(handbook):
    rows = run("pdffonts", str(handbook.pdf)).splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row), row
        assert "DejaVu" in row


def test_page_count_is_in_the_expected_range(handbook):
    pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(handbook.pdf))).group(1))
    assert pages == len(handbook.pages)
    assert 40 <= pages <= 200


def test_tagged_for_screen_readers_with_language_title_and_author(handbook):
    from pdf_readback import catalog_language, has_structure_tree, pdfinfo

    info = pdfinfo(handbook.pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"].endswith("printed handbook, 2027 Match")
    assert info["Author"] and info["Subject"]
    assert catalog_language(handbook.pdf) == "en"
    assert has_structure_tree(handbook.pdf)


def test_letter_by_default(handbook):
    assert "(letter)" in run("pdfinfo", str(handbook.pdf))


def test_cli_builds_a4_on_request_where_asked(handbook, tmp_path):
    target = tmp_path / "nested" / "hb.pdf"
    result = subprocess.run(
        [str(PREMATCH_KB), "handbook", "-o", str(target), "--paper", "a4",
         "--content", str(CONTENT_DIR)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    info = run("pdfinfo", str(target))
    assert "(A4)" in info
    assert "layout warning" not in result.stderr
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert abs(pages - len(handbook.pages)) <= len(handbook.pages) // 5  # same book, other paper
    assert [p.name for p in target.parent.iterdir()] == ["hb.pdf"]  # no temporary file left


def test_cli_reports_content_problems_and_writes_nothing(tmp_path):
    broken = tmp_path / "content"
    broken.mkdir()
    (broken / "site.yml").write_text("title: x\n")
    target = tmp_path / "hb.pdf"
    result = subprocess.run(
        [str(PREMATCH_KB), "handbook", "-o", str(target), "--content", str(broken)],
        capture_output=True, text=True)
    assert result.returncode == 1
    assert "site.yml" in result.stdout and "no PDF written" in result.stderr
    assert not target.exists()


def test_each_rule_names_its_kind(handbook):
    """Each rule's section prints its kind beside its badge: as many "<label> · binds" as rules of
    that kind, and the chapter's legend explains all three."""
    text = " ".join(handbook.pages)
    for kind in RULE_KINDS:
        label = RULE_KIND_LABELS[kind]
        expected = sum(rule.kind == kind for rule in handbook.kb.rules.values())
        assert expected
        assert text.count(f"{label} · binds") == expected, kind
        assert collapse(RULE_KIND_NOTES[kind]) in text, kind
