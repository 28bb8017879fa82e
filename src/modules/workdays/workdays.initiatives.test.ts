// Work days owned by an initiative: who may choose which initiative in the create form (its owners and
// members; facilitators any open one), that the choice is checked again on the server, and that the day
// page names and links the initiative.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { SESSION_COOKIE } from '../../core/http/app.js';
import { listInitiativesForOwnerSelect } from '../initiatives/index.js';
import { createWorkDay } from './commands/create-work-day.js';
import { futureDate, municipalityWithGroup, person } from './workdays.testkit.js';

let app: TestApp;
const slug = 'initiativ-kommune';
let mid: number;
let groupId: number;
let coordinator: Awaited<ReturnType<typeof municipalityWithGroup>>['coordinator'];
let member: Awaited<ReturnType<typeof person>>;
let outsider: Awaited<ReturnType<typeof person>>;
let facilitator: Awaited<ReturnType<typeof person>>;
let mine: number; // member is behind it
let other: number; // nobody here is behind it
let declined: number;

async function initiative(title: string, state: string, userId: number | null): Promise<number> {
  return app.db.transaction({ municipalityId: mid }, async (tx) => {
    const r = await sql<{ id: number }>`insert into initiatives (municipality_id, title, problem, proposal, lang, state, decline_reason)
      values (${mid}, ${title}, 'Problem', 'Forslag', 'da', ${state}, ${state === 'declined' ? 'Nej' : null}) returning id`.execute(tx);
    const id = r.rows[0]!.id;
    if (userId !== null) await sql`insert into initiatives_members (municipality_id, initiative_id, user_id, role) values (${mid}, ${id}, ${userId}, 'member')`.execute(tx);
    return id;
  });
}

before(async () => {
  app = await testApp();
  const f = await municipalityWithGroup(app.db, slug);
  mid = f.mid;
  groupId = f.groupId;
  coordinator = f.coordinator;
  member = await person(app.db, mid, ['resident'], 'Ida Initiativ');
  outsider = await person(app.db, mid, ['resident'], 'Ole Udenfor');
  facilitator = await person(app.db, mid, ['facilitator'], 'Fie Facilitator');
  mine = await initiative('Grønne Tørring <i>nu</i>', 'active', member.id);
  other = await initiative('Bænke ved åen', 'agreed', null);
  declined = await initiative('Afvist idé', 'declined', member.id);
});
after(() => app.close());

const as = (token: string) => {
  const c = app.client();
  c.setCookie(SESSION_COOKIE, token);
  return c;
};
const form = (over: Record<string, string> = {}) => ({ title: 'Affaldsindsamling', groupId: '', initiativeId: String(mine), address: 'Torvet 1', date: futureDate(14), startTime: '09:00', endTime: '12:00', shift1Label: 'Formiddag', shift1Start: '09:00', shift1End: '12:00', shift1Capacity: '8', repeat: 'none', everyWeeks: '2', count: '', until: '', ...over });
const schedule = { date: futureDate(15), startTime: '09:00', endTime: '12:00', shifts: [{ label: 'A', startTime: '09:00', endTime: '12:00', capacity: 5 }], repeat: null };
const fields = (over: { groupId?: number | null; initiativeId?: number | null }) => ({ title: 'Dag', description: '', lang: 'da' as const, groupId: null, initiativeId: null, areaId: null, address: 'Torvet', meetingPoint: '', tasks: '', equipment: '', bring: '', ...over });

test('the owner choice: members see their open initiatives, facilitators every open one, others none', async () => {
  const list = (actor: Parameters<typeof listInitiativesForOwnerSelect>[2]) => app.db.transaction({ municipalityId: mid }, (tx) => listInitiativesForOwnerSelect(tx, mid, actor));
  assert.deepEqual((await list(member.actor)).map((i) => i.id), [mine]);
  assert.deepEqual((await list(facilitator.actor)).map((i) => i.id).sort(), [mine, other].sort());
  assert.deepEqual(await list(outsider.actor), []);
  assert.deepEqual(await list(null), []);
  assert.ok(!(await list(facilitator.actor)).some((i) => i.id === declined), 'declined ones are not offered');
});

