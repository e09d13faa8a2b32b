"""Reliability figures: how much hostile and broken input the product was tried on, and how it fared.

Not a timing: counts of inputs generated and payloads tried, with the outcome each must have.
- content Markdown: random texts built from the pieces of script attacks; each is refused by
  validation or renders (with the site's Markdown settings) to HTML without script;
- named attack payloads: every one refused by validation, every link payload by the one allow-list;
- communication log files: random CSV and JSON texts read by the Python and the browser reader
  (under Node), which must give the same verdict;
- kinds of broken content (YAML and log files), each reported as a located problem.
"""

from __future__ import annotations

import html.parser
import json
import random
import shutil
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from bench import machine_facts, results_dir, write_results

ROOT = Path(__file__).resolve().parents[1]
# The extensions mkdocs.yml enables for every page.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.details", "pymdownx.superfences",
              "pymdownx.tabbed", "pymdownx.tasklist"]
MARKDOWN_PIECES = [
    "<", ">", "</", "script", "img", "a", "div", "svg", " ", "\n", "\n\n", "\t", "    ", "`", "```", "href=", "src=",
    "x", "onerror=", "onclick=", "alert(1)", "\"", "'", "javascript:", "JaVaScRiPt:", "java", "script:", "&#9;",
    "&#x0A;", "&colon;", "&#106;", "data:", "vbscript:", "https://a.example/", "mailto:a@b.example", "rule:x", "[",
    "]", "(", ")", "![", "[x]: ", "{:", "{", "}", "#", ".c", "=", "style=", "-", "*", "|", "!!! note", "<!--", "-->",
    "&", "&lt;", "\\", ":", "/", "<https://a.example>",
]
ATTACKS = {
    "script element": "Read this <script>alert(1)</script> first.",
    "event handler": "Read <img src=x onerror=alert(1)> first.",
    "javascript: link": "See [the rule](javascript:alert(1)).",
    "tab inside the scheme (entity)": "See [the rule](java&#9;script:alert(1)).",
    "line break inside the scheme": "See [the rule](java\nscript:alert(1)).",
    "encoded colon": "See [the rule](javascript&colon;alert(1)).",
    "data: image": "See ![x](data:image/svg+xml,<svg/onload=alert(1)>).",
    "vbscript: autolink": "See <vbscript:msgbox(1)>.",
    "reference definition": "See [the rule][r].\n\n[r]: javascript:alert(1)",
    "attribute list": "A claim{: onclick=\"alert(1)\" }",
    "heading attribute list": "## Title {#x onmouseover=alert(1)}",
    "unclosed code fence": "```x\n<b onclick=alert(1)>z</b>",
    "HTML comment": "Text <!-- hidden --> more",
    "SVG element": "<svg onload=alert(1)></svg>",
    "iframe": "<iframe src=https://example.org></iframe>",
}
LINK_PAYLOADS = [
    "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java&#9;script:alert(1)", "java&#x0A;script:alert(1)",
    "java&#13;script:alert(1)", "&#1;javascript:alert(1)", "javascript&colon;alert(1)", "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "jav&#x09;ascript:alert(1)",
    "file:///etc/passwd", "blob:https://example.org/x", "ftp://example.org/",
]
LOG_NOISE = ["", ",", '"', '""', "\n", "\r", "\r\n", " ", "\t", "\u00a0", "\u0085", "\u3000", "\ufeff", "'", "=",
             "+", "-", "@", "ſ", "K", "İ", "٢", "yes", "no", "maybe", "sent", "received", "update", "other",
             "2026-12-03", "0000-01-01", "2026-02-30", "{", "}", "[", "]", ":", "NaN", "true", "1", "1.0", "null",
             "😀", "\x00", "program,date,direction,kind", "program,date,direction,kind,first_choice_claim,note\n"]
BROKEN_YAML = {
    "billion laughs (aliases)": "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
    "self-referencing alias": "a: &s [*s]\n",
    "nesting 100,000 deep (flow)": "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "nesting 100,000 deep (block)": "a:\n  " + "- " * 100_000 + "x\n",
    "unclosed [": "a: [1,\n  2\nb: 3\n",
    "unclosed {": "a: {b: 1\nc: 2\n",
    "tab indentation": "a:\n\tb: 1\n",
    "duplicate key": "a: 1\na: 2\n",
}


