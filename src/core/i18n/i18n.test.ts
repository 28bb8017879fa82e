import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalog, defineTexts, negotiateLang } from './i18n.js';

const texts = defineTexts({
  da: { 'x.members': '{count, plural, one {# medlem} other {# medlemmer}}', 'x.hello': 'Hej {name}' },
  en: { 'x.members': '{count, plural, one {# member} other {# members}}', 'x.hello': 'Hello {name}' },
});

test('formats ICU plurals in both languages', () => {
  const c = new Catalog().add(texts);
  assert.equal(c.i18n('da').t('x.members', { count: 1 }), '1 medlem');
  assert.equal(c.i18n('da').t('x.members', { count: 3 }), '3 medlemmer');
  assert.equal(c.i18n('en').t('x.members', { count: 1 }), '1 member');
  assert.equal(c.i18n('en').t('x.hello', { name: '<b>' }), 'Hello <b>', 'escaping is the view layer\'s job');
});

test('rejects duplicate keys across modules', () => {
  assert.throws(() => new Catalog().add(texts).add(texts), /Duplicate message key/);
});

test('language order: user, then ?lang, then cookie, then Accept-Language, then Danish', () => {
  const cases: [Parameters<typeof negotiateLang>[0], string][] = [
    [{ userLang: 'en', query: 'da', acceptLanguage: 'da' }, 'en'],
    [{ userLang: null, query: 'en', cookie: 'da' }, 'en'],
    [{ query: 'xx', cookie: 'en' }, 'en'],
    [{ acceptLanguage: 'de-DE,en;q=0.8,da;q=0.5' }, 'en'],
    [{ acceptLanguage: 'en;q=0.2, da-DK' }, 'da'],
    [{ acceptLanguage: 'nb-NO' }, 'da'],
    [{ acceptLanguage: 'fr, de;q=0.9' }, 'da'],
    [{}, 'da'],
  ];
  for (const [input, expected] of cases) assert.equal(negotiateLang(input), expected, JSON.stringify(input));
});
