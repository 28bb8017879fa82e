import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { BadRequest, decodeUtf8Strict, parseUrlEncoded, validateForm } from './form.js';

test('parses urlencoded forms including repeated fields and plus signs', () => {
  assert.deepEqual(parseUrlEncoded('a=1&b=x+y&a=2&c=%C3%A6%C3%B8%C3%A5&d'), { a: ['1', '2'], b: 'x y', c: 'æøå', d: '' });
});

test('refuses invalid UTF-8 in percent escapes and prototype keys', () => {
  for (const body of ['name=%FF', 'name=%C3', 'x=%E0%80%80', '__proto__=1']) {
    assert.throws(() => parseUrlEncoded(body), (e: unknown) => e instanceof BadRequest && e.status === 400, body);
  }
});

test('refuses invalid UTF-8 bytes', () => {
  assert.throws(() => decodeUtf8Strict(new Uint8Array([0x61, 0xff]).buffer), BadRequest);
  assert.equal(decodeUtf8Strict(new TextEncoder().encode('æ').buffer as ArrayBuffer), 'æ');
});

test('validation errors are keyed by field with the first message', () => {
  const schema = z.object({ email: z.string().email('e.email'), age: z.coerce.number().min(18, 'e.age') });
  const r = validateForm(schema, { email: 'nope', age: '3' });
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual(r.errors, { email: 'e.email', age: 'e.age' });
});
