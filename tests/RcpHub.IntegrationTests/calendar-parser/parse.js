// Reads an iCalendar document on stdin and prints its events as JSON on stdout, as node-ical understands them.
// A document node-ical cannot parse makes this exit non-zero, so that the test fails.
'use strict';
const ical = require('node-ical');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const parsed = ical.sync.parseICS(input);
  const values = Object.values(parsed);
  const calendar = values.find(v => v.type === 'VCALENDAR') || {};
  const events = values.filter(v => v.type === 'VEVENT').map(e => ({
    uid: e.uid,
    summary: e.summary,
    location: e.location ?? null,
    description: e.description ?? null,
    url: typeof e.url === 'string' ? e.url : (e.url && e.url.val) || null,
    status: e.status ?? null,
    sequence: e.sequence ?? null,
    start: e.start.toISOString(),
    end: e.end.toISOString(),
    stamp: e.dtstamp ? new Date(e.dtstamp).toISOString() : null,
  }));
  process.stdout.write(JSON.stringify({ version: calendar.version ?? null, events }));
});
