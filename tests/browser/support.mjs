// Shared pieces of the browser tests and benchmark: serve the built site, drive Debian's
// Chromium through playwright-core like a person (real mouse and key events), read back what
// the app shows.
//
// Environment:
//   HOTLINE_SITE_DIR        the built site (default: build/default/wasm/site)
//   HOTLINE_SCREENSHOT_DIR  where screenshots go (default: build/default/wasm/screenshots)
//   HOTLINE_CHROMIUM        the browser (default: /usr/bin/chromium)
//   HOTLINE_SERVER_PROGRAM  the native server (default: build/default/bin/hotline_server)
//   HOTLINE_FAKETIME_LIB    libfaketime, for a server whose clock the test moves (default:
//                           Debian's faketime package's, multithreaded variant)
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before} from 'node:test';
import {fileURLToPath} from 'node:url';

import {chromium} from 'playwright-core';

import {startStaticServer} from '../../web/static_server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = process.env.HOTLINE_SITE_DIR || path.join(repo, 'build/default/wasm/site');
export const screenshotDir = process.env.HOTLINE_SCREENSHOT_DIR ||
  path.join(repo, 'build/default/wasm/screenshots');
const serverProgram = process.env.HOTLINE_SERVER_PROGRAM ||
  path.join(repo, 'build/default/bin/hotline_server');
const faketimeLib = process.env.HOTLINE_FAKETIME_LIB ||
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

// A clock the test moves: libfaketime preloaded into the server reads the offset from `file`
// at every reading of the wall clock (no cache), so rewriting the file ("+3d") moves the
// server's time at once. Only the wall clock: its timers (the monotonic clock) keep real time.
function movableClock(file) {
  assert.ok(existsSync(faketimeLib), `${faketimeLib} (Debian's faketime package) is installed`);
  writeFileSync(file, '+0d\n');
  return {LD_PRELOAD: faketimeLib, FAKETIME_TIMESTAMP_FILE: file, FAKETIME_NO_CACHE: '1',
          FAKETIME_DONT_FAKE_MONOTONIC: '1'};
}

// The real server (hotline_server) on a fresh SQLite file with the demo users (password
// "hotline-demo") and incidents (300, or `incidents`), serving the built site. Returns
// {url, close()}. `startTimeout`: a large seed takes a while before the server listens.
// `args`: more flags for the server (its configuration, server_config.hpp); `env`: more
// environment variables for it. `clock`: the test moves the server's clock, which starts at
// the real time: the server then has moveClock(days), its clock `days` ahead of the real one,
// and moveClockMinutes(minutes).
export async function startHotlineServer({incidents = 300, startTimeout = 20000, args = [], env = {},
                                          clock = false} = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hotline-server-'));
  const portFile = path.join(dir, 'port');
  const clockFile = path.join(dir, 'clock');
  const child = spawn(serverProgram, ['--port', '0', '--port-file', portFile, '--db',
                                      path.join(dir, 'hotline.db'), '--site', siteDir, '--seed-demo',
                                      '--demo-incidents', String(incidents), ...args],
                      {stdio: ['ignore', 'ignore', 'pipe'],
                       env: {...process.env, ...(clock ? movableClock(clockFile) : {}), ...env}});
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  child.on('error', (error) => { log += `${error.message}\n`; });
  const deadline = Date.now() + startTimeout;
  while (!(existsSync(portFile) && readFileSync(portFile, 'utf8').trim())) {
    if (child.exitCode !== null || child.pid === undefined || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`hotline_server did not start: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = `http://127.0.0.1:${readFileSync(portFile, 'utf8').trim()}/`;
  return {
    url,
    log: () => log,
    moveClock: (days) => writeFileSync(clockFile, `+${days}d\n`),
    moveClockMinutes: (minutes) => writeFileSync(clockFile, `+${minutes}m\n`),
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, {recursive: true, force: true});
    },
  };
}

// Headless Chromium with WebGL through SwiftShader (TOOLCHAIN.md).
const launchOptions = {
  executablePath: process.env.HOTLINE_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
};

// Console messages that are the test machine's, not the app's: SwiftShader's performance notes
// when a screenshot reads the canvas back.
const machineNoise = [/GL Driver Message .*GPU stall due to ReadPixels/];

