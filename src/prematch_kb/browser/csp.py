"""The checker page's Content-Security-Policy, with hashes of the inline scripts the theme emits.

The page template writes a marker meta element; after the build, the hook hashes every inline
script of the built page and writes the final policy in its place. The policy allows the page's
own origin only, so once the page has loaded, a draft has nowhere to go.
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


class CspError(BrowserBuildError):
    """The built checker page has no policy marker to fill in."""


def inline_script_hashes(page_html: str) -> list[str]:
    """CSP source expressions ('sha256-...') for each inline script, in page order, unique."""
    hashes: dict[str, None] = {}
    for match in _INLINE_SCRIPT.finditer(page_html):
        if _SRC_ATTR.search(match.group("attrs")):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.setdefault(f"'sha256-{base64.b64encode(digest).decode()}'", None)
    return list(hashes)


def content_security_policy(script_hashes: list[str]) -> str:
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", "'wasm-unsafe-eval'", *script_hashes]),
        "worker-src 'self'",
        "connect-src 'self'",
        # The theme's icons are data: SVGs in its stylesheet.
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def apply_csp(page: Path) -> str:
    """Replace the marker in the built page with the final policy; return the policy."""
    text = page.read_text(encoding="utf-8")
    if CSP_MARKER not in text:
        raise CspError(
            f"{page}: no Content-Security-Policy marker {CSP_MARKER!r}; "
            "does the checker page use `template: checker.html`?"
        )
    policy = content_security_policy(inline_script_hashes(text))
    page.write_text(text.replace(CSP_MARKER, html.escape(policy, quote=True)), encoding="utf-8")
    return policy
