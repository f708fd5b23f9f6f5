/* roads_ext: filter a long list of accepted papers in the browser.
   Progressive enhancement: without this script the whole list (grouped, with a line of
   links to its groups) is there; the search box above it keeps its place hidden
   (roads.css) and this script shows it: no layout shift. The papers' words come from a JSON
   index the build wrote (this script's data-roads-index), fetched when the box is first
   used, not at load. A paper is shown when every word typed is in the field chosen
   (or in any); a group with no paper shown is hidden, and its link struck through.
   A long list in pages has one index for all its pages: the papers of other pages that
   match are listed below the box (each linked where it is), and the count is of all.
   The class names are spelt from one prefix, and the script's state is in attributes, not
   classes: the style cut of the build keeps a rule for any class word a script names,
   everywhere on the site, and the rules of this list are for the list alone. */
(function () {
  "use strict";

  var me = document.currentScript;
  var url = me && me.getAttribute("data-roads-index");
  var C = "roads-" + "paper"; // the classes of the list: C + "-search", C + "-group", ...
  var boxes = document.querySelectorAll("." + C + "-search");
  if (!url || !boxes.length || !window.fetch) return;
  var FIELDS = { title: 1, authors: 2, keywords: 3, award: 4 };
  var loading = null;

  function load() {
    if (!loading) {
      loading = fetch(url)
        .then(function (response) { return response.json(); })
        .then(function (index) {
          var rows = {};
          index.papers.forEach(function (row) {
            var words = row.slice(0, 5).map(function (cell) { return String(cell).toLowerCase(); });
            words.row = row;
            words.url = row.length > 5 && index.pages ? index.pages[row[5]] + "#" + row[0] : "";
            rows[row[0]] = words;
          });
          return rows;
        });
    }
    return loading;
  }

  function matches(row, words, field) {
    var text = field === "all" ? row.slice(1).join(" ") : row[FIELDS[field]] || "";
    return words.every(function (word) { return text.indexOf(word) !== -1; });
  }

  function setUp(box) {
    var block = box.closest("." + C + "s");
    var entry = box.elements[0];
    var field = box.elements[1];
    var status = box.querySelector("." + C + "-search-status");
    var entries = Array.prototype.slice.call(block.querySelectorAll("." + C));
    var parts = block.querySelectorAll("." + C + "-group");
    var here = {};
    entries.forEach(function (one) { here[one.id] = true; });
    var more = box.getAttribute("data-roads-elsewhere");
    var others = null;
    var timer = 0;

    // the matching papers of the list's other pages, after the box: title (linked), authors
    function elsewhere(rows, words) {
      var found = [];
      if (more && words.length) {
        Object.keys(rows).forEach(function (id) {
          var row = rows[id];
          if (row.url && !here[id] && matches(row, words, field.value)) found.push(row);
        });
      }
      if (!others && !found.length) return 0;
      if (!others) {
        others = document.createElement("div");
        others.className = C + "-elsewhere";
        others.appendChild(document.createElement("p")).textContent = more;
        others.appendChild(document.createElement("ul"));
        box.parentNode.insertBefore(others, box.nextSibling);
      }
      var list = others.lastChild;
      list.textContent = "";
      found.slice(0, 100).forEach(function (row) {
        var item = list.appendChild(document.createElement("li"));
        var link = item.appendChild(document.createElement("a"));
        link.href = row.url;
        link.textContent = row.row[1];
        if (row.row[2]) item.appendChild(document.createTextNode(" · " + row.row[2].split("; ").join(", ")));
      });
      if (found.length > 100) {
        list.appendChild(document.createElement("li")).textContent = box.getAttribute("data-roads-more")
          .replace("%(count)s", found.length - 100);
      }
      others.hidden = !found.length;
      return found.length;
    }

    function apply() {
      load().then(function (rows) {
        var words = entry.value.toLowerCase().split(/\s+/).filter(Boolean);
        var shown = 0;
        entries.forEach(function (one) {
          var row = rows[one.id];
          var keep = !words.length || (row ? matches(row, words, field.value) : false);
          one.hidden = !keep;
          if (keep) shown += 1;
        });
        shown += elsewhere(rows, words);
        Array.prototype.forEach.call(parts, function (part) {
          var empty = !part.querySelector("." + C + ":not([hidden])");
          part.hidden = empty;
          var jump = block.querySelector("." + C + '-groups [href="#' + part.id + '"]');
          if (jump) jump.toggleAttribute("data-empty", empty);
        });
        status.textContent = !words.length ? "" : shown ? box.getAttribute("data-roads-shown")
          .replace("%(shown)s", shown).replace("%(total)s", box.getAttribute("data-roads-total")) : box.getAttribute("data-roads-none");
      });
    }

    entry.addEventListener("focus", load);
    entry.addEventListener("in" + "put", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 150);
    });
    field.addEventListener("change", apply);
    box.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    box.setAttribute("data-ready", "");
  }

  Array.prototype.forEach.call(boxes, setUp);
})();
