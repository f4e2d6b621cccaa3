// Issue 14, S4, against the real server: the demo admin writes a new routing rule (When
// priority 1) in Administration and, before saving it, tries it on a Normal incident (it
// does not meet When priority; no saved rule routes it) and on a Critical one (it meets
// every condition; the demo's rule routes it today). Nothing is saved.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {serverAndPage} from './support.mjs';

const desk = serverAndPage();

test('a routing rule is tried on an incident while it is typed, before it is saved (S4)', async () => {
  await desk.app.signIn('admin', {incidents: 0});
  const normal = (await desk.app.createIncident('Invoice copy wanted')).selected.number;
  const urgent = (await desk.app.createIncident('Freezer alarm at night', {priority: 'Critical'})).selected.number;
  await desk.app.click('Administration', {window: 'Top bar'});
  await desk.app.waitFor((s) => s.screen === 'admin', 'Administration opens');
  await desk.app.click('Reference data', {window: 'Administration'});
  await desk.app.click('Kind', {window: 'Administration'});
  await desk.app.click('Routing rule');
  await desk.app.waitFor((s) => s.admin.reference.kind === 'routing_rule' && s.admin.reference.editable,
                    'the routing rules are shown, editable');
  await desk.app.click('New record', {window: 'Administration'});
  await desk.app.fill('Name', 'Night alarms', {window: 'Administration'});
  await desk.app.click('When priority', {window: 'Administration'});
  await desk.app.click('1');  // the priorities' values
  await desk.app.waitFor((s) => s.admin.reference.form?.editing === '', 'the new rule is in the form');

  await desk.app.fill('Test on incident', normal, {window: 'Administration'});
  await desk.app.click('Test rule', {window: 'Administration'});
  let state = await desk.app.waitFor((s) => s.admin.rule_test.length === 2, 'the rule is tried');
  assert.deepEqual(state.admin.rule_test, [`Incident ${normal} does not meet: When priority`,
                                           'No saved rule routes it today']);

  await desk.app.click('Test on incident', {window: 'Administration'});
  await desk.app.press('Control+a');
  await desk.app.type(urgent);
  await desk.app.click('Test rule', {window: 'Administration'});
  state = await desk.app.waitFor((s) => s.admin.rule_test[0]?.startsWith(`Incident ${urgent}`), 'tried on the other');
  assert.deepEqual(state.admin.rule_test, [`Incident ${urgent} meets every condition of this rule`,
                                           'Route gives it to rule Critical calls to field service today']);
  assert.equal(state.admin.reference.records.some((r) => r.fields.name === 'Night alarms'), false,
               'nothing was saved');
  await desk.app.screenshot('admin_5_rule_test');
});
