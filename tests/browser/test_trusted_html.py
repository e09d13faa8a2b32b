"""The browser's HTML allow-list copier (docs/assets/js/dom.js): build-time HTML reaches the page
with plain formatting and links to allowed schemes only, however a link target is spelled."""

from __future__ import annotations

import re

import pytest

from conftest import DOCS_DIR
from prematch_kb.kb.link_policy import ALLOWED_SCHEMES

pytestmark = pytest.mark.browser

DOM_JS = DOCS_DIR / "assets" / "js" / "dom.js"
PAYLOADS = [
    "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java&#9;script:alert(1)", "java&#x0A;script:alert(1)",
    "java&#13;script:alert(1)", "&#1;javascript:alert(1)", "javascript&colon;alert(1)", "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "\u0000javascript:alert(1)",
    "jav&#x09;ascript:alert(1)", "file:///etc/passwd", "blob:https://example.org/x", "ftp://example.org/",
]
SAFE = ["https://www.nrmp.org/", "http://example.org/a", "mailto:someone@example.org", "rules/x/", "#top",
        "/guides/", "../checker/"]


def test_the_browser_allows_the_same_schemes_as_the_site_and_the_handbook():
    listed = re.search(r"const SAFE_SCHEMES = \[([^\]]*)\]", DOM_JS.read_text())[1]
    assert tuple(re.findall(r'"([a-z]+)"', listed)) == ALLOWED_SCHEMES


def test_link_targets_outside_the_allow_list_are_dropped_however_spelled(page, site_url):
    """Before: "java&#9;script:" passed the copier's pattern and stayed a live javascript: link."""
    page.goto(site_url + "log/")
    page.wait_for_function("() => window.PMKB_DOM")
    copied = page.evaluate(
        """(targets) => targets.map((target) => {
            const box = window.PMKB_DOM.copyTrustedHtml(`<p><a href="${target}">x</a></p>`, document.createElement('div'));
            const link = box.querySelector('a');
            return link.hasAttribute('href') ? new URL(link.href, document.baseURI).protocol : null;
        })""",
        PAYLOADS + SAFE,
    )
    dropped = dict(zip(PAYLOADS, copied, strict=False))  # the SAFE targets come after
    # A NUL is parsed as U+FFFD, which makes a harmless relative link; every other target is dropped.
    assert all(protocol is None for target, protocol in dropped.items() if "\u0000" not in target), dropped
    assert dropped["\u0000javascript:alert(1)"] in (None, "http:")
    assert all(protocol in ("http:", "https:", "mailto:") for protocol in copied[len(PAYLOADS):]), copied


def copy_trusted(page, site_url, html: str) -> str:
    """What the site's DOM helper keeps of `html`, as markup."""
    page.goto(site_url + "log/")
    page.wait_for_function("() => window.PMKB_DOM")
    return page.evaluate(
        "html => window.PMKB_DOM.copyTrustedHtml(html, document.createElement('div')).innerHTML", html
    )


def test_only_plain_formatting_is_copied(page, site_url):
    html = copy_trusted(
        page, site_url,
        '<p onclick="x()">a<img src=x onerror=alert(1)><svg><a href="javascript:1">b</a></svg>'
        '<em style="color:red">c</em><script>alert(1)</script><iframe src="x"></iframe></p>',
    )
    assert html == "<p>ab<em>c</em>alert(1)</p>"  # an SVG <a> is not an HTML link: its text only


def test_tables_keep_their_rows_and_cells_without_attributes(page, site_url):
    """Content Markdown may hold tables (one dialect for the site, the handbook and the browser)."""
    html = copy_trusted(
        page, site_url,
        '<table style="x"><thead><tr><th align="left">A</th></tr></thead>'
        '<tbody><tr><td onclick="x()">b</td></tr></tbody></table>',
    )
    assert html == "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>"
