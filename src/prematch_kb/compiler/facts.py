"""Facts with citations: confirmed ones as a list, unconfirmed ones inside a visible 'verify' box."""

from __future__ import annotations

from prematch_kb.compiler import markdown as md
from prematch_kb.compiler.context import RenderContext
from prematch_kb.kb.model import Fact


def render_facts(ctx: RenderContext, here: str, facts: tuple[Fact, ...]) -> str:
    confirmed = [f for f in facts if f.confirmed]
    unconfirmed = [f for f in facts if not f.confirmed]
    parts = []
    if confirmed:
        parts.append(md.bullets([_fact(ctx, here, f) for f in confirmed]))
    if unconfirmed:
        parts.append(md.admonition(
            "warning", "Unconfirmed: verify",
            "We could not confirm these from a primary source. Check them with the program or the "
            "official source before you rely on them.\n\n" + md.bullets([_fact(ctx, here, f) for f in unconfirmed])))
    return "\n\n".join(parts)


def _fact(ctx: RenderContext, here: str, fact: Fact) -> str:
    text = ctx.resolve(fact.text, here).strip()
    if fact.citations:
        text += f" ({ctx.cite_all(here, fact.citations)})"
    return text
