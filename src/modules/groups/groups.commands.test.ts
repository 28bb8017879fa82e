// The commands against a real, freshly migrated database: creation (idempotent), membership, the
// coordinator rule, boards, activities, the discussion, recognition, and the tenant wall.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import type { CommandContext } from './commands/context.js';
import { createGroup } from './commands/create-group.js';
import { updateGroupDetails } from './commands/update-group.js';
import { joinGroup } from './commands/join-group.js';
import { acceptInvitation, declineInvitation } from './commands/answer-invitation.js';
import { leaveGroup } from './commands/leave-group.js';
import { decideRequest } from './commands/decide-request.js';
import { inviteMember } from './commands/invite-member.js';
import { changeMember } from './commands/change-member.js';
import { addBoardPosition, endBoardTerm } from './commands/add-board-position.js';
import { addActivity } from './commands/add-activity.js';
import { postMessage } from './commands/post-message.js';
import { editPost, moderatePost } from './commands/edit-post.js';
import { recogniseLocalCouncil, withdrawRecognition } from './commands/recognise-local-council.js';
import { createGroupSchema } from './groups.schemas.js';
import { findGroupById, findMembership, listMemberships } from './groups.repository.js';
import { isCoordinator, listGroupsForUser, loadGroupPage } from './groups.queries.js';

let db: TestDatabase;
let mid: number;
let otherMid: number;
let areaStouby: number;
let areaJuelsminde: number;
let themeMobility: number;
let foreignArea: number;
let people: Record<'karen' | 'jens' | 'fatima' | 'bo' | 'anders', Actor>;

function actor(id: number, name: string, email: string, roles: MunicipalRole[] = ['resident']): Actor {
  return { id, sessionId: 's', displayName: name, email, emailVerified: true, lang: 'da', networkRole: null, roles: new Map([[mid, new Set(roles)]]) };
}

async function person(name: string, roles: MunicipalRole[] = ['resident']): Promise<Actor> {
  const email = `${name.toLowerCase()}-${crypto.randomBytes(3).toString('hex')}@example.dk`;
  const p = await createPerson(db, { name, email, roles: roles.map((r) => [mid, r]) });
  return actor(p.id, name, email, roles);
}

function run<T>(who: Actor, fn: (ctx: CommandContext) => Promise<T>, municipalityId = mid): Promise<T> {
  return db.transaction({ municipalityId, userId: who.id }, (tx) => fn({ tx, municipalityId, actor: who }));
}

