// Timeline: mark the phases that hold today's date (the visitor's clock) and say so in words.
// Phases carry data-start/data-end (YYYY-MM-DD) written by the build, which also wrote a
// fallback statement for visitors without JavaScript. No network access, no storage.
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

  function markCurrentPhases() {
    const statement = document.getElementById("pmkb-today");
    const dated = Array.from(document.querySelectorAll(".pmkb-phase[data-start][data-end]"));
    if (!statement || !dated.length) return;
    const today = window.PMKB_TODAY || isoToday(); // PMKB_TODAY lets tests pin the date
    const current = dated.filter((p) => p.dataset.start <= today && today <= p.dataset.end);
    for (const phase of document.querySelectorAll(".pmkb-phase")) {
      phase.classList.toggle("pmkb-phase--current", current.includes(phase));
    }
    statement.textContent = `Today (${today}), `;
    if (current.length) {
      statement.append(current.length === 1 ? "the season is in the phase " : "the season is in the phases ");
      current.forEach((phase, index) => {
        if (index) statement.append(" and ");
        const link = document.createElement("a");
        link.href = `#${phase.dataset.phase}`;
        link.textContent = phaseTitle(phase);
        statement.append("“", link, "”");
      });
      statement.append(".");
    } else if (today < dated[0].dataset.start) {
      statement.append("this cycle's dated phases have not started yet.");
    } else {
      statement.append("the dates of this cycle are behind us; check the next cycle's calendar.");
    }
    statement.dataset.today = today;
  }

  // Material's instant navigation (if enabled) re-renders pages through document$.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markCurrentPhases);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markCurrentPhases);
  } else {
    markCurrentPhases();
  }
})();
