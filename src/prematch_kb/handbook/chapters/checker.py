"""Chapter: the website's email checker, and the categories it looks for."""

from __future__ import annotations

from prematch_kb.handbook.anchors import anchor
from prematch_kb.handbook.context import ChapterWriter, Context, esc, printable_url

_SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}


def write(ctx: Context, writer: ChapterWriter) -> str:
    url = ctx.settings.checker_url
    parts = [
        f"""
<p class="lead">Before you send an email to a program, paste the draft into the email checker on
the website:</p>
<p class="checker-url">{printable_url(url)}</p>
<p>The checker runs entirely inside your web browser. Your draft is not uploaded, stored or sent
anywhere: once the page has loaded, it works even without a network connection. It points out
sentences that could break a Match rule or read badly, explains why, links to the rule, and
suggests safer wording. It can also read a message you received from a program and tell you
whether the program asked something it should not have, with a reply you can send.</p>
<p>The checker is a second pair of eyes, not a guarantee: a draft it passes can still be
wrong for your situation. Read the rule it links to when in doubt.</p>"""
    ]
    checks = sorted(
        ctx.kb.checks.values(), key=lambda c: (c.mode != "draft", _SEVERITY_ORDER.get(c.severity, 9), c.title)
    )
    if checks:
        rows = "".join(
            f'<tr id="{anchor("check", c.category)}"><td>{esc(c.title)}</td>'
            f"<td>{'your draft' if c.mode == 'draft' else 'a received message'}</td>"
            f'<td><span class="severity severity-{esc(c.severity)}">{esc(c.severity)}</span></td>'
            f'<td><a class="xref" href="#{anchor("rule", c.rule)}">{esc(ctx.title_of("rule", c.rule))}</a></td></tr>'
            for c in checks
        )
        parts.append(
            '<h3 class="minor">What the checker looks for</h3>'
            '<table class="checks"><thead><tr><th>Finding</th><th>Read in</th><th>Severity</th>'
            f"<th>Rule</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    return "".join(parts)
