"""Drive the site's own search box (Material's lunr worker) in Chromium and read its results."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

RESULTS = ".md-search-result__list > .md-search-result__item"


class SearchBox:
    """One page with the search open; `first(query)` types a query and returns the first results."""

    def __init__(self, page, site_url: str, start: str = "rules/"):
        self.page = page
        self.site = site_url.rstrip("/") + "/"
        page.goto(self.site + start, wait_until="networkidle")
        page.keyboard.press("/")  # Material's keyboard shortcut to the search box
        self.input = page.locator("input.md-search__input")
        # Wait until the index is loaded: a query that must find something does.
        self.results("match")

    def results(self, query: str, count: int = 5) -> list[str]:
        """The first `count` links of the results, site-relative: each page found, then the
        sections it lists (shown or folded under "more"), best first."""
        page = self.page
        # The theme reads the box on each key released: set the whole query, then release a key,
        # so the results shown are those of the whole query, never of a prefix typed so far.
        self.input.fill("")
        self.input.press("End")
        page.wait_for_function(f"() => !document.querySelector('{RESULTS}')", timeout=10_000)
        self.input.fill(query)
        self.input.press("End")
        page.wait_for_function(
            f"""() => document.querySelector('{RESULTS}')
                  || /^No matching/.test(document.querySelector('.md-search-result__meta').textContent)""",
            timeout=10_000)
        hrefs = page.eval_on_selector_all(
            f"{RESULTS} a.md-search-result__link",
            "links => links.map(a => a.href)")
        return [self.relative(href) for href in hrefs[:count]]

    def relative(self, href: str) -> str:
        url = urljoin(self.site, href)
        parts = urlsplit(url)
        path = parts.path[len(urlsplit(self.site).path):]
        return path + (f"#{parts.fragment}" if parts.fragment else "")
