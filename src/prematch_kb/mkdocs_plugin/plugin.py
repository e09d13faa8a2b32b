"""Thin MkDocs adapter: validated content in, generated pages, navigation and edit links out.

All the work happens in prematch_kb.kb (loading, validation) and prematch_kb.compiler (pages,
navigation); the hooks below only hand the results to MkDocs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from prematch_kb.compiler.search import search_meta
from prematch_kb.mkdocs_plugin.config import PrematchKbConfig

if TYPE_CHECKING:
    from prematch_kb.handbook.site_output import SiteHandbook
    from prematch_kb.kb.model import KnowledgeBase
    from prematch_kb.kb.site import SiteSettings
    from prematch_kb.sitebuild import StagedSiteDir

log = get_plugin_logger(__name__)
# Hand-written pages whose figures come from bench/results/*.json at build time.
BENCHMARK_PAGES = ("benchmarks.md", "benchmarks/index.md")


class PrematchKbPlugin(BasePlugin[PrematchKbConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.kb: KnowledgeBase | None = None  # after on_config
        self.settings: SiteSettings | None = None  # after on_config
        self.content_dir: Path | None = None
        self.pages: list = []  # compiler Pages
        self.origins: dict[str, str] = {}  # src_uri -> content file ("" when built from many files)
        self.command = "build"  # from on_startup: "build", "gh-deploy" or "serve"
        self.handbook: SiteHandbook | None = None  # at the first post-build
        self.dirty = False
        self.staged: StagedSiteDir | None = None  # while a build writes to staging

    def on_startup(self, *, command, dirty):
        # Defining on_startup also keeps this plugin alive across `mkdocs serve` rebuilds, which
        # the handbook's background build relies on.
        self.command = command
        self.dirty = dirty

    def on_shutdown(self):
        if self.handbook is not None:
            self.handbook.close()

    # -- configuration -------------------------------------------------------------------------
    def on_config(self, config):
        if not self.config.enabled:
            return None
        from prematch_kb.compiler import build_nav, render_pages
        from prematch_kb.kb.errors import ContentError
        from prematch_kb.kb.loader import load_content

        self.content_dir = Path(config.config_file_path or ".").parent / self.config.content_dir
        try:
            self.kb, self.settings = load_content(self.content_dir)
        except ContentError as error:
            count = len(error.problems)
            raise PluginError(f"the knowledge base has {count} problem{'s' if count != 1 else ''}:\n{error}") from None
        _apply_site_settings(config, self.settings)
        handwritten = _handwritten_pages(Path(config.docs_dir))
        self.pages = render_pages(self.kb, self.settings, handwritten=handwritten)
        self.origins = {page.path: page.origin for page in self.pages}
        if not config.nav:
            config.nav = build_nav(self.pages, handwritten, downloads=self._downloads(config))
        self._stage_site_dir(config)
        return config

    def _downloads(self, config) -> tuple[tuple[str, str], ...]:
        if self.config.handbook == "never":
            return ()
        from urllib.parse import urlsplit

        from prematch_kb.handbook.settings import HANDBOOK_FILE, QUICK_REFERENCE_FILE

        base = (urlsplit(config.site_url or "/").path or "/").rstrip("/") + "/"
        return (("Printable handbook (PDF)", base + HANDBOOK_FILE),
                ("Two-page quick reference (PDF)", base + QUICK_REFERENCE_FILE))

    # -- build integrity: write to a staging folder, publish at the very end ----------------------
    def _stage_site_dir(self, config) -> None:
        # `mkdocs serve` (live reload) writes to its own temporary folder, and the handbook's
        # background build writes there after the build returns; a dirty build reuses the old files.
        if self.command == "serve" or self.dirty:
            return
        from prematch_kb.sitebuild import StagedSiteDir, source_date_epoch

        if "SOURCE_DATE_EPOCH" not in os.environ:  # reproducible builds: see source_date_epoch
            epoch = source_date_epoch(Path(config.docs_dir).parent)
            if epoch:
                os.environ["SOURCE_DATE_EPOCH"] = epoch
        self.staged = StagedSiteDir.begin(Path(config.site_dir))
        config.site_dir = str(self.staged.staging)

    @event_priority(-100)  # after every other plugin has written its files
    def _publish_site(self, *, config):
        if self.staged is None:
            return
        staged, self.staged = self.staged, None
        if config.strict and _strict_warnings_counted():
            staged.abandon()  # MkDocs aborts right after this hook; keep the published site
            return
        staged.publish()
        config.site_dir = str(staged.final)
        log.info("built in a staging folder, now published to %s", staged.final)

    def on_build_error(self, *, error):
        if self.staged is not None:
            self.staged.abandon()
            self.staged = None

    # -- files and pages -----------------------------------------------------------------------
    def on_files(self, files: Files, *, config):
        if not self.config.enabled:
            return None
        for page in self.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                raise PluginError(f"docs/{page.path} is written by hand but the knowledge base generates "
                                  f"{page.path}: remove one of them")
            files.append(File.generated(config, page.path, content=page.markdown))
        return files

    def on_page_markdown(self, markdown: str, *, page, config, files):
        if not self.config.enabled:
            return None
        # Search weight and keywords (compiler/search.py); a page's own front matter wins.
        for key, value in search_meta(page.file.src_uri).items():
            page.meta.setdefault(key, value)
        if page.file.src_uri in BENCHMARK_PAGES:
            from prematch_kb.mkdocs_plugin.benchmarks import insert_figures

            markdown = insert_figures(markdown, Path(config.docs_dir).parent / "bench" / "results")
        if page.file.src_uri not in self.origins:
            return _with_reviewed_line(markdown, page)
        origin = self.origins[page.file.src_uri]
        assert self.settings is not None  # on_config read them before any page
        # Generated pages are edited in the content folder, not in docs/.
        page.edit_url = (self.settings.edit_url(origin) or None) if origin else None
        return markdown

    def on_serve(self, server, *, config, builder):
        if self.config.enabled and self.content_dir is not None:
            server.watch(str(self.content_dir))
        return server

    # -- other outputs -------------------------------------------------------------------------
    def _build_outputs(self, *, config):
        if not self.config.enabled:
            return
        # Outputs built from the same knowledge base into the built site are called from here,
        # one line each, with their logic in their own package (prematch_kb.browser for the
        # checker runtime, prematch_kb.handbook for the PDF). They receive self.kb,
        # self.settings, self.content_dir and Path(config.site_dir).
        from prematch_kb.browser import BrowserBuildError
        from prematch_kb.browser.postbuild import build_checker_assets

        try:
            if self.config.checker_runtime:
                build_checker_assets(Path(config.site_dir), kb=self.kb, site_url=self.settings.site_url,
                                     settings=self.settings,
                                     project_root=Path(config.config_file_path or ".").parent)
        except BrowserBuildError as error:
            raise PluginError(f"checker: {error}") from None
        from prematch_kb.browser.csp import apply_csp_to_site

        # After the checker page has its own policy: every other page gets the site's.
        apply_csp_to_site(Path(config.site_dir), serving=self.command == "serve")
        from prematch_kb.browser.plan_data import PlanDataError, write_plan_data

        try:
            write_plan_data(self.kb, Path(config.site_dir))
        except PlanDataError as error:
            raise PluginError(f"plan page: {error}") from None
        from prematch_kb.browser.calendar import write_calendar

        write_calendar(self.kb, self.settings.site_url, Path(config.site_dir))
        if self.config.handbook == "never":
            return  # and the handbook's modules (WeasyPrint) are never imported
        from prematch_kb.handbook import HandbookError
        from prematch_kb.handbook.site_output import SiteHandbook

        try:
            if self.handbook is None:
                self.handbook = SiteHandbook(self.config.handbook, serving=self.command == "serve", logger=log)
            self.handbook.after_build(self.kb, self.settings, Path(config.site_dir))
        except HandbookError as error:
            raise PluginError(f"handbook: {error}") from None

    @event_priority(-50)  # after every plugin has written its files (the search index too), before publishing
    def _precompress_site(self, *, config):
        # `mkdocs serve` answers uncompressed, so its rebuilds skip the copies.
        if not self.config.enabled or self.command == "serve":
            return
        from prematch_kb.compiler.precompress import precompress_site

        try:
            written = precompress_site(Path(config.site_dir))
        except OSError as error:  # the build fails whole; the published site stays as it was
            raise PluginError(f"pre-compressed copies: {error}") from None
        log.info("pre-compressed %d files (%d KiB as gzip, from %d KiB)", len(written),
                 sum(f.gzip_bytes for f in written) // 1024, sum(f.original_bytes for f in written) // 1024)

    on_post_build = CombinedEvent(_build_outputs, _precompress_site, _publish_site)


def _with_reviewed_line(markdown: str, page) -> str:
    """Hand-written pages carry `reviewed: YYYY-MM-DD` in front matter and show it like generated
    pages do; a page without it is a warning (an error under --strict)."""
    import datetime as _dt

    from prematch_kb.compiler.context import RenderContext

    reviewed = page.meta.get("reviewed")
    if isinstance(reviewed, str):
        try:
            reviewed = _dt.date.fromisoformat(reviewed)
        except ValueError:
            reviewed = None
    if not isinstance(reviewed, _dt.date):
        log.warning("docs/%s: front matter needs 'reviewed: YYYY-MM-DD' (every page shows when it was "
                    "last reviewed)", page.file.src_uri)
        return markdown
    return markdown.rstrip() + "\n\n" + RenderContext.reviewed_line(reviewed) + "\n"


def _strict_warnings_counted() -> bool:
    """Whether `mkdocs build --strict` has counted warnings, so it will abort after post-build."""
    import logging

    from mkdocs.utils import CountHandler

    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


def _apply_site_settings(config, settings) -> None:
    """content/site.yml fills what mkdocs.yml leaves empty: one place for the site's identity."""
    if not config.site_name:
        config.site_name = settings.title
    if not config.site_url:
        config.site_url = settings.site_url
    if not config.site_description and settings.description:
        config.site_description = settings.description
    if not config.repo_url and settings.repo_url:
        config.repo_url = settings.repo_url
        if not config.repo_name:
            config.repo_name = settings.repo_url.rstrip("/").split("/")[-1]
        if config.edit_uri is None:
            config.edit_uri = "edit/main/docs/"


def _handwritten_pages(docs_dir: Path) -> frozenset[str]:
    if not docs_dir.is_dir():
        return frozenset()
    return frozenset(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
