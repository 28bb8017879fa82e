// Text people write is stored as written and shown as plain text: paragraphs and line breaks kept,
// http(s) addresses turned into links, nothing else. Every piece goes through hono/jsx escaping, so
// markup in the text is shown, never run. Written for groups; meant to move to core/views when
// other modules need it.
import type { Child } from 'hono/jsx';

/** rel for links in user text: no ranking credit, marked as user content, no window.opener. */
export const USER_LINK_REL = 'nofollow ugc noopener';

export type TextPiece = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// A run of non-space characters starting with http:// or https://; what counts is decided below.
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = '.,;:!?\'"»”’)]}>';

/** Strips punctuation that ends the sentence, keeping a closing bracket the URL itself opened. */
function trimUrl(candidate: string): string {
  let url = candidate;
  while (url.length > 0) {
    const last = url[url.length - 1]!;
    if (!TRAILING_PUNCTUATION.includes(last)) break;
    // "(se https://da.wikipedia.org/wiki/Lokalråd_(Danmark))": the first ")" belongs to the URL.
    if (last === ')' && count(url, '(') >= count(url, ')')) break;
    if (last === ']' && count(url, '[') >= count(url, ']')) break;
    url = url.slice(0, -1);
  }
  return url;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** An href that is safe to print: an absolute http(s) URL with a host, or null. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  return url.href;
}

/** Splits one line into text and links. */
export function linkify(line: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const m of line.matchAll(URL_CANDIDATE)) {
    const start = m.index;
    const text = trimUrl(m[0]);
    const href = safeHref(text);
    if (!href) continue;
    if (start > last) pieces.push({ kind: 'text', text: line.slice(last, start) });
    pieces.push({ kind: 'link', text, href });
    last = start + text.length;
  }
  if (last < line.length) pieces.push({ kind: 'text', text: line.slice(last) });
  return pieces;
}

/** Paragraphs split at blank lines, each a list of lines. */
export function paragraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => p.split('\n'));
}

/**
 * Break opportunities in a long address (after each "/" and every 24 characters otherwise), so it
 * wraps on a phone instead of widening the page.
 */
export function breakable(text: string): Child[] {
  const scheme = /^https?:\/\//i.exec(text)?.[0] ?? '';
  const parts = text
    .slice(scheme.length)
    .split(/(?<=\/)/)
    .flatMap((part) => part.match(/.{1,24}/gsu) ?? []);
  return parts.flatMap((part, i) => (i === 0 ? [scheme + part] : [<wbr />, part]));
}

function Line({ line }: { line: string }) {
  return (
    <>
      {linkify(line).map((piece) =>
        piece.kind === 'link' ? (
          <a href={piece.href} rel={USER_LINK_REL}>
            {breakable(piece.text)}
          </a>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}

/**
 * Plain text as paragraphs with line breaks and safe links. `lang` is the language the text was
 * written in, so screen readers pronounce it right when it differs from the page's.
 */
export function PlainText({ text, lang, class: cls }: { text: string; lang?: string; class?: string }) {
  const paras = paragraphs(text);
  const body: Child[] = paras.map((lines) => (
    <p>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          <Line line={line} />
        </>
      ))}
    </p>
  ));
  return (
    <div class={cls ? `groups-plain-text ${cls}` : 'groups-plain-text'} lang={lang}>
      {body}
    </div>
  );
}

/** The start of a text for a list: whole words, at most `max` characters, line breaks as spaces. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:–-]+$/, '')}…`;
}
