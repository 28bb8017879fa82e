// Savings agreements, four-eyes sign-off, split into pots and reinvestment against a real, freshly
// migrated database (PGlite, or PostgreSQL when DATABASE_URL is set). The concurrency tests run on
// PostgreSQL only: PGlite has one connection, so nothing there is concurrent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { testDatabase, type TestDatabase } from '../../testing/test-db.js';
import { accountBalance, ensureAccount } from './ledger.posting.js';
import { agreeAgreement } from './commands/agree-agreement.js';
import { enterActualCosts } from './commands/enter-actual-costs.js';
import { fundFromPot } from './commands/fund-from-pot.js';
import { saveAgreement, type AgreementInput } from './commands/save-agreement.js';
import { signOffPeriod } from './commands/sign-off-period.js';
import { listPeriods, listSignedOff, setVolunteerHourRate, trailOf } from './ledger.savings.repository.js';
import { loadInitiativeTrail } from './ledger.savings.queries.js';
import { rawOutcome } from './ledger.testkit.js';

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(async () => {
  await db.destroy();
});

let n = 0;
const show = (x: unknown) => JSON.stringify(x, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
async function person(mid: number, ...roles: MunicipalRole[]): Promise<Actor> {
  const p = await createPerson(db, { roles: roles.map((r) => [mid, r] as [number, MunicipalRole]) });
  return { id: p.id, sessionId: 's', displayName: `P${p.id}`, email: p.email, emailVerified: true, lang: null, networkRole: null, roles: new Map([[mid, new Set(roles)]]) };
}

async function world() {
  n += 1;
  const mid = await createMunicipality(db, `sav-${n}-${Date.now().toString(36)}`);
  const [facilitator, officer1, officer2, admin] = [await person(mid, 'facilitator'), await person(mid, 'finance_officer'), await person(mid, 'finance_officer'), await person(mid, 'admin')];
  const ids = await db.transaction({ municipalityId: mid }, async (tx) => {
    const i = await sql<{ id: number }>`insert into initiatives (municipality_id, title, problem, proposal, lang) values (${mid}, 'Ny rute for bybussen', 'p', 'p', 'da') returning id`.execute(tx);
    const pr = await sql<{ id: number }>`insert into budgeting_processes (municipality_id, title, budget_ore, proposals_from, review_from, voting_from, result_from, implementation_from, ballot_kind, max_choices, rule)
      values (${mid}, 'Borgerbudget 2026', 50000000, '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', 'approval', 3, 'greedy-votes') returning id`.execute(tx);
    const pot = await ensureAccount(tx, { municipalityId: mid, kind: 'pot', name: 'Lokal pulje' });
    const municipal = await ensureAccount(tx, { municipalityId: mid, kind: 'municipal_budget', name: 'Kommunekassen' });
    return { initiativeId: i.rows[0]!.id, processId: pr.rows[0]!.id, pot, municipal };
  });
  return { mid, facilitator, officer1, officer2, admin, ...ids };
}

const input = (w: Awaited<ReturnType<typeof world>>, over: Partial<AgreementInput> = {}): AgreementInput => ({
  initiativeId: w.initiativeId,
  title: 'Bybussen: ny rute',
  serviceAccountId: null,
  newServiceName: 'Buslinje 312',
  newServiceCode: '5.32.30',
  baselineAnnualOre: 1_460_000_00n,
  baselineSource: 'Kontrakt med operatør 2025, bilag 3',
  proposedAnnualOre: 1_080_000_00n,
  startsOn: '2025-01-01',
  endsOn: '2026-12-31',
  splits: [{ accountId: w.pot, shareBp: 10000 }],
  ...over,
});

const memo = (title: string, label: string) => `Besparelse: ${title}, ${label}`;

async function agreed(w: Awaited<ReturnType<typeof world>>, over: Partial<AgreementInput> = {}) {
  const s = await saveAgreement(db, w.facilitator, w.mid, null, input(w, over));
  assert.ok(s.ok, show(s));
  const a = await agreeAgreement(db, w.officer1, w.mid, s.value.agreementId);
  assert.ok(a.ok, show(a));
  return s.value.agreementId;
}

const balance = (mid: number, account: number) => db.transaction({ municipalityId: mid }, (tx) => accountBalance(tx, mid, account));

test('the bus case: baseline, agreed split, costs entered by one officer and signed off by another, one saving transaction', async () => {
  const w = await world();
  const agreementId = await agreed(w);
  const entered = await enterActualCosts(db, w.officer1, w.mid, agreementId, { label: '1. halvår 2025', startsOn: '2025-01-01', endsOn: '2025-06-30', actualOre: 520_000_00n, sourceNote: 'Faktura fra operatøren' });
  assert.ok(entered.ok, show(entered));
  const periodId = entered.value.periodId;

  // Four eyes: the one who entered the costs is refused, with its own reason; nothing is posted.
  assert.deepEqual(await signOffPeriod(db, w.officer1, w.mid, agreementId, periodId, memo), { ok: false, error: 'own_entry', detail: undefined });
  // An admin is not a finance officer.
  assert.equal((await signOffPeriod(db, w.admin, w.mid, agreementId, periodId, memo)).ok, false);
  assert.equal(await balance(w.mid, w.pot), 0n);

  const signed = await signOffPeriod(db, w.officer2, w.mid, agreementId, periodId, memo);
  assert.ok(signed.ok, show(signed));
  // 181/365 of 1.460.000 kr. = 724.000 kr.; minus 520.000 kr. actual = 204.000 kr.
  assert.equal(signed.value.savingOre, 204_000_00n);
  assert.equal(await balance(w.mid, w.pot), 204_000_00n);
  const periods = await db.transaction({ municipalityId: w.mid }, (tx) => listPeriods(tx, w.mid, agreementId));
  assert.equal(periods[0]!.signedOffBy, w.officer2.id);
  assert.equal(periods[0]!.transactionId, signed.value.transactionId);
  assert.equal(periods[0]!.baselineOre, 724_000_00n);

  const tx = await db.transaction({ municipalityId: w.mid }, (t) =>
    sql<{ kind: string; agreement_id: number; initiative_id: number; n: string; total: string }>`select t.kind, t.agreement_id, t.initiative_id, count(e.*) as n, sum(e.amount_ore)::text as total
      from ledger_transactions t join ledger_entries e on e.municipality_id = t.municipality_id and e.transaction_id = t.id group by t.municipality_id, t.id`.execute(t),
  );
  assert.equal(tx.rows.length, 1);
  assert.deepEqual({ ...tx.rows[0]!, n: Number(tx.rows[0]!.n) }, { kind: 'saving', agreement_id: agreementId, initiative_id: w.initiativeId, n: 2, total: '0' });

  // Signing twice is refused; correcting a signed-off period is refused, in code and in the database.
  assert.equal((await signOffPeriod(db, w.officer2, w.mid, agreementId, periodId, memo)).ok, false);
  assert.deepEqual(await signOffPeriod(db, w.officer2, w.mid, agreementId, periodId, memo), { ok: false, error: 'already_signed_off', detail: undefined });
  const fix = await enterActualCosts(db, w.officer1, w.mid, agreementId, { label: 'x', startsOn: '2025-01-01', endsOn: '2025-06-30', actualOre: 1n, sourceNote: '' }, periodId);
  assert.equal(fix.ok ? 'ok' : fix.error, 'signed_off');
  assert.equal(await rawOutcome(db, w.mid, (t) => sql`update ledger_agreement_periods set actual_ore = 1 where id = ${periodId}`.execute(t)), 'ledger_period_signed_off');

  const exported = await db.transaction({ municipalityId: w.mid }, (t) => listSignedOff(t, w.mid, { from: null, to: null }));
  assert.equal(exported.length, 1);
  assert.equal(exported[0]!.savingOre, 204_000_00n);
});

test('the database refuses a sign-off by the person who entered the costs (four eyes, check constraint)', async () => {
  const w = await world();
  const agreementId = await agreed(w);
  const e = await enterActualCosts(db, w.officer1, w.mid, agreementId, { label: 'Q1', startsOn: '2025-01-01', endsOn: '2025-03-31', actualOre: 0n, sourceNote: '' });
  assert.ok(e.ok);
  const outcome = await rawOutcome(db, w.mid, async (t) => {
    const txn = await sql<{ id: number }>`insert into ledger_transactions (municipality_id, posted_by, memo, kind) values (${w.mid}, ${w.officer1.id}, 'x', 'manual') returning id`.execute(t);
    await sql`update ledger_agreement_periods set baseline_ore = 100, saving_ore = 100, signed_off_by = entered_by, signed_off_at = now(), transaction_id = ${txn.rows[0]!.id} where id = ${e.value.periodId}`.execute(t);
  });
  assert.equal(outcome, '23514');
});

test('a 50/50 split of an odd saving: the parts are exact and sum to the saving', async () => {
  const w = await world();
  // 365,01 kr. a year over one whole year, 0 actual: a saving of 36501 øre, split 50/50.
  const agreementId = await agreed(w, {
    baselineAnnualOre: 365_01n,
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    splits: [
      { accountId: w.pot, shareBp: 5000 },
      { accountId: w.municipal, shareBp: 5000 },
    ],
  });
  const e = await enterActualCosts(db, w.officer1, w.mid, agreementId, { label: '2025', startsOn: '2025-01-01', endsOn: '2025-12-31', actualOre: 0n, sourceNote: '' });
  assert.ok(e.ok);
  const s = await signOffPeriod(db, w.officer2, w.mid, agreementId, e.value.periodId, memo);
  assert.ok(s.ok, show(s));
  assert.equal(s.value.savingOre, 365_01n);
  const pot = await balance(w.mid, w.pot);
  const municipal = await balance(w.mid, w.municipal);
  assert.equal(pot + municipal, 365_01n);
  assert.deepEqual([pot, municipal].sort(), [182_50n, 182_51n].sort());
});

test('no saving, nothing to sign off; periods stay inside the agreement and never overlap', async () => {
  const w = await world();
  const agreementId = await agreed(w);
  const over = await enterActualCosts(db, w.officer1, w.mid, agreementId, { label: 'Dyrt', startsOn: '2025-01-01', endsOn: '2025-01-31', actualOre: 200_000_00n, sourceNote: '' });
  assert.ok(over.ok);
  assert.deepEqual(await signOffPeriod(db, w.officer2, w.mid, agreementId, over.value.periodId, memo), { ok: false, error: 'no_saving', detail: undefined });
  const overlap = await enterActualCosts(db, w.officer1, w.mid, agreementId, { label: 'Overlap', startsOn: '2025-01-15', endsOn: '2025-02-15', actualOre: 1n, sourceNote: '' });
  assert.deepEqual(overlap, { ok: false, error: 'invalid', detail: { startsOn: 'ledger.period.overlap' } });
  const outside = await enterActualCosts(db, w.officer1, w.mid, agreementId, { label: 'Ude', startsOn: '2024-12-01', endsOn: '2025-02-15', actualOre: 1n, sourceNote: '' });
  assert.deepEqual(outside, { ok: false, error: 'invalid', detail: { startsOn: 'ledger.period.outside' } });
  const facilitator = await enterActualCosts(db, w.facilitator, w.mid, agreementId, { label: 'F', startsOn: '2025-03-01', endsOn: '2025-03-31', actualOre: 1n, sourceNote: '' });
  assert.equal(facilitator.ok ? 'ok' : facilitator.error, 'forbidden');
});

test('drafts: who may agree, costs only on agreed agreements, agreed agreements are frozen (also in the database)', async () => {
  const w = await world();
  const s = await saveAgreement(db, w.facilitator, w.mid, null, input(w));
  assert.ok(s.ok);
  const id = s.value.agreementId;
  const early = await enterActualCosts(db, w.officer1, w.mid, id, { label: 'Q1', startsOn: '2025-01-01', endsOn: '2025-03-31', actualOre: 1n, sourceNote: '' });
  assert.equal(early.ok ? 'ok' : early.error, 'not_agreed');
  assert.equal((await agreeAgreement(db, w.facilitator, w.mid, id)).ok, false);
  // Editing a draft reuses the service line by name (no second account).
  const edited = await saveAgreement(db, w.officer1, w.mid, id, input(w, { title: 'Bybussen: ny rute (rettet)' }));
  assert.ok(edited.ok);
  const lines = await db.transaction({ municipalityId: w.mid }, (t) => sql<{ n: string }>`select count(*) as n from ledger_accounts where kind = 'service_budget'`.execute(t));
  assert.equal(Number(lines.rows[0]!.n), 1);
  assert.ok((await agreeAgreement(db, w.admin, w.mid, id)).ok);
  assert.deepEqual(await agreeAgreement(db, w.admin, w.mid, id), { ok: false, error: 'already_agreed', detail: undefined });
  const late = await saveAgreement(db, w.officer1, w.mid, id, input(w));
  assert.equal(late.ok ? 'ok' : late.error, 'frozen');
  assert.equal(await rawOutcome(db, w.mid, (t) => sql`update ledger_agreements set baseline_annual_ore = 1 where id = ${id}`.execute(t)), 'ledger_agreement_frozen');
  assert.equal(await rawOutcome(db, w.mid, (t) => sql`delete from ledger_agreement_splits where agreement_id = ${id}`.execute(t)), 'ledger_agreement_frozen');
});

test('invalid drafts are refused with field errors and nothing is stored', async () => {
  const w = await world();
  const bad = await saveAgreement(db, w.facilitator, w.mid, null, input(w, { splits: [{ accountId: w.pot, shareBp: 6000 }], newServiceName: 'Ny linje' }));
  assert.deepEqual(bad, { ok: false, error: 'invalid', detail: { split1Percent: 'ledger.split.sum' } });
  const wrongKind = await saveAgreement(db, w.facilitator, w.mid, null, input(w, { serviceAccountId: w.pot }));
  assert.deepEqual(wrongKind, { ok: false, error: 'invalid', detail: { serviceAccountId: 'ledger.savings.error.service' } });
  const resident = await saveAgreement(db, await person(w.mid, 'resident'), w.mid, null, input(w));
  assert.equal(resident.ok ? 'ok' : resident.error, 'forbidden');
  const counts = await db.transaction({ municipalityId: w.mid }, (t) => sql<{ a: string; s: string }>`select (select count(*) from ledger_agreements) as a, (select count(*) from ledger_accounts where kind = 'service_budget') as s`.execute(t));
  assert.deepEqual(counts.rows[0], { a: 0, s: 0 });
});

test('the database: an agreed agreement\'s split sums to 100 %, checked at commit', async () => {
  const w = await world();
  const s = await saveAgreement(db, w.facilitator, w.mid, null, input(w));
  assert.ok(s.ok);
  const outcome = await rawOutcome(db, w.mid, async (t) => {
    await sql`update ledger_agreement_splits set share_bp = 9000 where agreement_id = ${s.value.agreementId}`.execute(t);
    await sql`update ledger_agreements set status = 'agreed', agreed_by = ${w.officer1.id}, agreed_at = now() where id = ${s.value.agreementId}`.execute(t);
  });
  assert.equal(outcome, 'ledger_agreement_split_sum');
  // A split row into an initiative budget (not a pot) is refused.
  const ib = await db.transaction({ municipalityId: w.mid }, (t) => ensureAccount(t, { municipalityId: w.mid, kind: 'initiative_budget', name: 'x', initiativeId: w.initiativeId }));
  assert.equal(await rawOutcome(db, w.mid, (t) => sql`insert into ledger_agreement_splits (municipality_id, agreement_id, account_id, share_bp) values (${w.mid}, ${s.value.agreementId}, ${ib}, 1)`.execute(t)), 'ledger_agreement_split_account');
});

test('reinvestment: the pot funds the initiative and a participatory budget; overdrawing is refused and nothing is stored', async () => {
  const w = await world();
  const agreementId = await agreed(w);
  const e = await enterActualCosts(db, w.officer1, w.mid, agreementId, { label: '2025', startsOn: '2025-01-01', endsOn: '2025-12-31', actualOre: 1_080_000_00n, sourceNote: '' });
  assert.ok(e.ok);
  assert.ok((await signOffPeriod(db, w.officer2, w.mid, agreementId, e.value.periodId, memo)).ok);
  assert.equal(await balance(w.mid, w.pot), 380_000_00n);

  const bus = await fundFromPot(db, w.officer1, w.mid, { potId: w.pot, target: { kind: 'initiative', initiativeId: w.initiativeId }, amountOre: 300_000_00n, memo: 'Drift af bybussen 2026' });
  assert.ok(bus.ok, show(bus));
  const pb = await fundFromPot(db, w.officer2, w.mid, { potId: w.pot, target: { kind: 'pb', processId: w.processId }, amountOre: 50_000_00n, memo: 'Til borgerbudgettet' });
  assert.ok(pb.ok, show(pb));
  assert.equal(await balance(w.mid, w.pot), 30_000_00n);
  assert.equal(await balance(w.mid, bus.value.accountId), 300_000_00n);

  const accountsBefore = await db.transaction({ municipalityId: w.mid }, (t) => sql<{ n: string }>`select count(*) as n from ledger_accounts`.execute(t));
  const other = await db.transaction({ municipalityId: w.mid }, (t) => sql<{ id: number }>`insert into initiatives (municipality_id, title, problem, proposal, lang) values (${w.mid}, 'Andet', 'p', 'p', 'da') returning id`.execute(t));
  const tooMuch = await fundFromPot(db, w.officer1, w.mid, { potId: w.pot, target: { kind: 'initiative', initiativeId: other.rows[0]!.id }, amountOre: 30_000_01n, memo: 'For meget' });
  assert.deepEqual(tooMuch, { ok: false, error: 'ledger.overdrawn', detail: { amount: 'ledger.overdrawn' } });
  const accountsAfter = await db.transaction({ municipalityId: w.mid }, (t) => sql<{ n: string }>`select count(*) as n from ledger_accounts`.execute(t));
  assert.equal(accountsAfter.rows[0]!.n, accountsBefore.rows[0]!.n);
  assert.equal(await balance(w.mid, w.pot), 30_000_00n);
  assert.equal((await fundFromPot(db, w.facilitator, w.mid, { potId: w.pot, target: { kind: 'pb', processId: w.processId }, amountOre: 1n, memo: 'Nej' })).ok, false);

  // The pot's trail: in from the bus line's saving, out to the bus initiative and the participatory budget.
  const trail = await db.transaction({ municipalityId: w.mid }, (t) => trailOf(t, w.mid, [w.pot]));
  assert.deepEqual(
    trail.map((l) => [l.kind, l.amountOre, l.counterparts.map((c) => c.kind)]),
    [
      ['saving', 380_000_00n, ['service_budget']],
      ['reinvestment', -300_000_00n, ['initiative_budget']],
      ['pb_envelope', -50_000_00n, ['pot']],
    ],
  );
});

test('concurrency: two finance officers sign off the same period at once → one transaction', async (t) => {
  if (db.kind === 'pglite') return t.skip('PGlite has a single connection');
  const w = await world();
  const officer3 = await person(w.mid, 'finance_officer');
  const agreementId = await agreed(w);
  for (let round = 0; round < 5; round++) {
    const month = String(round + 1).padStart(2, '0');
    const e = await enterActualCosts(db, w.officer1, w.mid, agreementId, { label: `M${month}`, startsOn: `2025-${month}-01`, endsOn: `2025-${month}-28`, actualOre: 1_000_00n, sourceNote: '' });
    assert.ok(e.ok);
    const results = await Promise.all([w.officer2, officer3, w.officer2, officer3].map((o) => signOffPeriod(db, o, w.mid, agreementId, e.value.periodId, memo)));
    assert.equal(results.filter((r) => r.ok).length, 1, show(results));
    assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === 'already_signed_off'));
  }
  const txns = await db.transaction({ municipalityId: w.mid }, (tx) => sql<{ n: string }>`select count(*) as n from ledger_transactions where kind = 'saving'`.execute(tx));
  assert.equal(Number(txns.rows[0]!.n), 5);
});

