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


# Fixtures that make a test slow or need a browser: a test using one is marked so by itself, and
# `make check` (pytest -m "not slow and not browser and not pyodide") leaves it to `make test`.
SLOW_FIXTURES = {"built_site", "checker_site"}
BROWSER_FIXTURES = {"chromium_browser"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


def mkdocs_build(config: Path, site_dir: Path, *, env: dict | None = None,
                 strict: bool = True) -> subprocess.CompletedProcess:
    """The real `mkdocs build --strict` CLI, as `make build` runs it; return the finished process
    (never raises). `env` adds to the environment; `strict=False` lets warnings pass."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
         "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
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

