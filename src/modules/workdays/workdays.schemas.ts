// One schema per form; messages are i18n keys.
import { z } from 'zod';

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? '';
const text = (max: number, required?: string) => {
  let s = z.string().trim();
  if (required) s = s.min(1, { error: required });
  return z.preprocess(single, s.max(max, { error: 'workdays.error.tooLong' }));
};
const optionalId = z.preprocess((v) => String(single(v)).trim(), z.string().regex(/^(|[1-9]\d{0,8})$/, { error: 'workdays.error.area' }).transform((s) => (s === '' ? null : Number(s))));
const wholeNumber = (min: number, max: number, error: string) =>
  z.preprocess((v) => String(single(v)).trim(), z.string().regex(/^-?\d{1,6}$/, { error }).transform(Number).refine((n) => n >= min && n <= max, { error }));

export const SHIFT_ROWS = 3;

export const dayFormSchema = z
  .object({
    title: z.preprocess(single, z.string().trim().min(3, { error: 'workdays.error.title' }).max(140, { error: 'workdays.error.title' })),
    description: text(5000),
    groupId: z.preprocess((v) => String(single(v)).trim(), z.string().regex(/^(|[1-9]\d{0,8})$/, { error: 'workdays.error.group' }).transform((s) => (s === '' ? null : Number(s)))),
    initiativeId: z.preprocess((v) => String(single(v)).trim(), z.string().regex(/^(|[1-9]\d{0,8})$/, { error: 'workdays.error.initiative' }).transform((s) => (s === '' ? null : Number(s)))),
    areaId: optionalId,
    address: text(200),
    meetingPoint: text(500),
    tasks: text(2000),
    equipment: text(2000),
    bring: text(1000),
    date: text(10, 'workdays.error.date'),
    startTime: text(5, 'workdays.error.time'),
    endTime: text(5, 'workdays.error.time'),
    repeat: z.preprocess(single, z.enum(['none', 'weekly'], { error: 'workdays.error.repeat' })),
    everyWeeks: z.preprocess(single, z.string().trim()),
    count: z.preprocess(single, z.string().trim()),
    until: z.preprocess(single, z.string().trim()),
  })
  .superRefine((v, ctx) => {
    // A day belongs to a group, an initiative, or both.
    if (v.groupId === null && v.initiativeId === null) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'workdays.error.ownerRequired' });
    if (v.address === '' && v.areaId === null) ctx.addIssue({ code: 'custom', path: ['address'], message: 'workdays.error.place' });
    if (v.repeat === 'weekly') {
      if (!/^[1-8]$/.test(v.everyWeeks)) ctx.addIssue({ code: 'custom', path: ['everyWeeks'], message: 'workdays.error.everyWeeks' });
      if (v.count !== '' && !/^([1-9]|[1-5]\d|60)$/.test(v.count)) ctx.addIssue({ code: 'custom', path: ['count'], message: 'workdays.error.count' });
      if (v.count === '' && v.until === '') ctx.addIssue({ code: 'custom', path: ['count'], message: 'workdays.error.repeat.no_end' });
    }
  });
export type DayForm = z.infer<typeof dayFormSchema>;

export const shiftRowSchema = z.object({
  label: z.preprocess(single, z.string().trim().min(1, { error: 'workdays.error.shiftLabel' }).max(120, { error: 'workdays.error.tooLong' })),
  startTime: text(5, 'workdays.error.time'),
  endTime: text(5, 'workdays.error.time'),
  capacity: wholeNumber(1, 1000, 'workdays.error.capacity'),
});

export const guestFormSchema = z.object({
  name: z.preprocess(single, z.string().trim().min(1, { error: 'workdays.day.guestName' }).max(120, { error: 'workdays.error.tooLong' })),
  email: z.preprocess((v) => String(single(v)).trim().toLowerCase(), z.email({ error: 'workdays.day.guestEmail' }).max(254)),
  shiftId: z.preprocess((v) => String(single(v)), z.string().regex(/^[1-9]\d{0,8}$/, { error: 'workdays.error.shiftFull' }).transform(Number)),
});

export const staffFormSchema = z.object({
  email: z.preprocess((v) => String(single(v)).trim().toLowerCase(), z.email({ error: 'workdays.error.unknownPerson' }).max(254)),
});

/** Hours as people type them: "2", "2,5", "2.5", or empty for the length of the shift. */
export function parseHours(s: string): { ok: true; minutes: number | null } | { ok: false } {
  const t = s.trim();
  if (t === '') return { ok: true, minutes: null };
  if (!/^\d{1,2}([.,]\d{1,2})?$/.test(t)) return { ok: false };
  return { ok: true, minutes: Math.round(Number(t.replace(',', '.')) * 60) };
}

export const reportFormSchema = z.object({
  category: z.preprocess(single, z.enum(['broken_bench', 'pothole', 'litter', 'graffiti', 'lighting', 'vegetation', 'other'], { error: 'workdays.error.category' })),
  place: z.preprocess(single, z.string().trim().min(1, { error: 'workdays.error.reportPlace' }).max(200, { error: 'workdays.error.tooLong' })),
  description: text(2000),
});

export const reportStatusSchema = z.object({
  status: z.preprocess(single, z.enum(['received', 'in_progress', 'done', 'rejected'], { error: 'workdays.error.status' })),
  note: text(1000),
});

export const arrangementSchema = z
  .object({
    roleType: z.preprocess(single, z.enum(['volunteer_work', 'municipal_insurance', 'association'], { error: 'workdays.error.roleType' })),
    associationName: text(120),
    managerApproved: z.preprocess((v) => single(v) === 'yes', z.boolean()),
    worksWithChildren: z.preprocess((v) => single(v) === 'yes', z.boolean()),
    childCheckStatus: z.preprocess(single, z.enum(['not_required', 'requested', 'approved', 'refused'], { error: 'workdays.error.childCheckStatus' })),
    childCheckDate: z.preprocess(single, z.string().trim().regex(/^(|\d{4}-\d{2}-\d{2})$/, { error: 'workdays.error.childCheckDate' })),
  })
  .superRefine((v, ctx) => {
    if (v.roleType === 'association' && v.associationName === '') ctx.addIssue({ code: 'custom', path: ['associationName'], message: 'workdays.error.associationName' });
    if (!v.worksWithChildren && v.childCheckStatus !== 'not_required') ctx.addIssue({ code: 'custom', path: ['childCheckStatus'], message: 'workdays.error.childCheckNotRequired' });
    if ((v.childCheckStatus === 'approved' || v.childCheckStatus === 'refused') && v.childCheckDate === '') ctx.addIssue({ code: 'custom', path: ['childCheckDate'], message: 'workdays.error.childCheckDate' });
  });
