// Error pages say what happened and what to do next in the visitor's language. They never show
// internals (messages, stack traces, SQL): those belong in the log.
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

export const errorStatuses = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500] as const;
export type ErrorStatus = (typeof errorStatuses)[number];

/** The status whose texts to show: itself if known, else the generic 400 or 500. */
export function knownStatus(status: number): ErrorStatus {
  if ((errorStatuses as readonly number[]).includes(status)) return status as ErrorStatus;
  return status >= 400 && status < 500 ? 400 : 500;
}

export function ErrorPage(props: {
  page: PageContext;
  status: number;
  /** An i18n key for a more specific explanation than the status's own (a key, so never internals). */
  messageKey?: string;
}) {
  const { page, status } = props;
  const { t } = page.i18n;
  const known = knownStatus(status);
  const title = t(`core.error.${known}.title`);
  return (
    <Layout page={page} title={title}>
      <h1>{title}</h1>
      <p class="font-lead">{t(props.messageKey ?? `core.error.${known}.text`)}</p>
      <p class="app-button-row">
        {known === 401 && !page.user ? (
          <a class="button button-primary" href="/login">
            {t('core.signIn')}
          </a>
        ) : null}
        <a class={known === 401 && !page.user ? 'button button-secondary' : 'button button-primary'} href="/">
          {t('core.error.home')}
        </a>
      </p>
      <p class="app-error-code">{t('core.error.code', { status })}</p>
    </Layout>
  );
}

export function NotFoundPage({ page }: { page: PageContext }) {
  return <ErrorPage page={page} status={404} />;
}
