// A department's working hours (S3) against the real server with the demo desk: the Critical
// policy names no calendar (it counts around the clock), so once the manager gives Remote
// support UK the Paris office's hours in Administration, a Critical incident that department
// holds counts in those hours, as its SLA line says (core/incident_sla.hpp: the policy's
// calendar first, else the department's, else 24/7).
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {serverAndPage} from './support.mjs';

const desk = serverAndPage();

const title = 'Payroll server unreachable';
const team = 'Remote support UK';

test('a manager gives a department its working hours; the SLA of what it holds counts in them', async () => {
  const {app} = desk;
  await app.signIn('manager');
  await app.createIncident(title, {priority: 'Critical'});
  await app.pick('Service department', team);
  await app.click('Assign', {window: 'Incident'});
  let state = await app.waitFor((s) => s.selected.work.department === team && s.sync.pending === 0,
                                'the incident is in the department and synced', {timeout: 20000});
  assert.match(state.selected.sla.lines[0], /^SLA Critical, around the clock, counted around the clock \(UTC\)$/);
  const number = state.selected.number;

  await app.click('Administration', {window: 'Top bar'});
  await app.waitFor((s) => s.screen === 'admin' && s.admin.tab === 'reference', 'Administration opens on reference data');
  await app.click('Kind', {window: 'Administration'});
  await app.click('Department');
  await app.waitFor((s) => s.admin.reference.kind === 'department' && s.admin.reference.editable,
                    'the departments are shown, editable by a manager');
  await app.click(`${team}  (dept_2)`, {window: 'Administration'});  // a record by name and key
  state = await app.waitFor((s) => s.admin.reference.form?.editing, 'the department opens in the form');
  const id = state.admin.reference.form.editing;
  const record = (s) => s.admin.reference.records.find((r) => r.id === id);
  assert.equal(record(state).fields.calendar, '', 'no hours of its own yet');
  await app.click('Calendar', {window: 'Administration'});
  await app.click('Paris office');
  await app.click('Save', {window: 'Administration'});
  state = await app.waitFor((s) => record(s)?.fields.calendar === 'paris_office' && s.sync.pending === 0,
                            'the department has the Paris office hours, saved and synced', {timeout: 20000});
  assert.equal(state.message_is_error, false, state.message);
  await app.screenshot('department_hours_1_calendar');

  state = await app.openNumber(number);
  assert.match(state.selected.sla.lines[0],
               /^SLA Critical, around the clock, counted in the working hours of Paris office$/);
});
