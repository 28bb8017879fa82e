// Grant pools end to end on a real, freshly migrated database (PGlite, or PostgreSQL when
// DATABASE_URL is set): rules refused with nothing stored, triage, decision, fast track, payout,
// report with receipts, overdue flag and repayment, and parallel payouts that never overdraw a pool.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { applyForGrant, type ApplyInput } from './commands/apply-for-grant.js';
import { closeGrant } from './commands/close-grant.js';
import { createGrantPool } from './commands/create-grant-pool.js';
import { decideGrantApplication } from './commands/decide-grant-application.js';
import { fastTrackGrant } from './commands/fast-track-grant.js';
import { fileGrantReport } from './commands/file-grant-report.js';
import { flagOverdueGrantReports } from './commands/flag-overdue-grant-reports.js';
import { fundGrantPool } from './commands/fund-grant-pool.js';
import { payOutGrant } from './commands/pay-out-grant.js';
import { recordGrantRepayment } from './commands/record-grant-repayment.js';
import { setGrantPoolStatus } from './commands/set-grant-pool-status.js';
import { triageGrantApplication } from './commands/triage-grant-application.js';
import { ensureAccount } from './ledger.posting.js';
import { applicationFor, myApplications } from './ledger.grants.queries.js';
import { balance, fundedPool, futureDate, grantWorld, poolInput, tinyPdf, tinyPng, type GrantWorld } from './ledger.grants.testkit.js';

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(async () => {
  await db.destroy();
});

const application = (over: Partial<ApplyInput> = {}): ApplyInput => ({
  groupId: null,
  title: 'Nye bænke ved gadekæret',
  purpose: 'Vi vil sætte tre bænke op, så ældre kan hvile sig på gåturen.',
  lang: 'da',
  amountRequestedOre: 2_000_000n,
  cofinancingOre: 500_000n,
  budget: [
    { description: 'Tre bænke', amountOre: 2_100_000n },
    { description: 'Fundament og montering', amountOre: 400_000n },
  ],
  ...over,
});

async function count(mid: number, table: string): Promise<number> {
  return db.transaction({ municipalityId: mid }, async (tx) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(tx)).rows[0]!.n));
}

async function status(mid: number, id: number): Promise<string> {
  return db.transaction({ municipalityId: mid }, async (tx) => (await sql<{ status: string }>`select status from ledger_grant_applications where id = ${id}`.execute(tx)).rows[0]!.status);
}

async function approved(w: GrantWorld, poolId: number, amount: bigint, title = 'Nye bænke ved gadekæret'): Promise<number> {
  const a = await applyForGrant(db, w.coordinator.actor, w.m, poolId, application({ groupId: w.groupId, title, amountRequestedOre: amount, cofinancingOre: amount, budget: [{ description: 'Alt', amountOre: amount * 2n }] }));
  assert.ok(a.ok, JSON.stringify(a));
  const d = await decideGrantApplication(db, w.facilitator.actor, w.m, a.value.applicationId, { outcome: 'approve', decidingBody: 'Udvalget for Landdistrikter', decisionDate: new Date().toISOString().slice(0, 10), amountGrantedOre: amount, note: '' });
  assert.ok(d.ok, JSON.stringify(d));
  return a.value.applicationId;
}

test('creating a pool: only finance officers and admins; deadline not in the past; names unique', async () => {
  const w = await grantWorld(db, 'pool-create');
  assert.deepEqual(await createGrantPool(db, w.facilitator.actor, w.m, poolInput()), { ok: false, error: 'forbidden', detail: undefined });
  assert.deepEqual(await createGrantPool(db, w.coordinator.actor, w.m, poolInput()), { ok: false, error: 'forbidden', detail: undefined });
  const past = await createGrantPool(db, w.finance.actor, w.m, poolInput({ deadline: '2020-01-01' }));
  assert.equal(!past.ok && past.detail?.deadline, 'ledger.grants.error.deadlinePast');
  const r = await createGrantPool(db, w.finance.actor, w.m, poolInput());
  assert.ok(r.ok);
  const again = await createGrantPool(db, w.finance.actor, w.m, poolInput({ name: 'landsbypuljen' }));
  assert.equal(!again.ok && again.detail?.name, 'ledger.grants.error.nameTaken');
  assert.equal(await count(w.m.id, 'ledger_grant_pools'), 1);
  // The pool's account is a grant pool account that may never go negative.
  const acc = await db.transaction({ municipalityId: w.m.id }, async (tx) => (await sql<{ kind: string; may_go_negative: boolean }>`select a.kind, a.may_go_negative from ledger_accounts a join ledger_grant_pools p on p.account_id = a.id`.execute(tx)).rows[0]!);
  assert.deepEqual(acc, { kind: 'grant_pool', may_go_negative: false });
});

