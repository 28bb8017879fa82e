// Accounts end to end through the in-process app, with mail going out over SMTP to a real
// (local) SMTP server: register, confirm, sign in, profile, language, sign out, reset password.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../testing/smtp.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { settleAccountMail } from './accounts.mail.js';
import { hashPassword } from './passwords.js';

const BASE = 'https://samskab.example';
let smtp: TestSmtp;
let app: TestApp;
let municipalityId: number;

before(async () => {
  smtp = await startTestSmtp();
  app = await testApp({ smtpUrl: smtp.url, baseUrl: BASE, secureCookies: true });
  municipalityId = await createMunicipality(app.db, 'solby', 'Solby Kommune');
});
after(async () => {
  // Bounded, so a mail stuck in a slow SMTP exchange fails the run instead of hanging it.
  await Promise.race([settleAccountMail(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  await app.close();
  await smtp.close();
});

function linkIn(mail: ReceivedMail, path: string): string {
  const m = new RegExp(`${BASE.replace(/[.]/g, '\\.')}(${path}\\?token=[A-Za-z0-9_-]{43})`).exec(mail.text);
  assert.ok(m?.[1], `no ${path} link in:\n${mail.text}`);
  return m[1];
}

async function userRow(email: string) {
  const r = await sql<{ id: number; display_name: string; email_verified_at: Date | null; password_hash: string | null; preferred_lang: string | null }>`
    select id, display_name, email_verified_at, password_hash, preferred_lang from accounts_users where email = ${email}`.execute(app.db.owner);
  return r.rows[0];
}

async function userCount(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from accounts_users`.execute(app.db.owner);
  return r.rows[0]!.n;
}

function register(client: TestClient, fields: Partial<Record<'name' | 'email' | 'password' | 'municipality' | 'terms', string>>) {
  return client.post('/register', { name: 'Åse Ørsted Bæk', email: 'aase@example.dk', password: 'en lang hemmelig sætning', municipality: String(municipalityId), terms: 'yes', ...fields });
}

/** A page with its per-request parts (CSRF token) blanked, to compare two answers. */
function comparable(html: string): string {
  return html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
}

test('register → mail → confirm → sign in → profile → language → sign out', async () => {
  const client = app.client();
  const form = await client.get('/register');
  assert.equal(form.status, 200);
  assert.match(await form.text(), /Solby Kommune/);

  // A failed form keeps what was typed (but not the password) and says what is wrong, by the field.
  const bad = await register(client, { name: 'Åse Ørsted Bæk', email: 'not-an-email', password: 'kort', terms: '' });
  assert.equal(bad.status, 422);
  const badHtml = await bad.text();
  assert.match(badHtml, /value="Åse Ørsted Bæk"/);
  assert.match(badHtml, /Skriv e-mailadressen i det rigtige format/);
  assert.match(badHtml, /Adgangskoden skal være på mindst 10 tegn/);
  assert.match(badHtml, /Du skal acceptere vilkårene/);
  assert.doesNotMatch(badHtml, /value="kort"/);
  assert.equal(await userCount(), 0);

  const sameAsEmail = await register(client, { password: 'aase@example.dk' });
  assert.equal(sameAsEmail.status, 422);
  assert.match(await sameAsEmail.text(), /må ikke være den samme som din e-mailadresse/);

  const res = await register(client, { email: '  Aase@Example.DK ' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/register/check-email');
  assert.match(await (await client.get('/register/check-email')).text(), /Tjek din e-mail/);

  const mail = await smtp.waitFor((m) => m.to.includes('aase@example.dk'));
  assert.equal(mail.subject, 'Bekræft din e-mailadresse til Samskab');
  assert.match(mail.text, /Hej Åse Ørsted Bæk/);
  const link = linkIn(mail, '/verify-email');
  const stored = await userRow('aase@example.dk');
  assert.ok(stored, 'e-mail stored trimmed and in lower case');
  assert.match(stored.password_hash ?? '', /^\$argon2id\$/);
  assert.equal(stored.email_verified_at, null);

  // Before confirming: a wrong password says only "wrong e-mail or password"; the right one says "not confirmed".
  const wrong = await client.post('/login', { email: 'aase@example.dk', password: 'forkert adgangskode' });
  assert.equal(wrong.status, 422);
  assert.match(await wrong.text(), /E-mailadressen eller adgangskoden er forkert/);
  const unconfirmed = await client.post('/login', { email: 'aase@example.dk', password: 'en lang hemmelig sætning' });
  assert.equal(unconfirmed.status, 403);
  const unconfirmedHtml = await unconfirmed.text();
  assert.match(unconfirmedHtml, /Din e-mailadresse er ikke bekræftet/);
  assert.match(unconfirmedHtml, /action="\/verify-email\/resend"/);
  assert.equal(client.cookie('samskab_session'), undefined);

  // Opening the link (as a mail scanner would) confirms nothing; the button does.
  const confirmPage = await client.get(link);
  assert.equal(confirmPage.status, 200);
  assert.match(await confirmPage.text(), /Bekræft e-mailadresse/);
  assert.equal((await userRow('aase@example.dk'))?.email_verified_at, null);
  const token = new URL(link, BASE).searchParams.get('token')!;
  const confirmed = await client.post('/verify-email', { token }, { formPage: link });
  assert.equal(confirmed.status, 303);
  assert.equal(confirmed.headers.get('location'), '/login');
  assert.notEqual((await userRow('aase@example.dk'))?.email_verified_at, null);
  const again = await client.post('/verify-email', { token }, { formPage: '/login' });
  assert.equal(again.status, 400, 'a confirmation link works once');
  assert.equal((await client.get(link)).status, 400);

  // Signing in starts a new session and a new CSRF cookie; the planted cookie is worthless.
  client.setCookie('samskab_session', 'A'.repeat(43));
  const csrfBefore = client.cookie('samskab_csrf');
  const login = await client.post('/login', { email: 'AASE@example.dk', password: 'en lang hemmelig sætning', next: '/account' });
  assert.equal(login.status, 303);
  assert.equal(login.headers.get('location'), '/account');
  const session = client.cookie('samskab_session');
  assert.match(session ?? '', /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(session, 'A'.repeat(43));
  assert.notEqual(client.cookie('samskab_csrf'), csrfBefore);
  const cookieLine = login.headers.getSetCookie().find((l) => l.startsWith('samskab_session='))!;
  assert.match(cookieLine, /HttpOnly/i);
  assert.match(cookieLine, /SameSite=Lax/i);
  assert.match(cookieLine, /Path=\//i);
  assert.match(cookieLine, /Secure/i, 'https base URL → Secure cookie');

  const account = await client.get('/account');
  assert.equal(account.status, 200);
  const accountHtml = await account.text();
  assert.match(accountHtml, /Åse Ørsted Bæk/);
  assert.match(accountHtml, /Du er nu logget ind/);

  // Profile: a failed save keeps the values; a good one is stored.
  const badProfile = await client.post('/account', { name: '', lang: 'xx', municipality: '', directory: '' });
  assert.equal(badProfile.status, 422);
  const badProfileHtml = await badProfile.text();
  assert.match(badProfileHtml, /Skriv dit navn/);
  assert.match(badProfileHtml, /Vælg et sprog fra listen/);
  const saved = await client.post('/account', { name: 'Åse Bæk', lang: '', municipality: String(municipalityId), directory: 'yes' });
  assert.equal(saved.status, 303);
  assert.match(await (await client.get('/account')).text(), /Åse Bæk/);

  // Language: stored on the account and used from the next page on.
  const lang = await client.post('/account/language', { lang: 'en', next: '/account' }, { formPage: '/account' });
  assert.equal(lang.status, 303);
  assert.equal(lang.headers.get('location'), '/account');
  assert.equal((await userRow('aase@example.dk'))?.preferred_lang, 'en');
  const english = await (await client.get('/account')).text();
  assert.match(english, /<html lang="en"/);
  assert.match(english, /My page/);
  assert.match(english, /The language has been changed/);

  // Signing out ends the session in the database too: replaying the old cookie gets nobody.
  const out = await client.post('/logout', {}, { formPage: '/account' });
  assert.equal(out.status, 303);
  assert.equal(client.cookie('samskab_session'), undefined);
  const afterOut = await client.get('/account');
  assert.equal(afterOut.status, 303);
  assert.equal(afterOut.headers.get('location'), '/login?next=%2Faccount');
  const replay = app.client();
  replay.setCookie('samskab_session', session!);
  const replayed = await replay.get('/account');
  assert.equal(replayed.status, 303);
  assert.match(replayed.headers.getSetCookie().join('\n'), /samskab_session=;/, 'the dead cookie is cleared');
});

test('registering with an address that has an account reveals nothing, and tells the owner by mail', async () => {
  const owner = await createPerson(app.db, { email: 'karen@example.dk', name: 'Karen Lund', lang: 'en' });
  const before = await userCount();
  const attacker = app.client();
  const known = await register(attacker, { email: 'karen@example.dk', name: 'Ikke Karen' });
  const fresh = await register(attacker, { email: 'helt.ny@example.dk', name: 'Helt Ny' });
  assert.equal(known.status, 303);
  assert.equal(known.headers.get('location'), fresh.headers.get('location'));
  assert.equal(comparable(await (await attacker.get('/register/check-email')).text()), comparable(await (await app.client().get('/register/check-email')).text()));
  assert.equal(await userCount(), before + 1, 'only the new address got an account');
  const stored = await userRow('karen@example.dk');
  assert.equal(stored?.display_name, 'Karen Lund', 'the existing account is untouched');
  assert.equal(stored?.password_hash, null);

  // The owner hears about it, in the language they chose.
  const notice = await smtp.waitFor((m) => m.to.includes('karen@example.dk'));
  assert.equal(notice.subject, 'Someone tried to create an account with your email address');
  assert.match(notice.text, /Hello Karen Lund/);
  assert.match(notice.text, new RegExp(`${BASE}/forgot-password`));
  assert.doesNotMatch(notice.text, /token=/);
  await smtp.waitFor((m) => m.to.includes('helt.ny@example.dk'));
  assert.equal(owner.id, stored?.id);
});

test('forgotten password: same answer for any address; one-time link; all sessions end', async () => {
  const person = await createPerson(app.db, { email: 'jens@example.dk', name: 'Jens Madsen' });
  const client = app.client();
  const loginPage = '/login';

  const unknown = await client.post('/forgot-password', { email: 'findes.ikke@example.dk' });
  const known = await client.post('/forgot-password', { email: 'Jens@Example.dk' });
  assert.equal(unknown.status, 303);
  assert.equal(known.status, 303);
  assert.equal(unknown.headers.get('location'), known.headers.get('location'));
  const flash = (r: Response) => r.headers.getSetCookie().find((l) => l.startsWith('samskab_flash='))?.split(';')[0];
  assert.equal(flash(unknown), flash(known));

  const mail = await smtp.waitFor((m) => m.to.includes('jens@example.dk'));
  assert.equal(mail.subject, 'Vælg en ny adgangskode til Samskab');
  const link = linkIn(mail, '/reset-password');
  const token = new URL(link, BASE).searchParams.get('token')!;
  assert.equal((await client.get(link)).status, 200);

  // A rejected password leaves the link usable.
  const short = await client.post('/reset-password', { token, password: 'kort' }, { formPage: link });
  assert.equal(short.status, 422);
  assert.match(await short.text(), /mindst 10 tegn/);
  const isEmail = await client.post('/reset-password', { token, password: 'jens@example.dk' }, { formPage: link });
  assert.equal(isEmail.status, 422);
  assert.match(await isEmail.text(), /må ikke være den samme som din e-mailadresse/);

  // The person's existing session works until the reset, and not after.
  const signedIn = app.client();
  signedIn.setCookie('samskab_session', person.sessionToken);
  assert.equal((await signedIn.get('/account')).status, 200);
  const done = await client.post('/reset-password', { token, password: 'nyt og langt kodeord' }, { formPage: link });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), '/login');
  assert.equal((await signedIn.get('/account')).status, 303);
  const left = await sql<{ n: number }>`select count(*)::int as n from accounts_sessions where user_id = ${person.id}`.execute(app.db.owner);
  assert.equal(left.rows[0]?.n, 0);

  const reuse = await client.post('/reset-password', { token, password: 'et helt tredje kodeord' }, { formPage: loginPage });
  assert.equal(reuse.status, 400, 'a reset link works once');
  assert.equal((await client.get(link)).status, 400);

  const login = await client.post('/login', { email: 'jens@example.dk', password: 'nyt og langt kodeord' });
  assert.equal(login.status, 303);
  const forged = await client.post('/reset-password', { token: 'A'.repeat(43), password: 'nyt og langt kodeord' }, { formPage: '/forgot-password' });
  assert.equal(forged.status, 400);

  await settleAccountMail();
  assert.equal(smtp.to('findes.ikke@example.dk').length, 0, 'no mail for an unknown address');
});

test('too many sign-in attempts get a 429, the same for a known and an unknown address', async () => {
  await createPerson(app.db, { email: 'ole@example.dk' });
  const client = app.client();
  const attempt = (email: string) => client.post('/login', { email, password: 'forkert adgangskode' }, { formPage: '/login' });
  for (let i = 0; i < 10; i++) assert.equal((await attempt('ole@example.dk')).status, 422, `attempt ${i + 1}`);
  const limited = await attempt('ole@example.dk');
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '900');
  const limitedHtml = await limited.text();
  assert.match(limitedHtml, /Der har været for mange forsøg på at logge ind/);

  for (let i = 0; i < 10; i++) await attempt('ingen@example.dk');
  const unknownLimited = await attempt('ingen@example.dk');
  assert.equal(unknownLimited.status, 429);
  assert.equal(comparable(await unknownLimited.text()), comparable(limitedHtml));

  // Even the right password is refused while limited, so guessing cannot continue.
  const right = await client.post('/login', { email: 'ole@example.dk', password: 'anything-at-all' }, { formPage: '/login' });
  assert.equal(right.status, 429);

  const forgot = (email: string) => client.post('/forgot-password', { email }, { formPage: '/forgot-password' });
  for (let i = 0; i < 5; i++) assert.equal((await forgot('ole@example.dk')).status, 303);
  const forgotLimited = await forgot('ole@example.dk');
  assert.equal(forgotLimited.status, 429);
  assert.match(await forgotLimited.text(), /bedt om for mange nye adgangskoder/);
});

test('resending the confirmation link says the same for any address', async () => {
  const client = app.client();
  const res1 = await client.post('/verify-email/resend', { email: 'aldrig.set@example.dk' }, { formPage: '/register/check-email' });
  const res2 = await client.post('/verify-email/resend', { email: 'helt.ny@example.dk' }, { formPage: '/register/check-email' });
  assert.equal(res1.status, 303);
  assert.equal(res1.headers.get('location'), res2.headers.get('location'));
  const fresh = await smtp.waitFor((m) => m.to.includes('helt.ny@example.dk') && smtp.to('helt.ny@example.dk').indexOf(m) === 1);
  linkIn(fresh, '/verify-email');
  const bad = await client.post('/verify-email/resend', { email: 'ikke en adresse' }, { formPage: '/verify-email/resend' });
  assert.equal(bad.status, 422);
});

test('?next= after sign-in only ever leads to a page on this site', async () => {
  const person = await createPerson(app.db, { email: 'bo@example.dk', name: 'Bo Skovgaard' });
  const hash = await hashPassword('bos lange kodeord');
  await sql`update accounts_users set password_hash = ${hash} where id = ${person.id}`.execute(app.db.owner);
  const cases: [string, string][] = [
    ['/account?tab=1', '/account?tab=1'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example/', '/'],
    ['/\t/evil.example/', '/'],
  ];
  for (const [next, expected] of cases) {
    const client = app.client();
    const login = await client.post('/login', { email: 'bo@example.dk', password: 'bos lange kodeord', next }, { formPage: '/login' });
    assert.equal(login.status, 303, JSON.stringify(next));
    assert.equal(login.headers.get('location'), expected, JSON.stringify(next));
  }
  const page = await app.client().get('/login?next=%2F%2Fevil.example');
  assert.doesNotMatch(await page.text(), /name="next"/, 'an unsafe next is not carried into the form');
});
