"""Applicant profile pages (US MD/DO, US-citizen IMG, non-US-citizen IMG) and their index."""

from __future__ import annotations

from prematch_kb.compiler import markdown as md
from prematch_kb.compiler import paths
from prematch_kb.compiler.context import RenderContext
from prematch_kb.compiler.facts import render_facts
from prematch_kb.compiler.page import SECTION_GUIDE, Page
from prematch_kb.kb.model import APPLICANT_TYPES, Profile


def render_profile_pages(ctx: RenderContext) -> list[Page]:
    order = {t: i for i, t in enumerate(APPLICANT_TYPES)}
    profiles = sorted(ctx.kb.profiles.values(), key=lambda p: order.get(p.id, 99))
    if not profiles:
        return []
    return [_index(ctx, profiles)] + [_page(ctx, p) for p in profiles]


def _index(ctx: RenderContext, profiles: list[Profile]) -> Page:
    here = paths.PROFILES_INDEX
    out = ["# Applicant profiles", "",
           "What to say, and when, depends on who you are. Pick the profile that fits you.", "",
           md.bullets([f"{ctx.link(here, 'profile', p.id)}: {md.text(p.summary)}" for p in profiles]), "",
           ctx.reviewed_line(max(p.reviewed for p in profiles)), ""]
    return Page(here, "Applicant profiles", "\n".join(out), "", SECTION_GUIDE, nav_title="All profiles")


def _page(ctx: RenderContext, profile: Profile) -> Page:
    here = paths.profile(profile.id)
    out = [f"# {md.text(profile.title)}", "", f"**{md.text(profile.summary)}**", "",
           ctx.resolve(profile.body, here).strip(), ""]
    if profile.facts:
        out += [md.heading(2, "Facts", "facts"), "", render_facts(ctx, here, profile.facts), ""]
    if profile.templates:
        out += [md.heading(2, "Templates for you", "templates"), "",
                md.bullets([ctx.link(here, "template", t) for t in profile.templates]), ""]
    if profile.rules:
        out += [md.heading(2, "Rules to know", "rules"), "",
                md.bullets([ctx.link(here, "rule", r) for r in profile.rules]), ""]
    out += [ctx.reviewed_line(profile.reviewed), ""]
    return Page(here, profile.title, "\n".join(out), profile.origin.path, SECTION_GUIDE)
