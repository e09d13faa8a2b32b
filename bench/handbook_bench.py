"""Handbook build time: load content/, render the print HTML, write the PDF. Target: under 30 s.

Writes bench/results/handbook.json with the timings and the machine they were measured on.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import machine_facts, results_dir, write_results

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 30.0


def _machine() -> dict:
    return machine_facts()


def _pages(pdf: Path) -> int:
    for line in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def main(quick: bool = False) -> dict:
    from prematch_kb.handbook import HandbookSettings, render_document
    from prematch_kb.handbook.build import handbook_metadata
    from prematch_kb.handbook.pdf import write_pdf
    from prematch_kb.kb.loader import load_content

    runs = 1 if quick else 3
    load_before = os.getloadavg()[0]
    samples = []
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "handbook.pdf"
        for _ in range(runs):
            started, cpu_started = time.perf_counter(), time.process_time()
            kb, site = load_content(ROOT / "content")
            loaded = time.perf_counter()
            settings = HandbookSettings.from_site(site)
            document = render_document(kb, settings)
            rendered = time.perf_counter()
            warnings = write_pdf(document.html, pdf, settings.paper, handbook_metadata(settings))
            written = time.perf_counter()
            samples.append({"load_s": loaded - started, "html_s": rendered - loaded, "pdf_s": written - rendered,
                            "total_s": written - started, "cpu_s": time.process_time() - cpu_started})
        pages, size = _pages(pdf), pdf.stat().st_size
    total = statistics.median(s["total_s"] for s in samples)
    result = {
        "benchmark": "handbook build (content/ -> PDF, US Letter)",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
        "quick": quick,
        "runs": runs,
        "median_total_s": round(total, 2),
        "median_load_s": round(statistics.median(s["load_s"] for s in samples), 3),
        "median_html_s": round(statistics.median(s["html_s"] for s in samples), 3),
        "median_pdf_s": round(statistics.median(s["pdf_s"] for s in samples), 2),
        # CPU seconds of this process: what the build costs when the machine is not shared.
        "median_cpu_s": round(statistics.median(s["cpu_s"] for s in samples), 2),
        "load_average_1min": {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2)},
        "samples": [{k: round(v, 3) for k, v in s.items()} for s in samples],
        "pages": pages,
        "pdf_bytes": size,
        "layout_warnings": len(warnings),
        "target_s": TARGET_SECONDS,
        "meets_target": total < TARGET_SECONDS,
    }
    out = results_dir() / "handbook.json"
    write_results(out, result)
    cpu = result["median_cpu_s"]
    print(f"handbook: {total:.1f} s wall, {cpu:.1f} s CPU, median of {runs} ({pages} pages, "
          f"target < {TARGET_SECONDS:.0f} s, load {load_before:.1f}) -> {out}")
    return result


if __name__ == "__main__":
    main()
