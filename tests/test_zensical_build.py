"""A way off Material for MkDocs: the compiler's pages, written to disk, build with Zensical.

Zensical (pinned in requirements.lock) is the successor the Material team is writing; it reads
mkdocs.yml but runs no third-party MkDocs plugin, so nothing of prematch_kb.mkdocs_plugin takes
part: the pages come from `compiler.write_pages`, the navigation from `compiler.build_nav`, and
the hand-written pages are stand-ins. The README's "Moving off Material for MkDocs" lists what
such a site would lack."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import CONTENT_DIR, PROJECT_ROOT
from prematch_kb.compiler import build_nav, render_pages, write_pages
from prematch_kb.kb.loader import load_content

pytestmark = pytest.mark.slow

ZENSICAL = Path(sys.executable).with_name("zensical")


def _site_config(nav: list) -> dict:
    """The site's own mkdocs.yml settings a plain Zensical build can use: theme features, Markdown
    extensions, the templates/ folder kept; no plugins, overrides or extra assets."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # mkdocs.yml's !!python tags
    site = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return {
        "site_name": "prematch-kb",
        "docs_dir": "docs",
        "site_dir": "site",
        "exclude_docs": site["exclude_docs"],
        "theme": {"features": site["theme"]["features"]},
        "markdown_extensions": site["markdown_extensions"],
        "nav": nav,
    }


@pytest.mark.skipif(not ZENSICAL.is_file(), reason="zensical is not installed (scripts/setup.sh test)")
def test_the_compilers_pages_build_with_zensical(tmp_path):
    kb, settings = load_content(CONTENT_DIR)
    # Hand-written pages (the checker, the log, ...) are MkDocs pages with theme overrides; here
    # each is a one-line stand-in, so the content's links to them resolve.
    handwritten = sorted(p.relative_to(PROJECT_ROOT / "docs").as_posix() for p in (PROJECT_ROOT / "docs").rglob("*.md"))
    pages = render_pages(kb, settings, handwritten=frozenset(handwritten))
    docs = tmp_path / "docs"
    write_pages(pages, docs)
    for path in handwritten:
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(f"# {path}\n", encoding="utf-8")
    config = _site_config(build_nav(pages, frozenset(handwritten)))
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")

    result = subprocess.run([str(ZENSICAL), "build", "--strict"], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "NO_COLOR": "1"}, timeout=600)
    log = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
    assert result.returncode == 0, log[-4000:]
    assert "No issues found" in log, log[-4000:]  # no link to a missing page or anchor

    site = tmp_path / "site"
    for page in pages:
        built = site / re.sub(r"(^|/)index\.md$", r"\1", page.path).removesuffix(".md") / "index.html"
        assert built.is_file(), f"{page.path} was not built"
    rule = next(p for p in pages if p.path.startswith("rules/") and p.path != "rules/index.md")
    html = (site / rule.path.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert rule.title in html
    assert 'href="../' in html  # content links became relative links between built pages
    shutil.rmtree(site)
