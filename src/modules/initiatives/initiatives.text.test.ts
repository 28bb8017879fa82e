import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkParts, PlainText, excerpt } from './initiatives.text.js';

test('addresses become links, punctuation after them does not', () => {
  assert.deepEqual(linkParts('Se https://hedensted.dk/bus. Tak!'), [
    { text: 'Se ' },
    { text: 'https://hedensted.dk/bus', href: 'https://hedensted.dk/bus' },
    { text: '. Tak!' },
  ]);
  assert.deepEqual(linkParts('(se https://da.wikipedia.org/wiki/Bus_(transport))'), [
    { text: '(se ' },
    { text: 'https://da.wikipedia.org/wiki/Bus_(transport)', href: 'https://da.wikipedia.org/wiki/Bus_(transport)' },
    { text: ')' },
  ]);
});

test('only http and https become links', () => {
  for (const s of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://x.dk/a', 'vbscript:msgbox']) {
    assert.deepEqual(linkParts(s), [{ text: s }], s);
  }
  assert.deepEqual(linkParts('https://user:pw@evil.example/'), [{ text: 'https://user:pw@evil.example/' }]);
});

test('HTML in text is shown as text, links are safe', () => {
  const html = String(
    PlainText({ text: '<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n\nhttps://x.dk/"><script>alert(2)</script>', lang: 'da' }),
  );
  assert.ok(!html.includes('<script>'), html);
  assert.ok(!html.includes('<img'), html);
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.match(html, /<a href="https:\/\/x\.dk\/" rel="nofollow ugc noopener">https:\/\/x\.dk\/<\/a>/);
  assert.equal((html.match(/<p>/g) ?? []).length, 2);
  assert.ok(html.includes('<br'));
});

test('excerpt flattens and shortens', () => {
  assert.equal(excerpt('a\n\nb  c', 10), 'a b c');
  assert.equal(excerpt('abcdefghijkl', 5), 'abcd…');
});
