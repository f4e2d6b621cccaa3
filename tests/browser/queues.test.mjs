// Issue 14, S5 against the real server: the demo's routing rule sends High incidents to the
// "Second line" queue (Remote support UK). An agent registers a High call and routes it: it
// waits in the queue. Priya (an engineer of that department) opens Queues, sees it waiting
// and picks the next: it is hers, Assigned, and opens; the agent's list shows it with her.
// Then "By workload" gives an incident of her department to the least loaded of its people.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp, startHotlineServer} from './support.mjs';

const title = 'Invoices print blank pages';
let server;
let agent;
let priya;

const queue = (s, key) => s.queues?.find((q) => q.key === key);
const row = (s) => s.rows.find((r) => r.title === title);

before(async () => {
  server = await startHotlineServer();
  agent = await openApp({server, wait: false});
  priya = await openApp({server, wait: false});
  await agent.signIn('ahughes');
  await priya.signIn('pshah');
});

after(async () => {
  for (const app of [agent, priya]) {
    if (!app) continue;
    assert.deepEqual(app.errors, [], 'no console errors');
    await app.close();
  }
  await server?.close();
});

test('a High call routed by the rule waits in the Second line queue', async () => {
  const created = await agent.createIncident(title, {priority: 'High'});
  assert.equal(created.selected.fields.priority, '2');
  await agent.click('Route', {window: 'Incident'});
  const s = await agent.waitFor((st) => st.selected.work.waiting, 'the incident waits in the queue');
  assert.equal(s.message, 'Routed by rule High calls to the second line');
  assert.equal(s.selected.work.queue, 'second_line');
  assert.equal(s.selected.work.department, 'Remote support UK');
  assert.equal(s.selected.work.assignee, '');
  assert.ok(s.selected.events.some((e) => e.type === 'Assignment' && /Queue: Second line/.test(e.text)),
            'the timeline says which queue');
  await agent.screenshot('queues_1_routed');
});

test('Priya picks the next from the queue: it is hers and opens', async () => {
  await priya.click('Queues', {window: 'Top bar'});
  const shown = await priya.waitFor((st) => st.screen === 'queues' && queue(st, 'second_line')?.waiting === 1,
                                    'the queue shows one waiting', {timeout: 20000});
  assert.equal(queue(shown, 'second_line').name, 'Second line');
  await priya.screenshot('queues_2_waiting');
  await priya.click('Pick next Second line', {window: 'Queues'});
  const s = await priya.waitFor((st) => st.screen === 'detail' && st.selected?.title === title, 'the picked incident opens');
  assert.equal(s.selected.fields.assignee, 'pshah');
  assert.equal(s.selected.status, 'Assigned');
  assert.equal(s.selected.work.waiting, false);
  assert.match(s.message, /^Incident .+ is yours$/);
  assert.ok(s.selected.events.some((e) => /Picked from queue Second line/.test(e.text)), 'the timeline says so');

  await priya.click('Queues', {window: 'Top bar'});
  await priya.waitFor((st) => st.screen === 'queues' && queue(st, 'second_line')?.waiting === 0, 'the queue is empty');
  await agent.waitFor((st) => row(st)?.assignee === 'Priya Shah', 'the agent sees it with Priya', {timeout: 20000});
});

test('By workload gives an incident to the least loaded person of its department', async () => {
  const other = 'Scanner jams on every page';
  await agent.createIncident(other);
  await agent.pick('Service department', 'Remote support UK');
  await agent.click('Assign', {window: 'Incident'});
  await agent.waitFor((st) => st.selected.work.department === 'Remote support UK', 'in the department');
  await agent.click('By workload', {window: 'Incident'});
  const s = await agent.waitFor((st) => st.selected.work.assignee !== '', 'someone has it');
  const event = s.selected.events.findLast((e) => e.type === 'Assignment');
  assert.match(event.text, /Workload: fewest open \(\d+, weighted \d+\) of \d+ eligible/);
  assert.equal(s.message, `Assigned to ${s.selected.work.assignee}`);
});