test('funding a pool from the municipal budget or a pot; a pot cannot give more than it holds', async () => {
  const w = await grantWorld(db, 'pool-fund');
  const { poolId, accountId } = await fundedPool(db, w, 10_000_000n);
  assert.equal(await balance(db, w.m.id, accountId), 10_000_000n);
  const pot = await db.transaction({ municipalityId: w.m.id }, (tx) => ensureAccount(tx, { municipalityId: w.m.id, kind: 'pot', name: 'Lokalpuljen Bus 312' }));
  const r = await fundGrantPool(db, w.finance.actor, w.m.id, poolId, { sourceAccountId: pot, amountOre: 100n, memo: 'Fra potten' });
  assert.deepEqual(r, { ok: false, error: 'invalid', detail: { amount: 'ledger.overdrawn' } });
  assert.equal(await balance(db, w.m.id, accountId), 10_000_000n);
  const byFacilitator = await fundGrantPool(db, w.facilitator.actor, w.m.id, poolId, { sourceAccountId: pot, amountOre: 100n, memo: 'x' });
  assert.equal(byFacilitator.ok ? null : byFacilitator.error, 'forbidden');
  // The pool's own account (or one of another kind) is no funding source.
  const self = await fundGrantPool(db, w.finance.actor, w.m.id, poolId, { sourceAccountId: accountId, amountOre: 100n, memo: 'Rundt' });
  assert.deepEqual(self, { ok: false, error: 'invalid', detail: { sourceAccountId: 'ledger.grants.error.source' } });
  const kinds = await db.transaction({ municipalityId: w.m.id }, async (tx) => (await sql<{ kind: string }>`select kind from ledger_transactions`.execute(tx)).rows.map((x) => x.kind));
  assert.deepEqual(kinds, ['grant_pool_funding']);
});

test('applications that break the rules are refused with a clear error and store nothing', async () => {
  const w = await grantWorld(db, 'apply-rules');
  const { poolId } = await fundedPool(db, w, 10_000_000n, { deadline: '2030-06-30' });
  const as = (over: Partial<ApplyInput>) => applyForGrant(db, w.coordinator.actor, w.m, poolId, application({ groupId: w.groupId, ...over }), new Date('2030-06-15T10:00:00Z'));
  const detail = async (over: Partial<ApplyInput>, now?: Date) => {
    const r = now ? await applyForGrant(db, w.coordinator.actor, w.m, poolId, application({ groupId: w.groupId, ...over }), now) : await as(over);
    assert.equal(r.ok, false);
    return r.ok ? null : r.detail;
  };
  assert.deepEqual(await detail({ amountRequestedOre: 5_000_001n, cofinancingOre: 2_000_000n, budget: [{ description: 'Alt', amountOre: 7_000_001n }] }), { amountRequested: 'ledger.grants.error.overMaximum' });
  // 20 % of the total: 2.000.000 requested needs at least 500.000 co-financing.
  assert.deepEqual(await detail({ cofinancingOre: 499_999n, budget: [{ description: 'Alt', amountOre: 2_499_999n }] }), { cofinancing: 'ledger.grants.error.cofinancingTooLow' });
  assert.deepEqual(await detail({ budget: [{ description: 'Alt', amountOre: 100n }] }), { budget: 'ledger.grants.error.budgetMismatch' });
  assert.deepEqual(await detail({ budget: [] }), { budget: 'ledger.grants.error.budgetMissing' });
  // The deadline is the whole last day in Copenhagen: 23:30 local on 30 June is in time, 00:30 on 1 July is not.
  assert.ok((await applyForGrant(db, w.coordinator.actor, w.m, poolId, application({ groupId: w.groupId }), new Date('2030-06-30T21:30:00Z'))).ok);
  assert.deepEqual(await detail({}, new Date('2030-06-30T22:30:00Z')), { _form: 'ledger.grants.error.afterDeadline' });
  // Residents may not apply alone to this pool.
  const alone = await applyForGrant(db, w.resident.actor, w.m, poolId, application(), new Date('2030-06-15T10:00:00Z'));
  assert.deepEqual(alone.ok ? null : alone.detail, { applicant: 'ledger.grants.error.applicantNotAllowed' });
  // A member who does not coordinate the group cannot apply for it.
  const member = await applyForGrant(db, w.resident.actor, w.m, poolId, application({ groupId: w.groupId }), new Date('2030-06-15T10:00:00Z'));
  assert.equal(member.ok ? null : member.error, 'forbidden');
  assert.ok((await setGrantPoolStatus(db, w.finance.actor, w.m.id, poolId, 'closed')).ok);
  assert.deepEqual(await detail({}), { _form: 'ledger.grants.error.poolClosed' });
  assert.equal(await count(w.m.id, 'ledger_grant_applications'), 1, 'only the one in time was stored');
  assert.equal(await count(w.m.id, 'ledger_grant_budget_lines'), 2);
});

