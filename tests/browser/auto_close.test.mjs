// W7 against the real server: started with automatic closing after one day of the customer's
// silence, the notice at once (--close-notice-days 0) and a sweep every second, it gives the
// demo desk's long-solved incidents their closing notice, then closes them at the next sweep.
// A French-speaking agent signed in finds one: its timeline has the notice by "système", its
// transaction log the close by "système", in French.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, test} from 'node:test';

import {openApp, startHotlineServer} from './support.mjs';

const fr = JSON.parse(readFileSync(new URL('../../assets/i18n/fr.json', import.meta.url), 'utf8'));
let server;
let app;

before(async () => {
  server = await startHotlineServer({args: ['--auto-close-days', '1', '--close-notice-days', '0',
                                            '--sweep-seconds', '1']});
  app = await openApp({server, wait: false, locale: 'fr-FR'});
});

after(async () => {
  if (app) {
    assert.deepEqual(app.errors, [], 'no console errors');
    await app.close();
  }
  await server?.close();
});

const closedBySystem = (s) => s.selected.events.some((e) => e.type === fr['Closing notice'] && e.author === fr.system);

test('the server closes a silent solved incident after its notice, both shown by "system", in French', async () => {
  // The sign-in form's fields are named for tools in English (ui/sign_in_screen.cpp).
  await app.signIn('ahughes');
  const state = await app.waitFor((s) => s.language === 'fr', 'the desk is in French');
  const closed = state.rows.filter((r) => r.status === fr.Closed).map((r) => r.number);
  let found;
  for (const number of closed) {
    if (closedBySystem(await app.openNumber(number, {box: fr['Incident number']}))) {
      found = await app.state();
      break;
    }
  }
  assert.ok(found, `one of the closed incidents ${closed} was closed by the server`);
  const notice = found.selected.events.find((e) => e.type === fr['Closing notice']);
  assert.match(notice.text, /^\d{4}-\d{2}-\d{2}$/, 'the notice names the day it closes');
  const close = found.selected.log.find((l) => l.field === fr.Status && l.new === fr.Closed);
  assert.ok(close, 'the log has the close');
  assert.equal(close.author, fr.system);
  assert.equal(close.old, fr.Solved);
  await app.click(fr.Timeline, {window: 'Incident'});
  await app.screenshot('auto_close_1_timeline_fr');
  await app.click(fr['Transaction log'], {window: 'Incident'});
  await app.screenshot('auto_close_2_log_fr');
});
