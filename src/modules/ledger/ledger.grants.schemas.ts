// One schema per grant form; messages are i18n keys. Amounts are read in the page's language
// (parseAmount), so the schemas that take money are made per language.
import { z } from 'zod';
import { isDate } from '../../core/time/zoned-time.js';
import { parseAmount, type AmountLang } from './ledger.money.js';

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? '';
const text = (min: number, max: number, error: string) =>
  z.preprocess((v) => String(single(v)), z.string().trim().min(min, { error }).max(max, { error: 'ledger.grants.error.tooLong' }));
const optionalText = (max: number) => z.preprocess((v) => String(single(v)), z.string().trim().max(max, { error: 'ledger.grants.error.tooLong' }));
const date = (error: string) => z.preprocess((v) => String(single(v)).trim(), z.string().refine(isDate, { error }));
const id = (error: string) => z.preprocess((v) => String(single(v)).trim(), z.string().regex(/^[1-9]\d{0,8}$/, { error }).transform(Number));
const checked = z.preprocess((v) => String(single(v)), z.string()).transform((s) => s !== '');

/** An amount in kroner as typed ("1.234,50" in Danish), read without rounding; empty is null. */
function optionalAmount(lang: AmountLang) {
  return z.preprocess((v) => String(single(v)).trim(), z.string()).transform((s, ctx): bigint | null => {
    if (s === '') return null;
    const r = parseAmount(s, lang);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    return r.value;
  });
}

/** A required amount; empty is `emptyError`. */
function amount(lang: AmountLang, emptyError: string) {
  return optionalAmount(lang).transform((v, ctx): bigint => {
    if (v === null) {
      ctx.addIssue({ code: 'custom', message: emptyError });
      return z.NEVER;
    }
    return v;
  });
}

/** Whole or decimal percent ("25", "12,5") as basis points. */
const percent = z.preprocess((v) => String(single(v)).trim(), z.string()).transform((s, ctx) => {
  if (s === '') return 0;
  const m = /^(\d{1,2})([.,](\d{1,2}))?$/.exec(s);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'ledger.grants.error.percent' });
    return z.NEVER;
  }
  return Number(m[1]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
});

export function poolFormSchema(lang: AmountLang) {
  return z
    .object({
      name: text(3, 140, 'ledger.grants.error.poolName'),
      description: optionalText(5000),
      maxGrant: amount(lang, 'ledger.grants.error.maxGrant'),
      cofinancingPercent: percent,
      allowGroups: checked,
      allowAssociations: checked,
      allowResidents: checked,
      deadline: date('ledger.grants.error.deadline'),
      fastTrack: optionalAmount(lang),
      reportDueDays: z.preprocess((v) => String(single(v)).trim(), z.string().regex(/^\d{1,3}$/, { error: 'ledger.grants.error.reportDueDays' }).transform(Number).refine((n) => n >= 1 && n <= 730, { error: 'ledger.grants.error.reportDueDays' })),
    })
    .superRefine((v, ctx) => {
      if (v.maxGrant === 0n) ctx.addIssue({ code: 'custom', path: ['maxGrant'], message: 'ledger.grants.error.maxGrant' });
      if (!v.allowGroups && !v.allowAssociations && !v.allowResidents) ctx.addIssue({ code: 'custom', path: ['allowGroups'], message: 'ledger.grants.error.whoMayApply' });
      if (v.fastTrack !== null && v.fastTrack > v.maxGrant) ctx.addIssue({ code: 'custom', path: ['fastTrack'], message: 'ledger.grants.error.fastTrackOverMax' });
    });
}
export type PoolForm = z.infer<ReturnType<typeof poolFormSchema>>;

/** The "who may apply" check on its own, so it is shown even when other fields stop the schema early. */
export function whoMayApplyError(fields: Record<string, string | string[]>): string | null {
  return ['allowGroups', 'allowAssociations', 'allowResidents'].some((k) => String(single(fields[k])) !== '') ? null : 'ledger.grants.error.whoMayApply';
}