test('create: a member may organise for their initiative, not for another; facilitators for any; one owner is required', async () => {
  const m = { id: mid, timeZone: 'Europe/Copenhagen' };
  const ok = await createWorkDay(app.db, member.actor, m, fields({ initiativeId: mine }), schedule);
  assert.ok(ok.ok);
  const notMine = await createWorkDay(app.db, member.actor, m, fields({ initiativeId: other }), schedule);
  assert.deepEqual(notMine.ok ? null : [notMine.error, notMine.detail], ['forbidden', { initiativeId: 'workdays.error.initiativeOwner' }]);
  const groupNotMine = await createWorkDay(app.db, member.actor, m, fields({ initiativeId: mine, groupId }), schedule);
  assert.deepEqual(groupNotMine.ok ? null : [groupNotMine.error, groupNotMine.detail], ['forbidden', { groupId: 'workdays.error.owner' }]);
  const coordinatorOther = await createWorkDay(app.db, coordinator.actor, m, fields({ groupId, initiativeId: mine }), schedule);
  assert.deepEqual(coordinatorOther.ok ? null : coordinatorOther.error, 'forbidden', 'a group coordinator cannot borrow an initiative');
  assert.ok((await createWorkDay(app.db, facilitator.actor, m, fields({ initiativeId: other, groupId }), schedule)).ok);
  const none = await createWorkDay(app.db, facilitator.actor, m, fields({}), schedule);
  assert.deepEqual(none.ok ? null : [none.error, none.detail], ['invalid', { owner: 'workdays.error.ownerRequired' }]);
  const missing = await createWorkDay(app.db, facilitator.actor, m, fields({ initiativeId: 999999 }), schedule);
  assert.deepEqual(missing.ok ? null : [missing.error, missing.detail], ['invalid', { initiativeId: 'workdays.error.initiative' }]);
});

test('the form offers the member’s initiative; the day page shows and links it, escaped', async () => {
  const c = as(member.sessionToken);
  const page = await c.get(`/m/${slug}/workdays/new`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.ok(html.includes(`<option value="${mine}"`));
  assert.ok(!html.includes(`<option value="${other}"`));
  assert.ok(html.includes('Grønne Tørring &lt;i&gt;nu&lt;/i&gt;'));

  const bad = await c.post(`/m/${slug}/workdays/new`, form({ initiativeId: '' }));
  assert.equal(bad.status, 422);
  const badBody = await bad.text();
  assert.ok(badBody.includes('id="f-groupId-error"'));
  assert.match(badBody, /Vælg en gruppe eller et initiativ/);
  const forged = await c.post(`/m/${slug}/workdays/new`, form({ initiativeId: String(other) }));
  assert.equal(forged.status, 422);
  const forgedBody = await forged.text();
  assert.ok(forgedBody.includes('id="f-initiativeId-error"'));
  assert.match(forgedBody, /Vælg et initiativ, du står bag/);

  const res = await c.post(`/m/${slug}/workdays/new`, form());
  assert.equal(res.status, 303);
  const day = await (await c.get(res.headers.get('location')!)).text();
  assert.match(day, /<dt>Initiativ<\/dt>/);
  assert.ok(day.includes(`href="/m/${slug}/initiatives/${mine}"`));
  assert.ok(day.includes('Grønne Tørring &lt;i&gt;nu&lt;/i&gt;'));
  assert.ok(!day.includes('<i>nu</i>'));
  // People behind the initiative manage its days (attendance); others do not.
  const dayPath = res.headers.get('location')!;
  assert.match(day, /Fremmøde og timer/);
  assert.doesNotMatch(await (await as(outsider.sessionToken).get(dayPath)).text(), /Fremmøde og timer/);
});
