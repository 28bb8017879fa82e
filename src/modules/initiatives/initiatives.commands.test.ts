// Commands against a real, freshly migrated database (PGlite, or PostgreSQL when DATABASE_URL is set).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { proposeInitiative, type ProposeInput } from './commands/propose-initiative.js';
import { changeState } from './commands/change-state.js';
import { assignSelf } from './commands/assign-facilitator.js';
import { setFollowing, supportInitiative, withdrawSupport } from './commands/support-initiative.js';
import { editOwnComment, moderateComment, postComment, reportComment } from './commands/post-comment.js';
import { postUpdate } from './commands/post-update.js';
import { recordAgreement } from './commands/record-agreement.js';
import { answerAsk } from './commands/answer-ask.js';
import { findInitiative, listAsks, listCommentVersions, listComments, listEvents, listOpenReports, countSupports } from './initiatives.repository.js';
import { listInitiatives, listAwaitingTriage, listOpenAsks, listReviewsDue } from './initiatives.queries.js';
import type { Tenant } from './initiatives.standing.js';

let db: TestDatabase;
let m: Tenant;
let other: Tenant;
let owner: Actor;
let facilitator: Actor;
let resident: Actor;
let resident2: Actor;

async function actor(roles: [number, MunicipalRole][] = [], name?: string): Promise<Actor> {
  const p = await createPerson(db, { roles, ...(name ? { name } : {}) });
  const map = new Map<number, Set<MunicipalRole>>();
  for (const [mid, r] of roles) map.set(mid, new Set([...(map.get(mid) ?? []), r]));
  return { id: p.id, sessionId: 'test', displayName: name ?? `Person ${p.id}`, email: p.email, emailVerified: true, lang: null, networkRole: null, roles: map };
}

const proposal = (over: Partial<ProposeInput> = {}): ProposeInput => ({
  title: 'Fælles skolekøkken',
  problem: 'Skolekøkkenet står tomt om eftermiddagen, og foreningerne mangler et køkken.',
  proposal: 'Vi åbner køkkenet for foreninger og ældre, og vi gør selv rent efter os.',
  lang: 'da',
  areaId: null,
  themeId: null,
  groupId: null,
  asks: [{ kind: 'premises', description: 'Skolekøkkenet tirsdag og torsdag 16-20', amountOre: null }, { kind: 'money', description: 'Nye gryder', amountOre: 1_500_000 }],
  partners: [{ kind: 'association', name: 'Uldum Ældreklub', contribution: 'Frivillige kokke' }],
  creationKey: null,
  ...over,
});

before(async () => {
  db = await testDatabase();
  m = { id: await createMunicipality(db, 'cmdtest'), slug: 'cmdtest' };
  other = { id: await createMunicipality(db, 'cmdother'), slug: 'cmdother' };
  owner = await actor([[m.id, 'resident']], 'Karen Owner');
  facilitator = await actor([[m.id, 'facilitator']], 'Anders Facilitator');
  resident = await actor([[m.id, 'resident']], 'Bo Resident');
  resident2 = await actor([], 'Fatima Resident');
});
after(() => db.destroy());

async function propose(over: Partial<ProposeInput> = {}, by: Actor = owner): Promise<number> {
  const r = await proposeInitiative(db, m, by, proposal(over));
  assert.ok(r.ok, JSON.stringify(r));
  return r.value.id;
}

const read = <T>(fn: (tx: Parameters<Parameters<TestDatabase['transaction']>[1]>[0]) => Promise<T>, tenant = m) => db.transaction({ municipalityId: tenant.id }, fn);

test('proposing creates an idea with owner, follower, asks, partners and a timeline entry; the same form twice creates one', async () => {
  const key = '3f0a4b52-7d1e-4c3a-9e5f-0123456789ab';
  const first = await proposeInitiative(db, m, owner, proposal({ creationKey: key }));
  const again = await proposeInitiative(db, m, owner, proposal({ creationKey: key }));
  assert.ok(first.ok && again.ok);
  assert.equal(again.value.id, first.value.id);
  assert.equal(again.value.created, false);
  const id = first.value.id;
  const ini = await read((tx) => findInitiative(tx, m.id, id));
  assert.equal(ini?.state, 'idea');
  const asks = await read((tx) => listAsks(tx, m.id, id));
  assert.deepEqual(asks.map((a) => [a.kind, a.amountOre]), [['premises', null], ['money', 1_500_000]]);
  const events = await read((tx) => listEvents(tx, m.id, id));
  assert.deepEqual(events.map((e) => e.kind), ['proposed']);
  const n = await read((tx) => sql<{ n: number }>`select count(*)::int as n from initiatives where creation_key = ${key}`.execute(tx));
  assert.equal(n.rows[0]?.n, 1);
  assert.equal((await proposeInitiative(db, m, null, proposal())).ok, false, 'visitors cannot propose');
  const bad = await proposeInitiative(db, m, owner, proposal({ areaId: 999999 }));
  assert.deepEqual(bad, { ok: false, error: 'unknown_area', detail: undefined });
});

