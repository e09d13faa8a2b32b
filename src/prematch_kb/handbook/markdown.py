"""Markdown fields rendered for print with markdown-it-py.

Content links (`[text](rule:no-binding-commitments)`) become internal `#anchor` links that the
stylesheet follows with a page reference; web links keep their address so it can be printed.
Headings written inside a field are demoted below the handbook's own levels so they never enter
the outline or break the numbering.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from prematch_kb.handbook.anchors import LINK_KINDS, anchor
from prematch_kb.handbook.errors import HandbookError
from prematch_kb.kb import urls
from prematch_kb.kb.link_policy import link_problem

# `kind:id` or `kind:id#part`: the handbook prints each object once, so a part of a web page
# (such as a rule's checker section) resolves to the object's own heading.
_CONTENT_LINK = re.compile(rf"^({'|'.join(LINK_KINDS)}):([a-z0-9][a-z0-9-]*)(#[^\s]*)?$")
_FIELD_HEADING_TAGS = {1: "h4", 2: "h4", 3: "h5", 4: "h5", 5: "h6", 6: "h6"}

# (kind, id) -> does the handbook print that object?
TargetExists = Callable[[str, str], bool]
# (kind, id, "#part" or "") -> the object's public web address, for a document that does not
# print the object itself (the quick reference).
SiteAddress = Callable[[str, str, str], str]


class MarkdownRenderer:
    """Renders one Markdown field at a time; `where` names the field in error messages."""

    def __init__(self, target_exists: TargetExists, site_url: str = "", on_site: SiteAddress | None = None) -> None:
        """`on_site`, when given, turns content links into web addresses instead of anchors."""
        self._target_exists = target_exists
        self._site_url = site_url
        self._on_site = on_site
        self._md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
        # The one allow-list of link schemes (prematch_kb.kb.link_policy), asked with the target as
        # written (entities decoded, before percent-encoding hides a tab): a refused link never
        # reaches the page, and the field is an error.
        self._refused: list[str] = []
        self._normalize_link = self._md.normalizeLink
        self._md.normalizeLink = self._allowed_link  # type: ignore[method-assign]
        self._md.core.ruler.push("prematch_print_links", self._rewrite_tokens)

    def block(self, text: str, where: str, page: str = "") -> str:
        """A Markdown field as block HTML (paragraphs, lists, tables). `page` is the docs-relative
        path of the site page the field appears on (e.g. guides/networking.md), against which
        relative links such as ../checker/index.md resolve to the public site."""
        if not text or not text.strip():
            return ""
        return self._checked(self._md.render(text, {"where": where, "page": page}), where)

    def inline(self, text: str, where: str) -> str:
        """A short Markdown field (a list item, a fact) without a wrapping paragraph."""
        if not text or not text.strip():
            return ""
        return self._checked(self._md.renderInline(text, {"where": where}), where)

    def _allowed_link(self, url: str) -> str:
        problem = link_problem(url, content_kinds=True)
        if problem:
            self._refused.append(f"{problem} (got '{url}')")
            return "#"
        return self._normalize_link(url)

    def _checked(self, rendered: str, where: str) -> str:
        refused, self._refused = self._refused, []
        if refused:
            raise HandbookError(f"{where}: {refused[0]}")
        return rendered

    def _rewrite_tokens(self, state: StateCore) -> None:
        where = state.env.get("where", "a Markdown field") if isinstance(state.env, dict) else ""
        page = state.env.get("page", "") if isinstance(state.env, dict) else ""
        for token in state.tokens:
            if token.type in ("heading_open", "heading_close"):
                token.tag = _FIELD_HEADING_TAGS[int(token.tag[1])]
                if token.type == "heading_open":
                    token.attrSet("class", "field-heading")
            for child in token.children or ():
                if child.type == "link_open":
                    self._rewrite_link(child, where, page)

    def _rewrite_link(self, token, where: str, page: str = "") -> None:
        href = str(token.attrGet("href") or "")
        match = _CONTENT_LINK.match(href)
        if match:
            kind, object_id, part = match.groups()
            if not self._target_exists(kind, object_id):
                raise HandbookError(f"{where}: link to unknown {kind} '{object_id}' ({href})")
            if self._on_site is not None:
                token.attrSet("href", self._on_site(kind, object_id, part or ""))
                token.attrSet("class", "external")
                return
            token.attrSet("href", "#" + anchor(kind, object_id))
            token.attrSet("class", "xref")
        elif href.startswith(("http://", "https://")):
            token.attrSet("class", "external")
        elif href and not href.startswith(("#", "mailto:")) and ":" not in href.split("/")[0]:
            # A relative link between site pages: paper has no neighbouring page, so print the
            # public address (never a file path, which would also make the PDF depend on where
            # it was written).
            token.attrSet("href", self._site_address(href, page))
            token.attrSet("class", "external")
        elif link_problem(href):
            raise HandbookError(f"{where}: {link_problem(href)} (got '{href}')")

    def _site_address(self, href: str, page: str) -> str:
        path, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)).lstrip("./")
        return self._site_url + urls.url(target) + (f"#{fragment}" if fragment else "")

