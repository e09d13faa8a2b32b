self.onmessage = async (event) => {
  try {
    const { runtimeUrl } = event.data;
    const { loadPyodide } = await import(new URL("pyodide.mjs", runtimeUrl).href);
    const pyodide = await loadPyodide({ indexURL: runtimeUrl, lockFileURL: new URL("pyodide-lock.json", runtimeUrl).href });
    pyodide.runPython("1 + 1");
    self.postMessage({ type: "ready" });
  } catch (error) {
    self.postMessage({ type: "error", message: String(error) });
  }
};
