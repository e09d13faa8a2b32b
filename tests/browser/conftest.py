"""Browser tests: the real built site, served locally, driven in Debian's Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from prematch_kb.browser.devserver import serve_site

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY_TIMEOUT_MS = 60_000


def build_site(target: Path, config: Path | None = None) -> Path:
    """Build the whole site with MkDocs, as `make build` does, into `target`."""
    config = config or PROJECT_ROOT / "mkdocs.yml"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(target)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return target


@pytest.fixture(scope="session")
def checker_site(request, tmp_path_factory) -> Path:
    """The built site: the suite-wide `built_site` when there is one, else a build of our own."""
    try:
        return Path(request.getfixturevalue("built_site"))
    except pytest.FixtureLookupError:
        pass
    # PREMATCH_KB_MKDOCS_CONFIG builds another configuration (a trimmed site while developing).
    config = os.environ.get("PREMATCH_KB_MKDOCS_CONFIG")
    return build_site(tmp_path_factory.mktemp("site"), Path(config) if config else None)


@pytest.fixture(scope="session")
def site_url(checker_site) -> str:
    with serve_site(checker_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class RequestLog:
    """Every request the context makes (pages, dedicated workers, fetches)."""

    def __init__(self, context):
        self.urls: list[str] = []
        context.on("request", lambda req: self.urls.append(req.url))

    def since(self, mark: int) -> list[str]:
        return self.urls[mark:]


@pytest.fixture
def context(browser):
    context = browser.new_context()
    context.request_log = RequestLog(context)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.page_errors = errors
    yield page
    assert not errors, f"uncaught errors on the page: {errors}"


def wait_ready(page) -> None:
    page.wait_for_selector(
        "#pmkb-checker[data-checker-state=ready], #pmkb-checker[data-checker-state=error]",
        state="attached",
        timeout=READY_TIMEOUT_MS,
    )
    state = page.get_attribute("#pmkb-checker", "data-checker-state")
    assert state == "ready", page.inner_text("#pmkb-checker")


def check_text(page, text: str, mode: str = "draft") -> list[dict]:
    """Replace the text, wait for the checker's answer to it, return the rendered findings."""
    page.check(f'input[name="pmkb-mode"][value="{mode}"]')
    page.evaluate(
        """text => {
            const area = document.getElementById('pmkb-text');
            area.value = text;
            area.dispatchEvent(new Event('input', {bubbles: true}));
        }""",
        text,
    )
    wait_checked(page)
    return rendered_findings(page)


def wait_checked(page) -> None:
    """Wait until the findings shown are those of the current text, mode and context."""
    page.wait_for_selector("#pmkb-checker[data-checker-state=ready]:not([data-pending])", state="attached", timeout=20_000)


def rendered_findings(page) -> list[dict]:
    return page.eval_on_selector_all(
        ".pmkb-finding",
        "items => items.map(i => ({category: i.dataset.category, severity: i.dataset.severity}))",
    )