test('pool rules on who may apply: groups, associations, residents', async () => {
  const w = await grantWorld(db, 'apply-who');
  const { poolId } = await fundedPool(db, w, 0n, { allowGroups: false, allowAssociations: true, allowResidents: true });
  const group = await applyForGrant(db, w.coordinator.actor, w.m, poolId, application({ groupId: w.groupId }));
  assert.deepEqual(group.ok ? null : group.detail, { applicant: 'ledger.grants.error.applicantNotAllowed' });
  const assoc = await applyForGrant(db, w.coordinator.actor, w.m, poolId, application({ groupId: w.associationId }));
  assert.ok(assoc.ok);
  const resident = await applyForGrant(db, w.resident.actor, w.m, poolId, application());
  assert.ok(resident.ok);
  const kinds = await db.transaction({ municipalityId: w.m.id }, async (tx) => (await sql<{ applicant_kind: string }>`select applicant_kind from ledger_grant_applications order by id`.execute(tx)).rows.map((r) => r.applicant_kind));
  assert.deepEqual(kinds, ['association', 'resident']);
});

test('the whole way: apply → triage → decision → payout → report with receipts → closed', async () => {
  const w = await grantWorld(db, 'grant-flow');
  const { poolId, accountId } = await fundedPool(db, w, 10_000_000n);
  const a = await applyForGrant(db, w.coordinator.actor, w.m, poolId, application({ groupId: w.groupId }));
  assert.ok(a.ok);
  const id = a.value.applicationId;
  assert.equal(await status(w.m.id, id), 'submitted');

  assert.equal((await triageGrantApplication(db, w.finance.actor, w.m.id, id, 'Ser fint ud', 'da')).ok, false, 'finance officers do not triage');
  assert.ok((await triageGrantApplication(db, w.facilitator.actor, w.m.id, id, 'Mangler tilbud fra tømrer; ellers fint.', 'da')).ok);
  assert.equal(await status(w.m.id, id), 'in_triage');

  const payEarly = await payOutGrant(db, w.finance.actor, w.m, id);
  assert.equal(payEarly.ok ? null : payEarly.error, 'ledger.grants.error.notApproved');

  const tooMuch = await decideGrantApplication(db, w.facilitator.actor, w.m, id, { outcome: 'approve', decidingBody: 'Udvalget for Landdistrikter', decisionDate: '2026-01-10', amountGrantedOre: 2_000_001n, note: '' });
  assert.deepEqual(tooMuch.ok ? null : tooMuch.detail, { amountGranted: 'ledger.grants.error.overRequested' });
  const future = await decideGrantApplication(db, w.facilitator.actor, w.m, id, { outcome: 'approve', decidingBody: 'Udvalget for Landdistrikter', decisionDate: futureDate(5), amountGrantedOre: 1_500_000n, note: '' });
  assert.deepEqual(future.ok ? null : future.detail, { decisionDate: 'ledger.grants.error.decisionDateFuture' });
  assert.ok((await decideGrantApplication(db, w.finance.actor, w.m, id, { outcome: 'approve', decidingBody: 'Udvalget for Landdistrikter', decisionDate: '2026-01-10', amountGrantedOre: 1_500_000n, note: 'Bevilget med 15.000 kr.' })).ok);
  const again = await decideGrantApplication(db, w.facilitator.actor, w.m, id, { outcome: 'decline', decidingBody: 'X-udvalget', decisionDate: '2026-01-10', amountGrantedOre: null, note: '' });
  assert.equal(again.ok ? null : again.error, 'ledger.grants.error.alreadyDecided');

  assert.equal((await payOutGrant(db, w.facilitator.actor, w.m, id)).ok, false, 'facilitators do not pay');
  const paid = await payOutGrant(db, w.finance.actor, w.m, id, new Date('2026-02-01T10:00:00Z'));
  assert.ok(paid.ok, JSON.stringify(paid));
  const twice = await payOutGrant(db, w.finance.actor, w.m, id);
  assert.equal(twice.ok ? null : twice.error, 'ledger.grants.error.alreadyPaid');
  assert.equal(await balance(db, w.m.id, accountId), 8_500_000n);
  const tx = await db.transaction({ municipalityId: w.m.id }, async (t) => (await sql<{ kind: string; grant_application_id: number }>`select kind, grant_application_id from ledger_transactions where id = ${paid.value.transactionId}`.execute(t)).rows[0]!);
  assert.deepEqual(tx, { kind: 'grant_payout', grant_application_id: id });
  const view = await applicationFor({ db }, w.m.id, id, w.coordinator.actor);
  assert.equal(view?.application.reportDueOn, '2026-04-02', '60 days after payout');

  // A resident who is only a member of the group cannot file the report; a disguised file stores nothing.
  assert.equal((await fileGrantReport(db, w.resident.actor, w.m.id, id, { narrative: 'Bænkene står der nu.', lang: 'da', spending: [{ description: 'Bænke', amountOre: 1_500_000n }], files: [{ name: 'kvittering.pdf', bytes: tinyPdf() }] })).ok, false);
  const disguised = await fileGrantReport(db, w.coordinator.actor, w.m.id, id, {
    narrative: 'Bænkene står der nu, og de bliver brugt hver dag.',
    lang: 'da',
    spending: [{ description: 'Bænke', amountOre: 1_500_000n }],
    files: [{ name: 'kvittering.pdf', bytes: tinyPdf() }, { name: 'faktura.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') }],
  });
  assert.deepEqual(disguised.ok ? null : disguised.detail, { receipts: 'ledger.grants.error.receipt_disguised' });
  assert.equal(await count(w.m.id, 'ledger_grant_receipts'), 0);
  assert.equal(await status(w.m.id, id), 'paid');

  const report = await fileGrantReport(db, w.coordinator.actor, w.m.id, id, {
    narrative: 'Bænkene står der nu, og de bliver brugt hver dag.',
    lang: 'da',
    spending: [{ description: 'Tre bænke', amountOre: 1_200_000n }, { description: 'Montering', amountOre: 300_000n }],
    files: [{ name: 'kvittering.pdf', bytes: tinyPdf() }, { name: 'foto.png', bytes: tinyPng('GPS 55.7,9.7') }],
  });
  assert.ok(report.ok, JSON.stringify(report));
  const stored = await db.transaction({ municipalityId: w.m.id }, async (t) => (await sql<{ content_type: string; bytes: Uint8Array }>`select content_type, bytes from ledger_grant_receipts order by id`.execute(t)).rows);
  assert.deepEqual(stored.map((s) => s.content_type), ['application/pdf', 'image/png']);
  assert.ok(!Buffer.from(stored[1]!.bytes).toString('latin1').includes('GPS'), 'image metadata stripped');
  assert.equal((await fileGrantReport(db, w.coordinator.actor, w.m.id, id, { narrative: 'Igen igen igen', lang: 'da', spending: [{ description: 'x', amountOre: 1n }], files: [{ name: 'k.pdf', bytes: tinyPdf() }] })).ok, false, 'one report');

  assert.equal((await closeGrant(db, w.coordinator.actor, w.m.id, id)).ok, false);
  assert.ok((await closeGrant(db, w.facilitator.actor, w.m.id, id)).ok);
  assert.equal(await status(w.m.id, id), 'closed');
  const mine = await myApplications({ db }, w.m.id, w.coordinator.id);
  assert.deepEqual(mine.map((x) => x.status), ['closed']);
});

