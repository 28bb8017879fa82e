// Initiatives in a real browser, with JavaScript on and off: a resident creates a local group, proposes
// an initiative on the group's behalf and opens it for support; another resident supports it; a
// facilitator takes it on from the workspace, starts the dialogue, records the co-production agreement
// (which marks it agreed), starts it, completes it and evaluates it with outcomes. Each step is a real
// form submit; the state label and the timeline are checked after each, and axe checks every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Transaction } from 'kysely';
import type { AnyDb } from '../../src/core/db/database.js';
import type { Page } from 'playwright-core';
import { createPerson, type TestPerson } from '../../src/testing/actors.js';
import { registryTest, useHarness, type Harness } from './harness.js';

const h = useHarness({ seed: ['municipalities'] });
const SLUG = 'hedensted';

/**
 * Reads and writes tenant rows as the app does: inside a transaction for the municipality. (On
 * PostgreSQL the owner is bound by FORCE ROW LEVEL SECURITY too, so a bare owner query sees nothing.)
 */
async function asTenant<T>(harness: Harness, fn: (tx: Transaction<AnyDb>) => Promise<T>): Promise<T> {
  const r = await harness.db.transaction({ municipalityId: null }, (tx) => sql<{ id: number }>`select id from municipalities where slug = ${SLUG}`.execute(tx));
  return harness.db.transaction({ municipalityId: r.rows[0]!.id }, fn);
}

async function municipalityId(harness: Harness): Promise<number> {
  return harness.db.transaction({ municipalityId: null }, async (tx) => {
    const r = await sql<{ id: number }>`select id from municipalities where slug = ${SLUG}`.execute(tx);
    assert.ok(r.rows[0], `municipality ${SLUG} is not seeded`);
    return r.rows[0].id;
  });
}

/** Tabs of one browser context share cookies: become `who` for every tab of the context. */
async function actAs(harness: Harness, page: Page, who: TestPerson): Promise<void> {
  await page.context().clearCookies();
  await page.context().addCookies([{ name: 'samskab_session', value: who.sessionToken, url: harness.baseUrl }]);
}

async function stateLabel(page: Page): Promise<string> {
  return (await page.locator('main .app-card-labels').first().innerText()).trim();
}

async function timeline(page: Page): Promise<string> {
  return page.locator('#timeline').innerText();
}

/** Clicks a step button in the manage panel and checks the flash, the state label and the timeline entry. */
async function step(harness: Harness, page: Page, button: string, flash: string, from: string, to: string): Promise<void> {
  await harness.navigateBy(page, page.locator('#manage').getByRole('button', { name: button, exact: true }));
  assert.ok(await page.getByText(flash).isVisible(), `flash "${flash}" after "${button}"`);
  assert.equal(await stateLabel(page), to);
  assert.match(await timeline(page), new RegExp(`Fra »${from}« til »${to}«`));
}

