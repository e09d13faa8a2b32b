"""Chapter: every rule, grouped by what it asks, with its sources."""

from __future__ import annotations

from prematch_kb.handbook.anchors import anchor
from prematch_kb.handbook.context import ChapterWriter, Context, esc, long_date
from prematch_kb.kb.model import BINDS_LABELS, RULE_ASKS, RULE_KIND_LABELS, RULE_KIND_NOTES, RULE_KINDS, RuleBadge


def status_badge(badge: RuleBadge) -> str:
    """A rule's badge: whom it binds and what it asks of them (RuleBadge, from the rule's model)."""
    return f'<span class="status status-{esc(badge.tone)}">{esc(badge.label)}</span>'


def _binds(binds: str) -> str:
    return BINDS_LABELS[binds].lower() if binds in BINDS_LABELS else binds


def ordered_rules(kb):
    """What is allowed first, then what to do, what not to do, and how the Match works; within each,
    Match rules, then Code of Conduct norms, then practices."""
    return sorted(
        kb.rules.values(),
        key=lambda r: (RULE_ASKS.index(r.asks) if r.asks in RULE_ASKS else 9,
                       RULE_KINDS.index(r.kind) if r.kind in RULE_KINDS else 9),
    )


def write(ctx: Context, writer: ChapterWriter) -> str:
    rules = ordered_rules(ctx.kb)
    rows = "".join(
        f'<tr><td><a class="xref" href="#{anchor("rule", r.id)}">{esc(r.title)}</a></td>'
        f"<td>{status_badge(r.badge)}</td><td>{esc(RULE_KIND_LABELS.get(r.kind, r.kind))}</td></tr>"
        for r in rules
    )
    kinds = "".join(f"<dt>{esc(RULE_KIND_LABELS[kind])}</dt><dd>{esc(RULE_KIND_NOTES[kind])}</dd>"
                    for kind in RULE_KINDS)
    parts = [
        '<p class="lead">Rules come from three places, and each rule says which one and whom it '
        "binds.</p>",
        f'<dl class="legend rule-kinds">{kinds}</dl>',
        f'<table class="overview"><thead><tr><th>Rule</th><th>What it asks</th><th>Kind</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>",
    ]
    for rule in rules:
        parts.append(_rule(ctx, writer, rule))
    return "".join(parts)


def _rule(ctx: Context, writer: ChapterWriter, rule) -> str:
    where = f"{rule.origin.path or 'rules/' + rule.id + '.yml'}"
    md = ctx.md
    safe = "".join(f"<li>{esc(p)}</li>" for p in rule.safe_phrasings)
    risky = "".join(f"<li>{esc(p)}</li>" for p in rule.risky_phrasings)
    phrasings = ""
    if safe or risky:
        phrasings = '<div class="phrasings">'
        if safe:
            phrasings += f'<div class="safe"><p class="label">Safer wording</p><ul>{safe}</ul></div>'
        if risky:
            phrasings += f'<div class="risky"><p class="label">Risky wording</p><ul>{risky}</ul></div>'
        phrasings += "</div>"
    checks = [c.title for c in ctx.kb.checks.values() if c.rule == rule.id]
    checker = (
        f'<p class="refs"><span class="label">The checker flags:</span> {esc(", ".join(sorted(checks)))}</p>'
        if checks
        else ""
    )
    return f"""
<section class="rule">
{writer.section(anchor("rule", rule.id), rule.title)}
<p class="meta">{status_badge(rule.badge)} {esc(RULE_KIND_LABELS.get(rule.kind, rule.kind))} · binds
{esc(_binds(rule.binds))} · reviewed {esc(long_date(rule.reviewed))}</p>
<p class="summary">{esc(rule.summary)}</p>
<div class="statement">{md.block(rule.statement, f"{where}, statement")}</div>
<h3 class="minor">Why it exists</h3>
{md.block(rule.why, f"{where}, why")}
{phrasings}
{checker}
{ctx.citations(rule.citations, where)}
{ctx.refs("rule", rule.related, "Related rules")}
</section>"""
