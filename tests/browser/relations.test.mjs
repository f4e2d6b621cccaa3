// Related incidents (issue 11, W12) on the static demo, in one browser profile, each test
// continuing the last: a child incident registered from its parent (the form filled from it,
// the parent named), the parent refused closing while the child is open, then a duplicate
// with a timeline event merged into the parent after confirming: the duplicate is closed
// and points to the parent, whose timeline shows the duplicate's event, and whose number
// still finds the duplicate.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

const parentTitle = 'Heating down in building B';
const childTitle = 'Radiator valve on floor 2';
const duplicateTitle = 'No heating in building B';
const duplicateEvent = 'Caretaker says the boiler shows E4';

let app;
let parent;  // {id, number}
let duplicate;

before(async () => { app = await openApp({query: '?demo', viewport: {width: 1280, height: 1400}}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors during the whole flow');
  await app.close();
});

test('a child incident is registered from its parent, which lists it', async () => {
  await app.waitFor((s) => s.demo && s.screen === 'list' && s.total > 0, 'the demo desk shows');
  let state = await app.createIncident(parentTitle);
  parent = {id: state.selected.id, number: state.selected.number};
  assert.deepEqual(state.selected.relations.children, []);

  await app.click('New child incident', {window: 'Incident'});
  state = await app.waitFor((s) => s.screen === 'create' && s.create.fields.parent === parent.id,
                            'the new-incident form opens as a child of the parent');
  await app.item(`Not a child incident`);
  await app.type(childTitle);
  await app.press('Control+Enter');
  state = await app.waitFor((s) => s.screen === 'detail' && s.selected?.title === childTitle, 'the child opens');
  assert.equal(state.selected.fields.parent, parent.id);
  assert.equal(state.selected.relations.parent, parent.number);
  const child = state.selected.number;
  await app.screenshot('relations_1_child');

  await app.click('Open parent', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.number === parent.number, 'the parent opens');
  assert.deepEqual(state.selected.relations.children, [child]);
  await app.item(`Open child: ${child}`, {window: 'Incident'});
});

test('the parent is not closed while its child is open, and says which child', async () => {
  await app.click('Closed', {window: 'Incident'});
  const state = await app.waitFor((s) => s.message_code === 'open_children', 'closing is refused');
  assert.match(state.message, new RegExp(state.selected.relations.children[0]));
  assert.equal(state.selected.status, 'Registered');
});

test('a duplicate is merged into the parent after confirming; its event shows there', async () => {
  await app.press('Escape');
  let state = await app.createIncident(duplicateTitle);
  duplicate = {id: state.selected.id, number: state.selected.number};
  await app.click('Timeline', {window: 'Incident'});
  await app.click('Event text', {window: 'Incident'});
  await app.type(duplicateEvent);
  await app.click('Add event', {window: 'Incident'});
  await app.waitFor((s) => s.selected.events.some((e) => e.text === duplicateEvent), 'the event is on the duplicate');
  await app.click('Summary', {window: 'Incident'});

  await app.click('Merge into number', {window: 'Incident'});
  await app.type(parent.number);
  await app.click('Merge into\u2026', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.relations.merge_confirm === parent.number, 'the merge asks to confirm');
  assert.equal(state.selected.status, 'Registered', 'nothing changes before confirming');
  await app.screenshot('relations_2_confirm');
  await app.click('Confirm merge', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.relations.merged_into === parent.number, 'merged');
  assert.equal(state.selected.status, 'Closed');
  assert.ok(state.selected.log.some((l) => l.field === 'Merged into' && l.new.startsWith(parent.number)),
            'the transaction log records the merge');

  await app.click('Open merged into', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.number === parent.number, 'the survivor opens');
  assert.deepEqual(state.selected.relations.merged, [duplicate.number]);
  const moved = state.selected.events.find((e) => e.text === duplicateEvent);
  assert.ok(moved, 'the duplicate\'s event is on the survivor\'s timeline');
  assert.equal(moved.from, duplicate.number);
  await app.screenshot('relations_3_survivor');
});

test('the merged incident is still found by its number, and cannot be reopened', async () => {
  await app.press('Escape');
  await app.press('g');
  await app.navOn('Incident number');
  await app.type(duplicate.number);
  await app.press('Enter');
  let state = await app.waitFor((s) => s.screen === 'detail' && s.selected?.number === duplicate.number,
                                'the merged incident opens by its number');
  assert.equal(state.selected.relations.merged_into, parent.number);
  await app.click('In progress', {window: 'Incident'});
  state = await app.waitFor((s) => s.message_code === 'merged', 'reopening is refused');
  assert.equal(state.selected.status, 'Closed');
});
