// The ledger's books in a real browser, with JavaScript on and off: a visitor sees only the public
// totals; a finance officer creates a pot (an error first), posts money into it with Danish amounts
// (a wrong amount first, nothing stored), views the transaction on a phone, reverses it with a
// reason, filters the transactions list and opens the export page. Every page is checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { ensureAccount } from '../../src/modules/ledger/ledger.posting.js';
import { registryTest, useHarness, type Harness } from './harness.js';

const h = useHarness({ seed: ['municipalities', 'accounts'] });
const PASSWORD = 'samskab-demo';
const SLUG = 'hedensted';

async function municipalityId(harness: Harness): Promise<number> {
  const r = await harness.db.transaction({ municipalityId: null }, (tx) => sql<{ id: number }>`select id from municipalities where slug = ${SLUG}`.execute(tx));
  return r.rows[0]!.id;
}

async function entryCount(harness: Harness): Promise<number> {
  const mid = await municipalityId(harness);
  const r = await harness.db.transaction({ municipalityId: mid }, (tx) => sql<{ n: number }>`select count(*)::int as n from ledger_entries`.execute(tx));
  return r.rows[0]!.n;
}

async function signIn(harness: Harness, page: Page, who: string): Promise<void> {
  await page.context().clearCookies();
  await harness.visit(page, '/login');
  await page.getByLabel('E-mailadresse', { exact: true }).fill(`${who}@${SLUG}.samskab.dk`);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await harness.navigateBy(page, page.locator('main button[type="submit"]').first());
}

for (const js of [false, true]) {
  const mode = js ? 'JS on' : 'JS off';
  test(`books: create a pot, post Danish amounts, reverse with a reason (${mode})`, async (t) => {
    const harness = h();
    const mid = await municipalityId(harness);
    await harness.db.transaction({ municipalityId: mid }, (tx) => ensureAccount(tx, { municipalityId: mid, kind: 'municipal_budget', name: 'Kommunekassen' }));
    const potName = `Lokal pulje Juelsminde ${mode}`;

    const visitor = await harness.page(t, { js, width: 390 });
    await harness.visit(visitor, `/m/${SLUG}/ledger`);
    assert.equal(await visitor.getByRole('heading', { name: 'Tallene' }).count(), 1);
    assert.equal(await visitor.getByRole('heading', { name: 'Bogføringen' }).count(), 0);

    const page = await harness.page(t, { js, width: 1280 });
    await signIn(harness, page, 'okonomi');
    await harness.visit(page, `/m/${SLUG}/ledger`);
    await harness.navigateBy(page, page.getByRole('link', { name: 'Opret konto' }));
    await page.getByLabel('Type', { exact: true }).selectOption('pot');
    await harness.navigateBy(page, page.locator('main button[type="submit"]'), { status: 422 });
    assert.match(await page.locator('#f-name-error').innerText(), /Skriv kontoens navn/);
    await page.getByLabel('Navn', { exact: true }).fill(potName);
    await harness.navigateBy(page, page.locator('main button[type="submit"]'));
    assert.equal(await page.getByRole('heading', { level: 1, name: potName }).count(), 1);

    await harness.visit(page, `/m/${SLUG}/ledger/transactions/new`);
    const before = await entryCount(harness);
    await page.getByLabel('Hvorfor flyttes pengene?').fill('Startkapital fra kommunekassen');
    await page.locator('#f-line1Account').selectOption({ label: await page.locator('#f-line1Account option', { hasText: 'Kommunekassen' }).innerText() });
    await page.locator('#f-line1Direction').selectOption('out');
    await page.locator('#f-line1Amount').fill('1.2345');
    await page.locator('#f-line2Account').selectOption({ label: await page.locator('#f-line2Account option', { hasText: potName }).innerText() });
    await page.locator('#f-line2Direction').selectOption('in');
    await page.locator('#f-line2Amount').fill('1.234,50');
    await harness.navigateBy(page, page.locator('main button[type="submit"]'), { status: 422 });
    assert.match(await page.locator('#f-line1Amount-error').innerText(), /Skriv beløbet som et tal i kroner/);
    assert.equal(await page.locator('#f-line1Amount').inputValue(), '1.2345');
    assert.equal(await entryCount(harness), before, 'nothing stored');
    await page.locator('#f-line1Amount').fill('1234,5');
    await harness.navigateBy(page, page.locator('main button[type="submit"]'));
    assert.match(await page.locator('h1').innerText(), /^Postering \d+$/);
    assert.equal(await entryCount(harness), before + 2);
    const txUrl = page.url();

    const phone = await harness.page(t, { js, width: 390 });
    await signIn(harness, phone, 'okonomi');
    await harness.visit(phone, new URL(txUrl).pathname);
    assert.match(await phone.locator('main').innerText(), /1\.234,50\skr\./);
    await harness.navigateBy(phone, phone.getByRole('button', { name: 'Tilbagefør' }), { status: 422 });
    await phone.getByLabel('Hvorfor tilbageføres den?').fill('Beløbet skulle på en anden pulje');
    await harness.navigateBy(phone, phone.getByRole('button', { name: 'Tilbagefør' }));
    assert.match(await phone.locator('main').innerText(), /Tilbagefører postering \d+/);

    await harness.visit(page, `/m/${SLUG}/ledger/transactions`);
    await page.getByLabel('Konto', { exact: true }).selectOption({ label: await page.locator('#f-account option', { hasText: potName }).innerText() });
    await harness.navigateBy(page, page.getByRole('button', { name: 'Vis' }));
    assert.match(await page.locator('main').innerText(), /2 posteringer/);
    await harness.visit(page, `/m/${SLUG}/ledger/export`);
    await harness.visit(page, `/m/${SLUG}/ledger`);
    assert.match(await page.locator('main').innerText(), new RegExp(potName));
  });
}

registryTest(h);
