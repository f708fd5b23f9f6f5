/* roads_ext: show program times in the visitor's own time zone too.
   Loaded once the page is drawn (a loader in the page, assets.py): an old page's phase
   and important dates are put in step with the visitor's clock by a few lines in its
   head (phases.py), before it is drawn.
   Progressive enhancement: the page already gives every time with its zone;
   this fills the line under a time or range ("2:30 PM – 2:40 PM", read as "your
   time"), which shows the venue's zone until then, where the visitor's clock differs
   from the venue's. The line is in the page from the start, with its height reserved
   (roads.css): filling it shifts nothing (Lighthouse's CLS stays 0). It writes in the
   page's language (<html lang>), on the clock the build chose, with the build's
   translated sentences: both are data attributes of this script's own tag. */
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
    // one formatter per set of options: toLocaleTimeString makes a new one on every call,
    // the most costly part of this script on a program of many times
    var formatters = {};
    function timeOf(when, options) {
      var key = options.weekday ? "weekday" : "time";
      if (!formatters[key]) formatters[key] = new Intl.DateTimeFormat(lang, options);
      return formatters[key].format(when);
    }
    groups.forEach(function (group) {
      var parts = [];
      var differs = false;
      group.times.forEach(function (element, index) {
        var iso = element.getAttribute("datetime");
        var when = new Date(iso);
        var offset = offsetMinutes(iso);
        if (isNaN(when.getTime()) || offset === null) return;
        if (-when.getTimezoneOffset() !== offset) differs = true;
        var options = { hour: "numeric", minute: "2-digit" };
        if (hourCycle) options.hourCycle = hourCycle;
        if (index === 0 && venueDay(when, offset) !== when.getDate()) options.weekday = "short";
        parts.push(timeOf(when, options));
      });
      if (!differs || !parts.length) return;
      // the line is in the page from the start, its height reserved: filling it moves nothing
      var local = group.holder.querySelector(".roads-local-time");
      if (!local) {
        local = document.createElement("span");
        local.className = "roads-local-time";
        group.holder.appendChild(local);
      }
      // the times are seen; the sentence's other words ("your time") are read, not shown
      var pieces = yourTime.split("%(times)s");
      local.textContent = "";
      [pieces[0], parts.join(" \u2013 "), pieces.slice(1).join("")].forEach(function (text, index) {
        if (!text) return;
        if (index === 1) {
          local.appendChild(document.createTextNode(text));
        } else {
          var hidden = document.createElement("span");
          hidden.className = "roads-sr";
          hidden.textContent = text;
          local.appendChild(hidden);
        }
      });
      local.title = yourTime.replace("%(times)s", "").trim() + (zone ? " (" + zone + ")" : "");
      shown += 1;
    });
    if (shown && zone) {
      Array.prototype.forEach.call(document.querySelectorAll(".roads-zone-note"), function (note) {
        var extra = note.querySelector(".roads-local-note");
        if (!extra) {
          extra = document.createElement("span");
          extra.className = "roads-local-note";
          note.appendChild(extra);
        }
        extra.textContent = " " + zoneNote.replace("%(zone)s", zone);
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", localise);
  } else {
    localise();
  }
})();
