// The communication log's file formats and storage, in the browser. The shapes are those of the
// Python module prematch_kb.checker.commlog (CSV columns and the versioned JSON), so a file
// exported here loads in `prematch-kb check --log` and back. Corrupt or foreign data raises a
// LogFormatError naming the row or field; nothing is ever dropped or erased silently.
// Reviewing a draft against the log is not done here: the checker page runs the Python module's
// review_draft in its worker, so the review logic exists once.
(function () {
  "use strict";

  const SCHEMA = "prematch-kb/communication-log";
  const VERSION = 1;
  const STORAGE_KEY = "prematch-kb:communication-log";
  const DIRECTIONS = ["sent", "received"];
  const KINDS = ["interest", "thank-you", "update", "continued-interest", "first-choice", "reply", "other"];
  const KIND_LABELS = Object.freeze({
    interest: "Note of interest",
    "thank-you": "Thank-you note",
    update: "Update",
    "continued-interest": "Continued interest",
    "first-choice": "First-choice letter",
    reply: "Reply",
    other: "Other",
  });
  const COLUMNS = ["program", "date", "direction", "kind", "first_choice_claim", "note"];
  const REQUIRED = ["program", "date", "direction", "kind"];
  const TRUE = ["yes", "y", "true", "1"];
  const FALSE = ["no", "n", "false", "0", ""];
  const MAX_FIELD = 5000;

  class LogFormatError extends Error {
    constructor(where, problem) {
      super(where ? `${where}: ${problem}` : problem);
      this.name = "LogFormatError";
      this.where = where;
      this.problem = problem;
    }
  }

  const repr = (value) => JSON.stringify(value);

  function programKey(name) {
    return String(name).toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, " ").trim();
  }

  function checkDay(where, value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new LogFormatError(where, `expected a date written YYYY-MM-DD; got ${repr(value)}`);
    const day = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) throw new LogFormatError(where, `no such day: ${repr(value)}`);
    return value;
  }

  function entry(prefix, item, claim) {
    const values = {};
    for (const name of ["program", "date", "direction", "kind", "note"]) {
      const value = item[name] === undefined ? "" : item[name];
      if (typeof value !== "string") throw new LogFormatError(prefix + name, `expected text; got ${repr(value)}`);
      if (value.length > MAX_FIELD) throw new LogFormatError(prefix + name, `longer than ${MAX_FIELD} characters`);
      values[name] = value.trim();
    }
    if (!values.program) throw new LogFormatError(prefix + "program", "expected the program's name; it is empty");
    const direction = values.direction.toLowerCase();
    if (!DIRECTIONS.includes(direction)) throw new LogFormatError(prefix + "direction", `expected sent or received; got ${repr(values.direction)}`);
    const kind = values.kind.toLowerCase();
    if (!KINDS.includes(kind)) throw new LogFormatError(prefix + "kind", `expected one of ${KINDS.join(", ")}; got ${repr(values.kind)}`);
    return {
      program: values.program,
      date: checkDay(prefix + "date", values.date),
      direction,
      kind,
      first_choice_claim: claim,
      note: values.note,
    };
  }

  function fromObject(data) {
    if (!data || typeof data !== "object" || Array.isArray(data) || data.schema !== SCHEMA) {
      throw new LogFormatError("JSON", `not a communication log: expected an object with "schema": "${SCHEMA}"`);
    }
    if (data.version !== VERSION) throw new LogFormatError("version", `expected version ${VERSION}; got ${repr(data.version)}`);
    if (!Array.isArray(data.entries)) throw new LogFormatError("entries", "expected a list of entries");
    return data.entries.map((item, index) => {
      const where = `entries[${index}]`;
      if (!item || typeof item !== "object" || Array.isArray(item)) throw new LogFormatError(where, "expected an object with program, date, direction and kind");
      const unknown = Object.keys(item).filter((key) => !COLUMNS.includes(key)).sort();
      if (unknown.length) throw new LogFormatError(where, `unknown field ${repr(unknown[0])}; expected only ${COLUMNS.join(", ")}`);
      const claim = item.first_choice_claim === undefined ? false : item.first_choice_claim;
      if (typeof claim !== "boolean") throw new LogFormatError(`${where}.first_choice_claim`, `expected true or false; got ${repr(claim)}`);
      return entry(`${where}.`, item, claim);
    });
  }

  function fromJson(text) {
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new LogFormatError("JSON", `not valid JSON (${error.message})`);
    }
    return fromObject(data);
  }

  function toObject(entries) {
    return { schema: SCHEMA, version: VERSION, entries: entries.map((e) => ({ ...e })) };
  }

  function toJson(entries) {
    return JSON.stringify(toObject(entries), null, 2) + "\n";
  }

  // RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks.
  function parseCsvRows(text) {
    const rows = [];
    let row = [];
    let cell = "";
    let quoted = false;
    let i = 0;
    let line = 1;
    let rowLine = 1;
    while (i < text.length) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        if (c === '"') quoted = false;
        else {
          if (c === "\n") line++;
          cell += c;
        }
        i++;
        continue;
      }
      if (c === '"' && cell === "") quoted = true;
      else if (c === ",") {
        row.push(cell);
        cell = "";
      } else if (c === "\r" || c === "\n") {
        row.push(cell);
        rows.push({ cells: row, line: rowLine });
        row = [];
        cell = "";
        if (c === "\r" && text[i + 1] === "\n") i++;
        line++;
        rowLine = line;
      } else cell += c;
      i++;
    }
    if (quoted) throw new LogFormatError(`CSV row ${rows.length + 1}`, "a quoted cell is never closed");
    if (cell !== "" || row.length) {
      row.push(cell);
      rows.push({ cells: row, line: rowLine });
    }
    return rows;
  }

  function fromCsv(text) {
    if (text.includes("\u0000")) throw new LogFormatError("CSV", "not a text file (it contains NUL bytes)");
    const rows = parseCsvRows(text.replace(/^\ufeff/, ""));
    const header = rows.length ? rows[0].cells : [];
    if (!header.some((cell) => cell.trim())) throw new LogFormatError("CSV row 1", `expected a header row naming the columns ${COLUMNS.join(", ")}`);
    const names = header.map((cell) => cell.trim().toLowerCase().replace(/[ -]/g, "_"));
    const unknown = header.filter((_, i) => !COLUMNS.includes(names[i]));
    const missing = REQUIRED.filter((name) => !names.includes(name));
    if (unknown.length || missing.length) {
      const problems = [];
      if (missing.length) problems.push(`missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
      if (unknown.length) problems.push(`unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `'${u}'`).join(", ")}`);
      throw new LogFormatError("CSV header (row 1)", `${problems.join("; ")}; expected ${COLUMNS.join(", ")}`);
    }
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new LogFormatError("CSV header (row 1)", `column '${duplicate}' appears twice`);
    const entries = [];
    rows.slice(1).forEach((row, index) => {
      const number = index + 2;
      if (!row.cells.some((cell) => cell.trim())) return; // blank lines
      const where = `CSV row ${number}`;
      if (row.cells.length > names.length) throw new LogFormatError(where, `${row.cells.length} cells but the header names ${names.length} columns`);
      const item = {};
      names.forEach((name, i) => (item[name] = row.cells[i] === undefined ? "" : row.cells[i]));
      const rawClaim = (item.first_choice_claim || "").trim().toLowerCase();
      if (!TRUE.includes(rawClaim) && !FALSE.includes(rawClaim)) {
        throw new LogFormatError(`${where}, column first_choice_claim`, `expected yes or no; got ${repr(item.first_choice_claim)}`);
      }
      entries.push(entry(`${where}, column `, item, TRUE.includes(rawClaim)));
    });
    return entries;
  }

  function csvCell(value) {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function toCsv(entries) {
    const lines = [COLUMNS.join(",")];
    for (const e of entries) {
      lines.push([e.program, e.date, e.direction, e.kind, e.first_choice_claim ? "yes" : "no", e.note].map(csvCell).join(","));
    }
    return lines.join("\n") + "\n";
  }

  function load(text) {
    const start = text.replace(/^[\ufeff\s]+/, "");
    return start.startsWith("{") || start.startsWith("[") ? fromJson(text) : fromCsv(text);
  }

  // -- storage -------------------------------------------------------------------------------------
  // readStored() -> {entries, raw, error}: when the saved data cannot be read, `error` says why and
  // `raw` keeps it untouched, so that the page can offer it for download before anything replaces it.
  function readStored(storage) {
    const raw = storage.getItem(STORAGE_KEY);
    if (raw === null) return { entries: [], raw: null, error: null };
    try {
      return { entries: fromJson(raw), raw, error: null };
    } catch (error) {
      if (error instanceof LogFormatError) return { entries: [], raw, error };
      throw error;
    }
  }

  function writeStored(storage, entries) {
    storage.setItem(STORAGE_KEY, JSON.stringify(toObject(entries)));
  }

  window.pmkbCommLog = {
    SCHEMA, VERSION, STORAGE_KEY, DIRECTIONS, KINDS, KIND_LABELS, COLUMNS, LogFormatError,
    programKey, fromJson, fromObject, fromCsv, toJson, toCsv, toObject, load, readStored, writeStored,
  };
})();
