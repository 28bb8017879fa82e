// One schema per form. Messages are i18n keys, so the same schema gives Danish or English errors.
import { z } from 'zod';
import { areaKinds, danishRegions } from './municipalities.types.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A form field sent twice counts as its first value, never as an array that fails with an odd message. */
const single = (v: unknown) => (Array.isArray(v) ? v[0] : v) ?? '';

function text(options: { max: number; required?: string; tooLong: string }) {
  let s = z.string().trim();
  if (options.required) s = s.min(1, { error: options.required });
  return z.preprocess(single, s.max(options.max, { error: options.tooLong }));
}

/**
 * A whole number of people, optional. Accepts the thousands separators people type in either language
 * ("12.100", "12 100", "12,100"), but not decimals, which would be silently misread.
 */
const inhabitants = z.preprocess(
  (v) => String(single(v)).trim(),
  z
    .string()
    .regex(/^(\d+|\d{1,3}([ .,\u00a0]\d{3})+)?$/, { error: 'municipalities.error.inhabitantsNumber' })
    .transform((s) => (s === '' ? null : Number(s.replace(/[ .,\u00a0]/g, ''))))
    .refine((n) => n === null || n <= 10_000_000, { error: 'municipalities.error.inhabitantsTooMany' }),
);

export const areaFormSchema = z.object({
  name: text({ max: 120, required: 'municipalities.area.error.nameRequired', tooLong: 'municipalities.area.error.nameTooLong' }),
  kind: z.preprocess(single, z.enum(areaKinds, { error: 'municipalities.area.error.kindRequired' })),
  inhabitants,
  /** Raw GeoJSON text; parseBoundary reads it, so its errors can say where the problem is. */
  boundary: z.preprocess(single, z.string()),
});
export type AreaForm = z.infer<typeof areaFormSchema>;

export const themeFormSchema = z.object({
  key: z.preprocess(
    (v) => String(single(v)).trim().toLowerCase(),
    z
      .string()
      .min(1, { error: 'municipalities.theme.error.keyRequired' })
      .max(40, { error: 'municipalities.theme.error.keyTooLong' })
      .regex(SLUG, { error: 'municipalities.theme.error.keyFormat' }),
  ),
  nameDa: text({ max: 80, required: 'municipalities.theme.error.nameDaRequired', tooLong: 'municipalities.theme.error.nameTooLong' }),
  nameEn: text({ max: 80, required: 'municipalities.theme.error.nameEnRequired', tooLong: 'municipalities.theme.error.nameTooLong' }),
});
export type ThemeForm = z.infer<typeof themeFormSchema>;

export const settingsFormSchema = z.object({
  name: text({ max: 120, required: 'municipalities.settings.error.nameRequired', tooLong: 'municipalities.settings.error.nameTooLong' }),
  taglineDa: text({ max: 200, tooLong: 'municipalities.settings.error.taglineTooLong' }),
  taglineEn: text({ max: 200, tooLong: 'municipalities.settings.error.taglineTooLong' }),
  inhabitants,
  defaultLang: z.preprocess(single, z.enum(['da', 'en'], { error: 'municipalities.settings.error.defaultLangRequired' })),
});
export type SettingsForm = z.infer<typeof settingsFormSchema>;

export const newMunicipalityFormSchema = z.object({
  slug: z.preprocess(
    (v) => String(single(v)).trim().toLowerCase(),
    z
      .string()
      .min(1, { error: 'municipalities.new.error.slugRequired' })
      .max(60, { error: 'municipalities.new.error.slugTooLong' })
      .regex(SLUG, { error: 'municipalities.new.error.slugFormat' }),
  ),
  name: text({ max: 120, required: 'municipalities.settings.error.nameRequired', tooLong: 'municipalities.settings.error.nameTooLong' }),
  region: z.preprocess(
    (v) => (single(v) === '' ? null : single(v)),
    z.enum(danishRegions, { error: 'municipalities.new.error.region' }).nullable(),
  ),
  inhabitants,
});
export type NewMunicipalityForm = z.infer<typeof newMunicipalityFormSchema>;