function input(overrides: Record<string, string> = {}) {
  const parsed = createGroupSchema.safeParse({
    name: 'Grønne Hænder Hedensted',
    kind: 'informal',
    description: 'Vi passer byens grønne hjørner.',
    descriptionLang: 'da',
    membershipPolicy: 'open',
    creationKey: crypto.randomUUID(),
    ...overrides,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

async function newGroup(who: Actor, overrides: Record<string, string> = {}) {
  const r = await run(who, (ctx) => createGroup(ctx, input(overrides)));
  assert.ok(r.ok, JSON.stringify(r));
  return r.value.group;
}

before(async () => {
  db = await testDatabase();
  mid = await createMunicipality(db, 'hedensted', 'Hedensted Kommune');
  otherMid = await createMunicipality(db, 'lemvig', 'Lemvig Kommune');
  const ids = await db.transaction({ municipalityId: mid }, async (tx) => {
    const a = await sql<{ id: number }>`insert into municipalities_areas (municipality_id, name, kind) values (${mid}, 'Stouby', 'village'), (${mid}, 'Juelsminde', 'town') returning id`.execute(tx);
    const t = await sql<{ id: number }>`insert into municipalities_themes (municipality_id, key, name_da, name_en) values (${mid}, 'mobility', 'Mobilitet', 'Mobility') returning id`.execute(tx);
    return { areas: a.rows.map((r) => r.id), theme: t.rows[0]!.id };
  });
  [areaStouby, areaJuelsminde] = ids.areas as [number, number];
  themeMobility = ids.theme;
  foreignArea = await db.transaction({ municipalityId: otherMid }, async (tx) => {
    const r = await sql<{ id: number }>`insert into municipalities_areas (municipality_id, name, kind) values (${otherMid}, 'Harboøre', 'town') returning id`.execute(tx);
    return r.rows[0]!.id;
  });
  people = {
    karen: await person('Karen'),
    jens: await person('Jens'),
    fatima: await person('Fatima'),
    bo: await person('Bo'),
    anders: await person('Anders', ['facilitator']),
  };
});
after(() => db.destroy());

test('the creator becomes the first coordinator, and slugs stay unique', async () => {
  const a = await newGroup(people.karen, { name: 'Borgerbussen Juelsminde', areaId: String(areaJuelsminde), themeId: String(themeMobility) });
  assert.equal(a.slug, 'borgerbussen-juelsminde');
  assert.equal(a.areaId, areaJuelsminde);
  const b = await newGroup(people.jens, { name: 'Borgerbussen Juelsminde' });
  assert.equal(b.slug, 'borgerbussen-juelsminde-2');
  const c = await newGroup(people.jens, { name: 'New' });
  assert.equal(c.slug, 'new-2', '"new" is the creation page, never a group');
  assert.equal(await db.transaction({ municipalityId: mid }, (tx) => isCoordinator(tx, mid, a.id, people.karen.id)), true);
  assert.equal(await db.transaction({ municipalityId: mid }, (tx) => isCoordinator(tx, mid, a.id, people.jens.id)), false);
  const mine = await db.transaction({ municipalityId: mid }, (tx) => listGroupsForUser(tx, mid, people.jens.id));
  assert.deepEqual(mine.map((g) => g.group.slug).sort(), ['borgerbussen-juelsminde-2', 'new-2']);
});

test('the same creation key creates one group, sent one after the other or at once', async () => {
  const data = input({ name: 'Fælleskøkkenet i Tørring Skole' });
  const first = await run(people.karen, (ctx) => createGroup(ctx, data));
  const again = await run(people.karen, (ctx) => createGroup(ctx, data));
  assert.ok(first.ok && again.ok);
  assert.equal(first.value.created, true);
  assert.equal(again.value.created, false);
  assert.equal(again.value.group.id, first.value.group.id);

  const burst = input({ name: 'Dobbeltklik' });
  const results = await Promise.all(Array.from({ length: 5 }, () => run(people.karen, (ctx) => createGroup(ctx, burst))));
  assert.ok(results.every((r) => r.ok));
  assert.equal(new Set(results.map((r) => (r.ok ? r.value.group.id : 0))).size, 1);
  const n = await db.transaction({ municipalityId: mid }, (tx) => sql<{ n: number }>`select count(*)::int as n from groups where name = 'Dobbeltklik'`.execute(tx));
  assert.equal(n.rows[0]?.n, 1);

  const stolen = await run(people.jens, (ctx) => createGroup(ctx, burst));
  assert.equal(stolen.ok ? 'ok' : stolen.error, 'forbidden', "another person's key does not reach the group");
});

test('only a facilitator creates a local council, one per area, and it needs its area', async () => {
  const byResident = await run(people.karen, (ctx) => createGroup(ctx, input({ name: 'Stouby Lokalråd', kind: 'local_council', areaId: String(areaStouby) })));
  assert.equal(byResident.ok ? 'ok' : byResident.error, 'kind_forbidden');
  assert.equal(createGroupSchema.safeParse({ ...input(), kind: 'local_council' }).success, false, 'a council without an area is a form error');
  const council = await newGroup(people.anders, { name: 'Stouby Lokalråd', kind: 'local_council', areaId: String(areaStouby) });
  assert.equal(council.kind, 'local_council');
  assert.ok(council.recognisedAt);
  const second = await run(people.anders, (ctx) => createGroup(ctx, input({ name: 'Stouby Borgerråd', kind: 'local_council', areaId: String(areaStouby) })));
  assert.equal(second.ok ? 'ok' : second.error, 'council_exists');
});

test("an area or theme of another municipality is refused, by the command and by the database's keys", async () => {
  const r = await run(people.karen, (ctx) => createGroup(ctx, input({ name: 'Smugleren', areaId: String(foreignArea) })));
  assert.equal(r.ok ? 'ok' : r.error, 'area_not_found');
  await assert.rejects(
    db.transaction({ municipalityId: mid }, (tx) =>
      sql`insert into groups (municipality_id, slug, kind, name, membership_policy, area_id) values (${mid}, 'smugler', 'informal', 'Smugler', 'open', ${foreignArea})`.execute(tx),
    ),
    /foreign key/,
  );
});

test('CVR numbers are checked with modulus 11, and only legal persons have one', () => {
  assert.equal(createGroupSchema.safeParse({ ...input(), kind: 'association', cvr: '29189919' }).success, true);
  assert.equal(createGroupSchema.safeParse({ ...input(), kind: 'association', cvr: 'DK 29 18 99 19' }).success, true);
  const bad = createGroupSchema.safeParse({ ...input(), kind: 'association', cvr: '29189918' });
  assert.equal(bad.success, false);
  assert.equal(bad.error?.issues[0]?.message, 'groups.error.cvrInvalid');
  const informal = createGroupSchema.safeParse({ ...input(), kind: 'informal', cvr: '29189919' });
  assert.equal(informal.error?.issues[0]?.message, 'groups.error.cvrOnlyAssociation');
});

test('joining follows the policy: open at once, by request, never into an invite-only group', async () => {
  const open = await newGroup(people.karen, { name: 'Åben gruppe' });
  const byRequest = await newGroup(people.karen, { name: 'Anmodningsgruppe', membershipPolicy: 'request' });
  const inviteOnly = await newGroup(people.karen, { name: 'Lukket gruppe', membershipPolicy: 'invite' });

  const j = await run(people.jens, (ctx) => joinGroup(ctx, open.id, { showPublicly: true }));
  assert.deepEqual(j.ok && j.value, { status: 'active' });
  const r = await run(people.jens, (ctx) => joinGroup(ctx, byRequest.id, { showPublicly: false }));
  assert.deepEqual(r.ok && r.value, { status: 'requested' });
  const i = await run(people.jens, (ctx) => joinGroup(ctx, inviteOnly.id, { showPublicly: false }));
  assert.equal(i.ok ? 'ok' : i.error, 'forbidden');

  assert.equal((await run(people.fatima, (ctx) => decideRequest(ctx, byRequest.id, people.jens.id, 'approve'))).ok, false, 'only coordinators approve');
  assert.ok((await run(people.karen, (ctx) => decideRequest(ctx, byRequest.id, people.jens.id, 'approve'))).ok);
  const again = await run(people.karen, (ctx) => decideRequest(ctx, byRequest.id, people.jens.id, 'approve'));
  assert.equal(again.ok ? 'ok' : again.error, 'no_request');
  const m = await db.transaction({ municipalityId: mid }, (tx) => findMembership(tx, mid, byRequest.id, people.jens.id));
  assert.equal(m?.status, 'active');
  assert.ok(m?.joinedAt);
});

test('parallel join requests by one person count once', async () => {
  const g = await newGroup(people.karen, { name: 'Populær gruppe' });
  const results = await Promise.all(Array.from({ length: 8 }, () => run(people.bo, (ctx) => joinGroup(ctx, g.id, { showPublicly: false }))));
  assert.ok(results.every((r) => r.ok));
  const rows = await db.transaction({ municipalityId: mid }, (tx) => listMemberships(tx, mid, g.id));
  assert.equal(rows.filter((r) => r.userId === people.bo.id).length, 1);
});

test('invitations: same answer whether or not the address has an account; accept and decline', async () => {
  const g = await newGroup(people.karen, { name: 'Rengøringsholdet', membershipPolicy: 'invite' });
  const known = await run(people.karen, (ctx) => inviteMember(ctx, g.id, { email: people.fatima.email.toUpperCase() }));
  assert.ok(known.ok);
  assert.equal(known.value.notify?.id, people.fatima.id);
  const unknown = await run(people.karen, (ctx) => inviteMember(ctx, g.id, { email: 'nobody@example.dk' }));
  assert.ok(unknown.ok);
  assert.equal(unknown.value.notify, null);
  const twice = await run(people.karen, (ctx) => inviteMember(ctx, g.id, { email: people.fatima.email }));
  assert.equal(twice.ok && twice.value.notify, null, 'no second e-mail for the same invitation');
  assert.equal((await run(people.jens, (ctx) => inviteMember(ctx, g.id, { email: people.bo.email }))).ok, false, 'members who are not coordinators cannot invite');

  assert.ok((await run(people.fatima, (ctx) => acceptInvitation(ctx, g.id, { showPublicly: true }))).ok);
  const m = await db.transaction({ municipalityId: mid }, (tx) => findMembership(tx, mid, g.id, people.fatima.id));
  assert.equal(m?.status, 'active');
  assert.equal(m?.showPublicly, true);

  await run(people.karen, (ctx) => inviteMember(ctx, g.id, { email: people.bo.email }));
  assert.ok((await run(people.bo, (ctx) => declineInvitation(ctx, g.id))).ok);
  assert.equal(await db.transaction({ municipalityId: mid }, (tx) => findMembership(tx, mid, g.id, people.bo.id)), null);
  const noInvitation = await run(people.bo, (ctx) => acceptInvitation(ctx, g.id, { showPublicly: false }));
  assert.equal(noInvitation.ok ? 'ok' : noInvitation.error, 'no_invitation');
});

test('a group always keeps a coordinator', async () => {
  const g = await newGroup(people.karen, { name: 'Tovholdergruppen' });
  const left = await run(people.karen, (ctx) => leaveGroup(ctx, g.id));
  assert.equal(left.ok ? 'ok' : left.error, 'last_coordinator');
  const demoted = await run(people.karen, (ctx) => changeMember(ctx, g.id, people.karen.id, { role: 'member' }));
  assert.equal(demoted.ok ? 'ok' : demoted.error, 'last_coordinator');

  await run(people.jens, (ctx) => joinGroup(ctx, g.id, { showPublicly: false }));
  assert.ok((await run(people.karen, (ctx) => changeMember(ctx, g.id, people.jens.id, { role: 'coordinator' }))).ok);
  // Both coordinators step back at the same moment: one of them must stay.
  const both = await Promise.all([
    run(people.karen, (ctx) => changeMember(ctx, g.id, people.karen.id, { role: 'member' })),
    run(people.jens, (ctx) => changeMember(ctx, g.id, people.jens.id, { role: 'member' })),
  ]);
  assert.equal(both.filter((r) => r.ok).length, 1);
  const rows = await db.transaction({ municipalityId: mid }, (tx) => listMemberships(tx, mid, g.id));
  assert.equal(rows.filter((r) => r.role === 'coordinator').length, 1);
});

test('board terms: only associations, only members, no overlapping officer terms', async () => {
  const informal = await newGroup(people.karen, { name: 'Uformelle' });
  const noBoard = await run(people.karen, (ctx) => addBoardPosition(ctx, informal.id, { userId: people.karen.id, role: 'chairperson', termStart: '2024-01-01', termEnd: null }));
  assert.equal(noBoard.ok ? 'ok' : noBoard.error, 'forbidden');

  const assoc = await newGroup(people.karen, { name: 'Harboøre Borgerforening', kind: 'association', cvr: '29189919' });
  await run(people.jens, (ctx) => joinGroup(ctx, assoc.id, { showPublicly: false }));
  const chair = await run(people.karen, (ctx) => addBoardPosition(ctx, assoc.id, { userId: people.karen.id, role: 'chairperson', termStart: '2024-03-01', termEnd: '2026-02-28' }));
  assert.ok(chair.ok);
  const overlap = await run(people.karen, (ctx) => addBoardPosition(ctx, assoc.id, { userId: people.jens.id, role: 'chairperson', termStart: '2025-03-01', termEnd: null }));
  assert.equal(overlap.ok ? 'ok' : overlap.error, 'overlap');
  const next = await run(people.karen, (ctx) => addBoardPosition(ctx, assoc.id, { userId: people.jens.id, role: 'chairperson', termStart: '2026-03-01', termEnd: null }));
  assert.ok(next.ok, 'the next term may start after the last one ends');
  const twoHats = await run(people.karen, (ctx) => addBoardPosition(ctx, assoc.id, { userId: people.karen.id, role: 'treasurer', termStart: '2025-01-01', termEnd: null }));
  assert.equal(twoHats.ok ? 'ok' : twoHats.error, 'overlap');
  const outsider = await run(people.karen, (ctx) => addBoardPosition(ctx, assoc.id, { userId: people.bo.id, role: 'secretary', termStart: '2025-01-01', termEnd: null }));
  assert.equal(outsider.ok ? 'ok' : outsider.error, 'not_member');

  // Jens steps down in 2027; a later term can then start, and an ended term cannot be ended again.
  assert.ok(next.ok);
  assert.ok((await run(people.karen, (ctx) => endBoardTerm(ctx, assoc.id, next.value.id, '2027-05-31'))).ok);
  const twice = await run(people.karen, (ctx) => endBoardTerm(ctx, assoc.id, next.value.id, '2027-06-30'));
  assert.equal(twice.ok ? 'ok' : twice.error, 'not_current');
  assert.ok((await run(people.karen, (ctx) => addBoardPosition(ctx, assoc.id, { userId: people.karen.id, role: 'chairperson', termStart: '2027-06-01', termEnd: null }))).ok);
});

test("activities are read in the municipality's time zone and must lie ahead", async () => {
  const g = await newGroup(people.karen, { name: 'Aktivitetsgruppen' });
  const now = new Date('2030-06-01T10:00:00Z');
  const r = await run(people.karen, (ctx) => addActivity(ctx, g.id, { title: 'Plantedag', date: '2030-07-01', time: '18:30', place: 'Tofteparken' }, 'Europe/Copenhagen', now));
  assert.ok(r.ok);
  const at = await db.transaction({ municipalityId: mid }, (tx) => sql<{ starts_at: Date }>`select starts_at from groups_activities where id = ${r.value.id}`.execute(tx));
  assert.equal(at.rows[0]?.starts_at.toISOString(), '2030-07-01T16:30:00.000Z', 'summer time: UTC+2');
  const twice = await run(people.karen, (ctx) => addActivity(ctx, g.id, { title: 'Plantedag', date: '2030-07-01', time: '18:30', place: 'Tofteparken' }, 'Europe/Copenhagen', now));
  assert.ok(twice.ok);
  assert.equal(twice.value.id, r.value.id, 'the same activity sent twice is one activity');
  const past = await run(people.karen, (ctx) => addActivity(ctx, g.id, { title: 'For sent', date: '2030-05-31', time: '12:00', place: '' }, 'Europe/Copenhagen', now));
  assert.equal(past.ok ? 'ok' : past.error, 'in_past');
  const byMember = await run(people.jens, (ctx) => addActivity(ctx, g.id, { title: 'Nej', date: '2030-07-01', time: '12:00', place: '' }, 'Europe/Copenhagen', now));
  assert.equal(byMember.ok ? 'ok' : byMember.error, 'forbidden');
});

test('the discussion: members post, a reply to a reply joins the thread, a key posts once, authors edit, moderators hide', async () => {
  const g = await newGroup(people.karen, { name: 'Debatgruppen' });
  await run(people.jens, (ctx) => joinGroup(ctx, g.id, { showPublicly: false }));
  const outsider = await run(people.bo, (ctx) => postMessage(ctx, g.id, { body: 'Hej', parentId: null, postKey: crypto.randomUUID() }, 'da'));
  assert.equal(outsider.ok ? 'ok' : outsider.error, 'forbidden');

  const key = crypto.randomUUID();
  const [p1, p2] = await Promise.all([
    run(people.jens, (ctx) => postMessage(ctx, g.id, { body: 'Første indlæg', parentId: null, postKey: key }, 'da')),
    run(people.jens, (ctx) => postMessage(ctx, g.id, { body: 'Første indlæg', parentId: null, postKey: key }, 'da')),
  ]);
  assert.ok(p1.ok && p2.ok);
  assert.equal(p1.value.id, p2.value.id);
  const reply = await run(people.karen, (ctx) => postMessage(ctx, g.id, { body: 'Svar', parentId: p1.value.id, postKey: crypto.randomUUID() }, 'da'));
  assert.ok(reply.ok);
  const replyToReply = await run(people.jens, (ctx) => postMessage(ctx, g.id, { body: 'Svar på svar', parentId: reply.value.id, postKey: crypto.randomUUID() }, 'da'));
  assert.ok(replyToReply.ok);

  assert.equal((await run(people.karen, (ctx) => editPost(ctx, g.id, p1.value.id, { body: 'Rettet' }))).ok, false, 'only the author edits');
  assert.ok((await run(people.jens, (ctx) => editPost(ctx, g.id, p1.value.id, { body: 'Første indlæg, rettet' }))).ok);
  assert.equal((await run(people.jens, (ctx) => moderatePost(ctx, g.id, reply.value.id, true))).ok, false, 'members do not moderate');
  assert.ok((await run(people.anders, (ctx) => moderatePost(ctx, g.id, reply.value.id, true))).ok, 'facilitators moderate');

  const page = await db.transaction({ municipalityId: mid }, async (tx) => loadGroupPage(tx, (await findGroupById(tx, mid, g.id))!, { userId: null, facilitator: false }, { threadPage: 1, today: '2030-01-01' }));
  assert.equal(page.threads.length, 1);
  const thread = page.threads[0]!;
  assert.equal(thread.body, 'Første indlæg, rettet');
  assert.ok(thread.editedAt);
  assert.deepEqual(thread.replies.map((r) => r.body), ['', 'Svar på svar'], 'a hidden reply keeps its place, not its words');
});

test('recognition: only facilitators, only with an area, one council per area; withdrawal keeps the group', async () => {
  const g = await newGroup(people.karen, { name: 'Juelsminde Lokalråd', kind: 'association', areaId: String(areaJuelsminde), cvr: '29189919' });
  assert.equal((await run(people.karen, (ctx) => recogniseLocalCouncil(ctx, g.id))).ok, false);
  assert.ok((await run(people.anders, (ctx) => recogniseLocalCouncil(ctx, g.id))).ok);
  assert.equal((await db.transaction({ municipalityId: mid }, (tx) => findGroupById(tx, mid, g.id)))?.kind, 'local_council');
  const rival = await newGroup(people.jens, { name: 'Juelsminde Borgerråd', areaId: String(areaJuelsminde) });
  const second = await run(people.anders, (ctx) => recogniseLocalCouncil(ctx, rival.id));
  assert.equal(second.ok ? 'ok' : second.error, 'council_exists');
  const noArea = await newGroup(people.jens, { name: 'Uden område' });
  const needs = await run(people.anders, (ctx) => recogniseLocalCouncil(ctx, noArea.id));
  assert.equal(needs.ok ? 'ok' : needs.error, 'needs_area');

  // Coordinators edit a council but cannot change its kind or move it to another area.
  const edited = await run(people.karen, (ctx) =>
    updateGroupDetails(ctx, g.id, { name: 'Juelsminde Lokalråd', kind: 'informal', description: 'Ny tekst', descriptionLang: 'da', areaId: areaStouby, themeId: null, membershipPolicy: 'open', cvr: '29189919', statutes: '' }),
  );
  assert.ok(edited.ok);
  const after = await db.transaction({ municipalityId: mid }, (tx) => findGroupById(tx, mid, g.id));
  assert.equal(after?.kind, 'local_council');
  assert.equal(after?.areaId, areaJuelsminde);

  assert.ok((await run(people.anders, (ctx) => withdrawRecognition(ctx, g.id))).ok);
  assert.equal((await db.transaction({ municipalityId: mid }, (tx) => findGroupById(tx, mid, g.id)))?.kind, 'association', 'with a CVR number it stays an association');
  assert.ok((await run(people.anders, (ctx) => recogniseLocalCouncil(ctx, rival.id))).ok, 'the area is free again');
});

test("another municipality's transaction sees none of these groups", async () => {
  const seen = await db.transaction({ municipalityId: otherMid }, (tx) => sql<{ n: number }>`select count(*)::int as n from groups`.execute(tx));
  assert.equal(seen.rows[0]?.n, 0);
  const members = await db.transaction({ municipalityId: otherMid }, (tx) => sql<{ n: number }>`select count(*)::int as n from groups_members`.execute(tx));
  assert.equal(members.rows[0]?.n, 0);
  const g = await newGroup(people.karen, { name: 'Hjemme' });
  const r = await run(people.karen, (ctx) => joinGroup(ctx, g.id, { showPublicly: false }), otherMid);
  assert.equal(r.ok ? 'ok' : r.error, 'not_found');
});
