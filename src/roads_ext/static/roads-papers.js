/* roads_ext: filter a long list of accepted papers in the browser.
   Progressive enhancement: without this script the whole list (grouped, with a line of
   links to its groups) is on the page; the search box above it keeps its place hidden
   (roads.css) and this script shows it: no layout shift. The papers' words come from a JSON
   index the build wrote (this script's data-roads-index), fetched when the box is first
   used, not with the page. A paper is shown when every word typed is in the field chosen
   (or in any); a group with no paper shown is hidden with its link. */
(function () {
  "use strict";

  var script = document.currentScript;
  var url = script && script.getAttribute("data-roads-index");
  var forms = document.querySelectorAll("form.roads-paper-search");
  if (!url || !forms.length || !window.fetch) return;
  var FIELDS = { title: 1, authors: 2, keywords: 3, award: 4 };
  var loading = null;

  function load() {
    if (!loading) {
      loading = fetch(url)
        .then(function (response) { return response.json(); })
        .then(function (data) {
          var rows = {};
          data.papers.forEach(function (row) {
            rows[row[0]] = row.map(function (cell) { return String(cell).toLowerCase(); });
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

  function setUp(form) {
    var block = form.closest(".roads-papers");
    var input = form.querySelector("input");
    var field = form.querySelector("select");
    var status = form.querySelector(".roads-paper-search-status");
    var items = Array.prototype.slice.call(block.querySelectorAll("li.roads-paper"));
    var groups = block.querySelectorAll(".roads-paper-group");
    var timer = 0;

    function apply() {
      load().then(function (rows) {
        var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
        var shown = 0;
        items.forEach(function (item) {
          var row = rows[item.id];
          var keep = !words.length || (row ? matches(row, words, field.value) : false);
          item.hidden = !keep;
          if (keep) shown += 1;
        });
        Array.prototype.forEach.call(groups, function (group) {
          var empty = !group.querySelector("li.roads-paper:not([hidden])");
          group.hidden = empty;
          var link = block.querySelector('.roads-paper-groups a[href="#' + group.id + '"]');
          if (link) link.classList.toggle("roads-paper-group-empty", empty);
        });
        status.textContent = !words.length ? "" : shown ? form.getAttribute("data-roads-shown")
          .replace("%(shown)s", shown).replace("%(total)s", items.length) : form.getAttribute("data-roads-none");
      });
    }

    input.addEventListener("focus", load);
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 150);
    });
    field.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    form.classList.add("roads-paper-search-ready");
  }

  Array.prototype.forEach.call(forms, setUp);
})();
