/* roads_ext: show each program time in the visitor's own time zone too.
   Progressive enhancement: the page already names every time and its zone;
   this only adds "(5:30 PM your time)" where the visitor's clock differs. */
(function () {
  "use strict";
  function offsetMinutes(iso) {
    var match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
    if (!match) return /Z$/.test(iso) ? 0 : null;
    var minutes = parseInt(match[2], 10) * 60 + parseInt(match[3], 10);
    return match[1] === "-" ? -minutes : minutes;
  }
  function localise() {
    if (!window.Intl || !Intl.DateTimeFormat) return;
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
      return;
    }
    var times = document.querySelectorAll("time.roads-time[datetime]");
    var shown = 0;
    Array.prototype.forEach.call(times, function (element) {
      var iso = element.getAttribute("datetime");
      var when = new Date(iso);
      var eventOffset = offsetMinutes(iso);
      if (isNaN(when.getTime()) || eventOffset === null) return;
      if (-when.getTimezoneOffset() === eventOffset) return;
      var sameDay = new Date(when.getTime() + eventOffset * 60000).getUTCDate() === when.getDate();
      var options = { hour: "numeric", minute: "2-digit" };
      if (!sameDay) {
        options.weekday = "short";
      }
      var local = document.createElement("span");
      local.className = "roads-local-time";
      local.textContent = " (" + when.toLocaleTimeString(undefined, options) + " your time)";
      element.insertAdjacentElement("afterend", local);
      shown += 1;
    });
    if (shown && zone) {
      Array.prototype.forEach.call(document.querySelectorAll(".roads-zone-note"), function (note) {
        var extra = document.createElement("span");
        extra.className = "roads-local-note";
        extra.textContent = " Your own time (" + zone + ") is shown in brackets.";
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
