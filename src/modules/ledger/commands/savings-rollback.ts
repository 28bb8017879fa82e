// A command that finds, half-way through its transaction, that it must refuse (e.g. a pot would be
// overdrawn after an account was created) throws this to roll everything back, and returns the result.
import type { Err } from '../../../core/errors/result.js';

export class Refusal<E extends string, D> extends Error {
  constructor(readonly result: Err<E, D>) {
    super(result.error);
  }
}

/** Runs `fn`; a Refusal thrown inside becomes its result after the transaction has rolled back. */
export async function refusing<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Refusal) return error.result as T;
    throw error;
  }
}
