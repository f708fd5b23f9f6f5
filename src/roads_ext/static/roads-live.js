/* roads_ext: a program's live links (stream, call, chat) on the workshop's day.
   Loaded only by a page whose program has live links (its class: data-roads-program).
   Progressive enhancement: without it every slot's live links are listed. With it, on a
   slot's day (the venue's date) its live links are listed and the current and the next
   slot are marked (.roads-now, .roads-next, a badge); before that day the links' line says
   when they open, after it that they are closed (the links hidden). Nothing moves: the
   badge and the note are placed over room the page keeps for them (roads.css), and the
   links are hidden with their line's height kept. Checked again every minute. */
(function () {
  "use strict";

  var script = document.currentScript;
  function setting(name, fallback) {
    var value = script && script.getAttribute("data-roads-" + name);
    return value || fallback;
  }
  var words = { now: setting("now", "Now"), next: setting("next", "Next") };
  var opens = setting("opens", "Live links open on %(day)s.");
  var closed = setting("closed", "The live links are closed.");
  // the program's class comes from this script's tag: the site's styles keep the rules
  // that name it only on the pages that have it
  var programs = "." + setting("program", "none");
  var each = function (list, action) { Array.prototype.forEach.call(list, action); };

  // the venue's day of a time written "2023-06-08T09:00:00-07:00": [its midnight, the next]
  function dayOf(iso) {
    var match = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.exec(iso || "");
    if (!match) return null;
    var start = new Date(match[1] + "T00:00:00" + match[2]).getTime();
    return [start, start + 86400000];
  }

  function dayName(time) {
    var zone = time.getAttribute("data-roads-zone") || undefined;
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang || undefined,
        { month: "long", day: "numeric", timeZone: zone }).format(new Date(time.getAttribute("datetime")));
    } catch (error) {
      return time.getAttribute("datetime").slice(0, 10);
    }
  }

  function slots(program) {
    var found = [];
    // a table's rows, and the slots of a rooms grid (whose times are their grid row's,
    // unless the slot shows its own)
    each(program.querySelectorAll("tr.roads-slot, .roads-rooms-slot"), function (row) {
      var times = row.querySelectorAll("time.roads-time[datetime]");
      if (!times.length && row.parentNode && row.parentNode.firstElementChild) {
        times = row.parentNode.firstElementChild.querySelectorAll("time.roads-time[datetime]");
      }
      if (!times.length) return;
      var start = new Date(times[0].getAttribute("datetime")).getTime();
      var end = times.length > 1 ? new Date(times[1].getAttribute("datetime")).getTime() : null;
      found.push({ row: row, time: times[0], start: start, end: end, day: dayOf(times[0].getAttribute("datetime")) });
    });
    found.forEach(function (slot, index) {
      if (slot.end === null) slot.end = index + 1 < found.length ? found[index + 1].start : slot.start + 3600000;
    });
    return found;
  }

  function note(line, text) {
    var shown = line.querySelector(".roads-live-note");
    if (!text) {
      if (shown) line.removeChild(shown);
      return;
    }
    if (!shown) {
      shown = document.createElement("span");
      shown.className = "roads-live-note";
      line.appendChild(shown);
    }
    shown.textContent = text;
  }

  function mark(row, word) {
    row.classList.add(word === "now" ? "roads-now" : "roads-next");
    var cell = row.tagName === "TR" ? row.lastElementChild : row;
    var badge = document.createElement("span");
    badge.className = "roads-live-mark";
    badge.textContent = words[word];
    cell.insertBefore(badge, cell.firstChild);
    if (word === "now") row.setAttribute("aria-current", "time");
  }

  function update() {
    var now = Date.now();
    each(document.querySelectorAll(programs), function (program) {
      each(program.querySelectorAll(".roads-live-mark"), function (badge) { badge.parentNode.removeChild(badge); });
      var all = slots(program);
      var next = null;
      all.forEach(function (slot) {
        slot.row.classList.remove("roads-now", "roads-next");
        slot.row.removeAttribute("aria-current");
        var today = slot.day && slot.day[0] <= now && now < slot.day[1];
        each(slot.row.querySelectorAll(".roads-slot-live"), function (line) {
          var before = slot.day && now < slot.day[0];
          var after = slot.day && now >= slot.day[1];
          line.classList.toggle("roads-live-waiting", Boolean(before || after));
          note(line, before ? opens.replace("%(day)s", dayName(slot.time)) : after ? closed : "");
        });
        if (!today) return;
        if (slot.start <= now && now < slot.end) mark(slot.row, "now");
        else if (slot.start > now && (next === null || slot.start <= next)) next = slot.start;
      });
      all.forEach(function (slot) {
        if (slot.start === next && slot.day[0] <= now && now < slot.day[1]) mark(slot.row, "next");
      });
    });
  }

  update();
  setInterval(update, 60000);
})();
