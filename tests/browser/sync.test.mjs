// Two people on two browsers against the real server (hotline_server, SQLite, demo users):
// both sign in; a new incident reaches the other one within a couple of seconds (long poll);
// one goes offline (Playwright's offline mode) and edits the incident the other is editing
// too; back online, both converge on the same incident, nothing typed is lost (the older
// title edit is kept as a superseded write in both transaction logs) and the status change
// the server refused waits in the offline user's conflict list.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp, startHotlineServer} from './support.mjs';

const title = 'Boiler pressure drops overnight';
let server;
let anna;  // ahughes, agent (online throughout)
let piet;  // pshah, engineer (goes offline)

// Network failures while offline are the test's doing, not the app's errors.
const offlineNoise = /Failed to load resource|ERR_INTERNET_DISCONNECTED|net::ERR_/;

async function openIncident(app) {
  await app.click('Search');
  await app.type(title);
  const s = await app.waitFor((st) => st.rows.length === 1 && st.rows[0].title.startsWith('Boiler'),
                              'the incident is found');
  await app.click(s.rows[0].number, {window: 'Incidents'});
  return app.waitFor((st) => st.screen === 'detail', 'the incident opens');
}

async function editTitle(app, text) {
  await app.click('Summary', {window: 'Incident'});
  await app.click('Title', {window: 'Incident'});
  await app.press('Control+A');
  await app.type(text);
  await app.press('Control+S');
  await app.waitFor((s) => s.selected.fields.title === text && !s.selected.unsaved, 'the title is saved');
}

before(async () => {
  server = await startHotlineServer();
  anna = await openApp({server, wait: false});
  piet = await openApp({server, wait: false});
});

after(async () => {
  for (const app of [anna, piet]) {
    if (!app) continue;
    const errors = app.errors.filter((e) => !offlineNoise.test(e));
    assert.deepEqual(errors, [], 'no console errors besides the offline ones');
    await app.close();
  }
  await server?.close();
});

test('both sign in; a new incident reaches the other browser by itself', async () => {
  await anna.item('Sign in', {window: 'Sign in', timeout: 30000});
  await anna.screenshot('sync_1_sign_in');
  const a = await anna.signIn('ahughes');
  assert.match(a.user, /ahughes \(agent\)/);
  await piet.signIn('pshah');

  await anna.press('n');
  await anna.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await anna.type(title);
  await anna.press('Control+Enter');
  await anna.waitFor((s) => s.selected?.title === title && s.sync.pending === 0, 'registered and sent');
  const started = Date.now();
  await piet.waitFor((s) => s.total === a.total + 1, 'the other browser gets the new incident', {timeout: 15000});
  console.log(`# live update reached the other browser in ${Date.now() - started} ms`);
});

test('offline edits of the same incident converge; the older edit and the refused change stay visible',
     async () => {
  await openIncident(anna);
  await openIncident(piet);

  await piet.context.setOffline(true);
  await editTitle(piet, `${title} (checked valve)`);
  await piet.click('Transferred', {window: 'Incident'});
  await piet.waitFor((s) => s.selected.status === 'Transferred' && s.sync.pending >= 2,
                     'offline changes wait to be sent');
  await piet.screenshot('sync_2_offline');

  await editTitle(anna, `${title} (valve replaced)`);
  await anna.click('Closed', {window: 'Incident'});
  await anna.waitFor((s) => s.selected.status === 'Closed' && s.sync.pending === 0, 'the online changes are sent');

  await piet.context.setOffline(false);
  await piet.page.evaluate(() => window.dispatchEvent(new Event('online')));
  const p = await piet.waitFor((s) => s.sync.pending === 0 && s.sync.conflicts.length === 1 &&
                                      s.selected.status === 'Closed',
                               'back online: synced, with one conflict', {timeout: 30000});
  const a = await anna.waitFor((s) => s.selected.log.some((l) => l.superseded), 'the older edit arrives');

  assert.equal(p.selected.fields.title, `${title} (valve replaced)`, 'the newer title wins everywhere');
  assert.equal(a.selected.fields.title, p.selected.fields.title);
  for (const s of [a, p]) {
    const superseded = s.selected.log.filter((l) => l.superseded);
    assert.ok(superseded.some((l) => l.new === `${title} (checked valve)`), 'the older title is kept and shown');
  }
  assert.equal(p.sync.conflicts[0].code, 'transition_not_allowed');
  assert.ok(p.message_is_error && /refused/.test(p.message), 'the refusal is announced');

  await piet.click('Transaction log', {window: 'Incident'});
  await piet.screenshot('sync_3_converged_log');
  await piet.click('Conflicts: 1');
  await piet.waitFor((s) => s.screen === 'conflicts', 'the conflict list opens');
  await piet.screenshot('sync_4_conflicts');
  await piet.click('Discard', {window: 'Conflicts'});
  await piet.waitFor((s) => s.sync.conflicts.length === 0, 'the conflict is discarded');
});

test('signed in once, the desk opens offline after a reload; an ended session and signing out ask to sign in again',
     async () => {
  await piet.context.setOffline(true);
  await piet.load({reload: true});
  const offline = await piet.waitFor((s) => s.user && s.total >= 301 && s.sync.state === 'offline',
                                     'the desk opens offline, signed in');
  assert.match(offline.user, /\(engineer\)/);
  await piet.screenshot('sync_5_offline_reload');
  await piet.context.setOffline(false);
  await piet.page.evaluate(() => window.dispatchEvent(new Event('online')));
  await piet.waitFor((s) => s.sync.state === 'online', 'back online');

  // The session ends elsewhere (revoked, expired): the app says so and signs in again,
  // keeping the desk and what was typed meanwhile.
  const session = JSON.parse(await piet.page.evaluate(
    () => window.Module.FS.readFile('/data/session.json', {encoding: 'utf8'})));
  const revoked = await fetch(`${server.url}api/v1/logout`,
                              {method: 'POST', headers: {Authorization: `Bearer ${session.token}`}});
  assert.equal(revoked.status, 204);
  await openIncident(piet);
  await editTitle(piet, `${title} (valve replaced, tested)`);
  await piet.waitFor((s) => s.sync.state === 'signed_out' && s.sync.pending === 1, 'the app notices the session ended');
  await piet.screenshot('sync_6_session_ended');
  await piet.click('Sign in again');
  await piet.item('Sign in', {window: 'Sign in', timeout: 15000});
  const back = await piet.signIn('pshah');
  assert.ok(back.total >= 301, 'the same desk, kept in the browser');
  await anna.waitFor((s) => s.selected.fields.title === `${title} (valve replaced, tested)`,
                     'the change made while signed out reaches the server after signing in again');

  await piet.click('Settings');
  await piet.click('Sign out', {window: 'Settings'});
  await piet.item('Sign in', {window: 'Sign in', timeout: 15000});
  await piet.load({reload: true, wait: false});
  await piet.item('Sign in', {window: 'Sign in', timeout: 30000});  // the session is gone for good
});
