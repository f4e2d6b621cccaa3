// Archiving (issue 11, W10) on the static demo, in one browser profile: a closed incident is
// archived by hand with the stage bar's one button and leaves the default list; typing its
// number in the search box finds it again, marked Archived, and it opens read-only (so does
// "Go to incident"); the status filter still offers the archive.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

let app;
let archived;  // the number archived by hand
before(async () => { app = await openApp({query: '?demo'}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors during the whole flow');
  await app.close();
});

// Opens the incident numbered `number` with the go-to box (g).
async function goTo(number) {
  await app.press('g');
  await app.navOn('Incident number');
  await app.type(number);
  await app.press('Enter');
  return app.waitFor((s) => s.screen === 'detail' && s.selected?.number === number, `incident ${number} opens`);
}

test('archiving a closed incident by hand takes it out of the default list', async () => {
  let state = await app.waitFor((s) => s.demo && s.screen === 'list' && s.rows.some((r) => r.status === 'Closed'),
                                'the demo desk lists closed incidents');
  assert.ok(!state.rows.some((r) => r.status === 'Archived'), 'no archived incident in the default list');
  assert.ok(state.row_count < state.total, `the demo's archived incidents are left out (${state.row_count} of ${state.total})`);
  const listed = state.row_count;
  archived = state.rows.find((r) => r.status === 'Closed').number;

  state = await goTo(archived);
  assert.equal(state.selected.status, 'Closed');
  await app.click('Archive', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.status === 'Archived', 'the incident is archived');
  assert.equal(state.message_is_error, false);
  assert.deepEqual(state.selected.actions, [], 'nothing more can be done to it');
  await app.screenshot('archive_1_archived');

  await app.press('Escape');
  state = await app.waitFor((s) => s.screen === 'list' && s.row_count === listed - 1, 'it leaves the default list');
  assert.ok(!state.rows.some((r) => r.number === archived));
});

test('an archived incident is found by its number in the search box and opens read-only', async () => {
  await app.click('Search');
  await app.type(archived);
  let state = await app.waitFor((s) => s.query === archived && s.rows.some((r) => r.number === archived),
                                'the search finds the archived incident');
  assert.equal(state.rows.find((r) => r.number === archived).status, 'Archived', 'marked archived');
  await app.screenshot('archive_2_found');

  await app.click(archived);
  state = await app.waitFor((s) => s.screen === 'detail' && s.selected?.number === archived, 'it opens');
  assert.equal(state.selected.status, 'Archived');
  assert.deepEqual(state.selected.actions, []);
  assert.equal(await app.shows('Save'), false, 'read-only: no Save');
  assert.equal(await app.shows('Archive'), false, 'no second archiving');
  await app.press('Escape');
  await app.waitFor((s) => s.screen === 'list', 'the pane closes');
  await app.click('Search');
  await app.press('Escape');  // in the search box: its text
  await app.waitFor((s) => s.query === '', 'the search is cleared');

  state = await goTo(archived);  // "Go to incident" opens it too
  assert.equal(state.selected.status, 'Archived');
  await app.press('Escape');
});

test('the status filter still offers the archive', async () => {
  let state = await app.waitFor((s) => s.screen === 'list' && s.query === '', 'the list shows');
  assert.ok(state.row_count < state.total);
  await app.click('Status filter');
  await app.click('Archived');
  state = await app.waitFor((s) => s.row_count === s.total, 'every incident is listed, the archive too');
  await app.screenshot('archive_3_filter');
  await app.press('Escape');
});