function isoDay(offsetDays: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

for (const js of [true, false]) {
  const mode = js ? 'JS on' : 'JS off';
  test(`a resident's group proposes an initiative; a facilitator takes it through to evaluated (${mode})`, async (t) => {
    const harness = h();
    const mid = await municipalityId(harness);
    const [resident, supporter, facilitator] = await Promise.all([
      createPerson(harness.db, { name: `Rikke Beboer ${mode}`, roles: [[mid, 'resident']] }),
      createPerson(harness.db, { name: `Søren Støtte ${mode}`, roles: [[mid, 'resident']] }),
      createPerson(harness.db, { name: `Frida Facilitator ${mode}`, roles: [[mid, 'facilitator']] }),
    ]);
    const groupName = `Grønne naboer ${js ? 'Juelsminde' : 'Tørring'}`;
    const title = `Blomstereng ved skolen (${mode})`;

    // The resident creates a group and becomes its coordinator.
    const page = await harness.page(t, { js, width: js ? 1280 : 375 });
    await actAs(harness, page, resident);
    await harness.visit(page, `/m/${SLUG}/groups`);
    await harness.navigateBy(page, page.getByRole('main').getByRole('link', { name: 'Opret en gruppe' }));
    assert.equal(new URL(page.url()).pathname, `/m/${SLUG}/groups/new`);
    await page.getByLabel('Gruppens navn', { exact: true }).fill(groupName);
    await page.getByLabel('Om gruppen', { exact: true }).fill('Vi laver vilde blomsterenge i byen.');
    await harness.navigateBy(page, page.getByRole('button', { name: 'Opret gruppen' }));
    assert.ok(await page.getByText('Gruppen er oprettet. Du er dens tovholder.').isVisible());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), groupName);
    const groupPath = new URL(page.url()).pathname;

    // She proposes an initiative on the group's behalf: it starts as an idea.
    await harness.visit(page, `/m/${SLUG}/initiatives/new`);
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByLabel('Problemet', { exact: true }).fill('Græsplænen ved skolen er en ørken for insekter.');
    await page.getByLabel('Forslaget', { exact: true }).fill('Vi sår og passer en blomstereng, hvis kommunen holder op med at slå græsset.');
    await page.getByLabel('Står en lokal gruppe bag?', { exact: true }).selectOption({ label: groupName });
    await harness.navigateBy(page, page.getByRole('button', { name: 'Send forslaget' }));
    assert.match(page.url(), /\/m\/hedensted\/initiatives\/\d+(#.*)?$/);
    const initiativePath = new URL(page.url()).pathname;
    assert.ok(await page.getByText('Tak! Dit initiativ er oprettet som idé.').isVisible());
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), title);
    assert.equal(await stateLabel(page), 'Idé');
    assert.match(await timeline(page), /Initiativet blev foreslået/);
    assert.ok(await page.locator('.app-ini-facts').getByRole('link', { name: groupName }).isVisible());

    // As one of the people behind it, she opens it for support.
    await step(harness, page, 'Åbn for støtte', 'Initiativet er nu åbent for støtte.', 'Idé', 'Åben for støtte');
    if (js) {
      // The group's page lists it, and another resident supports it (a few pages fewer without JS, for time).
      await harness.visit(page, groupPath);
      assert.ok(await page.locator('section[aria-labelledby="group-initiatives"]').getByRole('link', { name: title }).isVisible());
      await actAs(harness, page, supporter);
      await harness.visit(page, initiativePath);
      assert.equal(await page.locator('#manage').count(), 0, 'a supporter has no management panel');
      await harness.navigateBy(page, page.locator('.app-ini-support').getByRole('button', { name: 'Støt', exact: true }));
      assert.ok(await page.getByText('Tak for din støtte. Du følger nu initiativet.').isVisible());
      assert.ok(await page.getByText('1 person støtter').isVisible());
    }

    // The facilitator takes it on from the workspace's triage list.
    await actAs(harness, page, facilitator);
    await harness.visit(page, `/m/${SLUG}/facilitate`);
    await harness.navigateBy(page, page.getByRole('button', { name: `Tag initiativet på mig: ${title}` }));
    assert.equal(new URL(page.url()).pathname, `/m/${SLUG}/facilitate`);
    assert.ok(await page.getByText('Du faciliterer nu initiativet.').isVisible());
    await harness.navigateBy(page, page.getByRole('main').getByRole('link', { name: title }).first());
    assert.equal(new URL(page.url()).pathname, initiativePath);
    assert.match(await timeline(page), new RegExp(`Frida Facilitator ${mode} faciliterer nu initiativet`));

    // Dialogue, then the written agreement marks it agreed.
    await step(harness, page, 'Start dialog', 'Initiativet er nu i dialog med kommunen.', 'Åben for støtte', 'I dialog');
    await harness.navigateBy(page, page.locator('#manage').getByRole('link', { name: 'Marker som aftalt', exact: true }));
    assert.equal(new URL(page.url()).pathname, `${initiativePath}/agreement`);
    await page.getByLabel('Det leverer borgerne', { exact: true }).fill('Frø, såning og lugning to gange om året.');
    await page.getByLabel('Det leverer kommunen', { exact: true }).fill('Slår ikke græsset fra april til september.');
    await page.getByLabel('Navn', { exact: true }).fill(`Frida Facilitator ${mode}`);
    await page.getByLabel('Startdato', { exact: true }).fill(isoDay(1));
    await page.getByLabel('Slutdato', { exact: true }).fill(isoDay(366));
    await page.getByLabel('Revisionsdato', { exact: true }).fill(isoDay(180));
    assert.ok(await page.getByLabel('Marker initiativet som aftalt').isChecked());
    await harness.navigateBy(page, page.getByRole('button', { name: 'Gem aftalen' }));
    assert.ok(await page.getByText('Aftalen er gemt, og initiativet er nu aftalt.').isVisible());
    assert.equal(await stateLabel(page), 'Aftalt');
    assert.match(await timeline(page), /Samskabelsesaftale, version 1/);
    assert.match(await timeline(page), /Fra »I dialog« til »Aftalt«/);
    assert.match(await page.locator('#agreement').innerText(), /Slår ikke græsset fra april til september\./);

    // Started and completed from the step buttons.
    await step(harness, page, 'Sæt i gang', 'Initiativet er nu i gang.', 'Aftalt', 'I gang');
    await step(harness, page, 'Marker som gennemført', 'Initiativet er nu gennemført.', 'I gang', 'Gennemført');

    // Evaluating needs outcomes: its own form, which (shown without JS) refuses an empty text first.
    await harness.navigateBy(page, page.locator('#manage').getByRole('link', { name: 'Evaluer', exact: true }));
    assert.equal(new URL(page.url()).pathname, `${initiativePath}/state`);
    assert.ok(await page.getByLabel('Evaluer').isChecked());
    if (!js) {
      await harness.navigateBy(page, page.getByRole('main').getByRole('button', { name: 'Gem', exact: true }), { status: 422 });
      assert.ok(await page.getByLabel('Evaluer').isChecked(), 'the chosen step is kept');
      assert.ok(await page.getByText('Skriv, hvad initiativet førte til.').first().isVisible());
    }
    const outcomes = '40 naboer såede 800 m² eng; vi talte 23 arter af bier.';
    await page.getByLabel('Resultater', { exact: true }).fill(outcomes);
    await harness.navigateBy(page, page.getByRole('main').getByRole('button', { name: 'Gem', exact: true }));
    assert.equal(new URL(page.url()).pathname, initiativePath);
    assert.ok(await page.getByText('Initiativet er nu evalueret.').isVisible());
    assert.equal(await stateLabel(page), 'Evalueret');
    assert.ok(await page.locator('section[aria-labelledby="outcomes-heading"]').getByText(outcomes).isVisible());
    const events = await timeline(page);
    assert.match(events, /Fra »Gennemført« til »Evalueret«/);
    assert.ok(events.includes(outcomes), 'the outcomes are on the timeline');
    assert.equal(await page.locator('#manage').getByRole('heading', { name: 'Næste skridt' }).count(), 0, 'no step follows evaluated');

    if (!js) {
      // The public sees the outcome without signing in.
      await page.context().clearCookies();
      await harness.visit(page, initiativePath);
      assert.equal(await stateLabel(page), 'Evalueret');
      assert.ok(await page.getByText(outcomes).first().isVisible());
    }
    const rows = await asTenant(harness, (tx) => sql<{ state: string; facilitator_id: string | number | null; group_id: number | null }>`
      select state, facilitator_id, group_id from initiatives where id = ${Number(initiativePath.split('/').pop())}`.execute(tx));
    assert.equal(rows.rows[0]?.state, 'evaluated');
    assert.equal(Number(rows.rows[0]?.facilitator_id), facilitator.id);
    assert.notEqual(rows.rows[0]?.group_id, null);
  });
}

registryTest(h);
