"""What every page renderer needs: the knowledge base, site settings, the build date, and links."""

from __future__ import annotations

import datetime as _dt
import posixpath
from dataclasses import dataclass
from functools import cached_property

from prematch_kb.compiler import markdown as md
from prematch_kb.compiler import paths
from prematch_kb.kb import urls
from prematch_kb.kb.links import LINK_PATTERN
from prematch_kb.kb.model import Citation, KnowledgeBase
from prematch_kb.kb.site import SiteSettings


@dataclass
class RenderContext:
    kb: KnowledgeBase
    settings: SiteSettings
    today: _dt.date
    handwritten: frozenset[str] = frozenset()  # hand-written docs pages that exist, e.g. "checker/index.md"

    @property
    def has_checker_page(self) -> bool:
        return urls.CHECKER in self.handwritten

    # -- reverse references, indexed once (a page must not scan every item of the knowledge base) --
    @cached_property
    def checks_by_rule(self) -> dict[str, tuple]:
        """Rule id -> the checker categories tied to it, by category."""
        found: dict[str, list] = {}
        for check in self.kb.checks.values():
            found.setdefault(check.rule, []).append(check)
        return {rule: tuple(sorted(checks, key=lambda c: c.category)) for rule, checks in found.items()}

    @cached_property
    def templates_by_rule(self) -> dict[str, tuple[str, ...]]:
        """Rule id -> the ids of the templates that follow it, sorted."""
        found: dict[str, list[str]] = {}
        for template in self.kb.templates.values():
            for rule in dict.fromkeys(template.rules):
                found.setdefault(rule, []).append(template.id)
        return {rule: tuple(sorted(ids)) for rule, ids in found.items()}

    # -- links ---------------------------------------------------------------------------------
    def href(self, from_page: str, kind: str, id_: str, anchor: str = "") -> str:
        """Relative .md link from one generated page to the page (and anchor) of `kind:id`."""
        target, default_anchor = paths.target(self.kb, kind, id_)
        return relative(from_page, target) + (anchor or default_anchor)

    def resolve(self, markdown: str, from_page: str) -> str:
        """Turn every [text](kind:id) in content Markdown into a relative .md link."""
        def replace(match) -> str:
            return "](" + self.href(from_page, match["kind"], match["id"], match["anchor"] or "") + ")"
        return LINK_PATTERN.sub(replace, markdown)

    def link(self, from_page: str, kind: str, id_: str, label: str | None = None) -> str:
        """A Markdown link to `kind:id`, labelled with the item's title unless given."""
        text = md.text(label if label is not None else paths.title(self.kb, kind, id_))
        return f"[{text}]({self.href(from_page, kind, id_)})"

    def links(self, from_page: str, kind: str, ids) -> str:
        return ", ".join(self.link(from_page, kind, i) for i in ids) or "none"

    # -- citations -----------------------------------------------------------------------------
    def cite(self, from_page: str, citation: Citation) -> str:
        """Short inline citation linking to the sources page: 'NRMP, section 6.3'."""
        source = citation.source
        label = source.publisher + (f", section {citation.section}" if citation.section else "")
        return f"[{md.text(label)}]({self.href(from_page, 'source', source.id)}){_section_verify(citation)}"

    def cite_all(self, from_page: str, citations) -> str:
        return "; ".join(self.cite(from_page, c) for c in citations)

    def cite_full(self, from_page: str, citation: Citation) -> str:
        """Full citation: title (linked to the document), publisher, section, date checked."""
        s = citation.source
        section = f", section {md.text(citation.section)}{_section_verify(citation)}" if citation.section else ""
        kind = "" if s.primary else " (secondary source)"
        return (f"[{md.text(s.title)}]({s.url}) ({md.text(s.publisher)}){section}{kind}. "
                f"Checked {s.checked.isoformat()}. [Details]({self.href(from_page, 'source', s.id)})")

    @staticmethod
    def reviewed_line(day: _dt.date) -> str:
        shown = day.isoformat()
        return f'<p class="pmkb-reviewed">Last reviewed: <time datetime="{shown}">{shown}</time></p>'


def _section_verify(citation: Citation) -> str:
    """The "verify" mark after a section named from a quotation or an older version of the source."""
    if citation.confirmed or not citation.section:
        return ""
    return (' <span class="pmkb-verify" title="Section not confirmed in the current text of the source">'
            "verify</span>")


def relative(from_page: str, target: str) -> str:
    """Relative path between two docs-relative .md paths, e.g. rules/a.md -> ../faq.md."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")
