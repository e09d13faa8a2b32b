// Small accessibility repairs to Material's markup, checked by axe-core in the test suite.

// Checklist boxes (pymdownx.tasklist) sit in an empty <label>, so screen readers announce
// "checkbox" with no name. Name each box after the text of its own list item.
document.querySelectorAll(".task-list-item > .task-list-control > input[type=checkbox]").forEach((box) => {
  const item = box.closest(".task-list-item");
  const text = item ? item.textContent.replace(/\s+/g, " ").trim() : "";
  if (text && !box.hasAttribute("aria-label")) box.setAttribute("aria-label", text);
});

// A table wider than the page scrolls inside its wrapper; keyboard users can scroll it only if
// the wrapper can take focus, and it then needs a name. Material adds the wrappers from its own
// script, so this runs once the page has loaded.
window.addEventListener("load", () => {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table (scrolls sideways)");
    }
  });
});
