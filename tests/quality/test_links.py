"""Every internal link and anchor of the built site resolves; every source is well formed and listed."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import CONTENT_DIR
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.model import Citation

from .sitekit import built_pages

LINK_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src",
                   "source": "src", "iframe": "src"}
NOT_PAGES = ("mailto:", "tel:", "javascript:", "data:", "blob:")


class PageParser(HTMLParser):
    """The ids a page defines and the links it makes (tag, URL, line)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, int]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute) is not None:
            if tag == "link" and values.get("rel") in ("preconnect", "dns-prefetch"):
                return
            self.links.append((tag, values[attribute], self.getpos()[0]))


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def parsed_site(built_site):
    return {page.relative_to(built_site).as_posix(): parse(page) for page in built_pages(built_site)}


def resolve(site: Path, page: str, href: str) -> tuple[Path | None, str]:
    """The file a relative link from `page` points at (None when it leaves the site), and its fragment."""
    target = urljoin("/" + page, href)
    parts = urlsplit(target)
    path = unquote(parts.path)
    if ".." in Path(path).parts:
        return None, parts.fragment
    file = site / path.lstrip("/")
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def test_the_site_has_pages(parsed_site):
    assert len(parsed_site) > 50, sorted(parsed_site)


def test_every_internal_link_and_anchor_resolves(built_site, parsed_site):
    broken: list[str] = []
    for page, parsed in parsed_site.items():
        for tag, href, line in parsed.links:
            if not href or href.startswith(NOT_PAGES):
                continue
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue  # external; the sources test checks the ones we cite
            file, fragment = resolve(built_site, page, href)
            if file is None or not file.is_file():
                broken.append(f"{page}:{line}: <{tag}> {href}: no such file in the site")
                continue
            if fragment and file.suffix == ".html":
                target = parsed_site.get(file.relative_to(built_site).as_posix()) or parse(file)
                if fragment not in target.ids:
                    broken.append(f"{page}:{line}: <{tag}> {href}: no id {fragment!r} in {file.relative_to(built_site)}")
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(broken[:60])


def test_the_site_loads_nothing_from_another_origin(parsed_site):
    """Scripts, styles and images come from the site itself (links to sources may leave it)."""
    outside = [f"{page}:{line}: <{tag}> {href}" for page, parsed in parsed_site.items()
               for tag, href, line in parsed.links
               if tag in ("script", "img", "iframe", "source") or (tag == "link" and href.endswith(".css"))
               if urlsplit(href).netloc]
    assert not outside, "\n".join(outside[:40])


@pytest.fixture(scope="module")
def knowledge_base():
    kb, _settings = load_content(CONTENT_DIR)
    return kb


def test_every_source_url_is_well_formed(knowledge_base):
    bad = []
    for source in knowledge_base.sources.values():
        parts = urlsplit(source.url)
        if parts.scheme not in ("http", "https") or not parts.hostname or "." not in parts.hostname \
                or any(c.isspace() for c in source.url):
            bad.append(f"{source.id}: {source.url!r}")
    assert not bad, "\n".join(bad)


def cited_source_ids(kb) -> set[str]:
    """Sources cited through a `sources:` list anywhere in the model, or a (source:id) Markdown link."""
    found: set[str] = set()
    seen: set[int] = set()

    def walk(value) -> None:
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, Citation):
            found.add(value.source.id)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item)
        elif isinstance(value, str) and "source:" in value:
            found.update(re.findall(r"\(source:([a-z0-9-]+)", value))

    walk(kb)
    return found


def test_every_cited_source_is_listed_on_the_sources_page(knowledge_base, parsed_site):
    cited = cited_source_ids(knowledge_base)
    assert len(cited) >= 10, cited
    listed = parsed_site["sources/index.html"].ids
    missing = sorted(cited - listed)
    assert not missing, f"cited but not on sources/ (no anchor): {missing}"


def test_every_source_link_on_the_sources_page_is_the_cited_url(knowledge_base, parsed_site):
    hrefs = {href for _tag, href, _line in parsed_site["sources/index.html"].links}
    missing = sorted(s.id for s in knowledge_base.sources.values() if s.url not in hrefs
                     and s.url.replace("&", "&amp;") not in hrefs)
    assert not missing, f"sources whose URL the sources page does not link: {missing}"
