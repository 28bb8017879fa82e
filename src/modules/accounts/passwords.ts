// Password hashing with argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane): about 30–50 ms
// per hash here, slow enough to make offline guessing expensive, fast enough for a sign-in.
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

// @node-rs/argon2 declares Algorithm as a const enum, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const options: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export type PasswordProblem = 'too_short' | 'too_long' | 'same_as_email';

/** What is wrong with a new password, or null. Length counts characters as people see them (code points). */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'same_as_email';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is not a match; it must never turn into a 500 that tells the account apart.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a throwaway hash, so a sign-in for an unknown e-mail (or an account without a
 * password) takes as long as a wrong password for a real one.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('samskab-dummy-password-that-matches-nothing');
  await verifyPassword(await dummyHash, password);
  return false;
}
