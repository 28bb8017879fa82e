// The bus case end to end in a real browser, with JavaScript on and off: a facilitator records the
// baseline from the operator contract and the proposal, a finance officer agrees it and enters the
// actual costs, and is refused when signing off her own entry; a second finance officer signs off,
// the saving lands in the local pot, which funds the town bus initiative and a participatory budget;
// the public money trail shows all of it. Every page is checked with axe by the harness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sql, type Transaction } from 'kysely';
import type { AnyDb } from '../../src/core/db/database.js';
import { registryTest, useHarness, type Harness } from './harness.js';

const h = useHarness({ seed: ['municipalities', 'accounts', 'groups', 'initiatives', 'workdays', 'budgeting', 'ledger'] });
const PASSWORD = 'samskab-demo';
const SLUG = 'hedensted';

async function signIn(harness: Harness, page: Page, who: string): Promise<void> {
  await page.context().clearCookies();
  await harness.visit(page, '/login');
  await page.getByLabel('E-mailadresse', { exact: true }).fill(`${who}@${SLUG}.samskab.dk`);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await harness.navigateBy(page, page.locator('main button[type="submit"]').first());
}

/** Reads tenant rows as the app does: inside a transaction for the municipality (FORCE RLS binds the owner too). */
async function asTenant<T>(harness: Harness, fn: (tx: Transaction<AnyDb>) => Promise<T>): Promise<T> {
  const r = await harness.db.transaction({ municipalityId: null }, (tx) => sql<{ id: number }>`select id from municipalities where slug = ${SLUG}`.execute(tx));
  return harness.db.transaction({ municipalityId: r.rows[0]!.id }, fn);
}

