// The knowledge base on the static demo (issue 11, W13), in one browser profile, each test
// continuing the last (the demo desk works as an engineer, who writes articles): an
// incident about a leaking coffee machine suggests the demo's article on it, which is linked
// from the Summary; the Knowledge base finds articles by words typed without accents; an
// article is written from a solved incident (a draft linked to it) and published.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';

import {openApp} from './support.mjs';

// A story and an article of assets/demo/demo_data.json, under the same reason code.
const leak = 'Coffee machine leaking under the group head';
const leakArticle = 'Coffee machine leaks: group head gasket and drain hose';
const drumArticle = 'Traînées noires sur les impressions : remplacer le tambour';

let app;
// Tall enough for the Summary's Articles panel to show without scrolling.
before(async () => { app = await openApp({query: '?demo', viewport: {width: 1280, height: 1200}}); });
after(async () => {
  assert.deepEqual(app.errors, [], 'no console errors during the whole flow');
  await app.close();
});

async function search(text) {
  await app.press('Control+F');
  await app.type(text);
  return app.waitFor((s) => s.query === text && s.rows.length > 0, `the list finds "${text}"`);
}

async function openRow(row) {
  await app.click(row.number, {window: 'Incidents'});
  return app.waitFor((s) => s.screen === 'detail' && s.selected?.number === row.number && s.selected.articles,
                     `incident ${row.number} opens`);
}

test('an incident suggests the article on its reason code and title; Link keeps it on the incident', async () => {
  await app.waitFor((s) => s.demo && s.screen === 'list' && s.total > 0, 'the demo desk shows');
  let state = await search(leak);
  state = await openRow(state.rows[0]);
  assert.equal(state.selected.articles.suggested[0]?.title, leakArticle, 'the leak article is suggested first');
  assert.deepEqual(state.selected.articles.linked, []);

  await app.screenshot('knowledge_1_suggested');
  await app.click(`Link: ${leakArticle}`, {window: 'Incident'});
  state = await app.waitFor((s) => s.selected.articles.linked.some((a) => a.title === leakArticle),
                            'the article is linked');
  assert.ok(!state.selected.articles.suggested.some((a) => a.title === leakArticle),
            'a linked article is no longer among the suggestions');
  assert.equal(state.message_is_error, false);
  assert.ok(await app.shows(`Unlink: ${leakArticle}`), 'the linked article can be unlinked');
});

test('the Knowledge base finds articles by title and text, accents and case folded', async () => {
  await app.click('Knowledge base', {window: 'Top bar'});
  let state = await app.waitFor((s) => s.screen === 'knowledge' && s.knowledge.results.length >= 8,
                                'the Knowledge base lists the demo articles');
  assert.equal(state.knowledge.may_write, true);
  await app.click('Search articles', {window: 'Knowledge base'});
  await app.type('TRAINEES');
  state = await app.waitFor((s) => s.knowledge.query === 'TRAINEES', 'the search is typed');
  assert.deepEqual(state.knowledge.results.map((a) => a.title), [drumArticle]);
  await app.screenshot('knowledge_2_search');
  await app.click(`${drumArticle}  \u00b7 Published  \u00b7 French`, {window: 'Knowledge base'});
  state = await app.waitFor((s) => s.knowledge.form?.fields.title === drumArticle, 'the article opens');
  assert.match(state.knowledge.form.fields.body, /tambour/);
});

test('an article written from a solved incident is a draft linked to it, then published', async () => {
  await app.click('Close', {window: 'Knowledge base'});
  await app.press('Control+F');  // the list's search, its text selected
  await app.press('Backspace');
  let state = await app.waitFor((s) => s.query === '' && s.rows.some((r) => r.status === 'Solved'),
                                'the list shows a solved incident');
  const solved = state.rows.find((r) => r.status === 'Solved');
  await app.press('Control+F');
  await app.type(solved.number);  // the row comes into view
  state = await app.waitFor((s) => s.rows.some((r) => r.number === solved.number) && s.rows.length < 20,
                            'the list finds the solved incident by its number');
  state = await openRow(solved);

  const write = 'Write an article from this incident';
  await app.click(write, {window: 'Incident'});
  state = await app.waitFor((s) => s.screen === 'knowledge' && s.knowledge.form?.id, 'the draft opens');
  const form = state.knowledge.form;
  assert.equal(form.fields.title, solved.title);
  assert.equal(form.fields.state, 'draft');
  assert.ok(form.fields.body.length > 0, 'the body holds the actual problem and solution');
  assert.ok(state.selected.articles.linked.some((a) => a.id === form.id), 'the draft is linked to the incident');

  await app.click('Publish', {window: 'Knowledge base'});
  state = await app.waitFor((s) => s.knowledge.form.fields.state === 'published' && !s.message_is_error,
                            'the article is published');
  assert.ok(state.selected.articles.linked.some((a) => a.id === form.id && a.state === 'published'),
            'the incident links the published article');
  await app.screenshot('knowledge_3_published');
});
