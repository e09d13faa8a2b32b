"""Shared test set-up: paths, the fixture knowledge base, and one strict build of the real site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Material for MkDocs prints a banner about its successor on every build; keep test output clean.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CONTENT_DIR = PROJECT_ROOT / "content"
FIXTURE_KB = Path(__file__).resolve().parent / "fixtures" / "kb-minimal"


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` CLI; return the finished process (never raises)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site (content/ + docs/ + mkdocs.yml), built once per session with --strict."""
    site_dir = tmp_path_factory.mktemp("built-site") / "site"
    result = mkdocs_build(PROJECT_ROOT / "mkdocs.yml", site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def chromium_browser():
    """One Chromium for the whole session: Playwright's sync API allows one running instance."""
    from playwright.sync_api import sync_playwright

    from prematch_kb.browser.chromium import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()

