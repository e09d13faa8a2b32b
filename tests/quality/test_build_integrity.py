"""A failed build leaves the published site byte for byte as it was, and says what is wrong.

Each case copies the real content/ (and docs/) to a temporary folder, breaks it in one way, runs
the real `mkdocs build --strict` through the plugin onto a site folder that holds a good earlier
build, and checks the error names the file and the line, and that the old site is untouched.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import CONTENT_DIR, DOCS_DIR, mkdocs_build, site_project

from .sitekit import tree_digest

pytestmark = pytest.mark.slow  # each test runs a real MkDocs build


@dataclass(frozen=True)
class Breakage:
    """How to break a copy of the project, and what the error must then say."""

    file: str  # relative to the project copy: content/... or docs/...
    apply: Callable[[Path], int]  # breaks the file, returns the line the error must name (0: any)
    says: str  # a fragment the error message must contain (case-insensitive)
    slack: int = 0  # a YAML syntax error is noticed where parsing stops: up to this many lines later


def replace_line(pattern: str, new: str) -> Callable[[Path], int]:
    """Replace the first line matching `pattern` (whatever date a review last set) with `new`."""
    def apply(path: Path) -> int:
        text = path.read_text(encoding="utf-8")
        found = re.search(rf"^{pattern}$", text, re.MULTILINE)
        assert found, f"{path}: the test expected a line like {pattern!r}; update the case"
        return replace(found.group(), new)(path)

    return apply


def replace(old: str, new: str, *, mark: str = "") -> Callable[[Path], int]:
    """Replace the first `old` with `new`. The error must name the line holding `mark` (by default
    the first line of `new`), searched from the start of the file."""
    def apply(path: Path) -> int:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{path}: the test expected to find {old!r}; update the case"
        at = text.index(old)
        changed = text[:at] + new + text[at + len(old):]
        path.write_text(changed, encoding="utf-8")
        wanted = mark or next(line for line in new.splitlines() if line.strip())
        return changed.count("\n", 0, changed.index(wanted)) + 1
    return apply


def first_check_with_one_flag_example(path: Path) -> int:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["examples"]["flag"] = data["examples"]["flag"][:1]
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(text, encoding="utf-8")
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.strip().startswith("flag:"))


def duplicate_first_entry(path: Path) -> int:
    """Repeat the first `  - id: ...` entry of a list file right after itself."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("  - id: ")]
    first, second = starts[0], starts[1]
    copy = lines[first:second]
    path.write_text("".join(lines[:second] + copy + lines[second:]), encoding="utf-8")
    return second + 1


def first_check_file() -> str:
    checks = sorted((CONTENT_DIR / "checks").glob("*.yml"))
    assert checks, "content/checks/ holds no checker category"
    return "content/checks/" + checks[0].name


RULE = "content/rules/no-binding-commitments.yml"
TEMPLATE = "content/templates/thank-you-after-interview.yml"

BREAKAGES: dict[str, Breakage] = {
    "malformed-yaml": Breakage(RULE, replace("binds: both\n", "binds: [both\n"), "yaml", slack=1),
    "unknown-field": Breakage(RULE, replace("binds: both\n", "binds: both\ncolour: blue\n", mark="colour:"), "colour"),
    "missing-field": Breakage(RULE, replace("\nsummary:", "\nsummery:"), "summary"),
    "wrong-type": Breakage(RULE, replace("\ntitle: ", "\ntitle: [a list, not text]\nold_title: ", mark="title: [a"),
                         "title"),
    "bad-enum": Breakage(RULE, replace("asks: dont", "asks: forbidden"), "forbidden"),
    "duplicate-id": Breakage("content/glossary.yml", duplicate_first_entry, "duplicate"),
    "unknown-rule-ref": Breakage(RULE, replace("related: [", "related: [no-such-rule, "), "no-such-rule"),
    "unknown-phase-ref": Breakage(TEMPLATE, replace("phases: [interview-day", "phases: [interview-days"),
                                  "interview-days"),
    "unknown-source": Breakage(RULE, replace("source: nrmp-mpa-applicants\n", "source: nrmp-mpa-applicant\n"),
                               "nrmp-mpa-applicant"),
    "bad-date": Breakage(RULE, replace_line(r"reviewed: \d{4}-\d{2}-\d{2}", "reviewed: 2026-13-45"), "reviewed"),
    "source-without-url": Breakage("content/sources.yml", replace(
        "    url: https://www.nrmp.org/residency-applicant-match-participation-agreement/\n", "",
        mark="id: nrmp-mpa-applicants\n"), "url"),
    "bad-url": Breakage("content/sources.yml", replace(
        "url: https://www.nrmp.org/residency-applicant-match-participation-agreement/",
        "url: www.nrmp.org/residency-applicant-match-participation-agreement/"), "url"),
    "undeclared-placeholder": Breakage(TEMPLATE, replace("\n  Kind regards,", "\n  See you in [Hospital Wing].\n  Kind regards,"),
                                       "Hospital Wing"),
    "unused-placeholder": Breakage(TEMPLATE, replace(
        "placeholders:\n", "placeholders:\n  - name: Hospital Wing\n    description: Never used\n    example: East\n",
        mark="- name: Hospital Wing"), "Hospital Wing"),
    "check-with-one-example": Breakage(first_check_file(), first_check_with_one_flag_example, "flag"),
    "broken-rule-link": Breakage("content/guides/networking.md", replace(
        "\n## Start with", "\nSee [this](rule:no-such-rule).\n\n## Start with"), "no-such-rule"),
    "id-file-name-mismatch": Breakage(RULE, replace("id: no-binding-commitments", "id: no-binding-commitment"),
                                      "no-binding-commitment"),
    "unknown-template-ref": Breakage(TEMPLATE.replace("templates/thank-you-after-interview", "profiles/us-img"),
                                     replace("templates: [", "templates: [no-such-template, "), "no-such-template"),
    "guide-without-front-matter": Breakage("content/guides/networking.md", replace("---\nid: networking", "id: networking"),
                                           "front matter"),
    "unknown-site-setting": Breakage("content/site.yml", replace("\ntitle:", "\ntitel: x\ntitle:"), "titel"),
}


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    """A good build of a copy of the project, and the digest of every file in it."""
    root = tmp_path_factory.mktemp("good")
    config = site_project(root / "project", content_dir=CONTENT_DIR, handbook="never")
    site = root / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    return site, tree_digest(site)


