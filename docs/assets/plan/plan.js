// The personal plan page: reads plan/data.json (built from the knowledge base) and shows what to
// do on the chosen day for the chosen profile and specialty: this week's few actions first, with
// boxes to tick, then what comes next, the dates, and the rest of the season's advice. The choices
// live in the address (?type=us-img&specialty=pediatrics&date=2027-01-10&signals=A,B); the ticks
// and the communication log this page reads stay in this browser's storage. Nothing is sent.
// HTML in the data is rendered at build time from our own content and is still copied through an
// allow-list; everything the visitor types is set as text only.
(function () {
  "use strict";

  const FIELDS = ["type", "specialty", "signals", "date"];
  const DONE_KEY = "prematch-kb:plan-done";  // {action key: the day it was ticked}
  const MAX_ACTIONS = 5;
  const REPLY_WINDOW_DAYS = 30;  // a program's message older than this is not "this week" any more

  const { el, isoToday, copyTrustedHtml } = window.PMKB_DOM;  // assets/js/dom.js, loaded first

  function trusted(html, tag) {
    const box = copyTrustedHtml(html, el(tag || "div"));
    // A single paragraph inside a list item reads better without the paragraph margin.
    if (tag === "li" && box.childElementCount === 1 && box.firstElementChild.tagName === "P") {
      box.replaceChildren(...box.firstElementChild.childNodes);
    }
    return box;
  }

  function verifyMark() {
    return el("span", { class: "pmkb-verify", title: "Not yet confirmed by a primary source" }, "verify");
  }

  function validIso(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value || "")) return false;
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
  }

  // A short stable key for an action's text (FNV-1a), so a tick survives a rebuilt page.
  function textKey(text) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, "0");
  }

  function daysBetween(fromIso, toIso) {
    return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86400000);
  }

  // The ticked actions, kept in localStorage; when the browser blocks storage, ticks still work
  // on the page but are not kept, and the page says so.
  class Ticks {
    constructor() {
      try {
        this.storage = window.localStorage;
        this.storage.getItem(DONE_KEY);
      } catch (error) {
        this.storage = null;
      }
    }

    read() {
      if (!this.storage) return {};
      try {
        const value = JSON.parse(this.storage.getItem(DONE_KEY) || "{}");
        return value && typeof value === "object" && !Array.isArray(value) ? value : {};
      } catch (error) {
        return {};
      }
    }

    done(key) {
      return typeof this.read()[key] === "string";
    }

    set(key, done) {
      if (!this.storage) return false;
      const all = this.read();
      if (done) all[key] = isoToday();
      else delete all[key];
      try {
        this.storage.setItem(DONE_KEY, JSON.stringify(all));
        return true;
      } catch (error) {
        return false;
      }
    }
  }

  // The communication log (assets/log/commlog.js), read only: [] when there is none, it cannot be
  // read, or the log's script is not on the page.
  function readLog() {
    const lib = window.pmkbCommLog;
    if (!lib) return [];
    try {
      const stored = lib.readStored(window.localStorage);
      return stored.error ? [] : stored.entries;
    } catch (error) {
      return [];
    }
  }

  function stageIndexFor(stages, iso) {
    let index = 0;
    stages.forEach((stage, i) => {
      if (stage.start === null || stage.start <= iso) index = i;
    });
    return index;
  }

  class PlanPage {
    constructor(form, root) {
      this.form = form;
      this.root = root;
      this.data = null;
      this.ticks = new Ticks();
    }

    async start() {
      try {
        const response = await fetch(new URL(this.form.dataset.dataUrl, location.href), { credentials: "same-origin" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        this.data = await response.json();
      } catch (error) {
        this.root.dataset.state = "error";
        this.root.replaceChildren(el("p", {}, `The plan's data could not be loaded (${error.message || error}).`));
        return;
      }
      this.fillMenus();
      this.readAddress();
      this.form.addEventListener("input", () => this.changed());
      this.form.addEventListener("change", () => this.changed());
      this.form.addEventListener("submit", (event) => event.preventDefault());
      // Ticks and the log change in other tabs too: show what storage holds now.
      window.addEventListener("storage", (event) => {
        if (event.key === DONE_KEY || (window.pmkbCommLog && event.key === window.pmkbCommLog.STORAGE_KEY)) this.render();
      });
      this.render();
    }

    fillMenus() {
      const typeSelect = this.form.elements.type;
      for (const [id, profile] of Object.entries(this.data.profiles)) {
        typeSelect.append(el("option", { value: id }, profile.title));
      }
      const specialtySelect = this.form.elements.specialty;
      for (const [id, specialty] of Object.entries(this.data.specialties)) {
        specialtySelect.append(el("option", { value: id }, specialty.name));
      }
    }

    readAddress() {
      const params = new URLSearchParams(location.search);
      this.notes = [];
      const pick = (name, table) => {
        const value = params.get(name);
        if (!value) return;
        if (table[value]) this.form.elements[name].value = value;
        else this.notes.push(`The address names ${name === "type" ? "an applicant profile" : "a specialty"} “${value}” that this guide does not have.`);
      };
      pick("type", this.data.profiles);
      pick("specialty", this.data.specialties);
      this.form.elements.signals.value = params.get("signals") || "";
      const date = params.get("date");
      if (date && !validIso(date)) this.notes.push(`The address gives the date “${date}”; dates are written YYYY-MM-DD, so today is used.`);
      this.form.elements.date.value = date && validIso(date) ? date : isoToday();
    }

    choices() {
      const elements = this.form.elements;
      const date = validIso(elements.date.value) ? elements.date.value : isoToday();
      const signals = elements.signals.value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      return { type: elements.type.value, specialty: elements.specialty.value, date, signals, signalsText: elements.signals.value };
    }

    changed() {
      const choice = this.choices();
      const params = new URLSearchParams();
      if (choice.type) params.set("type", choice.type);
      if (choice.specialty) params.set("specialty", choice.specialty);
      if (choice.signalsText.trim()) params.set("signals", choice.signalsText.trim());
      if (choice.date !== isoToday()) params.set("date", choice.date);
      const query = params.toString();
      history.replaceState(null, "", query ? `?${query}` : location.pathname);
      this.notes = [];
      this.render();
    }

    render() {
      const choice = this.choices();
      const data = this.data;
      const stages = data.stages;
      const index = stageIndexFor(stages, choice.date);
      const stage = stages[index];
      const next = stages[index + 1] || null;
      const sections = [];
      for (const note of this.notes || []) sections.push(el("p", { class: "pmkb-plan__note" }, note));
      if (!choice.type) {
        sections.push(el("p", { class: "pmkb-plan__ask" }, "Choose your applicant profile above to see the templates and notes for you."));
      }
      sections.push(this.thisWeek(choice, stage));
      sections.push(this.summary(choice, stage, next));
      if (next) sections.push(this.next(next));
      sections.push(this.datesToVerify());
      sections.push(this.resources(choice, stage));
      sections.push(this.now(choice, stage));
      if (choice.specialty) sections.push(this.specialty(choice));
      if (choice.type) sections.push(this.profile(choice));
      this.root.replaceChildren(...sections);
      this.root.dataset.state = "ready";
      this.root.dataset.phases = stage.phases.join(" ");
      this.root.dataset.type = choice.type;
      this.root.dataset.specialty = choice.specialty;
      this.root.dataset.date = choice.date;
    }

    // Three to five things to do this week: what the communication log says is waiting (a program's
    // message to answer), then what the current phases ask you to send and aim for. Each has a box to
    // tick, kept in this browser.
    thisWeek(choice, stage) {
      const box = el("section", { class: "pmkb-plan__week", "aria-labelledby": "pmkb-plan-week" });
      box.append(el("h2", { id: "pmkb-plan-week" }, "This week"));
      const log = readLog();
      const actions = [];
      for (const due of this.repliesDue(log, choice.date)) {
        actions.push({
          key: `reply:${due.key}:${due.date}`,
          node: el("span", {}, `Answer ${due.program}: their message of ${due.date} is in your log with no reply after it. `,
                   el("a", { href: this.checkerUrl(choice, stage, "received") }, "Check their message"), "."),
        });
      }
      // Phases overlap (in January: invitations, interviews and thank-you notes at once), so the
      // actions take turns among the current phases: first what to send, then what to aim for.
      const current = stage.phases.map((id) => this.data.phases[id]);
      for (const field of ["send_html", "goals_html"]) {
        const longest = Math.max(...current.map((phase) => phase[field].length));
        for (let i = 0; i < longest; i += 1) {
          for (const phase of current) {
            const html = phase[field][i];
            if (html && actions.length < MAX_ACTIONS) actions.push({ key: `${phase.id}:${textKey(html)}`, html });
          }
        }
      }
      const list = el("ul", { class: "pmkb-plan__actions" });
      actions.slice(0, MAX_ACTIONS).forEach((action, index) => {
        const id = `pmkb-plan-action-${index}`;
        const tick = el("input", { type: "checkbox", id, "data-action-key": action.key });
        tick.checked = this.ticks.done(action.key);
        const label = el("label", { for: id });
        if (action.html) label.replaceChildren(...trusted(action.html, "li").childNodes);
        else label.append(action.node);
        const item = el("li", { "data-action": action.key, class: tick.checked ? "pmkb-plan__action--done" : null }, tick, " ", label);
        tick.addEventListener("change", () => {
          item.classList.toggle("pmkb-plan__action--done", tick.checked);
          if (!this.ticks.set(action.key, tick.checked)) this.noteUnsaved(box);
          this.countDone(box);
        });
        list.append(item);
      });
      box.append(el("p", { class: "pmkb-plan__week-phase" }, "Now: ",
        ...current.flatMap((phase, i) => [i ? ", " : "", el("a", { href: phase.url }, phase.title)]), "."));
      box.append(list);
      box.append(el("p", { class: "pmkb-plan__done", "aria-live": "polite" }));
      this.countDone(box);
      const claim = this.firstChoiceSent(log);
      if (claim) {
        box.append(el("p", { class: "pmkb-plan__note", "data-log": "first-choice" },
          `Your log shows you told ${claim.program} on ${claim.date} that it is your first choice: say it to no other program. `,
          el("a", { href: "../log/" }, "Your log"), "."));
      } else if (!log.length) {
        box.append(el("p", { class: "pmkb-plan__log-hint" }, "Keep a ", el("a", { href: "../log/" }, "communication log"),
          " in this browser and this list also shows the messages waiting for your reply."));
      }
      if (!this.ticks.storage) this.noteUnsaved(box);
      return box;
    }

    countDone(box) {
      const ticks = [...box.querySelectorAll("input[data-action-key]")];
      const done = ticks.filter((t) => t.checked).length;
      box.querySelector(".pmkb-plan__done").textContent = ticks.length ? `${done} of ${ticks.length} done.` : "";
    }

    noteUnsaved(box) {
      if (box.querySelector(".pmkb-plan__unsaved")) return;
      box.append(el("p", { class: "pmkb-plan__note pmkb-plan__unsaved" }, "This browser does not let the page keep your ticks: they will be gone when you leave."));
    }

    // Programs whose latest message in the log was received, within the last weeks, with nothing
    // sent to them since: a reply may be due.
    repliesDue(log, today) {
      const lib = window.pmkbCommLog;
      const latest = new Map();
      for (const entry of log) {
        if (entry.date > today) continue;
        const key = lib.programKey(entry.program);
        const seen = latest.get(key);
        // On the same day a sent message is taken to answer the received one.
        if (!seen || entry.date > seen.date || (entry.date === seen.date && entry.direction === "sent")) latest.set(key, entry);
      }
      return [...latest.entries()]
        .filter(([, e]) => e.direction === "received" && daysBetween(e.date, today) <= REPLY_WINDOW_DAYS)
        .sort((a, b) => a[1].date.localeCompare(b[1].date))
        .map(([key, e]) => ({ key, program: e.program, date: e.date }));
    }

    firstChoiceSent(log) {
      const sent = log.filter((e) => e.direction === "sent" && (e.kind === "first-choice" || e.first_choice_claim));
      sent.sort((a, b) => a.date.localeCompare(b.date));
      return sent[0] || null;
    }

    // The checker, opened with the visitor's profile, specialty and the season's main phase.
    checkerUrl(choice, stage, mode, template) {
      const base = "../checker/";
      const params = new URLSearchParams();
      if (template) params.set("template", template);
      if (mode === "received") params.set("mode", "received");
      if (choice.type) params.set("applicant_type", choice.type);
      if (choice.specialty) params.set("specialty", choice.specialty);
      params.set("phase", stage.phases[0]);
      return `${base}?${params}`;
    }

    stageStart(stage) {
      if (stage.start === null) return null;
      return el("span", { class: "pmkb-plan__start" }, stage.start, stage.confirmed ? null : " ", stage.confirmed ? null : verifyMark());
    }

    summary(choice, stage, next) {
      const phases = this.data.phases;
      const main = phases[stage.phases[0]];
      const box = el("section", { class: "pmkb-plan__summary", "aria-labelledby": "pmkb-plan-where" });
      box.append(el("h2", { id: "pmkb-plan-where" }, "Where the season stands"));
      const who = [];
      if (choice.type) who.push(this.data.profiles[choice.type].title);
      if (choice.specialty) who.push(this.data.specialties[choice.specialty].name);
      box.append(el("p", { class: "pmkb-plan__who" }, `Plan for ${choice.date}${who.length ? `: ${who.join(", ")}` : ""}.`));
      const line = el("p", { class: "pmkb-plan__phase-line" }, "Main phase: ", el("a", { href: main.url }, main.title));
      const also = stage.phases.slice(1).map((id) => phases[id]);
      if (also.length) {
        line.append("; also current: ");
        also.forEach((phase, i) => {
          if (i) line.append(", ");
          line.append(el("a", { href: phase.url }, phase.title));
        });
      }
      line.append(".");
      box.append(line);
      if (stage.start !== null) box.append(el("p", {}, "This part of the season began on ", this.stageStart(stage), "."));
      if (!next && choice.date > this.data.cycle.end) {
        box.append(el("p", { class: "pmkb-plan__note" }, `The chosen day is after the last date this guide has for the ${this.data.cycle.title}; check the next cycle's calendar.`));
      }
      return box;
    }

    now(choice, stage) {
      const phases = this.data.phases;
      const box = el("section", { class: "pmkb-plan__now", "aria-labelledby": "pmkb-plan-now" });
      box.append(el("h2", { id: "pmkb-plan-now" }, "What to do now"));
      for (const id of stage.phases) {
        const phase = phases[id];
        const part = el("div", { class: "pmkb-plan__phase", "data-phase": id });
        part.append(el("h3", {}, phase.title), el("p", {}, el("em", {}, phase.window), `. ${phase.summary}`));
        for (const [label, items] of [["Aim for", phase.goals_html], ["What to send", phase.send_html], ["What to avoid", phase.avoid_html]]) {
          if (!items.length) continue;
          part.append(el("h4", {}, label), el("ul", {}, ...items.map((html) => trusted(html, "li"))));
        }
        const specialty = choice.specialty && this.data.specialties[choice.specialty];
        if (specialty && specialty.phases.includes(id)) {
          part.append(el("p", { class: "pmkb-plan__specialty-note" }, `${specialty.name} has its own notes for this phase: `, el("a", { href: specialty.url }, "read them"), "."));
        }
        box.append(part);
      }
      return box;
    }

    resources(choice, stage) {
      const data = this.data;
      const profile = choice.type ? data.profiles[choice.type] : null;
      const specialty = choice.specialty ? data.specialties[choice.specialty] : null;
      const templateIds = [];
      const ruleIds = [];
      for (const id of stage.phases) {
        for (const t of data.phases[id].templates) if (!templateIds.includes(t)) templateIds.push(t);
        for (const r of data.phases[id].rules) if (!ruleIds.includes(r)) ruleIds.push(r);
      }
      const suits = (id) => {
        const template = data.templates[id];
        return template && (!choice.type || !template.applicant_types.length || template.applicant_types.includes(choice.type));
      };
      // What the chosen profile or specialty suggests comes first, with a short mark (explained
      // once above the lists) instead of a sentence after every item.
      const forYou = (id, kind) => Boolean((specialty && specialty[kind].includes(id)) || (profile && profile[kind].includes(id)));
      const firstForYou = (ids, kind) => [...ids.filter((id) => forYou(id, kind)), ...ids.filter((id) => !forYou(id, kind))];
      const tags = (id, kind) => (forYou(id, kind) ? el("span", { class: "pmkb-plan__for-you" }, "for you") : null);
      const box = el("section", { class: "pmkb-plan__resources", "aria-labelledby": "pmkb-plan-resources" });
      box.append(el("h2", { id: "pmkb-plan-resources" }, "Templates and rules for now"));
      // Templates the chosen specialty's published policy is against go last, marked as such.
      const against = (specialty && specialty.policy && specialty.policy.against_templates) || {};
      const templates = firstForYou(templateIds.filter(suits), "templates");
      templates.sort((a, b) => Number(a in against) - Number(b in against));
      if (profile || specialty) {
        const whom = [profile && profile.title, specialty && specialty.name].filter(Boolean).join(" or ");
        box.append(el("p", { class: "pmkb-plan__legend" }, el("span", { class: "pmkb-plan__for-you" }, "for you"), ` marks what the guide suggests for ${whom}.`));
      }
      if (templates.length) {
        box.append(el("h3", {}, "Templates"));
        box.append(
          el(
            "ul",
            { class: "pmkb-plan__templates" },
            ...templates.map((id) => {
              const t = data.templates[id];
              const item = el("li", { "data-template": id }, el("a", { href: t.url }, t.title), " ", tags(id, "templates"), `: ${t.purpose} `, el("a", { href: this.templateCheckerUrl(t.checker_url, choice, stage), class: "pmkb-plan__check" }, "Open in the checker"));
              if (id in against) {
                item.dataset.policy = "against";
                item.prepend(el("strong", { class: "pmkb-plan__policy-against" }, `${against[id]}: `));
              }
              return item;
            }),
          ),
        );
      } else {
        box.append(el("p", {}, "No email template fits this part of the season: there is nothing you need to send."));
      }
      const rules = firstForYou(ruleIds.filter((id) => data.rules[id]), "rules");
      if (rules.length) {
        box.append(el("h3", {}, "Rules to keep in mind"));
        box.append(
          el(
            "ul",
            { class: "pmkb-plan__rules" },
            ...rules.map((id) => el("li", { "data-rule": id }, el("a", { href: data.rules[id].url }, data.rules[id].title), " ", tags(id, "rules"), `: ${data.rules[id].summary}`)),
          ),
        );
      }
      return box;
    }

    // A template's checker link (data.json gives it with ?template=) with the visitor's context.
    templateCheckerUrl(url, choice, stage) {
      const [base, query] = url.split("?");
      const params = new URLSearchParams(query || "");
      if (choice.type) params.set("applicant_type", choice.type);
      if (choice.specialty) params.set("specialty", choice.specialty);
      params.set("phase", stage.phases[0]);
      return `${base}?${params}`;
    }

    next(stage) {
      const box = el("section", { class: "pmkb-plan__next", "aria-labelledby": "pmkb-plan-next" });
      box.append(el("h2", { id: "pmkb-plan-next" }, "Coming next"));
      box.append(el("p", {}, "From ", this.stageStart(stage), ":"));
      box.append(
        el(
          "ul",
          {},
          ...stage.phases.map((id) => {
            const phase = this.data.phases[id];
            return el("li", { "data-phase": id }, el("a", { href: phase.url }, phase.title), `: ${phase.summary}`);
          }),
        ),
      );
      return box;
    }

    facts(list) {
      return el(
        "ul",
        { class: "pmkb-plan__facts" },
        ...list.map((fact) => {
          const item = trusted(fact.html, "li");
          if (!fact.confirmed) item.append(" ", verifyMark());
          if (fact.sources.length) {
            item.append(" (");
            fact.sources.forEach((source, i) => {
              if (i) item.append("; ");
              item.append(el("a", { href: source.page }, source.publisher + (source.section ? `, ${source.section}` : "")));
            });
            item.append(")");
          }
          return item;
        }),
      );
    }

    specialty(choice) {
      const s = this.data.specialties[choice.specialty];
      const box = el("section", { class: "pmkb-plan__specialty", "aria-labelledby": "pmkb-plan-specialty" });
      box.append(el("h2", { id: "pmkb-plan-specialty" }, s.name));
      box.append(el("p", {}, s.summary, " ", el("a", { href: s.url }, "Full specialty page"), "."));
      const facts = [
        ["Match", s.match],
        ["Application service", s.application_service],
        ["Signals", s.signals],
        ["Thank-you notes", s.thank_you],
      ].filter(([, value]) => value);
      if (facts.length) box.append(el("dl", { class: "pmkb-plan__facts-table" }, ...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
      if (s.policy) box.append(this.policy(s));
      if (s.pre_match_offers_html) box.append(el("h3", {}, "Offers outside the match"), trusted(s.pre_match_offers_html));
      if (s.facts.length) box.append(el("h3", {}, "Facts to know"), this.facts(s.facts));
      if (choice.signals.length) {
        box.append(
          el("h3", {}, "Programs you signalled"),
          el("ul", { class: "pmkb-plan__signals" }, ...choice.signals.map((name) => el("li", {}, name))),
          el("p", {}, "A signal already tells a program of your interest. Keep this list beside your ", el("a", { href: "../log/" }, "communication log"), " so that any later letter, and the single first-choice letter if you send one, stays consistent with it."),
        );
      }
      return box;
    }

    // The specialty's published communication policy: what it says on each kind of contact, and where.
    policy(s) {
      const p = s.policy;
      const part = el("div", { class: "pmkb-plan__policy", "data-policy": "found" });
      part.append(el("h3", {}, "Communication policy"));
      part.append(el("dl", { class: "pmkb-plan__facts-table" }, ...p.rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
      if (p.summary_html) part.append(trusted(p.summary_html, "div"));
      const where = el("p", {}, `${p.organisation}; ${p.season}.`);
      if (!p.confirmed) where.append(" ", verifyMark());
      p.sources.forEach((source) => where.append(" ", el("a", { href: source.page }, source.publisher + (source.section ? `, ${source.section}` : ""))));
      part.append(where);
      return part;
    }

    profile(choice) {
      const p = this.data.profiles[choice.type];
      const box = el("section", { class: "pmkb-plan__profile", "aria-labelledby": "pmkb-plan-profile" });
      box.append(el("h2", { id: "pmkb-plan-profile" }, p.title));
      box.append(el("p", {}, p.summary, " ", el("a", { href: p.url }, "Full profile page"), "."));
      if (p.facts.length) box.append(this.facts(p.facts));
      return box;
    }

    datesToVerify() {
      const cycle = this.data.cycle;
      const box = el("section", { class: "pmkb-plan__dates", "aria-labelledby": "pmkb-plan-dates" });
      box.append(el("h2", { id: "pmkb-plan-dates" }, "Dates to verify"));
      box.append(el("p", { class: "pmkb-calendar" }, el("a", { href: "key-dates.ics", download: "" }, "Add the season's key dates to your calendar"),
        " (an .ics file; dates not yet confirmed come marked “expected, verify”)."));
      const open = cycle.dates.filter((d) => !d.confirmed);
      if (open.length) {
        box.append(el("p", {}, `These ${cycle.title} dates are expectations, not confirmed dates. Check each against the official calendars before you rely on it.`));
        box.append(
          el(
            "ul",
            {},
            ...open.map((d) => {
              const item = el("li", { "data-date": d.id }, el("strong", {}, d.date), " ", verifyMark(), ` ${d.label}`);
              if (d.note_html) item.append(trusted(d.note_html, "div"));
              return item;
            }),
          ),
        );
      } else {
        box.append(el("p", {}, `Every ${cycle.title} date in this guide is confirmed.`));
      }
      if (cycle.calendars.length) {
        box.append(el("p", {}, "Official calendars: ", ...cycle.calendars.flatMap((c, i) => [i ? "; " : "", el("a", { href: c.url }, `${c.title} (${c.publisher})`)])));
      }
      return box;
    }
  }

  function initialise() {
    const form = document.getElementById("pmkb-plan-form");
    const root = document.getElementById("pmkb-plan");
    if (!form || !root || root.dataset.started) return;
    root.dataset.started = "true";
    new PlanPage(form, root).start();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(initialise);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initialise);
  else initialise();
})();