test('concurrency: parallel reinvestments from one pot never overdraw it', async (t) => {
  if (db.kind === 'pglite') return t.skip('PGlite has a single connection');
  const w = await world();
  const agreementId = await agreed(w, { baselineAnnualOre: 1_000_00n, startsOn: '2025-01-01', endsOn: '2025-12-31' });
  const e = await enterActualCosts(db, w.officer1, w.mid, agreementId, { label: '2025', startsOn: '2025-01-01', endsOn: '2025-12-31', actualOre: 0n, sourceNote: '' });
  assert.ok(e.ok);
  assert.ok((await signOffPeriod(db, w.officer2, w.mid, agreementId, e.value.periodId, memo)).ok);
  // 1.000 kr. in the pot, 20 parallel payouts of 70 kr. to two targets: exactly 14 fit.
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      fundFromPot(db, i % 2 ? w.officer1 : w.officer2, w.mid, {
        potId: w.pot,
        target: i % 3 ? { kind: 'initiative', initiativeId: w.initiativeId } : { kind: 'pb', processId: w.processId },
        amountOre: 70_00n,
        memo: `Udbetaling ${i}`,
      }),
    ),
  );
  assert.equal(results.filter((r) => r.ok).length, 14, show(results.filter((r) => !r.ok)));
  assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === 'ledger.overdrawn'));
  assert.equal(await balance(w.mid, w.pot), 20_00n);
});

