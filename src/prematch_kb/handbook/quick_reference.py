"""The two-page quick reference: the rules as worded, the key dates, what never to write and what
to write instead, what to do when a program asks what it may not, and where to report.

Every line comes from the knowledge base (rules, the cycle's dates, the received-mode checker
categories and their replies); nothing is written here but headings and the connecting words.
Page 1 holds the dates and the rules, page 2 the rest; `build.build_quick_reference` finds the
largest type that keeps each on its page.
"""

from __future__ import annotations

import re

from prematch_kb.handbook.chapters.rules import ordered_rules, status_badge
from prematch_kb.handbook.context import date_status, esc, long_date, printable_url, verify_mark
from prematch_kb.handbook.document import target_checker
from prematch_kb.handbook.markdown import MarkdownRenderer
from prematch_kb.handbook.settings import HANDBOOK_FILE, HandbookSettings
from prematch_kb.kb import urls
from prematch_kb.kb.model import CHECK_CATEGORIES, RULE_ASKS_HEADINGS, RULE_KIND_LABELS, KnowledgeBase

# The rule whose statement says where a suspected breach is reported.
REPORTING_RULE = "violations-and-consequences"


def title(settings: HandbookSettings) -> str:
    return f"{settings.title}: quick reference, {settings.cycle} Match"


def render_quick_reference(kb: KnowledgeBase, settings: HandbookSettings) -> str:
    """The quick reference as one print HTML document (the stylesheet is quick_reference.css)."""

    def on_site(kind: str, object_id: str, part: str) -> str:
        return settings.site_url + urls.address(kind, object_id, lambda c: kb.checks[c].rule, part)

    md = MarkdownRenderer(target_checker(kb), site_url=settings.site_url, on_site=on_site)
    cycle_title = kb.cycle.title if kb.cycle else f"{settings.cycle} Match"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(title(settings))}</title>
<meta name="description" content="{esc(settings.description)}">
<meta name="generator" content="prematch-kb">
<meta name="dcterms.created" content="{settings.edition.isoformat()}">
</head>
<body>
<main>
<section class="page page-1">
<header class="masthead">
<p class="kicker">Quick reference · {esc(cycle_title)}</p>
<h1>{esc(settings.title)}</h1>
<p class="intro">The rules and dates that matter most when you write to residency programs, on two
pages. Edition of {esc(long_date(settings.edition))}. The full handbook, with every source, is at
{printable_url(settings.site_url + HANDBOOK_FILE)}; the private email checker at
{printable_url(settings.checker_url)}. {verify_mark()}marks what no primary source has confirmed yet.</p>
</header>
{_dates(kb, settings)}
<div class="columns">{_rules(kb, settings)}</div>
</section>
<section class="page page-2">
<div class="columns">
{_never_write(kb)}
{_improper_questions(kb, settings)}
{_reporting(kb, settings, md)}
</div>
</section>
</main>
</body>
</html>"""


def _origin(rule) -> str:
    """The rule's kind (RULE_KIND_LABELS) and the publishers of its sources: "(Code of Conduct norm; NRMP)"."""
    names = list(dict.fromkeys(c.source.publisher for c in rule.citations))
    kind = f'<span class="kind kind-{esc(rule.kind)}">{esc(RULE_KIND_LABELS.get(rule.kind, rule.kind))}</span>'
    publishers = "; " + esc(", ".join(names)) if names else ""
    return f' <span class="src">({kind}{publishers})</span>'


def _rules(kb: KnowledgeBase, settings: HandbookSettings) -> str:
    if not kb.rules:
        return ""
    groups: dict[str, list[str]] = {}
    for rule in ordered_rules(kb):
        # A Match rule with its summary (what it allows and forbids exactly); a practice by its title.
        summary = f" {esc(rule.summary)}" if rule.kind == "match-rule" else ""
        groups.setdefault(rule.asks, []).append(
            f'<li>{status_badge(rule.badge)} <strong class="rule-title">{esc(rule.title)}</strong>'
            f"{summary}{_origin(rule)}</li>"
        )
    body = "".join(
        f'<h3>{esc(RULE_ASKS_HEADINGS.get(asks, asks))}</h3><ul class="rules">{"".join(items)}</ul>'
        for asks, items in groups.items()
    )
    rules_page = printable_url(settings.site_url + urls.url(urls.RULES_INDEX))
    return (f'<section class="block rules-block"><h2>The rules</h2>'
            f'<p class="note">Rules marked <em>must</em> come from the Match agreements and are summarised here; '
            f"<em>should</em> marks a Code of Conduct norm (a guide, not agreement terms) or professional "
            f"practice, as each rule's kind says. Each is explained in full at {rules_page}.</p>"
            f"{body}</section>")


