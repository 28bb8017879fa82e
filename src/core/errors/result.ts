// Expected failures are values, not exceptions (DESIGN §4): commands return ok(value) or err(code).
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E extends string = string, D = undefined> = { readonly ok: false; readonly error: E; readonly detail: D };
export type Result<T, E extends string = string, D = undefined> = Ok<T> | Err<E, D>;

export function ok<T>(value: T): Ok<T>;
export function ok(): Ok<undefined>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

export function err<E extends string>(error: E): Err<E, undefined>;
export function err<E extends string, D>(error: E, detail: D): Err<E, D>;
export function err<E extends string, D>(error: E, detail?: D): Err<E, D | undefined> {
  return { ok: false, error, detail };
}
