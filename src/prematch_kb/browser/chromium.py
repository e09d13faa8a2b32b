"""How tests and benchmarks start Debian's Chromium through Playwright (no browser download).

The flags keep a headless Chromium quiet on a closed network: without the background-networking
ones it keeps opening connections to update and sync services.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def launch(playwright, **options):
    """Launch Debian's Chromium with the project's flags through a Playwright instance."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS), **options)
