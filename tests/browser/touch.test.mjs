// Phones and tablets (issue 12), with touch emulation: on a phone (390x844) the top bar puts
// the screens in a Menu and gives Back while a pane covers the list, the browser's back gesture
// closes the pane, a swipe scrolls the list and goes on after the finger lifts (a finger on
// it then stops it), a tap opens an incident, and the menu's entries are touch targets (44 CSS px). On a tablet (820x1180) the
// list and the incident show side by side and touch works the same.
// Screenshots: touch_phone_list, touch_phone_menu, touch_phone_incident, touch_tablet.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openApp} from './support.mjs';

// The list's rows in view, top first, by the number each shows.
async function rowsInView(app) {
  const numbers = new Set((await app.state()).rows.map((r) => r.number));
  // The numbers' shape, whatever their count of digits (a flick may reach incident 99).
  const pattern = new RegExp(`^${[...numbers][0].replace(/\d+/g, '\\d+')}$`);
  return (await app.items())
      .filter((i) => i.visible && i.h > 0 && i.window.startsWith('Incidents') && pattern.test(i.label))
      .sort((a, b) => a.y - b.y);
}
const value = (number) => Number(number.replace(/\D/g, ''));

test('a phone: the menu, a swipe with inertia, a tap to open, Back and the back gesture', async () => {
  const app = await openApp({query: '?demo', viewport: {width: 390, height: 844}, deviceScaleFactor: 2,
                             touch: true});
  try {
    await app.item('Menu', {window: 'Top bar'});
    assert.equal(await app.shows('Knowledge base'), false, 'the screens are in the menu, not in a row');
    const search = await app.item('Search', {window: 'Top bar'});
    assert.ok(search.w >= 200, `the search box has room (${search.w} px)`);
    assert.ok(search.h >= 43, `the search box is a touch target (${search.h} px)`);
    await app.screenshot('touch_phone_list');

    // Newest first: a swipe up moves to older incidents, and the list goes on after the finger
    // lifts: it scrolls farther than the finger moved.
    const before = await rowsInView(app);
    const rowHeight = before[1].y - before[0].y;
    const list = await app.item('Incidents');
    const x = list.x + list.w / 2;
    const finger = list.h * 0.5;
    await app.swipe({x, y: list.y + list.h * 0.8}, {x, y: list.y + list.h * 0.3}, {steps: 4});
    await app.page.waitForTimeout(1500);  // the list comes to rest
    await app.nextFrames();
    const scrolledRows = value(before[0].label) - value((await rowsInView(app))[0].label);
    assert.ok(scrolledRows * rowHeight > finger + 2 * rowHeight,
              `the list scrolled ${scrolledRows} rows of ${rowHeight} px, past the finger's ${finger} px`);
    assert.equal((await app.state()).screen, 'list', 'a swipe opens nothing');

    // A finger on the list while it still moves stops it there, and opens nothing.
    await app.swipe({x, y: list.y + list.h * 0.8}, {x, y: list.y + list.h * 0.3}, {steps: 4});
    await app.tap('Incidents');
    const stopped = value((await rowsInView(app))[0].label);
    await app.page.waitForTimeout(600);
    assert.equal(value((await rowsInView(app))[0].label), stopped, 'the list stopped under the finger');
    assert.equal((await app.state()).screen, 'list', 'stopping the list opens nothing');

    // A tap opens the incident under the finger, alone on the screen; Back returns.
    const row = (await rowsInView(app))[2];
    await app.tap(row.label, {window: 'Incidents'});
    let state = await app.waitFor((s) => s.screen === 'detail', 'the tapped incident opens');
    assert.equal(state.selected.number, row.label);
    assert.equal((await rowsInView(app)).length, 0, 'the incident covers the list');
    await app.screenshot('touch_phone_incident');
    await app.tap('Back', {window: 'Top bar'});
    await app.waitFor((s) => s.screen === 'list', 'Back shows the list again');

    // The browser's back gesture closes the pane too, and stays in the app.
    await app.tap((await rowsInView(app))[0].label, {window: 'Incidents'});
    await app.waitFor((s) => s.screen === 'detail', 'an incident opens');
    await app.page.goBack();
    await app.waitFor((s) => s.screen === 'list', 'the back gesture shows the list');
    assert.match(app.page.url(), /\?demo$/, 'the page is still the app');

    // The menu: touch-sized entries, one of them opens Settings.
    await app.tap('Menu', {window: 'Top bar'});
    const entry = await app.item('Settings');
    assert.ok(entry.h >= 43, `a menu entry is a touch target (${entry.h} px)`);
    await app.screenshot('touch_phone_menu');
    await app.tap('Settings');
    await app.waitFor((s) => s.screen === 'settings', 'Settings opens from the menu');
    assert.deepEqual(app.errors, [], 'no console errors');
  } finally {
    await app.close();
  }
});

test('a tablet: the list and the tapped incident side by side, the list scrolls by touch', async () => {
  const app = await openApp({query: '?demo', viewport: {width: 820, height: 1180}, touch: true});
  try {
    await app.item('New incident', {window: 'Top bar'});  // the row of buttons: room enough
    const top = value((await rowsInView(app))[0].label);
    const list = await app.item('Incidents');
    const x = list.x + list.w / 2;
    await app.swipe({x, y: list.y + list.h * 0.7}, {x, y: list.y + list.h * 0.4}, {steps: 4});
    await app.page.waitForTimeout(1500);  // the list comes to rest (a touch on a moving list only stops it)
    const rows = await rowsInView(app);
    assert.ok(value(rows[0].label) < top, 'the swipe scrolled the list');
    await app.tap(rows[1].label, {window: 'Incidents'});
    const state = await app.waitFor((s) => s.screen === 'detail', 'the tapped incident opens');
    assert.equal(state.selected.number, rows[1].label);
    assert.ok((await rowsInView(app)).length > 5, 'the list stays beside it');
    assert.equal(await app.shows('Back'), false);
    await app.screenshot('touch_tablet');
    assert.deepEqual(app.errors, [], 'no console errors');
  } finally {
    await app.close();
  }
});
