// The checker page: text area, context, findings and highlights. The checking itself runs in a
// Web Worker (worker.mjs) on this site's own Pyodide. User text is only ever set as textContent
// or as a form value, never parsed as HTML.

const SEVERITIES = [
  ["error", "Errors"],
  ["warning", "Warnings"],
  ["suggestion", "Suggestions"],
];
const DEBOUNCE_MS = 150;
const CONTEXT_FIELDS = ["applicant_type", "phase", "recipient", "specialty"];

let sharedWorker = null; // one runtime per tab, kept across the theme's instant navigation
let workerState = { state: "loading", error: "", progress: null };
const workerListeners = new Set();

// `source` is the page head's runtime meta element or, after instant navigation, the checker's
// root element: both name the worker, the runtime folder and the lock file's version.
function getWorker(source) {
  if (sharedWorker) return sharedWorker;
  const runtimeUrl = new URL(source.content || source.dataset.runtimeUrl, location.href).href;
  const lockUrl = new URL(`pyodide-lock.json?v=${source.dataset.lockVersion}`, runtimeUrl).href;
  sharedWorker = new Worker(new URL(source.dataset.workerUrl, location.href), { type: "module" });
  sharedWorker.onmessage = (event) => {
    const message = event.data;
    if (message.type === "progress") workerState.progress = message;
    if (message.type === "ready") workerState = { state: "ready", error: "", progress: null };
    if (message.type === "error") workerState = { state: "error", error: message.message, progress: null };
    workerListeners.forEach((listener) => listener(message));
  };
  sharedWorker.onerror = (event) => {
    workerState = { state: "error", error: event.message || "the checker's worker did not start" };
    workerListeners.forEach((listener) => listener({ type: "error", message: workerState.error }));
  };
  sharedWorker.postMessage({ type: "init", runtimeUrl, lockUrl });
  return sharedWorker;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

class CheckerPage {
  constructor(root) {
    this.root = root;
    this.textarea = root.querySelector("#pmkb-text");
    this.label = root.querySelector(".pmkb-checker__label");
    this.highlights = root.querySelector(".pmkb-editor__highlights");
    this.backdrop = root.querySelector(".pmkb-editor__backdrop");
    this.findingsBox = root.querySelector(".pmkb-checker__findings");
    this.verdict = root.querySelector(".pmkb-checker__verdict");
    this.statusText = root.querySelector(".pmkb-checker__status-text");
    this.progress = root.querySelector(".pmkb-checker__progress");
    this.fallback = root.querySelector(".pmkb-checker__fallback[hidden]");
    this.templateNote = root.querySelector(".pmkb-checker__template-note");
    this.siteBase = new URL(`${root.dataset.siteBase || "."}/`, location.href);
    this.siteUrl = "";
    this.requestId = 0;
    this.inFlight = null; // {id, text}
    this.wanted = false;
    this.timer = 0;
    this.lastInput = 0;
    this.spans = []; // highlight spans for this.spansText
    this.spansText = "";
    this.findingCounter = 0;
    this.generation = 0; // bumped by every change of text, mode or context
  }

  start() {
    this.bindEditor();
    if (window.pmkbCheckerLog) window.pmkbCheckerLog.mount(this);
    this.loadData();
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      this.fail("this browser does not support WebAssembly or Web Workers");
      return;
    }
    this.onWorkerMessage = (message) => this.handleWorker(message);
    workerListeners.add(this.onWorkerMessage);
    try {
      this.worker = getWorker(this.root);
    } catch (error) {
      this.fail(String(error.message || error));
      return;
    }
    if (workerState.state === "ready") this.becomeReady();
    else if (workerState.state === "error") this.fail(workerState.error);
    else if (workerState.progress) this.handleWorker(workerState.progress);
  }

  bindEditor() {
    this.textarea.addEventListener("input", () => this.onInput());
    this.textarea.addEventListener("scroll", () => this.syncScroll());
    this.root.querySelectorAll('input[name="pmkb-mode"]').forEach((radio) =>
      radio.addEventListener("change", () => {
        this.updateModeLabel();
        this.changed();
        this.requestCheck(true);
      }),
    );
    this.root.querySelectorAll(".pmkb-checker__context select, .pmkb-checker__context input").forEach((field) =>
      field.addEventListener(field.tagName === "SELECT" ? "change" : "input", () => {
        this.changed();
        this.requestCheck(false);
      }),
    );
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(() => this.fitHeight()).observe(this.textarea);
    }
    this.updateModeLabel();
    this.renderHighlights();
  }

  async loadData() {
    let data;
    try {
      const response = await fetch(this.root.dataset.dataUrl, { credentials: "same-origin" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      data = await response.json();
    } catch (error) {
      return; // context menus stay at "any"; checking still works
    }
    this.siteUrl = data.site_url || "";
    for (const name of CONTEXT_FIELDS) {
      const select = this.root.querySelector(`select[name="${name}"]`);
      for (const option of (data.context && data.context[name]) || []) {
        select.append(el("option", { value: option.id }, option.label));
      }
    }
    this.applyQuery(data);
  }

  applyQuery(data) {
    const params = new URLSearchParams(location.search);
    for (const name of CONTEXT_FIELDS) {
      const value = params.get(name);
      const select = this.root.querySelector(`select[name="${name}"]`);
      if (value && [...select.options].some((option) => option.value === value)) select.value = value;
    }
    if (params.get("mode") === "received") {
      this.root.querySelector('input[name="pmkb-mode"][value="received"]').checked = true;
      this.updateModeLabel();
    }
    this.changed();
    this.requestCheck(true);
    const templateId = params.get("template");
    if (!templateId) return;
    // Own properties only: "constructor" or "__proto__" in the address names no template.
    const template = data.templates && Object.hasOwn(data.templates, templateId) ? data.templates[templateId] : undefined;
    this.templateNote.hidden = false;
    if (!template) {
      this.templateNote.textContent = `There is no template called “${templateId}”.`;
      return;
    }
    this.templateNote.replaceChildren(
      "Loaded the template ",
      el("a", { href: this.siteLink(template.url) }, template.title),
      `. Subject line: ${template.subject}. Replace every [bracketed] part before sending.`,
    );
    if (!this.textarea.value.trim()) {
      this.textarea.value = template.body;
      this.onInput();
    }
  }

  updateModeLabel() {
    this.label.textContent = this.mode() === "received" ? "The message you received" : "Your draft";
  }

  mode() {
    const checked = this.root.querySelector('input[name="pmkb-mode"]:checked');
    return checked ? checked.value : "draft";
  }

  options() {
    const options = { mode: this.mode() };
    for (const name of CONTEXT_FIELDS) {
      const value = this.root.querySelector(`select[name="${name}"]`).value;
      if (value) options[name] = value;
    }
    const program = this.root.querySelector('input[name="program_name"]').value.trim();
    if (program) options.program_name = program;
    return options;
  }

  // --- checking -------------------------------------------------------------------------------

  // `data-pending` on the root says the findings shown are not yet those of the current input.
  changed() {
    this.generation++;
    this.root.dataset.pending = "true";
  }

  onInput() {
    this.changed();
    this.fitHeight();
    this.shiftSpans(this.textarea.value);
    this.renderHighlights();
    this.requestCheck(false);
  }

  // After a pause, a keystroke is checked at once; during a burst of typing, ~150 ms after it.
  requestCheck(immediate) {
    const now = performance.now();
    const idle = now - this.lastInput >= DEBOUNCE_MS;
    this.lastInput = now;
    clearTimeout(this.timer);
    if (immediate || idle) this.sendCheck();
    else this.timer = setTimeout(() => this.sendCheck(), DEBOUNCE_MS);
  }

  sendCheck() {
    if (workerState.state !== "ready") return; // checked as soon as the runtime is ready
    if (this.inFlight) {
      this.wanted = true; // one request at a time; the newest text goes next
      return;
    }
    const text = this.textarea.value;
    const id = ++this.requestId;
    this.inFlight = { id, text, generation: this.generation };
    const log = window.pmkbCheckerLog ? window.pmkbCheckerLog.payload(this) : {}; // assets/log/checker-log.js
    this.worker.postMessage({ type: "check", id, text, options: this.options(), ...log });
  }

  handleWorker(message) {
    if (!this.root.isConnected) {
      workerListeners.delete(this.onWorkerMessage);
      return;
    }
    if (message.type === "progress") {
      this.progress.value = message.step;
      this.statusText.textContent = message.text;
    } else if (message.type === "ready") {
      this.becomeReady();
      this.root.dispatchEvent(new CustomEvent("pmkb:ready", { detail: message.timings || {} }));
    } else if (message.type === "error") {
      this.fail(message.message);
    } else if (message.type === "result" || message.type === "check-error") {
      if (!this.inFlight || message.id !== this.inFlight.id) return;
      const { text, generation } = this.inFlight;
      this.inFlight = null;
      if (message.type === "result") this.render(JSON.parse(message.report), text);
      else this.showCheckError(message.message);
      if (generation === this.generation) delete this.root.dataset.pending;
      if (this.wanted) {
        this.wanted = false;
        this.sendCheck();
      }
    }
  }

  becomeReady() {
    if (this.root.dataset.checkerState === "ready") return;
    this.progress.hidden = true;
    this.statusText.textContent = "The checker is ready. Your text stays in this browser.";
    this.root.dataset.checkerState = "ready";
    this.sendCheck();
  }

  fail(reason) {
    this.root.dataset.checkerState = "error";
    this.progress.hidden = true;
    this.statusText.textContent = "The checker could not start.";
    this.fallback.hidden = false;
    this.fallback.replaceChildren(
      `The checker cannot run in this browser (${reason}). You can still read `,
      el("a", { href: this.root.dataset.rulesUrl }, "the rules it checks"),
      ".",
    );
  }

  showCheckError(reason) {
    const lastLine = String(reason).trim().split("\n").pop();
    this.verdict.textContent = `The checker failed on this text: ${lastLine}`;
  }

  // --- findings -------------------------------------------------------------------------------

  render(report, text) {
    this.lastReport = report;
    const findings = report.findings || [];
    this.root.dataset.findingCount = String(findings.length);
    this.verdict.textContent = this.verdictLine(report);
    const sections = [];
    for (const [severity, heading] of SEVERITIES) {
      const group = findings.filter((finding) => finding.severity === severity);
      if (!group.length) continue;
      const headingId = `pmkb-group-${severity}`;
      sections.push(
        el(
          "section",
          { class: `pmkb-group pmkb-group--${severity}`, "aria-labelledby": headingId },
          el("h2", { id: headingId }, `${heading} (${group.length})`),
          el("ol", { class: "pmkb-group__list" }, ...group.map((finding) => this.renderFinding(finding, report.mode))),
        ),
      );
    }
    this.findingsBox.replaceChildren(...sections);
    if (text === this.textarea.value) {
      this.spans = findings
        .map((finding) => ({
          start: finding.start_utf16 ?? finding.start,
          end: finding.end_utf16 ?? finding.end,
          severity: finding.severity,
          category: finding.category,
        }))
        .filter((span) => Number.isInteger(span.start) && span.end > span.start && span.end <= text.length);
      this.spansText = text;
      this.renderHighlights();
    }
    this.root.dispatchEvent(new CustomEvent("pmkb:checked", { detail: { count: findings.length } }));
  }

  verdictLine(report) {
    // The engine words the verdict (counts included); the page only falls back to counts.
    const summary = report.summary || {};
    const verdict = String(summary.verdict || "").trim();
    if (verdict) return verdict;
    const count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
    return `${count(summary.errors || 0, "error")}, ${count(summary.warnings || 0, "warning")}, ${count(summary.suggestions || 0, "suggestion")}`;
  }

  renderFinding(finding, mode) {
    const id = `pmkb-finding-${++this.findingCounter}`;
    const item = el("li", {
      class: `pmkb-finding pmkb-finding--${finding.severity}`,
      "data-category": finding.category,
      "data-severity": finding.severity,
      "data-start": finding.start_utf16 ?? finding.start, // UTF-16 offsets in the checked text
      "data-end": finding.end_utf16 ?? finding.end,
      tabindex: "0",
      "aria-labelledby": `${id}-message`,
    });
    item.append(
      el(
        "p",
        { class: "pmkb-finding__message", id: `${id}-message` },
        el("span", { class: "pmkb-finding__severity" }, `${finding.severity}: `),
        finding.message || finding.category,
      ),
    );
    if (finding.excerpt) {
      item.append(el("p", { class: "pmkb-finding__excerpt" }, "In your text: ", el("q", {}, finding.excerpt)));
    }
    if (finding.explanation_html) {
      item.append(this.trustedHtml(finding.explanation_html, "pmkb-finding__explanation"));
    } else if (finding.explanation) {
      item.append(el("p", { class: "pmkb-finding__explanation" }, finding.explanation));
    }
    const suggestions = finding.suggestions || [];
    if (suggestions.length) {
      item.append(
        el("p", { class: "pmkb-finding__subhead" }, suggestions.length === 1 ? "Safer phrasing:" : "Safer phrasings:"),
        el("ul", { class: "pmkb-finding__suggestions" }, ...suggestions.map((s) => el("li", {}, s))),
      );
    }
    if (finding.reply && mode === "received") {
      item.append(
        el("p", { class: "pmkb-finding__subhead" }, "A reply you could send:"),
        el("blockquote", { class: "pmkb-finding__reply" }, finding.reply),
      );
    }
    if (finding.link) {
      item.append(
        el(
          "p",
          { class: "pmkb-finding__link" },
          el("a", { href: this.siteLink(finding.link), "aria-describedby": `${id}-message` }, "Read the rule"),
        ),
      );
    }
    item.addEventListener("focusin", () => this.setActive(finding, true));
    item.addEventListener("focusout", () => this.setActive(finding, false));
    return item;
  }

  // Explanations are Markdown rendered at build time from the knowledge base. They are copied
  // through an allow-list anyway, so nothing but plain formatting and links can reach the page.
  trustedHtml(html, className) {
    // assets/js/dom.js runs before any finding is rendered (it is loaded by the page body).
    return window.PMKB_DOM.copyTrustedHtml(html, el("div", { class: className }), (href) => this.siteLink(href));
  }

  // Links in findings name the public site; on any other host (a local build, a mirror) they
  // point into this copy of the site instead.
  siteLink(link) {
    let path = String(link || "");
    if (this.siteUrl && path.startsWith(this.siteUrl)) path = path.slice(this.siteUrl.length);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("#")) return path;
    return new URL(path.replace(/^\/+/, ""), this.siteBase).href;
  }

  // --- highlights -----------------------------------------------------------------------------

  // Keep earlier highlights in place while the next result is on its way: spans before the edit
  // stay, spans after it move with the text, spans touching it are dropped.
  shiftSpans(text) {
    const old = this.spansText;
    if (old === text) return;
    let prefix = 0;
    const limit = Math.min(old.length, text.length);
    while (prefix < limit && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (
      suffix < limit - prefix &&
      old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
    )
      suffix++;
    const oldEditEnd = old.length - suffix;
    const delta = text.length - old.length;
    this.spans = this.spans
      .filter((span) => span.end <= prefix || span.start >= oldEditEnd)
      .map((span) => (span.start >= oldEditEnd ? { ...span, start: span.start + delta, end: span.end + delta } : span));
    this.spansText = text;
  }

  renderHighlights() {
    const text = this.textarea.value;
    const rank = { error: 3, warning: 2, suggestion: 1 };
    const points = new Set([0, text.length]);
    for (const span of this.spans) points.add(span.start).add(span.end);
    const sorted = [...points].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    const nodes = [];
    for (let i = 0; i < sorted.length - 1; i++) {
      const [from, to] = [sorted[i], sorted[i + 1]];
      const piece = text.slice(from, to);
      const covering = this.spans.filter((span) => span.start <= from && span.end >= to);
      if (!covering.length) {
        nodes.push(document.createTextNode(piece));
        continue;
      }
      const top = covering.reduce((a, b) => (rank[b.severity] > rank[a.severity] ? b : a));
      const mark = el("mark", { class: `pmkb-mark pmkb-mark--${top.severity}`, "data-category": top.category }, piece);
      mark.dataset.start = String(top.start);
      nodes.push(mark);
    }
    // A final newline needs something after it to take up its line.
    nodes.push(document.createTextNode("\u200b"));
    this.highlights.replaceChildren(...nodes);
    this.syncScroll();
  }

  setActive(finding, on) {
    const start = String(finding.start_utf16 ?? finding.start);
    this.highlights.querySelectorAll("mark").forEach((mark) => {
      if (mark.dataset.category === finding.category && mark.dataset.start === start) {
        mark.classList.toggle("pmkb-mark--active", on);
      }
    });
  }

  fitHeight() {
    this.textarea.style.height = "auto";
    this.textarea.style.height = `${Math.max(this.textarea.scrollHeight + 2, 200)}px`;
  }

  syncScroll() {
    this.backdrop.scrollTop = this.textarea.scrollTop;
    this.backdrop.scrollLeft = this.textarea.scrollLeft;
  }
}

function initialise() {
  const root = document.getElementById("pmkb-checker");
  if (!root || root.dataset.pmkbStarted) return;
  root.dataset.pmkbStarted = "true";
  new CheckerPage(root).start();
}

// Start the runtime at once: from the page head, this runs before the body is even parsed.
const runtimeMeta = document.querySelector('meta[name="pmkb-checker-runtime"]');
if (runtimeMeta && typeof WebAssembly === "object" && typeof Worker === "function") {
  try {
    getWorker(runtimeMeta);
  } catch (error) {
    workerState = { state: "error", error: String(error.message || error), progress: null };
  }
}

// With the theme's instant navigation, pages arrive through `document$`; otherwise once.
function whenParsed() {
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(initialise);
  else initialise();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenParsed);
else whenParsed();
