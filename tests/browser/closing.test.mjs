// Acceptance and closing on the static demo (issue 11, W6), in one browser profile: on a
// Solved incident of the demo desk the customer accepts the solution (Accepted), then rates it
// 5 with a comment, which closes it; on another Solved incident a rejection is refused without
// a reason, then with it the incident is In progress again and the reason is on the timeline.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

const comment = 'Fast and friendly';
const reason = 'The heating still stops at night';

let app;
before(async () => { app = await openApp({query: '?demo'}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors during the whole flow');
  await app.close();
});

// Opens the listed Solved incident `skip` places down with the go-to box (g).
async function openSolved(skip) {
  const listed = await app.waitFor((s) => s.demo && s.screen !== 'create' &&
                                          s.rows.filter((r) => r.status === 'Solved').length > skip,
                                   'the demo desk lists solved incidents');
  const number = listed.rows.filter((r) => r.status === 'Solved')[skip].number;
  const state = await app.openNumber(number);
  assert.equal(state.selected.status, 'Solved');
  return number;
}

test('the customer accepts the solution, then their rating closes the incident', async () => {
  const number = await openSolved(0);
  await app.click('Customer accepts', {window: 'Incident'});
  let state = await app.waitFor((s) => s.selected.status === 'Accepted', 'the solution is accepted');
  assert.equal(state.message_is_error, false);
  await app.screenshot('closing_1_accepted');

  await app.click('Record the rating and close', {window: 'Incident'});
  state = await app.waitFor((s) => s.message_code === 'missing_rating', 'no rating chosen: refused');
  assert.equal(state.selected.status, 'Accepted', 'a refusal changes nothing');

  await app.click('Rating 5', {window: 'Incident'});
  await app.click('Satisfaction comment', {window: 'Incident'});
  await app.type(comment);
  await app.click('Record the rating and close', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.number === number && s.selected.status === 'Closed',
                            'the rating closes the incident');
  assert.equal(state.message_is_error, false);
  assert.equal(state.selected.fields.satisfaction, '5');
  assert.equal(state.selected.fields.satisfaction_comment, comment);
  assert.equal(state.selected.unsaved, false, 'the rating leaves no unsaved Summary edit behind');
  const log = state.selected.log.map((l) => `${l.field}: ${l.old} -> ${l.new}`);
  assert.ok(log.includes('Status: Solved -> Accepted'), `the log shows the acceptance: ${log}`);
  assert.ok(log.includes('Satisfaction:  -> 5'), `the log shows the rating: ${log}`);
  assert.ok(log.includes('Status: Accepted -> Closed'), `the log shows the closing: ${log}`);
  await app.screenshot('closing_2_rated_closed');
});

test('a rejection needs the reason; with it the incident is In progress again', async () => {
  const number = await openSolved(0);
  await app.click('Customer rejects…', {window: 'Incident'});
  await app.click('Record the rejection', {window: 'Incident'});
  let state = await app.waitFor((s) => s.message_code === 'missing_rejection_reason', 'refused without a reason');
  assert.equal(state.selected.status, 'Solved', 'a refusal changes nothing');

  await app.click('Rejection reason', {window: 'Incident'});
  await app.type(reason);
  await app.click('Record the rejection', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.number === number && s.selected.status === 'In progress',
                            'the incident is in progress again');
  assert.equal(state.message_is_error, false);
  assert.ok(state.selected.events.some((e) => e.type === 'Solution rejected' && e.text === reason),
            'the reason is on the timeline');
  await app.click('Timeline', {window: 'Incident'});
  await app.screenshot('closing_3_rejected_timeline');
});
