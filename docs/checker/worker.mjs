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

// The runtime version this worker expects, from its own address (worker.mjs?v=...).
const VERSION = new URL(self.location.href).searchParams.get("v") || "0";
// What the page's service worker (sw.js) keeps: its cache for this version, and where this worker
// leaves the runtime files it downloaded for it. The service worker checks them (the wheel's
// sha256 against the lock file), keeps them and deletes this staging cache; it never answers
// from it. So each runtime file crosses the network once, even when the browser's own cache
// cannot hold it (a private window's cache refuses a file as large as the WebAssembly).
const RUNTIME_CACHE = `pmkb-checker-runtime-${VERSION}`;
const STAGING_CACHE = `pmkb-checker-fetched-${VERSION}`;
let runtimeUrl = null; // set by "init"; only files under it are left for the service worker
let keepFor = null; // the staging cache, when the page will register the service worker
const keeping = [];

// A runtime file as it arrives, left for the service worker, unless its copy is already kept.
function leaveForServiceWorker(url, response) {
  if (!keepFor || !runtimeUrl || !url.startsWith(runtimeUrl)) return;
  if (response.status !== 200 || response.type !== "basic") return;
  const copy = response.clone(); // read alongside the runtime's own use of the response
  keeping.push(
    caches
      .match(url, { cacheName: RUNTIME_CACHE })
      .then((kept) => (kept ? undefined : keepFor.then((cache) => cache.put(url, copy))))
      .catch(() => {}), // then the service worker downloads the file itself
  );
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
  else leaveForServiceWorker(new URL(url, self.location.href).href, response);
  return response;
};
self.addEventListener("unhandledrejection", (event) => fail(describe(event.reason)));
self.addEventListener("error", (event) => fail(describe(event.message || event.error)));

async function start({ runtimeUrl: runtime, lockUrl, keep }) {
  const started = performance.now();
  runtimeUrl = new URL(runtime, self.location.href).href;
  if (keep && self.caches) keepFor = caches.open(STAGING_CACHE);
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
from prematch_kb.checker import check as _check, prepare as _prepare

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
  pyodide.runPython("_prepare()"); // load and compile the rules now, not on the first keystroke
  const now = performance.now();
  // Where start-up time goes, for the benchmark: runtime download and boot vs. the checker itself.
  const timings = { import_ms: imported - started, boot_ms: booted - imported, checker_ms: now - booted };
  post({ type: "ready", ms: now - started, timings });
  runPending(); // a text that came while loading is checked now, not after what follows
  // Then the copies for the service worker are written: the page registers it after this message.
  await Promise.all(keeping);
  post({ type: "staged", staging: keepFor ? STAGING_CACHE : null });
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
