"""Rule pages and the rules index."""

from __future__ import annotations

from prematch_kb.compiler import markdown as md
from prematch_kb.compiler import paths
from prematch_kb.compiler.context import RenderContext, relative
from prematch_kb.compiler.page import SECTION_RULES, Page
from prematch_kb.kb import urls
from prematch_kb.kb.model import (
    BINDS,
    BINDS_LABELS,
    RULE_ASKS,
    RULE_ASKS_HEADINGS,
    RULE_KIND_LABELS,
    RULE_KIND_NOTES,
    RULE_KINDS,
    Check,
    Rule,
)

SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "suggestion": "Suggestion"}
MODE_LABELS = {"draft": "your draft", "received": "a message you received"}


def render_rule_pages(ctx: RenderContext) -> list[Page]:
    pages = [_index(ctx)]
    # Navigation order matches the index: grouped by what a rule asks (the page's nav_group), by
    # title within each group.
    rules = sorted(ctx.kb.rules.values(), key=lambda r: (RULE_ASKS.index(r.asks), r.title.lower()))
    pages += [_rule_page(ctx, rule) for rule in rules]
    return pages


def _index(ctx: RenderContext) -> Page:
    here = paths.RULES_INDEX
    rules = sorted(ctx.kb.rules.values(), key=lambda r: r.title.lower())
    out = ["# Rules", "",
           "What the NRMP Match rules allow and forbid, what NRMP's Codes of Conduct expect, and the "
           "professional practices that keep your emails safe. Each rule's mark says whom it binds and "
           "what it asks of them: *must* and *must not* only for a Match rule (a clause of the Match "
           "agreements or a match's own binding policy), *should* and *should not* for a norm of the "
           "Codes of Conduct (which NRMP offers as a guide, not as terms of the agreement) and for a "
           "professional practice, *may* for what is allowed. Each rule links to its sources, with the "
           "section it comes from.", ""]
    for asks in RULE_ASKS:
        group = [r for r in rules if r.asks == asks]
        if not group:
            continue
        out += [md.heading(2, RULE_ASKS_HEADINGS[asks], f"asks-{asks}"), ""]
        out.append(md.table(["Rule", "What it asks", "Kind", "In one sentence"], [
            [ctx.link(here, "rule", r.id), badge_html(r), RULE_KIND_LABELS[r.kind], md.text(r.summary)]
            for r in group]))
        out.append("")
    out += [md.heading(2, "By where it comes from", "by-kind"), ""]
    for kind in RULE_KINDS:
        group = [r for r in rules if r.kind == kind]
        if group:
            out += [md.heading(3, RULE_KIND_LABELS[kind], f"kind-{kind}"), "", RULE_KIND_NOTES[kind], "",
                    md.bullets([ctx.link(here, "rule", r.id) for r in group]), ""]
    out += [md.heading(2, "By who is bound", "by-who-is-bound"), ""]
    for binds in BINDS:
        group = [r for r in rules if r.binds == binds]
        if group:
            out += [md.heading(3, BINDS_LABELS[binds], f"binds-{binds}"), "",
                    md.bullets([f"{ctx.link(here, 'rule', r.id)} ({md.text(r.badge.label.lower())})"
                                for r in group]), ""]
    latest = max((r.reviewed for r in rules), default=ctx.today)
    out += [ctx.reviewed_line(latest), ""]
    return Page(here, "Rules", "\n".join(out), "", SECTION_RULES, nav_title="All rules")


