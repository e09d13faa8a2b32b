"""Template pages and the templates index."""

from __future__ import annotations

from prematch_kb.compiler import markdown as md
from prematch_kb.compiler import paths
from prematch_kb.compiler.context import RenderContext
from prematch_kb.compiler.page import SECTION_TEMPLATES, Page
from prematch_kb.kb.model import Template

AUDIENCE_LABELS = {"program-director": "program director", "coordinator": "program coordinator",
                   "faculty": "faculty member", "resident": "resident"}
APPLICANT_LABELS = {"us-md-do": "US MD/DO graduates", "us-img": "US-citizen IMGs",
                    "non-us-img": "non-US-citizen IMGs"}


# The navigation group of a template that names no phase of the season.
NO_PHASE_GROUP = "Any time"


def render_template_pages(ctx: RenderContext) -> list[Page]:
    # Navigation order follows the season, as the index does: grouped by the first phase listed
    # (the page's nav_group), within each group as the index's table.
    templates = sorted(ctx.kb.templates.values(), key=lambda t: (
        _listed_first_order(ctx, t), _first_phase_order(ctx, t), t.title.lower()))
    return [_index(ctx)] + [_template_page(ctx, t) for t in templates]


def _listed_first_order(ctx: RenderContext, template: Template) -> int:
    phase = ctx.kb.phases.get(template.phases[0]) if template.phases else None
    return phase.order if phase is not None else 999


def _first_phase_title(ctx: RenderContext, template: Template) -> str:
    phase = ctx.kb.phases.get(template.phases[0]) if template.phases else None
    return phase.title if phase is not None else NO_PHASE_GROUP


def _first_phase_order(ctx: RenderContext, template: Template) -> int:
    orders = [ctx.kb.phases[p].order for p in template.phases if p in ctx.kb.phases]
    return min(orders, default=999)


def _index(ctx: RenderContext) -> Page:
    here = paths.TEMPLATES_INDEX
    out = ["# Email templates", "",
           md.text("Short, honest emails for each moment of the season. Replace every [Placeholder] "
                   "before sending, and read the linked rules first."), ""]
    templates = sorted(ctx.kb.templates.values(), key=lambda t: (_first_phase_order(ctx, t), t.title.lower()))
    for phase in ctx.kb.phases.values():
        group = [t for t in templates if t.phases and t.phases[0] == phase.id]
        if not group:
            continue
        out += [md.heading(2, md.text(phase.title), f"phase-{phase.id}"), "",
                md.table(["Template", "Purpose", "Write to"], [
                    [ctx.link(here, "template", t.id), md.text(t.purpose), md.text(_audience(t))] for t in group]), ""]
    latest = max((t.reviewed for t in templates), default=ctx.today)
    out += [ctx.reviewed_line(latest), ""]
    return Page(here, "Email templates", "\n".join(out), "", SECTION_TEMPLATES, nav_title="All templates")


def _audience(template: Template) -> str:
    return ", ".join(AUDIENCE_LABELS[a] for a in template.audience)


def _template_page(ctx: RenderContext, template: Template) -> Page:
    here = paths.template(template.id)
    suits = (", ".join(APPLICANT_LABELS[a] for a in template.applicant_types)
             if template.applicant_types else "every applicant")
    out = [f"# {md.text(template.title)}", "",
           f"**{md.text(template.purpose)}**", "",
           md.table(["When", "Write to", "Suits"], [[
               ctx.links(here, "phase", template.phases), md.text(_audience(template)), md.text(suits)]]), "",
           md.heading(2, "The email", "email"), "",
           f"**Subject:** {md.text(template.subject)}", "",
           f'<div class="pmkb-template" data-template-id="{md.attr(template.id)}" markdown>', "",
           md.fence(template.body), "",
           "</div>", "",
           f'<p><a class="md-button pmkb-open-in-checker" href="../../checker/?template={md.attr(template.id)}">'
           "Open in checker</a></p>", ""]
    if template.placeholders:
        out += [md.heading(2, "Fill in", "placeholders"), "",
                md.table(["Placeholder", "What to write", "Example"], [
                    [md.text(f"[{p.name}]"),
                     md.text(p.description), md.text(p.example)] for p in template.placeholders]), ""]
    if template.do:
        out.append(md.admonition("success", "Do", md.bullets([ctx.resolve(d, here) for d in template.do])))
    if template.dont:
        out.append(md.admonition("danger", "Don't", md.bullets([ctx.resolve(d, here) for d in template.dont])))
    if template.rules:
        out += [md.heading(2, "Rules this template follows", "rules", searchable=False), "",
                md.bullets([f"{ctx.link(here, 'rule', r)}: {md.text(ctx.kb.rules[r].summary)}"
                            for r in template.rules]), ""]
    out += [ctx.reviewed_line(template.reviewed), ""]
    return Page(here, template.title, "\n".join(out), template.origin.path, SECTION_TEMPLATES,
                nav_group=_first_phase_title(ctx, template))
