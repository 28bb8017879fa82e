// The lookups other modules use through index.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { createPerson } from '../../testing/actors.js';
import { displayNames, findPersonByEmail, peopleByIds } from './index.js';

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(() => db.destroy());

test('people are found by id and by normalised e-mail, inside the caller’s transaction', async () => {
  const karen = await createPerson(db, { name: 'Karen Lund', email: 'karen@example.dk', lang: 'en' });
  const jens = await createPerson(db, { name: 'Jens Madsen' });
  await db.transaction({ municipalityId: null }, async (tx) => {
    const byId = await peopleByIds(tx, [karen.id, jens.id, karen.id, 999_999]);
    assert.equal(byId.size, 2);
    assert.deepEqual(byId.get(karen.id), { id: karen.id, email: 'karen@example.dk', displayName: 'Karen Lund', lang: 'en', showInDirectory: false });
    assert.equal((await displayNames(tx, [jens.id])).get(jens.id), 'Jens Madsen');
    assert.equal((await displayNames(tx, [])).size, 0);
    assert.equal((await findPersonByEmail(tx, '  KAREN@example.dk '))?.id, karen.id);
    assert.equal(await findPersonByEmail(tx, 'nobody@example.dk'), null);
  });
});
