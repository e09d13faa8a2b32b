// Small DOM helpers shared by the checker, log and plan pages. Text is always added as text
// nodes, never parsed as HTML, so nothing a visitor types can become markup.
(function () {
  "use strict";

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  // Today in the visitor's own time zone, as YYYY-MM-DD.
  function isoToday() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  // HTML rendered at build time from the knowledge base, copied through an allow-list anyway:
  // only plain formatting and links reach the page, and only links to allowed schemes.
  const SAFE_TAGS = new Set(["P", "EM", "STRONG", "A", "UL", "OL", "LI", "CODE", "BR", "B", "I", "BLOCKQUOTE",
    "TABLE", "THEAD", "TBODY", "TR", "TH", "TD"]);
  // The same list as ALLOWED_SCHEMES in prematch_kb/kb/link_policy.py (a test compares them).
  const SAFE_SCHEMES = ["http", "https", "mailto"];

  // Whether a link target is allowed, read as the browser will follow it: the URL parser removes
  // tabs and line breaks and trims control characters, so "java&#9;script:" is javascript: here.
  function isSafeHref(href) {
    let url;
    try {
      url = new URL(href, document.baseURI);
    } catch (error) {
      return false;
    }
    return SAFE_SCHEMES.includes(url.protocol.slice(0, -1));
  }

  function copyTrustedHtml(html, box, mapHref = (href) => href) {
    const parsed = new DOMParser().parseFromString(`<div>${html || ""}</div>`, "text/html").body.firstChild;
    const copy = (from, to) => {
      for (const node of from.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) to.append(node.textContent);
        else if (node.nodeType === Node.ELEMENT_NODE && SAFE_TAGS.has(node.tagName)) {
          const clone = document.createElement(node.tagName.toLowerCase());
          if (node.tagName === "A") {
            const href = node.getAttribute("href") || "";
            if (isSafeHref(href) && isSafeHref(mapHref(href))) clone.setAttribute("href", mapHref(href));
          }
          copy(node, clone);
          to.append(clone);
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          copy(node, to); // unknown element: keep its text only
        }
      }
    };
    copy(parsed, box);
    return box;
  }

  window.PMKB_DOM = Object.freeze({ el, isoToday, copyTrustedHtml, isSafeHref, SAFE_SCHEMES });
})();
