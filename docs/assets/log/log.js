// The communication log page: entries kept in this browser's localStorage only. Saved data that
// cannot be read is reported and kept as it is until the visitor downloads it or confirms that it
// may be replaced. Every value the visitor typed is set as text, never parsed as HTML.
// Every change is applied to what storage holds at the moment of writing (commlog.js
// updateStored), never by writing back this page's copy: an entry another tab adds meanwhile,
// even while a confirmation dialog is open here, is kept.
(function () {
  "use strict";

  const KIND_LABELS = window.pmkbCommLog.KIND_LABELS;  // assets/log/commlog.js, loaded first

  const { el, isoToday } = window.PMKB_DOM;  // assets/js/dom.js, loaded first

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // A browser hands each tab a copy of storage; a write another tab made while this tab's dialog
  // was open reaches that copy as a task of its own, after the dialog closes. Let it arrive before
  // re-reading (seen in Chromium: re-reading in the same task returns the old entries).
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  class LogPage {
    constructor(root, lib) {
      this.root = root;
      this.lib = lib;
      this.form = root.querySelector("#pmkb-log-form");
      this.formError = root.querySelector(".pmkb-log__form-error");
      this.storageError = root.querySelector(".pmkb-log__storage-error");
      this.table = root.querySelector(".pmkb-log__table");
      this.empty = root.querySelector(".pmkb-log__empty");
      this.status = root.querySelector(".pmkb-log__status");
      this.heading = root.querySelector("#pmkb-log-add");
      this.submit = this.form.querySelector('button[type="submit"]');
      this.cancel = this.form.querySelector('[data-action="cancel-edit"]');
      this.entries = [];
      this.editing = null; // the entry being edited, as it was saved
      this.blocked = false; // true while unreadable saved data waits for the visitor's decision
    }

    start() {
      this.storage = this.openStorage();
      if (!this.storage) return;
      this.fillKinds();
      this.readStorage();
      this.form.elements.date.value = isoToday();
      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.saveFromForm();
      });
      this.cancel.addEventListener("click", () => this.stopEditing("Editing cancelled; the message is unchanged."));
      this.form.elements.kind.addEventListener("change", () => {
        const kind = this.form.elements.kind.value;
        if (kind === "first-choice") this.form.elements.first_choice_claim.checked = true;
        // Only a program sends these: the message was received.
        if (this.lib.RECEIVED_KINDS.includes(kind)) this.form.elements.direction.value = "received";
      });
      this.root.querySelector('[data-action="export-csv"]').addEventListener("click", () => this.export("csv"));
      this.root.querySelector('[data-action="export-json"]').addEventListener("click", () => this.export("json"));
      this.root.querySelector('[data-action="clear"]').addEventListener("click", () => this.clear());
      this.root.querySelector('[data-action="import"]').addEventListener("change", (event) => this.importFile(event.target));
      // Another tab (the checker's "I sent this") may change the log.
      window.addEventListener("storage", (event) => {
        if (event.key === this.lib.STORAGE_KEY) this.readStorage();
      });
      this.render();
      this.root.dataset.state = "ready";
    }

    // The kinds come from commlog.js (a copy of commlog.py's, tested against it): what I sent, what a
    // program sent, then what either side may send.
    fillKinds() {
      const lib = this.lib;
      const option = (kind) => el("option", { value: kind }, KIND_LABELS[kind] || kind);
      const either = lib.DRAFT_KINDS.filter((kind) => ["reply", "other"].includes(kind));
      const mine = lib.DRAFT_KINDS.filter((kind) => !either.includes(kind));
      this.form.elements.kind.replaceChildren(
        el("optgroup", { label: "What I sent" }, ...mine.map(option)),
        el("optgroup", { label: "What a program sent" }, ...lib.RECEIVED_KINDS.map(option)),
        el("optgroup", { label: "Either" }, ...either.map(option)),
      );
      this.form.elements.kind.value = "other";
    }

    openStorage() {
      try {
        const storage = window.localStorage;
        storage.getItem(this.lib.STORAGE_KEY);
        return storage;
      } catch (error) {
        this.root.dataset.state = "error";
        this.storageError.hidden = false;
        this.storageError.textContent = "This browser does not let the page keep data (storage is blocked or full), so the log cannot be kept here. You can still keep the same columns in a spreadsheet.";
        this.form.querySelector("button").disabled = true;
        // Nothing to export, import into or clear: the controls say so instead of looking active.
        for (const control of this.root.querySelectorAll('[data-action="export-csv"], [data-action="export-json"], [data-action="clear"], [data-action="import"]')) {
          control.disabled = true;
          const face = control.closest("label") || control;
          face.setAttribute("aria-disabled", "true");
          face.classList.add("pmkb-log__disabled");
        }
        return null;
      }
    }

    readStorage() {
      const stored = this.lib.readStored(this.storage);
      this.entries = stored.entries;
      this.blocked = Boolean(stored.error);
      this.root.dataset.storage = stored.error ? "corrupt" : "ok";
      if (!stored.error) {
        this.storageError.hidden = true;
        this.storageError.replaceChildren();
      } else {
        this.storageError.hidden = false;
        this.storageError.replaceChildren(
          el("p", {}, el("strong", {}, "The log saved in this browser could not be read: "), stored.error.message, "."),
          el("p", {}, "It has not been changed or erased. Download it as it is to keep a copy, then import a good copy or start a new log."),
          el(
            "p",
            {},
            el("button", { type: "button", class: "md-button", "data-action": "download-raw" }, "Download the saved data"),
            " ",
            el("button", { type: "button", class: "md-button", "data-action": "discard-raw" }, "Start a new log…"),
          ),
        );
        this.storageError.querySelector('[data-action="download-raw"]').addEventListener("click", () =>
          download("communication-log-unreadable.txt", "text/plain", stored.raw),
        );
        this.storageError.querySelector('[data-action="discard-raw"]').addEventListener("click", () => {
          if (!window.confirm("Replace the unreadable saved data with an empty log? Download it first if you may need it.")) return;
          settle().then(() => this.replaceUnreadable(stored.raw, []));
        });
      }
      this.render();
    }

    // Apply `change` to the log as storage holds it now; null when nothing could be written.
    update(change) {
      let result;
      try {
        result = this.lib.updateStored(this.storage, change);
      } catch (error) {
        if (error instanceof this.lib.LogFormatError) {
          this.readStorage(); // it became unreadable meanwhile: show that, change nothing
          this.say("The saved log changed and can no longer be read; nothing was changed.");
        } else this.say(`The log could not be saved in this browser (${error.message || error}).`);
        return null;
      }
      this.entries = result.entries;
      this.render();
      return result;
    }

    // The log as storage holds it now (another tab may have changed it since this page last read it).
    current() {
      this.readStorage();
      return this.entries;
    }

    saveFromForm() {
      if (this.blocked) {
        this.showFormError("Decide first what to do with the unreadable saved log (above).");
        return;
      }
      const f = this.form.elements;
      let entry;
      try {
        [entry] = this.lib.fromObject({
          schema: this.lib.SCHEMA,
          version: this.lib.VERSION,
          entries: [
            {
              program: f.program.value,
              date: f.date.value,
              direction: f.direction.value,
              kind: f.kind.value,
              first_choice_claim: f.first_choice_claim.checked,
              note: f.note.value,
              quote: f.quote.value,
            },
          ],
        });
      } catch (error) {
        this.showFormError(String(error.problem || error.message).replace(/^./, (c) => c.toUpperCase()) + ` (${String(error.where || "").replace(/^entries\[0\]\./, "")}).`);
        return;
      }
      const editing = this.editing;
      let missing = false;
      const change = editing
        ? (entries) => {
          const changed = this.lib.replaceEntry(entries, editing, entry);
          missing = changed === null;
          return missing ? entries : changed;
        }
        : (entries) => [...entries, entry];
      if (!this.update(change)) return;
      this.formError.hidden = true;
      if (missing) {
        this.showFormError("This message was changed or deleted in another tab, so it was not saved. Your changes are still in the form: add them as a new message or cancel.");
        this.editing = null;
        this.heading.textContent = "Add a message";
        this.submit.textContent = "Add to the log";
        return;
      }
      const what = `${entry.kind} ${entry.direction === "sent" ? "to" : "from"} ${entry.program}, ${entry.date}${entry.quote ? ", with its exact words" : ""}`;
      this.stopEditing(editing ? `Saved: ${what}.` : `Added: ${what}.`);
    }

    // Fill the form with a logged message to change it; saving replaces that message.
    edit(index) {
      if (this.blocked) return;
      const entry = this.entries[index];
      const f = this.form.elements;
      f.program.value = entry.program;
      f.date.value = entry.date;
      f.direction.value = entry.direction;
      f.kind.value = entry.kind;
      f.first_choice_claim.checked = Boolean(entry.first_choice_claim);
      f.note.value = entry.note;
      f.quote.value = entry.quote || "";
      this.editing = entry;
      this.formError.hidden = true;
      this.heading.textContent = "Edit a message";
      this.submit.textContent = "Save changes";
      this.cancel.hidden = false;
      this.root.dataset.editing = "true";
      this.form.scrollIntoView({ block: "start" });
      f.program.focus({ preventScroll: true });
    }

    // Back to adding: an empty form (keeping the date) and the status line saying what happened.
    stopEditing(message) {
      const f = this.form.elements;
      f.program.value = "";
      f.note.value = "";
      f.quote.value = "";
      f.first_choice_claim.checked = false;
      if (this.editing) f.date.value = isoToday();
      this.editing = null;
      this.heading.textContent = "Add a message";
      this.submit.textContent = "Add to the log";
      this.cancel.hidden = true;
      delete this.root.dataset.editing;
      this.render();
      this.say(message);
    }

    showFormError(message) {
      this.formError.hidden = false;
      this.formError.textContent = message;
    }

    say(message) {
      this.status.textContent = message;
    }

    async remove(index) {
      const entry = this.entries[index];
      if (!window.confirm(`Delete the ${entry.date} message ${entry.direction === "sent" ? "to" : "from"} ${entry.program}?`)) return;
      await settle();
      const result = this.update((entries) => this.lib.withoutEntries(entries, [entry]));
      if (result && result.before.length === result.entries.length) this.say("That message had already been deleted (in another tab).");
    }

    export(format) {
      if (this.blocked) {
        this.say("The saved log is unreadable; use “Download the saved data” above.");
        return;
      }
      const stamp = isoToday();
      if (format === "csv") download(`communication-log-${stamp}.csv`, "text/csv", this.lib.toCsv(this.entries));
      else download(`communication-log-${stamp}.json`, "application/json", this.lib.toJson(this.entries));
      this.say(`Exported ${this.entries.length} message${this.entries.length === 1 ? "" : "s"} as ${format.toUpperCase()}.`);
    }

    async importFile(input) {
      const file = input.files && input.files[0];
      input.value = "";
      if (!file) return;
      let entries;
      try {
        entries = this.lib.load(await file.text());
      } catch (error) {
        this.root.dataset.importError = "true";
        this.say(`${file.name} was not imported: ${error.message}. The log is unchanged.`);
        return;
      }
      delete this.root.dataset.importError;
      const shown = this.current(); // count what is saved now, not what this page last showed
      const raw = this.blocked ? this.lib.readStored(this.storage).raw : null;
      const replacing = this.blocked ? "the unreadable saved data" : `the ${shown.length} message${shown.length === 1 ? "" : "s"} in this browser`;
      if ((shown.length || this.blocked) && !window.confirm(`Replace ${replacing} with the ${entries.length} in ${file.name}?`)) {
        this.say("Import cancelled; the log is unchanged.");
        return;
      }
      await settle();
      if (this.blocked) {
        if (!this.replaceUnreadable(raw, entries)) return;
        this.say(`Imported ${entries.length} message${entries.length === 1 ? "" : "s"} from ${file.name}.`);
        return;
      }
      // Replace exactly the messages the dialog counted; any added since (another tab) stay.
      const result = this.update((now) => [...entries, ...this.lib.withoutEntries(now, shown)]);
      if (result) {
        const kept = result.entries.length - entries.length;
        this.say(`Imported ${entries.length} message${entries.length === 1 ? "" : "s"} from ${file.name}.` +
          (kept ? ` ${kept} message${kept === 1 ? "" : "s"} added in another tab meanwhile ${kept === 1 ? "was" : "were"} kept.` : ""));
      }
    }

    // Write over unreadable saved data, only if it is still the data the visitor decided about.
    replaceUnreadable(raw, entries) {
      const now = this.lib.readStored(this.storage);
      if (now.raw !== raw) {
        this.readStorage();
        this.say("The saved log changed in another tab meanwhile; nothing was replaced. Look again and retry.");
        return false;
      }
      try {
        this.lib.writeStored(this.storage, entries);
      } catch (error) {
        this.say(`The log could not be saved in this browser (${error.message || error}).`);
        return false;
      }
      this.readStorage();
      return true;
    }

    async clear() {
      const shown = this.current(); // count what is saved now, not what this page last showed
      if (this.blocked) {
        this.say("The saved log is unreadable; use “Start a new log” above.");
        return;
      }
      if (!shown.length) {
        this.say("The log is already empty.");
        return;
      }
      if (!window.confirm(`Delete all ${shown.length} message${shown.length === 1 ? "" : "s"} from this browser? Export the log first if you may need it.`)) {
        this.say("Nothing was deleted.");
        return;
      }
      // Delete exactly the messages the dialog counted; any added since (another tab) stay.
      await settle();
      const result = this.update((now) => this.lib.withoutEntries(now, shown));
      if (!result) return;
      const kept = result.entries.length;
      this.say(kept ? `Deleted ${shown.length} message${shown.length === 1 ? "" : "s"}; ${kept} added in another tab meanwhile ${kept === 1 ? "was" : "were"} kept.` : "The log is now empty.");
    }

    render() {
      const order = this.entries.map((entry, index) => ({ entry, index })).sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.index - b.index));
      const body = this.table.querySelector("tbody");
      body.replaceChildren(
        ...order.map(({ entry, index }) => {
          const edit = el("button", { type: "button", class: "pmkb-log__edit", "aria-label": `Edit the ${entry.date} message, ${entry.program}` }, "Edit");
          edit.addEventListener("click", () => this.edit(index));
          const button = el("button", { type: "button", class: "pmkb-log__delete", "aria-label": `Delete the ${entry.date} message, ${entry.program}` }, "Delete");
          button.addEventListener("click", () => this.remove(index));
          return el(
            "tr",
            { "data-program": entry.program, "data-kind": entry.kind },
            el("td", {}, entry.date),
            el("td", {}, entry.program),
            el("td", {}, entry.direction === "sent" ? "Sent" : "Received"),
            el("td", {}, KIND_LABELS[entry.kind] || entry.kind),
            el("td", {}, entry.first_choice_claim || entry.kind === "first-choice" ? "Yes" : ""),
            el("td", { class: "pmkb-log__note-cell" }, entry.note),
            el("td", { class: "pmkb-log__quote-cell" }, entry.quote ? el("blockquote", {}, entry.quote) : null),
            el("td", {}, edit, button),
          );
        }),
      );
      this.table.hidden = !this.entries.length;
      this.empty.hidden = Boolean(this.entries.length);
      this.root.dataset.count = String(this.entries.length);
      const programs = this.root.querySelector("#pmkb-log-programs");
      const names = [...new Set(this.entries.map((e) => e.program))].sort();
      programs.replaceChildren(...names.map((name) => el("option", { value: name })));
    }
  }

  function initialise() {
    const root = document.getElementById("pmkb-log");
    if (!root || root.dataset.started) return;
    root.dataset.started = "true";
    if (!window.pmkbCommLog) {
      root.dataset.state = "error";
      return;
    }
    new LogPage(root, window.pmkbCommLog).start();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(initialise);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initialise);
  else initialise();
})();
