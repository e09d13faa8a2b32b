"""The checker's runtime crosses the network once on a first visit, and not at all on a second.

Counted by the server itself (the page-weight benchmark's host-like server, bench/site_bench.py),
so only bodies really sent count: a copy the browser or the service worker answers from is not a
transfer. That server sends no validators (no Last-Modified, no ETag), so any second request for
a file would be a second download. Run in a fresh context (an in-memory browser
cache, as in a private window, which refuses a file as large as the WebAssembly) and in a profile
on disk.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from bench.site_bench import serve_like_a_host
from prematch_kb.browser.chromium import CHROMIUM, CHROMIUM_ARGS

from .pages import wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RUNTIME = "/checker/runtime/"
OFFLINE_READY = "#pmkb-checker[data-offline=ready]"


@pytest.fixture(scope="module")
def host(checker_site):
    with serve_like_a_host(checker_site) as (base, sent):
        yield base, sent


def runtime_files(site) -> set[str]:
    """What the checker's worker loads: the runtime's own files, the lock file and its wheels."""
    lock = json.loads((site / "checker" / "runtime" / "pyodide-lock.json").read_text(encoding="utf-8"))
    wheels = {entry["file_name"] for entry in lock["packages"].values()}
    return {RUNTIME + name for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                                        "pyodide-lock.json", *wheels)}


def transfers(sent, since: int = 0) -> Counter:
    """Runtime bodies the server sent, by path (the query left out)."""
    return Counter(path for path, *_ in sent[since:] if path.startswith(RUNTIME))


@pytest.fixture(params=["memory-cache", "disk-cache"])
def fresh_context(request, browser, tmp_path):
    if request.param == "memory-cache":
        context = browser.new_context()
    else:
        # A profile of its own on disk, from the session's Playwright (one per session).
        context = browser.browser_type.launch_persistent_context(
            tmp_path / "profile", executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
    yield context
    context.close()


def test_runtime_crosses_the_network_once_then_never(fresh_context, host, checker_site):
    base, sent = host
    page = fresh_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    mark = len(sent)
    page.goto(base + "/checker/")
    wait_ready(page)
    # The service worker has kept the runtime and the page's files (checker/sw.js).
    page.wait_for_selector(OFFLINE_READY, state="attached", timeout=60_000)
    page.wait_for_load_state("networkidle")
    first = transfers(sent, mark)
    assert set(first) == runtime_files(checker_site), first
    repeated = {path: count for path, count in first.items() if count > 1}
    assert repeated == {}, f"downloaded more than once: {repeated}"
    caches = page.evaluate("caches.keys()")
    assert any(name.startswith("pmkb-checker-runtime-") for name in caches), caches
    assert not any(name.startswith("pmkb-checker-fetched-") for name in caches), caches  # staging copies are gone

    # A second visit: every runtime file from the service worker's copy.
    mark = len(sent)
    page.reload()
    wait_ready(page)
    page.wait_for_selector(OFFLINE_READY, state="attached", timeout=60_000)
    page.wait_for_load_state("networkidle")
    assert transfers(sent, mark) == Counter()
    assert page.evaluate("!!navigator.serviceWorker.controller")
    assert errors == []
