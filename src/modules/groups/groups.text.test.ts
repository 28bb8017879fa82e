import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidCvr, normaliseCvr } from './groups.cvr.js';
import { slugify, uniqueSlug } from './groups.slug.js';

test('CVR numbers pass the modulus-11 check', () => {
  for (const good of ['29189919', '10103940', '25313763']) assert.equal(isValidCvr(good), true, good);
});

test('CVR numbers with a wrong digit, a leading zero or the wrong length fail', () => {
  for (const bad of ['29189918', '01234567', '1234567', '123456789', '2918991a', '', '12345678']) assert.equal(isValidCvr(bad), false, bad);
});

test('every single-digit change of a valid CVR number is caught', () => {
  const good = '29189919';
  for (let i = 0; i < 8; i++) {
    for (let d = 0; d <= 9; d++) {
      const changed = good.slice(0, i) + d + good.slice(i + 1);
      if (changed !== good) assert.equal(isValidCvr(changed), false, changed);
    }
  }
});

test('CVR input is normalised from common spellings', () => {
  assert.equal(normaliseCvr('DK-29 18 99 19'), '29189919');
  assert.equal(normaliseCvr(' 29189919 '), '29189919');
  assert.equal(normaliseCvr('dk29189919'), '29189919');
});

test('slugs spell Danish letters out and stay URL-safe', () => {
  assert.equal(slugify('Fælleskøkkenet i Tørring Skole'), 'faelleskoekkenet-i-toerring-skole');
  assert.equal(slugify('Harboøre Borgerforening'), 'harbooere-borgerforening');
  assert.equal(slugify('Grønne Hænder – Hedensted!'), 'groenne-haender-hedensted');
  assert.equal(slugify('Café Åen'), 'cafe-aaen');
  assert.equal(slugify('<script>'), 'script');
  assert.equal(slugify('!!!'), 'gruppe');
  assert.ok(slugify('a'.repeat(200)).length <= 60);
});

test('a taken slug gets the next free number', () => {
  assert.equal(uniqueSlug('x', new Set()), 'x');
  assert.equal(uniqueSlug('x', new Set(['x', 'x-2'])), 'x-3');
});
