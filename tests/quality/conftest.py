"""Quality gates on the real built site: accessibility, links, build integrity, reproducibility."""

from __future__ import annotations

import pytest

from prematch_kb.browser.devserver import serve_site
from sitekit import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def site_server(built_site):
    with serve_site(built_site) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
