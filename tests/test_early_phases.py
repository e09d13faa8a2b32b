"""Which phases are early is the knowledge base's to say (`early: true` in timeline/phases.yml):
the loader requires at least one, first in the season; the rulebook lists them; and the checker's
visa-status check follows them, so renaming or adding a phase keeps the check working."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import CONTENT_DIR, FIXTURE_KB
from prematch_kb.checker import check, rulebook
from prematch_kb.kb.errors import ContentError
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.rulebook import build_rulebook, dump_rulebook

TEXT = "I graduated in Grenada and have applied to your program."
RENAMED, ADDED = "getting-ready", "final-exams"


def _copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE_KB, tmp_path / "content"))


def _phases(content: Path) -> list[dict]:
    return yaml.safe_load((content / "timeline/phases.yml").read_text(encoding="utf-8"))["phases"]


def _write_phases(content: Path, phases: list[dict]) -> None:
    for order, phase in enumerate(phases, start=1):
        phase["order"] = order
    (content / "timeline/phases.yml").write_text(yaml.safe_dump({"phases": phases}, sort_keys=False),
                                                 encoding="utf-8")


@pytest.fixture
def renamed(tmp_path) -> Path:
    """The fixture knowledge base with its early phase renamed and a second early phase added."""
    content = _copy(tmp_path)
    for path in content.rglob("*"):
        if path.suffix in (".yml", ".md"):
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("before-applying", RENAMED), encoding="utf-8")
    phases = _phases(content)
    assert phases[0]["id"] == RENAMED and phases[0]["early"] is True
    added = {**copy.deepcopy(phases[0]), "id": ADDED, "title": "Final exams"}
    _write_phases(content, [phases[0], added, *phases[1:]])
    cycle = content / "timeline/cycle.yml"
    text = cycle.read_text(encoding="utf-8")
    assert f"phases: [{RENAMED}]" in text
    cycle.write_text(text.replace(f"phases: [{RENAMED}]", f"phases: [{RENAMED}, {ADDED}]"), encoding="utf-8")
    return content


@pytest.fixture
def use_rulebook(tmp_path, monkeypatch):
    """Make the checker read the rulebook built from a given knowledge base (as after
    `prematch-kb rulebook --content ...`), and the committed one again afterwards."""
    def use(content: Path) -> dict:
        kb, settings = load_content(content)
        book = build_rulebook(kb, settings)
        path = tmp_path / "rulebook.json"
        path.write_text(dump_rulebook(book), encoding="utf-8")
        monkeypatch.setattr(rulebook, "RULEBOOK_PATH", path)
        rulebook.load_rulebook.cache_clear()
        return book

    yield use
    rulebook.load_rulebook.cache_clear()


def _visa_findings(phase: str) -> list[str]:
    report = check(TEXT, applicant_type="us-img", phase=phase)
    return [f.category for f in report.findings if f.category == "visa-status-missing"]


def test_the_real_rulebook_lists_the_early_phases_of_the_content():
    kb, _ = load_content(CONTENT_DIR)
    early = [p.id for p in kb.phases.values() if p.early]
    assert early and rulebook.early_phases() == frozenset(early)
    assert rulebook.load_rulebook()["early_phases"] == early


def test_a_renamed_and_an_added_early_phase_keep_the_visa_check(renamed, use_rulebook):
    book = use_rulebook(renamed)
    assert book["early_phases"] == [RENAMED, ADDED]
    assert book["phases"] == [RENAMED, ADDED, "post-interview", "match-week"]
    assert _visa_findings(RENAMED) == ["visa-status-missing"]
    assert _visa_findings(ADDED) == ["visa-status-missing"]
    assert _visa_findings("post-interview") == []
    with pytest.raises(ValueError, match="unknown phase 'before-applying'"):
        check(TEXT, applicant_type="us-img", phase="before-applying")


def test_a_knowledge_base_with_no_early_phase_is_refused(tmp_path):
    content = _copy(tmp_path)
    phases = _phases(content)
    for phase in phases:
        phase.pop("early", None)
    _write_phases(content, phases)
    with pytest.raises(ContentError) as caught:
        load_content(content)
    found = [p for p in caught.value.problems if p.path.endswith("timeline/phases.yml")]
    assert [p.field for p in found] == ["phases"]
    assert "no phase is marked 'early: true'" in found[0].message


def test_an_early_phase_after_a_later_one_is_refused(tmp_path):
    content = _copy(tmp_path)
    phases = _phases(content)
    phases[-1]["early"] = True
    _write_phases(content, phases)
    with pytest.raises(ContentError) as caught:
        load_content(content)
    found = [p for p in caught.value.problems if p.path.endswith("timeline/phases.yml")]
    assert [p.field for p in found] == [f"phases[{len(phases) - 1}].early"]
    assert "'match-week' comes after 'post-interview'" in found[0].message


def test_early_must_be_true_or_false(tmp_path):
    content = _copy(tmp_path)
    phases = _phases(content)
    phases[0]["early"] = "yes"
    _write_phases(content, phases)
    with pytest.raises(ContentError) as caught:
        load_content(content)
    assert any(p.field == "phases[0].early" and "true or false" in p.message for p in caught.value.problems)
