// One schema per form; messages are i18n keys, so errors show next to each field in the page's language.
import { z } from 'zod';
import { states } from './initiatives.lifecycle.js';
import { askKinds, askStatuses, partnerKinds, reportReasons } from './initiatives.types.js';
import { listSorts } from './initiatives.queries.js';

const text = (min: number, max: number, key: string) =>
  z.string({ message: `initiatives.form.${key}.required` }).trim().min(min, `initiatives.form.${key}.${min <= 1 ? 'required' : 'tooShort'}`).max(max, `initiatives.form.${key}.tooLong`);
const optionalText = (max: number, key: string) => z.string().trim().max(max, `initiatives.form.${key}.tooLong`).default('');
const lang = z.enum(['da', 'en'], { message: 'initiatives.form.lang.invalid' });
const optionalId = (key: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, `initiatives.form.${key}.invalid`)
    .default('')
    .transform((v) => (v === '' ? null : Number(v)));
/** A hidden uuid that makes a form sent twice count once; a missing or odd one just turns that off. */
const formKey = z
  .string()
  .default('')
  .transform((v) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ? v.toLowerCase() : null));
/** Kroner as people write them ("25.000", "25000", "1 500,50") to øre. */
export const kroner = z
  .string()
  .trim()
  .default('')
  .transform((v, ctx) => {
    if (v === '') return null;
    const cleaned = v.replace(/[\s.]/g, '').replace(',', '.');
    if (!/^\d{1,10}(\.\d{1,2})?$/.test(cleaned)) {
      ctx.addIssue({ code: 'custom', message: 'initiatives.form.amount.invalid' });
      return z.NEVER;
    }
    return Math.round(Number(cleaned) * 100);
  });

export const PARTNER_ROWS = 3;

const askShape = Object.fromEntries(askKinds.map((k) => [`ask_${k}`, optionalText(2000, 'ask')])) as Record<`ask_${(typeof askKinds)[number]}`, ReturnType<typeof optionalText>>;
const partnerShape: Record<string, z.ZodType> = {};
for (let i = 1; i <= PARTNER_ROWS; i++) {
  partnerShape[`partner_name_${i}`] = optionalText(120, 'partnerName');
  partnerShape[`partner_kind_${i}`] = z.union([z.enum(partnerKinds), z.literal('')], { message: 'initiatives.form.partnerKind.invalid' }).default('');
  partnerShape[`partner_contribution_${i}`] = optionalText(500, 'partnerContribution');
}

export const proposeSchema = z
  .object({
    title: text(3, 140, 'title'),
    problem: text(10, 10000, 'problem'),
    proposal: text(10, 10000, 'proposal'),
    lang,
    area: optionalId('area'),
    theme: optionalId('theme'),
    group: optionalId('group'),
    ask_money_amount: kroner,
    creation_key: formKey,
    ...askShape,
    ...partnerShape,
  })
  .superRefine((v, ctx) => {
    const values = v as Record<string, unknown>;
    for (let i = 1; i <= PARTNER_ROWS; i++) {
      const name = values[`partner_name_${i}`] as string;
      const kind = values[`partner_kind_${i}`] as string;
      const contribution = values[`partner_contribution_${i}`] as string;
      if ((kind || contribution) && !name) ctx.addIssue({ code: 'custom', path: [`partner_name_${i}`], message: 'initiatives.form.partnerName.required' });
      else if (name && name.length < 2) ctx.addIssue({ code: 'custom', path: [`partner_name_${i}`], message: 'initiatives.form.partnerName.tooShort' });
      if (name && !kind) ctx.addIssue({ code: 'custom', path: [`partner_kind_${i}`], message: 'initiatives.form.partnerKind.required' });
    }
    if (v.ask_money_amount !== null && !v.ask_money) ctx.addIssue({ code: 'custom', path: ['ask_money'], message: 'initiatives.form.ask.moneyDescribe' });
  });
export type ProposeForm = z.infer<typeof proposeSchema>;

