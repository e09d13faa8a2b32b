"""A phase and a specialty added to the content reach every output without code changes: the
checker's rulebook, the checker page's menus, the `prematch-kb check` CLI and the built site.

The knowledge base is a copy of content/ with one phase (`orientation`, after the last) and one
specialty (`child-neurology`) added, as CONTRIBUTING.md's recipe would add them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import CONTENT_DIR, PROJECT_ROOT, mkdocs_build, site_project
from prematch_kb.browser.data import checker_data
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.rulebook import build_rulebook, dump_rulebook

PHASE, SPECIALTY = "orientation", "child-neurology"
DRAFT = "Dear Dr. Lee,\n\nThank you for the orientation schedule.\n\nBest regards,\nAna Ruiz\n"

NEW_PHASE = """
  - id: orientation
    order: 10
    title: Orientation
    window: The weeks before training starts
    summary: Finish onboarding and arrive ready.
    goals:
      - Answer every onboarding request before its deadline.
    send:
      - Short replies to onboarding requests.
    avoid:
      - Asking for changes to a start date you agreed to.
    templates: []
    rules: [violations-and-consequences]
"""


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("added-kb") / "content"
    shutil.copytree(CONTENT_DIR, root)
    phases = root / "timeline/phases.yml"
    phases.write_text(phases.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_PHASE, encoding="utf-8")
    cycle = root / "timeline/cycle.yml"
    text = cycle.read_text(encoding="utf-8")
    last = "    phases: [after-match]\n"
    assert text.endswith(last), "the last stage of cycle.yml moved: update this test"
    cycle.write_text(text[: -len(last)] + "    phases: [after-match, orientation]\n", encoding="utf-8")
    neurology = (root / "specialties/neurology.yml").read_text(encoding="utf-8")
    specialty = neurology.replace("id: neurology\n", f"id: {SPECIALTY}\n", 1).replace(
        "name: Neurology\n", "name: Child Neurology\n", 1)
    assert specialty != neurology
    (root / f"specialties/{SPECIALTY}.yml").write_text(specialty, encoding="utf-8")
    return root


def test_the_rulebook_and_the_checker_pages_menus_list_them_alike(content):
    kb, settings = load_content(content)
    book = build_rulebook(kb, settings)
    assert book["phases"][-1] == PHASE and SPECIALTY in book["specialties"]
    menus = checker_data(kb)["context"]
    assert [item["id"] for item in menus["phase"]] == book["phases"]
    assert sorted(item["id"] for item in menus["specialty"]) == book["specialties"]
    assert {"id": SPECIALTY, "label": "Child Neurology"} in menus["specialty"]


def _run(pythonpath: Path | None, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pythonpath), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, *args], input=stdin, capture_output=True, text=True, env=env,
                          cwd=PROJECT_ROOT)


def test_the_cli_checks_with_them_once_the_rulebook_is_regenerated(content, tmp_path):
    """The recipe: edit content, `prematch-kb rulebook`, then check. Run on a copy of the package so
    the committed rulebook stays as it is."""
    # The committed rulebook does not know them: a usage error, as for any unknown id.
    refused = _run(None, "-m", "prematch_kb", "check", "--phase", PHASE, "-", stdin=DRAFT)
    assert refused.returncode == 2 and f"unknown phase '{PHASE}'" in refused.stderr

    src = tmp_path / "src"
    shutil.copytree(PROJECT_ROOT / "src/prematch_kb", src / "prematch_kb",
                    ignore=shutil.ignore_patterns("__pycache__"))
    made = _run(src, "-m", "prematch_kb", "rulebook", "--content", str(content))
    assert made.returncode == 0, made.stderr
    assert str(src / "prematch_kb/checker/rulebook.json") in made.stdout

    result = _run(src, "-m", "prematch_kb", "check", "--format", "json", "--phase", PHASE,
                  "--specialty", SPECIALTY, "-", stdin=DRAFT)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["context"] == {"phase": PHASE, "specialty": SPECIALTY}
    assert not [f for f in report["findings"] if f["severity"] == "error"]


@pytest.mark.slow
def test_the_site_builds_and_its_checker_accepts_them(content, tmp_path):
    config = site_project(tmp_path / "project", content_dir=content, handbook="never")
    site = tmp_path / "project/site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stdout + result.stderr

    assert 'id="orientation"' in (site / "timeline/index.html").read_text(encoding="utf-8")
    assert "Child Neurology" in (site / f"specialties/{SPECIALTY}/index.html").read_text(encoding="utf-8")

    # The checker page's menus ...
    data = json.loads((site / "checker/data.json").read_text(encoding="utf-8"))
    assert PHASE in [item["id"] for item in data["context"]["phase"]]
    assert SPECIALTY in [item["id"] for item in data["context"]["specialty"]]
    # ... and the checker the page runs: the wheel's rulebook is this content's, and the wheel's
    # own code accepts both (run from the unpacked wheel, as Pyodide imports it).
    lock = json.loads((site / "checker/runtime/pyodide-lock.json").read_text(encoding="utf-8"))
    wheel = site / "checker/runtime" / lock["packages"]["prematch-kb"]["file_name"]
    kb, settings = load_content(content)
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("prematch_kb/checker/rulebook.json").decode() == dump_rulebook(
            build_rulebook(kb, settings))
        archive.extractall(tmp_path / "wheel")
    code = ("import json, sys, prematch_kb; from prematch_kb.checker import check; "
            f"report = check(sys.stdin.read(), phase={PHASE!r}, specialty={SPECIALTY!r}); "
            "print(json.dumps([prematch_kb.__file__, report.to_dict()]))")
    ran = _run(tmp_path / "wheel", "-S", "-c", code, stdin=DRAFT)  # -S: the standard library only
    assert ran.returncode == 0, ran.stderr
    location, report = json.loads(ran.stdout)
    assert Path(location).is_relative_to(tmp_path / "wheel")
    assert report["context"] == {"phase": PHASE, "specialty": SPECIALTY}
