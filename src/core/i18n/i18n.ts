// ICU messages in Danish and English. Each module owns its texts and registers them at start-up;
// keys are namespaced by module ("accounts.login.title") so modules never collide.
import { IntlMessageFormat } from 'intl-messageformat';

export const languages = ['da', 'en'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'da';

/** Languages written right to left; none shipped yet, but the layout reads dir from here. */
const rtlLanguages = new Set(['ar', 'he', 'fa', 'ur']);

export type Messages = Record<string, string>;
/** English must have exactly the Danish keys: a missing translation is a type error. */
export type Texts<K extends string> = { da: Record<K, string>; en: Record<K, string> };

export function defineTexts<K extends string>(texts: Texts<K>): Texts<K> {
  return texts;
}

/** One catalog from several files of one module (a module may split its texts by feature). */
export function mergeTexts(...parts: Texts<string>[]): Texts<string> {
  return {
    da: Object.assign({}, ...parts.map((p) => p.da)),
    en: Object.assign({}, ...parts.map((p) => p.en)),
  };
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

export interface I18n {
  readonly lang: Lang;
  readonly dir: 'ltr' | 'rtl';
  t(key: string, values?: MessageValues): string;
  formatNumber(n: number, options?: Intl.NumberFormatOptions): string;
  formatDate(d: Date, options?: Intl.DateTimeFormatOptions): string;
}

export class Catalog {
  private readonly messages: Record<Lang, Messages> = { da: {}, en: {} };
  private readonly compiled = new Map<string, IntlMessageFormat>();
  private readonly fixed = new Map<string, string>();
  private readonly forLang = new Map<Lang, I18n>();

  add(texts: Texts<string>): this {
    for (const lang of languages) {
      for (const [key, message] of Object.entries(texts[lang])) {
        if (key in this.messages[lang]) throw new Error(`Duplicate message key ${key} (${lang})`);
        this.messages[lang][key] = message;
      }
    }
    return this;
  }

  has(key: string): boolean {
    return key in this.messages.da;
  }

  keys(lang: Lang): string[] {
    return Object.keys(this.messages[lang]);
  }

  format(lang: Lang, key: string, values?: MessageValues): string {
    const cacheKey = `${lang}\u0000${key}`;
    // Most texts take no values; their formatted form never changes.
    if (values === undefined) {
      const fixed = this.fixed.get(cacheKey);
      if (fixed !== undefined) return fixed;
    }
    let mf = this.compiled.get(cacheKey);
    if (!mf) {
      const source = this.messages[lang][key];
      // A missing key is a programming error; show the key rather than crash a page.
      if (source === undefined) return key;
      mf = new IntlMessageFormat(source, lang === 'da' ? 'da-DK' : 'en-GB');
      this.compiled.set(cacheKey, mf);
    }
    const out = mf.format(values as Record<string, string | number | Date | boolean>);
    const text = Array.isArray(out) ? out.join('') : String(out);
    if (values === undefined) this.fixed.set(cacheKey, text);
    return text;
  }

  i18n(lang: Lang): I18n {
    let existing = this.forLang.get(lang);
    if (existing) return existing;
    const locale = lang === 'da' ? 'da-DK' : 'en-GB';
    const numberFormats = new Map<string, Intl.NumberFormat>();
    const dateFormats = new Map<string, Intl.DateTimeFormat>();
    existing = {
      lang,
      dir: rtlLanguages.has(lang) ? 'rtl' : 'ltr',
      t: (key, values) => this.format(lang, key, values),
      formatNumber: (n, options) => {
        const k = JSON.stringify(options ?? {});
        let nf = numberFormats.get(k);
        if (!nf) numberFormats.set(k, (nf = new Intl.NumberFormat(locale, options)));
        return nf.format(n);
      },
      // Building a DateTimeFormat costs far more than using one, so each set of options is built once.
      formatDate: (d, options) => {
        const k = JSON.stringify(options ?? {});
        let df = dateFormats.get(k);
        if (!df) dateFormats.set(k, (df = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Copenhagen', ...(options ?? { dateStyle: 'long' }) })));
        return df.format(d);
      },
    };
    this.forLang.set(lang, existing);
    return existing;
  }
}

/**
 * Picks the language: the signed-in person's choice, then ?lang=, then the visitor's cookie,
 * then Accept-Language, then Danish.
 */
export function negotiateLang(input: {
  userLang?: string | null | undefined;
  query?: string | null | undefined;
  cookie?: string | null | undefined;
  acceptLanguage?: string | null | undefined;
}): Lang {
  if (isLang(input.userLang)) return input.userLang;
  if (isLang(input.query)) return input.query;
  if (isLang(input.cookie)) return input.cookie;
  if (input.acceptLanguage) {
    const ranked = input.acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        const weight = q ? Number(q.slice(2)) : 1;
        return { base: tag.toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0 };
      })
      .filter((r) => r.weight > 0)
      .sort((a, b) => b.weight - a.weight);
    for (const r of ranked) {
      if (r.base === 'nb' || r.base === 'nn' || r.base === 'no') return 'da';
      if (isLang(r.base)) return r.base;
    }
  }
  return defaultLang;
}
