// People's text is plain text: shown as written, never as HTML. Line breaks are kept and web
// addresses (http and https only) become links that search engines do not follow and that cannot
// reach back into this page (rel="nofollow ugc noopener").
import type { Child } from 'hono/jsx';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'"»”’*]+$/;

/** Splits a line into text and link parts. Exported for tests. */
export function linkParts(line: string): ({ text: string } | { text: string; href: string })[] {
  const parts: ({ text: string } | { text: string; href: string })[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    let candidate = match[0];
    // Punctuation that ends a sentence is not part of the address; a closing bracket only when unopened.
    for (;;) {
      const trimmed = candidate.replace(TRAILING, '');
      const opens = (trimmed.match(/\(/g) ?? []).length;
      const closes = (trimmed.match(/\)/g) ?? []).length;
      const next = trimmed.endsWith(')') && closes > opens ? trimmed.slice(0, -1) : trimmed;
      if (next === candidate) break;
      candidate = next;
    }
    const start = match.index ?? 0;
    const href = safeHref(candidate);
    if (!href) continue;
    if (start > last) parts.push({ text: line.slice(last, start) });
    parts.push({ text: candidate, href });
    last = start + candidate.length;
  }
  if (last < line.length) parts.push({ text: line.slice(last) });
  return parts;
}

export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

function Line({ line }: { line: string }) {
  return (
    <>
      {linkParts(line).map((p) =>
        'href' in p ? (
          <a href={p.href} rel="nofollow ugc noopener">
            {p.text}
          </a>
        ) : (
          p.text
        ),
      )}
    </>
  );
}

/** Paragraphs at blank lines, line breaks inside them, links made safe; `lang` is the text's own language. */
export function PlainText({ text, lang, class: cls }: { text: string; lang?: string; class?: string }) {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n{2,}/).map((p) => p.trim()).filter((p) => p !== '');
  return (
    <div class={cls ? `app-user-text ${cls}` : 'app-user-text'} lang={lang}>
      {paragraphs.map((p) => {
        const lines = p.split('\n');
        return (
          <p>
            {lines.map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                <Line line={line} />
              </>
            ))}
          </p>
        );
      })}
    </div>
  );
}

/** One-line text (titles, excerpts): the same rules, without links or paragraphs. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