for (const js of [false, true]) {
  const mode = js ? 'JS on' : 'JS off';
  const line = `Buslinje 312 (${mode})`;
  test(`the bus case: baseline → agreed → actual costs → four-eyes sign-off → pot → town bus and participatory budget → money trail (${mode})`, async (t) => {
    const harness = h();

    // A facilitator records baseline and proposal for the bus initiative.
    const facilitator = await harness.page(t, { js, width: 1280 });
    await signIn(harness, facilitator, 'facilitator');
    const initiativeId = await asTenant(harness, async (tx) => (await sql<{ id: number }>`select id from initiatives where title like 'Borgerne tegner en ny rute for bybussen%' order by id limit 1`.execute(tx)).rows[0]!.id);
    const initiativePath = `/m/${SLUG}/initiatives/${initiativeId}`;
    // The initiative page links to its money trail and, for staff, to a new agreement: a slot the
    // ledger fills (initiatives knows no ledger). Read without a screenshot: the page is very long.
    const initiativeHtml = await (await facilitator.request.get(`${harness.baseUrl}${initiativePath}`)).text();
    assert.match(initiativeHtml, new RegExp(`href="/m/${SLUG}/ledger/trail/initiative/${initiativeId}"`));
    assert.match(initiativeHtml, new RegExp(`href="/m/${SLUG}/ledger/agreements/new\\?initiative=${initiativeId}"`));
    await harness.visit(facilitator, `/m/${SLUG}/ledger/agreements`);
    await harness.navigateBy(facilitator, facilitator.getByRole('link', { name: 'Ny besparelsesaftale' }));
    await facilitator.getByLabel('Initiativ', { exact: true }).selectOption(String(initiativeId));
    await facilitator.getByLabel('Aftalens navn', { exact: true }).fill(`Ny rute for bybussen (${mode})`);
    await facilitator.getByLabel('Navn på ny budgetlinje (valgfrit)').fill(line);
    await facilitator.getByLabel('Kontonummer (valgfrit)').fill('5.32.30');
    await facilitator.getByLabel('Udgift i dag pr. år (basis)', { exact: true }).fill('1.460.000');
    await facilitator.getByLabel('Kilde til basis', { exact: true }).fill('Kontrakt med Midttrafik 2024–2027, bilag 3');
    await facilitator.getByLabel('Forventet udgift pr. år med den nye løsning', { exact: true }).fill('1.080.000,00');
    await facilitator.getByLabel('Aftalen gælder fra', { exact: true }).fill('2025-01-01');
    await facilitator.getByLabel('Aftalen gælder til og med', { exact: true }).fill('2026-12-31');
    await facilitator.getByLabel('Pulje 1', { exact: true }).selectOption({ label: 'Lokal pulje Hedensted (Lokal pulje)' });
    await facilitator.getByLabel('Andel 1 i procent', { exact: true }).fill('90');
    // A split that is not 100 %: the form comes back with the error beside the field and the values kept.
    await harness.navigateBy(facilitator, facilitator.getByRole('button', { name: 'Gem kladde' }), { status: 422 });
    assert.ok(await facilitator.getByText('Andelene skal give præcis 100 % tilsammen.').first().isVisible());
    assert.equal(await facilitator.getByLabel('Kilde til basis', { exact: true }).inputValue(), 'Kontrakt med Midttrafik 2024–2027, bilag 3');
    await facilitator.getByLabel('Andel 1 i procent', { exact: true }).fill('100');
    await harness.navigateBy(facilitator, facilitator.getByRole('button', { name: 'Gem kladde' }));
    assert.ok(await facilitator.getByText('Besparelsesaftalen er gemt som kladde.').isVisible());
    const agreementPath = new URL(facilitator.url()).pathname;
    assert.match(agreementPath, /\/ledger\/agreements\/\d+$/);
    // A facilitator cannot agree it.
    assert.equal(await facilitator.getByRole('button', { name: 'Godkend aftalen' }).count(), 0);

    // The first finance officer agrees the proposal and enters the actual costs of the first half-year.
    const lene = await harness.page(t, { js, width: 375 });
    await signIn(harness, lene, 'okonomi');
    await harness.visit(lene, agreementPath);
    await harness.navigateBy(lene, lene.getByRole('button', { name: 'Godkend aftalen' }));
    assert.ok(await lene.getByText('Aftalen er godkendt. Nu kan de faktiske udgifter indtastes.').isVisible());
    await lene.getByLabel('Periode', { exact: true }).fill('1. halvår 2025');
    await lene.getByLabel('Fra', { exact: true }).fill('2025-01-01');
    await lene.getByLabel('Til og med', { exact: true }).fill('2025-06-30');
    await lene.getByLabel('Faktisk udgift', { exact: true }).fill('520.000,5');
    await lene.getByLabel('Kilde til den faktiske udgift (valgfrit)').fill('Midttrafik, faktura 2025-0611');
    await harness.navigateBy(lene, lene.getByRole('button', { name: 'Gem faktiske udgifter' }));
    assert.ok(await lene.getByText('De faktiske udgifter er gemt.').isVisible());
    // 181/365 of 1.460.000 kr. is 724.000 kr.; minus 520.000,50 kr. is a saving of 203.999,50 kr.
    assert.ok(await lene.getByRole('cell', { name: '203.999,50 kr.' }).isVisible());

    // She may not sign off her own entry (four eyes): refused with a clear message, nothing posted.
    await harness.navigateBy(lene, lene.getByRole('button', { name: 'Godkend besparelsen for 1. halvår 2025' }));
    assert.ok(await lene.getByText('Du kan ikke godkende en besparelse, hvor du selv har indtastet udgifterne.', { exact: false }).isVisible());
    assert.ok(await lene.getByText('Afventer godkendelse').or(lene.getByRole('button', { name: 'Godkend besparelsen for 1. halvår 2025' })).first().isVisible());

    // The second finance officer signs it off: one transaction into the local pot.
    const per = await harness.page(t, { js, width: 1280 });
    await signIn(harness, per, 'okonomi2');
    await harness.visit(per, agreementPath);
    await harness.navigateBy(per, per.getByRole('button', { name: 'Godkend besparelsen for 1. halvår 2025' }));
    assert.ok(await per.getByText('Besparelsen er godkendt og bogført i puljerne.').isVisible());
    assert.ok(await per.getByText(/Godkendt af Per Damgaard Holm/).isVisible());
    // Signing twice is not offered any more.
    assert.equal(await per.getByRole('button', { name: 'Godkend besparelsen for 1. halvår 2025' }).count(), 0);

    // The pot funds the town bus initiative: too much first (refused, values kept), then 150.000 kr.
    await harness.visit(per, `/m/${SLUG}/ledger/pots`);
    await harness.navigateBy(per, per.getByRole('link', { name: 'Finansiér fra Lokal pulje Hedensted' }));
    await per.getByLabel('Et initiativ', { exact: true }).check();
    await per.getByLabel('Initiativ (valgfrit)').selectOption(String(initiativeId));
    await per.getByLabel('Beløb', { exact: true }).fill('99.000.000');
    await per.getByLabel('Hvorfor', { exact: true }).fill(`Drift af bybussen (${mode})`);
    await harness.navigateBy(per, per.getByRole('button', { name: 'Overfør pengene' }), { status: 422 });
    assert.ok(await per.getByText('Der er ikke penge nok på kontoen', { exact: false }).first().isVisible());
    assert.equal(await per.getByLabel('Hvorfor', { exact: true }).inputValue(), `Drift af bybussen (${mode})`);
    await per.getByLabel('Beløb', { exact: true }).fill('150.000');
    await harness.navigateBy(per, per.getByRole('button', { name: 'Overfør pengene' }));
    assert.ok(await per.getByText('Pengene er overført til initiativets budget.').isVisible());
    const potPath = new URL(per.url()).pathname;
    assert.match(potPath, /\/ledger\/trail\/pot\/\d+$/);

    // … and a participatory-budget envelope.
    await harness.visit(per, `${potPath.replace(/\/trail\/pot\/(\d+)$/, '/pots/$1/reinvest')}`);
    await per.getByLabel('Et borgerbudget', { exact: true }).check();
    await per.getByLabel('Borgerbudget (valgfrit)').selectOption({ index: 1 });
    await per.getByLabel('Beløb', { exact: true }).fill('50.000');
    await per.getByLabel('Hvorfor', { exact: true }).fill(`Til borgerbudgettet (${mode})`);
    await harness.navigateBy(per, per.getByRole('button', { name: 'Overfør pengene' }));
    assert.ok(await per.getByText('Pengene er overført til borgerbudgettet.').isVisible());

    // A visitor follows the money: the pot's trail and the initiative's trail, on a phone.
    const visitor = await harness.page(t, { js, width: 375 });
    await harness.visit(visitor, potPath);
    const flow = visitor.locator('svg[role="img"]').first();
    assert.ok(await flow.isVisible());
    const labelledBy = (await flow.getAttribute('aria-labelledby')) ?? '';
    assert.ok(labelledBy.split(' ').length === 2);
    assert.ok(await visitor.getByRole('cell', { name: `Drift af bybussen (${mode})`, exact: false }).first().isVisible());
    assert.ok(await visitor.getByRole('cell', { name: `Til borgerbudgettet (${mode})`, exact: false }).first().isVisible());
    assert.ok(await visitor.getByRole('cell', { name: `Besparelse: Ny rute for bybussen (${mode}), 1. halvår 2025`, exact: false }).first().isVisible());
    await harness.navigateBy(visitor, visitor.getByRole('link', { name: /Borgerne tegner en ny rute for bybussen.*\(Initiativbudget\)/ }).first());
    assert.match(new URL(visitor.url()).pathname, new RegExp(`/ledger/trail/initiative/${initiativeId}$`));
    assert.ok(await visitor.getByRole('heading', { name: 'Besparelser skabt af initiativet' }).isVisible());
    assert.ok(await visitor.getByRole('cell', { name: `${line}: 203.999,50 kr.` }).isVisible());
    assert.ok(await visitor.getByText('Frivillig tid', { exact: true }).isVisible());
    assert.ok(await visitor.getByText('Det er ikke penge, der er flyttet', { exact: false }).first().isVisible());
    await harness.visit(visitor, `/m/${SLUG}/ledger/agreements`);
  });
}

registryTest(h);
