// Facilities in a real browser, with JavaScript on and off: a resident books the school kitchen (which
// needs approval), first with a mistake that comes back by the field, then a facilitator approves the
// request, and the resident sees it confirmed. axe checks every page on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { registryTest, useHarness, type Harness } from './harness.js';

const h = useHarness({ seed: ['municipalities', 'accounts', 'facilities'] });
const PASSWORD = 'samskab-demo';
const KITCHEN = 'Skolekøkkenet på Tørring Skole';

/** A future date (local Copenhagen day) on the given ISO weekday, at least 3 days from now. */
function futureDate(isoWeekday: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 3);
  while (((d.getUTCDay() + 6) % 7) + 1 !== isoWeekday) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function signIn(harness: Harness, page: Page, email: string): Promise<void> {
  await harness.visit(page, '/login');
  await page.getByLabel('E-mailadresse', { exact: true }).fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await harness.navigateBy(page, page.getByRole('main').getByRole('button', { name: 'Log ind' }), { status: 200 });
}

for (const js of [true, false]) {
  const mode = js ? 'JS on' : 'JS off';
  const date = futureDate(js ? 2 : 4);
  const purpose = js ? 'Madklub for naboer' : 'Høstfest i Tørring';

  test(`a resident books the school kitchen and a facilitator approves it (${mode})`, async (t) => {
    const harness = h();
    const residentEmail = js ? 'borger3@hedensted.samskab.dk' : 'borger4@hedensted.samskab.dk';
    const resident = await harness.page(t, { js, width: js ? 1280 : 375 });
    await signIn(harness, resident, residentEmail);

    await harness.visit(resident, '/m/hedensted/facilities');
    await harness.navigateBy(resident, resident.getByRole('link', { name: KITCHEN }));
    await assert.doesNotReject(resident.getByRole('heading', { level: 1, name: KITCHEN }).waitFor());
    // The availability table of another day, without JavaScript: a GET form.
    await resident.getByLabel('Vis dato').fill(date);
    await harness.navigateBy(resident, resident.getByRole('button', { name: 'Vis', exact: true }));
    assert.match(await resident.locator('main').innerText(), /Ledig/);
    await harness.navigateBy(resident, resident.getByRole('link', { name: 'Book en tid' }));

    // A mistake first: the end before the start comes back by the field, values kept.
    await resident.getByLabel('Dato').fill(date);
    await resident.getByLabel('Fra kl.').fill('19:00');
    await resident.getByLabel('Til kl.').fill('17:00');
    await resident.getByLabel('Hvad skal I bruge det til?').fill(purpose);
    await resident.getByLabel(/^Antal deltagere/).fill('14');
    await harness.navigateBy(resident, resident.getByRole('button', { name: 'Send anmodning' }), { status: 422 });
    const end = resident.getByLabel('Til kl.');
    assert.equal(await end.getAttribute('aria-invalid'), 'true');
    assert.match(await resident.locator('#f-end-error').innerText(), /Sluttiden skal være efter starttiden/);
    assert.equal(await resident.getByLabel('Hvad skal I bruge det til?').inputValue(), purpose);

    await resident.getByLabel('Fra kl.').fill('17:00');
    await end.fill('19:00');
    await harness.navigateBy(resident, resident.getByRole('button', { name: 'Send anmodning' }), { status: 200 });
    assert.match(new URL(resident.url()).pathname, /\/facilities\/bookings$/);
    const mine = resident.locator('main');
    assert.match(await mine.innerText(), /Din anmodning er sendt/);
    assert.match(await resident.getByRole('row').filter({ hasText: purpose }).innerText(), /Venter på godkendelse/);

    // The facilitator, in a fresh session (the context's cookies are shared, so the resident signs in again later).
    const staff = await harness.page(t, { js, width: 1280 });
    await signIn(harness, staff, 'facilitator@hedensted.samskab.dk');
    await harness.visit(staff, '/m/hedensted/facilities/requests');
    const row = staff.getByRole('row').filter({ hasText: purpose });
    assert.match(await row.innerText(), /17:00–19:00/);
    await harness.navigateBy(staff, row.getByRole('button', { name: /^Godkend/ }), { status: 200 });
    assert.match(await staff.locator('main').innerText(), /Anmodningen er godkendt/);
    assert.equal(await staff.getByRole('row').filter({ hasText: purpose }).count(), 0, 'gone from the queue');

    // The day sheet for the caretaker lists it.
    await harness.visit(staff, `/m/hedensted/facilities/1/day-sheet?date=${date}`);
    assert.match(await staff.locator('main').innerText(), new RegExp(purpose));

    await staff.context().clearCookies();
    await signIn(harness, resident, residentEmail);
    await harness.visit(resident, '/m/hedensted/facilities/bookings');
    assert.match(await resident.getByRole('row').filter({ hasText: purpose }).innerText(), /Bekræftet/);
    await resident.close();
    await staff.close();
  });
}

/** A local date on the given ISO weekday at least `ahead` days from now. */
function dateAhead(isoWeekday: number, ahead: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + ahead);
  while (((d.getUTCDay() + 6) % 7) + 1 !== isoWeekday) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

