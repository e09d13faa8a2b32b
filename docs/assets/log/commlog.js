// The communication log's file formats and storage, in the browser. The shapes are those of the
// Python module prematch_kb.checker.commlog (CSV columns and the versioned JSON), so a file
// exported here loads in `prematch-kb check --log` and back. Corrupt or foreign data raises a
// LogFormatError naming the row or field; nothing is ever dropped or erased silently.
// Both readers must give the same verdict on every file (tests/fixtures/commlog/ runs through
// both), so each reading rule is written the same way in both: one cell grammar (CSV_CELL), one
// set of spaces to trim (SPACE), fixed words in ASCII letters only, dates in ASCII digits, lengths
// in code points, and `version` the number 1. Exports guard spreadsheet formulas (a cell starting
// with = + - @, a tab, a carriage return or an apostrophe gets an apostrophe in front, per OWASP);
// the reader removes that apostrophe, so an export reads back unchanged.
// The vocabularies (VERSION, KINDS, RECEIVED_KINDS, COLUMNS, KIND_FOR_CATEGORY, the limits) copy
// commlog.py's, which is their one source: tests/test_commlog_vocabulary.py fails when they differ.
// Reviewing a draft against the log is not done here: the checker page runs the Python module's
// review_draft in its worker, so the review logic exists once.
(function () {
  "use strict";

  const SCHEMA = "prematch-kb/communication-log";
  const VERSION = 2;
  const STORAGE_KEY = "prematch-kb:communication-log";
  const DIRECTIONS = ["sent", "received"];
  const KINDS = ["interest", "thank-you", "update", "continued-interest", "first-choice", "reply", "other",
    "commitment-request", "outside-offer", "rank-question", "other-programs-question", "invitation"];
  // Kinds of message only a program sends: direction "received" only, never a draft's kind.
  const RECEIVED_KINDS = ["commitment-request", "outside-offer", "rank-question", "other-programs-question", "invitation"];
  const DRAFT_KINDS = KINDS.filter((kind) => !RECEIVED_KINDS.includes(kind));
  const KIND_LABELS = Object.freeze({
    interest: "Note of interest",
    "thank-you": "Thank-you note",
    update: "Update",
    "continued-interest": "Continued interest",
    "first-choice": "First-choice letter",
    reply: "Reply",
    other: "Other",
    "commitment-request": "Asked me to commit",
    "outside-offer": "Offer outside the Match",
    "rank-question": "Asked how I will rank",
    "other-programs-question": "Asked about other programs",
    invitation: "Interview invitation",
  });
  const COLUMNS = ["program", "date", "direction", "kind", "first_choice_claim", "note", "quote"];
  const REQUIRED = ["program", "date", "direction", "kind"];
  // The fields and kinds each version of the JSON format may hold (version 2 added `quote` and the
  // program's kinds); CSV has no version and is read as the current one.
  const VOCABULARY = {
    1: [COLUMNS.filter((c) => c !== "quote"), DRAFT_KINDS],
    2: [COLUMNS, KINDS],
  };
  const VERSIONS = Object.keys(VOCABULARY).map(Number);
  // A program's message: the checker's finding category -> the log's kind.
  const KIND_FOR_CATEGORY = Object.freeze({
    "program-commitment-request": "commitment-request",
    "program-outside-match-offer": "outside-offer",
    "program-rank-inquiry": "rank-question",
    "program-other-programs-inquiry": "other-programs-question",
  });
  const TRUE = ["yes", "y", "true", "1"];
  const FALSE = ["no", "n", "false", "0", ""];
  const MAX_FIELD = 5000; // code points
  const MAX_QUOTE = 20000; // code points; a whole email, kept word for word
  // Unicode White_Space, written out as in commlog.py (JavaScript's trim() also removes U+FEFF and
  // Python's strip() also removes U+001C to U+001F).
  const SPACE = "\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
  const TRIM = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, "g");
  // One CSV cell, as _CSV_CELL in commlog.py: a quoted part ("" for a quote) then anything up to a
  // comma or line break; or an unquoted cell. Sticky: it matches where the previous cell ended.
  const CSV_CELL = /"((?:[^"]|"")*)"([^,\r\n]*)|([^,\r\n"][^,\r\n]*)?/y;
  const CSV_BREAK = /\r\n|\r|\n/y;
  const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];
  const GUARDED_STARTS = [...FORMULA_STARTS, "'"];

  const trim = (value) => value.replace(TRIM, "");
  // Lower case for fixed words; anything not ASCII stays as it is and so matches no fixed word.
  const asciiLower = (value) => (/^[\x00-\x7f]*$/.test(value) ? value.toLowerCase() : value);
  const codePoints = (value) => {
    let count = 0;
    for (const _ of value) count++;
    return count;
  };
  const startsWithAny = (value, starts) => starts.some((start) => value.startsWith(start));

  class LogFormatError extends Error {
    constructor(where, problem) {
      super(where ? `${where}: ${problem}` : problem);
      this.name = "LogFormatError";
      this.where = where;
      this.problem = problem;
    }
  }

  const repr = (value) => (value === undefined ? "undefined" : JSON.stringify(value));

  function programKey(name) {
    return String(name).toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, " ").trim();
  }

  function checkDay(where, value) {
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) throw new LogFormatError(where, `expected a date written YYYY-MM-DD; got ${repr(value)}`);
    const day = new Date(`${value}T00:00:00Z`);
    // Year 0000 is a date to JavaScript but not to Python: the same files must pass in both.
    if (value.startsWith("0000") || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
      throw new LogFormatError(where, `no such day: ${repr(value)}`);
    }
    return value;
  }

  // The log's kind for a program's message, from the checker's findings on it: the weightiest of
  // RECEIVED_KINDS found (they are listed in that order), or "other" (as received_kind in commlog.py).
  function receivedKind(findings) {
    const found = new Set((findings || []).map((f) => f && KIND_FOR_CATEGORY[f.category]).filter(Boolean));
    return RECEIVED_KINDS.find((kind) => found.has(kind)) || "other";
  }

  function entry(prefix, item, claim, kinds = KINDS) {
    const values = {};
    for (const name of ["program", "date", "direction", "kind", "note", "quote"]) {
      // Own properties only: a name such as "constructor" must not reach Object.prototype.
      const value = Object.hasOwn(item, name) ? item[name] : "";
      if (typeof value !== "string") throw new LogFormatError(prefix + name, `expected text; got ${repr(value)}`);
      const limit = name === "quote" ? MAX_QUOTE : MAX_FIELD;
      if (codePoints(value) > limit) throw new LogFormatError(prefix + name, `longer than ${limit} characters`);
      // A CSV with it would not read back (NUL marks a binary file).
      if (value.includes("\u0000")) throw new LogFormatError(prefix + name, "contains a NUL character");
      values[name] = trim(value);
    }
    if (!values.program) throw new LogFormatError(prefix + "program", "expected the program's name; it is empty");
    const direction = asciiLower(values.direction);
    if (!DIRECTIONS.includes(direction)) throw new LogFormatError(prefix + "direction", `expected sent or received; got ${repr(values.direction)}`);
    const kind = asciiLower(values.kind);
    if (!kinds.includes(kind)) throw new LogFormatError(prefix + "kind", `expected one of ${kinds.join(", ")}; got ${repr(values.kind)}`);
    if (RECEIVED_KINDS.includes(kind) && direction !== "received") {
      throw new LogFormatError(prefix + "kind", `${repr(kind)} is a message a program sends: its direction must be received; got ${repr(values.direction)}`);
    }
    return {
      program: values.program,
      date: checkDay(prefix + "date", values.date),
      direction,
      kind,
      first_choice_claim: claim,
      note: values.note,
      quote: values.quote,
    };
  }

  function fromObject(data) {
    if (!data || typeof data !== "object" || Array.isArray(data) || !Object.hasOwn(data, "schema") || data.schema !== SCHEMA) {
      throw new LogFormatError("JSON", `not a communication log: expected an object with "schema": "${SCHEMA}"`);
    }
    const version = Object.hasOwn(data, "version") ? data.version : null;
    // Own keys only, and a number: "1" or true is no version.
    if (typeof version !== "number" || !Object.hasOwn(VOCABULARY, version)) {
      throw new LogFormatError("version", `expected version ${VERSIONS.join(" or ")}; got ${repr(version)}`);
    }
    const [columns, kinds] = VOCABULARY[version];
    if (!Object.hasOwn(data, "entries") || !Array.isArray(data.entries)) throw new LogFormatError("entries", "expected a list of entries");
    return data.entries.map((item, index) => {
      const where = `entries[${index}]`;
      if (!item || typeof item !== "object" || Array.isArray(item)) throw new LogFormatError(where, "expected an object with program, date, direction and kind");
      const unknown = Object.keys(item).filter((key) => !columns.includes(key)).sort();
      if (unknown.length) throw new LogFormatError(where, `unknown field ${repr(unknown[0])}; expected only ${columns.join(", ")}`);
      const claim = Object.hasOwn(item, "first_choice_claim") ? item.first_choice_claim : false;
      if (typeof claim !== "boolean") throw new LogFormatError(`${where}.first_choice_claim`, `expected true or false; got ${repr(claim)}`);
      return entry(`${where}.`, item, claim, kinds);
    });
  }

  function fromJson(text) {
    let data;
    try {
      data = JSON.parse(text.replace(/^\ufeff/, ""));
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

  // The CSV's records as {cells, line}; a quoted cell never closed names its record and the line of
  // its opening quote (as csv_rows in commlog.py).
  function parseCsvRows(text) {
    const rows = [];
    let row = [];
    let position = 0;
    let line = 1;
    let rowLine = 1;
    for (;;) {
      CSV_CELL.lastIndex = position;
      const match = CSV_CELL.exec(text); // always matches, possibly empty
      let cell;
      if (match[1] !== undefined) cell = match[1].replace(/""/g, '"') + match[2];
      else if (text[position] === '"') {
        throw new LogFormatError(`CSV row ${rows.length + 1}`, `a quoted cell is never closed (its opening " is on line ${line}; a closing " is missing)`);
      } else cell = match[3] || "";
      line += (match[0].match(/\r\n|\r|\n/g) || []).length;
      row.push(cell);
      position = CSV_CELL.lastIndex;
      if (position >= text.length) {
        if (row.length !== 1 || row[0] !== "") rows.push({ cells: row, line: rowLine });
        return rows;
      }
      if (text[position] === ",") {
        position++;
        continue;
      }
      CSV_BREAK.lastIndex = position;
      CSV_BREAK.exec(text);
      position = CSV_BREAK.lastIndex;
      rows.push({ cells: row, line: rowLine });
      row = [];
      line++;
      rowLine = line;
      if (position >= text.length) return rows;
    }
  }

  // A cell as written before export: the apostrophe that guarded a formula-like start removed.
  const unguard = (cell) => (cell.startsWith("'") && startsWithAny(cell.slice(1), GUARDED_STARTS) ? cell.slice(1) : cell);

  function fromCsv(text) {
    if (text.includes("\u0000")) throw new LogFormatError("CSV", "not a text file (it contains NUL bytes)");
    const rows = parseCsvRows(text.replace(/^\ufeff/, ""));
    const header = rows.length ? rows[0].cells : [];
    if (!header.some((cell) => trim(cell))) throw new LogFormatError("CSV row 1", `expected a header row naming the columns ${COLUMNS.join(", ")}`);
    const names = header.map((cell) => asciiLower(trim(cell)).replace(/[ -]/g, "_"));
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
      if (!row.cells.some((cell) => trim(cell))) return; // blank lines
      const where = `CSV row ${number}`;
      if (row.cells.length > names.length) throw new LogFormatError(where, `${row.cells.length} cells but the header names ${names.length} columns`);
      const item = Object.create(null);
      names.forEach((name, i) => (item[name] = unguard(trim(row.cells[i] === undefined ? "" : row.cells[i]))));
      const rawClaim = asciiLower(item.first_choice_claim || "");
      if (!TRUE.includes(rawClaim) && !FALSE.includes(rawClaim)) {
        throw new LogFormatError(`${where}, column first_choice_claim`, `expected yes or no; got ${repr(item.first_choice_claim)}`);
      }
      entries.push(entry(`${where}, column `, item, TRUE.includes(rawClaim)));
    });
    return entries;
  }

  function csvCell(value) {
    const text = String(value);
    const guarded = startsWithAny(text, GUARDED_STARTS) ? `'${text}` : text;
    return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
  }

  function toCsv(entries) {
    const lines = [COLUMNS.join(",")];
    for (const e of entries) {
      lines.push([e.program, e.date, e.direction, e.kind, e.first_choice_claim ? "yes" : "no", e.note, e.quote || ""].map(csvCell).join(","));
    }
    return lines.join("\n") + "\n";
  }

  function load(text) {
    const start = text.replace(/^[\ufeff \t\r\n]+/, "");
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

  // Another tab (the log page, the checker's "I sent this") may write the log at any moment, also
  // while this one waits on a confirmation dialog. So a change is never the page's own copy
  // written back: updateStored re-reads what storage holds now, applies `change` to it and writes
  // the result, all in one synchronous step that no other tab's write can fall into. Returns
  // {entries, before}; throws the LogFormatError when the saved data has become unreadable.
  function updateStored(storage, change) {
    const stored = readStored(storage);
    if (stored.error) throw stored.error;
    const entries = change(stored.entries);
    writeStored(storage, entries);
    return { entries, before: stored.entries };
  }

  const entryKey = (e) => JSON.stringify([e.program, e.date, e.direction, e.kind, Boolean(e.first_choice_claim), e.note, e.quote || ""]);

  // `entries` without one copy of each of `removed` (entries equal in every field are the same).
  function withoutEntries(entries, removed) {
    const left = new Map();
    for (const e of removed) left.set(entryKey(e), (left.get(entryKey(e)) || 0) + 1);
    return entries.filter((e) => {
      const count = left.get(entryKey(e)) || 0;
      if (count) left.set(entryKey(e), count - 1);
      return !count;
    });
  }

  // `entries` with the first entry equal to `old` replaced by `replacement`; null when there is no
  // such entry any more (another tab changed or deleted it).
  function replaceEntry(entries, old, replacement) {
    const index = entries.findIndex((e) => entryKey(e) === entryKey(old));
    return index < 0 ? null : entries.map((e, i) => (i === index ? replacement : e));
  }

  window.pmkbCommLog = {
    SCHEMA, VERSION, VERSIONS, STORAGE_KEY, DIRECTIONS, KINDS, RECEIVED_KINDS, DRAFT_KINDS, KIND_LABELS, KIND_FOR_CATEGORY,
    COLUMNS, MAX_FIELD, MAX_QUOTE, LogFormatError, receivedKind,
    programKey, fromJson, fromObject, fromCsv, toJson, toCsv, toObject, load, readStored, writeStored,
    updateStored, withoutEntries, replaceEntry,
  };
})();
