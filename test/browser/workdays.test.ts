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

/**
 * A real JPEG (drawn on a canvas in the browser, so any decoder reads it) with an EXIF block that holds
 * a GPS position, as a phone camera writes it: APP1 "Exif", a big-endian TIFF header, IFD0 pointing to
 * a GPS IFD with latitude and longitude as rationals.
 */
async function photoWithGps(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#2a6ebb';
    g.fillRect(0, 0, 64, 48);
    g.fillStyle = '#f5c000';
    g.fillRect(16, 12, 32, 24);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  const jpeg = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  const tiff = Buffer.alloc(128);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number | Buffer) => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    if (typeof value === 'number') tiff.writeUInt32BE(value, at + 8);
    else value.copy(tiff, at + 8);
  };
  tiff.writeUInt16BE(1, 8); // IFD0: one entry, the GPS IFD pointer
  entry(10, 0x8825, 4, 1, 26);
  tiff.writeUInt32BE(0, 22);
  tiff.writeUInt16BE(4, 26); // GPS IFD at 26: four entries, values from 80
  entry(28, 0x0001, 2, 2, Buffer.from('N\0', 'latin1'));
  entry(40, 0x0002, 5, 3, 80);
  entry(52, 0x0003, 2, 2, Buffer.from('E\0', 'latin1'));
  entry(64, 0x0004, 5, 3, 104);
  tiff.writeUInt32BE(0, 76);
  [55, 1, 46, 1, 1234, 100, 9, 1, 43, 1, 5678, 100].forEach((n, i) => tiff.writeUInt32BE(n, 80 + i * 4));
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([(payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
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
    await coordinator.getByLabel('Gruppe (valgfrit)', { exact: true }).selectOption({ index: 1 });
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

    // During the round a resident reports a broken bench from the day page, on a phone, with a photo
    // straight from a camera (EXIF with GPS). The stored photo has no EXIF left.
    const place = `Bænken ved åen, ${mode}`;
    const photoMaker = js ? late : await harness.page(t, { js: true, width: 375 });
    const photo = await photoWithGps(photoMaker);
    if (photoMaker !== late) await photoMaker.close();
    assert.ok(photo.includes(Buffer.from('Exif\0\0', 'latin1')) && photo.includes(Buffer.from([0, 0, 0x04, 0xd2, 0, 0, 0, 0x64])), 'the upload carries EXIF with GPS');
    const reporter = await harness.page(t, { js, width: 375 });
    await signIn(harness, reporter, 'borger2');
    await harness.visit(reporter, dayUrl);
    const reportForm = reporter.locator('section[aria-labelledby="report-heading"]');
    await reportForm.getByLabel('Kategori').selectOption({ label: 'Ødelagt bænk' });
    await reportForm.getByLabel('Sted', { exact: true }).fill(place);
    await reportForm.getByLabel('Beskrivelse (valgfrit)').fill('Et bræt mangler i sædet.');
    await reportForm.getByLabel('Foto').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });
    await harness.navigateBy(reporter, reportForm.getByRole('button', { name: 'Send melding' }), { status: 200 });
    assert.match(new URL(reporter.url()).pathname, /\/workdays\/reports\/mine$/);
    const myReport = reporter.locator('article').filter({ hasText: place });
    assert.match(await myReport.innerText(), /Modtaget/);
    const stored = await asTenant(harness, (tx) => sql<{ id: number; image: Buffer; image_type: string; day_id: number }>`select id, image, image_type, day_id from workdays_reports where place = ${place}`.execute(tx));
    const report = stored.rows[0]!;
    assert.equal(report.day_id, dayId, 'linked to the round');
    assert.equal(report.image_type, 'image/jpeg');
    const clean = Buffer.from(report.image);
    assert.deepEqual([...clean.subarray(0, 3)], [0xff, 0xd8, 0xff]);
    assert.ok(!clean.includes(Buffer.from('Exif', 'latin1')), 'no EXIF block');
    assert.ok(!clean.includes(Buffer.from('MM\0*', 'latin1')), 'no TIFF directory');
    assert.ok(!clean.includes(Buffer.from([0, 0, 0x04, 0xd2, 0, 0, 0, 0x64])), 'no GPS seconds (1234/100)');
    assert.ok(clean.length < photo.length);
    // The reporter's own page shows the cleaned photo, and it is a real image the browser decodes.
    const served = await reporter.context().request.get(`${harness.baseUrl}/m/${SLUG}/workdays/reports/${report.id}/image`);
    assert.equal(served.status(), 200);
    assert.equal(served.headers()['content-type'], 'image/jpeg');
    assert.ok(!(await served.body()).includes(Buffer.from('Exif', 'latin1')));
    if (js) assert.ok(await myReport.locator('img').evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 64));

    // Operations staff see it in the queue and move it on; the reporter sees the new status.
    const ops = await harness.page(t, { js, width: js ? 1280 : 375 });
    await signIn(harness, ops, 'facilitator');
    await harness.visit(ops, `/m/${SLUG}/workdays/reports`);
    const card = ops.locator(`#report-${report.id}`);
    assert.match(await card.innerText(), new RegExp(place));
    await card.getByLabel('Status', { exact: true }).selectOption({ label: 'I gang' });
    await card.getByLabel('Besked til den, der meldte (valgfrit)').fill('Vejafdelingen kommer torsdag.');
    await harness.navigateBy(ops, card.getByRole('button', { name: 'Opdatér status' }), { status: 200 });
    assert.equal(await ops.locator(`#report-${report.id}`).getByLabel('Status', { exact: true }).inputValue(), 'in_progress');
    await ops.close();
    // The tabs of one mode share cookies: the reporter signs in again.
    await signIn(harness, reporter, 'borger2');
    await harness.visit(reporter, `/m/${SLUG}/workdays/reports/mine`);
    const updated = await reporter.locator('article').filter({ hasText: place }).innerText();
    assert.match(updated, /I gang/);
    assert.match(updated, /Vejafdelingen kommer torsdag/);
    await reporter.close();

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
