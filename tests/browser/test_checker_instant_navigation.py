"""With the theme's instant navigation switched on, the checker page still starts and checks.

The project's site leaves `navigation.instant` off; this builds a two-page site with it on
(the real checker page, template and assets) to keep the page script ready for that switch.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import CONTENT_DIR, DOCS_DIR, PROJECT_ROOT, mkdocs_build
from prematch_kb.browser.devserver import free_port, serve_site

from .pages import check_text, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]


HOOK = '''
from pathlib import Path
from prematch_kb.browser.postbuild import build_checker_assets
from prematch_kb.kb.loader import load_knowledge_base

def on_post_build(config, **kwargs):
    kb = load_knowledge_base(Path({content!r}))
    build_checker_assets(config["site_dir"], kb=kb, project_root={root!r}, site_url=config["site_url"])
'''


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("instant")
    docs = project / "docs"
    # The checker folder: its page, its worker and its service worker.
    shutil.copytree(DOCS_DIR / "checker", docs / "checker")
    shutil.copytree(DOCS_DIR / "assets", docs / "assets")
    (docs / "index.md").write_text("---\nreviewed: 2026-11-22\n---\n# Start\n\n[Open the email checker](checker/index.md)\n")
    (project / "hooks.py").write_text(HOOK.format(content=str(CONTENT_DIR), root=str(PROJECT_ROOT)))
    port = free_port()
    # Instant navigation only takes over links under site_url, so it names the local server.
    (project / "mkdocs.yml").write_text(
        "site_name: Instant navigation\n"
        f"site_url: http://127.0.0.1:{port}/\n"
        "theme:\n"
        "  name: material\n"
        f"  custom_dir: {PROJECT_ROOT / 'overrides'}\n"
        "  font: false\n"
        "  features: [navigation.instant]\n"
        "hooks: [hooks.py]\n"
    )
    result = mkdocs_build(project / "mkdocs.yml", project / "site", strict=False)
    assert result.returncode == 0, result.stderr
    with serve_site(project / "site", port=port) as url:
        yield url


def test_checker_starts_after_instant_navigation(browser, instant_site):
    page = browser.new_page()
    try:
        page.goto(instant_site)
        # The theme takes over only links its sitemap.xml lists, fetched after the page loads: a
        # click before that fetch ends is an ordinary full page load.
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__sameDocument = true")
        page.click(".md-content a[href$='checker/']")
        page.wait_for_url("**/checker/")
        wait_ready(page)
        assert page.evaluate("window.__sameDocument") is True, "the theme did a full page load"
        findings = check_text(page, "Dear Dr. Lee,\n\nI will rank you first.\n\n[Your Name]")
        assert any(f["category"] == "placeholder" for f in findings)
        # Away and back again, still in the same document: the runtime is reused at once.
        page.click(".md-header__button.md-logo")
        page.wait_for_url(instant_site)
        page.click(".md-content a[href$='checker/']")
        page.wait_for_url("**/checker/")
        wait_ready(page)
        assert page.evaluate("window.__sameDocument") is True
        assert check_text(page, "Where will you rank us?", mode="received")
    finally:
        page.close()