test('volunteer time beside cash: verified hours of the initiative at the municipality\'s rate, never posted', async () => {
  const w = await world();
  const people = [await person(w.mid, 'resident'), await person(w.mid, 'resident')];
  await db.transaction({ municipalityId: w.mid }, async (tx) => {
    const d = await sql<{ id: number }>`insert into workdays_days (municipality_id, title, lang, initiative_id, address, starts_at, ends_at)
      values (${w.mid}, 'Ruteworkshop', 'da', ${w.initiativeId}, 'Biblioteket', '2025-03-01T09:00:00Z', '2025-03-01T12:00:00Z') returning id`.execute(tx);
    const s = await sql<{ id: number }>`insert into workdays_shifts (municipality_id, day_id, label, starts_at, ends_at, capacity)
      values (${w.mid}, ${d.rows[0]!.id}, 'Formiddag', '2025-03-01T09:00:00Z', '2025-03-01T12:00:00Z', 10) returning id`.execute(tx);
    for (const [i, p] of people.entries()) {
      await sql`insert into workdays_signups (municipality_id, shift_id, user_id, status, position, attended, minutes, verified_at)
        values (${w.mid}, ${s.rows[0]!.id}, ${p.id}, 'confirmed', ${i + 1}, true, ${i === 0 ? 180 : 90}, now())`.execute(tx);
    }
  });
  const deps = { db };
  const before = await loadInitiativeTrail(deps, w.mid, w.initiativeId);
  assert.deepEqual({ ...before!.volunteer }, { minutes: 270, people: 2, rateOre: 150_00n, valueOre: 675_00n });
  await db.transaction({ municipalityId: w.mid }, (tx) => setVolunteerHourRate(tx, w.mid, 200_00n, w.officer1.id));
  const after = await loadInitiativeTrail(deps, w.mid, w.initiativeId);
  assert.equal(after!.volunteer.valueOre, 900_00n);
  const posted = await db.transaction({ municipalityId: w.mid }, (tx) => sql<{ n: string }>`select count(*) as n from ledger_transactions`.execute(tx));
  assert.equal(Number(posted.rows[0]!.n), 0);
});
