/* Leave English stop words ("I", "a", "where", ...) out of what the theme's search worker is
 * asked. The index never holds them (its pipeline filters them out), but the worker searches
 * every word of a query as a prefix, so "I" in "program asked where I rank" found every word
 * beginning with "i" (interview, interest, IMG) and put pages that matched only that first. While
 * a longer word is being typed ("i" of "interview") the results are those of the other words. A
 * query of stop words alone is sent as it is. Only the search worker's messages change. */
(function () {
  "use strict";
  var STOP = ("a able about across after all almost also am among an and any are as at be because been but by " +
    "can cannot could dear did do does either else ever every for from get got had has have he her hers him his " +
    "how however i if in into is it its just least let like likely may me might most must my neither no nor not " +
    "of off often on only or other our own rather said say says she should since so some than that the their " +
    "them then there these they this tis to too twas us wants was we were what when where which while who whom " +
    "why will with would yet you your").split(" ");
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js(\?|$)/;
  var Native = window.Worker;
  if (typeof Native !== "function") return;

  function isStop(word) { return STOP.indexOf(word.toLowerCase()) >= 0; }

  function withoutStopWords(query) {
    // The visitor wrote query syntax (a phrase, a wildcard, a field, +word or -word): leave it
    // alone. A hyphen inside a word ("pre-match", "H-1B") is no syntax.
    if (/["*:^~]|(^|\s)[+-]/.test(query)) return query;
    var words = query.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) { return !isStop(word); });
    return kept.length ? kept.join(" ") : query;
  }

  function Worker(url, options) {
    var worker = new Native(url, options);
    if (SEARCH_WORKER.test(String(url))) {
      var post = worker.postMessage;
      worker.postMessage = function (message) {
        if (message && message.type === 2 && typeof message.data === "string") { // a query
          var args = Array.prototype.slice.call(arguments);
          args[0] = { type: message.type, data: withoutStopWords(message.data) };
          return post.apply(worker, args);
        }
        return post.apply(worker, arguments);
      };
    }
    return worker;
  }
  Worker.prototype = Native.prototype;
  window.Worker = Worker;
})();
