/* roads_ext: show program times in the visitor's own time zone too, and keep an
   old page's phase and important dates in step with the visitor's clock.
   Progressive enhancement: the page already gives every time with its zone;
   this adds one line "2:30 PM – 2:40 PM your time" under a time or range where
   the visitor's clock differs from the venue's. It writes in the page's language
   (<html lang>), on the clock the build chose, with the build's translated
   sentences: both are data attributes of this script's own tag. */
(function () {
  "use strict";

  var script = document.currentScript;
  function setting(name, fallback) {
    var value = script && script.getAttribute("data-roads-" + name);
    return value || fallback;
  }
  var hourCycle = setting("hour-cycle", "");
  var yourTime = setting("your-time", "%(times)s your time");
  var zoneNote = setting("zone-note", "Below each time, the same in your time zone (%(zone)s).");

  function language() {
    var tag = document.documentElement.lang || undefined;
    try {
      new Intl.DateTimeFormat(tag);
      return tag;
    } catch (error) {
      return undefined; // a tag the browser does not know: its own language
    }
  }

  function offsetMinutes(iso) {
    var match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
    if (!match) return /Z$/.test(iso) ? 0 : null;
    var minutes = parseInt(match[2], 10) * 60 + parseInt(match[3], 10);
    return match[1] === "-" ? -minutes : minutes;
  }

  function venueDay(when, offset) {
    return new Date(when.getTime() + offset * 60000).getUTCDate();
  }

  function localise() {
    if (!window.Intl || !Intl.DateTimeFormat) return;
    var zone = "";
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return;
    }
    var groups = [];
    Array.prototype.forEach.call(document.querySelectorAll("time.roads-time[datetime]"), function (element) {
      var holder = element.closest(".roads-when") || element.parentNode;
      var last = groups[groups.length - 1];
      if (last && last.holder === holder) {
        last.times.push(element);
      } else {
        groups.push({ holder: holder, times: [element] });
      }
    });
    var shown = 0;
    var lang = language();
    groups.forEach(function (group) {
      var parts = [];
      var differs = false;
      group.times.forEach(function (element) {
        var iso = element.getAttribute("datetime");
        var when = new Date(iso);
        var offset = offsetMinutes(iso);
        if (isNaN(when.getTime()) || offset === null) return;
        if (-when.getTimezoneOffset() !== offset) differs = true;
        var options = { hour: "numeric", minute: "2-digit" };
        if (hourCycle) options.hourCycle = hourCycle;
        if (venueDay(when, offset) !== when.getDate()) options.weekday = "short";
        parts.push(when.toLocaleTimeString(lang, options));
      });
      if (!differs || !parts.length) return;
      var local = document.createElement("span");
      local.className = "roads-local-time";
      local.textContent = yourTime.replace("%(times)s", parts.join(" \u2013 "));
      group.holder.appendChild(local);
      shown += 1;
    });
    if (shown && zone) {
      Array.prototype.forEach.call(document.querySelectorAll(".roads-zone-note"), function (note) {
        var extra = document.createElement("span");
        extra.className = "roads-local-note";
        extra.textContent = " " + zoneNote.replace("%(zone)s", zone);
        note.appendChild(extra);
      });
    }
  }

  /* The important dates' Passed/Next labels were decided when the page was built; a
     page older than a date (the site is rebuilt only on a push) shows the labels of the
     visitor's clock instead. Only ever forward: a clock behind the build changes
     nothing. (The phase itself is switched by a few lines in the page's head, before
     the page is drawn, so that nothing moves.) */
  function followDates() {
    var holder = document.getElementById("roads-phase-data");
    if (!holder) return;
    var data;
    try {
      data = JSON.parse(holder.textContent);
    } catch (error) {
      return;
    }
    var now = Date.now();
    if (!(now > Date.parse(data.built))) return;
    Array.prototype.forEach.call(document.querySelectorAll("table.roads-dates-table"), function (table) {
      var labels = table.querySelectorAll(".roads-date-state[data-roads-over]");
      var over = Array.prototype.map.call(labels, function (label) {
        return Date.parse(label.getAttribute("data-roads-over"));
      });
      var next = Math.min.apply(null, over.filter(function (moment) { return now < moment; }));
      Array.prototype.forEach.call(labels, function (label, index) {
        var state = now >= over[index] ? "passed" : over[index] === next ? "next" : "upcoming";
        var row = label.closest("tr");
        if (!row || row.classList.contains("roads-date-" + state)) return;
        row.classList.remove("roads-date-passed", "roads-date-next", "roads-date-upcoming");
        row.classList.add("roads-date-" + state);
        var text = setting(state, { passed: "Passed", next: "Next", upcoming: "Upcoming" }[state]);
        label.textContent = "";
        if (state === "next") {
          var strong = document.createElement("strong");
          strong.textContent = text;
          label.appendChild(strong);
        } else {
          label.textContent = text;
        }
      });
    });
  }

  function start() {
    followDates();
    localise();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
