"""The site navigation, as the list MkDocs expects in `nav`, built from pages and hand-written files."""

from __future__ import annotations

import math
import re

from prematch_kb.compiler import paths
from prematch_kb.compiler.page import (
    SECTION_GUIDE,
    SECTION_REFERENCE,
    SECTION_RULES,
    SECTION_SPECIALTIES,
    SECTION_TEMPLATES,
    Page,
)

# Hand-written pages the navigation knows about, if they exist in the docs folder.
HOME = "index.md"
CHECKER = "checker/index.md"
ABOUT = "about.md"
BENCHMARKS = ("benchmarks/index.md", "benchmarks.md")
# Other hand-written pages (interactive tools such as the weekly plan and the communication log)
# go in a "Tools" section after the checker, these first, the rest by path; MkDocs takes their
# titles from the pages themselves.
TOOLS_FIRST = ("plan/index.md", "log/index.md")

# The theme (navigation.sections and navigation.prune) writes into every page the open tab's
# section headings with everything under them, and of a deeper group only its name unless the
# page is in it. A section listing all its pages thus put the whole section into each of them:
# build time grew with pages squared and big menus were unusable. So long lists are split: into
# the groups their pages name (a rule's status, a template's first phase, a guide's kind) as
# section headings, and each group (or an ungrouped list, under BY_NAME) into alphabetical ranges
# ("A–C", "D–Ha", ...), and many ranges into wider ranges. A page then carries a menu of a few
# dozen entries however large the knowledge base grows.
NAV_LIST_LIMIT = 20  # the most pages one list holds
NAV_RANGE_LIMIT = 10  # the most alphabetical ranges side by side
MENU_BUDGET = 60  # about how many entries the open section headings of a tab list together
# Sections listed in their groups at any size, as their index pages list them.
ALWAYS_GROUPED = (SECTION_RULES, SECTION_TEMPLATES)
BY_NAME = "By name"  # the heading over the alphabetical ranges of a long list without groups
LABEL_MAX = 24  # characters of a title a range's label shows at either end