test('declining records the body and date; a declined application is never paid', async () => {
  const w = await grantWorld(db, 'grant-decline');
  const { poolId } = await fundedPool(db, w, 10_000_000n);
  const a = await applyForGrant(db, w.coordinator.actor, w.m, poolId, application({ groupId: w.groupId }));
  assert.ok(a.ok);
  assert.ok((await decideGrantApplication(db, w.facilitator.actor, w.m, a.value.applicationId, { outcome: 'decline', decidingBody: 'Udvalget for Landdistrikter', decisionDate: '2026-01-10', amountGrantedOre: null, note: 'Ligger uden for puljens formål.' })).ok);
  const pay = await payOutGrant(db, w.finance.actor, w.m, a.value.applicationId);
  assert.equal(pay.ok ? null : pay.error, 'ledger.grants.error.notApproved');
});

test('fast track: at or under the threshold one facilitator approves with a reason; above it, not', async () => {
  const w = await grantWorld(db, 'grant-fast');
  const { poolId } = await fundedPool(db, w, 10_000_000n);
  const small = await applyForGrant(db, w.coordinator.actor, w.m, poolId, application({ groupId: w.groupId, amountRequestedOre: 500_000n, cofinancingOre: 125_000n, budget: [{ description: 'Maling', amountOre: 625_000n }] }));
  const big = await applyForGrant(db, w.coordinator.actor, w.m, poolId, application({ groupId: w.groupId, amountRequestedOre: 500_001n, cofinancingOre: 125_001n, budget: [{ description: 'Maling', amountOre: 625_002n }] }));
  assert.ok(small.ok && big.ok);
  assert.equal((await fastTrackGrant(db, w.finance.actor, w.m, small.value.applicationId, 'Lille beløb')).ok, false, 'only facilitators fast-track');
  const over = await fastTrackGrant(db, w.facilitator.actor, w.m, big.value.applicationId, 'Lille beløb');
  assert.equal(over.ok ? null : over.error, 'ledger.grants.error.notFastTrack');
  assert.ok((await fastTrackGrant(db, w.facilitator.actor, w.m, small.value.applicationId, 'Lille, klart formål; passer i puljen.')).ok);
  const row = await db.transaction({ municipalityId: w.m.id }, async (tx) => (await sql<{ status: string; fast_track: boolean; amount_granted_ore: number; decision_note: string }>`select status, fast_track, amount_granted_ore, decision_note from ledger_grant_applications where id = ${small.value.applicationId}`.execute(tx)).rows[0]!);
  assert.deepEqual(row, { status: 'fast_track_approved', fast_track: true, amount_granted_ore: 500_000, decision_note: 'Lille, klart formål; passer i puljen.' });
  assert.ok((await payOutGrant(db, w.finance.actor, w.m, small.value.applicationId)).ok);
  // The database refuses a fast track without a recorded reason, whatever code writes it.
  await assert.rejects(
    db.transaction({ municipalityId: w.m.id }, (tx) => sql`update ledger_grant_applications set status = 'fast_track_approved', fast_track = true, decision_note = '', amount_granted_ore = 1, decided_by = ${w.facilitator.id}, decided_at = now() where id = ${big.value.applicationId}`.execute(tx)),
    /check constraint/,
  );
});

