// The checker's Web Worker (a module worker): loads the self-hosted Pyodide runtime and the
// checker wheel from this site, then checks texts. Nothing here talks to any other origin.
let checkText = null;
let starting = null;
let pending = null;

const post = (message) => self.postMessage(message);
const progress = (step, text) => post({ type: "progress", step, text });

async function start({ runtimeUrl, lockUrl }) {
  const started = performance.now();
  progress(1, "Loading the Python runtime and the checker (about 6 MB, once)…");
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtimeUrl).href);
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
  progress(2, "Preparing the checker…");
  pyodide.runPython(`
import json as _json
from prematch_kb.checker import check as _check

def _pmkb_check(text, options_json):
    options = _json.loads(options_json)
    return _json.dumps(_check(text, **options).to_dict(), ensure_ascii=False)
`);
  checkText = pyodide.globals.get("_pmkb_check");
  checkText("", JSON.stringify({ mode: "draft" })); // warm the engine's caches
  post({ type: "ready", ms: performance.now() - started });
}

function runPending() {
  if (!checkText || !pending) return;
  const { id, text, options } = pending;
  pending = null;
  const started = performance.now();
  try {
    const report = checkText(text, JSON.stringify(options));
    post({ type: "result", id, report, ms: performance.now() - started });
  } catch (error) {
    post({ type: "check-error", id, message: String(error && error.message ? error.message : error) });
  }
}

self.onmessage = (event) => {
  const message = event.data || {};
  if (message.type === "init") {
    if (!starting) {
      starting = start(message).then(runPending, (error) => {
        post({ type: "error", message: String(error && error.message ? error.message : error) });
      });
    } else if (checkText) {
      post({ type: "ready", ms: 0 });
    }
  } else if (message.type === "check") {
    pending = message; // only the newest text matters
    runPending();
  }
};
