// The case form and the comment form. Messages are i18n keys. Cases are plain text: stored as written
// (trimmed, line breaks normalised) and always shown as text, never as HTML.
import { z } from 'zod';
import type { FormFields } from '../../core/http/form.js';
import { textColumn } from './network.repository.js';
import {
  caseStatuses,
  caseTags,
  caseTextFields,
  caseThemes,
  municipalitySizes,
  settings,
  textLangs,
  type Bilingual,
  type CaseFields,
  type CaseTextField,
} from './network.types.js';

export const MAX_LENGTH: Record<CaseTextField, number> = {
  title: 140,
  summary: 1000,
  problem: 10000,
  context: 10000,
  approach: 10000,
  actors: 10000,
  municipalContribution: 10000,
  costs: 10000,
  results: 10000,
  dos: 10000,
  donts: 10000,
};

/** Characters PostgreSQL cannot store (NUL) or that have no place in plain text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The form field of a text in one language, e.g. municipal_contribution_en. */
export const textFieldName = (f: CaseTextField, lang: 'da' | 'en'): string => `${textColumn[f]}_${lang}`;

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const many = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/** Plain text of at most `max` characters; empty becomes null. */
function plain(max: number, tooLong: string) {
  return z.preprocess(
    single,
    z
      .string()
      .default('')
      .transform((v) => v.replace(/\r\n?/g, '\n').trim())
      .refine((v) => !CONTROL.test(v), 'network.error.controlCharacters')
      .refine((v) => v.length <= max, tooLong)
      .transform((v) => (v === '' ? null : v)),
  );
}

const tooLongKey = (f: CaseTextField) => (f === 'title' ? 'network.error.title.tooLong' : f === 'summary' ? 'network.error.summary.tooLong' : 'network.error.text.tooLong');

const textShape: Record<string, z.ZodType> = {};
for (const f of caseTextFields) for (const l of textLangs) textShape[textFieldName(f, l)] = plain(MAX_LENGTH[f], tooLongKey(f));

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, key: string) =>
  z.preprocess(single, z.union([z.enum(values), z.literal('')], { error: key }).default('').transform((v) => (v === '' ? null : (v as T[number]))));

/** Kroner as people write them ("250.000", "250000", "1 500,50") to whole øre. */
const kroner = z.preprocess(
  single,
  z
    .string()
    .default('')
    .transform((v, ctx) => {
      const t = v.trim();
      if (t === '') return null;
      const cleaned = t.replace(/[\s.]/g, '').replace(',', '.');
      if (!/^\d{1,12}(\.\d{1,2})?$/.test(cleaned)) {
        ctx.addIssue({ code: 'custom', message: 'network.error.amount' });
        return z.NEVER;
      }
      return Math.round(Number(cleaned) * 100);
    }),
);

export const caseFormSchema = z
  .object({
    ...textShape,
    status: z.preprocess(single, z.enum(caseStatuses, { error: 'network.error.status' })),
    contact_name: z.preprocess(
      single,
      z
        .string()
        .default('')
        .transform((v) => v.trim())
        .refine((v) => v === '' || (v.length >= 2 && v.length <= 120 && !CONTROL.test(v)), 'network.error.contactName')
        .transform((v) => (v === '' ? null : v)),
    ),
    contact_email: z.preprocess(
      single,
      z
        .string()
        .default('')
        .transform((v) => v.trim().toLowerCase())
        .refine((v) => v === '' || (v.length <= 254 && z.email().safeParse(v).success), 'network.error.contactEmail')
        .transform((v) => (v === '' ? null : v)),
    ),
    municipality_size: optionalEnum(municipalitySizes, 'network.error.size'),
    setting: optionalEnum(settings, 'network.error.setting'),
    themes: z.preprocess(many, z.array(z.enum(caseThemes, { error: 'network.error.themes' })).transform((v) => [...new Set(v)])),
    tags: z.preprocess(many, z.array(z.enum(caseTags, { error: 'network.error.tags' })).transform((v) => [...new Set(v)])),
    stated_savings: kroner,
    publish: z.preprocess(single, z.string().optional()).transform((v) => v === 'on' || v === 'yes'),
  })
  .superRefine((d, ctx) => {
    const data = d as Record<string, unknown>;
    const titles = textLangs.filter((l) => data[textFieldName('title', l)] !== null);
    if (titles.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['title_da'], message: 'network.error.titleRequired' });
      return;
    }
    for (const l of textLangs) {
      const title = data[textFieldName('title', l)] as string | null;
      if (title !== null && title.length < 3) ctx.addIssue({ code: 'custom', path: [textFieldName('title', l)], message: 'network.error.title.tooShort' });
      const hasText = caseTextFields.some((f) => f !== 'title' && data[textFieldName(f, l)] !== null);
      if (hasText && title === null) ctx.addIssue({ code: 'custom', path: [textFieldName('title', l)], message: 'network.error.titleForLanguage' });
    }
  });

export type CaseForm = z.infer<typeof caseFormSchema>;

/** The validated form as the fields a case stores. */
export function toCaseFields(d: CaseForm): CaseFields {
  const data = d as Record<string, unknown>;
  const text = {} as Record<CaseTextField, Bilingual>;
  for (const f of caseTextFields) text[f] = { da: (data[textFieldName(f, 'da')] as string | null) ?? null, en: (data[textFieldName(f, 'en')] as string | null) ?? null };
  return {
    text,
    status: d.status,
    contactName: d.contact_name,
    contactEmail: d.contact_email,
    municipalitySize: d.municipality_size,
    setting: d.setting,
    themes: d.themes,
    tags: d.tags,
    statedSavingsOre: d.stated_savings,
  };
}

/** A case's fields as form values (to prefill or re-show a form). */
export function toFormValues(f: CaseFields, lang: 'da' | 'en', publish: boolean): FormFields {
  const v: FormFields = {};
  for (const k of caseTextFields) for (const l of textLangs) v[textFieldName(k, l)] = f.text[k][l] ?? '';
  v.status = f.status;
  v.contact_name = f.contactName ?? '';
  v.contact_email = f.contactEmail ?? '';
  v.municipality_size = f.municipalitySize ?? '';
  v.setting = f.setting ?? '';
  v.themes = [...f.themes];
  v.tags = [...f.tags];
  v.stated_savings = f.statedSavingsOre === null ? '' : formatKronerInput(f.statedSavingsOre, lang);
  if (publish) v.publish = 'on';
  return v;
}

export function formatKronerInput(ore: number, lang: 'da' | 'en'): string {
  const kr = ore / 100;
  return new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2, useGrouping: false }).format(kr);
}

export const commentFormSchema = z.object({
  body: z.preprocess(
    single,
    z
      .string({ error: 'network.error.comment.required' })
      .transform((v) => v.replace(/\r\n?/g, '\n').trim())
      .refine((v) => v.length >= 1, 'network.error.comment.required')
      .refine((v) => v.length <= 5000, 'network.error.comment.tooLong')
      .refine((v) => !CONTROL.test(v), 'network.error.controlCharacters'),
  ),
});
