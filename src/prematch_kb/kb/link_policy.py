"""Which link targets may appear anywhere we publish: the one allow-list of URL schemes.

Content links (`[text](...)` in Markdown fields), the built site's pages, the handbook and the
browser's data (the checker's explanations) all ask `link_problem`. Allowed: web addresses
(http, https), mail (mailto), links inside the site (relative paths, `#anchors`, `/paths`), and in
content the knowledge base's own `kind:id` links, which the compiler turns into relative ones.
Everything else (javascript:, data:, vbscript:, file:, ...) is refused, whatever its spelling.

The target is read as a browser reads an attribute: character references decoded (`&#9;`),
then tabs and line breaks removed anywhere and control characters and spaces trimmed from both
ends (the URL standard's preprocessing), so `java&#9;script:` and ` JaVaScRiPt:` are both seen
as the javascript: scheme. docs/assets/js/dom.js applies the same list in the browser.
"""

from __future__ import annotations

import html
import re

from prematch_kb.kb.links import LINK_KINDS

ALLOWED_SCHEMES = ("http", "https", "mailto")

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(map(chr, range(0x21)))


def scheme_of(href: str, *, decode_entities: bool = True) -> str:
    """The URL scheme a browser would see for this attribute value, lower-cased; "" if relative."""
    text = html.unescape(href) if decode_entities else href
    text = _TAB_OR_NEWLINE.sub("", text).strip(_C0_OR_SPACE)
    match = _SCHEME.match(text)
    return match[1].lower() if match else ""


def link_problem(href: str, *, content_kinds: bool = False, decode_entities: bool = True) -> str | None:
    """Why `href` may not be published, or None when it may. `content_kinds` also allows the
    knowledge base's own `rule:id`-style links (in content, before the compiler resolves them)."""
    scheme = scheme_of(href, decode_entities=decode_entities)
    if not scheme or scheme in ALLOWED_SCHEMES:
        return None
    if content_kinds and scheme in LINK_KINDS:
        return None
    allowed = ", ".join(f"{s}:" for s in ALLOWED_SCHEMES)
    kinds = ", or a content link such as rule:<id>" if content_kinds else ""
    return f"link to a {scheme}: address is not allowed; expected {allowed}, a relative link{kinds}"
