// Timeline: mark the phase that holds today's date (the visitor's clock) and say so in words.
// Phases carry data-start/data-end (YYYY-MM-DD); the build wrote a fallback statement for
// visitors without JavaScript. No network access, no storage.
(function () {
  "use strict";

  function isoToday() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function markCurrentPhase() {
    const phases = Array.from(document.querySelectorAll(".pmkb-phase[data-start][data-end]"));
    const statement = document.getElementById("pmkb-today");
    if (!phases.length || !statement) return;
    const today = isoToday();
    let current = null;
    for (const phase of document.querySelectorAll(".pmkb-phase")) {
      phase.classList.remove("pmkb-phase--current");
    }
    for (const phase of phases) {
      if (phase.dataset.start <= today && today <= phase.dataset.end) current = phase;
    }
    statement.textContent = "";
    const prefix = document.createTextNode(`Today (${today}), `);
    statement.appendChild(prefix);
    if (current) {
      current.classList.add("pmkb-phase--current");
      const heading = current.querySelector("h2");
      const link = document.createElement("a");
      link.href = `#${current.dataset.phase}`;
      link.textContent = heading ? heading.textContent.replace(/\s*¶\s*$/, "").replace(/^\d+\.\s*/, "") : current.dataset.phase;
      statement.appendChild(document.createTextNode("the season is in the phase “"));
      statement.appendChild(link);
      statement.appendChild(document.createTextNode("”."));
    } else if (today < phases[0].dataset.start) {
      statement.appendChild(document.createTextNode("this cycle's dated phases have not started yet."));
    } else {
      statement.appendChild(document.createTextNode("the dates of this cycle are behind us; check the next cycle's calendar."));
    }
    statement.dataset.today = today;
  }

  // Material's instant navigation (if enabled later) re-renders pages through document$.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(markCurrentPhase);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markCurrentPhase);
  } else {
    markCurrentPhase();
  }
})();
