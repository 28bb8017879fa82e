// URL names for groups: lower case ASCII with hyphens, Danish letters spelled out the Danish way.
const REPLACEMENTS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss' };

export function slugify(name: string, maxLength = 60): string {
  const ascii = name
    .toLowerCase()
    .replace(/[æøåß]/g, (ch) => REPLACEMENTS[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = ascii
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug || 'gruppe';
}

/** The first of slug, slug-2, slug-3 ... not in `taken`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
