"""Site-wide settings from content/site.yml: title, public address, edit links, cycle."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from prematch_kb.kb.errors import Problems
from prematch_kb.kb.fields import FieldReader, LoadContext
from prematch_kb.kb.files import display_path, read_mapping


@dataclass(frozen=True)
class SiteSettings:
    title: str
    description: str
    site_url: str  # public address, ends with "/"
    repo_url: str
    edit_base: str  # edit address of the content folder, ends with "/"; "" for no edit links
    cycle: str  # the Match cycle shown on the site, e.g. "2027" (the id in timeline/cycle.yml)

    def edit_url(self, content_path: str) -> str:
        """Edit link for a file given relative to the content folder ("" when edit links are off)."""
        return f"{self.edit_base}{content_path}" if self.edit_base else ""


def read_site_settings(ctx: LoadContext, content_dir: Path) -> SiteSettings | None:
    shown = display_path(content_dir, "site.yml")
    mapping = read_mapping(content_dir / "site.yml", shown, ctx.problems)
    if mapping is None:
        return None
    r = FieldReader(ctx, shown, mapping, path_in_content="site.yml")
    settings = SiteSettings(
        title=r.text("title"),
        description=r.text("description", required=False),
        site_url=_slash(r.url("site_url")),
        repo_url=r.url("repo_url", required=False),
        edit_base=_slash(r.url("edit_base", required=False)),
        cycle=r.text("cycle"),
    )
    r.finish()
    return settings


def load_site_settings(content_dir: Path) -> SiteSettings:
    """Read site.yml alone; raise ContentError listing every problem."""
    ctx = LoadContext(Problems())
    settings = read_site_settings(ctx, Path(content_dir))
    ctx.problems.raise_if_any()
    assert settings is not None
    return settings


def _slash(url: str) -> str:
    return url if not url or url.endswith("/") else url + "/"
