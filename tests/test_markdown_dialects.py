"""One Markdown dialect for content: every Markdown field renders the same on the site and off it.

The site renders content with Python-Markdown and the extensions configured in mkdocs.yml; the
handbook (`handbook.markdown`) and the browser's data (`kb.web_markdown`: the checker's
explanations, the plan page's notes) with markdown-it-py in CommonMark mode. The two disagree on
a few constructs, and a field that uses one would read one way on the site and another in print
or in the checker. So every Markdown field of content/ is rendered by all three, and the results
must have the same structure and words. What may differ: whitespace, attributes other than the
fact that a link is a link (addresses are resolved differently for each output, headings get ids
and levels of their own), and the wrappers a renderer adds (`div`, `span`, permalinks).

When this test fails on new content, the usual causes and fixes:
- a list straight after a line of text: CommonMark starts a list, Python-Markdown keeps it in
  the paragraph. Put a blank line before the list.
- a nested list indented by two or three spaces: Python-Markdown needs four.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown as python_markdown
import pytest
import yaml

from conftest import CONTENT_DIR, PROJECT_ROOT
from prematch_kb.handbook.markdown import MarkdownRenderer
from prematch_kb.kb import fields
from prematch_kb.kb.loader import load_content
from prematch_kb.kb.web_markdown import render_html, resolve_links

_WRAPPERS = {"div", "span"}  # highlighting and admonition wrappers
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _Structure(HTMLParser):
    """HTML as a list of (tag open, tag close, text) items: whitespace collapsed, entities
    decoded, attributes dropped except whether a link has an address."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[str] = []
        self._permalink = 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "a" and "headerlink" in classes:  # the toc extension's permalink
            self._permalink += 1
        elif tag not in _WRAPPERS:
            self.items.append(f"<{'h' if tag in _HEADINGS else tag}>")

    def handle_endtag(self, tag):
        if tag == "a" and self._permalink:
            self._permalink -= 1
        elif tag not in _WRAPPERS:
            self.items.append(f"</{'h' if tag in _HEADINGS else tag}>")

    def handle_data(self, data):
        words = " ".join(data.split())
        if not words or self._permalink:
            return
        if self.items and not self.items[-1].startswith("<"):
            self.items[-1] += " " + words
        else:
            self.items.append(words)


def structure(html: str) -> list[str]:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser.items


def _site_renderer() -> python_markdown.Markdown:
    """Python-Markdown with mkdocs.yml's `markdown_extensions` and their settings."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # mkdocs.yml's !!python tags
    config = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        settings[name] = options or {}
    return python_markdown.Markdown(extensions=names, extension_configs=settings)


@pytest.fixture(scope="module")
def renderers():
    site = _site_renderer()
    handbook = MarkdownRenderer(lambda kind, id_: True)
    return {
        "site (Python-Markdown)": lambda text, kb: site.reset().convert(text),
        "handbook (markdown-it-py)": lambda text, kb: handbook.block(text, "field"),
        "browser data (markdown-it-py)": lambda text, kb: render_html(resolve_links(text, kb, "https://example.org/")),
    }


@pytest.fixture(scope="module")
def markdown_fields():
    """Every Markdown field the loader reads, as (where, text): it checks each one's links."""
    found: list[tuple[str, str]] = []
    scan_links = fields.FieldReader.scan_links

    def record(reader, text, first_line, key):
        found.append((f"{reader.path_in_content}:{first_line}: {reader.name(key)}", text))
        return scan_links(reader, text, first_line, key)

    fields.FieldReader.scan_links = record  # type: ignore[method-assign]
    try:
        kb, _settings = load_content(CONTENT_DIR)
    finally:
        fields.FieldReader.scan_links = scan_links  # type: ignore[method-assign]
    return kb, found


def _differences(text: str, kb, renderers) -> list[str]:
    """For each output that renders `text` unlike the site: where the two first part."""
    rendered = {name: structure(render(text, kb)) for name, render in renderers.items()}
    (site_name, expected), *others = rendered.items()
    differences = []
    for name, got in others:
        if got == expected:
            continue
        at = next((i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), min(len(got), len(expected)))
        differences.append(f"{name}: ...{got[max(0, at - 2):at + 4]}\n      {site_name}: ...{expected[max(0, at - 2):at + 4]}")
    return differences


def test_every_content_markdown_field_renders_alike_in_every_output(markdown_fields, renderers):
    kb, found = markdown_fields
    assert len(found) > 300, "the loader's Markdown fields were not all seen"
    problems = []
    for where, text in found:
        problems += [f"{where} renders differently:\n      {d}" for d in _differences(text, kb, renderers)]
    assert not problems, "\n".join(problems[:10]) + f"\n({len(problems)} in all; see this test's docstring)"


@pytest.mark.parametrize("text", ["Before the list:\n- one\n- two", "1. First\n  - nested by two spaces"])
def test_the_constructs_the_engines_disagree_on_are_caught(markdown_fields, renderers, text):
    kb, _found = markdown_fields
    assert _differences(text, kb, renderers)


@pytest.mark.parametrize("text", [
    "Plain **strong**, *emphasis*, `code` and a [rule](rule:no-binding-commitments).",
    "Before the list:\n\n- one\n- two\n\nAfter.",
    "| Who | When |\n|---|---|\n| You | Now |",
    "## A heading\n\nText with a_snake_case word & an ampersand.",
])
def test_what_content_writes_renders_alike(markdown_fields, renderers, text):
    kb, _found = markdown_fields
    assert _differences(text, kb, renderers) == []
