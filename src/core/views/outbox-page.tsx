// Development only: the e-mails the system has sent, so sign-in links and notices can be followed
// without a mail server.
import type { Child } from 'hono/jsx';
import type { OutboxEntry } from '../mail/mailer.js';
import { EmptyState } from './components.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

/** The text with its http(s) URLs as links; everything else stays escaped text. */
function linkify(text: string): Child[] {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part));
}

export function OutboxPage({ page, entries }: { page: PageContext; entries: OutboxEntry[] }) {
  const { t, formatDate } = page.i18n;
  return (
    <Layout page={page} title={t('core.outbox.title')}>
      <h1>{t('core.outbox.title')}</h1>
      <p class="font-lead">{t('core.outbox.lead')}</p>
      {entries.length === 0 ? <EmptyState title={t('core.outbox.empty')} /> : null}
      {entries.map((e) => (
        <article class="app-outbox-entry">
          <h2 class="h3">{e.subject}</h2>
          <p class="app-card-meta">
            {t('core.outbox.meta', { to: e.to, sent: formatDate(e.createdAt, { dateStyle: 'long', timeStyle: 'medium' }) })}
          </p>
          <pre class="app-outbox-text">{linkify(e.text)}</pre>
        </article>
      ))}
    </Layout>
  );
}
