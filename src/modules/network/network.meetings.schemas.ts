// One schema per form of seasons and meetings; messages are i18n keys. Local dates and times are
// read as Europe/Copenhagen wall clock and turned into instants here, so a meeting at 10:00 is at
// 10:00 Danish time on either side of a daylight-saving change.
import { z } from 'zod';
import { fromWallClock, isDate, isTime } from '../../core/time/zoned-time.js';
import { NETWORK_TIME_ZONE } from './network.meetings.types.js';

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? '';
const str = (v: unknown) => String(single(v)).trim();
/** Optional text: empty becomes null. */
const optionalText = (max: number) =>
  z.preprocess(str, z.string().max(max, { error: 'network.meetings.error.tooLong' }).transform((s) => (s === '' ? null : s)));
const requiredText = (max: number, error: string) => z.preprocess(str, z.string().min(1, { error }).max(max, { error: 'network.meetings.error.tooLong' }));
const id = (error: string) => z.preprocess(str, z.string().regex(/^[1-9]\d{0,8}$/, { error }).transform(Number));
const optionalId = (error: string) => z.preprocess(str, z.string().regex(/^(|[1-9]\d{0,8})$/, { error }).transform((s) => (s === '' ? null : Number(s))));
const dateField = (error: string) => z.preprocess(str, z.string().refine(isDate, { error }));
const checkbox = z.preprocess((v) => str(v) !== '', z.boolean());

export const seasonFormSchema = z
  .object({
    name: requiredText(120, 'network.meetings.error.seasonName'),
    startsOn: dateField('network.meetings.error.date'),
    endsOn: dateField('network.meetings.error.date'),
    themeDa: optionalText(200),
    themeEn: optionalText(200),
    descriptionDa: optionalText(5000),
    descriptionEn: optionalText(5000),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'network.meetings.error.endsBeforeStart' });
  });
export type SeasonForm = z.infer<typeof seasonFormSchema>;
export const seasonFormFields = ['name', 'startsOn', 'endsOn', 'themeDa', 'themeEn', 'descriptionDa', 'descriptionEn'] as const;

export const memberFormSchema = z.object({ municipalityId: id('network.meetings.error.municipality') });

export const leaderFormSchema = z.object({
  municipalityId: id('network.meetings.error.municipality'),
  userId: id('network.meetings.error.person'),
  roleText: requiredText(120, 'network.meetings.error.roleText'),
});
export const leaderFormFields = ['municipalityId', 'userId', 'roleText'] as const;

export const removeLeaderSchema = z.object({ municipalityId: id('network.meetings.error.municipality'), userId: id('network.meetings.error.person') });

export const meetingFormSchema = z
  .object({
    seasonId: id('network.meetings.error.season'),
    hostMunicipalityId: optionalId('network.meetings.error.municipality'),
    title: z.preprocess(str, z.string().min(3, { error: 'network.meetings.error.title' }).max(200, { error: 'network.meetings.error.title' })),
    lang: z.preprocess(single, z.enum(['da', 'en'], { error: 'network.meetings.error.lang' })),
    date: dateField('network.meetings.error.date'),
    startTime: z.preprocess(str, z.string().refine(isTime, { error: 'network.meetings.error.time' })),
    endTime: z.preprocess(str, z.string().refine(isTime, { error: 'network.meetings.error.time' })),
    place: requiredText(200, 'network.meetings.error.place'),
    address: optionalText(300),
    agenda: optionalText(10000),
    isPublic: checkbox,
    capacity: z.preprocess(str, z.string().regex(/^\d{1,5}$/, { error: 'network.meetings.error.capacity' }).transform(Number).refine((n) => n >= 1 && n <= 10000, { error: 'network.meetings.error.capacity' })),
    deadlineDate: z.preprocess(str, z.string().refine((s) => s === '' || isDate(s), { error: 'network.meetings.error.date' })),
    deadlineTime: z.preprocess(str, z.string().refine((s) => s === '' || isTime(s), { error: 'network.meetings.error.time' })),
  })
  .superRefine((v, ctx) => {
    if (v.deadlineDate === '' && v.deadlineTime !== '') ctx.addIssue({ code: 'custom', path: ['deadlineDate'], message: 'network.meetings.error.date' });
  });
export type MeetingForm = z.infer<typeof meetingFormSchema>;
export const meetingFormFields = ['seasonId', 'hostMunicipalityId', 'title', 'lang', 'date', 'startTime', 'endTime', 'place', 'address', 'agenda', 'isPublic', 'capacity', 'deadlineDate', 'deadlineTime'] as const;

export interface MeetingTimes {
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date | null;
}

/** The instants of a meeting form's local times, or an error key per field. */
export function meetingTimes(v: Pick<MeetingForm, 'date' | 'startTime' | 'endTime' | 'deadlineDate' | 'deadlineTime'>): { ok: true; value: MeetingTimes } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const start = fromWallClock(v.date, v.startTime, NETWORK_TIME_ZONE);
  const end = fromWallClock(v.date, v.endTime, NETWORK_TIME_ZONE);
  if (!start.ok) errors.startTime = start.error === 'nonexistent_time' ? 'network.meetings.error.nonexistentTime' : 'network.meetings.error.time';
  if (!end.ok) errors.endTime = end.error === 'nonexistent_time' ? 'network.meetings.error.nonexistentTime' : 'network.meetings.error.time';
  let deadline: Date | null = null;
  if (v.deadlineDate !== '') {
    const d = fromWallClock(v.deadlineDate, v.deadlineTime === '' ? '23:59' : v.deadlineTime, NETWORK_TIME_ZONE);
    if (!d.ok) errors.deadlineTime = d.error === 'nonexistent_time' ? 'network.meetings.error.nonexistentTime' : 'network.meetings.error.time';
    else deadline = d.value;
  }
  if (start.ok && end.ok && end.value.getTime() <= start.value.getTime()) errors.endTime = 'network.meetings.error.endsBeforeStart';
  if (start.ok && deadline && deadline.getTime() > start.value.getTime()) errors.deadlineDate = 'network.meetings.error.deadlineAfterStart';
  if (Object.keys(errors).length > 0 || !start.ok || !end.ok) return { ok: false, errors };
  return { ok: true, value: { startsAt: start.value, endsAt: end.value, registrationDeadline: deadline } };
}

export const minutesFormSchema = z.object({ minutes: optionalText(50000) });

/** A case is referred to as "<municipality id>-<case id>", as in its URL. */
export const caseRefSchema = z.object({
  caseRef: z.preprocess(str, z.string().regex(/^[1-9]\d{0,8}-[1-9]\d{0,8}$/, { error: 'network.meetings.error.case' }).transform((s) => {
    const [m, c] = s.split('-').map(Number) as [number, number];
    return { municipalityId: m, caseId: c };
  })),
});

export const caseSearchSchema = z.object({ q: z.preprocess(str, z.string().max(100)) });
