// Issue 14, S2 and S6 against the real server: a Critical incident (the demo's policy: first
// response within 30 minutes, around the clock) assigned to Priya. The test moves the
// server's clock (libfaketime) and both pages' clocks together: at 25 minutes the sweep
// (every second) raises the Warning alert (80 % is 24 minutes), at 31 the Late one. Each
// reaches Priya's notification centre and the manager's, and their lists' Due column turns
// orange, then red. Opening the centre marks everything read.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp, startHotlineServer} from './support.mjs';

const title = 'Server room overheating';
let server;
let priya;
let manager;

// Date.now() runs __hotlineClock.offset (ms) ahead of the real clock.
function movableClock() {
  const real = Date.now.bind(Date);
  globalThis.__hotlineClock = {offset: 0};
  Date.now = () => real() + globalThis.__hotlineClock.offset;
}

async function moveClocks(minutes) {
  server.moveClockMinutes(minutes);
  for (const app of [priya, manager]) {
    await app.page.evaluate((m) => { globalThis.__hotlineClock.offset = m * 60 * 1000; }, minutes);
  }
}

const alerts = (s) => s.notifications.items.filter((n) => n.title === title).map((n) => n.text);
const row = (s) => s.rows.find((r) => r.title === title);

before(async () => {
  server = await startHotlineServer({clock: true, args: ['--sweep-seconds', '1']});
  priya = await openApp({server, wait: false, initScript: movableClock});
  manager = await openApp({server, wait: false, initScript: movableClock});
  await priya.signIn('pshah');
  await manager.signIn('manager');
});

after(async () => {
  for (const app of [priya, manager]) {
    if (!app) continue;
    assert.deepEqual(app.errors, [], 'no console errors');
    await app.close();
  }
  await server?.close();
});

test('Priya registers a Critical incident and takes it', async () => {
  const created = await priya.createIncident(title, {priority: 'Critical'});
  assert.equal(created.selected.fields.priority, '1');
  await priya.press('Alt+M');
  const s = await priya.waitFor((st) => st.selected?.fields.assignee === 'pshah', 'assigned to Priya');
  assert.match(s.selected.sla.lines[0], /^SLA Critical, around the clock, counted around the clock/);
  await manager.waitFor((st) => row(st)?.assignee === 'Priya Shah', 'the manager has it');
});

test('at 25 minutes the Warning alert reaches Priya and the manager', async () => {
  await moveClocks(25);
  for (const app of [priya, manager]) {
    const s = await app.waitFor((st) => alerts(st).some((t) => t.startsWith('First response at Warning')),
                                'the Warning alert is in the notification centre', {timeout: 20000});
    assert.ok(s.notifications.unread > 0);
    assert.equal(row(s).sla, 'warning');
  }
  await priya.screenshot('escalation_1_warning');
});

test('at 31 minutes the Late alert; opening the centre marks them read', async () => {
  await moveClocks(31);
  for (const app of [priya, manager]) {
    const s = await app.waitFor((st) => alerts(st).some((t) => t.startsWith('First response late')),
                                'the Late alert is in the notification centre', {timeout: 20000});
    assert.equal(row(s).sla, 'late');
    assert.match(row(s).due, /^-\d+m$/);
  }
  await manager.click('Notifications', {window: 'Top bar'});
  const opened = await manager.waitFor((s) => s.screen === 'notifications' && s.notifications.unread === 0,
                                       'the centre is open, all read');
  assert.ok(alerts(opened).length >= 2, `both alerts listed: ${JSON.stringify(alerts(opened))}`);
  await manager.screenshot('escalation_2_notification_centre');
  // The incident's timeline shows the server's alerts.
  const number = row(await priya.state()).number;
  const incident = await priya.openNumber(number);
  const events = incident.selected.events.filter((e) => e.type === 'SLA late' || e.type === 'SLA warning');
  assert.equal(events.length, 2, JSON.stringify(incident.selected.events));
  assert.match(events.find((e) => e.type === 'SLA late').text, /^First response due /);
});
