"""A Content-Security-Policy on every built page, with hashes of the page's own inline scripts.

Every page template writes a marker meta element (overrides/main.html); after the build, each
page's inline scripts are hashed and the page's policy written in the marker's place. A policy
allows this site's own origin only and no inline script but the page's own (no 'unsafe-inline'),
so script that reached a page through its content could not run and a draft has nowhere to go.

Two policies, the strictest each kind of page allows:
- every page: scripts, styles, images, search worker and fetches from this site only;
- the checker page: also 'wasm-unsafe-eval', which Pyodide needs to compile WebAssembly.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

from prematch_kb.browser.errors import BrowserBuildError

CSP_MARKER = "__PMKB_CSP__"
_INLINE_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_SRC_ATTR = re.compile(r"\bsrc\s*=", re.I)
_MARKER_ELEMENT = re.compile(r'<meta http-equiv="Content-Security-Policy" content="' + CSP_MARKER + r'">\s*')


class CspError(BrowserBuildError):
    """A built page has no policy marker to fill in."""


def inline_script_hashes(page_html: str) -> list[str]:
    """CSP source expressions ('sha256-...') for each inline script, in page order, unique."""
    hashes: dict[str, None] = {}
    for match in _INLINE_SCRIPT.finditer(page_html):
        if _SRC_ATTR.search(match.group("attrs")):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.setdefault(f"'sha256-{base64.b64encode(digest).decode()}'", None)
    return list(hashes)


def content_security_policy(script_hashes: list[str], *, webassembly: bool = True) -> str:
    """The policy for one page; `webassembly` for the checker page, which runs Pyodide."""
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *(["'wasm-unsafe-eval'"] if webassembly else []), *script_hashes]),
        "worker-src 'self'",
        "connect-src 'self'",
        # The theme's icons are data: SVGs in its stylesheet.
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",  # no page uses <base>
        "form-action 'self'",
    ]
    return "; ".join(directives)


def apply_csp(page: Path, *, webassembly: bool = True) -> str:
    """Replace the marker in the built page with the final policy; return the policy."""
    text = page.read_text(encoding="utf-8")
    if CSP_MARKER not in text:
        raise CspError(
            f"{page}: no Content-Security-Policy marker {CSP_MARKER!r}; "
            "does its template extend overrides/main.html?"
        )
    policy = content_security_policy(inline_script_hashes(text), webassembly=webassembly)
    page.write_text(text.replace(CSP_MARKER, html.escape(policy, quote=True)), encoding="utf-8")
    return policy


def apply_csp_to_site(site_dir: Path, *, serving: bool = False) -> int:
    """Give every built page still carrying the marker its policy; return how many pages.

    While `mkdocs serve` runs, live reload adds an inline script to each page as it is sent,
    which no hash written here could allow: the marker is then removed instead, so the pages
    work while editing and carry their policy in every real build."""
    count = 0
    for page in sorted(Path(site_dir).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if CSP_MARKER not in text:
            continue
        if serving:
            page.write_text(_MARKER_ELEMENT.sub("", text), encoding="utf-8")
        else:
            apply_csp(page, webassembly=False)
        count += 1
    return count
