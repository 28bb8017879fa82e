// Work days in a real browser, with JavaScript on and off: a group coordinator creates a recurring
// cleaning round, residents sign up (the last one lands on the waitlist), a facilitator puts a staff
// member on the shift, attendance and hours are taken on a phone-sized screen and verified.
// Every page is checked with axe by the harness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Transaction } from 'kysely';
import type { AnyDb } from '../../src/core/db/database.js';
import type { Page } from 'playwright-core';
import { registryTest, useHarness, type Harness } from './harness.js';

const h = useHarness({ seed: ['municipalities', 'accounts', 'groups'] });
const PASSWORD = 'samskab-demo';
const SLUG = 'hedensted';

/**
 * Reads and writes tenant rows as the app does: inside a transaction for the municipality. (On
 * PostgreSQL the owner is bound by FORCE ROW LEVEL SECURITY too, so a bare owner query sees nothing.)
 */
async function asTenant<T>(harness: Harness, fn: (tx: Transaction<AnyDb>) => Promise<T>): Promise<T> {
  const r = await harness.db.transaction({ municipalityId: null }, (tx) => sql<{ id: number }>`select id from municipalities where slug = ${SLUG}`.execute(tx));
  return harness.db.transaction({ municipalityId: r.rows[0]!.id }, fn);
}

/** Tabs of one browser context share cookies: start each sign-in as a stranger. */
async function signIn(harness: Harness, page: Page, who: string): Promise<void> {
  await page.context().clearCookies();
  await harness.visit(page, '/login');
  await page.getByLabel('E-mailadresse', { exact: true }).fill(`${who}@${SLUG}.samskab.dk`);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await harness.navigateBy(page, page.locator('main button[type="submit"]').first());
}

function nextSaturdayPlus(weeks: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7 || 7) + weeks * 7);
  return d.toISOString().slice(0, 10);
}

