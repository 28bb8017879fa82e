// Grant pools in a real browser, with JavaScript on and off: a finance officer funds a pool, a group
// coordinator applies on a phone (a rule error first, then right), a facilitator triages and records
// the committee's decision, the finance officer pays out, and the coordinator files the final report
// with a receipt. Every page is checked with axe by the harness and screenshotted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Transaction } from 'kysely';
import type { Page } from 'playwright-core';
import type { AnyDb } from '../../src/core/db/database.js';
import type { Actor } from '../../src/core/auth/actor.js';
import { createGrantPool } from '../../src/modules/ledger/commands/create-grant-pool.js';
import { ensureAccount } from '../../src/modules/ledger/ledger.posting.js';
import { registryTest, useHarness, type Harness } from './harness.js';

const h = useHarness({ seed: ['municipalities', 'accounts', 'groups'] });
const PASSWORD = 'samskab-demo';
const SLUG = 'hedensted';

async function municipality(harness: Harness): Promise<{ id: number; timeZone: string }> {
  const r = await harness.db.transaction({ municipalityId: null }, (tx) => sql<{ id: number; time_zone: string }>`select id, time_zone from municipalities where slug = ${SLUG}`.execute(tx));
  return { id: r.rows[0]!.id, timeZone: r.rows[0]!.time_zone };
}

async function asTenant<T>(harness: Harness, fn: (tx: Transaction<AnyDb>) => Promise<T>): Promise<T> {
  return harness.db.transaction({ municipalityId: (await municipality(harness)).id }, fn);
}

/** Tabs of one browser context share cookies: start each sign-in as a stranger. */
async function signIn(harness: Harness, page: Page, who: string): Promise<void> {
  await page.context().clearCookies();
  await harness.visit(page, '/login');
  await page.getByLabel('E-mailadresse', { exact: true }).fill(`${who}@${SLUG}.samskab.dk`);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await harness.navigateBy(page, page.locator('main button[type="submit"]').first());
}

