import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { Catalog, negotiateLang } from '../i18n/i18n.js';
import { viewTexts } from '../views/views.texts.js';
import type { AppEnv, RequestState } from './context.js';
import { apiError, apiErrorSchema, apiGet, openApiRegistry, registerOpenApiDocument } from './api.js';

const catalog = new Catalog().add(viewTexts).add({ da: { 'test.gone': 'Tingen findes ikke.' }, en: { 'test.gone': 'The thing does not exist.' } });
const Thing = z.object({ id: z.number().int(), name: z.string() });

function app() {
  const a = new Hono<AppEnv>();
  // The real app negotiates the language the same way; a cookie is set on every request, as the CSRF cookie is.
  a.use('*', async (c, next) => {
    const lang = negotiateLang({ query: c.req.query('lang'), acceptLanguage: c.req.header('accept-language') });
    c.set('state', { lang, i18n: catalog.i18n(lang), actor: null, csrfToken: '', form: null, flash: null } as RequestState);
    setCookie(c, 'samskab_csrf', 'x');
    await next();
  });
  registerOpenApiDocument(a);
  apiGet(a, { path: '/things/:id', summary: 'One thing', params: z.object({ id: z.string().regex(/^\d+$/) }), response: Thing, errors: [404], publicMaxAge: 60 }, async (c, { params }) => {
    if (params.id === '7') return { id: 7, name: 'Seven', secret: 'never sent' } as z.input<typeof Thing>;
    return apiError(c, 404, 'test.gone');
  });
  apiGet(a, { path: '/private', summary: 'Private', response: Thing }, async () => ({ id: 1, name: 'Mine' }));
  apiGet(a, { path: '/broken', summary: 'Broken', response: Thing }, async () => ({ id: 'x' }) as never);
  return a;
}

test('answers with JSON shaped by the schema: undeclared fields are dropped', async () => {
  const res = await app().request('/api/v1/things/7');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  assert.deepEqual(await res.json(), { id: 7, name: 'Seven' });
});

test('public answers may be cached briefly and carry no cookie', async () => {
  const res = await app().request('/api/v1/things/7');
  assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
  assert.equal(res.headers.get('set-cookie'), null);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  const priv = await app().request('/api/v1/private');
  assert.equal(priv.headers.get('cache-control'), 'no-store');
});

test('errors are {error:{status,message}} in the language asked for, never cached', async () => {
  const da = await app().request('/api/v1/things/8');
  assert.equal(da.status, 404);
  assert.equal(da.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await da.json(), { error: { status: 404, message: 'Tingen findes ikke.' } });
  const en = await app().request('/api/v1/things/8', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  assert.deepEqual(apiErrorSchema.parse(await en.json()), { error: { status: 404, message: 'The thing does not exist.' } });
  const query = await app().request('/api/v1/things/8?lang=en', { headers: { 'accept-language': 'da' } });
  assert.equal(((await query.json()) as { error: { message: string } }).error.message, 'The thing does not exist.');
});

test('parameters that do not fit their schema are a 400', async () => {
  const res = await app().request('/api/v1/things/abc?lang=en');
  assert.equal(res.status, 400);
  assert.equal(((await res.json()) as { error: { status: number } }).error.status, 400);
});

test('an answer that does not fit its own schema is a bug, not sent', async () => {
  const a = app();
  a.onError((_e, c) => c.json({ error: { status: 500, message: 'x' } }, 500));
  assert.equal((await a.request('/api/v1/broken')).status, 500);
});

test('openapi.json lists every registered endpoint with 400 for the validated ones', async () => {
  const a = app();
  const res = await a.request('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  const doc = (await res.json()) as any;
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(Object.keys(doc.paths).sort(), ['/api/v1/broken', '/api/v1/private', '/api/v1/things/{id}']);
  assert.deepEqual(Object.keys(doc.paths['/api/v1/things/{id}'].get.responses).sort(), ['200', '400', '404']);
  assert.ok(doc.components.schemas.Error);
  assert.equal(openApiRegistry(a).list().length, 3);
  assert.notEqual(openApiRegistry(a), openApiRegistry(app()), 'each app has its own registry');
});