test('the whole road, each step on the timeline in the same transaction as the change', async () => {
  const id = await propose();
  const step = (by: Actor, to: Parameters<typeof changeState>[3]['to'], text?: string) => changeState(db, m, by, { initiativeId: id, to, lang: 'da', ...(text ? { text } : {}) });
  assert.ok((await step(owner, 'open_for_support')).ok);
  assert.deepEqual(await step(owner, 'in_dialogue'), { ok: false, error: 'forbidden', detail: undefined }, 'only the municipality starts the dialogue');
  assert.ok((await step(facilitator, 'in_dialogue')).ok, 'a facilitator starting the dialogue takes it on');
  assert.equal((await read((tx) => findInitiative(tx, m.id, id)))?.facilitator?.id, facilitator.id);
  assert.deepEqual(await step(facilitator, 'agreed'), { ok: false, error: 'agreement_required', detail: undefined });
  const agreement = {
    citizensDeliver: 'Rengøring og madlavning',
    municipalityDelivers: 'Lokalet og 15.000 kr.',
    lang: 'da' as const,
    contactName: 'Anders Facilitator',
    contactTitle: 'Frivilligkoordinator',
    contactEmail: 'anders@example.dk',
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    reviewDate: '2026-06-30',
    changeNote: '',
  };
  assert.deepEqual(await recordAgreement(db, m, owner, { initiativeId: id, agreement, markAgreed: true }), { ok: false, error: 'forbidden', detail: undefined });
  const rec = await recordAgreement(db, m, facilitator, { initiativeId: id, agreement, markAgreed: true });
  assert.ok(rec.ok && rec.value.agreed && rec.value.version === 1);
  const v2 = await recordAgreement(db, m, facilitator, { initiativeId: id, agreement: { ...agreement, reviewDate: '2026-09-30', changeNote: 'Ny revisionsdato' }, markAgreed: false });
  assert.ok(v2.ok && v2.value.version === 2, 'a revision is a new version');
  assert.equal((await read((tx) => findInitiative(tx, m.id, id)))?.reviewDate, '2026-09-30');
  assert.ok((await step(owner, 'active')).ok);
  assert.ok((await step(owner, 'paused')).ok);
  assert.equal((await read((tx) => findInitiative(tx, m.id, id)))?.pausedFrom, 'active');
  assert.deepEqual(await step(owner, 'completed'), { ok: false, error: 'transition_not_allowed', detail: undefined });
  assert.ok((await step(owner, 'active')).ok, 'resumes where it paused');
  assert.ok((await step(owner, 'completed')).ok);
  assert.deepEqual(await step(owner, 'evaluated'), { ok: false, error: 'outcomes_required', detail: undefined });
  assert.ok((await step(owner, 'evaluated', 'Køkkenet bruges 3 dage om ugen af 4 foreninger.')).ok);
  const ini = await read((tx) => findInitiative(tx, m.id, id));
  assert.equal(ini?.state, 'evaluated');
  assert.match(ini?.outcomes ?? '', /4 foreninger/);
  const events = await read((tx) => listEvents(tx, m.id, id));
  const moves = events.filter((e) => e.kind === 'state_changed').map((e) => `${e.fromState}>${e.toState}`);
  assert.deepEqual(moves, ['idea>open_for_support', 'open_for_support>in_dialogue', 'in_dialogue>agreed', 'agreed>active', 'active>paused', 'paused>active', 'active>completed', 'completed>evaluated']);
  assert.deepEqual(events.filter((e) => e.kind === 'agreement').map((e) => e.ref), [1, 2]);
});