class _HtmlAudit(html.parser.HTMLParser):
    """What in rendered HTML could run script: unknown elements, handlers, styles, bad links."""

    ELEMENTS: ClassVar[set[str]] = {
        "p", "a", "img", "em", "strong", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "div", "span", "details", "summary",
        "input", "label",
    }
    ATTRIBUTES: ClassVar[set[str]] = {
        "href", "src", "alt", "title", "id", "class", "align", "type", "checked", "disabled", "name", "for", "open",
        "start",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        from prematch_kb.kb.link_policy import link_problem

        if tag not in self.ELEMENTS:
            self.bad.append(f"element <{tag}>")
        for name, value in attrs:
            if name not in self.ATTRIBUTES:
                self.bad.append(f"attribute {name} on <{tag}>")
            elif name in ("href", "src") and link_problem(value or "", content_kinds=True, decode_entities=False):
                self.bad.append(f"{name}={value!r}")


def audit_html(rendered: str) -> list[str]:
    """Everything in `rendered` that a page without script could not hold; [] when safe."""
    audit = _HtmlAudit()
    try:
        audit.feed(rendered)
        audit.close()
    except AssertionError as error:  # html.parser gives up on some <! declarations
        audit.bad.append(f"unreadable markup ({error})")
    return audit.bad


def render_markdown(text: str) -> str:
    import markdown

    return markdown.markdown(text, extensions=EXTENSIONS)


def probe_markdown(count: int, rng: random.Random) -> dict:
    from prematch_kb.kb.markdown_safety import unsafe_markup

    refused = accepted = unsafe_if_unchecked = unsafe_accepted = 0
    examples: list[str] = []
    for _ in range(count):
        text = "".join(rng.choice(MARKDOWN_PIECES) for _ in range(rng.randint(0, 24)))
        bad = audit_html(render_markdown(text))
        unsafe_if_unchecked += bool(bad)
        if unsafe_markup(text):
            refused += 1
            continue
        accepted += 1
        if bad:
            unsafe_accepted += 1
            examples.append(text)
    return {"texts": count, "refused": refused, "accepted": accepted,
            "unsafe_without_validation": unsafe_if_unchecked, "unsafe_accepted": unsafe_accepted,
            "unsafe_examples": examples[:5]}


def probe_payloads() -> dict:
    from prematch_kb.kb.link_policy import link_problem
    from prematch_kb.kb.markdown_safety import unsafe_markup

    missed = [name for name, text in ATTACKS.items() if not unsafe_markup(text)]
    links_missed = [href for href in LINK_PAYLOADS if not link_problem(href)]
    return {"markdown_attacks": len(ATTACKS), "markdown_attacks_refused": len(ATTACKS) - len(missed),
            "link_payloads": len(LINK_PAYLOADS), "link_payloads_refused": len(LINK_PAYLOADS) - len(links_missed),
            "missed": missed + links_missed}


def probe_log_readers(count: int, rng: random.Random) -> dict:
    from prematch_kb.checker.commlog import LogFormatError, load_log

    texts = ["".join(rng.choice(LOG_NOISE) for _ in range(rng.randint(0, 30))) for _ in range(count)]
    texts += [json.dumps({"schema": "prematch-kb/communication-log", "version": rng.choice([1, 1.0, True, "1"]),
                          "entries": [{"program": rng.choice(LOG_NOISE) + "P", "date": rng.choice(LOG_NOISE),
                                       "direction": rng.choice(LOG_NOISE), "kind": rng.choice(LOG_NOISE)}]})
              for _ in range(count)]
    texts += [_near_valid_csv(rng) for _ in range(count)]
    python = []
    for text in texts:
        try:
            python.append({"ok": True, "entries": [e.to_dict() for e in load_log(text).entries]})
        except LogFormatError as error:
            python.append({"ok": False, "where": error.where})
    result = {"files": len(texts), "accepted": sum(v["ok"] for v in python)}
    if shutil.which("node") is None:
        return {**result, "browser_reader": "not run (no Node)"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts, ensure_ascii=True))
        out = subprocess.run(["node", str(ROOT / "tests" / "node" / "read_logs.mjs"),
                              str(ROOT / "docs" / "assets" / "log" / "commlog.js"), "--texts", str(path)],
                             capture_output=True, text=True, timeout=300, check=True)
    browser = json.loads(out.stdout)
    same = sum(1 for i, p in enumerate(python)
               if browser[str(i)]["ok"] == p["ok"]
               and (browser[str(i)].get("entries") == p.get("entries") if p["ok"]
                    else browser[str(i)]["where"] == p["where"]))
    return {**result, "same_verdict_in_both_readers": same}


