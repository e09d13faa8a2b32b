"""Findings and the report: the one JSON shape shared by the CLI, the browser page and the tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

REPORT_SCHEMA = "prematch-kb/check-report"
REPORT_VERSION = 1
SEVERITIES = ("error", "warning", "suggestion")


# Findings and hits are named tuples: immutable like a frozen dataclass, and several times cheaper to
# make (a frozen dataclass sets each of its 17 fields through object.__setattr__), which matters in a
# checker re-run on every keystroke.
class Finding(NamedTuple):
    category: str
    rule: str
    severity: str
    message: str
    explanation: str
    explanation_html: str
    excerpt: str
    start: int
    end: int
    start_utf16: int
    end_utf16: int
    line: int
    column: int
    suggestions: tuple[str, ...]
    reply: str
    link: str
    source: dict | None

    def to_dict(self) -> dict:
        return finding_to_dict(self)


@dataclass
class Report:
    mode: str
    context: dict
    findings: list[Finding] = field(default_factory=list)
    checked_chars: int = 0
    total_chars: int = 0

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    @property
    def suggestions(self) -> int:
        return self.count("suggestion")

    @property
    def ok(self) -> bool:
        """True when nothing error-level was found."""
        return self.errors == 0

    @property
    def verdict(self) -> str:
        errors, warnings, suggestions = self.errors, self.warnings, self.suggestions
        if not self.findings:
            if self.mode == "received":
                return "Nothing in this message asks for what the Match rules forbid."
            return "No problems found."
        parts = [
            _plural(errors, "error"),
            _plural(warnings, "warning"),
            _plural(suggestions, "suggestion"),
        ]
        counts = ", ".join(p for p in parts if p)
        if self.mode == "received":
            if errors:
                return f"{counts}: this message asks for something the Match rules forbid; see the suggested replies."
            return f"{counts}."
        if errors:
            return f"{counts}: fix the errors before sending."
        if warnings:
            return f"{counts}: review the warnings before sending."
        return f"{counts}: optional improvements."

    def to_dict(self) -> dict:
        return {
            "schema": REPORT_SCHEMA,
            "version": REPORT_VERSION,
            "mode": self.mode,
            "context": dict(self.context),
            "summary": {
                "errors": self.errors,
                "warnings": self.warnings,
                "suggestions": self.suggestions,
                "verdict": self.verdict,
            },
            "checked_chars": self.checked_chars,
            "total_chars": self.total_chars,
            "findings": [f.to_dict() for f in self.findings],
        }


def _plural(count: int, word: str) -> str:
    if not count:
        return ""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def finding_to_dict(finding) -> dict:
    """The finding shape of the versioned report, shared by text findings and log findings."""
    return {
        "category": finding.category,
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "explanation": finding.explanation,
        "explanation_html": finding.explanation_html,
        "excerpt": finding.excerpt,
        "start": finding.start,
        "end": finding.end,
        "start_utf16": finding.start_utf16,
        "end_utf16": finding.end_utf16,
        "line": finding.line,
        "column": finding.column,
        "suggestions": list(finding.suggestions),
        "reply": finding.reply,
        "link": finding.link,
        "source": dict(finding.source) if finding.source else None,
    }