def project_copy(target: Path) -> Path:
    shutil.copytree(CONTENT_DIR, target / "content")
    shutil.copytree(DOCS_DIR, target / "docs")
    return site_project(target, content_dir=target / "content", docs_dir=target / "docs", handbook="never")


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_broken_content_fails_with_file_and_line_and_keeps_the_site(case, good_build, tmp_path):
    site, before = good_build
    breakage = BREAKAGES[case]
    config = project_copy(tmp_path)
    line = breakage.apply(tmp_path / breakage.file)
    result = mkdocs_build(config, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build accepted {case}:\n{output}"
    shown = breakage.file.removeprefix("content/") if breakage.file.startswith("content/") else breakage.file
    where = re.compile(rf"{re.escape(shown)}:(\d+)")
    lines = [int(n) for n in where.findall(output)]
    assert lines, f"{case}: the error does not name {shown} with a line:\n{output}"
    if line:
        assert any(line <= n <= line + breakage.slack for n in lines), \
            f"{case}: expected {shown}:{line}; got lines {lines}:\n{output}"
    assert breakage.says.lower() in output.lower(), f"{case}: the error does not mention {breakage.says!r}:\n{output}"
    assert "Traceback" not in output, f"{case}: the build crashed instead of reporting:\n{output}"
    assert tree_digest(site) == before, f"{case}: the failed build changed the published site"
    assert not list(site.parent.glob(f".{site.name}.building-*")), "the failed build left its staging folder"


def test_a_plugin_error_keeps_the_site(good_build, tmp_path):
    """A hand-written page that collides with a generated one fails in the plugin, after cleaning."""
    site, before = good_build
    config = project_copy(tmp_path)
    (tmp_path / "docs" / "rules").mkdir(exist_ok=True)
    (tmp_path / "docs" / "rules" / "no-binding-commitments.md").write_text("# Hand-written\n", encoding="utf-8")
    result = mkdocs_build(config, site)
    assert result.returncode != 0
    assert "docs/rules/no-binding-commitments.md" in result.stdout + result.stderr
    assert tree_digest(site) == before


def test_strict_warnings_keep_the_site(good_build, tmp_path):
    """--strict aborts after every page is written; the staged pages must not be published."""
    site, before = good_build
    config = project_copy(tmp_path)
    about = tmp_path / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n", encoding="utf-8")
    result = mkdocs_build(config, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "about.md" in output and "no-such-page.md" in output
    assert tree_digest(site) == before


def test_a_good_build_replaces_the_site_whole(good_build, tmp_path):
    """A successful build publishes every page at once, and drops files the old site had."""
    site, _ = good_build
    published = tmp_path / "site"
    shutil.copytree(site, published)
    (published / "stale.html").write_text("old", encoding="utf-8")
    config = site_project(tmp_path / "project", content_dir=CONTENT_DIR, handbook="never")
    result = mkdocs_build(config, published)
    assert result.returncode == 0, result.stderr
    assert not (published / "stale.html").exists()
    assert sorted(tree_digest(published)) == sorted(tree_digest(site))
    assert not list(tmp_path.glob(".site.building-*"))