/** A pool made the way a finance officer's form would, so each mode has its own. */
async function newPool(harness: Harness, name: string): Promise<number> {
  const m = await municipality(harness);
  const finance = await harness.db.transaction({ municipalityId: null }, (tx) => sql<{ id: number }>`select id from accounts_users where email = ${`okonomi@${SLUG}.samskab.dk`}`.execute(tx));
  const actor: Actor = { id: finance.rows[0]!.id, sessionId: 't', displayName: 'Lene', email: 'x', emailVerified: true, lang: null, networkRole: null, roles: new Map([[m.id, new Set(['finance_officer' as const])]]) };
  await harness.db.transaction({ municipalityId: m.id }, (tx) => ensureAccount(tx, { municipalityId: m.id, kind: 'municipal_budget', name: 'Kommunekassen' }));
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const r = await createGrantPool(harness.db, actor, m, {
    name,
    description: 'Til projekter, som lokale grupper selv tager initiativ til.\nVi lægger vægt på, at mange er med.',
    lang: 'da',
    maxGrantOre: 5_000_000n,
    cofinancingBp: 2000,
    allowGroups: true,
    allowAssociations: true,
    allowResidents: false,
    deadline,
    fastTrackOre: 500_000n,
    reportDueDays: 90,
  });
  assert.ok(r.ok, JSON.stringify(r));
  return r.value.poolId;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

for (const js of [false, true]) {
  const mode = js ? 'JS on' : 'JS off';
  test(`a coordinator applies, a facilitator triages and decides, a finance officer pays, the report comes with a receipt (${mode})`, async (t) => {
    const harness = h();
    const poolName = `Landsbypuljen ${mode}`;
    const poolId = await newPool(harness, poolName);
    const poolUrl = `/m/${SLUG}/ledger/grants/${poolId}`;

    // The finance officer puts money in the pool.
    const finance = await harness.page(t, { js, width: 1280 });
    await signIn(harness, finance, 'okonomi');
    // The create form refuses an empty pool with errors by the fields (the pool itself was made above).
    await harness.visit(finance, `/m/${SLUG}/ledger/grants`);
    await harness.navigateBy(finance, finance.getByRole('link', { name: 'Opret pulje' }));
    await finance.getByLabel('grupper', { exact: true }).uncheck();
    await finance.getByLabel('foreninger', { exact: true }).uncheck();
    await harness.navigateBy(finance, finance.getByRole('button', { name: 'Opret puljen' }), { status: 422 });
    assert.ok(await finance.getByText('Vælg mindst én, der kan søge.').first().isVisible());
    assert.ok(await finance.getByText('Skriv puljens navn (3–140 tegn).').first().isVisible());
    await harness.visit(finance, poolUrl);
    await harness.navigateBy(finance, finance.getByRole('link', { name: 'Tilfør penge' }));
    const budget = await finance.locator('#f-sourceAccountId option', { hasText: 'Kommunekassen' }).getAttribute('value');
    await finance.getByLabel('Fra konto', { exact: true }).selectOption(budget!);
    await finance.getByLabel('Beløb (kr.)', { exact: true }).fill('100.000');
    await finance.getByLabel('Begrundelse', { exact: true }).fill('Byrådets bevilling');
    await harness.navigateBy(finance, finance.getByRole('button', { name: 'Tilfør pengene' }));
    assert.ok(await finance.getByText('Pengene er tilført puljen.').isVisible());
    assert.ok(await finance.getByRole('cell', { name: '100.000,00 kr.' }).first().isVisible());

    // The coordinator finds the pool on a phone and applies for their group.
    const coordinator = await harness.page(t, { js, width: 375 });
    await signIn(harness, coordinator, 'borger1');
    await harness.visit(coordinator, `/m/${SLUG}/ledger/grants`);
    await harness.navigateBy(coordinator, coordinator.getByRole('link', { name: poolName }));
    await harness.navigateBy(coordinator, coordinator.getByRole('link', { name: 'Søg puljen' }));
    await coordinator.locator('input[name="applicant"]').first().check();
    await coordinator.getByLabel('Projektets titel', { exact: true }).fill(`Bænke ved gadekæret (${mode})`);
    await coordinator.getByLabel('Formål', { exact: true }).fill('Tre bænke, så ældre kan hvile sig på gåturen rundt om gadekæret.');
    await coordinator.getByLabel('Ansøgt beløb (kr.)', { exact: true }).fill('20.000');
    await coordinator.getByLabel('Egenfinansiering (kr.)', { exact: true }).fill('1.000');
    await coordinator.getByLabel('Post 1', { exact: true }).fill('Tre bænke');
    await coordinator.getByLabel('Beløb 1 (kr.)', { exact: true }).fill('21.000');
    // Too little co-financing: the form comes back with the error and the values kept.
    await harness.navigateBy(coordinator, coordinator.getByRole('button', { name: 'Send ansøgningen' }), { status: 422 });
    assert.ok(await coordinator.getByText('her mindst 5.000,00 kr.').first().isVisible());
    assert.equal(await coordinator.getByLabel('Projektets titel', { exact: true }).inputValue(), `Bænke ved gadekæret (${mode})`);
    await coordinator.getByLabel('Egenfinansiering (kr.)', { exact: true }).fill('5.000');
    await coordinator.getByLabel('Beløb 1 (kr.)', { exact: true }).fill('22.000');
    await coordinator.getByLabel('Post 2', { exact: true }).fill('Montering (frivillige)');
    await coordinator.getByLabel('Beløb 2 (kr.)', { exact: true }).fill('3.000');
    await harness.navigateBy(coordinator, coordinator.getByRole('button', { name: 'Send ansøgningen' }));
    assert.ok(await coordinator.getByText('Ansøgningen er sendt').isVisible());
    const applicationUrl = new URL(coordinator.url()).pathname;
    assert.match(applicationUrl, /\/ledger\/grants\/applications\/\d+$/);

    // The facilitator triages and records the committee's decision.
    const facilitator = await harness.page(t, { js, width: 1280 });
    await signIn(harness, facilitator, 'facilitator');
    await harness.visit(facilitator, poolUrl);
    await harness.navigateBy(facilitator, facilitator.getByRole('link', { name: `Bænke ved gadekæret (${mode})` }));
    await facilitator.getByLabel('Ny note', { exact: true }).fill('Fint projekt; tilbud på bænkene er vedlagt.');
    await harness.navigateBy(facilitator, facilitator.getByRole('button', { name: 'Gem noten' }));
    assert.ok(await facilitator.getByText('Under behandling').first().isVisible());
    await facilitator.getByLabel('Bevilget', { exact: true }).check();
    await facilitator.getByLabel('Truffet af', { exact: true }).fill('Udvalget for Landdistrikter');
    await facilitator.getByLabel('Bevilget beløb', { exact: true }).fill('20.000');
    await harness.navigateBy(facilitator, facilitator.getByRole('button', { name: 'Registrér afgørelsen' }));
    assert.ok(await facilitator.getByText('Bevillingen er registreret.').isVisible());
    assert.equal(await facilitator.getByRole('button', { name: /^Udbetal/ }).count(), 0, 'facilitators do not pay');

    // The finance officer pays out. (Tabs of one context share cookies, so each turn signs in again.)
    await signIn(harness, finance, 'okonomi');
    await harness.visit(finance, applicationUrl);
    await harness.navigateBy(finance, finance.getByRole('button', { name: 'Udbetal 20.000,00 kr.' }));
    assert.ok(await finance.getByText('Tilskuddet er udbetalt og bogført.').isVisible());
    const payout = await asTenant(harness, (tx) => sql<{ kind: string; n: string }>`select t.kind, count(*) as n from ledger_transactions t join ledger_grant_applications a on a.id = t.grant_application_id where a.title = ${`Bænke ved gadekæret (${mode})`} group by t.kind`.execute(tx));
    assert.deepEqual(payout.rows.map((r) => [r.kind, Number(r.n)]), [['grant_payout', 1]]);

    // The coordinator files the final report with a receipt, on the phone.
    await signIn(harness, coordinator, 'borger1');
    await harness.visit(coordinator, `/m/${SLUG}/ledger/grants/mine`);
    await harness.navigateBy(coordinator, coordinator.getByRole('link', { name: `Bænke ved gadekæret (${mode})` }));
    await harness.navigateBy(coordinator, coordinator.getByRole('link', { name: 'Send slutrapport' }));
    await coordinator.getByLabel('Hvad blev gjort', { exact: true }).fill('Bænkene står ved gadekæret og bruges hver dag.');
    await coordinator.getByLabel('Post 1', { exact: true }).fill('Tre bænke');
    await coordinator.getByLabel('Beløb 1 (kr.)', { exact: true }).fill('20.000');
    // A disguised file first: refused, nothing stored.
    await coordinator.getByLabel('Kvitteringer', { exact: true }).setInputFiles({ name: 'kvittering.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') });
    await harness.navigateBy(coordinator, coordinator.getByRole('button', { name: 'Send slutrapporten' }), { status: 422 });
    assert.ok(await coordinator.getByText('En fil er ikke det, dens navn siger.').first().isVisible());
    await coordinator.getByLabel('Kvitteringer', { exact: true }).setInputFiles({ name: 'kvittering.pdf', mimeType: 'application/pdf', buffer: PDF });
    await harness.navigateBy(coordinator, coordinator.getByRole('button', { name: 'Send slutrapporten' }));
    assert.ok(await coordinator.getByText('Slutrapporten er sendt.').isVisible());
    assert.ok(await coordinator.getByRole('link', { name: 'kvittering.pdf' }).isVisible());
    const receipts = await asTenant(harness, (tx) => sql<{ n: string }>`select count(*) as n from ledger_grant_receipts r join ledger_grant_applications a on a.id = r.application_id where a.title = ${`Bænke ved gadekæret (${mode})`}`.execute(tx));
    assert.equal(Number(receipts.rows[0]!.n), 1);

    // The facilitator accepts the report; the grant is closed. The public list shows the pool.
    await signIn(harness, facilitator, 'facilitator');
    await harness.visit(facilitator, applicationUrl);
    await harness.navigateBy(facilitator, facilitator.getByRole('button', { name: 'Godkend og afslut' }));
    assert.ok(await facilitator.getByText('Afsluttet').first().isVisible());
    const visitor = await harness.page(t, { js, width: 375 });
    await visitor.context().clearCookies();
    await harness.visit(visitor, `/m/${SLUG}/ledger/grants?lang=en`);
    assert.ok(await visitor.getByRole('heading', { name: 'Grant pools', level: 1 }).isVisible());
    await harness.visit(visitor, `${poolUrl}?lang=en`);
    assert.ok(await visitor.getByText('Rules of the pool').isVisible());
  });
}

registryTest(h);