for (const js of [true, false]) {
  const mode = js ? 'JS on' : 'JS off';
  const closedDay = dateAhead(js ? 1 : 2, 15);
  const capacity = js ? '14' : '16';
  const purpose = `Personalemøde ${mode}`;

  test(`a facilitator edits the meeting room and closes a day that has a booking (${mode})`, async (t) => {
    const harness = h();
    const staff = await harness.page(t, { js, width: js ? 1280 : 375 });
    await signIn(harness, staff, 'facilitator@hedensted.samskab.dk');
    await harness.visit(staff, '/m/hedensted/facilities');
    await harness.navigateBy(staff, staff.getByRole('link', { name: /^Mødelokale på/ }));
    const roomPath = new URL(staff.url()).pathname;

    // Edit: two mistakes come back next to their fields, with what was typed kept.
    await harness.navigateBy(staff, staff.getByRole('link', { name: 'Redigér lokalet' }));
    await staff.getByLabel('Kapacitet', { exact: true }).fill('0');
    await staff.getByLabel('Lukker lørdag', { exact: true }).fill('09:00');
    await staff.getByLabel('Husregler (valgfrit)', { exact: true }).fill('Sæt stolene på plads.\nLuk vinduerne.');
    await harness.navigateBy(staff, staff.getByRole('button', { name: 'Gem ændringer' }), { status: 422 });
    assert.match(await staff.locator('#f-capacity-error').innerText(), /Kapaciteten skal være mindst 1/);
    assert.match(await staff.locator('#f-closes_6-error').innerText(), /Lukketiden skal være efter åbningstiden/);
    assert.equal(await staff.getByLabel('Kapacitet', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.match(await staff.getByLabel('Husregler (valgfrit)', { exact: true }).inputValue(), /Luk vinduerne/);
    await staff.getByLabel('Kapacitet', { exact: true }).fill(capacity);
    await staff.getByLabel('Lukker lørdag', { exact: true }).fill('15:00');
    await harness.navigateBy(staff, staff.getByRole('button', { name: 'Gem ændringer' }), { status: 200 });
    assert.equal(new URL(staff.url()).pathname, roomPath);
    const details = await staff.locator('main').innerText();
    assert.match(details, /Ændringerne er gemt/);
    assert.match(details, new RegExp(`${capacity} personer`));
    assert.match(details, /Luk vinduerne/);
    assert.match(await staff.getByRole('row', { name: /Lørdag/ }).innerText(), /10:00–15:00/);

    // A booking on the day first, then closing that day: the booking is listed, nothing is dropped silently.
    await harness.navigateBy(staff, staff.getByRole('link', { name: 'Book en tid' }));
    await staff.getByLabel('Dato').fill(closedDay);
    await staff.getByLabel('Fra kl.').fill('10:00');
    await staff.getByLabel('Til kl.').fill('11:00');
    await staff.getByLabel('Hvad skal I bruge det til?').fill(purpose);
    await harness.navigateBy(staff, staff.getByRole('button', { name: 'Book tiden' }), { status: 200 });
    assert.match(await staff.locator('main').innerText(), /Tiden er booket/);

    await harness.visit(staff, roomPath);
    await harness.navigateBy(staff, staff.getByRole('link', { name: 'Lukkedage' }));
    await staff.getByLabel('Første lukkedag').fill(closedDay);
    await staff.getByLabel('Årsag (valgfrit)').fill('Lokalet males');
    await harness.navigateBy(staff, staff.getByRole('button', { name: 'Luk dagene' }), { status: 409 });
    const warning = await staff.locator('#conflicts').innerText();
    assert.match(warning, /Der er 1 booking på de dage/);
    assert.match(warning, new RegExp(purpose));
    await harness.navigateBy(staff, staff.getByRole('button', { name: 'Luk og afbestil bookingen' }), { status: 200 });
    const closedPage = await staff.locator('main').innerText();
    assert.match(closedPage, /Lukkedagene er tilføjet\. Bookingerne på dagene er afbestilt/);
    assert.ok((await staff.getByRole('row').filter({ hasText: 'Lokalet males' }).count()) >= 1, 'the closed day is listed with its reason');

    // The closed day blocks booking and shows as closed.
    await harness.visit(staff, `${roomPath}?date=${closedDay}`);
    assert.match(await staff.locator('main').innerText(), /Lukket denne dag/);
    await harness.visit(staff, `${roomPath}/book?date=${closedDay}&start=12:00&end=13:00`);
    await staff.getByLabel('Hvad skal I bruge det til?').fill(purpose);
    await harness.navigateBy(staff, staff.getByRole('button', { name: 'Book tiden' }), { status: 422 });
    assert.match(await staff.locator('#f-date-error').innerText(), /Der er lukket den dag/);
    await harness.visit(staff, '/m/hedensted/facilities/bookings');
    assert.match(await staff.getByRole('row').filter({ hasText: purpose }).innerText(), /Afbestilt/);
    await staff.close();
  });
}

registryTest(h);
