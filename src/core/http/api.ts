// The JSON API under /api/v1: one call declares an endpoint and its OpenAPI description from the same
// zod schemas. Responses are parsed through their schema before they leave, so a field the schema does
// not name (an internal id, a private column) never reaches a client. Errors are
// {"error":{"status","message"}} with the message in the request's language (?lang=, then Accept-Language).
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { MessageValues } from '../i18n/i18n.js';
import { state, type AppContext, type AppEnv } from './context.js';
import { OpenApiRegistry, type OperationSpec } from './openapi.js';

export const API_PREFIX = '/api/v1';

export const apiErrorSchema = z
  .object({
    error: z.object({
      status: z.number().int().describe('The HTTP status, repeated for clients that only see the body.'),
      message: z.string().describe('What went wrong, in the language asked for with ?lang= or Accept-Language.'),
    }),
  })
  .describe('Every error answer has this shape.');
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export type ApiErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 422 | 429 | 500;

/** An error answer. `messageKey` is an i18n key; without it the status's own title is used. */
export function apiError(c: Context<AppEnv>, status: ApiErrorStatus, messageKey?: string, values?: MessageValues): Response {
  const body: ApiErrorBody = { error: { status, message: state(c).i18n.t(messageKey ?? `core.error.${status}.title`, values) } };
  const res = c.json(body, status);
  res.headers.set('Cache-Control', 'no-store');
  res.headers.set('Vary', 'Accept-Language, Cookie');
  return res;
}

export interface ApiJsonOptions {
  status?: ContentfulStatusCode;
  /**
   * Seconds a shared cache may keep the answer. Only for data anyone may read: the answer then carries
   * no cookie, so a cache can never hand one visitor's cookie to another. Omitted: not cached at all.
   */
  publicMaxAge?: number;
}

/** A JSON answer, parsed through `schema` first (which also drops every field it does not declare). */
export function apiJson<S extends z.ZodType>(c: AppContext, schema: S, data: z.input<S>, options: ApiJsonOptions = {}): Response {
  const body = schema.parse(data);
  const res = c.json(body as never, options.status ?? 200);
  if (options.publicMaxAge !== undefined) {
    res.headers.delete('Set-Cookie');
    res.headers.set('Cache-Control', `public, max-age=${options.publicMaxAge}`);
    // Open data: any site may read it from a browser.
    res.headers.set('Access-Control-Allow-Origin', '*');
  } else {
    res.headers.set('Cache-Control', 'no-store');
  }
  return res;
}

const registries = new WeakMap<object, OpenApiRegistry>();

/** The OpenAPI registry of one application; each app built (one per test, say) has its own. */
export function openApiRegistry(app: Hono<AppEnv>): OpenApiRegistry {
  let registry = registries.get(app);
  if (!registry) {
    registry = new OpenApiRegistry({ errorSchema: { name: 'Error', schema: apiErrorSchema } });
    registries.set(app, registry);
  }
  return registry;
}

export interface ApiGetSpec<P extends z.ZodObject | undefined, Q extends z.ZodObject | undefined, R extends z.ZodType>
  extends Omit<OperationSpec, 'method' | 'path' | 'params' | 'query' | 'response'> {
  /** Below /api/v1, in Hono's syntax: '/municipalities/:slug'. */
  path: string;
  params?: P;
  query?: Q;
  response: R;
  /** Seconds a shared cache may keep a successful answer; omit for answers that must not be cached. */
  publicMaxAge?: number;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

/**
 * Declares GET /api/v1<path>: registers it in the OpenAPI document and adds the route. Path and query
 * parameters are validated by their schemas (400 when they do not fit); the handler returns the data
 * or, for an expected failure, a Response made with `apiError`.
 */
export function apiGet<R extends z.ZodType, P extends z.ZodObject | undefined = undefined, Q extends z.ZodObject | undefined = undefined>(
  app: Hono<AppEnv>,
  spec: ApiGetSpec<P, Q, R>,
  handler: (c: AppContext, input: { params: Infer<P>; query: Infer<Q> }) => Promise<z.input<R> | Response>,
): void {
  const { publicMaxAge, ...operation } = spec;
  const fullPath = `${API_PREFIX}${spec.path}`;
  const errors = new Set(operation.errors ?? []);
  if (spec.params || spec.query) errors.add(400);
  openApiRegistry(app).register({ ...operation, method: 'get', path: fullPath, errors: [...errors].sort() } as OperationSpec);

  app.get(fullPath, async (c) => {
    let params: unknown = undefined;
    let query: unknown = undefined;
    if (spec.params) {
      const parsed = spec.params.safeParse(c.req.param());
      if (!parsed.success) return apiError(c, 400);
      params = parsed.data;
    }
    if (spec.query) {
      const parsed = spec.query.safeParse(c.req.query());
      if (!parsed.success) return apiError(c, 400);
      query = parsed.data;
    }
    const result = await handler(c, { params, query } as { params: Infer<P>; query: Infer<Q> });
    if (result instanceof Response) return result;
    return apiJson(c, spec.response, result, publicMaxAge === undefined ? {} : { publicMaxAge });
  });
}

export const openApiInfo = {
  title: 'Samskab API',
  version: '1',
  description:
    'Public data of the municipalities on Samskab. Answers are JSON; errors are {"error":{"status","message"}} with the message in Danish or English (?lang=da|en or Accept-Language).',
};

/** GET /api/v1/openapi.json: the document for every endpoint registered on this app, whenever it was registered. */
export function registerOpenApiDocument(app: Hono<AppEnv>): void {
  app.get(`${API_PREFIX}/openapi.json`, (c) => {
    const res = c.json(openApiRegistry(app).document(openApiInfo));
    res.headers.delete('Set-Cookie');
    res.headers.set('Cache-Control', 'public, max-age=300');
    res.headers.set('Access-Control-Allow-Origin', '*');
    return res;
  });
}
