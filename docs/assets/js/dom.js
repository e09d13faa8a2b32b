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

  window.PMKB_DOM = Object.freeze({ el, isoToday });
})();
