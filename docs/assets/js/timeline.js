// Timeline: mark the stage of the season that holds today's date (the visitor's clock), its
// phases, and say so in words. Stage rows carry data-start/data-end (YYYY-MM-DD) and data-phases
// written by the build (from the same season model as the plan page), which also marked the
// build date's stage for visitors without JavaScript. No network access, no storage.
(function () {
  "use strict";

  function isoToday() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function phaseTitle(phase) {
    const heading = phase.querySelector("h2");
    if (!heading) return phase.dataset.phase;
    // The heading reads "3. Title" followed by the permalink mark.
    return heading.textContent.replace(/\s*¶\s*$/, "").replace(/^\d+\.\s*/, "").trim();
  }

  function markCurrentStage() {
    const statement = document.getElementById("pmkb-today");
    const stages = Array.from(document.querySelectorAll(".pmkb-stage[data-start][data-end]"));
    if (!statement || !stages.length) return;
    const today = window.PMKB_TODAY || isoToday(); // PMKB_TODAY lets tests pin the date
    const stage = stages.find((s) => s.dataset.start <= today && today <= s.dataset.end) || null;
    const ids = stage ? (stage.dataset.phases || "").split(" ").filter(Boolean) : [];
    for (const row of stages) {
      row.classList.toggle("pmkb-stage--current", row === stage);
    }
    const sections = Array.from(document.querySelectorAll(".pmkb-phase"));
    for (const phase of sections) {
      phase.classList.toggle("pmkb-phase--current", ids.includes(phase.dataset.phase));
    }
    // In the stage's order: its main phase first.
    const current = ids.map((id) => sections.find((s) => s.dataset.phase === id)).filter(Boolean);
    statement.textContent = `Today (${today}), `;
    if (current.length) {
      statement.append(current.length === 1 ? "the season is in the phase " : "the season is in the phases ");
      current.forEach((phase, index) => {
        if (index) statement.append(index === current.length - 1 ? " and " : ", ");
        const link = document.createElement("a");
        link.href = `#${phase.dataset.phase}`;
        link.textContent = phaseTitle(phase);
        statement.append("“", link, "”");
      });
      statement.append(".");
    } else if (today < stages[0].dataset.start) {
      statement.append("this cycle's dated phases have not started yet.");
    } else {
      statement.append("the dates of this cycle are behind us; check the next cycle's calendar.");
    }
    statement.dataset.today = today;
  }

  // Material's instant navigation (if enabled) re-renders pages through document$.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markCurrentStage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markCurrentStage);
  } else {
    markCurrentStage();
  }
})();