test('paying more than the pool holds is refused (ledger.overdrawn) and nothing changes', async () => {
  const w = await grantWorld(db, 'grant-overdraw');
  const { poolId, accountId } = await fundedPool(db, w, 1_000_000n);
  const id = await approved(w, poolId, 2_000_000n);
  const r = await payOutGrant(db, w.finance.actor, w.m, id);
  assert.equal(r.ok ? null : r.error, 'ledger.overdrawn');
  assert.equal(await status(w.m.id, id), 'approved');
  assert.equal(await balance(db, w.m.id, accountId), 1_000_000n);
  assert.equal(await count(w.m.id, 'ledger_transactions'), 1, 'only the funding');
});

test('an overdue report flags the grant for repayment; repayment goes back into the pool', async () => {
  const w = await grantWorld(db, 'grant-overdue');
  const { poolId, accountId } = await fundedPool(db, w, 5_000_000n, { reportDueDays: 30 });
  const id = await approved(w, poolId, 1_000_000n);
  assert.ok((await payOutGrant(db, w.finance.actor, w.m, id, new Date('2026-01-05T10:00:00Z'))).ok);
  // Due 4 February: still fine on that day (Copenhagen), flagged from 5 February.
  assert.deepEqual(await flagOverdueGrantReports(db, w.m, new Date('2026-02-04T22:30:00Z')), []);
  assert.deepEqual(await flagOverdueGrantReports(db, w.m, new Date('2026-02-04T23:30:00Z')), [id]);
  assert.deepEqual(await flagOverdueGrantReports(db, w.m, new Date('2026-02-06T12:00:00Z')), [], 'flagged once');
  assert.equal(await status(w.m.id, id), 'repayment_due');
  assert.equal(await balance(db, w.m.id, accountId), 4_000_000n);
  const tooMuch = await recordGrantRepayment(db, w.finance.actor, w.m.id, id, { amountOre: 1_000_001n, memo: 'Tilbagebetaling' });
  assert.deepEqual(tooMuch.ok ? null : tooMuch.detail, { amount: 'ledger.grants.error.overGranted' });
  assert.equal((await recordGrantRepayment(db, w.facilitator.actor, w.m.id, id, { amountOre: 1_000_000n, memo: 'x' })).ok, false);
  const r = await recordGrantRepayment(db, w.finance.actor, w.m.id, id, { amountOre: 1_000_000n, memo: 'Tilbagebetalt: ingen slutrapport' });
  assert.ok(r.ok);
  assert.equal(await balance(db, w.m.id, accountId), 5_000_000n);
  assert.equal(await status(w.m.id, id), 'closed');
  const view = await applicationFor({ db }, w.m.id, id, w.finance.actor);
  assert.equal(view?.application.repaidOre, 1_000_000n);
});

