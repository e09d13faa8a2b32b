"""Reference pages: mistakes, checklists, FAQ, glossary and sources."""

from __future__ import annotations

from collections import defaultdict

from prematch_kb.compiler import markdown as md
from prematch_kb.compiler import paths
from prematch_kb.compiler.context import RenderContext, relative
from prematch_kb.compiler.page import SECTION_REFERENCE, Page
from prematch_kb.kb.links import find_links
from prematch_kb.kb.model import Collection


def render_reference_pages(ctx: RenderContext) -> list[Page]:
    return [_mistakes(ctx), _checklists(ctx), _faq(ctx), _glossary(ctx), _sources(ctx)]


def _head(ctx: RenderContext, here: str, name: str, default_title: str) -> tuple[list[str], Collection | None]:
    collection = ctx.kb.collections.get(name)
    title = collection.title if collection else default_title
    out = [f"# {md.text(title)}", ""]
    if collection and collection.intro.strip():
        out += [ctx.resolve(collection.intro, here).strip(), ""]
    return out, collection


def _tail(ctx: RenderContext, collection: Collection | None) -> list[str]:
    return [ctx.reviewed_line(collection.reviewed if collection else ctx.today), ""]


def _origin(collection: Collection | None) -> str:
    return collection.origin.path if collection else ""


def _mistakes(ctx: RenderContext) -> Page:
    here = paths.MISTAKES
    out, collection = _head(ctx, here, "mistakes", "Common mistakes")
    for item in ctx.kb.mistakes:
        out += [md.heading(2, md.text(item.title), item.id), "",
                f"**Why it hurts.** {ctx.resolve(item.why, here).strip()}", "",
                f"**Instead.** {ctx.resolve(item.instead, here).strip()}", ""]
        if item.rules:
            out += [f"**Rules:** {ctx.links(here, 'rule', item.rules)}", ""]
        if item.templates:
            out += [f"**Templates:** {ctx.links(here, 'template', item.templates)}", ""]
    out += _tail(ctx, collection)
    return Page(here, collection.title if collection else "Common mistakes", "\n".join(out), _origin(collection),
                SECTION_REFERENCE, nav_title="Mistakes")


def _checklists(ctx: RenderContext) -> Page:
    here = paths.CHECKLISTS
    out, collection = _head(ctx, here, "checklists", "Checklists")
    for item in ctx.kb.checklists:
        out += [md.heading(2, md.text(item.title), item.id), ""]
        if item.phase:
            out += [f"Phase: {ctx.link(here, 'phase', item.phase)}", ""]
        out += ["\n".join(f"- [ ] {' '.join(ctx.resolve(i, here).split())}" for i in item.items), ""]
    out += _tail(ctx, collection)
    return Page(here, collection.title if collection else "Checklists", "\n".join(out), _origin(collection),
                SECTION_REFERENCE, nav_title="Checklists")


def _faq(ctx: RenderContext) -> Page:
    here = paths.FAQ
    out, collection = _head(ctx, here, "faq", "Frequently asked questions")
    for item in ctx.kb.faq:
        out += [md.heading(2, md.text(item.question), item.id), "", ctx.resolve(item.answer, here).strip(), ""]
        if item.rules:
            out += [f"**Rules:** {ctx.links(here, 'rule', item.rules)}", ""]
        if item.citations:
            out += [f"**Sources:** {ctx.cite_all(here, item.citations)}", ""]
    out += _tail(ctx, collection)
    return Page(here, collection.title if collection else "Frequently asked questions", "\n".join(out),
                _origin(collection), SECTION_REFERENCE, nav_title="FAQ")


