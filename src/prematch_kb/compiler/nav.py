"""The site navigation, as the list MkDocs expects in `nav`, built from pages and hand-written files."""

from __future__ import annotations

from prematch_kb.compiler import paths
from prematch_kb.compiler.page import (SECTION_GUIDE, SECTION_REFERENCE, SECTION_RULES, SECTION_SPECIALTIES,
                                       SECTION_TEMPLATES, Page)

# Hand-written pages the navigation knows about, if they exist in the docs folder.
HOME = "index.md"
CHECKER = "checker/index.md"
ABOUT = "about.md"
BENCHMARKS = ("benchmarks/index.md", "benchmarks.md")
# Other hand-written pages (interactive tools such as the weekly plan and the communication log)
# go in a "Tools" section after the checker, these first, the rest by path; MkDocs takes their
# titles from the pages themselves.
TOOLS_FIRST = ("plan/index.md", "log/index.md")


def build_nav(pages: list[Page], handwritten, downloads: tuple[tuple[str, str], ...] = ()) -> list:
    """Home, Guide, Rules, Specialties, Templates, Checker, Tools, Reference, About, Benchmarks.

    `handwritten` holds the docs-relative paths of hand-written pages that exist; `downloads`
    holds (title, URL) pairs of files other outputs put into the built site (the handbook PDF),
    listed under Tools: they are not pages, so they are given as site-absolute URLs."""
    handwritten = set(handwritten)
    by_section: dict[str, list[Page]] = {}
    for page in pages:
        by_section.setdefault(page.section, []).append(page)

    def entries(section: str, first: tuple[str, ...] = ()) -> list:
        group = by_section.get(section, [])
        ordered = [p for f in first for p in group if p.path == f] + [p for p in group if p.path not in first]
        return [{p.nav_title or p.title: p.path} for p in ordered]

    nav: list = []
    if HOME in handwritten:
        nav.append({"Home": HOME})
    guide = entries(SECTION_GUIDE)
    # Guides first, then the timeline, then the profiles (index first).
    guides = [e for e in guide if next(iter(e.values())).startswith("guides/")]
    timeline = [e for e in guide if next(iter(e.values())) == paths.TIMELINE]
    profiles = [e for e in guide if next(iter(e.values())).startswith("profiles/")]
    profiles.sort(key=lambda e: next(iter(e.values())) != paths.PROFILES_INDEX)
    section = guides + timeline + ([{"Applicant profiles": profiles}] if profiles else [])
    if section:
        nav.append({SECTION_GUIDE: section})
    for name, index in ((SECTION_RULES, paths.RULES_INDEX), (SECTION_SPECIALTIES, paths.SPECIALTIES_INDEX),
                        (SECTION_TEMPLATES, paths.TEMPLATES_INDEX)):
        group = entries(name, (index,))
        if group:
            nav.append({name: group})
    if CHECKER in handwritten:
        nav.append({"Checker": CHECKER})
    generated = {page.path for page in pages}
    placed = {HOME, CHECKER, ABOUT, *BENCHMARKS} | generated
    others = sorted(handwritten - placed, key=lambda p: (p not in TOOLS_FIRST, TOOLS_FIRST.index(p) if p in TOOLS_FIRST else 0, p))
    tools = others + [{title: url} for title, url in downloads]
    if tools:
        nav.append({"Tools": tools})
    reference = entries(SECTION_REFERENCE)
    if reference:
        nav.append({SECTION_REFERENCE: reference})
    if ABOUT in handwritten:
        nav.append({"About": ABOUT})
    for path in BENCHMARKS:
        if path in handwritten:
            nav.append({"Benchmarks": path})
            break
    return nav
