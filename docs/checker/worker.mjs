// The checker's Web Worker (a module worker): loads the self-hosted Pyodide runtime and the
// checker wheel from this site, then checks texts. Nothing here talks to any other origin.
let checkText = null;
let splitDrafts = null;
let starting = null;
let pending = null;

let failed = false;

const post = (message) => self.postMessage(message);
const progress = (step, text) => post({ type: "progress", step, text });
const describe = (error) => String(error && error.message ? error.message : error);

function fail(reason) {
  if (failed) return;
  failed = true;
  post({ type: "error", message: reason });
}

// The runtime's WebAssembly loader can stall instead of failing when a file is missing, so every
// file it fetches is checked here, and anything left unhandled is reported too.
const siteFetch = self.fetch.bind(self);
self.fetch = async (resource, init) => {
  const url = String(resource && resource.url ? resource.url : resource);
  let response;
  try {
    response = await siteFetch(resource, init);
  } catch (error) {
    fail(`could not download ${url.split("/").pop()} (${describe(error)})`);
    throw error;
  }
  if (!response.ok) fail(`could not download ${url.split("/").pop().split("?")[0]} (HTTP ${response.status})`);
  return response;
};
self.addEventListener("unhandledrejection", (event) => fail(describe(event.reason)));
self.addEventListener("error", (event) => fail(describe(event.message || event.error)));

async function start({ runtimeUrl, lockUrl }) {
  const started = performance.now();
  progress(1, "Loading the Python runtime and the checker (about 6 MB, once)…");
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtimeUrl).href);
  const imported = performance.now();
  // Listing the checker in `packages` fetches its wheel while the runtime boots. The lock file
  // pins the wheel's sha256; Pyodide refuses a wheel that does not match.
  const pyodide = await loadPyodide({
    indexURL: runtimeUrl,
    lockFileURL: lockUrl,
    packageBaseUrl: runtimeUrl,
    packages: ["prematch-kb"],
    stdout: () => {},
    stderr: () => {},
  });
  const booted = performance.now();
  progress(2, "Preparing the checker…");
  pyodide.runPython(`
import json as _json
from prematch_kb.checker import check as _check

def _pmkb_check(text, options_json, log_json=None, log_kind=None):
    options = _json.loads(options_json)
    report = _check(text, **options)
    # With the applicant's communication log: a second first choice, cadence, replies due.
    if log_json and options.get("program_name") and options.get("mode", "draft") == "draft":
        from prematch_kb.checker.commlog import CommunicationLog, review_draft
        log = CommunicationLog.from_json(log_json)
        report.findings.extend(review_draft(log, report, options["program_name"], kind=log_kind or None))
    return _json.dumps(report.to_dict(), ensure_ascii=False)

def _pmkb_split(text):
    # Many drafts in one text: the command line's rule, so both split a text the same way.
    from prematch_kb.checker.batch import split_drafts
    return _json.dumps(split_drafts(text), ensure_ascii=False)
`);
  if (failed) return;
  checkText = pyodide.globals.get("_pmkb_check");
  splitDrafts = pyodide.globals.get("_pmkb_split");
  checkText("", JSON.stringify({ mode: "draft" })); // warm the engine's caches
  const now = performance.now();
  // Where start-up time goes, for the benchmark: runtime download and boot vs. the checker itself.
  const timings = { import_ms: imported - started, boot_ms: booted - imported, checker_ms: now - booted };
  post({ type: "ready", ms: now - started, timings });
}

function runPending() {
  if (!checkText || !pending) return;
  const { id, text, options, log, logKind } = pending;
  pending = null;
  const started = performance.now();
  try {
    const report = checkText(text, JSON.stringify(options), log || null, logKind || null);
    post({ type: "result", id, report, ms: performance.now() - started });
  } catch (error) {
    post({ type: "check-error", id, message: describe(error) });
  }
}

self.onmessage = (event) => {
  const message = event.data || {};
  if (message.type === "init") {
    if (!starting) {
      starting = start(message).then(runPending, (error) => fail(describe(error)));
    } else if (checkText) {
      post({ type: "ready", ms: 0 });
    }
  } else if (message.type === "check") {
    pending = message; // only the newest text matters
    runPending();
  } else if (message.type === "split") {
    // Sent by the page's batch mode once the worker is ready.
    try {
      if (!splitDrafts) throw new Error("the checker is not ready");
      post({ type: "drafts", id: message.id, drafts: JSON.parse(splitDrafts(message.text)) });
    } catch (error) {
      post({ type: "check-error", id: message.id, message: describe(error) });
    }
  }
};
