// W2 across two browsers against the real server (hotline_server, SQLite, demo users): the
// call centre (ahughes) assigns a new incident to a field technician (Tom, tfletcher), and it
// reaches his browser. Tom goes offline and edits it; meanwhile the call centre hands it over
// to Priya. Back online, Tom's edit, made while it was his, syncs; his browser then learns of
// the hand-over: the incident leaves his list, the one he has open turns read-only and says
// why, and going to its number says so too.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp, startHotlineServer} from './support.mjs';

const title = 'Heat pump trips every evening';
const tomsTitle = 'Heat pump trips every evening: fan relay burnt';
const field = 'Field service UK North';
const remote = 'Remote support UK';
let server;
let desk;  // ahughes, agent
let tom;   // tfletcher, field technician
let number;

// Network failures while offline are the test's doing, not the app's errors.
const offlineNoise = /Failed to load resource|ERR_INTERNET_DISCONNECTED|net::ERR_/;
const listed = (s) => s.rows.some((r) => r.number === number);
const synced = (s) => s.sync.state === 'online' && s.sync.pending === 0;

before(async () => {
  server = await startHotlineServer();
  desk = await openApp({server, wait: false});
  tom = await openApp({server, wait: false});
});

after(async () => {
  for (const app of [desk, tom]) {
    if (!app) continue;
    assert.deepEqual(app.errors.filter((e) => !offlineNoise.test(e)), [], 'no console errors besides the offline ones');
    await app.close();
  }
  await server?.close();
});

test('an incident assigned to a field technician reaches his browser', async () => {
  await desk.signIn('ahughes');
  number = (await desk.createIncident(title)).selected.number;
  await desk.pick('Service department', field);
  await desk.pick('Assignee', `Tom Fletcher \u00b7 ${field}`);
  await desk.click('Assign', {window: 'Incident'});
  await desk.waitFor((s) => s.selected.work.assignee === 'Tom Fletcher' && synced(s), 'assigned to Tom and synced');
  number = (await desk.state()).selected.number;  // final once synced

  await tom.signIn('tfletcher', {incidents: 1});
  await tom.waitFor(listed, 'the incident is in his list');
  await tom.click(number, {window: 'Incidents'});
  const s = await tom.waitFor((st) => st.screen === 'detail' && st.selected?.number === number, 'it opens');
  assert.equal(s.selected.read_only, null, 'his to work');
});

test('handed over while he was offline: his edit syncs, then the incident leaves his list', async () => {
  await tom.context.setOffline(true);
  await tom.click('Title', {window: 'Incident'});
  await tom.press('Control+A');
  await tom.type(tomsTitle);
  await tom.press('Control+S');
  await tom.waitFor((s) => s.selected.fields.title === tomsTitle && s.sync.pending >= 1, 'saved, waiting to sync');

  await desk.pick('Service department', remote);
  await desk.pick('Assignee', `Priya Shah \u00b7 ${remote}`);
  await desk.click('Reason', {window: 'Incident'});
  await desk.type('Remote diagnosis first');
  await desk.click('Assign', {window: 'Incident'});
  await desk.waitFor((s) => s.selected.work.assignee === 'Priya Shah' && synced(s), 'handed over to Priya');

  await tom.context.setOffline(false);
  await tom.page.evaluate(() => window.dispatchEvent(new Event('online')));
  const s = await tom.waitFor((st) => synced(st) && !listed(st) && st.selected?.read_only === 'handed_over',
                              'the hand-over reaches his browser', {timeout: 30000});
  assert.deepEqual(s.sync.conflicts, [], 'his edit was made while the incident was his: nothing refused');
  await tom.screenshot('handover_1_read_only');
  await desk.waitFor((st) => st.selected.fields.title === tomsTitle, 'his edit reaches the call centre',
                     {timeout: 30000});

  await tom.press('Escape');
  await tom.press('g');
  await tom.navOn('Incident number');
  await tom.type(number);
  await tom.press('Enter');
  await tom.waitFor((st) => st.message_code === 'handed_over', 'going to its number says it was handed over');
});
