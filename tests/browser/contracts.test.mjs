// Contracts in Administration (R5, S7) against the real server with the demo desk: who grants
// support is a manager's decision. The manager opens Castle Print Studio's support pack among
// the contracts (each shown with its customer), raises its allowance from 3 to 5 incidents and
// saves it through sync; an agent registering a call for that customer then sees 5 left, and
// has no Administration (contracts are not theirs to change: the server refuses an agent's
// contract, core_authorization_test).
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {serverAndPage} from './support.mjs';

const desk = serverAndPage();

const pack = 'Annual support pack · Castle Print Studio';

test('a manager raises a support pack in Administration; the agent registering a call sees it', async () => {
  const {app} = desk;
  await app.signIn('manager');
  await app.click('Administration', {window: 'Top bar'});
  await app.waitFor((s) => s.screen === 'admin' && s.admin.tab === 'reference',
                    'Administration opens on reference data');
  await app.click('Kind', {window: 'Administration'});
  await app.click('Contract');
  await app.waitFor((s) => s.admin.reference.kind === 'contract' && s.admin.reference.editable,
                    'the contracts are shown, editable by a manager');
  await app.click(pack, {window: 'Administration'});
  let state = await app.waitFor((s) => s.admin.reference.form?.editing, 'the pack opens in the form');
  const id = state.admin.reference.form.editing;
  const record = (s) => s.admin.reference.records.find((r) => r.id === id);
  assert.equal(record(state).fields.allowance, '3');
  assert.equal(record(state).fields.allowance_unit, 'incidents');

  await app.click('Allowance', {window: 'Administration'});
  await app.press('Control+A');
  await app.type('5');
  await app.click('Save', {window: 'Administration'});
  state = await app.waitFor((s) => record(s)?.fields.allowance === '5' && s.sync.pending === 0,
                            'the allowance is saved and synced', {timeout: 20000});
  assert.equal(state.message_is_error, false, state.message);
  await app.screenshot('contracts_1_pack_raised');

  await app.click('Settings');
  await app.click('Sign out', {window: 'Settings'});
  const agent = await app.signIn('ahughes');
  assert.equal(agent.admin_visible, false, 'no Administration for an agent');
  await app.press('n');
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.press('Control+K');
  await app.chooseWithKeys('lucy che', 'callers', (m) => m.kind === 'contact' && m.name === 'Lucy Chen', 'the contact');
  state = await app.waitFor((s) => s.create.registration.entitlements.length === 1, 'the support pack shows');
  assert.equal(state.create.registration.entitlements[0].left, 5, 'the agent sees the raised allowance');
});