/** Correcting the text after proposing: the same rules as the proposal form's text fields. */
export const editTextSchema = z.object({
  title: text(3, 140, 'title'),
  problem: text(10, 10000, 'problem'),
  proposal: text(10, 10000, 'proposal'),
  lang,
  area: optionalId('area'),
  theme: optionalId('theme'),
});

export const stateSchema = z.object({
  to: z.enum(states, { message: 'initiatives.form.to.invalid' }),
  from: z.union([z.enum(states), z.literal('')]).default(''),
  text: optionalText(10000, 'stateText'),
  lang,
});

export const commentSchema = z.object({
  body: text(1, 5000, 'comment'),
  lang,
  parent: optionalId('parent'),
  comment_key: formKey,
});

export const editCommentSchema = z.object({ body: text(1, 5000, 'comment'), lang });

export const reportSchema = z.object({
  reason: z.enum(reportReasons, { message: 'initiatives.form.reason.required' }),
  note: optionalText(1000, 'note'),
});

export const moderateSchema = z.object({ decision: z.enum(['hide', 'keep', 'restore'], { message: 'initiatives.form.invalid' }) });

export const updateSchema = z.object({ body: text(2, 10000, 'update'), lang, event_key: formKey });

const isoDate = (key: string) =>
  z
    .string({ message: `initiatives.form.${key}.required` })
    .trim()
    .min(1, `initiatives.form.${key}.required`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `initiatives.form.date.invalid`)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'initiatives.form.date.invalid');

export const agreementSchema = z
  .object({
    citizens_deliver: text(2, 5000, 'citizensDeliver'),
    municipality_delivers: text(2, 5000, 'municipalityDelivers'),
    lang,
    contact_name: text(2, 120, 'contactName'),
    contact_title: optionalText(120, 'contactTitle'),
    contact_email: z.union([z.literal(''), z.email('initiatives.form.contactEmail.invalid').max(254, 'initiatives.form.contactEmail.invalid')]).default(''),
    term_start: isoDate('termStart'),
    term_end: isoDate('termEnd'),
    review_date: isoDate('reviewDate'),
    change_note: optionalText(1000, 'changeNote'),
    mark_agreed: z.string().optional().transform((v) => v === 'yes'),
  })
  .superRefine((v, ctx) => {
    if (v.term_end < v.term_start) ctx.addIssue({ code: 'custom', path: ['term_end'], message: 'initiatives.form.termEnd.beforeStart' });
    if (v.review_date < v.term_start) ctx.addIssue({ code: 'custom', path: ['review_date'], message: 'initiatives.form.reviewDate.beforeStart' });
  });

export const answerSchema = z.object({
  status: z.enum(askStatuses.filter((s) => s !== 'open') as ['granted', 'partly_granted', 'declined'], { message: 'initiatives.form.answerStatus.required' }),
  answer: text(2, 2000, 'answer'),
  lang,
});

export const partnerSchema = z.object({
  name: text(2, 120, 'partnerName'),
  kind: z.enum(partnerKinds, { message: 'initiatives.form.partnerKind.required' }),
  contribution: optionalText(500, 'partnerContribution'),
  lang,
});

export const askSchema = z
  .object({
    kind: z.enum(askKinds, { message: 'initiatives.form.askKind.required' }),
    description: text(2, 2000, 'askDescription'),
    amount: kroner,
    lang,
  })
  .superRefine((v, ctx) => {
    if (v.amount !== null && v.kind !== 'money') ctx.addIssue({ code: 'custom', path: ['amount'], message: 'initiatives.form.amount.onlyMoney' });
  });

/** The list's filter form (GET). Bad values are ignored rather than refused: it is a search page. */
export const listQuerySchema = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  state: z.enum(states).optional().catch(undefined),
  area: z.coerce.number().int().positive().max(2147483647).optional().catch(undefined),
  theme: z.coerce.number().int().positive().max(2147483647).optional().catch(undefined),
  group: z.coerce.number().int().positive().max(2147483647).optional().catch(undefined),
  sort: z.enum(listSorts).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1).default(1),
});
