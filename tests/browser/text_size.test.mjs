// Issue 12: a text size setting. Settings' Larger and Smaller scale the whole interface (fonts
// and spacing, as the browser's zoom does), the size is kept with the desk over a reload, and
// the window's items still answer the pointer where the app reports them.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openApp} from './support.mjs';

test('Larger and Smaller in Settings scale the interface, and the size survives a reload', async () => {
  const app = await openApp({query: '?demo'});
  try {
    const before = await app.item('New incident');
    await app.click('Settings');
    await app.waitFor((s) => s.screen === 'settings', 'Settings opens');
    assert.equal((await app.state()).text_size, 100);

    await app.click('Larger');
    await app.waitFor((s) => s.text_size === 115, 'one size larger');
    await app.click('Larger');
    await app.waitFor((s) => s.text_size === 130, 'two sizes larger');
    const larger = await app.item('New incident');
    assert.ok(Math.abs(larger.h / before.h - 1.3) < 0.1,
              `the button grew with the text (${before.h} -> ${larger.h} px)`);
    assert.ok(larger.w > before.w * 1.2, `and its label too (${before.w} -> ${larger.w} px)`);
    await app.screenshot('text_size_130');

    await app.load({reload: true});
    assert.equal((await app.state()).text_size, 130, 'the size is kept over a reload');
    const reloaded = await app.item('New incident');
    assert.ok(Math.abs(reloaded.h - larger.h) < 1, `the same size after the reload (${reloaded.h} px)`);

    // The pointer still finds what it clicks at the new size.
    await app.click('Settings');
    await app.waitFor((s) => s.screen === 'settings', 'Settings opens at the larger size');
    await app.click('Smaller');
    await app.waitFor((s) => s.text_size === 115, 'one size smaller');
    await app.click('Smaller');
    await app.waitFor((s) => s.text_size === 100, 'back to the default size');
    const back = await app.item('New incident');
    assert.ok(Math.abs(back.h - before.h) < 1, `the default size again (${back.h} px)`);
    assert.deepEqual(app.errors, [], 'no console errors');
  } finally {
    await app.close();
  }
});
