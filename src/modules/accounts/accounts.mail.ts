// The e-mails the accounts module sends, in the recipient's language, with links built from BASE_URL.
// Delivery runs in the background: a request's answer and timing must not depend on whether a mail
// went out (that would tell whether an address has an account), and a slow mail server must not
// hold up a page.
import type { AppDeps } from '../../core/http/context.js';
import type { Lang } from '../../core/i18n/i18n.js';
import type { MailMessage } from '../../core/mail/mailer.js';

export type MailDeps = Pick<AppDeps, 'mailer' | 'catalog' | 'config' | 'log'>;

export type AccountMail =
  | { kind: 'verify'; name: string; token: string }
  | { kind: 'exists'; name: string }
  | { kind: 'reset'; name: string; token: string };

export function link(deps: Pick<AppDeps, 'config'>, path: string): string {
  return deps.config.baseUrl.replace(/\/+$/, '') + path;
}

export function composeAccountMail(deps: Pick<AppDeps, 'catalog' | 'config'>, lang: Lang, to: string, mail: AccountMail): MailMessage {
  const t = (key: string, values?: Record<string, string>) => deps.catalog.format(lang, key, values);
  let subject: string;
  let body: string;
  switch (mail.kind) {
    case 'verify':
      subject = t('accounts.mail.verify.subject');
      body = t('accounts.mail.verify.body', { link: link(deps, `/verify-email?token=${mail.token}`) });
      break;
    case 'exists':
      subject = t('accounts.mail.exists.subject');
      body = t('accounts.mail.exists.body', { loginLink: link(deps, '/login'), forgotLink: link(deps, '/forgot-password') });
      break;
    case 'reset':
      subject = t('accounts.mail.reset.subject');
      body = t('accounts.mail.reset.body', { link: link(deps, `/reset-password?token=${mail.token}`) });
      break;
  }
  const text = `${t('accounts.mail.greeting', { name: mail.name })}\n\n${body}\n\n${t('accounts.mail.signature')}\n`;
  return { to, subject, text };
}

const inFlight = new Set<Promise<void>>();

/** Sends in the background; a failure is logged (never with the body, which holds a secret link). */
export function deliverInBackground(deps: MailDeps, lang: Lang, to: string, mail: AccountMail): void {
  const message = composeAccountMail(deps, lang, to, mail);
  const p = deps.mailer
    .send(message)
    .catch((error: unknown) => deps.log.error('account mail not sent', { kind: mail.kind, error: error instanceof Error ? error.message : String(error) }))
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
}

/** Resolves when every mail started so far has been handed over (or failed): for shutdown and tests. */
export async function settleAccountMail(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
