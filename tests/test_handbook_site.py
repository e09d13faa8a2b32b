"""The handbook inside the site: the plugin's `handbook` option with a real MkDocs build, and the
serve-time policy (environment switch, background thread, copy kept across wiped rebuilds)."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURE_KB, mkdocs_build, site_project
from prematch_kb.handbook import HandbookError
from prematch_kb.handbook.site_output import SERVE_SWITCH, SiteHandbook
from prematch_kb.kb.loader import load_content

LOG = logging.getLogger("test.handbook")

pytestmark = pytest.mark.slow


def build_with_handbook(tmp_path: Path, option: str | None) -> subprocess.CompletedProcess:
    """Build the real site (mkdocs.yml, docs/, checker runtime) over the minimal knowledge base.

    Not strict: the hand-written pages link to content the minimal knowledge base does not have."""
    config = site_project(tmp_path / "project", content_dir=FIXTURE_KB, handbook=option)
    return mkdocs_build(config, tmp_path / "site", strict=False)


def test_production_build_puts_the_pdf_in_the_site(tmp_path):
    result = build_with_handbook(tmp_path, None)
    assert result.returncode == 0, result.stderr
    for name in ("handbook.pdf", "quick-reference.pdf"):
        assert (tmp_path / "site" / name).read_bytes().startswith(b"%PDF-"), name
    assert not list((tmp_path / "site").glob(".*.pdf*")), "temporary file left behind"


def test_unknown_option_value_is_a_clear_config_error(tmp_path):
    result = build_with_handbook(tmp_path, "sometimes")
    assert result.returncode != 0
    assert "handbook" in result.stderr and "sometimes" in result.stderr
    assert not (tmp_path / "site" / "handbook.pdf").exists()


@pytest.fixture(scope="module")
def minimal():
    return load_content(FIXTURE_KB)


def test_serving_skips_the_pdf_unless_switched_on(tmp_path, minimal):
    kb, site = minimal
    off = SiteHandbook("auto", serving=True, logger=LOG, environ={})
    assert off.after_build(kb, site, tmp_path) is None
    assert off.wait(0) and not (tmp_path / "handbook.pdf").exists()
    assert not SiteHandbook("auto", serving=True, logger=LOG, environ={SERVE_SWITCH: "0"}).enabled
    assert not SiteHandbook("never", serving=False, logger=LOG, environ={SERVE_SWITCH: "1"}).enabled
    assert SiteHandbook("always", serving=True, logger=LOG, environ={}).enabled
    assert SiteHandbook("auto", serving=False, logger=LOG, environ={}).enabled


def test_serving_builds_in_the_background_and_survives_a_wiped_site(tmp_path, minimal):
    kb, site = minimal
    handbook = SiteHandbook("auto", serving=True, logger=LOG, environ={SERVE_SWITCH: "1"})
    try:
        first = tmp_path / "first"
        first.mkdir()
        assert handbook.after_build(kb, site, first) is None  # returns before the PDF exists
        assert handbook.wait(120)
        for name in ("handbook.pdf", "quick-reference.pdf"):
            assert (first / name).read_bytes().startswith(b"%PDF-"), name
        # a rebuild wipes the site folder: the last PDFs are copied back at once
        second = tmp_path / "second"
        second.mkdir()
        handbook.after_build(kb, site, second)
        for name in ("handbook.pdf", "quick-reference.pdf"):
            assert (second / name).read_bytes().startswith(b"%PDF-"), name
        assert handbook.wait(120)
    finally:
        handbook.close()


def test_unknown_mode_is_refused():
    with pytest.raises(HandbookError, match="'sometimes'"):
        SiteHandbook("sometimes", serving=False, logger=LOG)