test('who may not: residents, visitors, stale forms, other municipalities', async () => {
  const id = await propose();
  assert.deepEqual(await changeState(db, m, resident, { initiativeId: id, to: 'open_for_support', lang: 'da' }), { ok: false, error: 'forbidden', detail: undefined });
  assert.deepEqual(await changeState(db, m, null, { initiativeId: id, to: 'open_for_support', lang: 'da' }), { ok: false, error: 'forbidden', detail: undefined });
  assert.deepEqual(await changeState(db, m, facilitator, { initiativeId: id, to: 'active', lang: 'da' }), { ok: false, error: 'transition_not_allowed', detail: undefined });
  assert.deepEqual(await changeState(db, m, facilitator, { initiativeId: id, to: 'declined', lang: 'da', text: '  ' }), { ok: false, error: 'reason_required', detail: undefined });
  assert.ok((await changeState(db, m, owner, { initiativeId: id, to: 'open_for_support', expectedFrom: 'idea', lang: 'da' })).ok);
  // The same button pressed twice: the second finds the initiative already moved.
  assert.deepEqual(await changeState(db, m, owner, { initiativeId: id, to: 'open_for_support', expectedFrom: 'idea', lang: 'da' }), { ok: false, error: 'transition_not_allowed', detail: undefined });
  const events = await read((tx) => listEvents(tx, m.id, id));
  assert.equal(events.filter((e) => e.kind === 'state_changed').length, 1, 'no duplicate timeline entry');
  // A facilitator elsewhere is nobody here, and the initiative does not exist in the other tenant.
  const elsewhere = await actor([[other.id, 'facilitator']]);
  assert.deepEqual(await changeState(db, m, elsewhere, { initiativeId: id, to: 'declined', lang: 'da', text: 'Nej' }), { ok: false, error: 'forbidden', detail: undefined });
  assert.deepEqual(await changeState(db, other, elsewhere, { initiativeId: id, to: 'declined', lang: 'da', text: 'Nej' }), { ok: false, error: 'not_found', detail: undefined });
  assert.ok((await changeState(db, m, facilitator, { initiativeId: id, to: 'declined', lang: 'da', text: 'Kommunen har ikke budget i år.' })).ok);
  assert.equal((await read((tx) => findInitiative(tx, m.id, id)))?.declineReason, 'Kommunen har ikke budget i år.');
});

test('supports: one per person, undoable, counted in the same transaction; 20 at once count once', async () => {
  const id = await propose();
  assert.deepEqual(await supportInitiative(db, m, resident, id), { ok: false, error: 'not_supportable', detail: undefined }, 'not while only an idea');
  assert.ok((await changeState(db, m, owner, { initiativeId: id, to: 'open_for_support', lang: 'da' })).ok);
  const results = await Promise.all(Array.from({ length: 20 }, () => supportInitiative(db, m, resident, id)));
  assert.equal(results.filter((r) => r.ok && r.value.changed).length, 1);
  assert.ok((await supportInitiative(db, m, resident2, id)).ok);
  let ini = await read((tx) => findInitiative(tx, m.id, id));
  assert.equal(ini?.supportCount, 2);
  assert.equal(await read((tx) => countSupports(tx, m.id, id)), 2);
  const w = await withdrawSupport(db, m, resident, id);
  assert.ok(w.ok && w.value.changed && w.value.count === 1);
  const again = await withdrawSupport(db, m, resident, id);
  assert.ok(again.ok && !again.value.changed);
  ini = await read((tx) => findInitiative(tx, m.id, id));
  assert.equal(ini?.supportCount, 1);
  assert.deepEqual(await supportInitiative(db, m, null, id), { ok: false, error: 'forbidden', detail: undefined });
  // Following is separate from supporting.
  assert.ok((await setFollowing(db, m, resident2, id, false)).ok);
  assert.equal((await read((tx) => findInitiative(tx, m.id, id)))?.supportCount, 1);
});

