// The checker page's service worker: keeps the page, its runtime and the checker in this browser,
// so a returning visitor does not download them again and the checker works offline once loaded.
//
// Registered by the checker page only, for the checker's folder, once the checker is ready (it
// never competes with the first download). Its address carries the runtime lock file's version
// (`sw.js?v=...`): a new runtime or checker wheel is a new service worker with a new cache, and
// the old cache is deleted. Only this site's own files are fetched or kept; a draft is never sent
// anywhere, here or elsewhere.
const VERSION = new URL(self.location.href).searchParams.get("v") || "0";
const RUNTIME_CACHE = `pmkb-checker-runtime-${VERSION}`;
const PAGE_CACHE = "pmkb-checker-pages";
const SCOPE = new URL(self.registration.scope);
const RUNTIME = new URL("runtime/", SCOPE);
const NETWORK_WAIT_MS = 3000; // then the copy kept here answers, if there is one

// The runtime files the checker's worker loads, the wheel named by the lock file. The worker has
// just downloaded them and left a copy of each in a staging cache for this version
// (worker.mjs): kept from there, so no file crosses the network twice, even where the browser's
// own cache could not hold it (a private window's cache refuses a file as large as the
// WebAssembly). A file the worker did not leave (the two JavaScript modules, which it imports
// rather than fetches) comes from the browser's cache: "force-cache", the page has just loaded it.
const STAGING_CACHE = `pmkb-checker-fetched-${VERSION}`;

async function keepRuntime() {
  try {
    const cache = await caches.open(RUNTIME_CACHE);
    const staging = await caches.open(STAGING_CACHE);
    // The worker's copy when it passes `check`, else the network (through the browser's cache).
    const obtain = async (url, cacheMode, check = async () => true) => {
      const staged = await staging.match(url);
      if (staged && (await check(staged.clone()))) return staged;
      const response = await fetch(url, { cache: cacheMode });
      if (!response.ok) throw new Error(`${url.pathname.split("/").pop()}: HTTP ${response.status}`);
      if (!(await check(response.clone()))) throw new Error(`${url.pathname.split("/").pop()}: not the file the lock file pins`);
      return response;
    };
    const lockUrl = new URL(`pyodide-lock.json?v=${VERSION}`, RUNTIME);
    const lockResponse = await obtain(lockUrl, "force-cache");
    const lock = await lockResponse.clone().json();
    await cache.put(lockUrl, lockResponse);
    const files = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"].map((name) => ({ name }));
    for (const entry of Object.values(lock.packages || {})) {
      if (entry.file_name) files.push({ name: entry.file_name, sha256: entry.sha256 });
    }
    await Promise.all(
      files.map(async ({ name, sha256 }) => {
        const url = new URL(name, RUNTIME);
        // A package's address names its content (checker-<sha256 prefix>/...); it is still kept
        // only when it is the one the lock file pins, and otherwise revalidated (no download when
        // unchanged).
        const pinned = async (response) => !sha256 || (await sha256Hex(await response.arrayBuffer())) === sha256;
        await cache.put(url, await obtain(url, sha256 ? "no-cache" : "force-cache", pinned));
      }),
    );
  } finally {
    await caches.delete(STAGING_CACHE);
  }
}

async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

self.addEventListener("install", (event) => {
  event.waitUntil(keepRuntime().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(
        names
          // runtime copies of other versions, and what a worker left for a service worker that never came
          .filter((name) => (name.startsWith("pmkb-checker-runtime-") && name !== RUNTIME_CACHE) || name.startsWith("pmkb-checker-fetched-"))
          .map((name) => caches.delete(name)),
      ),
    ),
  );
});

// The page sends the addresses of its own files (page, scripts, styles, data) once it is ready.
self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type !== "keep" || !Array.isArray(message.urls)) return;
  const own = message.urls.map((url) => new URL(url, SCOPE)).filter((url) => url.origin === self.location.origin);
  event.waitUntil(
    caches
      .open(PAGE_CACHE)
      .then((cache) =>
        Promise.all(
          own.map((url) =>
            fetch(url, { cache: "force-cache" }).then((response) => (response.ok ? cache.put(url, response) : undefined)),
          ),
        ),
      )
      .then(
        () => event.source && event.source.postMessage({ type: "kept", count: own.length }),
        (error) => event.source && event.source.postMessage({ type: "keep-failed", message: String(error) }),
      ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return; // the site loads nothing from elsewhere
  if (url.href.startsWith(RUNTIME.href)) event.respondWith(runtimeFirst(request, event.clientId));
  else event.respondWith(networkFirst(request));
});

// The runtime never changes under one version: the copy kept here, else the network. The copy
// answers only the checker's worker that names this version (worker.mjs?v=...): after the site
// is updated, a page newer than this service worker gets its runtime and its checker wheel (at
// an address of its own) from the network, never an older copy.
async function runtimeFirst(request, clientId) {
  const client = clientId ? await self.clients.get(clientId) : null;
  const wanted = client ? new URL(client.url).searchParams.get("v") : null;
  if (wanted === VERSION) {
    const kept = await caches.match(request, { cacheName: RUNTIME_CACHE });
    if (kept) return kept;
  }
  // Revalidated: an older copy of a runtime file whose name did not change must not pass for the new one.
  return fetch(request, { cache: "no-cache" });
}

// Pages, scripts and data may change with the site: the network when it answers in time (and the
// copy is refreshed), else the copy kept here; a page's address matches without its query.
async function networkFirst(request) {
  const cache = await caches.open(PAGE_CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  });
  network.catch(() => {}); // answered from the copy instead; nothing to report
  const kept = () => cache.match(request, { ignoreSearch: request.mode === "navigate" });
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
    return (await kept()) || (await network);
  } catch (error) {
    const copy = await kept();
    if (copy) return copy;
    throw error;
  }
}
