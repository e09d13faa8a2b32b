"""What the handbook needs besides the knowledge base: titles, the site address, paper, edition."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from prematch_kb.kb import urls

# CSS page sizes the handbook can be printed on.
PAPER_SIZES = {"letter": "letter", "a4": "A4"}
# Where the two PDFs land in the built site, beside the home page.
HANDBOOK_FILE = "handbook.pdf"
QUICK_REFERENCE_FILE = "quick-reference.pdf"


@dataclass(frozen=True)
class HandbookSettings:
    title: str
    site_url: str  # public address of the guide site, ending in "/"
    cycle: str  # e.g. "2027"
    edition: date
    paper: str = "letter"  # a key of PAPER_SIZES
    description: str = ""

    @property
    def checker_url(self) -> str:
        return self.site_url + urls.url(urls.CHECKER)

    @property
    def author(self) -> str:
        """Who the PDFs name as their author: the guide, by its title and its site's address."""
        host = urlsplit(self.site_url).hostname or ""
        return f"{self.title}, {host}" if host else self.title

    @classmethod
    def from_site(cls, site, paper: str = "letter", edition: date | None = None) -> HandbookSettings:
        """From the site settings object (content/site.yml): title, site_url, cycle, description."""
        site_url = str(site.site_url)
        return cls(
            title=str(site.title),
            site_url=site_url if site_url.endswith("/") else site_url + "/",
            cycle=str(site.cycle),
            edition=edition or edition_date(),
            paper=paper,
            description=str(getattr(site, "description", "") or ""),
        )


def edition_date() -> date:
    """Today, or the date in SOURCE_DATE_EPOCH so that rebuilds of one edition are identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()
