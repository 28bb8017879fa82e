// Small pieces the accounts pages share.
import type { Child } from 'hono/jsx';
import type { I18n } from '../../../core/i18n/i18n.js';

/** Field errors arrive as i18n keys (from the schemas and commands) and are shown translated. */
export function translateErrors(i18n: I18n, errors: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, key] of Object.entries(errors ?? {})) out[name] = i18n.t(key);
  return out;
}

export function Hidden({ name, value }: { name: string; value: string | number }) {
  return <input type="hidden" name={name} value={String(value)} />;
}

/** A line of text followed by a link, e.g. "Har du allerede en bruger? Log ind". */
export function AsideLink({ text, href, children }: { text: string; href: string; children: Child }) {
  return (
    <p>
      {text} <a href={href}>{children}</a>
    </p>
  );
}
