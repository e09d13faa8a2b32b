// Runs the checker inside Pyodide (the same runtime the browser page uses) over a list of cases.
//
//   node tests/pyodide/run_checker.mjs CHECKER.whl CASES.json
//
// CASES.json: [{"id", "text", "mode", "context"}]. Prints one JSON object on stdout:
// {"python": sys.version, "results": {id: report.to_dict()}}.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheelPath, casesPath] = process.argv.slice(2);
if (!wheelPath || !casesPath) {
  process.stderr.write("usage: node run_checker.mjs CHECKER.whl CASES.json\n");
  process.exit(2);
}

const pyodide = await loadPyodide();
// Node Buffers must be wrapped in Uint8Array before Pyodide accepts them.
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
pyodide.globals.set("cases_json", readFileSync(casesPath, "utf8"));
const output = pyodide.runPython(`
import json, sys
from prematch_kb.checker import check

results = {}
for case in json.loads(cases_json):
    report = check(case["text"], mode=case["mode"], **case["context"])
    results[case["id"]] = report.to_dict()
json.dumps({"python": sys.version, "results": results}, ensure_ascii=True)
`);
process.stdout.write(output);
