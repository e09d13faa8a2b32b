"""Specialty communication policies (loading, validation, rendering) and the freshness check
(`prematch-kb validate --freshness --today`), on fixed days so the results never drift."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONTENT_DIR, FIXTURE_KB, PROJECT_ROOT
from prematch_kb.compiler import render_pages as compile_pages
from prematch_kb.kb.errors import ContentError
from prematch_kb.kb.freshness import stale_items
from prematch_kb.kb.loader import load_content, load_knowledge_base
from prematch_kb.kb.model import POLICY_STANCES, POLICY_TOPICS

FOUND_POLICY = """communication_policy:
  organisation: OPDO
  post_interview_contact: discouraged
  thank_you_notes: allowed
  second_looks: forbidden
  first_choice_letters: no-policy
  season: 2026-27 recruitment cycle
  summary: Programs ask applicants not to write after the interview.
  sources: [{source: nrmp-mpa-applicants}]
  searched: 2026-12-06
"""




def with_policy(content: Path, policy: str) -> Path:
    path = content / "specialties/otolaryngology.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("communication_policy:")] + policy, encoding="utf-8")
    return path


def problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_knowledge_base(content)
    return [str(p) for p in caught.value.problems]


def run_validate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "prematch_kb", "validate", *args],
                          capture_output=True, text=True, cwd=PROJECT_ROOT)


# -- communication policies ------------------------------------------------------------------------

def test_fixture_policy_says_nothing_was_found_and_when():
    kb, settings = load_content(FIXTURE_KB)
    policy = kb.specialties["otolaryngology"].communication_policy
    assert not policy.found and policy.searched == dt.date(2026, 12, 6)
    page = {p.path: p for p in compile_pages(kb, settings, today=dt.date(2027, 1, 10))}["specialties/otolaryngology.md"]
    assert "## Communication policy {#communication-policy}" in page.markdown
    assert "No published policy found (searched on 2026-12-06)" in page.markdown


def test_found_policy_loads_and_renders_each_stance_with_source_and_season(content):
    with_policy(content, FOUND_POLICY)
    kb, settings = load_content(content)
    policy = kb.specialties["otolaryngology"].communication_policy
    assert policy.found and policy.second_looks == "forbidden"
    assert policy.to_dict()["post_interview_contact"] == "discouraged"
    assert set(policy.to_dict()) >= set(POLICY_TOPICS) | {"season", "searched", "sources"}
    pages = {p.path: p for p in compile_pages(kb, settings, today=dt.date(2027, 1, 10))}
    text = pages["specialties/otolaryngology.md"].markdown
    assert "| Second looks | Not allowed |" in text and "| Thank-you notes | Allowed |" in text
    assert "Season: 2026-27 recruitment cycle. Source: [NRMP" in text
    assert "Discouraged (OPDO, 2026-27 recruitment cycle)" in pages["specialties/index.md"].markdown


def test_policy_is_required_with_a_known_stance_for_each_topic(content):
    path = with_policy(content, FOUND_POLICY.replace("second_looks: forbidden", "second_looks: banned"))
    found = problems(content)
    assert any("communication_policy.second_looks: expected one of " + ", ".join(POLICY_STANCES) in p
               for p in found), found
    path.write_text(path.read_text(encoding="utf-8").split("communication_policy:")[0], encoding="utf-8")
    assert any(p.endswith("communication_policy: missing required field") for p in problems(content))


def test_a_found_policy_needs_a_season_and_a_source(content):
    with_policy(content, FOUND_POLICY.replace("  season: 2026-27 recruitment cycle\n", "")
                .replace("  sources: [{source: nrmp-mpa-applicants}]\n", ""))
    found = problems(content)
    assert any(p.endswith("communication_policy.season: missing required field") for p in found), found
    assert any(p.endswith("communication_policy.sources: missing required field") for p in found), found


def test_a_confirmed_policy_needs_a_primary_source(content):
    with_policy(content, FOUND_POLICY.replace("nrmp-mpa-applicants", "advice-blog"))
    assert any("communication_policy.sources: expected a primary source" in p for p in problems(content))
    with_policy(content, FOUND_POLICY.replace("nrmp-mpa-applicants", "advice-blog") + "  confirmed: false\n")
    load_knowledge_base(content)  # an unconfirmed policy may rest on a secondary report


def test_every_real_specialty_has_a_policy_and_plastic_surgery_is_covered():
    kb = load_knowledge_base(CONTENT_DIR)
    assert len(kb.specialties) >= 20
    assert all(s.communication_policy is not None for s in kb.specialties.values())
    plastic = kb.specialties["plastic-surgery"].communication_policy
    assert plastic.second_looks == "forbidden" and plastic.post_interview_contact == "forbidden"
    for specialty in kb.specialties.values():
        policy = specialty.communication_policy
        assert policy.found == bool(policy.season), specialty.id  # a season exactly when something was found


# -- freshness -------------------------------------------------------------------------------------

def test_freshness_on_a_fixed_day_lists_past_unconfirmed_dates():
    kb, _ = load_content(FIXTURE_KB)
    found = [str(item) for item in stale_items(kb, dt.date(2027, 3, 10))]
    assert len(found) == 1, found
    assert found[0].startswith("timeline/cycle.yml:12: dates.rank-deadline: 2027-03-03 has passed and is still unconfirmed")


def test_freshness_lists_reviews_older_than_a_year():
    kb, _ = load_content(FIXTURE_KB)
    found = [str(item) for item in stale_items(kb, dt.date(2027, 11, 2))]
    # 366 days after the advice article was checked; everything else is younger than a year
    assert [f for f in found if "dates." not in f] == [
        "sources.yml:15: sources.advice-blog.checked: last checked 2026-11-01 is more than a year before "
        "2027-11-02; read it again and update the date"]
    assert sum("dates." in f for f in found) == 2  # rank deadline and Match Day, both passed unconfirmed
    assert stale_items(kb, dt.date(2026, 12, 6)) == []


def test_validate_freshness_cli_with_a_fixed_day():
    stale = run_validate("--content", str(FIXTURE_KB), "--freshness", "--today", "2027-03-10")
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert "dates.rank-deadline: 2027-03-03 has passed and is still unconfirmed" in stale.stdout
    assert "1 stale item on 2027-03-10" in stale.stderr
    fresh = run_validate("--content", str(FIXTURE_KB), "--freshness", "--today", "2026-12-06")
    assert fresh.returncode == 0 and "Fresh on 2026-12-06" in fresh.stdout
    bad = run_validate("--content", str(FIXTURE_KB), "--freshness", "--today", "10/03/2027")
    assert bad.returncode == 2 and "expected a date written YYYY-MM-DD" in bad.stderr


def test_timeline_marks_a_past_unconfirmed_date_as_such():
    kb, settings = load_content(FIXTURE_KB)
    pages = {p.path: p for p in compile_pages(kb, settings, today=dt.date(2027, 3, 10))}
    text = pages["timeline/index.md"].markdown
    assert "| Rank order list deadline | 2027-03-03 | Passed unconfirmed <span" in text
    assert "| Match Day | 2027-03-19 | Expected <span" in text


def test_sources_page_lists_when_each_source_was_last_checked_oldest_first():
    kb, settings = load_content(FIXTURE_KB)
    text = {p.path: p for p in compile_pages(kb, settings, today=dt.date(2027, 1, 10))}["sources.md"].markdown
    assert "## When each source was last checked {#last-checked}" in text
    table = text[text.index("{#last-checked}"):]
    rows = [line for line in table.splitlines() if line.startswith("| 2026-")]
    assert len(rows) == len(kb.sources)
    assert rows[0].startswith("| 2026-11-01 | [An advice article](#advice-blog) | Example Blog |")
    assert [row[2:12] for row in rows] == sorted(row[2:12] for row in rows)
