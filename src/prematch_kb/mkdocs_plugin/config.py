"""Options of the prematch-kb MkDocs plugin (in mkdocs.yml under `plugins: - prematch-kb:`)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class PrematchKbConfig(Config):
    enabled = opt.Type(bool, default=True)
    # The knowledge base folder, relative to mkdocs.yml.
    content_dir = opt.Type(str, default="content")