test('comments: threads, edit history, reports to moderation, hiding, double submit', async () => {
  const id = await propose();
  const key = '9a9b9c9d-1111-4222-8333-444455556666';
  const c1 = await postComment(db, m, resident, { initiativeId: id, parentId: null, body: 'God idé! Se https://example.dk', lang: 'da', commentKey: key });
  const c1again = await postComment(db, m, resident, { initiativeId: id, parentId: null, body: 'God idé! Se https://example.dk', lang: 'da', commentKey: key });
  assert.ok(c1.ok && c1again.ok && c1again.value.id === c1.value.id && !c1again.value.created);
  const reply = await postComment(db, m, owner, { initiativeId: id, parentId: c1.value.id, body: 'Tak!', lang: 'da', commentKey: null });
  assert.ok(reply.ok);
  const otherIni = await propose();
  assert.deepEqual(await postComment(db, m, owner, { initiativeId: otherIni, parentId: c1.value.id, body: 'x', lang: 'da', commentKey: null }), { ok: false, error: 'parent_not_found', detail: undefined }, 'a reply stays on its own initiative');
  assert.deepEqual(await editOwnComment(db, m, owner, { initiativeId: id, commentId: c1.value.id, body: 'Hacked', lang: 'da' }), { ok: false, error: 'forbidden', detail: undefined });
  assert.ok((await editOwnComment(db, m, resident, { initiativeId: id, commentId: c1.value.id, body: 'Rigtig god idé!', lang: 'da' })).ok);
  assert.ok((await editOwnComment(db, m, resident, { initiativeId: id, commentId: c1.value.id, body: 'Rigtig god idé! (rettet)', lang: 'da' })).ok);
  const versions = await read((tx) => listCommentVersions(tx, m.id, c1.value.id));
  assert.deepEqual(versions.map((v) => [v.version, v.body]), [[2, 'Rigtig god idé!'], [1, 'God idé! Se https://example.dk']]);
  const comments = await read((tx) => listComments(tx, m.id, id));
  assert.deepEqual(comments.map((c) => [c.parentId, c.version]), [[null, 3], [c1.value.id, 1]]);
  assert.equal((await read((tx) => findInitiative(tx, m.id, id)))?.commentCount, 2);

  assert.deepEqual(await reportComment(db, m, resident, { initiativeId: id, commentId: c1.value.id, reason: 'spam', note: '' }), { ok: false, error: 'forbidden', detail: undefined }, 'not your own');
  const r1 = await reportComment(db, m, owner, { initiativeId: id, commentId: c1.value.id, reason: 'spam', note: 'Reklame' });
  const r1again = await reportComment(db, m, owner, { initiativeId: id, commentId: c1.value.id, reason: 'spam', note: 'Reklame' });
  assert.ok(r1.ok && r1.value.created && r1again.ok && !r1again.value.created);
  assert.ok((await reportComment(db, m, resident2, { initiativeId: id, commentId: c1.value.id, reason: 'abuse', note: '' })).ok);
  const open = await read((tx) => listOpenReports(tx, m.id));
  assert.equal(open.length, 1);
  assert.equal(open[0]?.reportCount, 2);
  assert.deepEqual(await moderateComment(db, m, resident, { initiativeId: id, commentId: c1.value.id, decision: 'hide' }), { ok: false, error: 'forbidden', detail: undefined });
  const mod = await moderateComment(db, m, facilitator, { initiativeId: id, commentId: c1.value.id, decision: 'hide' });
  assert.ok(mod.ok && mod.value.resolvedReports === 2);
  assert.equal((await read((tx) => listOpenReports(tx, m.id))).length, 0);
  assert.equal((await read((tx) => listComments(tx, m.id, id)))[0]?.hidden, true);
});

test('updates, asks and answers, and the workspace lists', async () => {
  const id = await propose({ title: 'Arbejdsplads for rengøringsholdet' });
  assert.ok((await changeState(db, m, owner, { initiativeId: id, to: 'open_for_support', lang: 'da' })).ok);
  assert.deepEqual(await postUpdate(db, m, resident, { initiativeId: id, body: 'Nyt', lang: 'da', eventKey: null }), { ok: false, error: 'forbidden', detail: undefined });
  const key = '12345678-aaaa-4bbb-8ccc-1234567890ab';
  const u1 = await postUpdate(db, m, owner, { initiativeId: id, body: 'Vi har holdt det første møde.', lang: 'da', eventKey: key });
  const u2 = await postUpdate(db, m, owner, { initiativeId: id, body: 'Vi har holdt det første møde.', lang: 'da', eventKey: key });
  assert.ok(u1.ok && u1.value.created && u2.ok && !u2.value.created);
  const triage = await read((tx) => listAwaitingTriage(tx, m.id, {}));
  assert.ok(triage.some((i) => i.id === id));
  const asks = await read((tx) => listOpenAsks(tx, m.id, {}));
  const money = asks.find((a) => a.initiativeId === id && a.kind === 'money');
  assert.ok(money);
  assert.deepEqual(await answerAsk(db, m, owner, { initiativeId: id, askId: money.id, status: 'granted', answer: 'Ja', lang: 'da' }), { ok: false, error: 'forbidden', detail: undefined });
  assert.ok((await answerAsk(db, m, facilitator, { initiativeId: id, askId: money.id, status: 'partly_granted', answer: 'Vi giver 10.000 kr.', lang: 'da' })).ok);
  assert.deepEqual(await answerAsk(db, m, facilitator, { initiativeId: id, askId: money.id, status: 'granted', answer: 'Ja', lang: 'da' }), { ok: false, error: 'already_answered', detail: undefined });
  assert.ok(!(await read((tx) => listOpenAsks(tx, m.id, {}))).some((a) => a.id === money.id));
  const assigned = await assignSelf(db, m, facilitator, id);
  assert.ok(assigned.ok && assigned.value.changed);
  assert.ok(!(await read((tx) => listAwaitingTriage(tx, m.id, {}))).some((i) => i.id === id), 'taken on: no longer awaiting triage');
  assert.deepEqual(await assignSelf(db, m, resident, id), { ok: false, error: 'forbidden', detail: undefined });
  const reviews = await read((tx) => listReviewsDue(tx, m.id, {}, 100000));
  assert.ok(Array.isArray(reviews));
});

