// The accounts journey in a real browser, once with JavaScript and once without: register, read the
// confirmation mail from a real SMTP server, confirm, sign in, see the profile, switch to English,
// sign out. Plus a wrong password, whose error must sit by the field. axe checks every page on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { createPerson } from '../../src/testing/actors.js';
import { linkInMail, registryTest, useHarness, type Harness } from './harness.js';

// Municipalities for the register form, demo people for the wrong-password check.
const h = useHarness({ seed: ['municipalities', 'accounts'] });
const PASSWORD = 'en lang hemmelig sætning';

async function htmlLang(page: Page): Promise<{ lang: string | null; dir: string | null }> {
  return page.evaluate(() => ({ lang: document.documentElement.getAttribute('lang'), dir: document.documentElement.getAttribute('dir') }));
}

async function register(harness: Harness, page: Page, name: string, email: string): Promise<void> {
  await harness.visit(page, '/register');
  assert.equal((await htmlLang(page)).lang, 'da');
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByLabel('E-mailadresse', { exact: true }).fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await page.getByLabel(/^Hjemkommune/).selectOption({ label: 'Hedensted Kommune' });
  await page.getByLabel('Jeg accepterer vilkårene for at bruge Samskab').check();
  await harness.navigateBy(page, page.getByRole('button', { name: 'Opret bruger' }), { status: 200 });
  assert.equal(new URL(page.url()).pathname, '/register/check-email');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /Tjek din e-mail/ }).waitFor({ timeout: 2000 }));
}

async function confirmFromMail(harness: Harness, page: Page, email: string): Promise<void> {
  const mail = await harness.smtp.waitFor((m) => m.to.includes(email), 10_000);
  assert.match(mail.subject, /Bekræft/);
  const link = linkInMail(mail, harness.baseUrl, '/verify-email?token=');
  await harness.visit(page, link, { status: 200 });
  await harness.navigateBy(page, page.getByRole('button', { name: 'Bekræft e-mailadresse' }), { status: 200 });
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.match(await page.locator('main').innerText(), /Din e-mailadresse er bekræftet/);
}

async function signIn(harness: Harness, page: Page, email: string, name: string): Promise<void> {
  await page.getByLabel('E-mailadresse', { exact: true }).fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await harness.navigateBy(page, page.getByRole('main').getByRole('button', { name: 'Log ind' }), { status: 200 });
  assert.match(await page.locator('main').innerText(), /Du er nu logget ind/);
  // The signed-in header links to the profile with the person's name.
  const profileLink = page.getByRole('banner').getByRole('link', { name: new RegExp(name) });
  await harness.navigateBy(page, profileLink, { status: 200 });
  assert.equal(new URL(page.url()).pathname, '/account');
  assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), name);
  assert.match(await page.locator('main').innerText(), new RegExp(email.replace(/[.+]/g, '\\$&')));
}

async function signOutInEnglish(harness: Harness, page: Page): Promise<void> {
  await harness.navigateBy(page, page.getByRole('banner').getByRole('button', { name: 'Sign out' }), { status: 200 });
  const banner = page.getByRole('banner');
  assert.equal(await banner.getByRole('button', { name: /Sign out|Log af/ }).count(), 0, 'no sign-out button once signed out');
  assert.equal(await banner.locator('a[href="/account"]').count(), 0, 'no profile link once signed out');
  assert.ok(await banner.locator('a[href="/login"]').isVisible(), 'the sign-in link is visible');
  assert.ok(await banner.locator('a[href="/register"]').isVisible(), 'the register link is visible');
}

for (const js of [true, false]) {
  const mode = js ? 'JS on' : 'JS off';

  test(`register → confirm by mail → sign in → profile → English → sign out (${mode})`, async (t) => {
    const harness = h();
    const page = await harness.page(t, { js });
    const email = `journey-${js ? 'js' : 'nojs'}-${crypto.randomBytes(3).toString('hex')}@example.dk`;
    const name = js ? 'Åse Ørsted Bæk' : 'Ølse Ærø-Åby';

    await register(harness, page, name, email);
    await confirmFromMail(harness, page, email);
    await signIn(harness, page, email, name);

    if (js) {
      // The layout's language switch: a link that keeps the visitor on the same page.
      await harness.navigateBy(page, page.getByRole('banner').getByRole('button', { name: 'English' }), { status: 200 });
      assert.equal(new URL(page.url()).pathname, '/account');
    } else {
      // The profile's language choice, stored with the account.
      await page.getByRole('radio', { name: 'English (engelsk)' }).check();
      await harness.navigateBy(page, page.getByRole('button', { name: 'Gem ændringer' }), { status: 200 });
      assert.match(await page.locator('main').innerText(), /Your changes have been saved/);
    }
    assert.deepEqual(await htmlLang(page), { lang: 'en', dir: 'ltr' });
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'My page' }).waitFor({ timeout: 2000 }));
    assert.ok(await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).isVisible());

    await signOutInEnglish(harness, page);
    assert.match(await page.locator('main').innerText(), /You are now signed out|Du er nu logget af/);
    await page.close();
  });

  test(`a wrong password shows the error by the field, with status 422 (${mode})`, async (t) => {
    const harness = h();
    const page = await harness.page(t, { js });
    await harness.visit(page, '/login');
    // A demo person from the seed: the account exists, only the password is wrong.
    await page.getByLabel('E-mailadresse', { exact: true }).fill('borger1@hedensted.samskab.dk');
    await page.getByLabel('Adgangskode', { exact: true }).fill('forkert adgangskode');
    await harness.navigateBy(page, page.getByRole('main').getByRole('button', { name: 'Log ind' }), { status: 422 });

    const email = page.getByLabel('E-mailadresse', { exact: true });
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy, 'the e-mail field points at its error');
    const error = page.locator(`[id="${describedBy.split(' ').at(-1)}"]`);
    assert.match(await error.innerText(), /E-mailadressen eller adgangskoden er forkert/);
    // The message sits in the field's own form group, not only in the summary at the top.
    assert.equal(await page.locator('.form-group.form-error').filter({ has: email }).locator('.form-error-message').count(), 1);
    assert.match(await page.locator('.app-error-summary').innerText(), /E-mailadressen eller adgangskoden er forkert/);
    assert.equal(await page.getByLabel('Adgangskode', { exact: true }).inputValue(), '', 'the password is never sent back');
    assert.equal(await email.inputValue(), 'borger1@hedensted.samskab.dk');
    if (js) {
      // app.js moves focus to the error summary so a screen reader announces it first.
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('app-error-summary') ?? false), true);
    }
    await page.close();
  });
}

// Someone who saved English on their profile and then uses the header's "Dansk" button must get Danish:
// the switch is on every page and is the only language control most people will ever see.
test('the header language switch works for a signed-in person with a saved language (JS off)', async (t) => {
  const harness = h();
  const person = await createPerson(harness.db, { name: 'Saved English', lang: 'en' });
  const page = await harness.page(t, { js: false });
  await page.context().addCookies([{ name: 'samskab_session', value: person.sessionToken, url: harness.baseUrl }]);
  await harness.visit(page, '/account');
  assert.equal((await htmlLang(page)).lang, 'en');
  await harness.navigateBy(page, page.getByRole('banner').getByRole('button', { name: 'Dansk' }));
  assert.equal((await htmlLang(page)).lang, 'da', 'after choosing Dansk in the header the page is in Danish');
  await page.close();
});

registryTest(h);
