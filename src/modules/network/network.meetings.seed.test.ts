// The demo seed: the current season with the three demo municipalities, leaders, two meetings held
// with minutes and two ahead (one nearly full); running it again changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { municipalitiesModule } from '../municipalities/index.js';
import { accountsModule } from '../accounts/index.js';
import { seedNetworkMeetings } from './network.meetings.seed.js';
import { loadDirectory, loadMeetings } from './network.meetings.queries.js';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

async function counts() {
  return app.db.transaction({ municipalityId: null }, async (tx) => {
    const one = async (q: ReturnType<typeof sql<{ n: number }>>) => (await q.execute(tx)).rows[0]!.n;
    return {
      seasons: await one(sql<{ n: number }>`select count(*)::int as n from network_seasons`),
      members: await one(sql<{ n: number }>`select count(*)::int as n from network_season_members`),
      leaders: await one(sql<{ n: number }>`select count(*)::int as n from network_season_leaders`),
      meetings: await one(sql<{ n: number }>`select count(*)::int as n from network_meetings`),
      registrations: await one(sql<{ n: number }>`select count(*)::int as n from network_registrations`),
    };
  });
}

test('the seed makes the current season with members, leaders and meetings, and is idempotent', async () => {
  const log: string[] = [];
  await municipalitiesModule.seed!(app.deps, () => {});
  await accountsModule.seed!(app.deps, () => {});
  const now = new Date('2026-11-27T10:00:00Z');
  await seedNetworkMeetings(app.deps, (l) => log.push(l), now);
  const first = await counts();
  assert.deepEqual(first, { seasons: 1, members: 3, leaders: 5, meetings: 4, registrations: 11 });
  assert.match(log.join('\n'), /Sæson 2026\/27, 4 demo meetings created/);
  await seedNetworkMeetings(app.deps, () => {}, now);
  assert.deepEqual(await counts(), first);

  const data = await loadMeetings(app.deps, null, now);
  assert.equal(data.upcoming.length, 2);
  assert.equal(data.past.length, 2);
  assert.ok(data.past.every((p) => p.meeting.minutes));
  const nearlyFull = data.upcoming.find((u) => u.meeting.capacity - u.meeting.confirmedCount === 1);
  assert.ok(nearlyFull, 'one upcoming meeting has one place left');

  const directory = await loadDirectory(app.deps, { id: 1, sessionId: 's', displayName: 'x', email: 'x@x.dk', emailVerified: true, lang: null, networkRole: 'member', roles: new Map() }, now);
  assert.equal(directory.season?.name, 'Sæson 2026/27');
  const hedensted = directory.members.find((m) => m.slug === 'hedensted')!;
  assert.deepEqual(hedensted.people, [{ displayName: 'Pia Kragh Andersen', roleText: 'direktør for social og sundhed' }]);
  assert.equal(hedensted.notListed, 1);
});