def _dates(kb: KnowledgeBase, settings: HandbookSettings) -> str:
    cycle = kb.cycle
    if cycle is None or not cycle.events:
        return ""
    rows = "".join(
        f'<tr><td class="date">{esc(long_date(d.date))}</td><td>{esc(d.label)}</td>'
        f'<td class="status-cell">{date_status(d, settings.edition)}</td></tr>'
        for d in cycle.events
    )
    calendars = "; ".join(f"{esc(c.source.publisher)}: {printable_url(c.source.url)}" for c in cycle.calendars)
    check = f'<p class="note">Check every date against the official calendars: {calendars}.</p>' if calendars else ""
    return (f'<section class="block dates-block"><h2>Key dates: {esc(cycle.title)}</h2>'
            '<table class="dates"><thead><tr><th scope="col">Date</th><th scope="col">Event</th>'
            f'<th scope="col">Status</th></tr></thead><tbody>{rows}</tbody></table>{check}</section>')


def _never_write(kb: KnowledgeBase) -> str:
    """For each rule that the checker's error and warning categories for a draft link to: its
    title, its first risky wording and its first safer one."""
    flagged = {c.rule for c in kb.checks.values() if c.mode == "draft" and c.severity in ("error", "warning")}
    entries = []
    for rule in ordered_rules(kb):
        if rule.id not in flagged or not rule.risky_phrasings or not rule.safe_phrasings:
            continue
        entries.append(
            f'<div class="pair"><p class="pair-rule">{esc(rule.title)}</p>'
            f'<p class="never"><span class="label">Never</span> “{esc(rule.risky_phrasings[0])}”</p>'
            f'<p class="instead"><span class="label">Instead</span> “{esc(rule.safe_phrasings[0])}”</p></div>'
        )
    if not entries:
        return ""
    return ('<section class="block never-block"><h2>What never to write, and what to write instead</h2>'
            f'{"".join(entries)}</section>')


def _improper_questions(kb: KnowledgeBase, settings: HandbookSettings) -> str:
    """The checker's error-level categories for a program's message, each with its reply."""
    checks = [kb.checks[c] for c in CHECK_CATEGORIES
              if c in kb.checks and kb.checks[c].mode == "received" and kb.checks[c].severity == "error"]
    entries = []
    for check in checks:
        rule = kb.rules.get(check.rule)
        rule_line = f'<p class="asked-rule">{status_badge(rule.badge)} {esc(rule.title)}</p>' if rule else ""
        reply = " ".join(check.reply.split())
        entries.append(
            f'<div class="asked"><h3>{esc(check.title)}</h3>{rule_line}'
            + (f'<p class="reply"><span class="label">You could reply</span> {esc(reply)}</p>' if reply else "")
            + "</div>"
        )
    if not entries:
        return ""
    return ('<section class="block asked-block"><h2>When a program asks what it may not</h2>'
            f'<p class="note">Check a message you received, and get a reply you can send: '
            f"{printable_url(settings.checker_url + '?mode=received')}</p>{''.join(entries)}</section>")


def _reporting(kb: KnowledgeBase, settings: HandbookSettings, md: MarkdownRenderer) -> str:
    rule = kb.rules.get(REPORTING_RULE)
    if rule is None:
        return ""
    where = rule.origin.path or f"rules/{rule.id}.yml"
    lead = re.split(r"\n[ \t]*\n", rule.statement.strip(), maxsplit=1)[0]
    sources = "".join(
        f"<li>{esc(c.source.publisher)}, {esc(c.source.title)}: {printable_url(c.source.url)}</li>"
        for c in rule.citations
    )
    return (f'<section class="block report-block"><h2>Where to report</h2>'
            f'{md.block(lead, f"{where}, statement")}<p>{esc(rule.summary)}</p>'
            f'<ul class="sources">{sources}</ul></section>')
