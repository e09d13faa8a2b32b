"""Site budgets: page weight in the browser, build time, its growth with content, compiler overhead.

- bytes a visitor's browser receives for a guide page (target under 500 KB, no Pyodide) and for
  the checker page until the checker is ready, measured in Chromium against a local server that
  compresses like a static host: both uncompressed and over the wire (gzip) figures;
- the full `mkdocs build --strict` of the real site (handbook and checker included);
- build time of synthetic knowledge bases 1x, 10x and 50x the real one (target: linear or better),
  the median of runs taken in turn, judged on wall time, with CPU time beside it (other work on a
  shared machine barely moves it);
- the compiler's overhead: the real build through the plugin vs the same pages written out as
  plain Markdown (`write_pages`) and built with the plugin switched off (target at most 1.15x);
  the plugin's other outputs (checker runtime, handbook) are off in that comparison.

Writes bench/results/site.json with the figures and the machine. `main(quick=True)` uses tiny
sizes and one run, so the test suite can prove the benchmark still works.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import itertools
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

import yaml

from bench import machine_facts, results_dir, write_results
from prematch_kb.browser.chromium import CHROMIUM, launch
from prematch_kb.browser.devserver import CONTENT_TYPES

ROOT = Path(__file__).resolve().parent.parent
RESULTS = results_dir() / "site.json"  # and site.md beside it, for the benchmarks page
GUIDE_PAGE = "/guides/how-to-write-to-programs/"
CHECKER_PAGE = "/checker/"
RUNTIME_PATH = "/checker/runtime/"
# The checker is ready, then its service worker has kept the runtime (or could not).
CHECKER_KEPT = ("#pmkb-checker[data-checker-state=ready]", "#pmkb-checker[data-offline]")
TARGETS = {"guide_page_kb": 500, "growth_exponent": 1.0, "compiler_overhead_ratio": 1.15}


def machine(load_at_start: tuple[float, ...] | None = None) -> dict:
    browser = ""
    if Path(CHROMIUM).exists():
        browser = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return {**machine_facts(), "browser": browser,
            "load_average_at_start": [round(x, 2) for x in (load_at_start or os.getloadavg())],
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()]}


# -- building ------------------------------------------------------------------------------------
def project_config(target: Path, *, content_dir: Path | None = None, docs_dir: Path | None = None,
                   handbook: str | None = None, checker_runtime: bool = True, plugin: bool = True,
                   extra: dict | None = None) -> Path:
    """mkdocs.yml copied into `target` with absolute folders; the plugin or its outputs optionally off."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs_dir or ROOT / "docs")
    if isinstance(config.get("theme"), dict) and config["theme"].get("custom_dir"):
        config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "prematch-kb" in entry:
            options = entry["prematch-kb"] = dict(entry["prematch-kb"] or {})
            options["content_dir"] = str(content_dir or ROOT / "content")
            if handbook:
                options["handbook"] = handbook
            options["enabled"] = plugin
            options["checker_runtime"] = checker_runtime
    config.update(extra or {})
    target.mkdir(parents=True, exist_ok=True)
    if not (target / "node_modules").exists():  # the checker's Pyodide runtime is found next to mkdocs.yml
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    path = target / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def timed_build(config: Path, site: Path, strict: bool = True) -> float:
    """Wall-clock seconds of the real `mkdocs build` CLI (what `make build` runs)."""
    return build_times(config, site, strict)[0]


