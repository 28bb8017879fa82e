// The parameters of the case search, shared by the page (/network/cases) and the JSON API
// (/api/v1/network/cases). Messages are i18n keys, so a bad parameter is answered with 400 and a
// message in the page's language next to the field it concerns. Empty values mean "no filter"
// (a GET form sends every field), unknown parameters are ignored.
import { z } from 'zod';
import { caseStatuses, caseTags, caseThemes, municipalitySizes } from './network.types.js';
import { MAX_PAGE, searchSorts } from './network.search.js';

const empty = (v: unknown) => (v === '' ? undefined : v);
const choice = <T extends readonly [string, ...string[]]>(values: T, key: string) =>
  z.preprocess(empty, z.enum(values, { message: `network.search.error.${key}` }).optional());

export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(200, 'network.search.error.q')
    .optional()
    .transform((v) => (v ? v : undefined)),
  theme: choice(caseThemes, 'theme'),
  tag: choice(caseTags, 'tag'),
  municipality: z.preprocess(empty, z.string().regex(/^[a-z0-9-]{1,60}$/, 'network.search.error.municipality').optional()),
  size: choice(municipalitySizes, 'size'),
  status: choice(caseStatuses, 'status'),
  savings: z.preprocess(empty, z.enum(['yes'], { message: 'network.search.error.savings' }).optional()),
  sort: choice(searchSorts, 'sort'),
  page: z.preprocess(
    empty,
    z
      .string()
      .regex(/^[1-9][0-9]{0,5}$/, 'network.search.error.page')
      .transform(Number)
      .refine((n) => n <= MAX_PAGE, 'network.search.error.pageTooFar')
      .optional(),
  ),
});
export type SearchQueryInput = z.input<typeof searchQuerySchema>;
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** The fields of the query that a person sets in the form; `page` and `sort` are not filters. */
export const searchFilterFields = ['theme', 'tag', 'municipality', 'size', 'status', 'savings'] as const;
