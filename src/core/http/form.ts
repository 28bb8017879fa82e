// Reading and validating form posts. One zod schema per form; its messages are i18n keys, so the same
// schema gives Danish or English errors next to each field and the same errors in the JSON API.
import type { z } from 'zod';

export class BadRequest extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly reason: 'malformed' | 'too_large' | 'invalid_utf8' | 'unsupported_type',
  ) {
    super(reason);
  }
}

export type FormFields = Record<string, string | string[]>;

/**
 * Parses application/x-www-form-urlencoded strictly: a percent-escape that is not valid UTF-8 is a 400,
 * where URLSearchParams would silently turn it into U+FFFD and store garbage.
 */
export function parseUrlEncoded(body: string): FormFields {
  const fields: FormFields = {};
  if (body === '') return fields;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      throw new BadRequest(400, 'invalid_utf8');
    }
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new BadRequest(400, 'malformed');
    const existing = fields[key];
    if (existing === undefined) fields[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else fields[key] = [existing, value];
  }
  return fields;
}

/** Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them. */
export function decodeUtf8Strict(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BadRequest(400, 'invalid_utf8');
  }
}

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: FormFields };

/** Validates fields with a schema; errors map each field to its first message key. */
export function validateForm<S extends z.ZodType>(schema: S, fields: FormFields): FormResult<z.infer<S>> {
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (!(field in errors)) errors[field] = issue.message;
  }
  return { ok: false, errors, values: fields };
}

/** The single string value of a field (the first, if it was sent twice). */
export function field(fields: FormFields, name: string): string {
  const v = fields[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}
