"""After the site is built: put the checker's runtime, wheel, data and policy in place.

Everything lands under `<site>/checker/`, the only page that loads any of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from prematch_kb.browser.csp import apply_csp
from prematch_kb.browser.data import write_checker_data
from prematch_kb.browser.errors import BrowserBuildError
from prematch_kb.browser.runtime import RuntimeBuild, install_runtime
from prematch_kb.kb.model import KnowledgeBase

CHECKER_DIR = "checker"
RUNTIME_DIR = "runtime"
DATA_FILE = "data.json"
LOCK_VERSION_MARKER = "__PMKB_LOCK_VERSION__"


class CheckerBuildError(BrowserBuildError):
    """The checker page or its runtime could not be put in place."""


@dataclass(frozen=True)
class CheckerBuild:
    page: Path
    runtime: RuntimeBuild
    data_file: Path
    policy: str


def build_checker_assets(
    site_dir: str | Path, *, kb: KnowledgeBase, project_root: str | Path, site_url: str = "", settings=None
) -> CheckerBuild:
    site = Path(site_dir)
    checker_dir = site / CHECKER_DIR
    page = checker_dir / "index.html"
    if not page.is_file():
        raise CheckerBuildError(f"{page}: the checker page was not built (docs/checker/index.md missing?)")
    rulebook = None
    if settings is not None:  # the wheel speaks from this site's content, not a committed copy
        from prematch_kb.kb.rulebook import build_rulebook, dump_rulebook

        rulebook = dump_rulebook(build_rulebook(kb, settings)).encode("utf-8")
    runtime = install_runtime(Path(project_root), checker_dir / RUNTIME_DIR, rulebook=rulebook)
    data_file = write_checker_data(kb, checker_dir / DATA_FILE, site_url)
    # The lock file's hash in its URL: a new wheel is never checked against a cached old lock.
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(LOCK_VERSION_MARKER, runtime.lock_sha256[:16]), encoding="utf-8")
    policy = apply_csp(page)
    return CheckerBuild(page, runtime, data_file, policy)
