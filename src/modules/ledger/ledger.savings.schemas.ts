// One schema per savings form; messages are i18n keys. Amounts are read in the page's language
// (parseAmount), so the schemas are made per language.
import { z } from 'zod';
import { parseAmount, type AmountLang } from './ledger.money.js';
import { checkSplit, daysInclusive, isIsoDate, parsePercent } from './ledger.savings.js';

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? '';
const str = z.preprocess((v) => String(single(v)), z.string());
const text = (min: number, max: number, error: string) => z.preprocess(single, z.string().trim().min(min, { error }).max(max, { error }));
const id = (error: string) => z.preprocess((v) => String(single(v)).trim(), z.string().regex(/^[1-9]\d{0,8}$/, { error }).transform(Number));
const optionalId = (error: string) => z.preprocess((v) => String(single(v)).trim(), z.string().regex(/^(|[1-9]\d{0,8})$/, { error }).transform((s) => (s === '' ? null : Number(s))));
const date = z.preprocess((v) => String(single(v)).trim(), z.string().refine(isIsoDate, { error: 'ledger.savings.error.date' }));

/** An amount in kroner as the language writes it; `positive` refuses zero. */
function amount(lang: AmountLang, positive: boolean) {
  return str.transform((s, ctx) => {
    const r = parseAmount(s, lang);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    if (positive && r.value === 0n) {
      ctx.addIssue({ code: 'custom', message: 'ledger.savings.error.zero' });
      return z.NEVER;
    }
    return r.value;
  });
}

export const SPLIT_ROWS = 3;

export function agreementSchema(lang: AmountLang) {
  return z
    .object({
      initiativeId: id('ledger.savings.error.initiative'),
      title: text(3, 200, 'ledger.savings.error.title'),
      serviceAccountId: optionalId('ledger.savings.error.service'),
      newServiceName: text(0, 200, 'ledger.savings.error.serviceName'),
      newServiceCode: text(0, 40, 'ledger.savings.error.serviceCode'),
      baselineAnnual: amount(lang, true),
      baselineSource: text(3, 500, 'ledger.savings.error.source'),
      proposedAnnual: amount(lang, false),
      startsOn: date,
      endsOn: date,
    })
    .superRefine((v, ctx) => {
      if (v.serviceAccountId === null && v.newServiceName === '') ctx.addIssue({ code: 'custom', path: ['serviceAccountId'], message: 'ledger.savings.error.service' });
      if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'ledger.savings.error.endBeforeStart' });
      else if (daysInclusive(v.startsOn, v.endsOn) > 3661) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'ledger.savings.error.tooLong' });
    });
}

/**
 * The split rows of the agreement form (splitNAccount, splitNPercent): empty rows are skipped; the
 * errors name the field they belong next to.
 */
export function parseSplits(fields: Record<string, string | string[]>, lang: AmountLang): { splits: { accountId: number; shareBp: number }[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const splits: { accountId: number; shareBp: number }[] = [];
  for (let n = 1; n <= SPLIT_ROWS; n++) {
    const account = String(single(fields[`split${n}Account`])).trim();
    const percent = String(single(fields[`split${n}Percent`])).trim();
    if (account === '' && percent === '') continue;
    if (!/^[1-9]\d{0,8}$/.test(account)) {
      errors[`split${n}Account`] = 'ledger.split.account';
      continue;
    }
    const bp = parsePercent(percent, lang);
    if (bp === null) {
      errors[`split${n}Percent`] = 'ledger.split.percent';
      continue;
    }
    splits.push({ accountId: Number(account), shareBp: bp });
  }
  if (Object.keys(errors).length === 0) {
    const problem = checkSplit(splits.map((s) => ({ key: s.accountId, bp: s.shareBp })));
    if (problem) errors[problem === 'ledger.split.empty' ? 'split1Account' : 'split1Percent'] = problem;
  }
  return { splits, errors };
}
export type AgreementForm = z.infer<ReturnType<typeof agreementSchema>>;

export function periodSchema(lang: AmountLang) {
  return z
    .object({
      label: text(1, 60, 'ledger.savings.error.label'),
      startsOn: date,
      endsOn: date,
      actual: amount(lang, false),
      sourceNote: text(0, 500, 'ledger.savings.error.note'),
    })
    .superRefine((v, ctx) => {
      if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'ledger.savings.error.endBeforeStart' });
    });
}
export type PeriodForm = z.infer<ReturnType<typeof periodSchema>>;

export function reinvestSchema(lang: AmountLang) {
  return z
    .object({
      target: z.preprocess(single, z.enum(['initiative', 'pb'], { error: 'ledger.reinvest.error.target' })),
      initiativeId: optionalId('ledger.reinvest.error.initiative'),
      processId: optionalId('ledger.reinvest.error.process'),
      amount: amount(lang, true),
      memo: text(3, 1000, 'ledger.reinvest.error.memo'),
    })
    .superRefine((v, ctx) => {
      if (v.target === 'initiative' && v.initiativeId === null) ctx.addIssue({ code: 'custom', path: ['initiativeId'], message: 'ledger.reinvest.error.initiative' });
      if (v.target === 'pb' && v.processId === null) ctx.addIssue({ code: 'custom', path: ['processId'], message: 'ledger.reinvest.error.process' });
    });
}
export type ReinvestForm = z.infer<ReturnType<typeof reinvestSchema>>;

export function hourRateSchema(lang: AmountLang) {
  return z.object({ rate: amount(lang, false).refine((v) => v <= 100_000_00n, { error: 'ledger.volunteer.error.rate' }) });
}

/** Optional period filter of the savings export (?from=YYYY-MM-DD&to=YYYY-MM-DD). */
export const exportRangeSchema = z.object({
  from: z.preprocess((v) => String(single(v)).trim(), z.string().refine((s) => s === '' || isIsoDate(s), { error: 'ledger.savings.error.date' })).transform((s) => (s === '' ? null : s)),
  to: z.preprocess((v) => String(single(v)).trim(), z.string().refine((s) => s === '' || isIsoDate(s), { error: 'ledger.savings.error.date' })).transform((s) => (s === '' ? null : s)),
});
