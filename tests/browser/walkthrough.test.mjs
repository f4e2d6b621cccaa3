// Issue 11's "done when", walked as a new user would against the real server (hotline_server,
// SQLite, the demo data), each test continuing the last in one browser profile. An agent takes
// a phone call (the caller found by a few letters, their unit picked), assigns the incident,
// starts the work, transfers it to a workshop repair and gets it back when the order is done,
// solves it with a resolution code, records the customer's acceptance and rating, which closes
// it; the transaction log and the saved report read every step. A second incident, solved, is
// left alone while the test moves the server's clock (libfaketime): past the notice, a
// "Closing notice" by "system" arrives; past the silence allowed, the close by "system".
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp, startHotlineServer} from './support.mjs';

// Records of assets/demo/demo_data.json, which the server seeds.
const contact = 'Sarah Collins';
const account = 'Harbour Freight Ltd';
const serial = 'PHB8K41207';
const priya = 'Priya Shah';
const remote = 'Remote support UK';
const repair = 'Workshop repair (RMA)';

const title = 'Printer feeds two labels';
const description = 'Since Monday';
const note = 'Rollers replaced';
const problem = 'Worn rollers';
const solution = 'New rollers fitted';
const comment = 'Quick fix';
const silentTitle = 'Scanner does not charge';

// The server closes a solved incident after 5 days of the customer's silence, with its notice
// 2 days before, and looks every second.
const closeDays = 5;
const noticeDays = 2;
const day = 86400000;

const planned = new Date(Date.now() + 2 * day).toISOString().slice(0, 10);

// The lookups and titles are typed key by key; the longer texts are pasted (Ctrl+V), as from
// the customer's email: every typed character costs a rendered frame, slow on SwiftShader.
let server;
let app;
let number;

before(async () => {
  server = await startHotlineServer({clock: true, args: ['--auto-close-days', String(closeDays),
                                                         '--close-notice-days', String(noticeDays),
                                                         '--sweep-seconds', '1']});
  // Tall enough for the Summary's panels without scrolling: wheel scrolling makes Chromium log
  // a console error (a passive listener), which the no-errors check would count.
  app = await openApp({server, wait: false, viewport: {width: 1280, height: 1400}});
});

after(async () => {
  if (app) {
    assert.deepEqual(app.errors, [], 'no console errors during the whole walk');
    await app.close();
  }
  await server?.close();
});

const registration = (s) => s.create.registration;
const orders = (s) => s.selected.orders.orders;

test('a phone call: the caller found by a few letters, their unit picked, the incident saved with its number', async () => {
  await app.signIn('ahughes');
  await app.press('n');
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
  await app.click('Caller', {window: 'New incident'});
  await app.type('sarah col');
  let state = await app.waitFor((s) => registration(s).callers.some((m) => m.name === contact),
                                'the contact is listed');
  const caller = registration(state).callers.find((m) => m.name === contact);
  await app.click(`Contact  ${contact}  \u00b7  ${account}  \u00b7  ${caller.phone}`, {window: 'New incident'});
  state = await app.waitFor((s) => registration(s).contact?.name === contact, 'the contact is chosen');
  assert.equal(registration(state).account.name, account, 'choosing the contact fills its account');

  // Choosing the caller gave the keyboard to the serial lookup, which lists the account's units.
  await app.type(serial.slice(0, 4));
  state = await app.waitFor((s) => registration(s).serials.some((u) => u.serial === serial), 'the unit is listed');
  const unit = registration(state).serials.find((u) => u.serial === serial);
  await app.click(`${serial}  \u00b7  ${unit.item}`, {window: 'New incident'});
  state = await app.waitFor((s) => registration(s).unit?.serial === serial, 'the unit is chosen');
  assert.match(registration(state).unit.contract, /Print Care Gold/, 'its contract shows');

  // Choosing the unit gave the keyboard to the title.
  await app.type(title);
  await app.click('Description', {window: 'New incident'});
  await app.paste(description);
  await app.waitFor((s) => s.create.fields.title === title && s.create.fields.description === description,
                    'title and description are typed');
  await app.press('Control+Enter');
  state = await app.waitFor((s) => s.screen === 'detail' && s.selected?.title === title, 'the incident is saved');
  number = state.selected.number;
  assert.match(number, /^\S+$/, 'the incident has its number');
  assert.equal(state.selected.status, 'Registered');
  assert.equal(state.selected.fields['customer.contact'], contact);
  assert.equal(state.selected.fields['unit.serial'], serial);
  await app.screenshot('walkthrough_1_registered');
});

test('assigned to a department and an engineer, the work started', async () => {
  await app.pick('Service department', remote);
  await app.pick('Assignee', `${priya} \u00b7 ${remote}`);
  await app.click('Assign', {window: 'Incident'});
  let state = await app.waitFor((s) => s.selected.status === 'Assigned' && s.selected.work.assignee === priya,
                                'the incident is Assigned to Priya');
  assert.equal(state.selected.work.department, remote);
  await app.click('Next step: In progress', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.status === 'In progress', 'the work starts');
  assert.equal(state.message_is_error, false);
});

