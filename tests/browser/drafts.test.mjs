// Drafts survive a reload and a closed tab (issue 12): the new-incident form, the unsaved
// Summary edits of an incident and the event being typed are kept in IndexedDB with the desk
// (App::keep_drafts, written a moment after typing and when the page is hidden or closed), and
// come back with their pane open. One browser profile; each test continues the last.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {AppDriver, openApp} from './support.mjs';

const title = 'Lift stuck between floors';
const customer = 'Hotel Bellevue';

let app;  // the first page; its context (the browser profile) serves every page
before(async () => { app = await openApp(); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors');
  await app.close();
});

// Another tab of the same browser profile, with the app loaded from what IndexedDB holds.
async function openAnotherPage() {
  const page = await app.context.newPage();
  page.on('pageerror', (error) => app.errors.push(`exception: ${error.message}`));
  const other = new AppDriver(page, app.context, app.server, app.errors, app.query);
  await other.load();
  return other;
}

test('the new-incident form survives a reload, and typing goes on at the end of the title', async () => {
  await app.waitFor((s) => s.screen === 'list', 'the list shows');
  await app.press('n');
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.type(title);
  await app.press('Tab');
  await app.type(customer);
  await app.waitFor((s) => s.create.fields['customer.name'] === customer, 'the form holds the typing');

  await app.load({reload: true});
  const state = await app.waitFor((s) => s.screen === 'create', 'the form is open again after the reload');
  assert.equal(state.create.fields.title, title);
  assert.equal(state.create.fields['customer.name'], customer);
  await app.screenshot('drafts_1_reloaded');
  await app.navOn('Title', {window: 'New incident'});
  await app.type(' (3rd floor)');  // the title has the keyboard, its text not selected
  await app.waitFor((s) => s.create.fields.title === `${title} (3rd floor)`, 'the typing is added to the title');
  await app.press('Control+Enter');
  await app.waitFor((s) => s.screen === 'detail' && s.selected?.title === `${title} (3rd floor)` && !s.saving,
                    'the incident is saved');
});

test('unsaved edits of an incident and the event being typed survive a closed tab', async () => {
  await app.click('Title', {window: 'Incident'});
  await app.press('End');
  await app.type(' (edited)');
  await app.click('Timeline', {window: 'Incident'});
  await app.waitFor((s) => s.tab === 'timeline', 'the Timeline tab shows');
  await app.click('Event text', {window: 'Incident'});
  await app.type('Technician on the way');
  await app.waitFor((s) => s.selected.event_text === 'Technician on the way' &&
                           s.selected.draft.title.endsWith(' (edited)'), 'the edit and the event are typed');
  await app.page.close();  // at once: no time for anything but what closing the tab does

  const other = await openAnotherPage();
  const state = await other.waitFor((s) => s.screen === 'detail', 'the incident is open again');
  assert.equal(state.tab, 'timeline');
  assert.ok(state.selected.draft.title.endsWith(' (edited)'), `the edit is back: ${state.selected.draft.title}`);
  assert.equal(state.selected.title, `${title} (3rd floor)`, 'and still not saved');
  assert.equal(state.selected.event_text, 'Technician on the way', 'the event being typed is back');
  await other.screenshot('drafts_2_other_tab');
});
