// One schema per form. Messages are i18n keys. Money is typed in kroner ("500.000", "1.250,50")
// and becomes integer øre without ever passing through a float.
import { z } from 'zod';
import { BALLOT_KINDS, PROJECT_STATUSES } from './budgeting.types.js';
import { RULE_NAMES } from './tally/rules.js';

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? '';

const text = (max: number, required?: string) => {
  let s = z.string().trim();
  if (required) s = s.min(1, { error: required });
  return z.preprocess(single, s.max(max, { error: 'budgeting.error.tooLong' }));
};

/** "500.000", "500 000", "500000", "1.250,50" → øre; '' → null. */
export function parseKroner(input: string): bigint | null | 'invalid' {
  const s = input.trim().replace(/\s*kr\.?$/i, '').replace(/[\u00a0 ]/g, '');
  if (s === '') return null;
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(s);
  if (!m) return 'invalid';
  return BigInt(m[1]!.replaceAll('.', '')) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

const money = (optional: boolean) =>
  z.preprocess(
    (v) => String(single(v)),
    z.string().transform((s, ctx) => {
      const r = parseKroner(s);
      if (r === 'invalid' || (r === null && !optional)) {
        ctx.addIssue({ code: 'custom', message: 'budgeting.error.amount' });
        return z.NEVER;
      }
      return r;
    }),
  );

const whole = (max: number) =>
  z.preprocess(
    (v) => String(single(v)).trim(),
    z
      .string()
      .regex(/^\d{0,4}$/, { error: 'budgeting.error.number' })
      .transform((s) => (s === '' ? null : Number(s)))
      .refine((n) => n === null || (n >= 0 && n <= max), { error: 'budgeting.error.number' }),
  );

const date = z.preprocess(single, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'budgeting.error.date' }));

export const processFormSchema = z
  .object({
    title: text(200, 'budgeting.error.titleRequired'),
    description: text(5000),
    areaId: z.preprocess(single, z.string().regex(/^\d{0,9}$/).transform((s) => (s === '' ? null : Number(s)))),
    budget: money(false).refine((v) => v !== null && v > 0n, { error: 'budgeting.error.amountPositive' }),
    proposalsFrom: date,
    reviewFrom: date,
    votingFrom: date,
    resultFrom: date,
    implementationFrom: date,
    kind: z.preprocess(single, z.enum(BALLOT_KINDS, { error: 'budgeting.error.kind' })),
    maxChoices: whole(100),
    minSpend: money(true),
    points: whole(1000),
    rule: z.preprocess(single, z.enum(RULE_NAMES, { error: 'budgeting.error.rule' })),
    minAge: whole(120),
  })
  .superRefine((f, ctx) => {
    const order = [f.proposalsFrom, f.reviewFrom, f.votingFrom, f.resultFrom, f.implementationFrom];
    if (order.some((d, i) => i > 0 && d < order[i - 1]!)) ctx.addIssue({ code: 'custom', path: ['implementationFrom'], message: 'budgeting.error.dateOrder' });
    if ((f.kind === 'approval' || f.kind === 'ranked') && !f.maxChoices) ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: 'budgeting.error.maxChoicesRequired' });
    if (f.kind === 'cumulative' && !f.points) ctx.addIssue({ code: 'custom', path: ['points'], message: 'budgeting.error.pointsRequired' });
    if (f.minSpend !== null && f.budget !== null && f.minSpend > f.budget) ctx.addIssue({ code: 'custom', path: ['minSpend'], message: 'budgeting.error.minSpendOverBudget' });
  });

export const projectFormSchema = z.object({
  title: text(200, 'budgeting.error.titleRequired'),
  description: text(5000),
  areaId: z.preprocess(single, z.string().regex(/^\d{0,9}$/).transform((s) => (s === '' ? null : Number(s)))),
});

export const reviewFormSchema = z
  .object({
    status: z.preprocess(single, z.enum(PROJECT_STATUSES, { error: 'budgeting.error.status' })),
    cost: money(true),
    reason: text(1000),
  })
  .superRefine((f, ctx) => {
    if (f.status === 'feasible' && f.cost === null) ctx.addIssue({ code: 'custom', path: ['cost'], message: 'budgeting.error.costRequired' });
    if (f.status === 'rejected' && f.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'budgeting.error.reasonRequired' });
  });
