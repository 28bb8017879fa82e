import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { Catalog, type Lang } from '../i18n/i18n.js';
import { assetVersion, dkfdsFile, registerAssetRoutes } from './assets.routes.js';
import { Pagination, pageHref, pageWindow } from './components.js';
import { errorStatuses, ErrorPage } from './error-pages.js';
import { Form, TextField, RadioGroup } from './forms.js';
import { Layout, languageHref, renderPage } from './layout.js';
import type { PageContext } from './page-context.js';
import { viewTexts } from './views.texts.js';

const catalog = new Catalog().add(viewTexts);

function page(lang: Lang = 'da', extra: Partial<PageContext> = {}): PageContext {
  return {
    i18n: catalog.i18n(lang),
    csrfToken: 'csrf-token',
    user: null,
    municipality: null,
    currentPath: '/list?theme=x',
    nav: [],
    subnav: [],
    flash: null,
    devOutbox: false,
    assetVersion,
    ...extra,
  };
}

test('a page is a standards-mode document in the page language, with user text escaped', () => {
  const html = renderPage(
    <Layout page={page('en')} title="<script>t</script>">
      <p>{'<script>alert(1)</script>'}</p>
    </Layout>,
  );
  assert.ok(html.startsWith('<!DOCTYPE html><html lang="en" dir="ltr">'));
  assert.ok(html.includes('<title>&lt;script&gt;t&lt;/script&gt; · Samskab</title>'));
  assert.ok(html.includes('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'));
  assert.ok(!html.includes('<script>alert'));
  assert.ok(!/\sstyle=/.test(html), 'no inline styles (CSP)');
  assert.equal(html.match(/<script[\s>]/g)?.length, 1, 'only the external app.js');
});

test('signed in, the header has a sign-out POST form with the CSRF token', () => {
  const user = { id: '1', displayName: 'Ida', email: 'ida@example.dk' };
  const html = renderPage(<Layout page={page('da', { user })} title="x" />);
  assert.match(html, /<form method="post" action="\/logout"[^>]*><input type="hidden" name="_csrf" value="csrf-token"\/>/);
  assert.ok(!html.includes('href="/login"'));
});

test('the language switch keeps other parameters and never leaves the site', () => {
  assert.equal(languageHref('/list?theme=x&lang=da', 'en'), '/list?theme=x&lang=en');
  assert.equal(languageHref('//evil.example/x?a=1', 'en'), '/x?a=1&lang=en');
  assert.ok(languageHref('/\\evil.example', 'da').startsWith('/?'));
});

test('pagination links keep the filter and drop page=1', () => {
  assert.equal(pageHref('/list?theme=x&page=4', 1), '/list?theme=x');
  assert.equal(pageHref('/list?theme=x', 3), '/list?theme=x&page=3');
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(5, 12), [1, null, 4, 5, 6, null, 12]);
  assert.deepEqual(pageWindow(3, 12), [1, 2, 3, 4, null, 12]);
  const html = renderPage(
    <Layout page={page()} title="x">
      <Pagination page={2} totalPages={3} baseUrl="/list?theme=x" />
    </Layout>,
  );
  assert.ok(html.includes('href="/list?theme=x&amp;page=2" class="button current-page" aria-label="Side 2" aria-current="page"'));
});

test('a form with errors: summary links to the fields, fields say "Fejl:" and are described by hint and error', () => {
  const errors = { email: 'Skriv en e-mailadresse', shift: 'Vælg et tidspunkt' };
  const html = renderPage(
    <Layout page={page()} title="x">
      <Form page={page()} action="/signup" errors={errors}>
        <TextField name="email" label="E-mail" hint="Vi sender en bekræftelse" value="ida@" />
        <RadioGroup name="shift" label="Hvornår?" options={[{ value: 'am', label: 'Formiddag' }]} />
      </Form>
    </Layout>,
  );
  assert.ok(html.includes('<input type="hidden" name="_csrf" value="csrf-token"/>'));
  assert.ok(html.includes('href="#f-email"') && html.includes('href="#f-shift"'));
  assert.ok(html.includes('<h2 class="alert-heading">Der er 2 problemer</h2>'));
  assert.match(html, /<input class="form-input" type="text" id="f-email" name="email" value="ida@" aria-describedby="f-email-hint f-email-error" aria-invalid="true"\/>/);
  assert.ok(html.includes('<span class="sr-only">Fejl:</span> Skriv en e-mailadresse'));
  assert.ok(html.includes('<fieldset aria-describedby="f-shift-error">'));
  assert.ok(html.includes('id="f-shift" name="shift" value="am"'));
});

test('a GET form carries no CSRF token', () => {
  const html = String(<Form page={page()} action="/search" method="get" />);
  assert.ok(!html.includes('_csrf'));
});

test('every error status has a title and a text in both languages', () => {
  for (const lang of ['da', 'en'] as const) {
    for (const s of errorStatuses) {
      for (const part of ['title', 'text']) assert.ok(catalog.keys(lang).includes(`core.error.${s}.${part}`), `${lang} ${s} ${part}`);
    }
  }
  const html = renderPage(<ErrorPage page={page('en')} status={503} />);
  assert.ok(html.includes('<h1>Something went wrong on our side</h1>') && html.includes('Error code: 503'));
});

test('assets: content types, caching by version, ETag, and no way out of the DKFDS folder', async () => {
  const app = new Hono();
  registerAssetRoutes(app);
  const css = await app.request(`/assets/app.css?v=${assetVersion}`);
  assert.equal(css.status, 200);
  assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  assert.equal(css.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const again = await app.request('/assets/app.css', { headers: { 'If-None-Match': css.headers.get('etag')! } });
  assert.equal(again.status, 304);
  assert.equal(again.headers.get('cache-control'), 'public, max-age=300');

  const dk = await app.request('/assets/dkfds/css/dkfds.min.css');
  assert.equal(dk.status, 200);
  const font = await app.request('/assets/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Regular.woff2');
  assert.equal(font.headers.get('content-type'), 'font/woff2');

  for (const bad of ['../package.json', '%2e%2e/package.json', 'css/%2e%2e/%2e%2e/package.json', 'css/..%5c..%5cpackage.json', 'scss/dkfds.scss', 'css/']) {
    assert.equal(dkfdsFile(bad), undefined, bad);
    assert.equal((await app.request(`/assets/dkfds/${bad}`)).status, 404, bad);
  }
  assert.equal((await app.request('/assets/dkfds/css/nope.css')).status, 404);
  assert.equal((await app.request('/assets/nope.css')).status, 404);
});