export function fundFormSchema(lang: AmountLang) {
  return z
    .object({
      sourceAccountId: id('ledger.grants.error.source'),
      amount: amount(lang, 'ledger.grants.error.amount'),
      memo: text(3, 500, 'ledger.grants.error.memo'),
    })
    .refine((v) => v.amount > 0n, { path: ['amount'], error: 'ledger.grants.error.amount' });
}

export const BUDGET_ROWS = 5;
export const SPENDING_ROWS = 5;

export interface LineInput {
  description: string;
  amountOre: bigint;
}

/**
 * Reads numbered rows (`${prefix}Desc1`, `${prefix}Amount1`, ...) of money lines; wholly empty rows are
 * skipped; a half-filled row or a bad amount is an error on that row's field.
 */
export function readLines(fields: Record<string, string | string[]>, prefix: string, rows: number, lang: AmountLang): { lines: LineInput[]; errors: Record<string, string> } {
  const lines: LineInput[] = [];
  const errors: Record<string, string> = {};
  for (let i = 1; i <= rows; i++) {
    const description = String(single(fields[`${prefix}Desc${i}`])).trim();
    const raw = String(single(fields[`${prefix}Amount${i}`])).trim();
    if (description === '' && raw === '') continue;
    if (description.length < 2 || description.length > 200) {
      errors[`${prefix}Desc${i}`] = 'ledger.grants.error.lineDescription';
      continue;
    }
    const a = parseAmount(raw, lang);
    if (!a.ok) errors[`${prefix}Amount${i}`] = raw === '' ? 'ledger.grants.error.amount' : a.error;
    else if (a.value === 0n) errors[`${prefix}Amount${i}`] = 'ledger.grants.error.amount';
    else lines.push({ description, amountOre: a.value });
  }
  return { lines, errors };
}

export function applyFormSchema(lang: AmountLang) {
  return z.object({
    applicant: z.preprocess((v) => String(single(v)).trim(), z.string().regex(/^(resident|g:[1-9]\d{0,8})$/, { error: 'ledger.grants.error.applicant' })),
    title: text(3, 140, 'ledger.grants.error.title'),
    purpose: text(10, 5000, 'ledger.grants.error.purpose'),
    amountRequested: amount(lang, 'ledger.grants.error.amount'),
    cofinancing: optionalAmount(lang),
  });
}

export const triageFormSchema = z.object({ note: text(2, 2000, 'ledger.grants.error.note') });

export function decideFormSchema(lang: AmountLang) {
  return z
    .object({
      outcome: z.preprocess(single, z.enum(['approve', 'decline'], { error: 'ledger.grants.error.outcome' })),
      decidingBody: text(2, 200, 'ledger.grants.error.decidingBody'),
      decisionDate: date('ledger.grants.error.decisionDate'),
      amountGranted: optionalAmount(lang),
      note: optionalText(2000),
    })
    .superRefine((v, ctx) => {
      if (v.outcome === 'approve' && (v.amountGranted === null || v.amountGranted === 0n)) ctx.addIssue({ code: 'custom', path: ['amountGranted'], message: 'ledger.grants.error.amount' });
    });
}

export const fastTrackFormSchema = z.object({ reason: text(3, 2000, 'ledger.grants.error.reason') });

export function repaymentFormSchema(lang: AmountLang) {
  return z
    .object({ amount: amount(lang, 'ledger.grants.error.amount'), memo: text(3, 500, 'ledger.grants.error.memo') })
    .refine((v) => v.amount > 0n, { path: ['amount'], error: 'ledger.grants.error.amount' });
}

export const reportFormSchema = z.object({ narrative: text(10, 10000, 'ledger.grants.error.narrative') });

export const poolStatusFormSchema = z.object({ status: z.preprocess(single, z.enum(['open', 'closed'], { error: 'ledger.grants.error.status' })) });
