"""Helpers shared by the quality gates: a copy of the project's configuration, digests, pages.

Paths and the MkDocs build helper are in tests/conftest.py.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import yaml

from conftest import PROJECT_ROOT


def write_project_config(target: Path, *, content_dir: Path, docs_dir: Path | None = None,
                         handbook: str | None = None) -> Path:
    """A copy of mkdocs.yml in `target` with every folder absolute and the content folder swapped.

    The plugin's `content_dir` option is how another knowledge base is built with the real site.
    """
    config = yaml.safe_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs_dir or PROJECT_ROOT / "docs")
    if isinstance(config.get("theme"), dict) and config["theme"].get("custom_dir"):
        config["theme"]["custom_dir"] = str(PROJECT_ROOT / config["theme"]["custom_dir"])
    found = False
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "prematch-kb" in entry:
            options = entry["prematch-kb"] = dict(entry["prematch-kb"] or {})
            options["content_dir"] = str(content_dir)
            if handbook:
                options["handbook"] = handbook
            found = True
    assert found, "mkdocs.yml no longer configures the prematch-kb plugin"
    target.mkdir(parents=True, exist_ok=True)
    # The checker's Pyodide runtime is taken from node_modules/ next to mkdocs.yml.
    if not (target / "node_modules").exists():
        (target / "node_modules").symlink_to(PROJECT_ROOT / "node_modules", target_is_directory=True)
    path = target / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def copy_content(target: Path) -> Path:
    return Path(shutil.copytree(PROJECT_ROOT / "content", target))


def built_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site (MkDocs' 404 page included)."""
    return sorted(site.rglob("*.html"))
