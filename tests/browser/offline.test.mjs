// P2/P4: after one visit the app loads and works with no network at all (the service worker
// serves the app shell), and what is done offline is kept.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openApp} from './support.mjs';

test('after a first visit the app loads from the service worker offline and works', async () => {
  const app = await openApp();
  try {
    await app.page.evaluate(() => navigator.serviceWorker.ready);
    await app.page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // No network: the browser is offline and nothing serves the site any more.
    await app.context.setOffline(true);
    await app.server.close();
    await app.load({reload: true});

    const title = 'Boiler pressure keeps dropping (registered offline)';
    await app.press('n');
    await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
    await app.type(title);
    await app.press('Control+Enter');
    const state = await app.waitFor((s) => s.selected?.title === title && !s.saving,
                                    'the incident is saved offline');
    assert.match(state.selected.number, /^\S+$/, 'an offline incident gets a number');

    await app.load({reload: true});
    const after = await app.state();
    assert.ok(after.rows.some((r) => r.title === title && r.number === state.selected.number),
              'the offline incident is still there after another offline reload');
    await app.screenshot('offline_reload');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
