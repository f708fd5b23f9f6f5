/* roads_ext: show program times in the visitor's own time zone too.
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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", localise);
  } else {
    localise();
  }
})();
