// An agent's day in one browser profile, step by step (each test continues the last):
// register an incident with the keyboard alone, work its timeline, be refused "Solved"
// without an actual solution (W5), fill it in and solve, then reload and find it all there.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

const title = 'Printer jams on every second page';
const customer = 'Oakridge Dental Practice';
const phone = '+44 20 7946 0018';
const event = 'Called the customer: the paper tray spring is worn.';
const problem = 'Worn pickup roller';
const solution = 'Replaced the pickup roller and the tray spring';

let app;
let number;  // the new incident's number, as shown
before(async () => { app = await openApp(); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors during the whole flow');
  await app.close();
});

test('register an incident with the keyboard only: it appears in the list with a number',
     async () => {
  await app.waitFor((s) => s.screen === 'list' && s.total === 0, 'the empty desk shows');
  await app.press('n');  // "New incident" while no text field has the keyboard
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.type(title);  // the form's first field (Title) has the keyboard
  await app.press('Tab');
  await app.type(customer);
  await app.press('Tab');
  await app.type(phone);
  await app.waitFor((s) => s.create.fields.title === title &&
                           s.create.fields['customer.name'] === customer &&
                           s.create.fields['customer.phone'] === phone,
                    'the form holds what was typed');
  await app.press('Control+Enter');

  const state = await app.waitFor((s) => s.screen === 'detail' && s.selected?.title === title,
                                  'the saved incident opens');
  number = state.selected.number;
  assert.match(number, /^\S+$/, 'the incident has a number at once, offline');
  const row = state.rows.find((r) => r.title === title);
  assert.ok(row, 'the incident is in the list');
  assert.equal(row.number, number);
  assert.equal(row.customer, customer);
  assert.equal(row.status, 'Registered');
  await app.waitFor((s) => !s.saving, 'the new incident is saved in IndexedDB');
  await app.screenshot('flow_1_registered');
});

test('add a timeline event; Solved is refused without an actual solution, then accepted',
     async () => {
  await app.click('Timeline', {window: 'Incident'});
  await app.waitFor((s) => s.tab === 'timeline', 'the Timeline tab shows');
  await app.click('Event text', {window: 'Incident'});
  await app.type(event);
  await app.click('Add event', {window: 'Incident'});
  await app.waitFor((s) => s.selected.events.some((e) => e.text === event),
                    'the event is in the timeline');
  await app.screenshot('flow_2_timeline');

  await app.click('In progress', {window: 'Incident'});
  await app.waitFor((s) => s.selected.status === 'In progress', 'the incident is in progress');
  await app.click('Solved', {window: 'Incident'});
  const refused = await app.waitFor((s) => s.message_is_error, 'the refusal shows');
  assert.match(refused.message, /Solved/);
  assert.match(refused.message, /Actual solution/);
  assert.equal(refused.selected.status, 'In progress', 'a refused transition changes nothing');
  await app.screenshot('flow_3_solved_refused');

  await app.click('Summary', {window: 'Incident'});
  await app.waitFor((s) => s.tab === 'summary', 'the Summary tab shows');
  for (const [label, text] of [['Actual problem', problem], ['Actual solution', solution]]) {
    await app.scrollTo(label, {window: 'Incident'});
    await app.click(label, {window: 'Incident'});
    await app.type(text);
  }
  await app.waitFor((s) => s.selected.draft.actual_solution === solution, 'the edits are typed');
  await app.press('Control+S');
  await app.waitFor((s) => s.selected.fields.actual_problem === problem &&
                           s.selected.fields.actual_solution === solution && !s.selected.unsaved,
                    'the summary is saved');
  await app.click('Solved', {window: 'Incident'});
  const solved = await app.waitFor((s) => s.selected.status === 'Solved' && !s.saving,
                                   'the incident is solved and saved');
  assert.equal(solved.message_is_error, false);
  await app.screenshot('flow_4_solved');
});

test('after a reload everything is still there (IndexedDB)', async () => {
  await app.load({reload: true});
  let state = await app.state();
  assert.equal(state.total, 1);
  const row = state.rows.find((r) => r.number === number);
  assert.ok(row, 'the incident is listed after the reload');
  assert.equal(row.title, title);
  assert.equal(row.status, 'Solved');

  await app.click(number, {window: 'Incidents'});
  state = await app.waitFor((s) => s.screen === 'detail' && s.selected?.number === number,
                            'the incident opens');
  assert.equal(state.selected.fields['customer.phone'], phone);
  assert.equal(state.selected.fields.actual_solution, solution);
  assert.ok(state.selected.events.some((e) => e.text === event), 'the timeline event is kept');
  const statuses = state.selected.log.filter((l) => l.field === 'Status').map((l) => l.new);
  assert.deepEqual(statuses.slice(-2), ['In progress', 'Solved'],
                   'the transaction log has both transitions');
  await app.click('Transaction log', {window: 'Incident'});
  await app.screenshot('flow_5_after_reload');
});
