// Which language version of a case text to show: the visitor's language when it is written, otherwise
// the other one (and the page marks it with a lang attribute).
import type { Lang } from '../../core/i18n/i18n.js';
import type { Bilingual } from './network.types.js';

export interface Shown {
  text: string;
  lang: Lang;
  /** True when the visitor's language version is missing and the other one is shown. */
  fallback: boolean;
}

export function textIn(b: Bilingual, lang: Lang): Shown {
  const own = b[lang];
  if (own !== null && own !== '') return { text: own, lang, fallback: false };
  const other: Lang = lang === 'da' ? 'en' : 'da';
  const o = b[other];
  if (o !== null && o !== '') return { text: o, lang: other, fallback: true };
  return { text: '', lang, fallback: false };
}

/** The language of a case as a whole: the one its title is written in for this visitor. */
export function hasText(b: Bilingual): boolean {
  return !!(b.da || b.en);
}
