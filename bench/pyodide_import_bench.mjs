// Times the checker's start-up inside Pyodide under Node (the runtime the browser page uses):
// importing the package, the warm-up (prepare()) the page runs before "ready", and the first
// check of a real draft (which pays for any pattern compiled on first use).
//
//   node bench/pyodide_import_bench.mjs CHECKER.whl DRAFT.txt
//
// Prints one JSON object: {"python", "import_ms", "warmup_ms", "first_check_ms", "second_check_ms"}.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheelPath, draftPath] = process.argv.slice(2);
if (!wheelPath || !draftPath) {
  process.stderr.write("usage: node pyodide_import_bench.mjs CHECKER.whl DRAFT.txt\n");
  process.exit(2);
}

const pyodide = await loadPyodide();
// Node Buffers must be wrapped in Uint8Array before Pyodide accepts them.
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
pyodide.globals.set("draft_text", readFileSync(draftPath, "utf8"));
pyodide.runPython("import json, sys, time");  // the stdlib modules the timing itself needs

const timed = (code) => {
  const started = performance.now();
  pyodide.runPython(code);
  return performance.now() - started;
};
const result = {
  python: pyodide.runPython("sys.version"),
  import_ms: timed("from prematch_kb.checker import check, prepare"),
  warmup_ms: timed("prepare()"),
  first_check_ms: timed("check(draft_text, mode='draft')"),
  second_check_ms: timed("check(draft_text, mode='draft')"),
};
process.stdout.write(JSON.stringify(result));
