// The checker page: an editor with marks in the text and a findings panel beside it (a bottom
// sheet on phones). The checking itself runs in a Web Worker (worker.mjs) on this site's own
// Pyodide. User text is only ever set as textContent or as a form value, never parsed as HTML.

// Severity in words and a shape, never colour alone. In received mode the findings are about what
// the program wrote, so they are worded as what the program should not have done.
const SEVERITIES = ["error", "warning", "suggestion"];
// The icons themselves are drawn by checker.css (.pmkb-finding__severity::before), out of the
// cards' accessible names.
const SEVERITY_WORDS = {
  draft: { error: "Error", warning: "Warning", suggestion: "Suggestion" },
  received: { error: "Not allowed for the program", warning: "Worth a careful look", suggestion: "Note" },
};
const SEVERITY_HEADINGS = {
  draft: { error: "Errors", warning: "Warnings", suggestion: "Suggestions" },
  received: { error: "What the program should not have done", warning: "Worth a careful look", suggestion: "Notes" },
};
const CONTEXT_WORDS = {
  applicant_type: ["Applicant", "any applicant"],
  phase: ["Season phase", "any phase"],
  recipient: ["Writing to", "anyone at the program"],
  specialty: ["Specialty", "any specialty"],
};
const CAVEAT =
  "A clean result means none of these patterns was found, not that the text is safe: the checker knows common wording, not your situation.";