test('notifications: followers and owners hear of state changes, comments and updates, not of their own', async () => {
  const id = await propose({ title: 'Busrute med borgerne' });
  const follower = await actor([[m.id, 'resident']], 'Follower');
  assert.ok((await setFollowing(db, m, follower, id, true)).ok);
  assert.ok((await changeState(db, m, owner, { initiativeId: id, to: 'open_for_support', lang: 'da' })).ok);
  assert.ok((await postComment(db, m, follower, { initiativeId: id, parentId: null, body: 'Jeg er med', lang: 'da', commentKey: null })).ok);
  const rows = await db.transaction({ municipalityId: m.id }, (tx) =>
    sql<{ user_id: number; message_key: string; email_status: string }>`select user_id, message_key, email_status from notifications
      where municipality_id = ${m.id} and link like ${`/m/${m.slug}/initiatives/${id}%`} order by id`.execute(tx),
  );
  const got = rows.rows.map((r) => [r.user_id === follower.id ? 'follower' : r.user_id === owner.id ? 'owner' : String(r.user_id), r.message_key]);
  assert.deepEqual(got, [
    ['follower', 'initiatives.notify.stateChanged'],
    ['owner', 'initiatives.notify.comment'],
  ]);
  assert.ok(rows.rows.every((r) => r.email_status === 'pending'), 'the default is e-mail at once');
});

test('a group initiative: its active members hear of milestones, but not of every comment', async () => {
  const member = await actor([[m.id, 'resident']], 'Group Member');
  const applicant = await actor([[m.id, 'resident']], 'Not Yet Member');
  const groupId = await db.transaction({ municipalityId: m.id }, async (tx) => {
    const g = await sql<{ id: number }>`insert into groups (municipality_id, slug, kind, name, membership_policy)
      values (${m.id}, 'busgruppen', 'informal', 'Busgruppen', 'request') returning id`.execute(tx);
    const id = g.rows[0]!.id;
    await sql`insert into groups_members (municipality_id, group_id, user_id, role, status, joined_at) values
      (${m.id}, ${id}, ${owner.id}, 'coordinator', 'active', now()),
      (${m.id}, ${id}, ${member.id}, 'member', 'active', now())`.execute(tx);
    await sql`insert into groups_members (municipality_id, group_id, user_id, status) values (${m.id}, ${id}, ${applicant.id}, 'requested')`.execute(tx);
    return id;
  });
  const id = await propose({ title: 'Bybus drevet af gruppen', groupId });
  assert.ok((await changeState(db, m, owner, { initiativeId: id, to: 'open_for_support', lang: 'da' })).ok);
  assert.ok((await postUpdate(db, m, owner, { initiativeId: id, body: 'Vi har talt med busselskabet.', lang: 'da', eventKey: null })).ok);
  assert.ok((await postComment(db, m, owner, { initiativeId: id, parentId: null, body: 'Hvem kan køre lørdag?', lang: 'da', commentKey: null })).ok);
  const rows = await db.transaction({ municipalityId: m.id }, (tx) =>
    sql<{ user_id: number; message_key: string }>`select user_id, message_key from notifications
      where municipality_id = ${m.id} and link like ${`/m/${m.slug}/initiatives/${id}%`} order by id`.execute(tx),
  );
  const toMember = rows.rows.filter((r) => r.user_id === member.id).map((r) => r.message_key);
  assert.deepEqual(toMember, ['initiatives.notify.stateChanged', 'initiatives.notify.update']);
  assert.equal(rows.rows.filter((r) => r.user_id === applicant.id).length, 0, 'a pending request is not membership');
  assert.equal(rows.rows.filter((r) => r.user_id === owner.id).length, 0, 'nobody hears of their own doing');
});

