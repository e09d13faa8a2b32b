"""Options of the prematch-kb MkDocs plugin (in mkdocs.yml under `plugins: - prematch-kb:`)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class PrematchKbConfig(Config):
    enabled = opt.Type(bool, default=True)
    # The knowledge base folder, relative to mkdocs.yml.
    content_dir = opt.Type(str, default="content")
    # The printable handbook at handbook.pdf: "auto" builds it with `mkdocs build`, and with
    # `mkdocs serve` only when PREMATCH_KB_HANDBOOK=1 (then in the background); "always"; "never".
    handbook = opt.Choice(("auto", "always", "never"), default="auto")
    # The in-browser checker's runtime (Pyodide, the checker wheel, its data) under checker/.
    # Switched off only to measure the guide alone (bench/site_bench.py); the checker page then
    # cannot run.
    checker_runtime = opt.Type(bool, default=True)
