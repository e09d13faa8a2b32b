"""No page of the built site loads anything from another origin: a static scan of every HTML,
CSS and JavaScript file, and every page loaded in Chromium with every request recorded.

Links to other sites (<a href>) are fine; loaded resources (scripts, styles, images, fonts,
fetches, workers) are not."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.slow


EXTERNAL = re.compile(r"^\s*(?:(?:https?|wss?|ftp):)?//", re.I)
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)|@import\s+(?:url\()?\s*['"]([^'"]+)['"]""", re.I)
JS_LOAD = re.compile(
    r"""(?:fetch|import|importScripts|Worker|SharedWorker|EventSource|WebSocket|sendBeacon|loadPyodide)"""
    r"""\s*\(\s*(?:[A-Za-z_$][\w$.]*\s*,\s*)?[`'"]((?:(?:https?|wss?):)?//[^`'"]*)""")
JS_LOAD_OPTION = re.compile(r"""(?:indexURL|lockFileURL|packageBaseUrl)\s*:\s*[`'"]((?:https?:)?//[^`'"]*)""")
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch",
                "manifest", "preconnect", "dns-prefetch", "mask-icon"}


def css_targets(text: str) -> list[str]:
    found = []
    for match in CSS_URL.finditer(text):
        target = match.group(2) or match.group(3)
        if target and EXTERNAL.match(target):
            found.append(target)
    return found


def js_targets(text: str) -> list[str]:
    return JS_LOAD.findall(text) + JS_LOAD_OPTION.findall(text)


class _LoadedResources(HTMLParser):
    """Collects every external target an HTML page would load (not plain links)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._inside = ""

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        for key in ("src", "data", "poster", "action"):
            if key in a and EXTERNAL.match(a[key]):
                self.found.append(f"<{tag} {key}={a[key]}>")
        for part in a.get("srcset", "").split(","):
            if part.strip() and EXTERNAL.match(part.strip()):
                self.found.append(f"<{tag} srcset={part.strip()}>")
        rels = set(a.get("rel", "").lower().split())
        if tag == "link" and rels & LOADING_RELS and EXTERNAL.match(a.get("href", "")):
            self.found.append(f"<link rel={a['rel']} href={a['href']}>")
        if tag in ("image", "use", "feimage") and EXTERNAL.match(a.get("href", "") or a.get("xlink:href", "")):
            self.found.append(f"<{tag} href>")
        if "style" in a:
            self.found += [f"style: {t}" for t in css_targets(a["style"])]
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh" and "//" in a.get("content", ""):
            self.found.append(f"<meta refresh {a['content']}>")
        self._inside = tag if tag in ("style", "script") else ""

    def handle_endtag(self, tag):
        self._inside = ""

    def handle_data(self, data):
        if self._inside == "style":
            self.found += [f"<style>: {t}" for t in css_targets(data)]
        elif self._inside == "script":
            self.found += [f"<script>: {t}" for t in js_targets(data)]


def external_loads(site: Path) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    for file in sorted(site.rglob("*")):
        if file.suffix == ".html":
            parser = _LoadedResources()
            parser.feed(file.read_text(encoding="utf-8", errors="replace"))
            found = parser.found
        elif file.suffix == ".css":
            found = css_targets(file.read_text(encoding="utf-8", errors="replace"))
        elif file.suffix in (".js", ".mjs"):
            found = js_targets(file.read_text(encoding="utf-8", errors="replace"))
        else:
            continue
        if found:
            problems[str(file.relative_to(site))] = found
    return problems


def test_the_scanner_catches_each_kind_of_external_load(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="//cdn.example/x.js"></script>'
        '<img srcset="https://img.example/a.png 2x"><div style="background:url(https://x.example/b.png)"></div>'
        '<a href="https://www.nrmp.org/">a plain link is fine</a><link rel="canonical" href="https://example.org/">'
        '<script>fetch("https://api.example/x")</script>')
    (tmp_path / "b.css").write_text('@import "https://fonts.example/c.css"; .x{background:url("data:image/png;base64,AA")}')
    (tmp_path / "c.mjs").write_text('const p = await loadPyodide({indexURL: "https://cdn.jsdelivr.net/pyodide/"});'
                                    'new Worker("https://w.example/w.js"); import("./local.js");')
    found = external_loads(tmp_path)
    assert len(found["a.html"]) == 5
    assert found["b.css"] == ["https://fonts.example/c.css"]
    assert found["c.mjs"] == ["https://w.example/w.js", "https://cdn.jsdelivr.net/pyodide/"]


def test_no_built_file_loads_from_another_origin(built_site):
    assert external_loads(built_site) == {}


def test_material_repository_facts_are_not_fetched(built_site):
    # Material's "source" component fetches star and fork counts from the GitHub API; the
    # overridden partials/source.html leaves it out of every page.
    for file in built_site.rglob("*.html"):
        assert 'data-md-component="source"' not in file.read_text(encoding="utf-8"), file


def _page_urls(site: Path, base: str) -> list[str]:
    urls = []
    for file in sorted(site.rglob("index.html")):
        relative = file.parent.relative_to(site).as_posix()
        urls.append(base + ("" if relative == "." else relative + "/"))
    urls.append(base + "404.html")
    return urls


@pytest.mark.browser
def test_every_page_in_chromium_requests_only_its_own_origin(built_site, chromium_browser):
    from prematch_kb.browser.devserver import serve_site

    with serve_site(built_site) as base:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        context = chromium_browser.new_context()
        try:
            requests: list[tuple[str, str]] = []
            current = {"page": ""}
            context.on("request", lambda request: requests.append((current["page"], request.url)))
            page = context.new_page()
            urls = _page_urls(built_site, base)
            assert len(urls) > 60
            for url in urls:
                current["page"] = url
                page.goto(url, wait_until="load")
                page.wait_for_timeout(150)  # late script-driven loads (search index, workers)
            page.goto(base + "checker/", wait_until="load")
            page.wait_for_timeout(4000)  # the checker starts its Pyodide worker
            page.goto(base + "?q=binding", wait_until="load")
            search = page.locator("input.md-search__input")
            if search.is_visible():
                search.fill("otolaryngology")
            page.wait_for_timeout(500)
        finally:
            context.close()
    foreign = [(on, url) for on, url in requests
               if not (url.startswith((origin + "/", "data:", "blob:", "about:")))]
    assert requests and foreign == []
