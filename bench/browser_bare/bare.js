// Baseline for the checker's start-up time: the same self-hosted Pyodide, in the same kind of
// worker, with nothing else (no wheel, no checker page).
const state = document.getElementById("state");
const runtimeUrl = new URL("/checker/runtime/", location.href).href;
const worker = new Worker(new URL("bare-worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = (event) => {
  window.__bareReadyAt = performance.now();
  state.dataset.state = event.data.type;
  state.textContent = event.data.type === "ready" ? "ready" : `error: ${event.data.message}`;
};
worker.postMessage({ runtimeUrl });
