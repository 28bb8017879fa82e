// Forms of the ledger foundation; messages are i18n keys. Amounts are read with parseAmount in the
// user's language (ledger.money.ts), never by a number schema.
import { z } from 'zod';
import { isDate } from '../../core/time/zoned-time.js';
import { accountKinds } from './ledger.types.js';

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? '';

export const accountFormSchema = z.object({
  kind: z.preprocess(single, z.enum(accountKinds, { error: 'ledger.account.error.kind' })),
  name: z.preprocess(single, z.string().trim().min(1, { error: 'ledger.account.error.name' }).max(200, { error: 'ledger.account.error.name' })),
  code: z.preprocess(single, z.string().trim().max(40, { error: 'ledger.account.error.code' })).transform((s) => (s === '' ? null : s)),
  description: z.preprocess(single, z.string().trim().max(2000, { error: 'ledger.account.error.description' })),
});
export type AccountForm = z.infer<typeof accountFormSchema>;

/** Number of line rows the manual posting form offers (works without JavaScript). */
export const POSTING_ROWS = 4;

export const postingHeadSchema = z.object({
  memo: z.preprocess(single, z.string().trim().min(1, { error: 'ledger.post.error.memo' }).max(1000, { error: 'ledger.post.error.memo' })),
  kind: z.preprocess(single, z.enum(['manual', 'opening'], { error: 'ledger.post.error.kind' })),
});

export const reverseFormSchema = z.object({
  reason: z.preprocess(single, z.string().trim().min(1, { error: 'ledger.reversal.reasonRequired' }).max(1000, { error: 'ledger.reversal.reasonTooLong' })),
});

const optionalDate = z.preprocess(single, z.string().trim().refine((s) => s === '' || isDate(s), { error: 'ledger.tx.filter.error.date' }));

/** The period filter of the transactions list and the export: dates in the municipality's time zone, both inclusive. */
export const periodSchema = z
  .object({
    from: optionalDate,
    to: optionalDate,
    account: z.preprocess(single, z.string().trim().regex(/^(|[1-9]\d{0,8})$/, { error: 'ledger.unknownAccount' })).transform((s) => (s === '' ? null : Number(s))),
    page: z.preprocess(single, z.string().trim().regex(/^(|[1-9]\d{0,5})$/)).transform((s) => (s === '' ? 1 : Number(s))),
  })
  .superRefine((v, ctx) => {
    if (v.from !== '' && v.to !== '' && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'ledger.tx.filter.error.order' });
  });
