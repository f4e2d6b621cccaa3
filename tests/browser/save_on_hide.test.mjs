// A change saved just before the tab is hidden or closed is in IndexedDB afterwards.
//
// The app handles input in its frames, and a hidden or closing page draws none: the platform
// listens for visibilitychange (hidden) and pagehide, handles the input already received (the
// Ctrl+S) and starts the IndexedDB write at once, committed before the page goes. To make the
// race certain rather than likely, each test first holds the page's frames (a hidden tab gets no
// requestAnimationFrame callbacks either), so the Ctrl+S is still waiting when the page hides.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {AppDriver, openApp} from './support.mjs';

const title = 'Card reader offline';

let app;     // the first page; its context (the browser profile) serves every page
let driver;  // the page the next test works in
before(async () => {
  app = await openApp();
  driver = app;
  await app.waitFor((s) => s.screen === 'list' && s.total === 0, 'the empty desk shows');
  await app.press('n');
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.type(title);
  await app.press('Control+Enter');
  await app.waitFor((s) => s.screen === 'detail' && s.selected?.title === title && !s.saving,
                    'the incident is saved');
});
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors');
  await app.close();
});

// Another tab of the same browser profile, with the app loaded from what IndexedDB holds.
async function openAnotherPage() {
  const page = await app.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') app.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => app.errors.push(`exception: ${error.message}`));
  const other = new AppDriver(page, app.context, app.server, app.errors, app.query);
  await other.load();
  return other;
}

// Opens the incident in `on` and types `suffix` at the end of its title, unsaved.
async function editTitle(on, suffix) {
  const {rows} = await on.state();
  if ((await on.state()).screen !== 'detail') {
    await on.click(rows[0].number, {window: 'Incidents'});
    await on.waitFor((s) => s.screen === 'detail', 'the incident opens');
  }
  await on.click('Title', {window: 'Incident'});
  await on.press('End');
  await on.type(suffix);
  const state = await on.waitFor((s) => s.selected.draft?.title?.endsWith(suffix),
                                 'the edit is typed');
  return state.selected.draft.title;
}

// Stops the page's frames as a hidden tab does (no requestAnimationFrame callbacks), after the
// one already asked for.
async function holdFrames(on) {
  await on.page.evaluate(() => { window.requestAnimationFrame = () => 0; });
  await on.page.waitForTimeout(100);
}

// Ctrl+S, and checks that no frame has handled it yet.
async function pressSaveUnhandled(on, edited) {
  await on.page.keyboard.press('Control+S');
  await on.page.waitForTimeout(100);
  const state = await on.state();
  assert.notEqual(state.selected.title, edited, 'no frame has handled the Ctrl+S yet');
}

// Each test closes the page whose frames it held, also when it fails.
const timeout = 60000;

test('saved just before the tab is hidden (visibilitychange): in IndexedDB afterwards',
     {timeout}, async () => {
  const hidden = driver;
  try {
    const edited = await editTitle(hidden, ' (hidden)');
    await holdFrames(hidden);
    await pressSaveUnhandled(hidden, edited);
    await hidden.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
      document.dispatchEvent(new Event('visibilitychange'));
    });

    driver = await openAnotherPage();  // the hidden tab stays open meanwhile
    const {rows} = await driver.state();
    assert.ok(rows.some((r) => r.title === edited),
              `another tab finds the edit in IndexedDB: ${JSON.stringify(rows)}`);
    await driver.screenshot('save_on_hide_visibilitychange');
  } finally {
    await hidden.page.close();
    if (driver === hidden) driver = await openAnotherPage();
  }
});

test('saved just before the tab is closed (pagehide): in IndexedDB afterwards', {timeout},
     async () => {
  const closing = driver;
  try {
    const edited = await editTitle(closing, ' (closed)');
    await holdFrames(closing);
    await pressSaveUnhandled(closing, edited);
    await closing.page.close();

    driver = await openAnotherPage();
    const {rows} = await driver.state();
    assert.ok(rows.some((r) => r.title === edited),
              `a new tab finds the edit in IndexedDB: ${JSON.stringify(rows)}`);
    await driver.screenshot('save_on_hide_closed');
  } finally {
    if (!closing.page.isClosed()) await closing.page.close();
  }
});
