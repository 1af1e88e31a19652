// The check report's search, counts and sort. The kind/level/status filters are radio inputs that
// CSS alone applies; this script adds what CSS can't: counts that follow every filter, a search box,
// an article filter, sorting, hiding articles with nothing left to show, and copying a command.
(function () {
  "use strict";
  var table = document.getElementById("issue-table");
  if (!table) return;
  var body = table;
  var LEVEL = { error: 0, warning: 1, info: 2 };
  var rows = Array.prototype.map.call(table.querySelectorAll(".issue"), function (tr, i) {
    return {
      tr: tr, i: i, kind: tr.dataset.kind, kinds: (tr.dataset.kinds || tr.dataset.kind).split(" "),
      level: tr.dataset.level, article: tr.dataset.article,
      status: tr.classList.contains("accepted") ? "accepted" : "open", date: tr.dataset.date || "",
      text: tr.textContent.toLowerCase(), shown: true
    };
  });
  var search = document.getElementById("search");
  var articleSelect = document.getElementById("article-filter");
  var sortSelect = document.getElementById("sort");
  var shownCount = document.getElementById("shown-count");
  var sections = {};
  Array.prototype.forEach.call(document.querySelectorAll("section.article[data-slug]"), function (s) {
    sections[s.dataset.slug] = s;
  });

  function checked(name) {
    var input = document.querySelector("input[name=" + name + "]:checked");
    var v = input ? input.dataset.value || "" : "";
    return v;
  }

  function state() {
    return {
      kind: checked("kind"), level: checked("level"), status: checked("status"),
      article: articleSelect ? articleSelect.value : "", q: search ? search.value.trim().toLowerCase() : ""
    };
  }

  function fits(r, s, skip) {
    return (skip === "kind" || !s.kind || r.kinds.indexOf(s.kind) !== -1) &&
      (skip === "level" || !s.level || r.level === s.level) &&
      (skip === "status" || !s.status || r.status === s.status) &&
      (skip === "article" || !s.article || r.article === s.article) &&
      (!s.q || r.text.indexOf(s.q) !== -1);
  }

  function setCounts(attr, skip, s) {
    var counts = { "": 0 };
    rows.forEach(function (r) {
      if (!fits(r, s, skip)) return;
      counts[""] += 1;
      var keys = skip === "kind" ? r.kinds : [r[skip]];
      keys.forEach(function (key) { counts[key] = (counts[key] || 0) + 1; });
    });
    Array.prototype.forEach.call(document.querySelectorAll("label[data-" + attr + "] .n"), function (n) {
      var value = n.parentNode.getAttribute("data-" + attr);
      var c = counts[value] || 0;
      if (n.textContent !== String(c)) n.textContent = c;
    });
  }

  function apply() {
    var s = state();
    var visible = 0, perArticle = {};
    rows.forEach(function (r) {
      var show = fits(r, s);
      if (show !== r.shown) { r.tr.hidden = !show; r.shown = show; }
      if (show) { visible += 1; perArticle[r.article] = (perArticle[r.article] || 0) + 1; }
    });
    setCounts("kind", "kind", s);
    setCounts("level", "level", s);
    setCounts("status", "status", s);
    var filtered = !!(s.kind || s.level || s.status || s.article || s.q);
    if (shownCount) shownCount.textContent = filtered ? visible + " of " + rows.length + " shown" : "";
    Object.keys(sections).forEach(function (slug) {
      var hide = filtered && !perArticle[slug];
      if (sections[slug].hidden !== hide) sections[slug].hidden = hide;
    });
  }

  function sortRows() {
    var key = sortSelect.value;
    var ordered = rows.slice().sort(function (a, b) {
      var d = 0;
      if (key === "level") d = LEVEL[a.level] - LEVEL[b.level];
      else if (key === "kind") d = a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
      else if (key === "article") d = a.article < b.article ? -1 : a.article > b.article ? 1 : 0;
      else if (key === "date") d = a.date > b.date ? -1 : a.date < b.date ? 1 : 0;
      return d || a.i - b.i;
    });
    var frag = document.createDocumentFragment();
    ordered.forEach(function (r) { frag.appendChild(r.tr); });
    body.appendChild(frag);
  }

  function copy(text, button) {
    function done() {
      button.classList.add("copied");
      button.textContent = "copied";
      setTimeout(function () { button.textContent = "copy"; button.classList.remove("copied"); }, 1500);
    }
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); } catch (e) { /* the command stays selectable on the page */ }
      document.body.removeChild(area);
      done();
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  document.addEventListener("change", function (e) {
    if (e.target.matches("input.filter-input, #article-filter")) apply();
    else if (e.target === sortSelect) sortRows();
  });
  if (search) search.addEventListener("input", apply);
  document.addEventListener("click", function (e) {
    var button = e.target.closest(".copy");
    if (button) { copy(button.dataset.command, button); return; }
    var pick = e.target.closest("a.pick-article");
    if (pick && articleSelect) {
      e.preventDefault();
      articleSelect.value = pick.dataset.slug;
      apply();
      table.scrollIntoView();
    }
  });
  document.addEventListener("keydown", function (e) {
    var button = e.target.closest && e.target.closest(".copy");
    if (button && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); copy(button.dataset.command, button); }
  });
  document.documentElement.classList.add("js");
  apply();
})();
