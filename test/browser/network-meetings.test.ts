// Network meetings in a real browser, with JavaScript on and off: the network admin creates a meeting
// (a failed form first), a network member takes its only place and downloads the .ics, a second member
// lands on the waitlist, the first cancels and the second moves up with an e-mail. Visitors read the
// seasons, the meetings and the directory, at phone and desktop widths, and never see registrants.
// Every page is checked with axe by the harness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { seedNetworkMeetings } from '../../src/modules/network/network.meetings.seed.js';
import { registryTest, useHarness, type Harness } from './harness.js';

const h = useHarness({ seed: ['municipalities', 'accounts'] });
const PASSWORD = 'samskab-demo';

let seeded: Promise<void> | undefined;
/** The network's demo season and meetings, once per file (the seed is idempotent anyway). */
function harnessWithMeetings(): Promise<Harness> {
  const harness = h();
  seeded ??= seedNetworkMeetings(harness.deps, () => {});
  return seeded.then(() => harness);
}

/** Tabs of one browser context share cookies: start each sign-in as a stranger. */
async function signIn(harness: Harness, page: Page, email: string): Promise<void> {
  // A tab in the background may not paint (so no screenshot) while another has the focus.
  await page.bringToFront();
  await page.context().clearCookies();
  await harness.visit(page, '/login');
  await page.getByLabel('E-mailadresse', { exact: true }).fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await harness.navigateBy(page, page.locator('main button[type="submit"]').first());
}

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

