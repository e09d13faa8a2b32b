// Checklist boxes (pymdownx.tasklist) sit in an empty <label>, so screen readers announce
// "checkbox" with no name. Name each box after the text of its own list item.
document.querySelectorAll(".task-list-item > .task-list-control > input[type=checkbox]").forEach((box) => {
  const item = box.closest(".task-list-item");
  const text = item ? item.textContent.replace(/\s+/g, " ").trim() : "";
  if (text && !box.hasAttribute("aria-label")) box.setAttribute("aria-label", text);
});
