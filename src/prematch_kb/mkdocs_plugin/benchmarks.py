"""The benchmarks page's figures, rendered from bench/results/*.json at build time.

Each benchmark writes `<name>.json` (with `measured_at`, `quick` and `machine`) and may write
`<name>.md`, a ready Markdown section; without one, its JSON's figures are listed as a table.
The page holds the marker line `<!-- benchmark-figures -->` where the sections go.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

MARKER = "<!-- benchmark-figures -->"
ORDER = ("site", "checker", "browser", "handbook")  # the rest follow by name
_SKIPPED_KEYS = {"machine", "benchmark", "measured_at", "quick", "runs_s", "runs_ms", "largest"}
# A UTC timestamp as the benchmarks write it (2026-12-06T21:28:56+00:00).
_ISO_UTC = re.compile(r"\b(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:\+00:00|Z)")


def insert_figures(markdown: str, results_dir: Path) -> str:
    """Replace the marker in `markdown` with every benchmark's figures (unchanged without a marker)."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, figures_markdown(results_dir), 1)


def figures_markdown(results_dir: Path) -> str:
    results_dir = Path(results_dir)
    names = sorted((p.stem for p in results_dir.glob("*.json")),
                   key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n))
    if not names:
        return "*No benchmark has been run yet: run `make bench`.*\n"
    return "\n".join(readable_times(_section(results_dir, name)) for name in names)


def readable_times(text: str) -> str:
    """UTC timestamps as people read them ("2026-12-06 21:28 UTC"). Besides reading better, this
    keeps "+00:00" out of the search index: a word like "12+00" made the site search fail on every
    query whose word could start it ("J-1", "1st")."""
    return _ISO_UTC.sub(r"\1 \2 UTC", text)


def _section(results_dir: Path, name: str) -> str:
    try:
        data = json.loads((results_dir / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return f"## {name.title()}\n\n*The results file could not be read: {error}.*\n"
    lines = [f"## {name.title()}", "", _provenance(data), ""]
    if data.get("quick"):
        lines += ["!!! warning \"Smoke run\"", "    These figures come from a quick run (one repetition, tiny "
                  "sizes) that only proves the benchmark works. Run `make bench` for real figures.", ""]
    prose = results_dir / f"{name}.md"
    if prose.is_file():
        text = prose.read_text(encoding="utf-8").strip()
        # A section written by the benchmark itself starts with its own heading: drop it.
        if text.startswith("#"):
            text = text.split("\n", 1)[1].strip() if "\n" in text else ""
        lines += [text, ""]
    else:
        lines += ["| measure | value |", "|---|---|"]
        lines += [f"| {key} | {value} |" for key, value in _figures(data)]
        lines.append("")
    return "\n".join(lines)


def _provenance(data: dict) -> str:
    machine = data.get("machine") or {}
    cores = machine.get("nproc") or machine.get("cpus")
    parts = [machine.get("cpu", "unknown CPU") + (f", {cores} cores" if cores else "")]
    if machine.get("memory_gb"):
        parts.append(f"{machine['memory_gb']} GB memory")
    if machine.get("python"):
        parts.append(f"Python {machine['python']}")
    if machine.get("browser"):
        parts.append(machine["browser"])
    if machine.get("load_average_at_start"):
        parts.append("load average " + ", ".join(f"{x:g}" for x in machine["load_average_at_start"]) + " at start"
                     + (", " + ", ".join(f"{x:g}" for x in machine["load_average_at_end"]) + " at end"
                        if machine.get("load_average_at_end") else ""))
    return f"Measured {data.get('measured_at', 'at an unknown time')} on {'; '.join(parts)}."


def _figures(data, prefix: str = ""):
    """(dotted key, value) for every scalar figure, machine and raw runs left out."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in _SKIPPED_KEYS:
                yield from _figures(value, f"{prefix}{key}" if not prefix else f"{prefix} › {key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _figures(value, f"{prefix} [{index + 1}]")
    elif data is not None:
        yield prefix, (f"{data:g}" if isinstance(data, float) else str(data)).replace("|", "\\|")
