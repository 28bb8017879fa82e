// One schema per form. Messages are i18n keys. Formats of dates and times are checked by the command
// (with the time zone), so the schema only asks that they are there.
import { z } from 'zod';

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? '';
const trimmed = (v: unknown) => String(single(v)).trim();

export const bookFormSchema = z.object({
  date: z.preprocess(trimmed, z.string().min(1, { error: 'facilities.book.error.dateRequired' })),
  start: z.preprocess(trimmed, z.string().min(1, { error: 'facilities.book.error.startRequired' })),
  end: z.preprocess(trimmed, z.string().min(1, { error: 'facilities.book.error.endRequired' })),
  purpose: z.preprocess(
    trimmed,
    z.string().min(2, { error: 'facilities.book.error.purposeRequired' }).max(200, { error: 'facilities.book.error.purposeTooLong' }),
  ),
  attendees: z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^(-?\d{1,6})?$/, { error: 'facilities.book.error.attendeesNumber' })
      .transform((s) => (s === '' ? null : Number(s)))
      .refine((n) => n === null || n >= 1, { error: 'facilities.book.error.attendeesPositive' }),
  ),
  group: z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^(\d{1,9})?$/, { error: 'facilities.book.error.group' })
      .transform((s) => (s === '' ? null : Number(s))),
  ),
});
export type BookForm = z.infer<typeof bookFormSchema>;

const wholeNumber = (min: number, max: number, keys: { format: string; range: string }) =>
  z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^-?\d{1,6}$/, { error: keys.format })
      .transform(Number)
      .refine((n) => n >= min && n <= max, { error: keys.range }),
  );

const text = (max: number, required?: string) => z.preprocess(trimmed, required ? z.string().min(2, { error: required }).max(max, { error: 'facilities.form.error.tooLong' }) : z.string().max(max, { error: 'facilities.form.error.tooLong' }));
const HHMM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** The new-facility form. Opening hours come as opens_1 … closes_7 (blank = closed that day). */
export const facilityFormSchema = z
  .object({
    name: text(120, 'facilities.form.error.nameRequired'),
    institution: text(120, 'facilities.form.error.institutionRequired'),
    kind: z.preprocess(single, z.enum(['room', 'equipment'], { error: 'facilities.form.error.kind' })),
    address: text(200),
    description: text(5000),
    capacity: wholeNumber(1, 10000, { format: 'facilities.form.error.capacityNumber', range: 'facilities.form.error.capacityPositive' }),
    accessibility: text(2000),
    houseRules: text(5000),
    depositNote: text(1000),
    needsApproval: z.preprocess((v) => single(v) === 'yes', z.boolean()),
    who: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.enum(['residents', 'groups', 'associations'])).min(1, { error: 'facilities.form.error.who' })),
    horizonDays: wholeNumber(1, 730, { format: 'facilities.form.error.daysNumber', range: 'facilities.form.error.daysRange' }),
    priorityHorizonDays: wholeNumber(1, 730, { format: 'facilities.form.error.daysNumber', range: 'facilities.form.error.daysRange' }),
    cancelDeadlineHours: wholeNumber(0, 720, { format: 'facilities.form.error.hoursNumber', range: 'facilities.form.error.hoursRange' }),
    ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].flatMap((w) => [
      [`opens_${w}`, z.preprocess(trimmed, z.string().regex(new RegExp(`^(${HHMM.source.slice(1, -1)})?$`), { error: 'facilities.form.error.time' }))],
      [`closes_${w}`, z.preprocess(trimmed, z.string().regex(new RegExp(`^(${HHMM.source.slice(1, -1)})?$`), { error: 'facilities.form.error.time' }))],
    ])) as Record<`opens_${number}` | `closes_${number}`, z.ZodType<string>>,
  })
  .superRefine((v, ctx) => {
    if (v.priorityHorizonDays < v.horizonDays) ctx.addIssue({ code: 'custom', path: ['priorityHorizonDays'], message: 'facilities.form.error.priorityShorter' });
    const rec = v as unknown as Record<string, string>;
    for (const w of [1, 2, 3, 4, 5, 6, 7]) {
      const o = rec[`opens_${w}`] ?? '';
      const c = rec[`closes_${w}`] ?? '';
      if ((o === '') !== (c === '')) ctx.addIssue({ code: 'custom', path: [o === '' ? `opens_${w}` : `closes_${w}`], message: 'facilities.form.error.bothTimes' });
      else if (o !== '' && c <= o) ctx.addIssue({ code: 'custom', path: [`closes_${w}`], message: 'facilities.form.error.closesBeforeOpens' });
    }
  });
export type FacilityForm = z.infer<typeof facilityFormSchema>;