def _near_valid_csv(rng: random.Random) -> str:
    """A log CSV whose cells are mostly valid, so both readers' acceptance is exercised too."""
    def cell(valid: list[str]) -> str:
        value = rng.choice(valid) if rng.random() < 0.85 else rng.choice(LOG_NOISE)
        return rng.choice(["", " ", "'", "\u3000"]) + value if rng.random() < 0.1 else value

    rows = ["program,date,direction,kind,first_choice_claim,note"]
    for _ in range(rng.randint(1, 3)):
        rows.append(",".join([
            cell(["Lakeside", '"Hillcrest, Peds"', "=SUM(1)", "'=x", "Ünïcode"]),
            cell(["2026-12-03", "2027-01-20"]), cell(["sent", "received", "SENT"]),
            cell(["update", "thank-you", "first-choice", "other"]), cell(["yes", "no", ""]),
            cell(["", "note", '"multi\nline"', "-5 days", "@home"]),
        ]))
    return rng.choice(["\n", "\r\n", "\r"]).join(rows) + rng.choice(["", "\n"])


def probe_broken_content() -> dict:
    from prematch_kb.checker.commlog import LogFormatError, load_log
    from prematch_kb.kb.errors import Problems
    from prematch_kb.kb.yamlsource import parse_yaml

    yaml_located = 0
    for text in BROKEN_YAML.values():
        problems = Problems()
        parse_yaml(text, "probe.yml", problems)
        yaml_located += bool(problems.items) and all(p.line > 0 for p in problems.items)
    fixtures = ROOT / "tests" / "fixtures" / "commlog"
    verdicts = json.loads((fixtures / "verdicts.json").read_text(encoding="utf-8"))
    bad_logs = {name: where for name, where in verdicts.items() if name.startswith("bad-")}
    log_located = 0
    for name, where in bad_logs.items():
        try:
            load_log((fixtures / name).read_bytes().decode("utf-8"))
        except LogFormatError as error:
            log_located += error.where == where
    return {"yaml_kinds": len(BROKEN_YAML), "yaml_kinds_located": yaml_located,
            "log_file_kinds": len(bad_logs), "log_file_kinds_located": log_located,
            "markup_kinds": len(ATTACKS)}


def markdown_section(result: dict) -> str:
    md, payloads, logs, broken = (result[k] for k in ("content_markdown", "payloads", "log_readers", "broken_content"))
    rows = [
        ("Generated content Markdown texts (pieces of script attacks)", f"{md['texts']:,}",
         f"{md['refused']:,} refused by validation; {md['accepted']:,} accepted, of which "
         f"{md['unsafe_accepted']} render anything script-capable "
         f"(unvalidated, {md['unsafe_without_validation']:,} would)"),
        ("Named Markdown attack payloads", str(payloads["markdown_attacks"]),
         f"{payloads['markdown_attacks_refused']} refused with file and line"),
        ("Link payloads (entity, whitespace and case tricks)", str(payloads["link_payloads"]),
         f"{payloads['link_payloads_refused']} refused by the one allow-list"),
        ("Generated communication log files (CSV and JSON)", f"{logs['files']:,}",
         f"{_count(logs.get('same_verdict_in_both_readers', logs.get('browser_reader')))} with the same verdict in the "
         f"Python and the browser reader; {logs['accepted']:,} accepted"),
        ("Kinds of broken YAML (aliases, deep nesting, unclosed brackets, ...)", str(broken["yaml_kinds"]),
         f"{broken['yaml_kinds_located']} reported as a file:line problem"),
        ("Kinds of broken log files (shared fixtures)", str(broken["log_file_kinds"]),
         f"{broken['log_file_kinds_located']} refused at the expected row or field"),
    ]
    lines = ["## Reliability", "",
             "Hostile and broken input the product was tried on (`python -m bench reliability`); the same "
             "probes, smaller, run in the test suite as property-based tests.", "",
             "| input | tried | outcome |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines) + "\n"


def _count(value) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def main(quick: bool = False) -> dict:
    rng = random.Random(20261122)
    started = time.perf_counter()
    result = {
        "benchmark": "reliability",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "machine": machine_facts(),
        "content_markdown": probe_markdown(300 if quick else 30_000, rng),
        "payloads": probe_payloads(),
        "log_readers": probe_log_readers(200 if quick else 10_000, rng),
        "broken_content": probe_broken_content(),
    }
    result["seconds"] = round(time.perf_counter() - started, 1)
    write_results(results_dir() / "reliability.json", result, markdown_section(result))
    print(markdown_section(result))
    return result


if __name__ == "__main__":
    main()
