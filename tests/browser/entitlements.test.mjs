// Issue 14, S7 on the static demo: Castle Print Studio has a support pack of three incidents
// (assets/demo/demo_data.json), with the High SLA policy. Registering a call for it shows the
// pack and what is left; the incident saved draws on it (covered, not billed, High's SLA
// whatever its priority), and the next call sees one fewer. A call the agent waives, with the
// reason, draws on the pack without using it.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

const contact = 'Lucy Chen';
const pack = 'Annual support pack';

let app;
before(async () => { app = await openApp({query: '?demo'}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors');
  await app.close();
});

const entitlements = (s) => s.create.registration.entitlements;

// Opens the form, chooses Lucy Chen (Castle Print Studio) and waits until the pack shows.
async function startCall() {
  await app.press('n');
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.press('Control+K');
  await app.chooseWithKeys('lucy che', 'callers', (m) => m.kind === 'contact' && m.name === contact, 'the contact');
  return app.waitFor((s) => entitlements(s).length === 1, 'the support pack shows');
}

async function save(title) {
  await app.click('Title', {window: 'New incident'});
  await app.type(title);
  await app.press('Control+Enter');
  return app.waitFor((s) => s.screen === 'detail' && s.selected?.title === title, 'the incident is saved');
}

test('a call for a customer with a support pack draws on it and gets its SLA policy', async () => {
  await app.waitFor((s) => s.demo && s.screen === 'list' && s.total > 0, 'the demo desk shows');
  let state = await startCall();
  const [shown] = entitlements(state);
  assert.equal(shown.drawn, true, 'the pack is the one drawn on');
  assert.equal(shown.left, 3);
  assert.match(shown.text, new RegExp(`^${pack}: 3 of 3 incidents left, until \\d{4}-\\d{2}-\\d{2}$`));
  await app.screenshot('entitlements_1_shown');

  state = await save('Proof prints come out streaked');
  assert.equal(state.selected.fields.entitlement, shown.id);
  assert.equal(state.selected.fields.sla_policy, 'high');
  assert.equal(state.selected.fields.priority, '3', 'a Normal incident…');
  assert.match(state.selected.sla.lines[0], /^SLA High/, '…counted on High\'s targets');
  assert.equal(state.selected.orders.billing.coverage, 'contract', 'covered by the pack');
  assert.equal(state.selected.orders.billing.billable, false);
});

test('the next call sees one fewer; a waived call keeps its reason and uses nothing', async () => {
  let state = await startCall();
  assert.equal(entitlements(state)[0].left, 2);
  await app.click('Waive entitlement', {window: 'New incident'});
  const reason = 'Our engineer left the tray misaligned';
  await app.type(reason);
  state = await save('Tray jams after our visit');
  assert.equal(state.selected.fields['entitlement.waiver'], reason);
  assert.equal(state.selected.orders.billing.billable, true, 'waived: billed as without cover');
  await app.screenshot('entitlements_2_waived');

  state = await startCall();
  assert.equal(entitlements(state)[0].left, 2, 'the waived call used nothing');
});
