// An incident walked with the stage bar (issue 11, W14), solved with a resolution code picked
// from the tree (W5), then printed and exported for the customer (W15), on the static demo, in
// one browser profile, each test continuing the last.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

// Records of assets/demo/demo_data.json.
const priya = 'Priya Shah';
const remote = 'Remote support UK';
const title = 'Fridge stops cooling at night';

let app;
// Tall enough for the Summary's resolution without scrolling: wheel scrolling makes Chromium
// log a console error (a passive listener), which the no-errors check would count.
before(async () => { app = await openApp({query: '?demo', viewport: {width: 1280, height: 1400}}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors during the whole flow');
  await app.close();
});

const stage = (s) => s.selected.stage;

test('the stage bar shows Register and asks for the assignment; after it, Next step moves the incident on', async () => {
  await app.waitFor((s) => s.demo && s.screen === 'list' && s.total > 0, 'the demo desk shows');
  let state = await app.createIncident(title);
  assert.equal(stage(state).current, 0, 'Register');
  assert.deepEqual(stage(state).missing, ['missing_service_department', 'missing_assignee']);
  for (const label of ['Register', 'Assign', 'Work', 'Solve', 'Accept', 'Close']) await app.item(`Stage: ${label}`, {window: 'Incident'});
  await app.screenshot('stages_1_register');

  await app.pick('Service department', remote);
  await app.pick('Assignee', `${priya} \u00b7 ${remote}`);
  await app.click('Assign', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.status === 'Assigned', 'assigned');
  assert.equal(stage(state).current, 1, 'Assign');
  await app.click('Next step: In progress', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.status === 'In progress', 'the one click starts the work');
  assert.equal(stage(state).current, 2, 'Work');
  assert.deepEqual(stage(state).missing, ['guard_actual_problem_solution']);
});

test('Solve is refused until the actual problem and solution are there; the resolution is a code from the tree', async () => {
  await app.click('Next step: Solved', {window: 'Incident'});
  await app.waitFor((s) => s.message_code === 'guard_actual_problem_solution', 'Solved is refused, with the reason');
  await app.navOn('Actual problem', {window: 'Incident'});
  await app.type('Start relay burnt');
  await app.press('Tab');
  await app.navOn('Actual solution', {window: 'Incident'});
  await app.type('Relay replaced');
  await app.press('Tab');  // the keyboard brings the code pickers into view
  await app.navOn('General resolution', {window: 'Incident'});
  await app.pick('General resolution', 'Part replaced');
  await app.pick('Specific resolution', 'Defrost timer');
  let state = await app.waitFor((s) => s.selected.draft['resolution.code'] !== '', 'the code is chosen');
  const code = state.selected.draft['resolution.code'];
  await app.click('Save', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.fields['resolution.code'] === code && !s.selected.unsaved, 'saved');
  assert.deepEqual(stage(state).missing, [], 'nothing is missing for Solve any more');
  await app.screenshot('stages_2_resolution');

  await app.click('Next step: Solved', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.status === 'Solved', 'solved');
  assert.equal(stage(state).current, 3, 'Solve');
  assert.ok(state.selected.log.some((l) => l.field === 'Resolution code' && l.new === 'Part replaced \u203a Defrost timer'),
            'the transaction log names the code by its labels');
  await app.screenshot('stages_3_solved');
});

test('the incident for the customer: its log as CSV, the page as HTML, and printed', async () => {
  await app.click('Transaction log', {window: 'Incident'});
  const csv = await app.download('Export log as CSV');
  assert.match(csv.name, /^incident-\d+-log\.csv$/);
  assert.ok(csv.text.startsWith('\ufeffDate,Field,Author,Old value,New value,Superseded\r\n'), csv.text.slice(0, 80));
  assert.ok(csv.text.includes('Part replaced \u203a Defrost timer'));
  assert.ok(csv.text.includes(title));

  const html = await app.download('Save as HTML');
  assert.match(html.name, /^incident-\d+\.html$/);
  assert.ok(html.text.includes(`\u2014 ${title}</h1>`));
  assert.ok(html.text.includes('<h2>Transaction log</h2>'));
  assert.ok(html.text.includes('Relay replaced'));

  await app.click('Print', {window: 'Incident'});
  const printed = await app.page.waitForFunction(() => document.getElementById('hotline-print')?.srcdoc || '');
  const srcdoc = await printed.jsonValue();
  assert.ok(srcdoc.includes('<h2>Timeline</h2>') && srcdoc.includes(title), 'the print frame holds the report');
  await app.screenshot('stages_4_log_export');
});