test('transferred to a workshop repair, and back In progress when the order is done', async () => {
  await app.click('Transfer\u2026', {window: 'Incident'});
  await app.waitFor((s) => s.selected.orders.transfer_open, 'the transfer form opens');
  await app.pick('Order type', repair);
  await app.waitFor((s) => s.selected.orders.request.type === 'workshop_repair', 'the workshop repair is chosen');
  await app.click('Planned date', {window: 'Incident'});
  await app.paste(planned);
  await app.click('Create order', {window: 'Incident'});
  let state = await app.waitFor((s) => s.selected.status === 'Transferred' && orders(s).length === 1,
                                'the incident is Transferred with its order');
  assert.equal(orders(state)[0].number, `${number}-1`);
  assert.equal(orders(state)[0].type, repair);
  assert.equal(orders(state)[0].status, 'Planned');
  await app.screenshot('walkthrough_2_transferred');

  await app.click(`${number}-1`, {window: 'Incident'});
  await app.waitFor((s) => s.selected.orders.chosen !== '', 'the order opens for an update');
  await app.pick('Order status', 'Done');
  await app.click('Outcome', {window: 'Incident'});
  await app.paste(note);
  await app.click('Update order', {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.status === 'In progress' && orders(s)[0].status === 'Done',
                            'the order is done and the incident In progress again');
  assert.ok(state.selected.events.some((e) => e.type === 'Transfer' && e.text.includes(note)),
            'the outcome is on the timeline');
});

test('solved with the actual problem, solution and a resolution code', async () => {
  await app.click('Next step: Solved', {window: 'Incident'});
  await app.waitFor((s) => s.message_code === 'guard_actual_problem_solution', 'Solved asks for the problem and solution');
  await app.navOn('Actual problem', {window: 'Incident'});
  await app.paste(problem);
  await app.press('Tab');
  await app.navOn('Actual solution', {window: 'Incident'});
  await app.paste(solution);
  await app.press('Tab');  // the keyboard brings the code pickers into view
  await app.navOn('General resolution', {window: 'Incident'});
  await app.pick('General resolution', 'Part replaced');
  // The specific codes of all the demo's languages are more than the dropdown shows: the arrow
  // keys walk down to the one wanted (a wheel would do too), Enter chooses it.
  await app.click('Specific resolution', {window: 'Incident'});
  for (let i = 0; i < 30 && !(await app.items('Roller kit')).some((item) => item.nav); i++) await app.press('ArrowDown');
  await app.navOn('Roller kit');
  await app.press('Enter');
  await app.waitFor((s) => s.selected.draft['resolution.code'] !== '', 'the code is chosen');
  await app.press('Control+S');
  await app.waitFor((s) => s.selected.fields.actual_solution === solution && !s.selected.unsaved, 'saved');
  await app.press('Alt+S');  // the next status, the keyboard left where it is
  const state = await app.waitFor((s) => s.selected.status === 'Solved', 'solved');
  assert.equal(state.message_is_error, false);
  assert.equal(state.selected.fields['resolution.code'] !== '', true);
  await app.screenshot('walkthrough_3_solved');
});

test('the customer accepts and rates the solution, which closes the incident', async () => {
  // The customer's answer heads the Summary, scrolled away while the resolution was filled in
  // below: the keyboard goes back up to it from the Title field (Shift+Tab), and shows it.
  await app.click('Title', {window: 'Incident'});
  for (let i = 0; i < 60 && !(await app.items('Customer accepts')).some((item) => item.nav); i++) {
    await app.press('Shift+Tab');
  }
  await app.click('Customer accepts', {window: 'Incident'});
  await app.waitFor((s) => s.selected.status === 'Accepted', 'the solution is accepted');
  await app.click('Rating 4', {window: 'Incident'});
  await app.click('Satisfaction comment', {window: 'Incident'});
  await app.paste(comment);
  await app.click('Record the rating and close', {window: 'Incident'});
  const state = await app.waitFor((s) => s.selected.status === 'Closed' && s.sync.pending === 0,
                                  'the rating closes the incident, and it all reaches the server');
  assert.equal(state.selected.fields.satisfaction, '4');
  assert.equal(state.selected.fields.satisfaction_comment, comment);
  await app.screenshot('walkthrough_4_closed');
});

// Every step of the walk as the transaction log names it: [field, old value, new value], all by
// the agent, in this order.
function steps() {
  const order = `${number}-1`;
  return [
    ['Service department', '', remote],
    ['Assignee', '', priya],
    ['Event: Assignment', '', `\u2014 \u2192 ${remote} / ${priya}`],
    ['Status', 'Registered', 'Assigned'],
    ['Status', 'Assigned', 'In progress'],
    ['Event: Transfer', '', `${order} \u00b7 ${repair}\n${planned} \u00b7 14 Dock Road, Bristol BS1 6QA`],
    ['Status', 'In progress', 'Transferred'],
    [`Order ${order}: Order type`, '', repair],
    [`Order ${order}: Order status`, '', 'Planned'],
    ['Event: Transfer', '', `${order} \u00b7 ${repair} \u2192 Done\n${note}`],
    ['Status', 'Transferred', 'In progress'],
    [`Order ${order}: Outcome`, '', note],
    [`Order ${order}: Order status`, 'Planned', 'Done'],
    ['Actual problem', '', problem],
    ['Actual solution', '', solution],
    ['Resolution code', '', 'Part replaced \u203a Roller kit'],
    ['Status', 'In progress', 'Solved'],
    ['Status', 'Solved', 'Accepted'],
    ['Satisfaction', '', '4'],
    ['Satisfaction comment', '', comment],
    ['Status', 'Accepted', 'Closed'],
  ];
}

// Whether `wanted` appear in `list` in their order (other entries between them).
function inOrder(list, wanted) {
  let at = 0;
  for (const w of wanted) {
    at = list.indexOf(w, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;').replace(/'/g, '&#39;');

test('the transaction log and the saved report read every step', async () => {
  await app.click('Transaction log', {window: 'Incident'});
  const state = await app.waitFor((s) => s.tab === 'log', 'the log shows');
  const shown = state.selected.log.map((l) => JSON.stringify([l.field, l.old, l.new, l.author]));
  const wanted = steps().map((step) => JSON.stringify([...step, 'ahughes']));
  assert.ok(inOrder(shown, wanted), `the log has every step, in order: ${shown.join('\n')}`);
  await app.screenshot('walkthrough_5_log');

  const html = await app.download('Save as HTML');
  assert.equal(html.name, `incident-${number}.html`);
  assert.ok(html.text.includes(`\u2014 ${escapeHtml(title)}</h1>`), 'the report is the incident\'s');
  const [, report] = html.text.split(`<h2>Transaction log</h2>`);
  assert.ok(report, 'the report has the transaction log');
  const rows = report.split('</tr>').map((row) => row.replace(/^.*?<tr>/s, ''));
  const cells = (...values) => values.map((v) => `<td>${escapeHtml(v)}</td>`).join('');
  const lines = rows.map((row) => row.replace(/^<td>[^<]*<\/td>/, ''));  // without the date
  assert.ok(inOrder(lines, steps().map(([field, old, now]) => cells(field, 'ahughes', old, now))),
            `the report's log has every step, in order: ${lines.join('\n')}`);
});

// The UTC day `days` after `ms`, as the closing notice names it.
const dayAfter = (ms, days) => new Date(ms + days * day).toISOString().slice(0, 10);

test('a solved incident the customer is silent about: the server\'s notice first, then its close, both by "system"', async () => {
  let state = await app.createIncident(silentTitle);
  const silent = state.selected.number;
  await app.click('In progress', {window: 'Incident'});
  await app.waitFor((s) => s.selected.status === 'In progress', 'the work starts');
  await app.click('Next step: Solved', {window: 'Incident'});
  await app.navOn('Actual problem', {window: 'Incident'});
  await app.paste('Bent pins');
  await app.press('Tab');
  await app.navOn('Actual solution', {window: 'Incident'});
  await app.paste('Pins fixed');
  await app.press('Control+S');
  await app.waitFor((s) => !s.selected.unsaved, 'saved');
  const solvedFrom = Date.now();
  await app.press('Alt+S');
  await app.waitFor((s) => s.selected.status === 'Solved' && s.sync.pending === 0, 'solved, and the server has it');
  const solvedBy = Date.now();

  // Past the notice: the server's clock (not the browser's) moves on.
  server.moveClock(closeDays - noticeDays);
  state = await app.waitFor((s) => s.selected.events.some((e) => e.type === 'Closing notice'),
                            'the closing notice arrives', {timeout: 20000});
  assert.equal(state.selected.number, silent);
  assert.equal(state.selected.status, 'Solved', 'a notice first: the incident is not closed yet');
  const notice = state.selected.events.find((e) => e.type === 'Closing notice');
  assert.equal(notice.author, 'system');
  assert.ok([dayAfter(solvedFrom, closeDays), dayAfter(solvedBy, closeDays)].includes(notice.text),
            `the notice names the day it closes: ${notice.text}`);
  await app.click('Timeline', {window: 'Incident'});
  await app.screenshot('walkthrough_6_notice');

  // Past the silence allowed: the server closes it.
  server.moveClock(closeDays);
  state = await app.waitFor((s) => s.selected.status === 'Closed', 'the server closes the incident', {timeout: 20000});
  const log = state.selected.log.map((l) => JSON.stringify([l.field, l.old, l.new, l.author]));
  assert.ok(inOrder(log, [JSON.stringify(['Status', 'In progress', 'Solved', 'ahughes']),
                          JSON.stringify(['Event: Closing notice', '', notice.text, 'system']),
                          JSON.stringify(['Status', 'Solved', 'Closed', 'system'])]),
            `the log has the solving, the notice, then the close by "system": ${log.join('\n')}`);
  await app.click('Transaction log', {window: 'Incident'});
  await app.screenshot('walkthrough_7_closed_by_system');
});