for (const js of [false, true]) {
  const mode = js ? 'JS on' : 'JS off';
  test(`a coordinator creates a recurring cleaning round; residents and staff sign up; attendance and hours (${mode})`, async (t) => {
    const harness = h();
    const title = `Rengøringshold ${mode}`;

    const coordinator = await harness.page(t, { js, width: 1280 });
    await signIn(harness, coordinator, 'borger1');
    await harness.visit(coordinator, `/m/${SLUG}/workdays`);
    await harness.navigateBy(coordinator, coordinator.getByRole('link', { name: 'Opret arbejdsdag eller fast hold' }));
    await coordinator.getByLabel('Titel', { exact: true }).fill(title);
    await coordinator.getByLabel('Gruppe', { exact: true }).selectOption({ index: 1 });
    await coordinator.getByLabel('Adresse', { exact: true }).fill('Torvet, Hedensted');
    await coordinator.getByLabel('Dato', { exact: true }).fill(nextSaturdayPlus(js ? 2 : 1));
    await coordinator.getByLabel('Starttid', { exact: true }).fill('10:00');
    await coordinator.getByLabel('Sluttid', { exact: true }).fill('09:00');
    await coordinator.getByLabel('Navn på vagt 1', { exact: true }).fill('Formiddag');
    await coordinator.getByLabel('Start, vagt 1', { exact: true }).fill('10:00');
    await coordinator.getByLabel('Slut, vagt 1', { exact: true }).fill('12:00');
    await coordinator.getByLabel('Pladser, vagt 1', { exact: true }).fill('3');
    await coordinator.getByLabel('Fast hold: hver N. uge på samme ugedag').check();
    await coordinator.getByLabel('Hver ... uge', { exact: true }).fill('2');
    await coordinator.getByLabel('Antal gange', { exact: true }).fill('7');
    // End before start: the form comes back with the error next to the field and the values kept.
    await harness.navigateBy(coordinator, coordinator.getByRole('button', { name: 'Opret' }), { status: 422 });
    assert.ok(await coordinator.getByText('Sluttiden skal være efter starttiden.').first().isVisible());
    assert.equal(await coordinator.getByLabel('Titel', { exact: true }).inputValue(), title);
    await coordinator.getByLabel('Sluttid', { exact: true }).fill('13:00');
    await harness.navigateBy(coordinator, coordinator.getByRole('button', { name: 'Opret' }));
    assert.match(coordinator.url(), /\/m\/hedensted\/workdays\/\d+$/);
    assert.ok(await coordinator.getByText('Det faste hold er oprettet med alle datoer.').isVisible());
    const dayUrl = new URL(coordinator.url()).pathname;
    const dayId = Number(dayUrl.split('/').pop());
    const roundDays = await asTenant(harness, (tx) => sql<{ n: string }>`select count(*) as n from workdays_days d where d.round_id = (select round_id from workdays_days where id = ${dayId})`.execute(tx));
    assert.equal(Number(roundDays.rows[0]!.n), 7);

    // Two residents sign up on a phone, a staff member takes the last place, a third resident waits.
    const statuses: string[] = [];
    for (const who of ['borger2', 'borger3']) {
      const p = await harness.page(t, { js, width: 375 });
      await signIn(harness, p, who);
      await harness.visit(p, dayUrl);
      await harness.navigateBy(p, p.getByRole('button', { name: 'Meld dig til Formiddag' }));
      statuses.push((await p.locator('main').innerText()).includes('Du er meldt til denne vagt.') ? 'confirmed' : 'other');
      await p.close();
    }
    assert.deepEqual(statuses, ['confirmed', 'confirmed']);

    const facilitator = await harness.page(t, { js, width: 1280 });
    await signIn(harness, facilitator, 'facilitator');
    await harness.visit(facilitator, dayUrl);
    await facilitator.getByLabel('Sæt en medarbejder på Formiddag').fill(`okonomi@${SLUG}.samskab.dk`);
    await harness.navigateBy(facilitator, facilitator.getByRole('button', { name: 'Tilføj medarbejder' }));
    assert.ok(await facilitator.getByText('Medarbejderen er sat på vagten.').isVisible());
    assert.ok(await facilitator.getByRole('cell', { name: 'Kommunal medarbejder' }).first().isVisible());

    const late = await harness.page(t, { js, width: 375 });
    await signIn(harness, late, 'borger4');
    await harness.visit(late, dayUrl);
    await harness.navigateBy(late, late.getByRole('button', { name: 'Skriv dig på venteliste til Formiddag' }));
    assert.ok(await late.getByText('Du er nummer 1 på ventelisten.').isVisible());
    await harness.visit(late, `/m/${SLUG}/workdays/mine`);
    assert.ok(await late.getByText('Venteliste nr. 1').first().isVisible());

    // The day has happened: move it into the past, then take attendance on a phone.
    await asTenant(harness, (tx) => sql`update workdays_shifts set starts_at = starts_at - interval '60 days', ends_at = ends_at - interval '60 days' where day_id = ${dayId}`.execute(tx));
    await asTenant(harness, (tx) => sql`update workdays_days set starts_at = starts_at - interval '60 days', ends_at = ends_at - interval '60 days' where id = ${dayId}`.execute(tx));
    const phone = await harness.page(t, { js, width: 375 });
    await signIn(harness, phone, 'borger1');
    await harness.visit(phone, `${dayUrl}/attendance`);
    await phone.getByLabel('Timer for Jens Peter Madsen').fill('1,5');
    await phone.getByLabel('Fatima Ahmadi kom').uncheck();
    await harness.navigateBy(phone, phone.getByRole('button', { name: 'Gem fremmøde' }));
    assert.ok(await phone.getByText('Fremmøde og timer er gemt.').isVisible());

    await signIn(harness, facilitator, 'facilitator');
    await harness.visit(facilitator, `${dayUrl}/attendance`);
    await harness.navigateBy(facilitator, facilitator.getByRole('button', { name: 'Godkend timerne' }).last());
    assert.ok(await facilitator.getByText('Timerne er godkendt.').isVisible());
    const minutes = await asTenant(harness, (tx) => sql<{ status: string; attended: boolean | null; minutes: number | null; verified: boolean; kind: string }>`
      select w.status, w.attended, w.minutes, w.verified_at is not null as verified, w.participant_kind as kind from workdays_signups w join workdays_shifts s on s.id = w.shift_id and s.municipality_id = w.municipality_id
      where s.day_id = ${dayId} order by w.position`.execute(tx));
    assert.deepEqual(
      minutes.rows.map((r) => [r.status, r.kind, r.attended, r.minutes, r.verified]),
      [
        ['confirmed', 'resident', true, 90, true],
        ['confirmed', 'resident', false, null, false],
        ['confirmed', 'staff', true, 120, true],
        ['waitlisted', 'resident', null, null, false],
      ],
    );
  });
}

registryTest(h);
