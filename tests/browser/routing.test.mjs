// Issue 14, S4: the demo desk's routing rule sends critical incidents to the first field
// technician (Tom Fletcher) and his department. A new Critical incident, Route: it is
// assigned, moved to Assigned, and its timeline and transaction log name the rule.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

let app;
before(async () => { app = await openApp({query: '?demo'}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors');
  await app.close();
});

test('Route gives a Critical incident to the field technician its rule names', async () => {
  const title = 'Cold room at +12 °C';
  const created = await app.createIncident(title, {priority: 'Critical'});
  assert.equal(created.selected.fields.priority, '1');
  await app.click('Route', {window: 'Incident'});
  const s = await app.waitFor((st) => st.selected.status === 'Assigned', 'routed and assigned');
  assert.equal(s.message, 'Routed by rule Critical calls to field service');
  assert.equal(s.selected.fields.assignee, 'tfletcher');
  assert.notEqual(s.selected.fields.service_department, '');
  const routed = s.selected.events.find((e) => e.type === 'Routed');
  assert.equal(routed?.text, 'Critical calls to field service');
  const handover = s.selected.events.find((e) => e.type === 'Assignment');
  assert.match(handover.text, /Routing rule: Critical calls to field service/);
  await app.screenshot('routing_1_routed');

  // Routed again: nothing to do, and it says so.
  await app.click('Route', {window: 'Incident'});
  const again = await app.waitFor((st) => st.message_code === 'already_routed', 'already routed');
  assert.equal(again.message_is_error, true);
});
