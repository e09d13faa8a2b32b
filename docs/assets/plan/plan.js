// The personal plan page: reads plan/data.json (built from the knowledge base) and shows what to
// do on the chosen day for the chosen profile and specialty. The choices live in the address
// (?type=us-img&specialty=pediatrics&date=2027-01-10&signals=A,B); nothing is stored or sent.
// HTML in the data is rendered at build time from our own content and is still copied through an
// allow-list; everything the visitor types is set as text only.
(function () {
  "use strict";

  const FIELDS = ["type", "specialty", "signals", "date"];

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
      sections.push(this.summary(choice, stage, next));
      if (!choice.type) {
        sections.push(el("p", { class: "pmkb-plan__ask" }, "Choose your applicant profile above to see the templates and notes for you."));
      }
      sections.push(this.now(choice, stage));
      sections.push(this.resources(choice, stage));
      if (next) sections.push(this.next(next));
      if (choice.specialty) sections.push(this.specialty(choice));
      if (choice.type) sections.push(this.profile(choice));
      sections.push(this.datesToVerify());
      this.root.replaceChildren(...sections);
      this.root.dataset.state = "ready";
      this.root.dataset.phases = stage.phases.join(" ");
      this.root.dataset.type = choice.type;
      this.root.dataset.specialty = choice.specialty;
      this.root.dataset.date = choice.date;
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
      const tags = (id, kind) => {
        const out = [];
        if (specialty && specialty[kind].includes(id)) out.push(`suggested for ${specialty.name}`);
        if (profile && profile[kind].includes(id)) out.push(`suggested for ${profile.title}`);
        return out.length ? ` (${out.join("; ")})` : "";
      };
      const box = el("section", { class: "pmkb-plan__resources", "aria-labelledby": "pmkb-plan-resources" });
      box.append(el("h2", { id: "pmkb-plan-resources" }, "Templates and rules for now"));
      const templates = templateIds.filter(suits);
      if (templates.length) {
        box.append(el("h3", {}, "Templates"));
        box.append(
          el(
            "ul",
            { class: "pmkb-plan__templates" },
            ...templates.map((id) => {
              const t = data.templates[id];
              return el("li", { "data-template": id }, el("a", { href: t.url }, t.title), `: ${t.purpose}${tags(id, "templates")} `, el("a", { href: t.checker_url, class: "pmkb-plan__check" }, "Open in the checker"));
            }),
          ),
        );
      } else {
        box.append(el("p", {}, "No email template fits this part of the season: there is nothing you need to send."));
      }
      const rules = ruleIds.filter((id) => data.rules[id]);
      if (rules.length) {
        box.append(el("h3", {}, "Rules to keep in mind"));
        box.append(
          el(
            "ul",
            { class: "pmkb-plan__rules" },
            ...rules.map((id) => el("li", { "data-rule": id }, el("a", { href: data.rules[id].url }, data.rules[id].title), `: ${data.rules[id].summary}${tags(id, "rules")}`)),
          ),
        );
      }
      return box;
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
