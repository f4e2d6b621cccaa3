// P7: the interface in English, French, Russian and Italian. It opens in the browser's language,
// is switched in Settings with the mouse, keeps the choice over a reload, and every screen the
// test walks through asks for no text its language lacks (the app reports such keys in its
// state). Screenshots: languages_<code>_<screen>.png.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openApp} from './support.mjs';

// What the walk clicks, in each language (the same words as assets/i18n/<code>.json).
const words = {
  en: {settings: 'Settings', summary: 'Summary', timeline: 'Timeline', log: 'Transaction log',
       create: 'New incident', fullForm: 'Full form', cancel: 'Cancel'},
  fr: {settings: 'Paramètres', summary: 'Résumé', timeline: 'Chronologie', log: 'Journal des transactions',
       create: 'Nouvel incident', fullForm: 'Formulaire complet', cancel: 'Annuler'},
  ru: {settings: 'Настройки', summary: 'Сводка', timeline: 'Хронология', log: 'Журнал изменений',
       create: 'Новый инцидент', fullForm: 'Полная форма', cancel: 'Отмена'},
  it: {settings: 'Impostazioni', summary: 'Riepilogo', timeline: 'Cronologia', log: 'Registro delle modifiche',
       create: 'Nuovo incidente', fullForm: 'Modulo completo', cancel: 'Annulla'},
};
const names = {en: 'English', fr: 'Français', ru: 'Русский', it: 'Italiano'};

async function chooseLanguage(app, from, to) {
  await app.click(words[from].settings);
  await app.waitFor((s) => s.screen === 'settings', 'Settings opens');
  await app.click(names[to]);
  await app.waitFor((s) => s.language === to, `the interface switches to ${to}`);
}

// Every screen of the demo desk a user reaches first, with a screenshot of each.
async function walk(app, code) {
  const w = words[code];
  await app.screenshot(`languages_${code}_settings`);
  await app.press('Escape');
  await app.waitFor((s) => s.screen !== 'settings', 'Settings closes');
  await app.screenshot(`languages_${code}_list`);
  const {rows} = await app.state();
  await app.click(rows[0].number, {window: 'Incidents'});
  await app.waitFor((s) => s.screen === 'detail', 'an incident opens');
  await app.screenshot(`languages_${code}_summary`);
  await app.click(w.timeline);
  await app.waitFor((s) => s.tab === 'timeline', 'its timeline');
  await app.screenshot(`languages_${code}_timeline`);
  await app.click(w.log);
  await app.waitFor((s) => s.tab === 'log', 'its transaction log');
  await app.screenshot(`languages_${code}_log`);
  await app.click(w.create);
  await app.waitFor((s) => s.screen === 'create', 'the new-incident form');
  // The form keeps the last choice of full or quick form.
  if ((await app.items(w.fullForm)).some((i) => i.visible)) await app.click(w.fullForm);
  await app.nextFrames(3);
  await app.screenshot(`languages_${code}_create`);
  // Saving the empty form is refused: the refusal and the field errors are translated too.
  await app.press('Control+Enter');
  const refused = await app.waitFor((s) => s.message_is_error, 'the empty form is refused');
  await app.screenshot(`languages_${code}_refusal`);
  // Screen readers hear the refusal, in the same words, from the page's alert region.
  assert.equal(await app.page.evaluate(() => document.getElementById('announce-alert').textContent),
               refused.message, 'the refusal is announced');
  await app.click(w.cancel);
  await app.waitFor((s) => s.screen !== 'create', 'the form closes');
  const state = await app.state();
  assert.deepEqual(state.untranslated, [], `${code}: texts without a translation`);
  return state;
}

test('switching the language in Settings translates every screen, and the choice survives a reload', async () => {
  const app = await openApp({query: '?demo'});
  try {
    assert.equal((await app.state()).language, 'en', 'the test browser speaks English');
    let from = 'en';
    for (const code of ['fr', 'ru', 'it']) {
      await chooseLanguage(app, from, code);
      const state = await walk(app, code);
      assert.notEqual(state.message, '', 'the refusal was said');
      from = code;
    }
    await app.load({reload: true});
    assert.equal((await app.state()).language, 'it', 'the choice is kept over a reload');
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'it', '<html lang> follows');
    await chooseLanguage(app, 'it', 'en');
    await walk(app, 'en');
    assert.deepEqual(app.errors, [], 'no console errors');
  } finally {
    await app.close();
  }
});

test('names in Greek, Polish, Turkish and Romanian are drawn with the interface font', async () => {
  const app = await openApp({query: '?demo'});
  try {
    // The search box shows what was typed, drawn with the interface font.
    await app.click('Search');
    await app.type('Ελένη Łódź Şükrü Ștefan');
    await app.screenshot('languages_names');
    assert.equal((await app.state()).query, 'Ελένη Łódź Şükrü Ștefan');
    // Every letter of the four languages and of those names has a glyph.
    const letters = 'ÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸàâæçéèêëîïôœùûüÿ«»’ АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя№ ' +
                    'ÀÈÉÌÒÙàèéìòù ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφχψωάέήίόύώ ĄĆĘŁŃÓŚŹŻąćęłńóśźż ' +
                    'ÇĞİÖŞÜçğıöşü ĂÂÎȘȚăâîșț €…–—';
    assert.equal(await app.page.evaluate((t) => window.hotline.missingGlyphs(t), letters), '');
    assert.deepEqual(app.errors, [], 'no console errors');
  } finally {
    await app.close();
  }
});

test('a browser set to Russian opens the interface in Russian', async () => {
  const app = await openApp({query: '?demo', locale: 'ru-RU'});
  try {
    const state = await app.state();
    assert.equal(state.language, 'ru');
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'ru');
    await app.item(words.ru.create);  // the button reads «Новый инцидент»
    // Dates in the Russian order, counts with Russian plural forms.
    assert.match(state.rows[0].updated, /^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
    assert.deepEqual(app.errors, [], 'no console errors');
  } finally {
    await app.close();
  }
});
