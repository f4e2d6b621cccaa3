// An incident's work on the static demo (issue 11, W2-W4), in one browser profile, each test
// continuing the last: assign a new incident to a department and a person picked from the demo
// company's staff (Assigned, with an event), hand it over to a field technician (refused
// without a reason, then kept with it on the timeline and in the transaction log), then run the
// work timer, reload the page and find it still running, stop it and log minutes by hand.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

// Staff and departments of assets/demo/demo_data.json.
const priya = 'Priya Shah';
const remote = 'Remote support UK';
const tom = 'Tom Fletcher';
const field = 'Field service UK North';
const title = 'Boiler pressure drops every night';
const reason = 'Needs a visit on site';

let app;
let number;
before(async () => { app = await openApp({query: '?demo'}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors during the whole flow');
  await app.close();
});

const work = (s) => s.selected.work;

test('assign a new incident to a department and a person from the staff: it is Assigned', async () => {
  await app.waitFor((s) => s.demo && s.screen === 'list' && s.total > 0, 'the demo desk shows');
  let state = await app.createIncident(title);
  number = state.selected.number;
  assert.equal(state.selected.status, 'Registered');
  assert.equal(work(state).assignee, '');

  await app.pick('Service department', remote);
  await app.pick('Assignee', `${priya} \u00b7 ${remote}`);
  await app.waitFor((s) => work(s).choice.assignee === 'pshah' && work(s).choice.department !== '',
                    'department and person are chosen');
  await app.click('Assign', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.status === 'Assigned' && work(s).assignee === priya,
                            'the incident is assigned to Priya and Assigned');
  assert.equal(work(state).department, remote);
  assert.equal(state.selected.unsaved, false, 'the assignment leaves no unsaved Summary edit behind');
  assert.ok(state.selected.events.some((e) => e.text === `\u2014 \u2192 ${remote} / ${priya}`),
            'the assignment is on the timeline');
  assert.equal(state.rows.find((r) => r.number === number)?.assignee, priya, 'the list shows the assignee');
  await app.screenshot('work_1_assigned');
});

test('a hand-over to a field technician needs a reason, and the history keeps it', async () => {
  await app.pick('Service department', field);
  await app.pick('Assignee', `${tom} \u00b7 ${field}`);
  await app.click('Assign', {window: 'Incident'});
  let state = await app.waitFor((s) => s.message_code === 'missing_reason', 'the hand-over is refused');
  assert.equal(work(state).assignee, priya, 'a refused hand-over changes nothing');

  await app.click('Reason', {window: 'Incident'});
  await app.type(reason);
  await app.click('Assign', {window: 'Incident'});
  state = await app.waitFor((s) => work(s).assignee === tom && !s.message_is_error, 'the incident is Tom\'s');
  assert.equal(work(state).department, field);
  assert.equal(state.selected.unsaved, false);
  assert.equal(state.selected.status, 'Assigned');
  assert.ok(state.selected.events.some((e) => e.text === `${remote} / ${priya} \u2192 ${field} / ${tom}\n${reason}`),
            'the hand-over, with its reason, is on the timeline');
  const assignees = state.selected.log.filter((l) => l.field === 'Assignee').map((l) => l.new);
  assert.deepEqual(assignees, [priya, tom], 'the transaction log has both assignments, by name');
  await app.screenshot('work_2_handed_over');
});

test('the work timer survives a reload; minutes logged by hand add to the total', async () => {
  await app.click('Start timer', {window: 'Incident'});
  await app.waitFor((s) => work(s).timer_running && work(s).time.some((t) => t.person === 'agent' && t.running),
                    'the timer runs');
  await app.waitFor((s) => !s.saving, 'the timer is saved in IndexedDB');

  await app.load({reload: true});
  await app.press('Control+F');
  await app.type(title);
  await app.click(number, {window: 'Incidents'});
  let state = await app.waitFor((s) => s.screen === 'detail' && s.selected?.number === number &&
                                       work(s).timer_running, 'the incident opens, its timer still running');
  assert.equal(work(state).assignee, tom);

  await app.click('Stop timer', {window: 'Incident'});
  await app.waitFor((s) => !work(s).timer_running, 'the timer stops');
  await app.click('Minutes', {window: 'Incident'});
  await app.type('30');
  await app.click('Time note', {window: 'Incident'});
  await app.type('Called the customer back');
  await app.click('Log time', {window: 'Incident'});
  state = await app.waitFor((s) => work(s).time.some((t) => t.person === 'agent' && t.minutes >= 30 && !t.running),
                            'the 30 minutes count in the total');
  assert.equal(state.message_is_error, false);
  const timeLog = state.selected.log.filter((l) => l.field.startsWith('Time entry: '));
  assert.ok(timeLog.some((l) => l.field === 'Time entry: Minutes' && l.new === '30'),
            'the transaction log shows the minutes logged');
  assert.ok(timeLog.some((l) => l.field === 'Time entry: Ended' && l.new !== ''),
            'and the timer stopped');
  await app.screenshot('work_3_time');
});
