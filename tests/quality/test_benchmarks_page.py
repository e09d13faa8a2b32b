"""The benchmarks page shows the figures of bench/results/*.json with the machine they came from."""

from __future__ import annotations

import json

from conftest import PROJECT_ROOT
from prematch_kb.mkdocs_plugin.benchmarks import MARKER, figures_markdown, insert_figures

RESULTS = PROJECT_ROOT / "bench" / "results"


def test_every_results_file_gets_a_section_with_its_machine(tmp_path):
    (tmp_path / "checker.json").write_text(json.dumps({
        "benchmark": "checker", "measured_at": "2026-11-22T10:00:00+00:00", "quick": False,
        "machine": {"nproc": 2, "cpu": "Example CPU 9000", "python": "3.12.1"},
        "corpus": {"median_ms": 0.8, "runs_ms": [1, 2]}, "targets": {"typical_draft_ms": 1.0}}))
    (tmp_path / "site.json").write_text(json.dumps({"measured_at": "2026-11-22", "quick": True, "machine": {}}))
    (tmp_path / "site.md").write_text("### Page weight\n\n| page | kb |\n|---|---|\n| guide | 300 |\n")
    text = figures_markdown(tmp_path)
    assert text.index("## Site") < text.index("## Checker")  # the site's own figures first
    assert "Example CPU 9000, 2 cores" in text and "Python 3.12.1" in text
    assert "| corpus › median_ms | 0.8 |" in text and "runs_ms" not in text
    assert "| guide | 300 |" in text and "Smoke run" in text  # quick results are labelled as such


def test_the_marker_is_replaced_and_nothing_else_changes(tmp_path):
    page = f"# Benchmarks\n\nIntro.\n\n{MARKER}\n"
    assert insert_figures(page, tmp_path).endswith("*No benchmark has been run yet: run `make bench`.*\n\n")
    assert insert_figures("# No marker\n", tmp_path) == "# No marker\n"


def test_the_built_page_shows_the_current_figures(built_site):
    html = (built_site / "benchmarks" / "index.html").read_text(encoding="utf-8")
    assert MARKER not in html
    for results in sorted(RESULTS.glob("*.json")):
        data = json.loads(results.read_text(encoding="utf-8"))
        assert data["measured_at"] in html, f"{results.name} is not on the benchmarks page"
