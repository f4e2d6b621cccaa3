// The page itself: it loads cleanly, the canvas fills the window at the screen's resolution,
// and a browser that cannot run the app says so in words.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openApp} from './support.mjs';

test('the page loads without console errors, crisp on a high-DPI screen', async () => {
  const app = await openApp({viewport: {width: 1000, height: 700}, deviceScaleFactor: 2});
  try {
    const page = await app.page.evaluate(() => {
      const canvas = document.getElementById('canvas');
      return {
        loadingHidden: document.getElementById('loading').hidden,
        problemHidden: document.getElementById('problem').hidden,
        framebuffer: [canvas.width, canvas.height],
        css: [canvas.clientWidth, canvas.clientHeight],
        icon: document.querySelector('link[rel=icon]').href,
        manifest: document.querySelector('link[rel=manifest]').href,
      };
    });
    assert.equal(page.loadingHidden, true, 'the loading screen is gone');
    assert.equal(page.problemHidden, true, 'no problem is reported');
    assert.deepEqual(page.css, [1000, 700], 'the canvas fills the window');
    assert.deepEqual(page.framebuffer, [2000, 1400], 'one framebuffer pixel per device pixel');
    assert.ok((await app.items()).length > 0, 'the interface reports its items');
    await app.screenshot('page_load_dpr2');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('without WebGL the page explains why the app cannot run', async () => {
  const app = await openApp({args: ['--disable-webgl', '--disable-3d-apis'], wait: false});
  try {
    const problem = app.page.locator('#problem');
    await problem.waitFor({state: 'visible'});
    assert.match(await problem.innerText(), /WebGL is not available/);
    await app.screenshot('page_no_webgl');
  } finally {
    await app.close();
  }
});

test('without IndexedDB the page explains why the app cannot run', async () => {
  const app = await openApp({
    wait: false,
    initScript: () => Object.defineProperty(window, 'indexedDB', {value: undefined}),
  });
  try {
    const problem = app.page.locator('#problem');
    await problem.waitFor({state: 'visible'});
    assert.match(await problem.innerText(), /Local storage is not available/);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('a browser without WebAssembly exception handling is told it is too old', async () => {
  // Such a browser does not validate the page's probe (a try / catch_all function); this one
  // is made to answer as it would.
  const app = await openApp({wait: false, initScript: () => { WebAssembly.validate = () => false; }});
  try {
    const problem = app.page.locator('#problem');
    await problem.waitFor({state: 'visible'});
    assert.match(await problem.innerText(), /This browser is too old for Hotline/);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('?demo opens the static demo: a separate desk seeded with the demo data set', async () => {
  const app = await openApp({query: '?demo'});
  try {
    const state = await app.state();
    assert.equal(state.demo, true);
    assert.ok(state.total >= 100, `the demo desk has incidents (${state.total})`);
    await app.screenshot('page_demo');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('the empty desk of a static host says what it is, opens the demo, and gives way to the list', async () => {
  const app = await openApp();
  try {
    let state = await app.state();
    assert.equal(state.demo, false);
    assert.equal(state.total, 0, 'this browser\'s own desk starts empty');
    const button = await app.item('Open the demo desk', {window: 'Incidents'});
    await app.screenshot('page_standalone_empty');

    // A click (AppDriver.click waits for frames after it, and the page goes away).
    await app.page.mouse.move(button.x + button.w / 2, button.y + button.h / 2);
    await app.nextFrames();
    await app.page.mouse.down();
    await app.nextFrames(1);
    await app.page.mouse.up();
    await app.page.waitForURL(/\?demo$/);
    await app.page.evaluate(() => window.hotline.ready);
    state = await app.waitFor((s) => s.demo && s.total >= 100, 'the demo desk opens with its incidents');
    assert.equal(await app.shows('Open the demo desk'), false, 'the demo desk lists its incidents');

    await app.page.goBack();  // the browser's Back: this browser's own desk again, still empty
    await app.page.evaluate(() => window.hotline.ready);
    state = await app.waitFor((s) => !s.demo && s.screen === 'list', 'the own desk opens again');
    assert.equal(state.total, 0);
    await app.item('Open the demo desk', {window: 'Incidents'});
    await app.createIncident('Printer jams on every second page');
    await app.press('Escape');  // back to the list
    await app.waitFor((s) => s.screen === 'list' && s.total === 1, 'the list shows the new incident');
    assert.equal(await app.shows('Open the demo desk'), false, 'a desk with an incident shows its list');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
