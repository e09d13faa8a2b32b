// Reads communication log files with the browser's reader (docs/assets/log/commlog.js), run as the
// page runs it but under Node, so the Python tests can compare both readers on the same files.
//
//   node tests/node/read_logs.mjs COMMLOG.js FILE...
//   node tests/node/read_logs.mjs COMMLOG.js --texts TEXTS.json   (a JSON list of texts; results by index)
//   node tests/node/read_logs.mjs COMMLOG.js --vocabulary         (the reader's own vocabularies)
//
// Prints one JSON object: {file name: {ok, where, message, entries, csv, json}}; `where` and
// `message` for a refused file, `entries` and the file written back as CSV and JSON for a good one.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import vm from "node:vm";

const [libraryPath, ...files] = process.argv.slice(2);
const context = vm.createContext({ window: {} });
vm.runInContext(readFileSync(libraryPath, "utf8"), context, { filename: libraryPath });
const lib = context.window.pmkbCommLog;

function read(text) {
  try {
    const entries = lib.load(text);
    return { ok: true, entries, csv: lib.toCsv(entries), json: lib.toJson(entries) };
  } catch (error) {
    if (!(error instanceof lib.LogFormatError)) throw error;
    return { ok: false, where: error.where, message: error.message };
  }
}

const results = {};
if (files[0] === "--vocabulary") {
  const names = ["SCHEMA", "VERSION", "VERSIONS", "DIRECTIONS", "KINDS", "RECEIVED_KINDS", "DRAFT_KINDS", "COLUMNS",
    "KIND_FOR_CATEGORY", "MAX_FIELD", "MAX_QUOTE"];
  for (const name of names) results[name] = lib[name];
  results.KIND_LABELS = Object.keys(lib.KIND_LABELS);
  // receivedKind on each received-mode category alone and on all of them together.
  results.receivedKind = Object.fromEntries(Object.keys(lib.KIND_FOR_CATEGORY).map((c) => [c, lib.receivedKind([{ category: c }])]));
  results.receivedKindAll = lib.receivedKind(Object.keys(lib.KIND_FOR_CATEGORY).map((category) => ({ category })));
  results.receivedKindNone = lib.receivedKind([{ category: "placeholder" }]);
} else if (files[0] === "--texts") {
  JSON.parse(readFileSync(files[1], "utf8")).forEach((text, index) => (results[index] = read(text)));
} else {
  for (const file of files) results[basename(file)] = read(readFileSync(file, "utf8"));
}
process.stdout.write(JSON.stringify(results));