test('search in Danish and English, within one municipality, with filters and sorting', async () => {
  const da = await propose({ title: 'Sikker cykelsti til skolen', problem: 'Børnene cykler på en farlig landevej uden cykelsti.', proposal: 'Kommunen og lodsejerne anlægger en cykelsti langs vejen.', lang: 'da' });
  const en = await propose({ title: 'A playground for the village', problem: 'Families have nowhere to meet outdoors on weekends.', proposal: 'Parents build a playground with the municipality.', lang: 'en' });
  await proposeInitiative(db, other, await actor([[other.id, 'resident']]), proposal({ title: 'Cykelstier i nabokommunen', problem: 'Der mangler cykelstier her i nabokommunen.', proposal: 'Flere cykelstier til alle børn.' }));
  const search = (q: string, tenant = m) => read((tx) => listInitiatives(tx, tenant.id, { q, sort: 'relevant', page: 1, pageSize: 20 }), tenant);
  const ids = async (q: string) => (await search(q)).items.map((i) => i.id);
  assert.ok((await ids('cykelstier')).includes(da), 'Danish stemming: cykelstier finds cykelsti');
  assert.ok(!(await ids('cykelstier')).includes(en));
  assert.ok((await ids('playgrounds')).includes(en), 'English stemming: playgrounds finds playground');
  assert.ok((await ids('legeplads families')).length === 0 || !(await ids('legeplads families')).includes(da));
  assert.deepEqual(await ids('"landevej uden"'), [da], 'phrases');
  assert.equal((await search('cykelstier', other)).items.length, 1, 'the other municipality finds only its own');
  assert.ok(!(await search('nabokommunen')).items.length, 'nothing leaks across municipalities');
  assert.equal((await search('og')).total, 0, 'a stop word alone finds nothing and does not fail');
  const page = await read((tx) => listInitiatives(tx, m.id, { sort: 'newest', page: 1, pageSize: 2 }));
  assert.equal(page.items.length, 2);
  assert.ok(page.total >= 2);
  const onlyIdeas = await read((tx) => listInitiatives(tx, m.id, { state: 'idea', sort: 'supported', page: 1, pageSize: 100 }));
  assert.ok(onlyIdeas.items.every((i) => i.state === 'idea'));
  const beyond = await read((tx) => listInitiatives(tx, m.id, { sort: 'active', page: 999, pageSize: 20 }));
  assert.equal(beyond.items.length, 0);
  assert.equal(beyond.total, page.total, 'the total is known past the last page');
});

test('every initiatives table is a tenant table behind forced row-level security', async () => {
  const r = await db.transaction({ municipalityId: null }, (tx) =>
    sql<{ relname: string; rls: boolean; forced: boolean; policies: number; first_key: string }>`
      select c.relname, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
        (select count(*)::int from pg_policies p where p.tablename = c.relname) as policies,
        (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
          where i.indrelid = c.oid and i.indisprimary) as first_key
      from pg_class c where c.relkind = 'r' and c.relname like 'initiatives%' order by c.relname`.execute(tx),
  );
  assert.ok(r.rows.length >= 11);
  for (const t of r.rows) assert.deepEqual({ ...t, policies: t.policies > 0 }, { relname: t.relname, rls: true, forced: true, policies: true, first_key: 'municipality_id' });
  const id = await propose({ title: 'Kun for denne kommune' });
  const seen = await db.transaction({ municipalityId: other.id }, (tx) => sql`select id from initiatives where id = ${id}`.execute(tx));
  assert.equal(seen.rows.length, 0, 'another tenant does not see it, even by id');
  await assert.rejects(
    db.transaction({ municipalityId: other.id }, (tx) => sql`insert into initiatives_supports (municipality_id, initiative_id, user_id) values (${m.id}, ${id}, ${resident.id})`.execute(tx)),
    /row-level security/,
  );
});