def _rule_page(ctx: RenderContext, rule: Rule) -> Page:
    here = paths.rule(rule.id)
    out = [f"# {md.text(rule.title)}", "",
           f'<p class="pmkb-rule-meta">{badge_html(rule)} '
           f"Binds: {md.attr(BINDS_LABELS[rule.binds].lower())} · {RULE_KIND_LABELS[rule.kind]}</p>", "",
           f"**{md.text(rule.summary)}**", "",
           md.heading(2, "What the rule says", "statement"), "", ctx.resolve(rule.statement, here).strip(), "",
           md.heading(2, "Why it exists", "why"), "", ctx.resolve(rule.why, here).strip(), "",
           md.heading(2, "Safer and riskier ways to say it", "phrasings"), ""]
    rows = []
    for index in range(max(len(rule.safe_phrasings), len(rule.risky_phrasings))):
        safe = rule.safe_phrasings[index] if index < len(rule.safe_phrasings) else ""
        risky = rule.risky_phrasings[index] if index < len(rule.risky_phrasings) else ""
        rows.append([_quoted(safe), _quoted(risky)])
    out += [md.table(["Safer", "Riskier"], rows), ""]
    checks = ctx.checks_by_rule.get(rule.id, ())
    if checks:
        out += [md.heading(2, "What the checker flags", "checker"), "",
                f"The [email checker]({relative(here, urls.CHECKER)}) ties these categories to this rule."
                if _has_checker(ctx)
                else "The email checker ties these categories to this rule.", ""]
        for check in checks:
            out += _check_section(ctx, here, check)
    out += [md.heading(2, "Sources", "sources"), "", md.bullets([ctx.cite_full(here, c) for c in rule.citations]), ""]
    if rule.related:
        out += [md.heading(2, "Related rules", "related", searchable=False), "",
                md.bullets([ctx.link(here, "rule", r) for r in rule.related]), ""]
    used_by = ctx.templates_by_rule.get(rule.id, ())
    if used_by:
        out += [md.heading(2, "Templates that follow this rule", "templates", searchable=False), "",
                md.bullets([ctx.link(here, "template", t) for t in used_by]), ""]
    out += [ctx.reviewed_line(rule.reviewed), ""]
    return Page(here, rule.title, "\n".join(out), rule.origin.path, SECTION_RULES,
                nav_group=RULE_ASKS_HEADINGS[rule.asks])


def _precedence(ctx: RenderContext, here: str, check: Check) -> list[str]:
    """Which findings nearby this category is reported instead of, and which it gives way to
    (`outranks` in content/checks/*.yml, as the checker applies it)."""
    lines = [f"Reported instead of {ctx.link(here, 'check', o.category)} found in the {o.within}."
             for o in check.outranks]
    lines += [f"Not reported where {ctx.link(here, 'check', other.category)} is found in the {o.within}."
              for other in sorted(ctx.kb.checks.values(), key=lambda c: c.category)
              for o in other.outranks if o.category == check.category]
    return [" ".join(lines), ""] if lines else []


def badge_html(rule: Rule) -> str:
    """The rule's badge (who it binds, what it asks of them) as an inline element."""
    badge = rule.badge
    return f'<span class="pmkb-status pmkb-status--{badge.tone}">{md.attr(badge.label)}</span>'


def _check_section(ctx: RenderContext, here: str, check: Check) -> list[str]:
    out = [md.heading(3, md.text(check.title), paths.checker_anchor(check.category)), "",
           f"*{SEVERITY_LABELS[check.severity]}* in {MODE_LABELS[check.mode]} · category "
           f"`{check.category}`", "",
           f"> {md.text(check.message)}", "",
           ctx.resolve(check.explanation, here).strip(), ""]
    out += _precedence(ctx, here, check)
    if check.suggestions:
        out += ["Try instead:", "", md.bullets([_quoted(s) for s in check.suggestions]), ""]
    if check.reply:
        out += ["A reply you can send:", "", md.fence(check.reply), ""]
    flags = [_example(text, log) for expected, text, log in check.examples() if expected == "flag"]
    passes = [_example(text, log) for expected, text, log in check.examples() if expected == "pass"]
    out += [md.table(["Flagged", "Not flagged"], [
        [flags[i] if i < len(flags) else "", passes[i] if i < len(passes) else ""]
        for i in range(max(len(flags), len(passes)))]), ""]
    return out


def _example(text: str, log) -> str:
    """An example as quoted text; one read against a communication log says which log."""
    if log is None:
        return _quoted(text)
    logged = "; ".join(_log_entry(e) for e in log.entries) or "empty"
    kind = f", as {log.kind}" if log.kind else ""
    return f"{_quoted(text)} ({md.text(f'to {log.program}{kind}; log: {logged}')})"


def _log_entry(entry: dict) -> str:
    said = " saying first choice" if entry["first_choice_claim"] and entry["kind"] != "first-choice" else ""
    way = "to" if entry["direction"] == "sent" else "from"
    return f"{entry['direction']} {entry['kind']}{said} {way} {entry['program']} on {entry['date']}"


def _quoted(phrase: str) -> str:
    return f"“{md.text(phrase)}”" if phrase else ""


def _has_checker(ctx: RenderContext) -> bool:
    return ctx.has_checker_page
