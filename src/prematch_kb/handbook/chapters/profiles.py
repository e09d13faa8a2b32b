"""Chapter: what differs for each kind of applicant."""

from __future__ import annotations

from prematch_kb.handbook.anchors import anchor
from prematch_kb.handbook.context import ChapterWriter, Context, esc

_ORDER = ("us-md-do", "us-img", "non-us-img")


def write(ctx: Context, writer: ChapterWriter) -> str:
    profiles = sorted(ctx.kb.profiles.values(), key=lambda p: _ORDER.index(p.id) if p.id in _ORDER else 9)
    parts = [
        '<p class="lead">The rules are the same for every applicant, but what you need to say, '
        "and when, depends on where you trained and on your citizenship or visa status.</p>"
    ]
    for profile in profiles:
        where = profile.origin.path or f"profiles/{profile.id}.yml"
        parts.append(f"""
<section class="profile">
{writer.section(anchor("profile", profile.id), profile.title)}
<p class="summary">{esc(profile.summary)}</p>
{ctx.md.block(profile.body, f"{where}, body")}
{'<h3 class="minor">Facts to know</h3>' if profile.facts else ""}
{ctx.facts(profile.facts, where)}
{ctx.refs("template", profile.templates, "Templates")}
{ctx.refs("rule", profile.rules, "Rules")}
</section>""")
    return "".join(parts)
