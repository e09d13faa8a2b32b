"""Browser tests: the real built site, served locally, driven in Debian's Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prematch_kb.browser.devserver import serve_site


@pytest.fixture(scope="session")
def checker_site(request) -> Path:
    """The real site, built once for the whole suite (`built_site` in tests/conftest.py).

    PREMATCH_KB_BUILT_SITE names a site already built from this checkout (`make build`), to
    iterate on these tests without rebuilding.
    """
    prebuilt = os.environ.get("PREMATCH_KB_BUILT_SITE")
    if prebuilt:
        return Path(prebuilt)
    return Path(request.getfixturevalue("built_site"))


@pytest.fixture(scope="session")
def site_url(checker_site) -> str:
    with serve_site(checker_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium_browser):
    return chromium_browser


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