for (const js of [false, true]) {
  const mode = js ? 'JS on' : 'JS off';
  test(`the admin creates a meeting; members register, wait, cancel and move up; .ics (${mode})`, async (t) => {
    const harness = await harnessWithMeetings();
    const title = `Netværksmøde om lokalbusser (${mode})`;

    const admin = await harness.page(t, { js, width: 1280 });
    await signIn(harness, admin, 'netvaerk@samskab.dk');
    await harness.visit(admin, '/network/meetings');
    await harness.navigateBy(admin, admin.getByRole('link', { name: 'Nyt møde' }));
    await admin.getByLabel('Værtskommune', { exact: false }).selectOption({ label: 'Odder Kommune' });
    await admin.getByLabel('Dato', { exact: true }).fill(inDays(js ? 30 : 31));
    await admin.getByLabel('Sted', { exact: true }).fill('Odder Rådhus');
    await admin.getByLabel('Antal pladser', { exact: true }).fill('1');
    // No title: the form comes back with the error by the field and the values kept.
    await harness.navigateBy(admin, admin.getByRole('button', { name: 'Opret møde' }), { status: 422 });
    assert.ok(await admin.getByText('Skriv en titel på 3 til 200 tegn').first().isVisible());
    assert.equal(await admin.getByLabel('Sted', { exact: true }).inputValue(), 'Odder Rådhus');
    await admin.getByLabel('Titel', { exact: true }).fill(title);
    await admin.getByLabel('Dagsorden').fill('Velkomst\nBorgernes køreplan');
    await harness.navigateBy(admin, admin.getByRole('button', { name: 'Opret møde' }));
    assert.match(admin.url(), /\/network\/meetings\/\d+$/);
    assert.ok(await admin.getByText('Mødet er oprettet.').isVisible());
    const meetingPath = new URL(admin.url()).pathname;

    // Tabs of one browser share cookies, so each role signs in again before it acts.
    // The first member takes the only place on a phone.
    const first = await harness.page(t, { js, width: 375 });
    await signIn(harness, first, 'netvaerk@odder.samskab.dk');
    await harness.visit(first, meetingPath);
    await harness.navigateBy(first, first.getByRole('button', { name: 'Tilmeld mig' }));
    assert.ok(await first.getByText('Du er tilmeldt mødet.').isVisible());
    const confirmation = await harness.smtp.waitFor((m) => m.to.includes('netvaerk@odder.samskab.dk') && m.subject.includes(title), 10_000);
    assert.match(confirmation.subject, /Du er tilmeldt/);

    // The calendar file the link downloads (fetched with the browser's cookies: a download is no page
    // for axe to check): an attachment with the meeting in UTC.
    const icsHref = await first.getByRole('link', { name: 'Føj til kalender (.ics)' }).getAttribute('href');
    const served = await first.context().request.get(new URL(icsHref!, harness.baseUrl).toString());
    assert.equal(served.status(), 200);
    assert.match(served.headers()['content-type'] ?? '', /^text\/calendar/);
    assert.match(served.headers()['content-disposition'] ?? '', /^attachment; filename="network-meeting-\d+\.ics"$/);
    const ics = await served.text();
    assert.match(ics, /BEGIN:VCALENDAR/);
    assert.match(ics, /DTSTART:\d{8}T(08|09)0000Z/, '10:00 Danish time is 08:00 or 09:00 UTC');
    assert.ok(ics.includes('SUMMARY:Netværksmøde om lokalbusser'));

    // The second member finds it full and joins the waitlist; they do not see who else registered.
    const second = await harness.page(t, { js, width: 1280 });
    await signIn(harness, second, 'leder@lemvig.samskab.dk');
    await harness.visit(second, meetingPath);
    assert.ok(await second.getByText('Mødet er fuldt.', { exact: false }).isVisible());
    await harness.navigateBy(second, second.getByRole('button', { name: 'Skriv mig på ventelisten' }));
    assert.ok(await second.getByText('Du er nummer 1 på ventelisten', { exact: false }).isVisible());
    assert.equal(await second.getByText('Lars Frederiksen').count(), 0);

    // The admin sees both.
    await signIn(harness, admin, 'netvaerk@samskab.dk');
    await harness.visit(admin, meetingPath);
    assert.ok(await admin.getByRole('cell', { name: 'Lars Frederiksen', exact: true }).isVisible());
    assert.ok(await admin.getByRole('cell', { name: 'Thomas Bjerre', exact: true }).isVisible());

    // The first cancels: the second moves up and is told by e-mail.
    await signIn(harness, first, 'netvaerk@odder.samskab.dk');
    await harness.visit(first, meetingPath);
    await harness.navigateBy(first, first.getByRole('button', { name: 'Afmeld mig' }));
    assert.ok(await first.getByText('Du er afmeldt.').isVisible());
    const promoted = await harness.smtp.waitFor((m) => m.to.includes('leder@lemvig.samskab.dk') && m.subject.startsWith('Du har fået en plads') && m.subject.includes(title), 10_000);
    assert.match(promoted.text, /du er nu tilmeldt netværksmødet/);
    await signIn(harness, second, 'leder@lemvig.samskab.dk');
    await harness.visit(second, meetingPath);
    assert.ok(await second.getByText('Du er tilmeldt mødet.').isVisible());
  });

  test(`visitors read seasons, meetings and the directory on phone and desktop, without registrants (${mode})`, async (t) => {
    const harness = await harnessWithMeetings();
    for (const width of [375, 1280]) {
      const p = await harness.page(t, { js, width });
      await harness.visit(p, '/network/seasons');
      await harness.navigateBy(p, p.getByRole('link', { name: /^Sæson \d{4}\/\d{2}$/ }));
      assert.ok(await p.getByRole('heading', { name: 'Hedensted Kommune' }).isVisible());
      assert.equal(await p.getByText('Pia Kragh Andersen').count(), 0, 'visitors see municipalities only');
      await harness.visit(p, '/network/meetings');
      await harness.navigateBy(p, p.getByRole('link', { name: 'Værksted: fælles køkkener og lokaler' }));
      assert.ok(await p.getByText('1 af 4 ledige', { exact: false }).isVisible());
      assert.ok(await p.getByRole('link', { name: 'Log ind for at tilmelde dig' }).isVisible());
      assert.equal(await p.getByText('Henrik Bach Nielsen').count(), 0, 'visitors never see registrants');
      await harness.visit(p, '/network/meetings');
      await harness.navigateBy(p, p.getByRole('link', { name: 'Borgerne planlægger bussen' }));
      assert.ok(await p.getByRole('heading', { name: 'Referat' }).isVisible());
      await harness.visit(p, '/network/members');
      assert.ok(await p.getByRole('heading', { name: 'Odder Kommune' }).isVisible());
    }
    // A member sees the leaders who consented, and how many are not listed.
    const member = await harness.page(t, { js, width: 1280 });
    await signIn(harness, member, 'netvaerk@odder.samskab.dk');
    await harness.visit(member, '/network/members');
    assert.ok(await member.getByText('Pia Kragh Andersen').isVisible());
    assert.ok(await member.getByText('1 leder mere er ikke vist').first().isVisible());
    assert.equal(await member.getByText('Henrik Bach Nielsen').count(), 0, 'no consent, not shown');
    await harness.visit(member, '/network/members?lang=en');
  });
}

test('the network admin edits a season and writes minutes (JS off)', async (t) => {
  const harness = await harnessWithMeetings();
  const admin = await harness.page(t, { js: false, width: 1280 });
  await signIn(harness, admin, 'netvaerk@samskab.dk');
  await harness.visit(admin, '/network/seasons');
  await harness.navigateBy(admin, admin.getByRole('link', { name: /^Sæson \d{4}\/\d{2}$/ }));
  await harness.navigateBy(admin, admin.getByRole('link', { name: 'Redigér sæson, medlemmer og ledere' }));
  assert.ok(await admin.getByRole('heading', { name: 'Ledere' }).isVisible());
  await harness.visit(admin, '/network/meetings');
  await harness.navigateBy(admin, admin.getByRole('link', { name: 'Borgerne planlægger bussen' }));
  await harness.navigateBy(admin, admin.getByRole('link', { name: 'Referat og cases' }));
  await admin.getByRole('textbox', { name: /^Referat/ }).fill('Kort referat: bussen kører.');
  await harness.navigateBy(admin, admin.getByRole('button', { name: 'Gem referat' }));
  assert.ok(await admin.getByText('Kort referat: bussen kører.').isVisible());
  await harness.visit(admin, `${new URL(admin.url()).pathname.replace('/network/meetings/', '/network/admin/meetings/')}/minutes?q=bus`);
});

registryTest(h);
