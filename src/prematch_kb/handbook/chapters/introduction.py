"""Chapter: how the handbook is organised and how to read its marks."""

from __future__ import annotations

from prematch_kb.handbook.chapters.rules import status_badge
from prematch_kb.handbook.context import ChapterWriter, Context, esc, long_date, verify_mark
from prematch_kb.kb.model import RULE_KIND_LABELS, RULE_KINDS, rule_badge

# One badge of each kind, for the legend.
_LEGEND = (rule_badge("may", "match-rule", "applicant"), rule_badge("do", "match-rule", "both"),
           rule_badge("dont", "match-rule", "program"), rule_badge("do", "code-of-conduct", "applicant"),
           rule_badge("dont", "practice", "applicant"), rule_badge("fact", "match-rule", "both"))


def write(ctx: Context, writer: ChapterWriter) -> str:
    s = ctx.settings
    kinds = ", ".join(f"<em>{esc(RULE_KIND_LABELS[kind])}</em>" for kind in RULE_KINDS)
    return f"""
<p class="lead">This handbook is the printed edition of the {esc(s.title)} for the {esc(s.cycle)}
Match season. It explains what applicants may and may not say to residency programs before the
Match, when to write, and what to write, with email templates you can fill in by hand.</p>
<p>The printed text comes from the same knowledge base as the website at
<span class="url">{esc(s.site_url)}</span>. Rules and dates change between seasons: this edition
was produced on {esc(long_date(s.edition))}, and the website always carries the latest text. The
National Resident Matching Program (NRMP) and the official documents listed in the
<a class="xref" href="#chapter-sources">sources chapter</a> decide every question; this handbook
explains them in plain words and is not legal advice.</p>
<h3 class="minor">How the chapters fit together</h3>
<ul>
<li><strong>The rules</strong> say what you may do, what you should or must do and what you
should not or must not do, each with the documents it rests on.</li>
<li><strong>The season, phase by phase</strong> walks through the application year with the
cycle's dates and what to send in each phase.</li>
<li><strong>Applicant profiles</strong> and <strong>Specialties</strong> cover what differs for
US graduates, international medical graduates and particular specialties.</li>
<li><strong>Email templates</strong> give complete messages with blanks to fill in;
<strong>Common mistakes</strong> and <strong>Checklists</strong> help you review before you
send.</li>
<li>The <strong>FAQ</strong>, <strong>Glossary</strong> and <strong>Sources</strong> close the
book.</li>
</ul>
<h3 class="minor">Marks used in this handbook</h3>
<dl class="legend">
<dt>{" ".join(status_badge(badge) for badge in _LEGEND)}</dt>
<dd>Whom a rule binds and what it asks of them: <em>must</em> and <em>must not</em> only for a
Match rule, <em>should</em> and <em>should not</em> for a Code of Conduct norm and for a
professional practice, <em>may</em> for what is allowed. A few rules only explain how the Match
works. Beside the mark, each rule names its kind: {kinds}.</dd>
<dt>{verify_mark()}</dt>
<dd>A date or fact not yet confirmed from a primary source. Check it against the official
document before you rely on it.</dd>
<dt><span class="blank"><span class="blank-name">Program Name</span></span></dt>
<dd>A blank in a template: write in what the small label asks for.</dd>
<dt><span class="example-ref">(p. 12)</span></dt>
<dd>A cross-reference to the page where the linked rule, template or source is printed.</dd>
</dl>
"""
