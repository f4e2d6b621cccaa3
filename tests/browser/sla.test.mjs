// Issue 14, S2: the list's Due column and the incident pane's SLA lines, with a page clock
// the test moves. The demo desk has the Paris office calendar (Monday to Friday 08:00-12:30
// and 13:30-18:00, Europe/Paris) and the Normal policy: first response in 8 working hours.
// The page's clock starts on Monday 2027-01-18 at 09:00 in Paris (08:00Z), so a new Normal
// incident's first response is due at 18:00: Follow-up (half) begins at 14:00, Warning (80 %,
// 6 h 24 min) at 16:24, Late at 18:00; on Tuesday at 09:00 it is an hour late (the office
// opened at 08:00). The clock runs on from each point (a few seconds of drift: countdowns
// are matched to the minute either side).
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

let app;

// Date.now() runs from Monday 08:00Z; __hotlineClock.offset (ms) moves it on.
function movableClock() {
  const real = Date.now.bind(Date);
  const start = real();
  globalThis.__hotlineClock = {offset: 0};
  Date.now = () => Date.UTC(2027, 0, 18, 8, 0, 0) + (real() - start) + globalThis.__hotlineClock.offset;
}

async function moveClockTo(hoursAfterStart) {
  await app.page.evaluate((h) => { globalThis.__hotlineClock.offset = h * 3600 * 1000; }, hoursAfterStart);
  await app.nextFrames(3);
}

const title = 'Boiler down in the school kitchen';
const row = (s) => s.rows.find((r) => r.title === title);
let number;  // the new incident's

// In Paris, as the office: dates are shown and typed in the page's zone.
before(async () => { app = await openApp({query: '?demo', initScript: movableClock, timezoneId: 'Europe/Paris'}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors');
  await app.close();
});

test('a new incident counts down its first response in office hours, then turns Follow-up, Warning and Late', async () => {
  const created = await app.createIncident(title);
  number = created.selected.number;
  assert.equal(created.selected.sla.state, 'on_track');
  assert.match(created.selected.sla.lines[0], /^SLA Normal, counted in the working hours of Paris office$/);
  assert.match(created.selected.sla.lines[1], /^First response: due .*, (7h 59m|8h 00m) left$/);
  assert.match(created.selected.sla.lines[2], /^Resolution: due /);
  await app.press('Escape');
  let s = await app.waitFor((st) => row(st)?.sla === 'on_track', 'the list shows the new incident on track');
  assert.match(row(s).due, /^(7h 59m|8h 00m)$/);

  await moveClockTo(5.5);  // 14:30 in Paris: 4 h 30 used of 8
  s = await app.waitFor((st) => row(st)?.sla === 'follow_up', 'Follow-up at half the target');
  assert.match(row(s).due, /^3h (29|30)m$/);
  await app.screenshot('sla_1_follow_up');

  await moveClockTo(7.5);  // 16:30: 6 h 30 used
  s = await app.waitFor((st) => row(st)?.sla === 'warning', 'Warning at 80 %');
  assert.match(row(s).due, /^1h (29|30)m$/);

  await moveClockTo(24);  // Tuesday 09:00: an hour of office time past the deadline
  s = await app.waitFor((st) => row(st)?.sla === 'late', 'Late once the target is used up');
  assert.match(row(s).due, /^-1h 0[01]m$/);
  await app.screenshot('sla_2_late');
});

test('the Due column sorts the running deadlines first, the late ones at the top', async () => {
  await app.click('Due', {window: 'Incidents'});
  const {rows} = await app.nextFrames(3).then(() => app.state());
  const group = {late: 0, warning: 1, follow_up: 1, on_track: 1, paused: 2, breached: 3, met: 4, none: 4};
  const groups = rows.map((r) => group[r.sla]);
  assert.ok(groups.includes(0), `some demo incidents are late: ${JSON.stringify(rows.map((r) => r.sla))}`);
  for (let i = 1; i < groups.length; ++i) {
    // Met and without SLA share the last key: they may interleave.
    assert.ok(groups[i - 1] <= groups[i], `row ${i} (${rows[i].sla}) after row ${i - 1} (${rows[i - 1].sla})`);
  }
  await app.screenshot('sla_3_sorted_by_due');
});

test('the incident pane says when the first response was met once work begins', async () => {
  const s = await app.openNumber(number);
  assert.equal(s.selected.sla.state, 'late');
  assert.match(s.selected.sla.lines[1], /^First response: was due .*, 1h 0[01]m overdue$/);
  await app.click('In progress', {window: 'Incident'});
  const after = await app.waitFor((st) => st.selected?.status === 'In progress', 'work begins');
  assert.match(after.selected.sla.lines[1], /^First response: met late, /);
  assert.match(after.selected.sla.lines[2], /^Resolution: due .*, \d+h \d\dm left$/);
});

// A deadline set by hand (typed in the browser's zone, as the app reads it): the resolution is
// due then, Late from then on, and clearing it brings back the policy's target.
test('a resolution deadline set by hand replaces the target, turns Late at its moment, and can be cleared', async () => {
  const local = (utcHour) => app.page.evaluate((h) => {
    const d = new Date(Date.UTC(2027, 0, 19, h, 0));
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
  }, utcHour);
  const due = await local(9);  // Tuesday 10:00 in Paris, an hour from the page's clock
  await app.fill('Resolve by', due, {window: 'Incident'});
  await app.click('Set deadline', {window: 'Incident'});
  let s = await app.waitFor((st) => st.message === `Resolve by ${due}`, 'the deadline is set');
  assert.match(s.selected.sla.lines[2], new RegExp(`^Resolution: due ${due}, (59m|1h 00m) left · set by hand$`));
  await app.screenshot('sla_4_deadline_by_hand');

  await moveClockTo(25.5);  // Tuesday 09:30Z: half an hour past it
  s = await app.waitFor((st) => st.selected?.sla.state === 'late', 'Late from the deadline on');
  assert.match(s.selected.sla.lines[2], new RegExp(`^Resolution: was due ${due}, (29|30|31)m overdue · set by hand$`));

  await app.click('Clear deadline', {window: 'Incident'});
  s = await app.waitFor((st) => st.message === 'Deadline cleared', 'the deadline is cleared');
  assert.doesNotMatch(s.selected.sla.lines[2], /set by hand/);
});

// The page's clock is in January (UTC+1 in Paris); a deadline typed for a July day is read at
// that day's offset, summer time (UTC+2): 14:00 is 12:00Z. One offset taken at start-up read
// it as 13:00Z, and showed every summer date an hour early.
test('a deadline typed for a summer day is read in summer time', async () => {
  await app.fill('Resolve by', '2027-07-14 14:00', {window: 'Incident'});
  await app.click('Set deadline', {window: 'Incident'});
  const s = await app.waitFor((st) => st.message === 'Resolve by 2027-07-14 14:00', 'the deadline is set');
  assert.equal(s.selected.fields['resolution.deadline'], String(Date.UTC(2027, 6, 14, 12, 0)));
  assert.match(s.selected.sla.lines[2], /^Resolution: due 2027-07-14 14:00, .* · set by hand$/);
});