def _glossary(ctx: RenderContext) -> Page:
    here = paths.GLOSSARY
    out, collection = _head(ctx, here, "glossary", "Glossary")
    for term in sorted(ctx.kb.glossary, key=lambda t: t.term.lower()):
        # An abbreviation's expansion goes in its heading, where a search for "program director"
        # finds "PD" too; other terms keep it on a line of its own.
        abbreviation = bool(term.expansion) and not any(c.islower() for c in term.term)
        heading = f"{term.term}: {term.expansion}" if abbreviation else term.term
        out += [md.heading(2, md.text(heading), term.id), ""]
        if term.expansion and not abbreviation:
            out += [f"*{md.text(term.expansion)}*", ""]
        out += [ctx.resolve(term.definition, here).strip(), ""]
        if term.citations:
            out += [f"**Sources:** {ctx.cite_all(here, term.citations)}", ""]
    out += _tail(ctx, collection)
    return Page(here, collection.title if collection else "Glossary", "\n".join(out), _origin(collection),
                SECTION_REFERENCE, nav_title="Glossary")


def citing_pages(ctx: RenderContext) -> dict[str, list[tuple[str, str]]]:
    """source id -> [(page path, label)] of every page that cites it (citations and source: links)."""
    kb = ctx.kb
    cited: dict[str, list[tuple[str, str]]] = defaultdict(list)

    def add(citations, page: str, label: str) -> None:
        for c in citations:
            if (page, label) not in cited[c.source.id]:
                cited[c.source.id].append((page, label))

    for rule in kb.rules.values():
        add(rule.citations, paths.rule(rule.id), rule.title)
    for spec in kb.specialties.values():
        policy = [] if spec.communication_policy is None else list(spec.communication_policy.citations)
        add([c for f in spec.facts for c in f.citations] + policy, paths.specialty(spec.id), spec.name)
    for prof in kb.profiles.values():
        add([c for f in prof.facts for c in f.citations], paths.profile(prof.id), prof.title)
    add([c for d in kb.cycle.dates for c in d.citations] + list(kb.cycle.calendars), paths.TIMELINE, "Timeline")
    add([c for e in kb.faq for c in e.citations], paths.FAQ, "FAQ")
    add([c for t in kb.glossary for c in t.citations], paths.GLOSSARY, "Glossary")
    for guide in kb.guides.values():
        for link in find_links(guide.body):
            citing = (paths.guide(guide.id), guide.title)
            if link.kind == "source" and link.id in kb.sources and citing not in cited[link.id]:
                cited[link.id].append(citing)
    return cited


def _sources(ctx: RenderContext) -> Page:
    here = paths.SOURCES
    cited = citing_pages(ctx)
    out = ["# Sources", "",
           "Every document this guide relies on, with the date someone last read it. Primary sources "
           "(NRMP, AAMC, ECFMG and the specialty organisations) decide; secondary sources are "
           "marked as such.", ""]
    by_check = sorted(ctx.kb.sources.values(), key=lambda s: (s.checked, s.publisher.lower(), s.title.lower()))
    out += [md.heading(2, "When each source was last checked", "last-checked"), "",
            "The date someone last read each document, oldest first. A page read more than a year ago "
            "may have changed since.", "",
            md.table(["Last checked", "Source", "Publisher"],
                     [[source.checked.isoformat(), f"[{md.text(source.title)}](#{source.id})",
                       md.text(source.publisher)] for source in by_check]), ""]
    for source in sorted(ctx.kb.sources.values(), key=lambda s: (not s.primary, s.publisher.lower(), s.title.lower())):
        out += [md.heading(2, md.text(source.title), source.id), "",
                md.bullets([
                    f"Publisher: {md.text(source.publisher)}",
                    f"Address: [{md.text(source.url)}]({source.url})",
                    f"Checked: {source.checked.isoformat()}",
                    "Primary source" if source.primary else "Secondary source (advice, not an authority)",
                ] + ([f"Note: {md.text(source.note)}"] if source.note else [])), ""]
        pages = cited.get(source.id, [])
        if pages:
            out += ["Cited by: " + ", ".join(f"[{md.text(label)}]({relative(here, page)})"
                                             for page, label in pages), ""]
    latest = max((s.checked for s in ctx.kb.sources.values()), default=ctx.today)
    out += [ctx.reviewed_line(latest), ""]
    return Page(here, "Sources", "\n".join(out), "sources.yml", SECTION_REFERENCE, nav_title="Sources")