def build_times(config: Path, site: Path, strict: bool = True) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one `mkdocs build`. CPU time barely moves
    when other work shares the machine, so it compares two builds more fairly than wall time."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    if strict:
        command.insert(4, "--strict")
    # As on an editor's machine: Python caches the project's compiled modules between builds.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={**env, "NO_MKDOCS_2_WARNING": "1"})
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed ({config}):\n{result.stdout}\n{result.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def summary(samples: list[float]) -> dict:
    return {"median_s": round(statistics.median(samples), 3), "runs_s": [round(s, 3) for s in samples]}


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def full_build(work: Path, runs: int) -> tuple[dict, Path]:
    """The real site exactly as `make build` makes it; the last build is kept for the browser."""
    site = work / "full-site"
    samples = [timed_build(ROOT / "mkdocs.yml", site) for _ in range(runs)]
    return {**summary(samples), "pages": html_pages(site)}, site


def growth(work: Path, scales: list[int], runs: int = 1) -> dict:
    """Build time of synthetic knowledge bases; the exponent k in time ~ pages^k between sizes.

    The sizes are built in turn, `runs` rounds, so that other work on the machine weighs on all of
    them alike; each size's figures are the medians of its runs."""
    from bench.synthetic_kb import generate, size

    configs = {}
    for scale in scales:
        content = generate(scale, work / f"kb-{scale}x")
        configs[scale] = (content, project_config(work / f"project-{scale}x", content_dir=content,
                                                  handbook="never", checker_runtime=False))
    samples: dict[int, list[tuple[float, float]]] = {scale: [] for scale in scales}
    pages: dict[int, int] = {}
    for _ in range(runs):
        for scale in scales:
            site = work / f"site-{scale}x"
            samples[scale].append(build_times(configs[scale][1], site, strict=False))
            pages[scale] = html_pages(site)
            shutil.rmtree(site)
    rows = []
    for scale in scales:
        seconds = statistics.median(wall for wall, _ in samples[scale])
        cpu = statistics.median(used for _, used in samples[scale])
        rows.append({"scale": scale, "items": size(configs[scale][0]), "pages": pages[scale],
                     "seconds": round(seconds, 3), "ms_per_page": round(1000 * seconds / pages[scale], 2),
                     "cpu_seconds": round(cpu, 3), "runs_s": [round(wall, 3) for wall, _ in samples[scale]],
                     "cpu_runs_s": [round(used, 3) for _, used in samples[scale]]})
    for before, after in itertools.pairwise(rows):
        span = math.log(after["pages"] / before["pages"])
        after["exponent_vs_previous"] = round(math.log(after["seconds"] / before["seconds"]) / span, 3)
        after["cpu_exponent_vs_previous"] = round(math.log(after["cpu_seconds"] / before["cpu_seconds"]) / span, 3)
    exponents = [r["exponent_vs_previous"] for r in rows[1:]]
    return {"sizes": rows, "handbook": "off (benchmarked in handbook.json)",
            "checker_runtime": "off (a fixed cost, measured in the full build)",
            "worst_exponent": max(exponents) if exponents else None,
            "worst_cpu_exponent": max((r["cpu_exponent_vs_previous"] for r in rows[1:]), default=None)}


def compiler_overhead(work: Path, runs: int) -> dict:
    """Plugin build vs plain Markdown build of the same pages, alternated in one run."""
    from prematch_kb.compiler import build_nav, render_pages, write_pages
    from prematch_kb.kb.loader import load_content

    kb, settings = load_content(ROOT / "content")
    docs = work / "plain-docs"
    shutil.copytree(ROOT / "docs", docs)
    handwritten = frozenset(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    pages = render_pages(kb, settings, handwritten=handwritten)
    write_pages(pages, docs)
    identity = {"site_name": settings.title, "site_url": settings.site_url,
                "nav": build_nav(pages, handwritten)}
    if settings.repo_url:
        identity["repo_url"] = settings.repo_url
    plain = project_config(work / "plain", docs_dir=docs, handbook="never", plugin=False, extra=identity)
    # Like with like: the plugin's other outputs (checker runtime, handbook) are switched off.
    plugin = project_config(work / "plugin", handbook="never", checker_runtime=False)
    with_plugin, without, cpu_plugin, cpu_plain = [], [], [], []
    for _ in range(runs):
        wall, cpu = build_times(plugin, work / "plugin-site")
        with_plugin.append(wall)
        cpu_plugin.append(cpu)
        wall, cpu = build_times(plain, work / "plain-site", strict=False)
        without.append(wall)
        cpu_plain.append(cpu)
    ratio = statistics.median(with_plugin) / statistics.median(without)
    return {"plugin": {**summary(with_plugin), "cpu_median_s": round(statistics.median(cpu_plugin), 3),
                       "pages": html_pages(work / "plugin-site")},
            "plain_markdown": {**summary(without), "cpu_median_s": round(statistics.median(cpu_plain), 3),
                               "pages": html_pages(work / "plain-site")},
            "ratio": round(ratio, 3),
            # On a shared machine other work only ever adds time: the fastest runs are the least disturbed.
            "ratio_of_fastest": round(min(with_plugin) / min(without), 3),
            "cpu_ratio": round(statistics.median(cpu_plugin) / statistics.median(cpu_plain), 3),
            "note": "both build the same pages; the plugin build also loads and validates the knowledge base "
                    "and renders the pages, with the checker runtime and handbook switched off"}


# -- page weight in the browser ------------------------------------------------------------------
# What static hosts (GitHub Pages, Netlify, Cloudflare Pages, nginx with gzip on) compress when
# the browser asks for it; binary formats (WebAssembly, zip, fonts, images) are sent as they are.
COMPRESSED_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml")


class _WireHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host does: gzip when asked, and logs the bytes it sends,
    and the bytes a host that serves the build's pre-compressed copies (FILE.gz) would send."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}  # noqa: RUF012 - as http.server declares it
    # (path, body bytes on the wire, body bytes decoded, content encoding, bytes with pre-compressed copies)
    sent: ClassVar[list] = []  # per server
    cache: ClassVar[dict] = {}  # file path -> gzip body

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            super().do_GET()  # redirects and 404s
            return
        body = path.read_bytes()
        decoded, content_type = len(body), self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = accepts_gzip and content_type.startswith(COMPRESSED_TYPES)
        precompressed = path.with_name(path.name + ".gz")
        if compress:
            body = self.cache.get(path) or self.cache.setdefault(path, gzip.compress(body, 6, mtime=0))
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)
        static = precompressed.stat().st_size if accepts_gzip and precompressed.is_file() else len(body)
        self.sent.append((self.path.split("?", 1)[0], len(body), decoded, "gzip" if compress else "identity", static))

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet while benchmarking
        pass


@contextmanager
def serve_like_a_host(site: Path) -> Iterator[tuple[str, list]]:
    """Serve `site` on a free local port; yield the base URL and the list of responses sent."""
    sent: list = []
    handler = type("WireHandler", (_WireHandler,), {"sent": sent, "cache": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="bench-site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", sent
    finally:
        server.shutdown()
        server.server_close()


def page_weight(site: Path) -> dict:
    """`measure_page_weight` in a thread of its own: Playwright's sync API refuses to start in a
    thread where another Playwright (a test session's shared browser) already runs."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["result"] = measure_page_weight(site)
        except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread
            outcome["error"] = error

    worker = threading.Thread(target=run, name="bench-page-weight")
    worker.start()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def measure_page_weight(site: Path) -> dict:
    """Bytes the browser receives for a guide page and for the checker page (until it is ready and kept).

    Each page is loaded in a fresh browser context (empty cache) from a local server that
    compresses like a static host, and counted by that server: only bodies it sent, so a copy the
    browser's cache or the service worker answers is not counted. The checker page is measured
    until its service worker has kept the runtime for later visits (`data-offline` set), so what
    keeping costs is counted too; `repeated`: runtime files sent more than once (none expected).
    `bytes`/`kb`: response bodies as the page uses them
    (uncompressed); `wire_bytes`/`wire_kb`: the bodies as sent, gzip where the host compresses;
    `precompressed_kb`: the same from a host that sends the build's FILE.gz copies where there is one.
    """
    from playwright.sync_api import sync_playwright

    results = {}
    with serve_like_a_host(site) as (base, sent), sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for name, path, ready in (("guide_page", GUIDE_PAGE, None),
                                      ("checker_page", CHECKER_PAGE, CHECKER_KEPT)):
                context = browser.new_context()
                sent.clear()
                page = context.new_page()
                started = time.perf_counter()
                page.goto(base + path, wait_until="networkidle")
                if ready:
                    for selector in ready:
                        page.wait_for_selector(selector, state="attached", timeout=120_000)
                    page.wait_for_load_state("networkidle")
                elapsed = time.perf_counter() - started
                context.close()
                responses = list(sent)
                raw = sum(decoded for _, _, decoded, _, _ in responses)
                wire = sum(on_wire for _, on_wire, _, _, _ in responses)
                static = sum(precompressed for *_, precompressed in responses)
                results[name] = {
                    "path": path, "requests": len(responses),
                    "bytes": raw, "kb": round(raw / 1024, 1),
                    "wire_bytes": wire, "wire_kb": round(wire / 1024, 1),
                    "precompressed_bytes": static, "precompressed_kb": round(static / 1024, 1),
                    "seconds_to_loaded": round(elapsed, 2),
                    "loads_pyodide": any("pyodide" in p for p, *_ in responses),
                    "repeated": sorted(p for p, n in Counter(p for p, *_ in responses).items()
                                       if n > 1 and p.startswith(RUNTIME_PATH)),
                    "largest": sorted(((decoded, on_wire, p) for p, on_wire, decoded, *_ in responses),
                                      reverse=True)[:5],
                }
        finally:
            browser.close()
    return results


def markdown(result: dict) -> str:
    """The benchmarks page's section for these results."""
    weight, full = result["page_weight"], result["full_build"]
    grown, overhead, targets = result["growth"], result["compiler_overhead"], result["targets"]
    guide, checker = weight["guide_page"], weight["checker_page"]

    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"

    lines = [
        "### Page weight (bytes the browser receives, empty cache)", "",
        "Each page is loaded in Chromium from a local server that compresses like a static host "
        "(gzip for HTML, CSS, JavaScript, JSON and SVG when the browser asks; WebAssembly and zip "
        "archives as they are). The last column is what a host that serves the build's pre-compressed "
        "copies sends (nginx `gzip_static`, Caddy `precompressed`, many CDNs): the same, with the "
        "runtime's WebAssembly gzipped too.", "",
        "| page | requests | uncompressed | over the wire (gzip) | with pre-compressed files | loads Pyodide |",
        "|---|---|---|---|---|---|",
        *(f"| `{w['path']}` | {w['requests']} | {w['kb']:,} KB | {w['wire_kb']:,} KB | "
          + (f"{w['precompressed_kb']:,} KB" if "precompressed_kb" in w else "not measured")
          + f" | {'yes' if w['loads_pyodide'] else 'no'} |" for w in (guide, checker)),
        "", f"Target: a guide page under {targets['guide_page_kb']} KB without Pyodide. Over the wire: "
        f"{met(guide['wire_kb'] < targets['guide_page_kb'] and not guide['loads_pyodide'])}; uncompressed "
        f"(a host that does not compress): {met(guide['kb'] < targets['guide_page_kb'])}. Largest on the "
        "guide page: " + ", ".join(f"`{path}` {decoded / 1024:,.0f} KB ({on_wire / 1024:,.0f} KB gzip)"
                                    for decoded, on_wire, path in guide["largest"][:3])
        + ". The search index (every page's text, about 400 KB) is downloaded only when the visitor "
        "starts a search, not with each page.", "",
        "Only network transfers count: the server counts the bodies it sends, so a copy answered by the "
        "browser's cache or the checker's service worker is not counted. The checker page is measured "
        "until the checker is ready and its service worker has kept the runtime for later visits and "
        "offline use, so keeping it is counted too: "
        + ("runtime files sent more than once were not recorded." if "repeated" not in checker else
           "each runtime file crossed the network once." if not checker["repeated"] else
           "**sent more than once**: " + ", ".join(f"`{p}`" for p in checker["repeated"]) + ".")
        + " A later visit loads the runtime from the service worker's copy, with no download.", "",
        "### Build time", "",
        f"Full `mkdocs build --strict` of the real site (guide, checker runtime, handbook PDF): "
        f"median {full['median_s']} s over {len(full['runs_s'])} run(s), {full['pages']} HTML pages.", "",
        f"Growth with content size (synthetic knowledge bases; handbook and checker runtime off; median of "
        f"{len(grown['sizes'][0].get('runs_s', [0]))} run(s) per size, the sizes built in turn):", "",
        "| size | rules | templates | specialties | guides | pages | build | per page | exponent | CPU time | "
        "exponent (CPU) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *(f"| {r['scale']}x | {r['items']['rules']} | {r['items']['templates']} | {r['items']['specialties']} | "
          f"{r['items']['guides']} | {r['pages']} | {r['seconds']} s | {r['ms_per_page']} ms | "
          f"{r.get('exponent_vs_previous', '')} | {r.get('cpu_seconds', '')} s | "
          f"{r.get('cpu_exponent_vs_previous', '')} |" for r in grown["sizes"]),
        "", f"Target: linear or better (exponent at most {targets['growth_exponent']} between sizes, "
        "time ~ pages^exponent): "
        f"{met(grown['worst_exponent'] is not None and grown['worst_exponent'] <= targets['growth_exponent'])}"
        + (f"; on CPU time: {met(grown['worst_cpu_exponent'] <= targets['growth_exponent'])}"
           if grown.get("worst_cpu_exponent") is not None else "") + ".", "",
        "### Compiler overhead", "",
        "| build | median wall time | median CPU time | pages |", "|---|---|---|---|",
        f"| through the prematch-kb plugin | {overhead['plugin']['median_s']} s | "
        f"{overhead['plugin']['cpu_median_s']} s | {overhead['plugin']['pages']} |",
        f"| same pages as plain Markdown, plugin off | {overhead['plain_markdown']['median_s']} s | "
        f"{overhead['plain_markdown']['cpu_median_s']} s | {overhead['plain_markdown']['pages']} |",
        "", f"Over {len(overhead['plugin']['runs_s'])} alternated runs: ratio of median wall times "
        f"{overhead['ratio']}x, of the fastest runs {overhead['ratio_of_fastest']}x, of median CPU times "
        f"{overhead['cpu_ratio']}x (CPU time is the least disturbed by other work on the machine). Target at most "
        f"{targets['compiler_overhead_ratio']}x, judged on wall time: "
        f"{met(overhead['ratio'] <= targets['compiler_overhead_ratio'])}; on CPU time: "
        f"{met(overhead['cpu_ratio'] <= targets['compiler_overhead_ratio'])}. "
        f"{overhead['note'][0].upper() + overhead['note'][1:]}.", "",
    ]
    return "\n".join(lines)


def main(quick: bool = False) -> dict:
    runs = 1 if quick else 3
    load_at_start = os.getloadavg()  # other work on a shared machine slows every figure below
    scales = [1, 2] if quick else [1, 10, 50]
    with tempfile.TemporaryDirectory(prefix="prematch-kb-site-bench-") as tmp:
        work = Path(tmp)
        full, site = full_build(work, runs)
        weight = page_weight(site)
        overhead = compiler_overhead(work, 1 if quick else 7)  # short builds: more runs against noise
        grown = growth(work, scales, runs)
    result = {
        "benchmark": "site",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "machine": machine(load_at_start),
        "targets": TARGETS,
        "page_weight": weight,
        "full_build": full,
        "growth": grown,
        "compiler_overhead": overhead,
    }
    write_results(RESULTS, result, markdown(result))
    guide = weight["guide_page"]
    print(f"site: guide page {guide['kb']} KB uncompressed, {guide['wire_kb']} KB over the wire; checker page "
          f"{weight['checker_page']['kb']} KB ({weight['checker_page']['wire_kb']} KB over the wire); "
          f"full build {full['median_s']} s for {full['pages']} pages; "
          f"growth exponent {grown['worst_exponent']}; compiler overhead {overhead['ratio']}x -> {RESULTS}")
    return result


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
