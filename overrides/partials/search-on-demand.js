/* Hold the theme's request for the search index (every page's text) until the visitor is about
 * to search; the theme shows "Initializing search" until it arrives, as it always does. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var SHORTCUTS = ["/", "s", "S", "f", "F"];
  var proto = XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var held = [];
  var released = false;

  proto.open = function (method, url) {
    this.pmkbSearchIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (this.pmkbSearchIndex && !released) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (released) return;
    released = true;
    document.removeEventListener("focusin", onFocus, true);
    document.removeEventListener("pointerdown", onPointer, true);
    document.removeEventListener("keydown", onKey, true);
    document.removeEventListener("change", onChange, true);
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }
  function inSearch(target) {
    return target instanceof Element && target.closest(".md-search, label[for='__search']") !== null;
  }
  function onFocus(event) { if (inSearch(event.target)) release(); }
  function onPointer(event) { if (inSearch(event.target)) release(); }
  function onChange(event) { if (event.target && event.target.id === "__search") release(); }
  function onKey(event) {
    var target = event.target;
    var typing = target instanceof Element && target.closest("input, textarea, select, [contenteditable]");
    if (SHORTCUTS.indexOf(event.key) >= 0 && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      release();
    }
  }

  if (new URLSearchParams(location.search).has("h")) {
    release(); // opened from a search result: the theme highlights the terms using the index
  } else {
    document.addEventListener("focusin", onFocus, true);
    document.addEventListener("pointerdown", onPointer, true);
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("change", onChange, true);
  }
})();
