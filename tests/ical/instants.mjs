// Read .ics files with Mozilla's ical.js (as Thunderbird and Nextcloud do) and print,
// as JSON, each event's start and end as ical.js places them: seconds since the epoch
// (UTC), and the time zone each was read in. Used by tests/test_calendar.py.
//
//   node instants.mjs FILE.ics ...
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const moment = (time) => time && {
  utc: time.isDate ? null : time.toUnixTime(),
  date: time.isDate ? time.toString() : null,
  zone: time.zone ? time.zone.tzid : null,
};

const found = [];
for (const path of process.argv.slice(2)) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  ICAL.TimezoneService.reset();
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    found.push({
      file: path, uid: event.uid, summary: event.summary,
      start: moment(event.startDate), end: moment(vevent.hasProperty("dtend") ? event.endDate : null),
    });
  }
}
process.stdout.write(JSON.stringify(found));
