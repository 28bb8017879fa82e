import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlainText, excerpt, linkify, paragraphs, safeHref } from './plain-text.js';

const render = (text: string) => String(<PlainText text={text} />);

test('markup in text is shown as text, never as markup', () => {
  const out = render('<script>alert(1)</script> <img src=x onerror=alert(1)> & "quotes"');
  assert.ok(!out.includes('<script>'), out);
  assert.ok(!out.includes('<img'), out);
  assert.ok(out.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), out);
  assert.ok(out.includes('&amp;'), out);
});

test('paragraphs and line breaks are kept', () => {
  assert.deepEqual(paragraphs('a\nb\n\n\nc\r\n\r\nd'), [['a', 'b'], ['c'], ['d']]);
  assert.equal(render('a\nb\n\nc'), '<div class="groups-plain-text"><p>a<br/>b</p><p>c</p></div>');
});

test('http and https addresses become links with rel="nofollow ugc noopener"', () => {
  const out = render('Se https://hedensted.dk/borgerbus. Eller http://example.org').replaceAll('<wbr/>', '');
  assert.ok(out.includes('<a href="https://hedensted.dk/borgerbus" rel="nofollow ugc noopener">https://hedensted.dk/borgerbus</a>.'), out);
  assert.ok(out.includes('<a href="http://example.org/" rel="nofollow ugc noopener">http://example.org</a>'), out);
});

test('other schemes are never links', () => {
  for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'ftp://example.org', 'JaVaScRiPt://%0Aalert(1)', 'www.example.org']) {
    assert.ok(!render(text).includes('<a '), text);
  }
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref('https://'), null);
});

test('quotes and angle brackets cannot break out of the href', () => {
  const out = render('https://example.org/"onmouseover="alert(1) https://example.org/<b>x</b>');
  assert.ok(!out.includes('"onmouseover'), out);
  assert.ok(!out.includes('<b>'), out);
});

test('trailing punctuation stays outside the link, a balanced bracket stays inside', () => {
  assert.deepEqual(linkify('(se https://example.org/a)'), [
    { kind: 'text', text: '(se ' },
    { kind: 'link', text: 'https://example.org/a', href: 'https://example.org/a' },
    { kind: 'text', text: ')' },
  ]);
  const wiki = linkify('https://da.wikipedia.org/wiki/Lokalråd_(Danmark).');
  assert.equal(wiki[0]?.text, 'https://da.wikipedia.org/wiki/Lokalråd_(Danmark)');
  assert.deepEqual(wiki[1], { kind: 'text', text: '.' });
});

test('long addresses get break opportunities after each slash, never inside the scheme', () => {
  const out = render('https://www.hedensted.dk/borger/lokalraad/stouby-lokalraad-referat-fra-marts-2025.pdf');
  assert.ok(out.includes('>https://www.hedensted.dk/<wbr/>borger/<wbr/>lokalraad/<wbr/>'), out);
});

test('excerpts cut at a word and mark the cut', () => {
  assert.equal(excerpt('kort tekst'), 'kort tekst');
  const e = excerpt('Borgerbussen kører hver dag mellem Juelsminde og Hedensted station, og den køres af frivillige.', 60);
  assert.ok(e.length <= 60, e);
  assert.ok(e.endsWith('…'), e);
  assert.ok(!e.includes('\n'));
});
