// Registering calls against the demo service company's real records (issue 8, R1-R6), in one
// browser profile on the static demo: a phone call taken with the keyboard alone (caller
// lookup, serial lookup, save), an account whose blocking reason forbids registering, and a
// caller with an open incident whose call is added to it instead of a new incident.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

// A hand-written customer of assets/demo/demo_data.json (stable whatever the demo's day).
const contact = 'Sarah Collins';
const account = 'Harbour Freight Ltd';
const serial = 'PHB8K41207';
const title = 'Label printer prints blank labels';

let app;
before(async () => { app = await openApp({query: '?demo'}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors during the whole flow');
  await app.close();
});

const registration = (s) => s.create.registration;

test('a phone call registered with the keyboard only: caller, unit, title, save', async () => {
  let state = await app.waitFor((s) => s.demo && s.screen === 'list' && s.total > 0, 'the demo desk shows');
  const total = state.total;
  await app.press('n');
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.press('Control+K');  // the Caller lookup takes the keyboard
  await app.chooseWithKeys('sarah coll', 'callers', (m) => m.kind === 'contact' && m.name === contact,
                       'the contact');
  state = await app.waitFor((s) => registration(s).contact?.name === contact, 'the contact is chosen');
  assert.equal(registration(state).account.name, account, 'choosing the contact fills its account');
  assert.equal(state.create.fields['customer.name'], account, 'the customer snapshot is filled');
  assert.equal(state.create.fields['customer.contact'], contact);
  assert.equal(registration(state).callers_open, false, 'the dropdown closed');

  // Choosing the caller gave the keyboard to the serial lookup.
  await app.chooseWithKeys(serial.slice(0, 5), 'serials', (u) => u.serial === serial, 'the unit');
  state = await app.waitFor((s) => registration(s).unit?.serial === serial, 'the unit is chosen');
  const unit = registration(state).unit;
  assert.match(unit.warranty, /warranty/i, 'the warranty shows at once');
  assert.match(unit.contract, /Print Care Gold/, 'the contract shows at once');
  assert.equal(state.create.fields['unit.serial'], serial);
  await app.screenshot('registration_1_chosen');

  // Choosing the unit gave the keyboard to the title.
  await app.type(title);
  state = await app.waitFor((s) => s.create.fields.title === title, 'the title is typed');
  const chosen = registration(state);
  await app.press('Control+Enter');
  state = await app.waitFor((s) => s.screen === 'detail' && s.selected?.title === title, 'the incident is saved');
  assert.equal(state.total, total + 1);
  assert.equal(state.selected.fields.account, chosen.account.id);
  assert.equal(state.selected.fields.contact, chosen.contact.id);
  assert.equal(state.selected.fields.unit, chosen.unit.id);
  assert.equal(state.selected.fields['customer.name'], account);
  assert.equal(state.selected.fields['unit.serial'], serial);
  await app.screenshot('registration_2_saved');
});

test('an account whose blocking reason forbids registering: the save is refused with the reason',
     async () => {
  let state = await app.state();
  const blocked = state.blocked_accounts.find((b) => b.mode === 'forbid');
  assert.ok(blocked, 'the demo has an account that may not register calls');
  const total = state.total;
  await app.press('Control+N');
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.click('Caller', {window: 'New incident'});
  await app.chooseWithKeys(blocked.account, 'callers', (m) => m.kind === 'account' && m.name === blocked.account,
                       'the blocked account');
  state = await app.waitFor((s) => registration(s).account?.name === blocked.account, 'the account is chosen');
  assert.ok(registration(state).blocking.some((b) => b.mode === 'forbid' && b.text === blocked.text),
            'the forbidding reason is shown');
  await app.click('Title', {window: 'New incident'});
  await app.type('Coffee machine leaks');
  await app.waitFor((s) => s.create.fields.title === 'Coffee machine leaks', 'the title is typed');
  await app.press('Control+Enter');
  state = await app.waitFor((s) => s.message_is_error, 'the refusal shows');
  assert.ok(state.message.includes(blocked.text), `the message gives the reason: ${state.message}`);
  assert.equal(state.screen, 'create', 'the form stays open');
  assert.equal(state.total, total, 'no incident was created');
  await app.screenshot('registration_3_forbidden');
  await app.press('Escape');
  await app.waitFor((s) => s.confirm_leave, 'leaving the typed form asks first');
  await app.click('Discard', {window: 'Unsaved changes'});
  await app.waitFor((s) => s.screen !== 'create', 'the form closes');
});

test('a caller with an open incident: the call is added to it as an event', async () => {
  let state = await app.state();
  const closed = ['Closed', 'Archived'];
  const names = new Set(state.blocked_accounts.map((b) => b.account));
  const open = state.rows.find((r) => !closed.includes(r.status) && r.customer && !names.has(r.customer));
  assert.ok(open, 'the demo list has an open incident of a customer');
  const total = state.total;
  await app.press('Control+N');
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.press('Control+K');
  await app.chooseWithKeys(open.customer, 'callers', (m) => m.kind === 'account' && m.name === open.customer,
                       'the account');
  state = await app.waitFor((s) => registration(s).account?.name === open.customer &&
                                   registration(s).related.length > 0, 'the caller\'s open incidents are listed');
  const related = registration(state).related;
  assert.ok(related.every((r) => !closed.includes(r.status)), 'only open incidents are offered');
  const target = related[registration(state).related_highlight];
  const text = 'Customer called again: still not working.';
  await app.click('Description', {window: 'New incident'});
  await app.type(text);
  await app.waitFor((s) => s.create.fields.description === text, 'the description is typed');
  await app.press('Control+E');
  state = await app.waitFor((s) => s.screen === 'detail' && s.selected?.id === target.id,
                            'the incident opens on its timeline');
  assert.equal(state.total, total, 'no incident was created');
  assert.equal(state.tab, 'timeline');
  const call = state.selected.events.find((e) => e.text === text);
  assert.ok(call, 'the call is in the incident\'s timeline');
  assert.equal(call.type, 'Incoming call');
  await app.screenshot('registration_4_call_added');
});

test('a new account and a new contact are made from the form without leaving it', async () => {
  const company = 'Quayside Bakery Ltd';
  const person = 'Tom Quayle';
  await app.press('Control+N');
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.click('New account', {window: 'New incident'});
  await app.waitFor((s) => registration(s).new_record === 'account', 'the new-account form shows');
  await app.click('Name', {window: 'New incident'});
  await app.type(company);
  await app.click('Create', {window: 'New incident'});
  let state = await app.waitFor((s) => registration(s).account?.name === company, 'the new account is chosen');
  assert.equal(registration(state).new_record, null, 'the new-account form closed');
  assert.equal(state.create.fields['customer.name'], company);

  await app.click('New contact', {window: 'New incident'});
  await app.waitFor((s) => registration(s).new_record === 'contact', 'the new-contact form shows');
  await app.click('Name', {window: 'New incident'});
  await app.type(person);
  await app.click('Create', {window: 'New incident'});
  state = await app.waitFor((s) => registration(s).contact?.name === person, 'the new contact is chosen');
  assert.equal(registration(state).account.name, company, 'the contact belongs to the chosen account');
  assert.equal(state.screen, 'create', 'still registering');
  await app.screenshot('registration_5_new_records');
});
