// Nothing typed is lost (issue 12): Escape closes only the innermost thing (a dropdown, then
// the pane, asking first when it holds changes), a refused save leaves the keyboard in the
// form, an event added with Ctrl+Enter leaves its box empty and is added once, and "/" only
// goes to the search box. One browser profile; each test continues the last.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

const title = 'Boiler pressure drops';

let app;
before(async () => { app = await openApp(); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors');
  await app.close();
});


test('Escape in an open dropdown of the new-incident form closes the dropdown only', async () => {
  await app.waitFor((s) => s.screen === 'list', 'the list shows');
  await app.press('n');
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.type(title);
  await app.click('Priority', {window: 'New incident'});
  await app.item('Low');  // the dropdown shows its entries
  await app.press('Escape');
  const state = await app.state();
  assert.equal(state.screen, 'create', 'the form stays open');
  assert.equal(state.create.fields.title, title, 'the draft is kept');
  assert.equal(await app.shows('Low'), false, 'the dropdown closed');
});

test('Escape on a form with changes asks: keep editing keeps it all, Save saves', async () => {
  await app.click('Title', {window: 'New incident'});
  await app.press('End');
  await app.press('Escape');
  let state = await app.waitFor((s) => s.confirm_leave, 'leaving asks first');
  assert.equal(state.screen, 'create');
  assert.equal(state.create.fields.title, title, 'nothing is lost while asking');
  await app.item('Keep editing', {window: 'Unsaved changes'});
  await app.screenshot('keep_typed_1_asked');
  await app.press('Escape');  // the question's Escape: keep editing
  await app.waitFor((s) => !s.confirm_leave && s.screen === 'create', 'back to the form');
  await app.type(' again');  // the keyboard is back in the title, its text kept
  await app.waitFor((s) => s.create.fields.title === `${title} again`, 'typing goes on in the title');

  await app.press('Escape');
  await app.waitFor((s) => s.confirm_leave, 'leaving asks again');
  await app.click('Save', {window: 'Unsaved changes'});
  state = await app.waitFor((s) => s.screen === 'detail' && s.selected?.title === `${title} again`,
                            'the incident is saved and opens');
  assert.equal(state.confirm_leave, false);
});

test('Escape in an incident with unsaved edits asks instead of discarding them', async () => {
  await app.click('Title', {window: 'Incident'});
  await app.press('End');
  await app.type(' (edited)');
  await app.waitFor((s) => s.selected.draft.title.endsWith(' (edited)'), 'the edit is typed');
  await app.press('Escape');
  const state = await app.waitFor((s) => s.confirm_leave, 'leaving asks first');
  assert.equal(state.screen, 'detail');
  assert.ok(state.selected.draft.title.endsWith(' (edited)'), 'the edit is still there');
  await app.click('Discard', {window: 'Unsaved changes'});
  await app.waitFor((s) => s.screen === 'list' && !s.confirm_leave, 'discarded on request, the pane closes');
});

test('after a refused save of an empty form, what is typed next goes into the form', async () => {
  await app.press('n');
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.press('Control+Enter');
  await app.waitFor((s) => s.message_is_error && s.create.errors.title, 'the save is refused');
  await app.type('Radiator cold');
  await app.waitFor((s) => s.create.fields.title === 'Radiator cold', 'the typing reaches the title');
  await app.press('Control+Enter');
  await app.waitFor((s) => s.screen === 'detail' && s.selected?.title === 'Radiator cold', 'saved');
});

test('Ctrl+Enter adds an event once, empties its box and keeps the keyboard there', async () => {
  await app.click('Timeline', {window: 'Incident'});
  await app.waitFor((s) => s.tab === 'timeline', 'the Timeline tab shows');
  await app.click('Event text', {window: 'Incident'});
  await app.type('Called the customer');
  await app.press('Control+Enter');
  let state = await app.waitFor((s) => s.selected.events.some((e) => e.text === 'Called the customer'),
                                'the event is added');
  const count = state.selected.events.length;
  await app.waitFor((s) => s.selected.event_text === '', 'the box is empty');
  await app.press('Control+Enter');  // again: nothing more to add
  state = await app.state();
  assert.equal(state.selected.events.length, count, 'no second event');

  await app.type('OK');  // the box kept the keyboard
  await app.waitFor((s) => s.selected.event_text === 'OK', 'typing goes on in the box');
  await app.press('Control+Enter');
  await app.waitFor((s) => s.selected.events.length === count + 1, 'the new event is added');
  await app.type('OK');  // the same event submitted again at once: a double submit
  await app.press('Control+Enter');
  state = await app.state();
  assert.equal(state.selected.events.length, count + 1, 'an identical event a moment later is not added again');
  await app.screenshot('keep_typed_2_events');
});

test('"/" goes to the search box without typing "/" into it, whatever key types the "/"', async () => {
  await app.press('Escape');  // leaves the event box (it holds "OK": asks)
  if ((await app.state()).confirm_leave) await app.click('Discard', {window: 'Unsaved changes'});
  await app.waitFor((s) => s.screen === 'list', 'the list shows');
  await app.press('/');  // the slash key
  await app.type('radi');
  let state = await app.waitFor((s) => s.query.length >= 4, 'the search box has the typing');
  assert.equal(state.query, 'radi');
  await app.press('Escape');  // empties the search box, which lets go of the keyboard
  await app.waitFor((s) => s.query === '', 'the search box is empty');
  // A "/" typed with another key (Shift+7 on a German keyboard): the character, no slash key.
  await app.type('/');
  await app.type('rad');
  state = await app.waitFor((s) => s.query.length >= 3, 'the search box has the typing');
  assert.equal(state.query, 'rad');
});
