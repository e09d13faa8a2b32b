"""The handbook as part of a site build: when to build it, and where it lands (`handbook.pdf`,
with the two-page `quick-reference.pdf` beside it).

Modes: `always` builds on every site build; `never` skips; `auto` builds during a production
build, and while serving only when PREMATCH_KB_HANDBOOK=1, then in a background thread so the
live-reload loop never waits for WeasyPrint. A serving site directory is wiped on every rebuild,
so the last finished PDF is kept aside and copied back at once while a fresh one is made.

Nothing here knows MkDocs: the site generator's adapter calls `after_build` with a site folder.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from prematch_kb.handbook.build import HandbookResult, build_handbook, build_quick_reference
from prematch_kb.handbook.errors import HandbookError
from prematch_kb.handbook.settings import HANDBOOK_FILE, QUICK_REFERENCE_FILE, HandbookSettings

MODES = ("auto", "always", "never")
FILE_NAME = HANDBOOK_FILE
# Each PDF of the site: its file name and its builder, in the order they are made (the short one
# first, so it is there while the long one is still being laid out).
OUTPUTS = ((QUICK_REFERENCE_FILE, build_quick_reference), (HANDBOOK_FILE, build_handbook))
SERVE_SWITCH = "PREMATCH_KB_HANDBOOK"


class SiteHandbook:
    def __init__(self, mode: str, serving: bool, logger: logging.Logger, environ=os.environ) -> None:
        if mode not in MODES:
            raise HandbookError(f"handbook option '{mode}' is not one of: {', '.join(MODES)}")
        self.mode = mode
        self.serving = serving
        self.log = logger
        self.enabled = mode == "always" or (
            mode == "auto" and (not serving or environ.get(SERVE_SWITCH, "").strip() == "1")
        )
        self.background = serving and mode == "auto"
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pending: tuple | None = None  # the latest (kb, site settings, site folder) to build
        self._cache_dir: Path | None = None

    def after_build(self, kb, site_settings, site_dir: Path) -> HandbookResult | None:
        """Put handbook.pdf and quick-reference.pdf into `site_dir` (or start doing so in the
        background); returns the handbook's result when built at once."""
        if not self.enabled:
            return None
        site_dir = Path(site_dir)
        if not self.background:
            return self._build(kb, site_settings, site_dir)
        self._copy_last(site_dir)
        with self._lock:
            self._pending = (kb, site_settings, site_dir)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._worker, name="handbook-pdf", daemon=True)
                self._thread.start()
        return None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until any background build has finished; True when idle."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return thread is None or not thread.is_alive()

    def close(self) -> None:
        """Wait for a running build, then remove the kept copy (when the server stops)."""
        self.wait()
        if self._cache_dir is not None:
            shutil.rmtree(self._cache_dir, ignore_errors=True)
            self._cache_dir = None

    def _build(self, kb, site_settings, folder: Path) -> HandbookResult:
        settings = HandbookSettings.from_site(site_settings)
        result = None
        for name, build in OUTPUTS:
            started = time.perf_counter()
            result = build(kb, settings, folder / name)
            for warning in result.warnings:
                self.log.warning("%s layout: %s", name, warning)
            self.log.info("%s written in %.1f s", name, time.perf_counter() - started)
        assert result is not None
        return result

    def _worker(self) -> None:
        # Each rebuild of the site replaces the pending job; build until none is left.
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    return
            kb, site_settings, site_dir = job
            try:
                self._build(kb, site_settings, self._cache_folder())
                self._copy_last(site_dir)
            except Exception as error:  # noqa: BLE001 - a failed background PDF must not stop serving
                self.log.error("handbook: could not build the PDF: %s", error)

    def _cache_folder(self) -> Path:
        if self._cache_dir is None:
            self._cache_dir = Path(tempfile.mkdtemp(prefix="prematch-kb-handbook-"))
        return self._cache_dir

    def _copy_last(self, site_dir: Path) -> None:
        """Copy the last finished PDFs into the site folder, each atomically."""
        if self._cache_dir is None or not site_dir.is_dir():
            return
        for name, _build in OUTPUTS:
            cached, target = self._cache_dir / name, site_dir / name
            if not cached.is_file():
                continue
            partial = target.with_name(f".{target.name}.part")
            shutil.copyfile(cached, partial)
            os.replace(partial, target)
