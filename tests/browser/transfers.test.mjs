// Transfers and billing on the static demo (issue 11, W8, W9): a new incident is transferred
// to a workshop repair (RMA) from the Orders panel of its Summary, shows Transferred with the
// order listed under its number, and when the order is marked Done with a note the incident
// is back In progress with the order's outcome on its timeline; last, it is not billed, with
// a reason. Each test continues the last.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

const title = 'Pharmacy fridge alarm keeps sounding';
const repair = 'Workshop repair (RMA)';
const note = 'Compressor replaced in the workshop';

let app;
let number;
// Tall enough for the Orders panel below Assignment and Time spent without scrolling (a
// run of wheel turns makes Chromium log a passive-listener intervention as a console error).
before(async () => { app = await openApp({query: '?demo', viewport: {width: 1280, height: 1400}}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors during the whole flow');
  await app.close();
});

const orders = (s) => s.selected.orders.orders;

// Items of the Summary below the fold are scrolled into view first.
async function clickIn(label) {
  await app.scrollTo(label, {window: 'Incident'});
  await app.click(label, {window: 'Incident'});
}

test('transfer a new incident to a workshop repair: it is Transferred, the order listed', async () => {
  await app.waitFor((s) => s.demo && s.screen === 'list' && s.total > 0, 'the demo desk shows');
  let state = await app.createIncident(title);
  number = state.selected.number;
  assert.deepEqual(orders(state), []);

  await clickIn('Transfer\u2026');
  await app.waitFor((s) => s.selected.orders.transfer_open, 'the transfer form opens');
  await clickIn('Order type');
  await app.click(repair);
  await app.waitFor((s) => s.selected.orders.request.type === 'workshop_repair', 'the workshop repair is chosen');
  await clickIn('Planned date');
  await app.type('2026-12-10');
  await clickIn('Create order');
  state = await app.waitFor((s) => s.selected.status === 'Transferred' && orders(s).length === 1,
                            'the incident is Transferred with its order');
  const [order] = orders(state);
  assert.equal(order.number, `${number}-1`);
  assert.equal(order.type, repair);
  assert.equal(order.status, 'Planned');
  assert.ok(state.selected.events.some((e) => e.type === 'Transfer' && e.text.startsWith(`${number}-1 \u00b7 ${repair}`)),
            'the transfer is on the timeline');
  assert.equal(state.selected.unsaved, false);
  await app.screenshot('transfers_1_transferred');
});

test('the order done with a note brings the incident back In progress, the outcome on its timeline', async () => {
  await clickIn(`${number}-1`);
  await app.waitFor((s) => s.selected.orders.chosen !== '', 'the order opens for an update');
  await clickIn('Order status');
  await app.click('Done');
  await clickIn('Outcome');
  await app.type(note);
  await clickIn('Update order');
  let state = await app.waitFor((s) => s.selected.status === 'In progress' && orders(s)[0].status === 'Done',
                                'the order is done and the incident In progress');
  assert.equal(orders(state)[0].outcome, note);
  assert.equal(state.message_is_error, false);
  const back = state.selected.events.find((e) => e.type === 'Transfer' && e.text.includes(note));
  assert.ok(back, 'the outcome is on the timeline');
  assert.equal(back.text, `${number}-1 \u00b7 ${repair} \u2192 Done\n${note}`);
  assert.equal(await app.page.evaluate((t) => window.hotline.missingGlyphs(t), back.text), '',
               'the interface font draws every character of it (the arrow too)');
  await app.screenshot('transfers_2_done');

  await app.click('Timeline', {window: 'Incident'});
  state = await app.waitFor((s) => s.tab === 'timeline', 'the timeline shows');
  assert.deepEqual(state.selected.events.filter((e) => e.type === 'Transfer').length, 2,
                   'the transfer and its outcome');
  await app.screenshot('transfers_3_timeline');
});

test('billing: the incident is billable without coverage; not billing it asks for a reason (W9)', async () => {
  await app.click('Summary', {window: 'Incident'});
  let state = await app.waitFor((s) => s.tab === 'summary', 'the Summary shows');
  assert.equal(state.selected.orders.billing.billable, true, 'no unit, no coverage: billable');
  await clickIn('Do not bill');
  state = await app.waitFor((s) => s.message_code === 'missing_billing_reason', 'refused without a reason');
  assert.equal(state.selected.orders.billing.billable, true);
  await clickIn('Billing reason');
  await app.type('Goodwill: the order was late');
  await clickIn('Do not bill');
  state = await app.waitFor((s) => s.selected.orders.billing.billable === false, 'not billable any more');
  assert.equal(state.selected.orders.billing.overridden, true);
  assert.equal(state.selected.unsaved, false, 'the override leaves no unsaved Summary edit behind');
  assert.ok(state.selected.log.some((l) => l.field === 'Billing' && l.new === 'Not billable'),
            'the override is in the transaction log');
  await app.screenshot('transfers_4_billing');
});
