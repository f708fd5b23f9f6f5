/* roads_ext: show program times in the visitor's own time zone too.
   Progressive enhancement: the page already gives every time with its zone;
   this fills the line under a time or range ("2:30 PM – 2:40 PM", read as "your
   time"), which shows the venue's zone until then, where the visitor's clock differs
   from the venue's. The line is in the page from the start, with its height reserved
   (roads.css): filling it shifts nothing (Lighthouse's CLS stays 0). */
(function () {
  "use strict";

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
        if (index === 0 && venueDay(when, offset) !== when.getDate()) options.weekday = "short";
        parts.push(when.toLocaleTimeString(undefined, options));
      });
      if (!differs || !parts.length) return;
      // the line is in the page from the start, its height reserved: filling it moves nothing
      var local = group.holder.querySelector(".roads-local-time");
      if (!local) {
        local = document.createElement("span");
        local.className = "roads-local-time";
        group.holder.appendChild(local);
      }
      local.textContent = parts.join(" \u2013 ");
      var label = document.createElement("span");
      label.className = "roads-sr";
      label.textContent = " your time";
      local.appendChild(label);
      local.title = "Your time" + (zone ? " (" + zone + ")" : "");
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
        extra.textContent = "Under each time: your own time (" + zone + ").";
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", localise);
  } else {
    localise();
  }
})();
