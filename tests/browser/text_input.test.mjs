// Typed French and Russian text (key events carrying accented and Cyrillic characters, as
// real keyboards send them) and text pasted from the system clipboard reach the fields, are
// stored, and are shown; copying out of a field fills the system clipboard.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openApp} from './support.mjs';

test('French and Russian typing and pasting are stored and shown correctly', async () => {
  const app = await openApp();
  try {
    const title = 'Imprimante bloquée — réparer à l’accueil, ça presse';
    const customer = 'Школа № 12 «Берёзка», Ёлкин Пётр';
    const pasted = 'Collé : « çà et là » — вставлено из буфера, €12';

    await app.press('n');
    await app.waitFor((s) => s.screen === 'create', 'the new-incident form opens');
    await app.type(title);
    await app.press('Tab');
    await app.type(customer);
    await app.click('Description', {window: 'New incident'});
    await app.paste(pasted);
    await app.waitFor((s) => s.create.fields.title === title &&
                             s.create.fields['customer.name'] === customer &&
                             s.create.fields.description === pasted,
                      'the form holds the typed and pasted text');
    await app.screenshot('text_1_typed_and_pasted');
    await app.press('Control+Enter');

    const state = await app.waitFor((s) => s.selected?.title === title && !s.saving,
                                    'the incident is saved');
    assert.equal(state.selected.fields['customer.name'], customer);
    assert.equal(state.selected.fields.description, pasted);
    assert.ok(state.rows.some((r) => r.title === title && r.customer === customer),
              'the list shows the text');

    // Copy out: select the saved title in its field, Ctrl+C.
    await app.click('Title', {window: 'Incident'});
    await app.press('Control+A');
    await app.press('Control+C');
    assert.equal(await app.page.evaluate(() => navigator.clipboard.readText()), title);

    await app.load({reload: true});
    const reloaded = await app.state();
    assert.ok(reloaded.rows.some((r) => r.title === title && r.customer === customer),
              'the text is the same after a reload');
    await app.screenshot('text_2_after_reload');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