def build_nav(pages: list[Page], handwritten, downloads: tuple[tuple[str, str], ...] = ()) -> list:
    """Home, Guide, Rules, Specialties, Templates, Checker, Tools, Reference, About (with Benchmarks).

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

    def grouped(section: str, index: str) -> list:
        group = by_section.get(section, [])
        head = [{p.nav_title or p.title: p.path} for p in group if p.path == index]
        return head + split_long([p for p in group if p.path != index], always=section in ALWAYS_GROUPED)

    nav: list = []
    if HOME in handwritten:
        nav.append({"Home": HOME})
    guide = entries(SECTION_GUIDE)
    # Guides first (by kind once there are many), then the timeline, then the profiles (index first).
    guides = split_long([p for p in by_section.get(SECTION_GUIDE, []) if p.path.startswith("guides/")])
    timeline = [e for e in guide if next(iter(e.values())) == paths.TIMELINE]
    profiles = [e for e in guide if next(iter(e.values())).startswith("profiles/")]
    profiles.sort(key=lambda e: next(iter(e.values())) != paths.PROFILES_INDEX)
    section = guides + timeline + ([{"Applicant profiles": profiles}] if profiles else [])
    if section:
        nav.append({SECTION_GUIDE: section})
    for name, index in ((SECTION_RULES, paths.RULES_INDEX), (SECTION_SPECIALTIES, paths.SPECIALTIES_INDEX),
                        (SECTION_TEMPLATES, paths.TEMPLATES_INDEX)):
        group = grouped(name, index)
        if group:
            nav.append({name: group})
    if CHECKER in handwritten:
        nav.append({"Checker": CHECKER})
    generated = {page.path for page in pages}
    placed = {HOME, CHECKER, ABOUT, *BENCHMARKS} | generated
    others = sorted(handwritten - placed,
                    key=lambda p: (p not in TOOLS_FIRST, TOOLS_FIRST.index(p) if p in TOOLS_FIRST else 0, p))
    tools = others + [{title: url} for title, url in downloads]
    if tools:
        nav.append({"Tools": tools})
    reference = entries(SECTION_REFERENCE)
    if reference:
        nav.append({SECTION_REFERENCE: reference})
    # About holds the pages on how the guide is made; the benchmarks (build times, checker speed)
    # are for its developers, so they sit there, not in a tab of their own.
    about = [{"About this guide": ABOUT}] if ABOUT in handwritten else []
    about += [{"Benchmarks": path} for path in BENCHMARKS if path in handwritten][:1]
    if len(about) == 1 and ABOUT in handwritten:
        nav.append({"About": ABOUT})
    elif about:
        nav.append({"About": about})
    return nav


def split_long(pages: list[Page], *, always: bool = False) -> list:
    """Navigation entries for `pages` (in their order): under their groups' headings if `always`
    or if they are more than NAV_LIST_LIMIT, and every list longer than its share of the open
    menu (MENU_BUDGET over the headings, NAV_RANGE_LIMIT to NAV_LIST_LIMIT) as alphabetical ranges."""
    if not always and len(pages) <= NAV_LIST_LIMIT:
        return [{p.nav_title or p.title: p.path} for p in pages]
    groups: dict[str, list[Page]] = {}
    for page in pages:
        groups.setdefault(page.nav_group, []).append(page)
    if list(groups) == [""]:  # nothing to group by: one heading over the ranges
        return [{BY_NAME: alphabetical(pages)}] if len(pages) > NAV_LIST_LIMIT else alphabetical(pages)
    # Every heading is open on every page of the section: together they list about MENU_BUDGET.
    share = min(NAV_LIST_LIMIT, max(NAV_RANGE_LIMIT, MENU_BUDGET // len(groups)))
    return [{name or "Other": alphabetical(group, share)} for name, group in groups.items()]


def alphabetical(pages: list[Page], limit: int = NAV_LIST_LIMIT) -> list:
    """Entries for `pages`: as they are up to `limit`, else by title in ranges of at most that
    many, cut between initials where one is near. Over NAV_RANGE_LIMIT ranges, the ranges
    are themselves gathered into wider ones (as a dictionary's letters hold its guide words), so
    no list shows more than that many. Each range is labelled by the fewest letters that tell its
    first and last titles from their neighbours: "A–C", "D–Ha", "He–M"."""
    entries = [(p.nav_title or p.title, p.path) for p in pages]
    if len(entries) <= limit:
        return [{title: path} for title, path in entries]
    entries.sort(key=lambda e: (_sort_key(e[0]), e[1]))
    initials = [_bare(title)[:1].casefold() for title, _ in entries]

    def clean_cut(position: int) -> bool:  # between entries position - 1 and position
        return initials[position - 1] != initials[position]

    # A range: (first entry, end entry, the narrower ranges it holds or None for a list of pages).
    ranges: list[tuple[int, int, list | None]] = [
        (start, end, None) for start, end in _runs(len(entries), limit, clean_cut)
    ]
    while len(ranges) > NAV_RANGE_LIMIT:
        runs = _runs(len(ranges), NAV_RANGE_LIMIT, lambda i, ranges=ranges: clean_cut(ranges[i][0]))
        ranges = [(ranges[a][0], ranges[b - 1][1], ranges[a:b]) for a, b in runs]

    def entry(start: int, end: int, inner) -> dict:
        # At either end of the whole list, the range's other end is the neighbour to tell apart.
        before = entries[start - 1 if start else end - 1][0]
        after = entries[end if end < len(entries) else start][0]
        first, last = _guide_word(entries[start][0], before), _guide_word(entries[end - 1][0], after)
        label = first if first.casefold() == last.casefold() else f"{first}–{last}"
        if inner is None:
            return {label: [{title: path} for title, path in entries[start:end]]}
        return {label: [entry(*narrower) for narrower in inner]}

    return [entry(*r) for r in ranges]


def _runs(count: int, limit: int, clean_cut) -> list[tuple[int, int]]:
    """(start, end) of consecutive runs of `count` sorted things, none longer than `limit` and as
    few as that allows, each ended where clean_cut(end) holds if such a place is near the even cut."""
    runs, start = [], 0
    while count - start > limit:
        remaining = count - start
        size = remaining / math.ceil(remaining / limit)
        ideal = start + round(size)
        cuts = [cut for cut in range(start + math.ceil(size * 0.6), start + limit + 1) if clean_cut(cut)]
        cut = min(cuts, key=lambda c: (abs(c - ideal), c)) if cuts else ideal
        runs.append((start, cut))
        start = cut
    runs.append((start, count))
    return runs


def _sort_key(title: str) -> tuple:
    """Case-blind, with numbers in numeric order ("Step 2" before "Step 10")."""
    parts = re.split(r"(\d+)", _bare(title).casefold())
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts))


def _bare(title: str) -> str:
    """The title from its first letter or digit on (an opening quote does not sort or label it)."""
    for position, char in enumerate(title):
        if char.isalnum():
            return title[position:]
    return title


def _guide_word(title: str, neighbour: str) -> str:
    """The shortest start of `title` that tells it from `neighbour`, finished to the end of its
    word once longer than a few letters; past LABEL_MAX characters, the title's first words, an
    ellipsis and the word where the two titles differ."""
    text = _bare(title)
    common = 0
    for a, b in zip(text.casefold(), _bare(neighbour).casefold(), strict=False):
        if a != b:
            break
        common += 1
    length = min(common + 1, len(text))
    if length > 3:
        word_end = text.find(" ", length - 1)
        length = word_end if word_end >= 0 else len(text)
    shown = text[:length].rstrip()
    if len(shown) > LABEL_MAX:
        words = shown.split(" ")
        head = words[0]
        for word in words[1:-1]:
            if len(head) + 1 + len(word) > LABEL_MAX // 2:
                break
            head += " " + word
        shown = f"{head} … {words[-1]}" if len(head) < len(shown) - len(words[-1]) - 1 else shown
        if len(shown) > LABEL_MAX + 4:  # one very long word
            shown = shown[:LABEL_MAX].rstrip() + "…"
    return shown[:1].upper() + shown[1:]