// For a test file against the real server: starts it (startHotlineServer) and a page on it
// before the file's tests, and after them closes both, failing on console errors. The tests
// read `.server` and `.app` of what it returns once they run.
export function serverAndPage() {
  const desk = {server: null, app: null};
  before(async () => {
    desk.server = await startHotlineServer();
    desk.app = await openApp({server: desk.server, wait: false});
  });
  after(async () => {
    if (desk.app) {
      assert.deepEqual(desk.app.errors, [], 'no console errors');
      await desk.app.close();
    }
    await desk.server?.close();
  });
  return desk;
}

// Serves the site, starts Chromium with a persistent profile (IndexedDB and the service worker
// survive reloads, as in a person's browser) and opens the app.
//   query: appended to the address ('?demo'); viewport, deviceScaleFactor: the window (1280x1024
//   by default: the Summary's work panels and stage bar put the Title field below 800);
//   args: more Chromium switches; initScript: runs in the page before its own scripts;
//   wait: wait until the interface is drawn (false: only until the page has loaded).
// Returns an AppDriver; call close() at the end. Its `errors` collects console errors and
// uncaught exceptions: tests assert it stays empty.
//   server: a server already running ({url}, e.g. startHotlineServer()'s), left running at the end.
//   touch: a touch screen (touch events; tap() and swipe() below), as on a phone or a tablet.
export async function openApp({query = '', viewport = {width: 1280, height: 1024},
                               deviceScaleFactor = 1, args = [], initScript, wait = true,
                               server: given, locale, timezoneId, touch = false} = {}) {
  const server = given ? {url: given.url, close: async () => {}} : await startStaticServer({root: siteDir});
  const profile = mkdtempSync(path.join(tmpdir(), 'hotline-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...launchOptions, args: [...launchOptions.args, ...args], viewport, deviceScaleFactor, hasTouch: touch,
    ...(locale ? {locale} : {}),  // navigator.language(s): the interface's first language
    ...(timezoneId ? {timezoneId} : {}),  // the page's time zone (an IANA name), else the machine's
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: server.url});
  if (initScript) await context.addInitScript(initScript);
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !machineNoise.some((re) => re.test(message.text()))) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  const app = new AppDriver(page, context, server, errors, query);
  app.cleanup = async () => {
    await context.close();
    await server.close();
    rmSync(profile, {recursive: true, force: true});
  };
  try {
    await app.load({wait});
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

function inWindow(item, window) {
  return !window || item.window === window || item.window.startsWith(`${window}/`);
}

export class AppDriver {
  constructor(page, context, server, errors, query) {
    Object.assign(this, {page, context, server, errors, query, cdp: null});
  }

  get url() { return this.server.url + this.query; }

  // Loads (or reloads) the page and, with `wait`, waits until the interface is drawn.
  async load({reload = false, wait = true} = {}) {
    if (reload) await this.page.reload();
    else await this.page.goto(this.url);
    if (!wait) return;
    await this.page.evaluate(() => window.hotline.ready);
    assert.notEqual(await this.state(), null, 'the app reports its state once it is drawn');
  }

  async close() { await this.cleanup(); }

  state() { return this.page.evaluate(() => window.hotline.state()); }

  items(label = '') { return this.page.evaluate((l) => window.hotline.find(l), label); }

  // Polls the app's state until predicate(state) holds (a predicate that throws, say on a part
  // of the state not there yet, does not hold).
  async waitFor(predicate, what, {timeout = 10000} = {}) {
    const deadline = Date.now() + timeout;
    const holds = (state) => { try { return predicate(state); } catch { return false; } };
    for (;;) {
      const state = await this.state();
      if (holds(state)) return state;
      if (Date.now() > deadline) {
        assert.fail(`timed out waiting until ${what}; last state: ${JSON.stringify(state)}`);
      }
      await this.page.waitForTimeout(50);
    }
  }

  // The visible item labelled `label`, waiting for it to appear. `window`: only items of that
  // window or of its child windows ("Incident" also matches "Incident/fields_1A2B3C4D").
  async item(label, {window, timeout = 10000} = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = (await this.items(label))
        .filter((i) => i.visible && i.w > 0 && i.h > 0 && inWindow(i, window));
      if (found.length > 0) return found[0];
      if (Date.now() > deadline) {
        const labels = (await this.items()).filter((i) => i.visible).map((i) => i.label);
        assert.fail(`no visible item "${label}"${window ? ` in window "${window}"` : ''}; ` +
                    `visible items: ${JSON.stringify(labels)}`);
      }
      await this.page.waitForTimeout(50);
    }
  }

  // Whether an item labelled `label` shows now (a dialog, a dropdown's entry), without waiting.
  async shows(label) {
    return (await this.items(label)).some((i) => i.visible && i.h > 0);
  }

  // Waits until keyboard navigation is on the item labelled `label` (a field given the
  // keyboard: what is typed next goes there). `window` as for item().
  async navOn(label, {window, timeout = 10000} = {}) {
    const deadline = Date.now() + timeout;
    while (!(await this.items(label)).some((i) => i.nav && inWindow(i, window))) {
      if (Date.now() > deadline) assert.fail(`the keyboard never reached "${label}"`);
      await this.nextFrames(1);
    }
  }

  // Scrolls `window` with the mouse wheel until the item labelled `label` shows (a field
  // below the fold), at most `steps` wheel turns.
  async scrollTo(label, {window, steps = 30} = {}) {
    for (let step = 0; step < steps; step++) {
      const all = (await this.items(label)).filter((i) => inWindow(i, window));
      if (all.some((i) => i.visible && i.h > 0)) return;
      const [pane] = (await this.items(window)).filter((i) => i.window === window);
      assert.ok(pane, `no window "${window}"`);
      await this.page.mouse.move(pane.x + pane.w / 2, pane.y + pane.h / 2);
      await this.page.mouse.wheel(0, 120);
      await this.nextFrames();
    }
    assert.fail(`"${label}" did not scroll into view in "${window}"`);
  }

  // A real mouse click at the centre of the rectangle the app reports for the item, paced
  // like a hand: the pointer rests on the item for a frame before the button goes down (ImGui
  // lets items that allow overlap, such as tabs and table rows, take a click only once they
  // were hovered in the previous frame).
  async click(label, options) {
    const item = await this.item(label, options);
    await this.page.mouse.move(item.x + item.w / 2, item.y + item.h / 2);
    await this.nextFrames();
    await this.page.mouse.down();
    await this.nextFrames(1);
    await this.page.mouse.up();
    await this.nextFrames();
  }

  // Clicks a text field and types into it.
  async fill(label, text, options) {
    await this.click(label, options);
    await this.type(text);
  }

  // Types `text` one character per key event, as a keyboard does; every character (accented,
  // Cyrillic) arrives as a key press carrying its text (CDP Input.dispatchKeyEvent:
  // Playwright's keyboard.type does not deliver non-ASCII text to the page's keypress events).
  // ImGui takes about one character per frame: wait for a frame after each.
  async type(text) {
    this.cdp ??= await this.context.newCDPSession(this.page);
    for (const ch of text) {
      await this.cdp.send('Input.dispatchKeyEvent',
                          {type: 'keyDown', text: ch, unmodifiedText: ch, key: ch});
      await this.cdp.send('Input.dispatchKeyEvent', {type: 'keyUp', key: ch});
      await this.nextFrames(1);
    }
    await this.nextFrames();
  }

  // On the new-incident form: types `text` into the lookup that has the keyboard, then moves
  // the highlight to the match `wanted(match)` of registration[list] ('callers' or 'serials')
  // with the arrow keys and chooses it with Enter.
  async chooseWithKeys(text, list, wanted, what) {
    await this.type(text);
    const reg = (s) => s.create.registration;
    const state = await this.waitFor((s) => reg(s)[list].some(wanted), `${what} is listed`);
    const index = reg(state)[list].findIndex(wanted);
    for (let i = 0; i < index; i++) await this.press('ArrowDown');
    await this.waitFor((s) => reg(s)[`${list === 'callers' ? 'caller' : 'serial'}_highlight`] === index,
                       `${what} is highlighted`);
    await this.press('Enter');
  }

  // Registers an incident with only its title, from the list (N, type, Ctrl+Enter), and waits
  // until it is open; returns the state then.
  // `priority`: its label in the form's Priority dropdown ('Critical'), or the form's default.
  async createIncident(title, {priority} = {}) {
    await this.press('n');
    await this.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
    await this.type(title);
    if (priority) {
      await this.click('Priority', {window: 'New incident'});
      await this.click(priority);
    }
    await this.press('Control+Enter');
    return this.waitFor((s) => s.screen === 'detail' && s.selected?.title === title, 'the new incident opens');
  }

  // Signs in on the sign-in form (a demo user: password "hotline-demo") and waits until the
  // desk is synced with the server's `incidents` demo incidents or more.
  async signIn(login, {password = 'hotline-demo', incidents = 300} = {}) {
    await this.click('Login', {window: 'Sign in', timeout: 30000});
    await this.press('Control+A');  // the form keeps the last login typed
    await this.type(login);
    await this.click('Password', {window: 'Sign in'});
    await this.type(password);
    await this.press('Enter');
    await this.page.evaluate(() => window.hotline.ready);
    return this.waitFor((s) => s?.user && s.sync?.state === 'online' && s.sync.last_sync_ms > 0 &&
                               s.total >= incidents, `${login} is signed in and has the desk`, {timeout: 60000});
  }

  // Opens a picker (a dropdown) of the incident pane and chooses `label` in it.
  async pick(picker, label) {
    await this.click(picker, {window: 'Incident'});
    await this.click(label);
  }

  // Clicks `button` of the incident pane and returns the file the browser downloads, as
  // {name, text}.
  async download(button) {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.click(button, {window: 'Incident'})]);
    return {name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8')};
  }

  // Opens the incident numbered `number` with the go-to box (G), from wherever the app is;
  // returns the state once it is open. `box`: the box's name in the interface's language.
  async openNumber(number, {box = 'Incident number'} = {}) {
    await this.press('Escape');
    await this.press('g');
    await this.navOn(box);
    await this.type(number);
    await this.press('Enter');
    return this.waitFor((s) => s.screen === 'detail' && s.selected?.number === number, `incident ${number} opens`);
  }

  // A key or chord with Playwright's names: 'Enter', 'Escape', 'Control+S', 'ArrowDown'.
  async press(keys) {
    await this.page.keyboard.press(keys);
    await this.nextFrames();
  }

  // Puts text on the system clipboard (as another program would) and pastes it with Ctrl+V.
  async paste(text) {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.press('Control+V');
  }

  // A finger's tap on the item labelled `label` (openApp's `touch`): down, a few frames, up.
  async tap(label, options) {
    const item = await this.item(label, options);
    const point = {x: item.x + item.w / 2, y: item.y + item.h / 2};
    await this.touch('touchStart', [point]);
    await this.nextFrames();
    await this.touch('touchEnd', []);
    await this.nextFrames();
  }

  // A finger dragged from `from` to `to` ({x, y} in CSS pixels) in `steps` moves `interval` ms
  // apart, then lifted: a quick swipe (~1 CSS px per ms by default) leaves the list moving.
  async swipe(from, to, {steps = 8, interval = 16} = {}) {
    await this.touch('touchStart', [from]);
    await this.nextFrames();
    for (let i = 1; i <= steps; i++) {
      await this.page.waitForTimeout(interval);
      await this.touch('touchMove', [{x: from.x + (to.x - from.x) * i / steps,
                                      y: from.y + (to.y - from.y) * i / steps}]);
    }
    await this.touch('touchEnd', []);
  }

  async touch(type, points) {
    this.cdp ??= await this.context.newCDPSession(this.page);
    await this.cdp.send('Input.dispatchTouchEvent', {type, touchPoints: points});
  }

  // Lets the app draw `count` frames.
  nextFrames(count = 2) {
    return this.page.evaluate((n) => new Promise((resolve) => {
      const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
      requestAnimationFrame(step);
    }), count);
  }

  // Saves a screenshot for people to look at: <screenshot dir>/<name>.png.
  async screenshot(name) {
    mkdirSync(screenshotDir, {recursive: true});
    const file = path.join(screenshotDir, `${name}.png`);
    await this.page.screenshot({path: file});
    return file;
  }
}
