// One zod schema per form. Messages are i18n keys, shown next to the fields in the page's language.
import { z } from 'zod';
import { field, type FormFields } from '../../core/http/form.js';
import { municipalRoles, networkRoles } from '../../core/auth/actor.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.js';

/** Pragmatic: one @, something on each side, a dot in the domain, no spaces. Deliverability is proved by the link. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}]/u;

/** Every field a form reads, as one string (the first, if a field was sent twice; '' if missing). */
export function formValues(fields: FormFields, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) out[name] = field(fields, name);
  return out;
}

const codePoints = (s: string) => [...s].length;

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'accounts.error.emailRequired')
  .max(254, 'accounts.error.emailInvalid')
  .regex(EMAIL_PATTERN, 'accounts.error.emailInvalid');

const nameField = z
  .string()
  .trim()
  .min(1, 'accounts.error.nameRequired')
  .refine((v) => codePoints(v) <= 100, 'accounts.error.nameTooLong')
  .refine((v) => !CONTROL_CHARACTERS.test(v), 'accounts.error.nameInvalid');

/** A password being chosen: the same rules as passwordProblem(), less the e-mail check which needs the address. */
const newPasswordField = z
  .string()
  .min(1, 'accounts.error.passwordRequired')
  .refine((v) => v === '' || codePoints(v) >= PASSWORD_MIN_LENGTH, 'accounts.error.passwordTooShort')
  .refine((v) => codePoints(v) <= PASSWORD_MAX_LENGTH, 'accounts.error.passwordTooLong');

const municipalityField = z
  .string()
  .regex(/^(\d{1,9})?$/, 'accounts.error.municipalityInvalid')
  .transform((v) => (v === '' ? null : Number(v)));

const langField = z.enum(['', 'da', 'en'], { error: 'accounts.error.langInvalid' }).transform((v) => (v === '' ? null : v));

const tokenField = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'accounts.error.tokenInvalid');

const nextField = z.string().max(2000).catch('');

export const registerFields = ['name', 'email', 'password', 'municipality', 'terms'] as const;
export const registerSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: newPasswordField,
    municipality: municipalityField,
    terms: z.string().refine((v) => v === 'yes', 'accounts.error.termsRequired'),
  })
  .refine((v) => v.password.trim().toLowerCase() !== v.email, { message: 'accounts.error.passwordIsEmail', path: ['password'] });

export const loginFields = ['email', 'password', 'next'] as const;
export const loginSchema = z.object({
  email: emailField,
  // No length rules here: they would tell old passwords apart. Only a bound on the work argon2 may do.
  password: z.string().min(1, 'accounts.error.passwordRequired').max(1000, 'accounts.error.passwordTooLong'),
  next: nextField,
});

export const emailOnlyFields = ['email'] as const;
export const emailOnlySchema = z.object({ email: emailField });

export const tokenFields = ['token'] as const;
export const tokenSchema = z.object({ token: tokenField });

export const resetFields = ['token', 'password'] as const;
export const resetSchema = z.object({ token: tokenField, password: newPasswordField });

export const changePasswordFields = ['current', 'password'] as const;
export const changePasswordSchema = z.object({
  current: z.string().min(1, 'accounts.error.currentPasswordRequired').max(1000, 'accounts.error.passwordTooLong'),
  password: newPasswordField,
});

export const profileFields = ['name', 'lang', 'municipality', 'directory'] as const;
export const profileSchema = z.object({
  name: nameField,
  lang: langField,
  municipality: municipalityField,
  directory: z.enum(['', 'yes'], { error: 'accounts.error.directoryInvalid' }).transform((v) => v === 'yes'),
});

export const languageFields = ['lang', 'next'] as const;
export const languageSchema = z.object({ lang: langField, next: nextField });

export const staffGrantFields = ['email', 'role'] as const;
export const staffGrantSchema = z.object({
  email: emailField,
  role: z.enum(municipalRoles, { error: 'accounts.error.roleInvalid' }),
});

export const staffRevokeFields = ['userId', 'role'] as const;
export const staffRevokeSchema = z.object({
  userId: z.string().regex(/^\d{1,15}$/, 'accounts.error.userInvalid').transform(Number),
  role: z.enum(municipalRoles, { error: 'accounts.error.roleInvalid' }),
});

export const networkGrantFields = ['email', 'role'] as const;
export const networkGrantSchema = z.object({
  email: emailField,
  role: z.enum(networkRoles, { error: 'accounts.error.roleInvalid' }),
});

export const networkRevokeFields = ['userId'] as const;
export const networkRevokeSchema = z.object({
  userId: z.string().regex(/^\d{1,15}$/, 'accounts.error.userInvalid').transform(Number),
});
