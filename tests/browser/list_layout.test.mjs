// The incident list beside an open pane: it is narrow there, and must still be readable. Columns
// that do not fit are left out (in a fixed order), so the Title column keeps a readable width
// instead of being squeezed by the fixed-width columns; the column the list is sorted by stays.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

const em = 16;  // the interface font, CSS pixels
const columns = ['Number', 'Title', 'Customer', 'Priority', 'Status', 'Due', 'Assignee', 'Updated'];

let app;
before(async () => { app = await openApp({query: '?demo'}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors');
  await app.close();
});

// The list's column headers shown now: label -> width in CSS pixels.
async function headers() {
  await app.nextFrames(3);
  const shown = {};
  for (const item of await app.items()) {
    if (columns.includes(item.label) && item.window.startsWith('Incidents/') && item.visible) {
      shown[item.label] = item.w;
    }
  }
  return shown;
}

async function openIncident(position) {
  const {rows} = await app.state();
  await app.click(rows[position].number, {window: 'Incidents'});
  await app.waitFor((s) => s.screen === 'detail' && s.selected?.number === rows[position].number,
                    'the incident opens beside the list');
}

async function closePane() {
  await app.press('Escape');  // leaves the pane's field, then closes the pane
  if ((await app.state()).screen !== 'list') await app.press('Escape');
  await app.waitFor((s) => s.screen === 'list', 'the pane closes');
}

test('the whole width shows every column', async () => {
  assert.deepEqual(Object.keys(await headers()).sort(), [...columns].sort());
});

test('beside a pane the Title and Customer columns stay readable', async () => {
  await openIncident(0);
  const shown = await headers();
  await app.screenshot('list_beside_pane_1280');
  assert.ok(shown.Title >= 10 * em, `Title is ${shown.Title} px wide: ${JSON.stringify(shown)}`);
  assert.ok(shown.Customer >= 7 * em, `Customer is shown, readable: ${JSON.stringify(shown)}`);
  assert.ok(shown.Status > 0, `Status is shown: ${JSON.stringify(shown)}`);

  await app.page.setViewportSize({width: 1000, height: 700});
  const narrow = await headers();
  await app.screenshot('list_beside_pane_1000');
  assert.ok(narrow.Title >= 10 * em, `Title is ${narrow.Title} px wide: ${JSON.stringify(narrow)}`);

  await closePane();
  const whole = await headers();
  assert.ok(whole.Customer > 0 && whole.Updated > 0,
            `closing the pane brings the columns back: ${JSON.stringify(whole)}`);
});

test('opening a pane keeps the sort and shows the sorted column', async () => {
  await app.click('Updated', {window: 'Incidents'});
  const sorted = (await app.state()).rows.map((r) => r.number);
  await openIncident(3);
  const shown = await headers();
  assert.ok(shown.Updated > 0, `the sorted column stays: ${JSON.stringify(shown)}`);
  assert.ok(shown.Title >= 10 * em, `Title is ${shown.Title} px wide: ${JSON.stringify(shown)}`);
  assert.deepEqual((await app.state()).rows.map((r) => r.number), sorted, 'the order is kept');
  await app.screenshot('list_beside_pane_sorted');
  await closePane();
  assert.deepEqual((await app.state()).rows.map((r) => r.number), sorted, 'and after closing');
});
