// Keyboard for the review desk: j/k move through the queue, Enter or o opens a flag,
// a/f/e/g act on it (on the queue they open the flag at that action). No other script runs.
(function () {
  "use strict";
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll("#queue tr.issue"));
  var sel = -1;
  function select(i) {
    if (!rows.length) return;
    if (sel >= 0) rows[sel].classList.remove("sel");
    sel = Math.max(0, Math.min(rows.length - 1, i));
    rows[sel].classList.add("sel");
    rows[sel].scrollIntoView({block: "nearest"});
  }
  rows.forEach(function (row, i) {
    row.addEventListener("click", function (e) {
      if (e.target.tagName !== "A") { window.location.href = row.getAttribute("data-href"); }
    });
  });
  function focus(id) {
    var el = document.getElementById(id);
    if (el) { el.scrollIntoView({block: "center"}); el.focus(); return true; }
    return false;
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (typing(e)) { if (e.key === "Escape") e.target.blur(); return; }
    var k = e.key;
    if (rows.length) {
      if (k === "j") { select(sel + 1); e.preventDefault(); return; }
      if (k === "k") { select(sel - 1); e.preventDefault(); return; }
      if (sel >= 0) {
        var href = rows[sel].getAttribute("data-href");
        var at = {"Enter": "", "o": "", "a": "#accept", "f": "#fix", "e": "#edit", "g": "#glossary"}[k];
        if (at !== undefined) { window.location.href = href + at; e.preventDefault(); }
      }
      return;
    }
    if (k === "a" && focus("reason")) { e.preventDefault(); return; }
    if (k === "e" && focus("edit-text")) { e.preventDefault(); return; }
    if (k === "g" && focus("glossary-form-value")) { e.preventDefault(); return; }
    if (k === "f") {
      var fix = document.getElementById("fix");
      if (fix) { e.preventDefault(); fix.submit(); }
      return;
    }
    if (k === "j") { var next = document.getElementById("next"); if (next) window.location.href = next.href; return; }
    if (k === "q") { window.location.href = "/"; }
  });
  // opened at an action from the queue: #accept, #edit, #glossary focus their field; #fix shows the fix
  var at = {"#accept": "reason", "#edit": "edit-text", "#glossary": "glossary-form-value", "#fix": "fix-section"}[window.location.hash];
  if (at) focus(at);
})();
