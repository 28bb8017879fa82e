// Participatory budgeting in a real browser, with JavaScript on and off: an admin creates a process,
// residents propose projects, a facilitator reviews them, the admin opens voting, residents vote
// (over budget first: 422 with the error shown, then a valid ballot), the admin closes voting and the
// results show the winner. Every page is checked with axe by the harness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { registryTest, useHarness, type Harness } from './harness.js';

const h = useHarness({ seed: ['municipalities', 'accounts'] });
const PASSWORD = 'samskab-demo';
const SLUG = 'hedensted';

/** One page plays every person in turn: cookies cleared, then signed in. */
async function signIn(harness: Harness, page: Page, who: string): Promise<void> {
  await page.context().clearCookies();
  await harness.visit(page, '/login');
  await page.getByLabel('E-mailadresse', { exact: true }).fill(`${who}@${SLUG}.samskab.dk`);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await harness.navigateBy(page, page.locator('main button[type="submit"]').first());
}

async function changePhase(harness: Harness, page: Page, processPath: string, phase: string): Promise<void> {
  await harness.visit(page, processPath);
  await page.getByLabel('Fase', { exact: true }).selectOption({ label: phase });
  await harness.navigateBy(page, page.getByRole('button', { name: 'Skift fase' }));
  assert.ok(await page.getByText('Fasen er ændret.').isVisible());
}

/** A resident votes: over budget first (422, the error shown, values kept), then a valid ballot. */
async function vote(harness: Harness, page: Page, js: boolean, processPath: string, over: string[], valid: string): Promise<void> {
  await harness.visit(page, processPath);
  await harness.navigateBy(page, page.locator('main').getByRole('link', { name: 'Stem', exact: true }));
  for (const label of over) await page.getByLabel(label, { exact: true }).check();
  if (js) assert.match((await page.locator('#ballot-total').textContent()) ?? '', /Valgt for 110\.000\sDKK af 100\.000\sDKK/);
  await page.getByLabel('Dit fødselsår', { exact: true }).fill('1980');
  await page.getByLabel(/^Jeg bor i/).check();
  await harness.navigateBy(page, page.getByRole('button', { name: 'Afgiv stemme' }), { status: 422 });
  assert.match((await page.locator('#ballot-error').textContent()) ?? '', /Dine valg koster mere end beløbet på 100\.000\sDKK\./);
  assert.equal(await page.getByLabel('Dit fødselsår', { exact: true }).inputValue(), '1980');
  for (const label of over) if (label !== valid) await page.getByLabel(label, { exact: true }).uncheck();
  await harness.navigateBy(page, page.getByRole('button', { name: 'Afgiv stemme' }));
  assert.ok(await page.getByText('Tak, din stemme er afgivet.', { exact: false }).isVisible());
}

async function assertResults(harness: Harness, page: Page, processPath: string, winner: string, loser: string): Promise<void> {
  await harness.visit(page, processPath);
  await harness.navigateBy(page, page.locator('main').getByRole('link', { name: 'Resultat', exact: true }));
  assert.match((await page.locator('main .font-lead').textContent()) ?? '', /^2 borgere stemte\. 1 projekt får penge for i alt 50\.000\sDKK/);
  assert.equal(await page.getByRole('row').filter({ hasText: winner }).getByRole('cell').nth(3).textContent(), 'Ja');
  assert.equal(await page.getByRole('row').filter({ hasText: loser }).getByRole('cell').nth(3).textContent(), 'Nej');
}

// One journey, its steps split between a browser with JavaScript and one without, so every kind of
// page is used both ways without walking the whole journey twice.
test('a budget from proposals to results, with JavaScript on and off', async (t) => {
  const harness = h();
  const title = 'Borgerbudget for byen';
  const shelter = 'Shelter ved søen';
  const benches = 'Bænke langs stien';
  const off = await harness.page(t, { js: false, width: 1280 });
  const on = await harness.page(t, { js: true, width: 375 });

  await signIn(harness, off, 'admin');
  await harness.visit(off, `/m/${SLUG}/budgets`);
  await harness.navigateBy(off, off.getByRole('link', { name: 'Opret borgerbudget' }));
  await off.getByLabel('Titel', { exact: true }).fill(title);
  await off.getByLabel('Beløb i kroner', { exact: true }).fill('100.000');
  for (const [label, date] of [['Forslag fra', '2026-01-01'], ['Vurdering fra', '2026-02-01'], ['Afstemning fra', '2026-03-01'], ['Resultat fra', '2026-04-01'], ['Gennemførelse fra', '2026-05-01']]) {
    await off.getByLabel(label!, { exact: true }).fill(date!);
  }
  await off.getByLabel('Vælg projekter inden for beløbet', { exact: true }).check();
  await off.getByLabel('Mindstealder', { exact: true }).fill('15');
  await harness.navigateBy(off, off.getByRole('button', { name: 'Gem' }));
  assert.match(off.url(), /\/budgets\/\d+$/);
  assert.ok(await off.getByText('Borgerbudgettet er oprettet.').isVisible());
  const processPath = new URL(off.url()).pathname;

  for (const [page, who, project] of [[on, 'borger1', shelter], [off, 'borger2', benches]] as const) {
    await signIn(harness, page, who);
    await harness.visit(page, processPath);
    await harness.navigateBy(page, page.getByRole('link', { name: 'Foreslå et projekt' }));
    await page.getByLabel('Titel', { exact: true }).fill(project);
    await page.getByLabel('Beskrivelse', { exact: true }).fill('Til alle i byen.');
    await harness.navigateBy(page, page.locator('main').getByRole('button', { name: 'Foreslå et projekt' }));
    assert.ok(await page.getByText('Tak for dit forslag. Kommunen vurderer det.').isVisible());
  }

  for (const [page, project, cost] of [[on, shelter, '60.000'], [off, benches, '50.000']] as const) {
    await signIn(harness, page, 'facilitator');
    await harness.visit(page, processPath);
    await harness.navigateBy(page, page.getByRole('link', { name: `Vurdér ${project}` }));
    await page.getByLabel('Kan gennemføres', { exact: true }).check();
    await page.getByLabel(/^Anslået pris i kroner/).fill(cost);
    await harness.navigateBy(page, page.getByRole('button', { name: 'Gem' }));
    assert.ok(await page.getByText('Vurderingen er gemt.').isVisible());
  }

  await signIn(harness, on, 'admin');
  await changePhase(harness, on, processPath, 'Afstemning');

  const choices = [`${shelter} – 60.000 DKK`, `${benches} – 50.000 DKK`];
  await signIn(harness, off, 'borger1');
  await vote(harness, off, false, processPath, choices, choices[1]!);
  await signIn(harness, on, 'borger2');
  await vote(harness, on, true, processPath, choices, choices[1]!);

  await signIn(harness, off, 'admin');
  await changePhase(harness, off, processPath, 'Resultat');
  await assertResults(harness, off, processPath, benches, shelter);
  await assertResults(harness, on, processPath, benches, shelter);
});

registryTest(h);