test('concurrency: parallel payouts of 6 approved grants from a pool that covers 4 — never overdrawn', async () => {
  const w = await grantWorld(db, 'grant-race');
  const { poolId, accountId } = await fundedPool(db, w, 4_000_000n);
  const ids: number[] = [];
  for (let i = 0; i < 6; i++) ids.push(await approved(w, poolId, 1_000_000n, `Projekt nummer ${i + 1}`));
  const results = await Promise.all(ids.map((id) => payOutGrant(db, w.finance.actor, w.m, id)));
  assert.equal(results.filter((r) => r.ok).length, 4);
  assert.deepEqual(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error)), ['ledger.overdrawn', 'ledger.overdrawn']);
  assert.equal(await balance(db, w.m.id, accountId), 0n);
  const statuses = await Promise.all(ids.map((id) => status(w.m.id, id)));
  assert.equal(statuses.filter((s) => s === 'paid').length, 4);
  assert.equal(statuses.filter((s) => s === 'approved').length, 2);
});

test('concurrency: the same grant paid 8 times in parallel is paid once', async () => {
  const w = await grantWorld(db, 'grant-twice');
  const { poolId, accountId } = await fundedPool(db, w, 10_000_000n);
  const id = await approved(w, poolId, 1_000_000n);
  const results = await Promise.all(Array.from({ length: 8 }, () => payOutGrant(db, w.finance.actor, w.m, id)));
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.ok(results.every((r) => r.ok || r.error === 'ledger.grants.error.alreadyPaid'));
  assert.equal(await balance(db, w.m.id, accountId), 9_000_000n);
});

test('tenants: another municipality sees none of the pools, applications or receipts', async () => {
  const w = await grantWorld(db, 'grant-tenant-a');
  await fundedPool(db, w, 1_000_000n);
  const other = await grantWorld(db, 'grant-tenant-b');
  assert.equal(await count(other.m.id, 'ledger_grant_pools'), 0);
  const cross = await applyForGrant(db, other.coordinator.actor, other.m, 1, application({ groupId: other.groupId }));
  assert.equal(cross.ok ? null : cross.error, 'not_found');
});

test('every grant table is a tenant table: municipality_id first in the key, row-level security forced', async () => {
  const r = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; first_key: string; policies: number }>`
    select c.relname, c.relrowsecurity, c.relforcerowsecurity,
      (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0] where i.indrelid = c.oid and i.indisprimary) as first_key,
      (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
    from pg_class c where c.relname like 'ledger_grant%' and c.relkind = 'r' order by c.relname`.execute(db.owner);
  assert.equal(r.rows.length, 6);
  for (const t of r.rows) assert.deepEqual([t.relrowsecurity, t.relforcerowsecurity, t.first_key, t.policies], [true, true, 'municipality_id', 1], t.relname);
});
