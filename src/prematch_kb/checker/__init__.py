"""The email checker: standard-library Python that runs unchanged in CPython and in Pyodide.

    from prematch_kb.checker import check
    report = check(text, mode="draft", applicant_type="non-us-img", phase="post-interview")
    report.findings, report.verdict, report.to_dict()
    prepare()   # optional: load and compile everything now, so the first check is as fast as the rest
    forget()    # empty the memories of sentences already read (what a first paste costs)

It imports nothing else from the project: its wording comes from `rulebook.json`, generated from
the knowledge base (`prematch-kb rulebook`), and so do the phases and specialties a check may name
(`known_phases()`, `known_specialties()`). The patterns live in `checks/`, one module per family
of categories.
"""

from .context import APPLICANT_TYPES, MODES, RECIPIENTS, Context
from .engine import INPUT_TOO_LONG, MAX_CHARS, categories, check, forget, prepare
from .report import REPORT_SCHEMA, REPORT_VERSION, Finding, Report
from .rulebook import known_phases, known_specialties

__all__ = [
    "APPLICANT_TYPES",
    "INPUT_TOO_LONG",
    "MAX_CHARS",
    "MODES",
    "RECIPIENTS",
    "REPORT_SCHEMA",
    "REPORT_VERSION",
    "Context",
    "Finding",
    "Report",
    "categories",
    "check",
    "forget",
    "known_phases",
    "known_specialties",
    "prepare",
]
