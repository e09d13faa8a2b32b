"""Shared test set-up: paths, the fixture knowledge base, a site project over other content, the
MkDocs build, and one strict build of the real site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

# Material for MkDocs prints a banner about its successor on every build; keep test output clean.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

TESTS_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = TESTS_DIR.parent
CONTENT_DIR = PROJECT_ROOT / "content"
DOCS_DIR = PROJECT_ROOT / "docs"
FIXTURE_KB = TESTS_DIR / "fixtures" / "kb-minimal"
CORPUS_DIR = TESTS_DIR / "corpus"
PREMATCH_KB = PROJECT_ROOT / ".venv" / "bin" / "prematch-kb"  # the installed command, as a user runs it


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


def site_project(target: Path, *, content_dir: Path, docs_dir: Path | None = None, handbook: str | None = None,
                 checker_runtime: bool | None = None) -> Path:
    """The real site project over other content: a copy of mkdocs.yml in `target` with every folder
    absolute and the plugin's `content_dir` (and, when given, `handbook` and `checker_runtime`)
    set; returns the configuration's path, for `mkdocs_build`.

    The checker's Pyodide runtime is taken from node_modules/ next to mkdocs.yml, so it is linked in."""
    config = yaml.safe_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs_dir or DOCS_DIR)
    if isinstance(config.get("theme"), dict) and config["theme"].get("custom_dir"):
        config["theme"]["custom_dir"] = str(PROJECT_ROOT / config["theme"]["custom_dir"])
    found = False
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "prematch-kb" in entry:
            options = entry["prematch-kb"] = dict(entry["prematch-kb"] or {})
            options["content_dir"] = str(content_dir)
            if handbook is not None:
                options["handbook"] = handbook
            if checker_runtime is not None:
                options["checker_runtime"] = checker_runtime
            found = True
    assert found, "mkdocs.yml no longer configures the prematch-kb plugin"
    target.mkdir(parents=True, exist_ok=True)
    if not (target / "node_modules").exists():
        (target / "node_modules").symlink_to(PROJECT_ROOT / "node_modules", target_is_directory=True)
    path = target / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


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


@pytest.fixture
def content(tmp_path) -> Path:
    """A writable copy of the fixture knowledge base (a test module may define its own instead)."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_KB, target)
    return target


def replace_once(path: Path, old: str, new: str) -> None:
    """Edit a content file in place: the first `old` becomes `new` (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="session")
def real():
    """The project's own knowledge base and site settings, loaded once (never modified by a test)."""
    from prematch_kb.kb.loader import load_content

    return load_content(CONTENT_DIR)


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

