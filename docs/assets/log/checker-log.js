// The communication log on the checker page: sends the saved log with each draft check (the
// worker runs prematch_kb.checker.commlog.review_draft on it), and offers "I sent this" to log the
// draft with one click. In received mode, "I received this" logs the program's message with the
// kind its findings show (commlog.js receivedKind, as commlog.py received_kind) and its exact words
// as the entry's quote. Everything stays in this browser. Needs commlog.js loaded first.
(function () {
  "use strict";

  const LOG_PAGE = "log/";

  const { el, isoToday } = window.PMKB_DOM;  // assets/js/dom.js, loaded first

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  const KIND_LABELS = window.pmkbCommLog.KIND_LABELS;
  // What the "This draft is" / "This message is" menu offers in each mode; "" lets the page decide.
  const KIND_CHOICES = {
    draft: [["", "Not sure / not counted"], ...window.pmkbCommLog.DRAFT_KINDS.map((kind) => [kind, KIND_LABELS[kind]])],
    received: [["", "As the checker reads it"],
      ...[...window.pmkbCommLog.RECEIVED_KINDS, "reply", "other"].map((kind) => [kind, KIND_LABELS[kind]])],
  };

  window.pmkbCheckerLog = {
    // Extra fields for the worker's "check" message: the saved log and what the draft is.
    payload(page) {
      const lib = window.pmkbCommLog;
      const panel = page.logPanel;
      if (!lib || !panel) return {};
      const program = page.root.querySelector('input[name="program_name"]').value.trim();
      const store = storage();
      if (!store) return {};
      // The summary says what the log holds in either mode, so it is right the moment a message
      // is added; only a draft is checked against the log.
      const stored = lib.readStored(store);
      panel.dataset.logState = stored.error ? "corrupt" : stored.entries.length ? "used" : "empty";
      if (stored.error) {
        panel.summary.replaceChildren("The log saved in this browser cannot be read, so drafts are not checked against it. ", el("a", { href: page.siteLink(LOG_PAGE) }, "Open the log page"), " to see why.");
        return {};
      }
      if (!stored.entries.length) {
        panel.summary.replaceChildren("No communication log in this browser yet. ", el("a", { href: page.siteLink(LOG_PAGE) }, "Start one"), ", or use “I sent this” below.");
        return {};
      }
      if (page.mode() !== "draft") {
        panel.summary.textContent = `Your log has ${stored.entries.length} message${stored.entries.length === 1 ? "" : "s"}. A program's message is not checked against it.`;
        return {};
      }
      if (!program) {
        panel.summary.textContent = `Your log has ${stored.entries.length} message${stored.entries.length === 1 ? "" : "s"}. Give the program name (under Context) to check this draft against it.`;
        return {};
      }
      panel.summary.textContent = `Checked against the ${stored.entries.length} message${stored.entries.length === 1 ? "" : "s"} in your communication log.`;
      return { log: JSON.stringify(lib.toObject(stored.entries)), logKind: panel.kind.value || null };
    },

    mount(page) {
      const lib = window.pmkbCommLog;
      if (!lib || page.logPanel) return;
      const kind = el("select", { name: "log_kind" });
      const kindLabel = el("span", {}, "This draft is ");
      const button = el("button", { type: "button", class: "md-button", "data-action": "log-sent" }, "I sent this: add it to my log");
      const status = el("p", { class: "pmkb-checker__log-status", role: "status", "aria-live": "polite" });
      const summary = el("p", { class: "pmkb-checker__log-summary" });
      const panel = el(
        "section",
        { class: "pmkb-checker__log", "aria-labelledby": "pmkb-checker-log-heading" },
        el("h2", { id: "pmkb-checker-log-heading" }, "Your communication log"),
        summary,
        el("label", {}, kindLabel, kind),
        " ",
        button,
        status,
      );
      panel.summary = summary;
      panel.kind = kind;
      page.logPanel = panel;
      page.findingsBox.after(panel);
      const recheck = () => {
        page.changed();
        page.requestCheck(true);
      };
      kind.addEventListener("change", recheck);
      // A program's message (received mode) is logged as received, so the log can say a reply is due,
      // with the kinds of message only programs send.
      let shownMode = null;
      const label = () => {
        const mode = page.mode() === "received" ? "received" : "draft";
        button.textContent = mode === "received" ? "I received this: add it to my log" : "I sent this: add it to my log";
        kindLabel.textContent = mode === "received" ? "This message is " : "This draft is ";
        if (mode === shownMode) return;
        shownMode = mode;
        const keep = kind.value;
        kind.replaceChildren(...KIND_CHOICES[mode].map(([value, text]) => el("option", { value }, text)));
        kind.value = KIND_CHOICES[mode].some(([value]) => value === keep) ? keep : "";
      };
      page.root.querySelectorAll('input[name="pmkb-mode"]').forEach((radio) => radio.addEventListener("change", label));
      label();
      window.addEventListener("storage", (event) => {
        if (event.key === lib.STORAGE_KEY) recheck();
      });
      button.addEventListener("click", () => {
        const program = page.root.querySelector('input[name="program_name"]').value.trim();
        const text = page.textarea.value.trim();
        const received = page.mode() === "received";
        if (!text) {
          status.textContent = received ? "Paste the program's message first." : "Write or paste your draft first.";
          return;
        }
        if (!program) {
          page.root.querySelector(".pmkb-checker__context").open = true;
          page.root.querySelector('input[name="program_name"]').focus();
          status.textContent = "Give the program name (under Context) so the log knows where it went.";
          return;
        }
        const store = storage();
        if (!store) {
          status.textContent = "Not logged: this browser does not let the page keep data.";
          return;
        }
        const report = page.lastReport;
        // The findings shown must be this text's, in this mode, before they decide what is logged.
        const current = report && page.lastText === page.textarea.value && (report.mode === "received") === received;
        if (!current && !kind.value) {
          status.textContent = "The checker is still reading this text; add it again in a moment.";
          return;
        }
        const findings = (current && report.findings) || [];
        const claim = !received && findings.some((f) => f.category === "first-choice-claim");
        const entry = {
          program,
          date: isoToday(),
          direction: received ? "received" : "sent",
          kind: received ? kind.value || lib.receivedKind(findings) : kind.value || (claim ? "first-choice" : "other"),
          first_choice_claim: claim,
          note: "Logged from the checker",
          // A program's message is kept word for word, for a report to the NRMP.
          quote: received ? page.textarea.value : "",
        };
        // Read back as the log page would, so what is kept is what an import of it gives.
        let checked;
        try {
          [checked] = lib.fromObject({ schema: lib.SCHEMA, version: lib.VERSION, entries: [entry] });
        } catch (error) {
          const field = String(error.where || "").replace(/^entries\[0\]\./, "");
          status.textContent = `Not logged (${field === "quote" ? "the message's exact words" : field || "the message"}): ${error.problem || error.message}.`;
          return;
        }
        let result;
        try {
          // Appended to what storage holds at this moment: entries another tab added are kept.
          result = lib.updateStored(store, (entries) => [...entries, checked]);
        } catch (error) {
          if (error instanceof lib.LogFormatError) {
            status.replaceChildren("Not logged: the saved log cannot be read. ", el("a", { href: page.siteLink(LOG_PAGE) }, "Open the log page"), ".");
          } else status.textContent = `Not logged: ${error.message || error}.`;
          return;
        }
        const what = received
          ? `message from ${program} (${KIND_LABELS[checked.kind].toLowerCase()}), with its exact words`
          : `${KIND_LABELS[checked.kind].toLowerCase()} to ${program}`;
        status.replaceChildren(`Logged: ${what}, ${checked.date}. `, el("a", { href: page.siteLink(LOG_PAGE) }, "See your log"), ".");
        page.root.dataset.logKind = checked.kind;
        page.root.dataset.logCount = String(result.entries.length);
        recheck();
      });
    },
  };
})();
