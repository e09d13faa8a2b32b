"""A strict MkDocs build of the fixture knowledge base: pages, navigation, settings, edit links,
content errors failing the build, and the timeline script in Chromium."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import DOCS_DIR, FIXTURE_KB, mkdocs_build, site_project


def make_project(root: Path, content_dir: Path) -> Path:
    """The real site project over other content, with only the hand-written pages it needs: the
    home page, the checker page and the assets."""
    docs = root / "docs"
    (docs / "assets").mkdir(parents=True)
    for folder in ("stylesheets", "js", "checker"):
        shutil.copytree(DOCS_DIR / "assets" / folder, docs / "assets" / folder)
    shutil.copytree(DOCS_DIR / "checker", docs / "checker")
    (docs / "index.md").write_text("---\nreviewed: 2026-11-01\n---\n# Home\n\nSee the [rules](rules/index.md).\n",
                                    encoding="utf-8")
    return site_project(root, content_dir=content_dir, docs_dir=docs, handbook="never")


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fixture-project")
    config = make_project(root, FIXTURE_KB)
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_every_generated_page_is_built(fixture_site):
    for page in ("rules/index.html", "rules/no-binding-commitments/index.html", "templates/index.html",
                 "templates/thank-you-after-interview/index.html", "specialties/otolaryngology/index.html",
                 "profiles/non-us-img/index.html", "guides/networking/index.html", "timeline/index.html",
                 "mistakes/index.html", "checklists/index.html", "faq/index.html", "glossary/index.html",
                 "sources/index.html"):
        assert (fixture_site / page).is_file(), page


def test_site_settings_come_from_site_yml(fixture_site):
    html = read(fixture_site, "rules/no-binding-commitments/index.html")
    assert "<title>Neither side may ask for or give a binding commitment - Fixture Guide</title>" in html
    assert '<link rel="canonical" href="https://example.org/guide/rules/no-binding-commitments/">' in html
    assert 'href="https://example.org/repo"' in html


def test_edit_links_point_at_the_content_file(fixture_site):
    rule = read(fixture_site, "rules/no-binding-commitments/index.html")
    assert 'href="https://example.org/repo/edit/main/content/rules/no-binding-commitments.yml"' in rule
    guide = read(fixture_site, "guides/networking/index.html")
    assert 'href="https://example.org/repo/edit/main/content/guides/networking.md"' in guide
    # pages built from many files have no single file to edit
    assert 'title="Edit this page"' not in read(fixture_site, "rules/index.html")
    assert 'title="Edit this page"' in rule
    assert 'href="https://example.org/repo/edit/main/docs/index.md"' in read(fixture_site, "index.html")


def test_navigation_tabs_in_order(fixture_site):
    html = read(fixture_site, "index.html")
    tabs = re.findall(r'<li class="md-tabs__item[^"]*">\s*<a href="[^"]*" class="md-tabs__link">\s*([^<]+?)\s*</a>', html)
    assert tabs == ["Home", "Guide", "Rules", "Specialties", "Templates", "Checker", "Reference"]


def test_anchors_and_rendered_parts(fixture_site):
    rule = read(fixture_site, "rules/no-binding-commitments/index.html")
    assert 'id="checker-binding-commitment"' in rule
    timeline = read(fixture_site, "timeline/index.html")
    for phase in ("before-applying", "post-interview", "match-week"):
        assert f'<h2 id="{phase}"' in timeline
    assert re.search(r'<section class="pmkb-phase[^"]*" data-phase="post-interview">', timeline)
    assert re.search(r'<tr class="pmkb-stage[^"]*" data-start="2027-03-03" data-end="2027-03-18" '
                     r'data-phases="post-interview">', timeline)
    template = read(fixture_site, "templates/thank-you-after-interview/index.html")
    body = template.split('<div class="pmkb-template" data-template-id="thank-you-after-interview">')[1].split("</div>")[0]
    assert "<code>" in body and "Dear Dr. [Last Name]," in body
    assert 'href="../../checker/?template=thank-you-after-interview"' in template
    glossary = read(fixture_site, "glossary/index.html")
    assert '<h2 id="soap"' in glossary
    checklists = read(fixture_site, "checklists/index.html")
    assert checklists.count('class="task-list-item"') == 3
    specialty = read(fixture_site, "specialties/otolaryngology/index.html")
    assert 'class="admonition warning"' in specialty and "Unconfirmed: verify" in specialty
    assert "Last reviewed:" in specialty


def test_search_index_holds_generated_pages(fixture_site):
    index = json.loads(read(fixture_site, "search/search_index.json"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "rules/no-binding-commitments/" in locations
    assert "glossary/#soap" in locations
    text = " ".join(doc["text"] for doc in index["docs"]).lower()
    assert "otolaryngology" in text and "binding" in text


def test_content_problems_fail_the_build_with_every_problem_listed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_KB, content)
    rule = content / "rules/no-binding-commitments.yml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("binds: both", "binds: everyone"), encoding="utf-8")
    glossary = content / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("term: ROL", "term: ''"), encoding="utf-8")
    config = make_project(tmp_path / "project", content)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "the knowledge base has 2 problems" in output
    assert "rules/no-binding-commitments.yml:3: binds: expected one of applicant, program, both; got 'everyone'" in output
    assert "glossary.yml:" in output and "entries[1].term: expected non-empty text" in output


@pytest.mark.browser
@pytest.mark.parametrize("today, current, words", [
    ("2027-03-10", ["post-interview"], "Today (2027-03-10), the season is in the phase “After interviews”."),
    ("2027-03-19", ["match-week"], "Today (2027-03-19), the season is in the phase “Match Week”."),
    ("2025-01-01", [], "Today (2025-01-01), this cycle's dated phases have not started yet."),
    ("2028-01-01", [], "Today (2028-01-01), the dates of this cycle are behind us; check the next cycle's calendar."),
])
def test_timeline_script_marks_the_phase_of_the_visitors_day(fixture_site, chromium_browser, today, current, words):
    from prematch_kb.browser.devserver import serve_site

    with serve_site(fixture_site) as base:
        page = chromium_browser.new_page()
        try:
            page.add_init_script(f"window.PMKB_TODAY = {today!r};")
            page.goto(base + "timeline/")
            page.wait_for_function("document.getElementById('pmkb-today').dataset.today !== undefined")
            marked = page.eval_on_selector_all(".pmkb-phase--current", "els => els.map(e => e.dataset.phase)")
            assert marked == current
            assert page.inner_text("#pmkb-today") == words
        finally:
            page.close()


def test_hand_written_pages_show_their_review_date(fixture_site):
    assert '<p class="pmkb-reviewed">Last reviewed: <time datetime="2026-11-01">' in read(fixture_site, "index.html")


def test_a_hand_written_page_without_a_review_date_fails_the_strict_build(tmp_path):
    config = make_project(tmp_path, FIXTURE_KB)
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/index.md: front matter needs 'reviewed: YYYY-MM-DD'" in result.stdout + result.stderr