// A suggestion that tells what to do ("Replace the placeholder…") is advice, not a phrasing.
const INSTRUCTION = /^(Replace|Write|Sign|Keep|Mention|Decline|Remove|Delete|Cut|Use|Add|Say|Ask|Avoid|Do not|Don't|You do not|You may|Consider|Thank you for your message\. To answer)\b/;
// Findings about the whole email's form, whose span is not a sentence to rephrase.
const WHOLE_TEXT_CATEGORIES = /^(missing-|too-long$|cadence$|reply-due$)/;
const ABBREVIATION = /\b(Dr|Mr|Mrs|Ms|Mx|Prof|St|Sr|Jr|vs|etc|No|e\.g|i\.e|U\.S)$/i;
const WIDE = "(min-width: 60em)";
const DEBOUNCE_MS = 150;
// A check normally takes milliseconds. One still running after this long is abandoned: the worker
// is replaced by a fresh one, so the next keystroke never waits behind it.
const CHECK_LIMIT_MS = 4000;
const CONTEXT_FIELDS = ["applicant_type", "phase", "recipient", "specialty"];

let sharedWorker = null; // one runtime per tab, kept across the theme's instant navigation
let workerState = { state: "loading", error: "", progress: null };
// After "ready", the worker says it has left the runtime files it downloaded in a cache for the
// service worker (sw.js), which keeps them from there and deletes it; deleted here when no service
// worker comes to take them.
let runtimeStaged = false;
let runtimeStaging = null;
const canKeepOffline = () => "serviceWorker" in navigator && window.isSecureContext && "caches" in window;
const workerListeners = new Set();

// `source` is the page head's runtime meta element or, after instant navigation, the checker's
// root element: both name the worker, the runtime folder and the lock file's version.
function getWorker(source) {
  if (sharedWorker) return sharedWorker;
  const runtimeUrl = new URL(source.content || source.dataset.runtimeUrl, location.href).href;
  const lockUrl = new URL(`pyodide-lock.json?v=${source.dataset.lockVersion}`, runtimeUrl).href;
  // The worker's address names the runtime version it expects: the service worker (checker/sw.js)
  // answers its runtime requests from a copy of that version only.
  const workerUrl = new URL(source.dataset.workerUrl, location.href);
  workerUrl.searchParams.set("v", source.dataset.lockVersion || "0");
  sharedWorker = new Worker(workerUrl, { type: "module" });
  sharedWorker.onmessage = (event) => {
    const message = event.data;
    if (message.type === "progress") workerState.progress = message;
    if (message.type === "ready") workerState = { state: "ready", error: "", progress: null };
    if (message.type === "staged") {
      runtimeStaged = true;
      runtimeStaging = message.staging || null;
    }
    if (message.type === "error") workerState = { state: "error", error: message.message, progress: null };
    workerListeners.forEach((listener) => listener(message));
  };
  sharedWorker.onerror = (event) => {
    workerState = { state: "error", error: event.message || "the checker's worker did not start" };
    workerListeners.forEach((listener) => listener({ type: "error", message: workerState.error }));
  };
  // `keep`: the worker leaves the runtime files it downloads for the service worker that
  // keepForOffline registers, so that it need not download them again.
  sharedWorker.postMessage({ type: "init", runtimeUrl, lockUrl, keep: canKeepOffline() });
  return sharedWorker;
}

// A check that runs away cannot be interrupted inside the worker: end the worker, start anew.
function restartWorker(source) {
  if (sharedWorker) sharedWorker.terminate();
  sharedWorker = null;
  workerState = { state: "loading", error: "", progress: null };
  return getWorker(source);
}

// The site's one DOM helper (assets/js/dom.js), looked up when used: this module may run before
// that classic script has.
function el(tag, attributes = {}, ...children) {
  return window.PMKB_DOM.el(tag, attributes, ...children);
}

class CheckerPage {
  constructor(root) {
    this.root = root;
    this.textarea = root.querySelector("#pmkb-text");
    this.label = root.querySelector(".pmkb-checker__label");
    this.highlights = root.querySelector(".pmkb-editor__highlights");
    this.backdrop = root.querySelector(".pmkb-editor__backdrop");
    this.panel = root.querySelector(".pmkb-panel");
    this.panelToggle = root.querySelector(".pmkb-panel__toggle");
    this.previousButton = root.querySelector(".pmkb-panel__prev");
    this.nextButton = root.querySelector(".pmkb-panel__next");
    this.summaryBox = root.querySelector(".pmkb-checker__summary");
    this.findingsBox = root.querySelector(".pmkb-checker__findings");
    this.verdict = root.querySelector(".pmkb-checker__verdict");
    this.undoBar = root.querySelector(".pmkb-checker__undo");
    this.statusText = root.querySelector(".pmkb-checker__status-text");
    this.progress = root.querySelector(".pmkb-checker__progress");
    this.fallback = root.querySelector(".pmkb-checker__fallback[hidden]");
    this.templateNote = root.querySelector(".pmkb-checker__template-note");
    this.siteBase = new URL(`${root.dataset.siteBase || "."}/`, location.href);
    this.siteUrl = "";
    this.data = null; // checker/data.json: context labels, check titles, templates
    this.requestId = 0;
    this.inFlight = null; // {id, text, generation, usedLog}
    this.wanted = false;
    this.timer = 0;
    this.lastInput = 0;
    this.spans = []; // highlight spans for this.spansText, each naming its occurrence
    this.spansText = "";
    this.findingCounter = 0;
    this.generation = 0; // bumped by every change of text, mode or context
    this.occurrences = []; // every finding of the shown report, in text order
    this.current = -1; // the occurrence whose card is open
    this.undo = null; // {start, inserted, removed, after}
    this.wide = window.matchMedia ? window.matchMedia(WIDE) : { matches: true, addEventListener() {} };
  }

  start() {
    this.bindEditor();
    if (window.pmkbCheckerLog) {
      window.pmkbCheckerLog.mount(this);
      // assets/log/checker-log.js puts its panel after the findings; it belongs under the editor.
      const slot = this.root.querySelector(".pmkb-checker__log-slot");
      if (this.logPanel && slot) slot.replaceWith(this.logPanel);
    }
    this.loadData();
    this.batch = new BatchChecker(this);
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
    // A click (or tap) in a marked span opens that finding's card; so does moving the caret into
    // one with the keyboard (on wide screens, where the card opens beside the text).
    this.textarea.addEventListener("click", () => this.openAtCaret(true));
    this.textarea.addEventListener("keyup", (event) => {
      if (/^(Arrow|Home|End|Page)/.test(event.key)) this.openAtCaret(this.wide.matches);
    });
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
    this.panelToggle.addEventListener("click", () => this.setSheetOpen(this.panel.dataset.open !== "true"));
    this.panel.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || this.wide.matches || this.panel.dataset.open !== "true") return;
      this.setSheetOpen(false);
      this.panelToggle.focus();
    });
    this.previousButton.addEventListener("click", () => this.step(-1));
    this.nextButton.addEventListener("click", () => this.step(1));
    this.wide.addEventListener("change", () => this.setSheetOpen(this.panel.dataset.open === "true"));
    this.setSheetOpen(false);
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(() => this.fitHeight()).observe(this.textarea);
    }
    this.updateModeLabel();
    this.renderHighlights();
    this.renderEmpty();
  }

  // On wide screens the panel is always open; on narrow ones it is a sheet the bar opens.
  setSheetOpen(open) {
    const shown = this.wide.matches || open;
    this.panel.dataset.open = shown ? "true" : "false";
    this.panelToggle.setAttribute("aria-expanded", shown ? "true" : "false");
    this.panelToggle.disabled = this.wide.matches; // beside the text, the panel is always open
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
    this.data = data;
    this.siteUrl = data.site_url || "";
    for (const name of CONTEXT_FIELDS) {
      const select = this.root.querySelector(`select[name="${name}"]`);
      for (const option of (data.context && data.context[name]) || []) {
        select.append(el("option", { value: option.id }, option.label));
      }
    }
    this.applyQuery(data);
    if (this.lastReport) this.render(this.lastReport, this.lastText);
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
    const template = this.template(templateId);
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

  // Own properties only: "constructor" or "__proto__" in the address names no template.
  template(templateId) {
    const templates = this.data && this.data.templates;
    return templates && Object.hasOwn(templates, templateId) ? templates[templateId] : undefined;
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
    if (this.undo && this.textarea.value !== this.undo.after) this.clearUndo();
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
    if (this.tooLong && this.tooLong.text === text && this.tooLong.generation === this.generation) {
      delete this.root.dataset.pending; // the verdict shown (too long to check) is this text's
      return;
    }
    const id = ++this.requestId;
    const log = window.pmkbCheckerLog ? window.pmkbCheckerLog.payload(this) : {}; // assets/log/checker-log.js
    this.inFlight = { id, text, generation: this.generation, usedLog: Boolean(log.log) };
    this.worker.postMessage({ type: "check", id, text, options: this.options(), ...log });
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.abandonCheck(id), CHECK_LIMIT_MS);
  }

  abandonCheck(id) {
    if (!this.inFlight || this.inFlight.id !== id || !this.root.isConnected) return;
    const { text, generation } = this.inFlight;
    this.inFlight = null;
    this.wanted = false;
    this.tooLong = { text, generation };
    this.root.dataset.checkerState = "loading";
    this.root.dataset.verdict = "too-long";
    this.progress.hidden = false;
    this.progress.value = 0;
    this.restarting = true;
    this.statusText.textContent = "A check took too long and was stopped; restarting the checker. You can keep typing.";
    this.verdict.textContent = `Checking this text took longer than ${CHECK_LIMIT_MS / 1000} seconds, so it was stopped. Edit or shorten the text to check it again.`;
    this.occurrences = [];
    this.current = -1;
    this.spans = [];
    this.renderHighlights();
    this.summaryBox.replaceChildren();
    this.findingsBox.replaceChildren();
    this.previousButton.disabled = this.nextButton.disabled = true;
    try {
      this.worker = restartWorker(this.root);
    } catch (error) {
      this.fail(String(error.message || error));
    }
  }

  handleWorker(message) {
    if (!this.root.isConnected) {
      workerListeners.delete(this.onWorkerMessage);
      return;
    }
    if (message.type === "progress") {
      this.progress.value = message.step;
      if (!this.restarting) this.statusText.textContent = message.text;
    } else if (message.type === "ready") {
      this.becomeReady();
      this.root.dispatchEvent(new CustomEvent("pmkb:ready", { detail: message.timings || {} }));
    } else if (message.type === "staged") {
      this.keepForOffline();
    } else if (message.type === "error") {
      this.fail(message.message);
    } else if (message.type === "result" || message.type === "check-error") {
      if (!this.inFlight || message.id !== this.inFlight.id) return;
      const { text, generation, usedLog } = this.inFlight;
      this.inFlight = null;
      clearTimeout(this.watchdog);
      if (message.type === "result") {
        this.usedLog = usedLog;
        this.render(JSON.parse(message.report), text);
      } else this.showCheckError(message.message);
      if (generation === this.generation) delete this.root.dataset.pending;
      if (this.wanted) {
        this.wanted = false;
        this.sendCheck();
      }
    }
  }

  becomeReady() {
    if (this.root.dataset.checkerState === "ready") return;
    this.restarting = false;
    this.progress.hidden = true;
    this.statusText.textContent = "Ready. Your text stays in this browser.";
    this.root.dataset.checkerState = "ready";
    this.sendCheck();
    this.keepForOffline();
  }

  // Once the checker runs, a service worker (checker/sw.js) keeps the page, the runtime and the
  // checker, so the next visit loads them from this browser and the checker works offline.
  // Registered when the worker has left its runtime files for it (never during the first download).
  keepForOffline() {
    const { swUrl, swScope, lockVersion } = this.root.dataset;
    if (this.offlineStarted || !runtimeStaged || this.root.dataset.checkerState !== "ready") return;
    if (!swUrl || !canKeepOffline()) return;
    this.offlineStarted = true;
    const scope = new URL(swScope, location.href);
    const runtime = new URL(this.root.dataset.runtimeUrl, location.href).href;
    navigator.serviceWorker.addEventListener("message", (event) => {
      const message = event.data || {};
      if (message.type === "kept") {
        this.root.dataset.offline = "ready";
        if (this.root.dataset.checkerState === "ready") this.statusText.textContent = "Ready, and ready offline. Your text stays in this browser.";
      } else if (message.type === "keep-failed") this.root.dataset.offline = "unavailable";
    });
    navigator.serviceWorker
      .register(new URL(`${swUrl}?v=${encodeURIComponent(lockVersion || "0")}`, location.href), { scope: scope.pathname })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const worker = new URL(this.root.dataset.workerUrl, location.href);
        worker.searchParams.set("v", lockVersion || "0");
        const urls = [location.href.split("#")[0], worker.href];
        for (const entry of performance.getEntriesByType("resource")) urls.push(entry.name);
        const own = [...new Set(urls)].filter((url) => new URL(url).origin === location.origin && !url.startsWith(runtime));
        registration.active.postMessage({ type: "keep", urls: own });
      })
      .catch(() => {
        this.root.dataset.offline = "unavailable";
        if (runtimeStaging) caches.delete(runtimeStaging).catch(() => {});
      });
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

  // --- verdict and findings -------------------------------------------------------------------

  renderEmpty() {
    this.root.dataset.verdict = "empty";
    this.verdict.textContent = this.mode() === "received" ? "Paste the message you received to check it." : "Paste or type your draft to check it.";
    this.summaryBox.replaceChildren(
      el("p", {}, "The findings appear here as you type, each marked in your text. Nothing you type leaves this browser."),
    );
    this.findingsBox.replaceChildren();
  }

  render(report, text) {
    this.lastReport = report;
    this.lastText = text;
    const findings = report.findings || [];
    const mode = report.mode === "received" ? "received" : "draft";
    this.root.dataset.findingCount = String(findings.length);
    const previous = this.occurrences[this.current];
    this.occurrences = [];
    this.current = -1;
    if (!text.trim()) {
      this.renderEmpty();
    } else {
      const groups = this.group(findings, text);
      this.root.dataset.verdict = findings.length ? "findings" : "clean";
      this.verdict.textContent = findings.length ? this.verdictLine(report, groups) : this.cleanLine(mode);
      this.summaryBox.replaceChildren(...(findings.length ? [] : this.cleanSummary(report, mode)));
      const sections = [];
      for (const severity of SEVERITIES) {
        const inSeverity = groups.filter((group) => group.severity === severity);
        if (!inSeverity.length) continue;
        const headingId = `pmkb-group-${severity}`;
        const count = inSeverity.reduce((n, group) => n + group.occurrences.length, 0);
        sections.push(
          el(
            "section",
            { class: `pmkb-group pmkb-group--${severity}`, "aria-labelledby": headingId },
            el("h3", { id: headingId }, `${SEVERITY_HEADINGS[mode][severity]} (${count})`),
            el("ol", { class: "pmkb-group__list" }, ...inSeverity.map((group) => this.renderGroup(group, mode))),
          ),
        );
      }
      this.findingsBox.replaceChildren(...sections);
      this.occurrences = groups.flatMap((group) => group.occurrences).sort((a, b) => a.start - b.start || a.end - b.end);
      this.occurrences.forEach((occurrence, index) => (occurrence.index = index));
      // Keep the open card open when the same finding is still there after an edit.
      if (previous) {
        const same = this.occurrences.find((o) => o.group.key === previous.group.key && o.excerpt === previous.excerpt);
        if (same) this.select(same.index, { scrollCard: false, scrollText: false });
      }
    }
    this.previousButton.disabled = this.nextButton.disabled = this.occurrences.length === 0;
    if (text === this.textarea.value) {
      this.spans = this.occurrences
        .filter((o) => Number.isInteger(o.start) && o.end > o.start && o.end <= text.length)
        .map((o) => ({ start: o.start, end: o.end, severity: o.group.severity, category: o.group.category, occurrence: o.index }));
      this.spansText = text;
      this.renderHighlights();
    }
    this.root.dispatchEvent(new CustomEvent("pmkb:checked", { detail: { count: findings.length } }));
  }

  // Findings with the same category and message are one card with a count.
  group(findings, text) {
    const groups = new Map();
    for (const finding of findings) {
      const key = `${finding.category}\u0000${finding.severity}\u0000${finding.message}`;
      if (!groups.has(key)) {
        groups.set(key, { key, category: finding.category, severity: finding.severity, finding, occurrences: [] });
      }
      const start = finding.start_utf16 ?? finding.start;
      const end = finding.end_utf16 ?? finding.end;
      const group = groups.get(key);
      group.occurrences.push({ group, finding, start, end, excerpt: finding.excerpt || text.slice(start, end) });
    }
    return [...groups.values()].sort((a, b) => a.occurrences[0].start - b.occurrences[0].start);
  }

  verdictLine(report, groups) {
    const summary = report.summary || {};
    const count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
    if (report.mode === "received") {
      const errors = summary.errors || 0;
      const others = (summary.warnings || 0) + (summary.suggestions || 0);
      if (errors) {
        return `The program should not have written ${count(errors, "thing")} in this message. You have done nothing wrong: see the reply you could send and how to keep a record.`;
      }
      return `${count(others, "point")} in this message ${others === 1 ? "is" : "are"} worth a careful look.`;
    }
    // The engine words the draft verdict (counts included); the page only falls back to counts.
    const verdict = String(summary.verdict || "").trim();
    if (verdict) return verdict;
    return `${count(summary.errors || 0, "error")}, ${count(summary.warnings || 0, "warning")}, ${count(summary.suggestions || 0, "suggestion")}`;
  }

  checksRun(mode) {
    const checks = Object.entries((this.data && this.data.checks) || {}).filter(([, check]) => check.mode === mode);
    const needLog = mode === "draft" && !this.usedLog;
    return {
      ran: checks.filter(([, check]) => !(needLog && check.needs_log)).map(([, check]) => check.title),
      skipped: checks.filter(([, check]) => needLog && check.needs_log).map(([, check]) => check.title),
    };
  }

  cleanLine(mode) {
    const { ran } = this.checksRun(mode);
    const checks = ran.length ? ` in ${ran.length} checks` : "";
    return mode === "received"
      ? `Nothing found${checks} that the program should not have written.`
      : `No problems found${checks}.`;
  }

  cleanSummary(report, mode) {
    const { ran, skipped } = this.checksRun(mode);
    const parts = [];
    if (ran.length) {
      parts.push(
        el("p", { class: "pmkb-checker__checks-heading" }, mode === "received" ? "Checked the message for:" : "Checked your draft for:"),
        el("ul", { class: "pmkb-checker__checks" }, ...ran.map((title) => el("li", {}, title))),
      );
    }
    if (skipped.length) {
      parts.push(el("p", {}, `Not checked without your communication log and the program's name: ${skipped.join("; ")}.`));
    }
    parts.push(el("p", { class: "pmkb-checker__context-used" }, `Context used: ${this.contextWords(report)}.`));
    parts.push(el("p", { class: "pmkb-checker__caveat" }, CAVEAT));
    return parts;
  }

  // The context the engine itself reports it used, in the menus' words.
  contextWords(report) {
    const used = report.context || {};
    const words = Object.entries(CONTEXT_WORDS).map(([name, [label, any]]) => {
      const value = used[name];
      if (!value) return any;
      const option = ((this.data && this.data.context && this.data.context[name]) || []).find((o) => o.id === value);
      return `${label.toLowerCase()}: ${option ? option.label : value}`;
    });
    if (used.program_name) words.push(`program: ${used.program_name}`);
    return words.join(", ");
  }

  renderGroup(group, mode) {
    const { finding, occurrences } = group;
    const id = `pmkb-finding-${++this.findingCounter}`;
    const item = el("li", {
      class: `pmkb-finding pmkb-finding--${group.severity}`,
      "data-category": group.category,
      "data-severity": group.severity,
      "data-start": occurrences[0].start, // UTF-16 offsets in the checked text
      "data-end": occurrences[0].end,
      "data-count": occurrences.length,
      "data-occurrences": occurrences.map((o) => `${o.start}-${o.end}`).join(","),
      tabindex: "0",
      "aria-labelledby": `${id}-message`,
    });
    group.element = item;
    const word = SEVERITY_WORDS[mode][group.severity];
    item.append(
      el(
        "p",
        { class: "pmkb-finding__message", id: `${id}-message` },
        el(
          "span",
          { class: "pmkb-finding__severity" },
          `${word}:`,
        ),
        " ",
        finding.message || finding.category,
        occurrences.length > 1 ? el("span", { class: "pmkb-finding__count" }, ` (${occurrences.length} times)`) : null,
      ),
    );
    // Each place in the text, as a button that scrolls the text to it.
    const places = el("ul", { class: "pmkb-finding__occurrences", "aria-label": "Where it is in your text" });
    occurrences.forEach((occurrence, n) => {
      const button = el(
        "button",
        {
          type: "button",
          class: "pmkb-finding__occurrence",
          "aria-label": occurrences.length > 1 ? `Show “${occurrence.excerpt}” in the text (${n + 1} of ${occurrences.length})` : `Show “${occurrence.excerpt}” in the text`,
        },
        `“${occurrence.excerpt}”`,
      );
      button.addEventListener("click", () => this.select(occurrence.index, { scrollCard: false, scrollText: true }));
      occurrence.button = button;
      places.append(el("li", {}, button));
    });
    item.append(el("p", { class: "pmkb-finding__excerpt" }, mode === "received" ? "In the message:" : "In your text:"), places);
    const suggestions = finding.suggestions || [];
    if (suggestions.length) {
      // Wording you could use is a "safer phrasing"; advice on what to do, or on your rights when a
      // program overstepped, is said as such.
      const phrasings = suggestions.filter((s) => !INSTRUCTION.test(s)).length;
      let subhead = phrasings === 1 ? "Safer phrasing:" : "Safer phrasings:";
      if (mode === "received") subhead = "Good to know:";
      else if (!phrasings) subhead = "What to do:";
      item.append(
        el("p", { class: "pmkb-finding__subhead" }, subhead),
        el("ul", { class: "pmkb-finding__suggestions" }, ...suggestions.map((s) => this.renderSuggestion(s, group, mode))),
      );
    }
    if (finding.reply && mode === "received") {
      const reply = el("blockquote", { class: "pmkb-finding__reply" }, finding.reply);
      item.append(
        el("p", { class: "pmkb-finding__subhead" }, "A reply you could send:"),
        reply,
        el("p", { class: "pmkb-finding__actions" }, this.copyButton(finding.reply, "Copy the reply")),
      );
    }
    if (mode === "received" && group.severity === "error") item.append(...this.receivedSteps());
    // The why, folded: the card stays short beside the text.
    if (finding.explanation_html || finding.explanation) {
      item.append(
        el(
          "details",
          { class: "pmkb-finding__why" },
          el("summary", {}, "Why this matters"),
          finding.explanation_html
            ? this.trustedHtml(finding.explanation_html, "pmkb-finding__explanation")
            : el("p", { class: "pmkb-finding__explanation" }, finding.explanation),
        ),
      );
    }
    const links = el("p", { class: "pmkb-finding__link" });
    if (finding.link) {
      links.append(el("a", { href: this.siteLink(finding.link), "aria-describedby": `${id}-message` }, "Read the rule"));
    }
    for (const templateId of this.templatesFor(finding)) {
      const template = this.template(templateId);
      if (links.childNodes.length) links.append(" · ");
      links.append(el("a", { href: this.siteLink(template.url), class: "pmkb-finding__template" }, `Template: ${template.title}`));
    }
    if (links.childNodes.length) item.append(links);
    item.addEventListener("focusin", () => this.markGroup(group, true));
    item.addEventListener("focusout", () => this.markGroup(group, false));
    return item;
  }

  templatesFor(finding) {
    const ids = (this.data && this.data.rule_templates && Object.hasOwn(this.data.rule_templates, finding.rule) && this.data.rule_templates[finding.rule]) || [];
    return ids.filter((id) => this.template(id)).slice(0, 1);
  }

  receivedSteps() {
    return [
      el("p", { class: "pmkb-finding__subhead" }, "What you can do:"),
      el(
        "ol",
        { class: "pmkb-finding__steps" },
        el("li", {}, "Reply politely, or not at all: you do not have to answer this."),
        el(
          "li",
          {},
          "Keep a record: save the message and note the date, who wrote and how, in ",
          el("a", { href: this.root.dataset.logUrl }, "your communication log"),
          ".",
        ),
        el(
          "li",
          {},
          "If it continues or feels like pressure, you can ask the NRMP for confidential advice or ",
          el("a", { href: this.root.dataset.reportUrl }, "report it"),
          ".",
        ),
      ),
    ];
  }

  renderSuggestion(suggestion, group, mode) {
    const item = el("li", {}, el("span", { class: "pmkb-finding__suggestion" }, suggestion));
    const instruction = INSTRUCTION.test(suggestion);
    if (instruction) return item;
    const actions = el("span", { class: "pmkb-finding__actions" });
    const phrasing = /[.!?]$/.test(suggestion) && !/[[\](){}]|\.\.\.|…/.test(suggestion);
    if (mode === "draft" && phrasing && !WHOLE_TEXT_CATEGORIES.test(group.category)) {
      const button = el("button", { type: "button", "data-action": "replace" }, "Replace");
      button.setAttribute("aria-label", `Replace the sentence with: ${suggestion}`);
      button.addEventListener("click", () => this.replace(group, suggestion));
      actions.append(button);
    }
    actions.append(this.copyButton(suggestion, `Copy: ${suggestion}`));
    item.append(actions);
    return item;
  }

  copyButton(text, label) {
    const button = el("button", { type: "button", "data-action": "copy", "aria-label": label }, "Copy");
    button.addEventListener("click", async () => {
      const done = await copyText(text);
      button.textContent = done ? "Copied" : "Copy failed";
      setTimeout(() => (button.textContent = "Copy"), 2000);
    });
    return button;
  }

  // --- replace and undo -----------------------------------------------------------------------

  // The active occurrence of the group (or its first) is in a sentence; the phrasing replaces
  // that sentence. The edit goes through the browser's own editing, so Ctrl+Z undoes it too.
  replace(group, suggestion) {
    const text = this.textarea.value;
    if (text !== this.lastText) return; // the card belongs to an older text
    const active = this.occurrences[this.current];
    const occurrence = active && active.group === group ? active : group.occurrences[0];
    const [start, end] = sentenceBounds(text, occurrence.start, occurrence.end);
    const removed = text.slice(start, end);
    this.editText(start, end, suggestion);
    this.undo = { start, inserted: suggestion, removed, after: this.textarea.value };
    const undoButton = el("button", { type: "button", "data-action": "undo" }, "Undo");
    undoButton.addEventListener("click", () => this.undoReplace());
    this.undoBar.hidden = false;
    this.undoBar.replaceChildren(`Replaced “${removed}” with “${suggestion}”. `, undoButton);
  }

  undoReplace() {
    const undo = this.undo;
    if (!undo || this.textarea.value !== undo.after) return;
    this.editText(undo.start, undo.start + undo.inserted.length, undo.removed);
    this.clearUndo();
    this.undoBar.hidden = false;
    this.undoBar.textContent = "Restored your sentence.";
  }

  clearUndo() {
    this.undo = null;
    this.undoBar.hidden = true;
    this.undoBar.replaceChildren();
  }

  editText(start, end, replacement) {
    const area = this.textarea;
    area.focus({ preventScroll: true });
    area.setSelectionRange(start, end);
    const before = area.value;
    let done = false;
    try {
      done = document.execCommand("insertText", false, replacement); // fires "input" itself
    } catch (error) {
      done = false;
    }
    if (!done || area.value === before) {
      area.setRangeText(replacement, start, end, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  // --- moving between marks and cards ---------------------------------------------------------

  openAtCaret(showCard) {
    if (this.textarea.selectionStart !== this.textarea.selectionEnd) return;
    const at = this.textarea.selectionStart;
    const rank = { error: 3, warning: 2, suggestion: 1 };
    const hits = this.spans.filter((span) => span.start <= at && at <= span.end && span.occurrence !== undefined);
    if (!hits.length) {
      // On a phone, a tap in plain text is a return to writing: the sheet folds away.
      if (showCard && !this.wide.matches) this.setSheetOpen(false);
      return;
    }
    const best = hits.reduce((a, b) => (rank[b.severity] > rank[a.severity] || (rank[b.severity] === rank[a.severity] && b.end - b.start < a.end - a.start) ? b : a));
    this.select(best.occurrence, { scrollCard: showCard, scrollText: false });
  }

  step(direction) {
    if (!this.occurrences.length) return;
    const count = this.occurrences.length;
    const next = this.current < 0 ? (direction > 0 ? 0 : count - 1) : (this.current + direction + count) % count;
    this.select(next, { scrollCard: true, scrollText: true });
  }

  select(index, { scrollCard, scrollText }) {
    const occurrence = this.occurrences[index];
    if (!occurrence) return;
    this.current = index;
    this.root.querySelectorAll(".pmkb-finding--active").forEach((item) => item.classList.remove("pmkb-finding--active"));
    this.root.querySelectorAll(".pmkb-finding__occurrence[aria-current]").forEach((b) => b.removeAttribute("aria-current"));
    const card = occurrence.group.element;
    card.classList.add("pmkb-finding--active");
    if (occurrence.button) occurrence.button.setAttribute("aria-current", "true");
    this.root.dataset.current = String(index);
    this.highlights.querySelectorAll("mark.pmkb-mark--active").forEach((mark) => mark.classList.remove("pmkb-mark--active"));
    this.highlights.querySelectorAll(`mark[data-occurrence="${index}"]`).forEach((mark) => mark.classList.add("pmkb-mark--active"));
    if (scrollCard) {
      this.setSheetOpen(true);
      this.scrollToCard(card);
    }
    if (scrollText) this.scrollToMark(index);
  }

  // Bring the card's top into the panel's view (below the panel's own bar on wide screens, where
  // the bar sticks at the panel's top), then make sure the page shows it too.
  scrollToCard(card) {
    const scroller = this.wide.matches ? this.panel : this.panel.querySelector(".pmkb-panel__body");
    const bar = this.wide.matches ? this.panel.querySelector(".pmkb-panel__head").offsetHeight : 0;
    const offset = card.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    scroller.scrollTop = Math.max(0, offset - bar - 8);
    const box = card.getBoundingClientRect();
    if (box.top < 0 || box.top > window.innerHeight - 40) card.scrollIntoView({ block: "start" });
  }

  // Bring the mark to the upper part of the window, clear of the header and of an open sheet.
  scrollToMark(index) {
    const mark = this.highlights.querySelector(`mark[data-occurrence="${index}"]`);
    if (!mark) return;
    const box = mark.getBoundingClientRect();
    const top = window.innerHeight * (this.wide.matches ? 0.3 : 0.15);
    const header = document.querySelector(".md-header");
    const clear = header ? header.getBoundingClientRect().bottom + 8 : 8;
    const sheetTop = this.wide.matches ? window.innerHeight : this.panel.getBoundingClientRect().top;
    if (box.top < clear || box.bottom > sheetTop - 8) window.scrollBy({ top: box.top - Math.max(top, clear), behavior: "instant" });
  }

  markGroup(group, on) {
    const indexes = new Set(group.occurrences.map((o) => String(o.index)));
    this.highlights.querySelectorAll("mark").forEach((mark) => {
      if (indexes.has(mark.dataset.occurrence)) mark.classList.toggle("pmkb-mark--focus", on);
    });
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
      if (top.occurrence !== undefined) mark.dataset.occurrence = String(top.occurrence);
      if (top.occurrence !== undefined && top.occurrence === this.current) mark.classList.add("pmkb-mark--active");
      nodes.push(mark);
    }
    // A final newline needs something after it to take up its line.
    nodes.push(document.createTextNode("\u200b"));
    this.highlights.replaceChildren(...nodes);
    this.syncScroll();
  }

  fitHeight() {
    this.textarea.style.height = "auto";
    this.textarea.style.height = `${Math.max(this.textarea.scrollHeight + 2, 240)}px`;
  }

  syncScroll() {
    this.backdrop.scrollTop = this.textarea.scrollTop;
    this.backdrop.scrollLeft = this.textarea.scrollLeft;
  }
}

// Many drafts at once: split on lines of "---" by the checker itself (checker/batch.py, the
// command line's rule), or one draft per file; checked one after the other by the same worker,
// then a table, a CSV and a printable report. Ids "batch-N" keep the editor's own checks apart.
const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r", "'"];

class BatchChecker {
  constructor(page) {
    this.page = page;
    this.box = page.root.querySelector(".pmkb-batch");
    if (!this.box) return;
    this.input = this.box.querySelector(".pmkb-batch__text");
    this.files = this.box.querySelector('input[name="batch_files"]');
    this.status = this.box.querySelector(".pmkb-batch__status");
    this.results = this.box.querySelector(".pmkb-batch__results");
    this.body = this.box.querySelector("tbody");
    this.rows = [];
    this.counter = 0;
    this.box.querySelector('[data-action="batch-check"]').addEventListener("click", () => this.run());
    this.box.querySelector('[data-action="batch-csv"]').addEventListener("click", () => this.exportCsv());
    this.box.querySelector('[data-action="batch-print"]').addEventListener("click", () => this.print());
    this.files.addEventListener("change", () => this.run());
  }

  async drafts() {
    const pasted = this.input.value.trim() ? await this.ask("split", { text: this.input.value }) : [];
    if (!pasted) throw new Error("the pasted text could not be split in time");
    const drafts = pasted.map((text, i) => ({ name: `Draft ${i + 1}: ${firstLine(text)}`, text }));
    for (const file of this.files.files || []) {
      drafts.push({ name: file.name, text: await file.text() });
    }
    return drafts;
  }

  async run() {
    if (this.running) return;
    const empty = "Paste drafts separated by a line of ---, or open text files.";
    if (!this.input.value.trim() && !(this.files.files || []).length) {
      this.status.textContent = empty;
      return;
    }
    this.running = true;
    this.rows = [];
    this.body.replaceChildren();
    this.results.hidden = true;
    try {
      await this.whenReady();
      const drafts = await this.drafts();
      if (!drafts.length) {
        this.status.textContent = empty;
        return;
      }
      for (const [i, draft] of drafts.entries()) {
        this.status.textContent = `Checking draft ${i + 1} of ${drafts.length}…`;
        const report = await this.check(draft.text);
        this.rows.push(this.row(draft, report));
      }
      this.results.hidden = false;
      this.status.textContent = `Checked ${drafts.length} draft${drafts.length === 1 ? "" : "s"}.`;
    } catch (error) {
      this.status.textContent = `The drafts could not be checked: ${error.message || error}`;
    } finally {
      this.running = false;
      this.page.root.dataset.batch = "done";
    }
  }

  whenReady() {
    if (workerState.state === "ready") return Promise.resolve();
    if (workerState.state === "error") return Promise.reject(new Error(workerState.error));
    this.status.textContent = "Waiting for the checker to load…";
    return new Promise((resolve, reject) => {
      const listener = (message) => {
        if (message.type === "ready") resolve();
        else if (message.type === "error") reject(new Error(message.message));
        else return;
        workerListeners.delete(listener);
      };
      workerListeners.add(listener);
    });
  }

  async check(text) {
    const report = await this.ask("check", { text, options: this.page.options() });
    return report === null ? null : JSON.parse(report);
  }

  // One request to the worker ("check" answers with a report, "split" with the drafts); null
  // when it takes too long.
  ask(type, fields) {
    const id = `batch-${++this.counter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        workerListeners.delete(listener);
        resolve(null); // not checked: it took too long
      }, CHECK_LIMIT_MS * 2);
      const listener = (message) => {
        if (message.id !== id) return;
        workerListeners.delete(listener);
        clearTimeout(timer);
        if (message.type === "result") resolve(message.report);
        else if (message.type === "drafts") resolve(message.drafts);
        else reject(new Error(String(message.message || "check failed").trim().split("\n").pop()));
      };
      workerListeners.add(listener);
      sharedWorker.postMessage({ type, id, ...fields });
    });
  }

  row(draft, report) {
    const summary = (report && report.summary) || {};
    const rank = { error: 0, warning: 1, suggestion: 2 };
    const first = report && [...(report.findings || [])].sort((a, b) => rank[a.severity] - rank[b.severity] || (a.start_utf16 ?? a.start) - (b.start_utf16 ?? b.start))[0];
    const row = {
      name: draft.name,
      text: draft.text,
      errors: report ? summary.errors || 0 : "",
      warnings: report ? summary.warnings || 0 : "",
      suggestions: report ? summary.suggestions || 0 : "",
      problem: !report ? "Not checked: it took too long." : first ? `${first.message}${first.excerpt ? ` (“${first.excerpt}”)` : ""}` : "No problems found.",
      category: first ? first.category : "",
    };
    const open = el("button", { type: "button", "aria-label": `Open ${draft.name} in the editor` }, "Open");
    open.addEventListener("click", () => {
      this.page.textarea.value = draft.text;
      this.page.onInput();
      this.page.textarea.focus();
      this.page.textarea.scrollIntoView({ block: "center" });
    });
    this.body.append(
      el(
        "tr",
        { "data-category": row.category },
        el("th", { scope: "row" }, row.name),
        el("td", {}, String(row.errors)),
        el("td", {}, String(row.warnings)),
        el("td", {}, String(row.suggestions)),
        el("td", {}, row.problem),
        el("td", {}, open),
      ),
    );
    return row;
  }

  exportCsv() {
    const cell = (value) => {
      const text = String(value);
      const guarded = FORMULA_STARTS.some((start) => text.startsWith(start)) ? `'${text}` : text;
      return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
    };
    const lines = [["draft", "errors", "warnings", "suggestions", "first_problem", "category"].join(",")];
    for (const row of this.rows) {
      lines.push([row.name, row.errors, row.warnings, row.suggestions, row.problem, row.category].map(cell).join(","));
    }
    const url = URL.createObjectURL(new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" }));
    const link = el("a", { href: url, download: "checker-report.csv" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  print() {
    document.documentElement.classList.add("pmkb-print-batch");
    const done = () => {
      document.documentElement.classList.remove("pmkb-print-batch");
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  }
}

function firstLine(text) {
  const line = text.split("\n").find((l) => l.trim()) || "";
  return line.trim().length > 40 ? `${line.trim().slice(0, 39)}…` : line.trim();
}

// The sentence around [start, end): from after the previous sentence end or line break to the
// next sentence end (its closing quotes and brackets included) or line break.
function sentenceBounds(text, start, end) {
  const endsSentence = (i) => /[.!?]/.test(text[i]) && !ABBREVIATION.test(text.slice(Math.max(0, i - 6), i));
  let from = start;
  while (from > 0) {
    const ch = text[from - 1];
    if (ch === "\n" || (endsSentence(from - 1) && /\s/.test(text[from] || " "))) break;
    from--;
  }
  while (from < start && /\s/.test(text[from])) from++;
  let to = Math.max(end, from);
  while (to < text.length && text[to] !== "\n") {
    if (endsSentence(to)) {
      to++;
      while (to < text.length && /[.!?"”’)\]]/.test(text[to])) to++;
      break;
    }
    to++;
  }
  while (to > end && /\s/.test(text[to - 1])) to--;
  return [from, to];
}

async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch (error) {
    // fall back to a selection below
  }
  const area = el("textarea", { class: "pmkb-copy-buffer", readonly: "", "aria-hidden": "true" });
  area.value = text;
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand("copy");
  } catch (error) {
    done = false;
  }
  area.remove();
  return done;
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
