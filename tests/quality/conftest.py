"""Quality gates on the real built site: accessibility, links, build integrity, reproducibility."""

from __future__ import annotations

import pytest

from prematch_kb.browser.devserver import serve_site


@pytest.fixture(scope="session")
def site_server(built_site):
    with serve_site(built_site) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="session")
def chromium(chromium_browser):
    return chromium_browser
