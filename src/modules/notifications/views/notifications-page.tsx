// A person's notifications from every municipality, newest first, and how often they want e-mail.
import { Layout } from '../../../core/views/layout.js';
import { Badge, EmptyState } from '../../../core/views/components.js';
import { Form, RadioGroup, SubmitButton, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { EmailFrequency, NotificationItem } from '../notifications.repository.js';

export function NotificationsPage(props: { page: PageContext; items: NotificationItem[]; unread: number; frequency: EmailFrequency; errors?: FieldErrors }) {
  const { page, items } = props;
  const { t, formatDate } = page.i18n;
  return (
    <Layout page={page} title={t('notifications.page.title')} breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: t('notifications.page.title') }]}>
      <h1>{t('notifications.page.title')}</h1>
      <p class="font-lead">{t('notifications.page.lead')}</p>
      <h2>{t('notifications.page.listHeading')}</h2>
      <p>{t('notifications.page.unread', { count: props.unread })}</p>
      {items.length === 0 ? (
        <EmptyState title={t('notifications.page.empty')} headingLevel={3} />
      ) : (
        <>
          <ul class="nobullet-list">
            {items.map((n) => (
              <li class="mb-5">
                {n.readAt ? null : (
                  <>
                    <Badge kind="info">{t('notifications.page.new')}</Badge>{' '}
                  </>
                )}
                <a href={n.link}>{t(n.messageKey, n.params)}</a>
                <br />
                <span class="app-card-meta">
                  <time datetime={n.createdAt.toISOString()}>{formatDate(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                </span>
              </li>
            ))}
          </ul>
          {props.unread > 0 ? (
            <Form page={page} action="/notifications/read">
              <SubmitButton variant="secondary">{t('notifications.page.markAllRead')}</SubmitButton>
            </Form>
          ) : null}
        </>
      )}
      <h2>{t('notifications.settings.heading')}</h2>
      <Form page={page} action="/notifications/settings" errors={Object.fromEntries(Object.entries(props.errors ?? {}).map(([k, v]) => [k, v ? t(v) : v]))}>
        <RadioGroup
          name="frequency"
          label={t('notifications.settings.legend')}
          value={props.frequency}
          options={(['immediately', 'daily', 'never'] as const).map((f) => ({
            value: f,
            label: t(`notifications.settings.${f}`),
            hint: t(`notifications.settings.${f}.hint`),
          }))}
        />
        <div class="app-button-row mt-5"><SubmitButton>{t('notifications.settings.save')}</SubmitButton></div>
      </Form>
    </Layout>
  );
}
