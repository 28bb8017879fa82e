// One zod schema per form. Messages are i18n keys, shown next to the field they belong to.
import { z } from 'zod';
import { isValidCvr, normaliseCvr } from './groups.cvr.js';
import { boardRoles, groupKinds, membershipPolicies } from './groups.types.js';

export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 5000;
export const STATUTES_MAX = 20000;
export const POST_MAX = 5000;
export const TITLE_MAX = 120;
export const PLACE_MAX = 200;

/** A single text field: trimmed; a field sent twice or not at all is treated as empty. */
const text = (required: string | null, max: number, tooLong: string) =>
  z
    .preprocess((v) => (typeof v === 'string' ? v.trim() : Array.isArray(v) ? String(v[0] ?? '').trim() : ''), z.string())
    .pipe(required ? z.string().min(1, required).max(max, tooLong) : z.string().max(max, tooLong));

/** A <select> of ids with an empty "none" choice. */
const optionalId = (message: string) =>
  z.preprocess((v) => (v === undefined || v === '' ? null : v), z.union([z.null(), z.string().regex(/^[1-9][0-9]{0,8}$/, message).transform(Number)], { error: message }));

const requiredId = (message: string) => z.string({ error: message }).regex(/^[1-9][0-9]{0,15}$/, message).transform(Number);

const checkbox = z.preprocess((v) => v === 'on' || v === 'yes' || v === 'true', z.boolean());

const choice = <const T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message });

const uuid = (message: string) => z.string({ error: message }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, message).transform((s) => s.toLowerCase());

/** YYYY-MM-DD that is a real calendar day. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const date = (message: string) => z.string({ error: message }).trim().refine(isCalendarDate, message);
const optionalDate = (message: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null), z.union([z.null(), z.string().refine(isCalendarDate, message)], { error: message }));
const time = (message: string) => z.string({ error: message }).trim().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, message);

const cvrField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? normaliseCvr(v) : null),
  z.union([z.null(), z.string().refine(isValidCvr, 'groups.error.cvrInvalid')], { error: 'groups.error.cvrInvalid' }),
);

const groupFields = {
  name: text('groups.error.nameRequired', NAME_MAX, 'groups.error.nameTooLong').refine((s) => s.length === 0 || s.length >= 2, 'groups.error.nameTooShort'),
  description: text('groups.error.descriptionRequired', DESCRIPTION_MAX, 'groups.error.descriptionTooLong'),
  descriptionLang: choice(['da', 'en'], 'groups.error.langRequired'),
  areaId: optionalId('groups.error.areaInvalid'),
  themeId: optionalId('groups.error.themeInvalid'),
  membershipPolicy: choice(membershipPolicies, 'groups.error.policyRequired'),
  cvr: cvrField,
  statutes: text(null, STATUTES_MAX, 'groups.error.statutesTooLong'),
};

/** Rules that tie fields together: only legal persons have a CVR number and statutes; a local council needs its area. */
function groupRules(v: { kind?: string; cvr: string | null; statutes: string; areaId: number | null }, ctx: z.RefinementCtx): void {
  if (v.kind === 'informal' && v.cvr) ctx.addIssue({ code: 'custom', path: ['cvr'], message: 'groups.error.cvrOnlyAssociation' });
  if (v.kind === 'informal' && v.statutes) ctx.addIssue({ code: 'custom', path: ['statutes'], message: 'groups.error.statutesOnlyAssociation' });
  if (v.kind === 'local_council' && v.areaId === null) ctx.addIssue({ code: 'custom', path: ['areaId'], message: 'groups.error.councilNeedsArea' });
}

export const createGroupSchema = z
  .object({
    ...groupFields,
    kind: choice(groupKinds, 'groups.error.kindRequired'),
    showPublicly: checkbox,
    creationKey: uuid('groups.error.formExpired'),
  })
  .superRefine(groupRules);
export type CreateGroupInput = z.infer<typeof createGroupSchema>;

/** Editing keeps the kind a local council has; otherwise informal or association. */
export const editGroupSchema = z
  .object({
    ...groupFields,
    kind: choice(['informal', 'association'], 'groups.error.kindRequired').optional(),
  })
  .superRefine(groupRules);
export type EditGroupInput = z.infer<typeof editGroupSchema>;

export const joinSchema = z.object({ showPublicly: checkbox });
export type JoinInput = z.infer<typeof joinSchema>;

export const inviteSchema = z.object({
  email: text('groups.error.emailRequired', 254, 'groups.error.emailInvalid').pipe(z.string().email('groups.error.emailInvalid')),
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const boardPositionSchema = z
  .object({
    userId: requiredId('groups.error.boardPersonRequired'),
    role: choice(boardRoles, 'groups.error.boardRoleRequired'),
    termStart: date('groups.error.dateInvalid'),
    termEnd: optionalDate('groups.error.dateInvalid'),
  })
  .superRefine((v, ctx) => {
    if (v.termEnd && v.termEnd < v.termStart) ctx.addIssue({ code: 'custom', path: ['termEnd'], message: 'groups.error.termEndBeforeStart' });
  });
export type BoardPositionInput = z.infer<typeof boardPositionSchema>;

export const activitySchema = z.object({
  title: text('groups.error.titleRequired', TITLE_MAX, 'groups.error.titleTooLong').refine((s) => s.length === 0 || s.length >= 2, 'groups.error.titleTooShort'),
  date: date('groups.error.dateInvalid'),
  time: time('groups.error.timeInvalid'),
  place: text(null, PLACE_MAX, 'groups.error.placeTooLong'),
});
export type ActivityInput = z.infer<typeof activitySchema>;

export const postSchema = z.object({
  body: text('groups.error.bodyRequired', POST_MAX, 'groups.error.bodyTooLong'),
  parentId: optionalId('groups.error.parentInvalid'),
  postKey: uuid('groups.error.formExpired'),
});
export type PostInput = z.infer<typeof postSchema>;

export const editPostSchema = z.object({
  body: text('groups.error.bodyRequired', POST_MAX, 'groups.error.bodyTooLong'),
});
export type EditPostInput = z.infer<typeof editPostSchema>;

/** The list's filters: anything unknown is ignored rather than refused, since people edit URLs. */
export const listQuerySchema = z.object({
  // A search box: blank means no search; an overlong query is cut, not refused (it is only a filter).
  q: z.string().transform((v) => v.trim().slice(0, 200)).optional().catch(undefined),
  area: z.string().regex(/^[1-9][0-9]{0,8}$/).transform(Number).optional().catch(undefined),
  theme: z.string().regex(/^[1-9][0-9]{0,8}$/).transform(Number).optional().catch(undefined),
  kind: z.enum(groupKinds).optional().catch(undefined),
  page: z.string().regex(/^[1-9][0-9]{0,5}$/).transform(Number).optional().catch(undefined),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
