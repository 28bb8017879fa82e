import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOptions } from '@node-rs/argon2';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from './passwords.js';

test('passwordProblem: length in characters, and never the e-mail itself', () => {
  const cases: [string, string, string, string | null][] = [
    ['empty', '', 'a@b.dk', 'too_short'],
    ['9 characters', '123456789', 'a@b.dk', 'too_short'],
    ['10 characters', '1234567890', 'a@b.dk', null],
    ['10 Danish letters (multi-byte)', 'æøåæøåæøåæ', 'a@b.dk', null],
    ['9 emoji are 18 UTF-16 units but 9 characters', '🙂'.repeat(9), 'a@b.dk', 'too_short'],
    ['200 characters', 'x'.repeat(200), 'a@b.dk', null],
    ['201 characters', 'x'.repeat(201), 'a@b.dk', 'too_long'],
    ['the e-mail', 'karen.lund@example.dk', 'karen.lund@example.dk', 'same_as_email'],
    ['the e-mail in capitals with spaces', ' Karen.Lund@Example.DK ', 'karen.lund@example.dk', 'same_as_email'],
    ['contains the e-mail', 'karen.lund@example.dk!', 'karen.lund@example.dk', null],
  ];
  for (const [name, password, email, expected] of cases) assert.equal(passwordProblem(password, email), expected, name);
});

test('hashes are argon2id with m=19456, t=2, p=1 and a fresh salt each time', async () => {
  const a = await hashPassword('en lang hemmelig sætning');
  const b = await hashPassword('en lang hemmelig sætning');
  assert.match(a, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.notEqual(a, b);
  const o = parseOptions(a);
  assert.equal(o.memoryCost, 19456);
  assert.equal(o.timeCost, 2);
  assert.equal(o.parallelism, 1);
});

test('verifyPassword accepts the right password only, and a broken hash is a mismatch, not a crash', async () => {
  const h = await hashPassword('en lang hemmelig sætning');
  assert.equal(await verifyPassword(h, 'en lang hemmelig sætning'), true);
  assert.equal(await verifyPassword(h, 'en lang hemmelig saetning'), false);
  assert.equal(await verifyPassword('not-a-hash', 'whatever'), false);
  assert.equal(await verifyAgainstDummy('whatever'), false);
});
