"""The benchmarks page shows the figures of bench/results/*.json with the machine they came from."""

from __future__ import annotations

import json

from conftest import PROJECT_ROOT
from prematch_kb.mkdocs_plugin.benchmarks import MARKER, figures_markdown, insert_figures, readable_times

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


def test_timestamps_read_as_utc_times_and_put_no_plus_sign_into_the_search_index(tmp_path):
    (tmp_path / "checker.json").write_text(json.dumps({
        "measured_at": "2026-12-06T21:12:56+00:00", "quick": False, "machine": {"cpu": "Example CPU"}}))
    (tmp_path / "checker.md").write_text("### Speed\n\nMeasured 2026-12-06T21:12:56+00:00 on Example CPU.\n")
    text = figures_markdown(tmp_path)
    assert "+00:00" not in text
    assert text.count("Measured 2026-12-06 21:12 UTC on Example CPU") == 2


def test_the_marker_is_replaced_and_nothing_else_changes(tmp_path):
    page = f"# Benchmarks\n\nIntro.\n\n{MARKER}\n"
    assert insert_figures(page, tmp_path).endswith("*No benchmark has been run yet: run `make bench`.*\n\n")
    assert insert_figures("# No marker\n", tmp_path) == "# No marker\n"


def test_the_built_page_shows_the_current_figures(built_site):
    html = (built_site / "benchmarks" / "index.html").read_text(encoding="utf-8")
    assert MARKER not in html
    for results in sorted(RESULTS.glob("*.json")):
        data = json.loads(results.read_text(encoding="utf-8"))
        assert readable_times(data["measured_at"]) in html, f"{results.name} is not on the benchmarks page"
