// For coordinators: requests to decide on, invitations, and every member with their role.
import { Layout } from '../../../core/views/layout.js';
import { EmptyState } from '../../../core/views/components.js';
import { Form, SubmitButton, TextField } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { Group, Member } from '../groups.types.js';
import { urls } from '../groups.urls.js';
import { ActionButton, formatDateTime } from './shared.js';

export interface MembersPageProps {
  page: PageContext;
  municipality: { slug: string; name: string; timeZone: string };
  group: Group;
  members: Member[];
  requested: Member[];
  invited: Member[];
  viewerId: number;
  invite: { values: { email?: string }; errors: Record<string, string> };
}

export function MembersPage(p: MembersPageProps) {
  const { t } = p.page.i18n;
  const m = p.municipality;
  const g = p.group;
  const title = t('groups.admin.title');
  const memberUrl = (userId: number, action: string) => urls.member(m.slug, g.slug, userId, action);
  const coordinators = p.members.filter((x) => x.role === 'coordinator').length;
  const hasErrors = Object.keys(p.invite.errors).length > 0;

  return (
    <Layout
      page={p.page}
      title={hasErrors ? `${t('groups.form.errorTitlePrefix')} ${title}` : `${title} – ${g.name}`}
      wide
      breadcrumbs={[
        { label: t('core.siteName'), href: '/' },
        { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` },
        { label: t('groups.list.title'), href: urls.list(m.slug) },
        { label: g.name, href: urls.group(m.slug, g.slug) },
        { label: title },
      ]}
    >
      <h1>{title}</h1>
      <p class="font-lead">{g.name}</p>

      <section aria-labelledby="admin-requests">
        <h2 id="admin-requests">{t('groups.admin.requests', { count: p.requested.length })}</h2>
        {p.requested.length === 0 ? (
          <p>{t('groups.admin.noRequests')}</p>
        ) : (
          <ul class="bordered-list">
            {p.requested.map((x) => (
              <li>
                <strong>{x.displayName}</strong> <span class="app-card-meta">{t('groups.admin.askedAt', { at: formatDateTime(p.page.i18n, x.createdAt, m.timeZone) })}</span>
                <div class="app-button-row mt-2">
                  <ActionButton page={p.page} action={memberUrl(x.userId, 'approve')} label={t('groups.admin.approve')} context={x.displayName} variant="primary" />
                  <ActionButton page={p.page} action={memberUrl(x.userId, 'reject')} label={t('groups.admin.reject')} context={x.displayName} variant="tertiary" />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="admin-invite" class="mt-6">
        <h2 id="admin-invite">{t('groups.admin.inviteHeading')}</h2>
        <p>{t('groups.admin.inviteText')}</p>
        <Form page={p.page} action={urls.action(m.slug, g.slug, 'invite')} errors={p.invite.errors}>
          <TextField name="email" type="email" label={t('groups.field.email')} value={p.invite.values.email} autocomplete="off" width="l" required />
          <SubmitButton>{t('groups.admin.invite')}</SubmitButton>
        </Form>
        {p.invited.length > 0 ? (
          <>
            <h3>{t('groups.admin.invited', { count: p.invited.length })}</h3>
            <ul class="bordered-list">
              {p.invited.map((x) => (
                <li>
                  {x.displayName}{' '}
                  <ActionButton page={p.page} action={memberUrl(x.userId, 'remove')} label={t('groups.admin.cancelInvitation')} context={x.displayName} variant="tertiary" />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="admin-members" class="mt-6">
        <h2 id="admin-members">{t('groups.admin.members', { count: p.members.length })}</h2>
        {p.members.length === 0 ? (
          <EmptyState title={t('groups.members.none')} headingLevel={3} />
        ) : (
          <ul class="bordered-list">
            {p.members.map((x) => {
              const last = x.role === 'coordinator' && coordinators <= 1;
              return (
                <li>
                  <strong>{x.displayName}</strong> · {t(`groups.role.${x.role}`)}
                  <br />
                  <span class="app-card-meta">
                    {[
                      x.joinedAt ? t('groups.admin.memberSince', { date: p.page.i18n.formatDate(x.joinedAt, { dateStyle: 'medium', timeZone: m.timeZone }) }) : null,
                      x.showPublicly ? t('groups.admin.shownYes') : t('groups.admin.shownNo'),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {last ? (
                    <p class="app-card-meta mt-2 mb-0">{t('groups.admin.onlyCoordinator')}</p>
                  ) : (
                    <div class="app-button-row mt-2">
                      {x.role === 'coordinator' ? (
                        <ActionButton page={p.page} action={memberUrl(x.userId, 'role')} fields={{ role: 'member' }} label={t('groups.admin.demote')} context={x.displayName} />
                      ) : (
                        <ActionButton page={p.page} action={memberUrl(x.userId, 'role')} fields={{ role: 'coordinator' }} label={t('groups.admin.promote')} context={x.displayName} />
                      )}
                      {x.userId !== p.viewerId ? (
                        <ActionButton page={p.page} action={memberUrl(x.userId, 'remove')} label={t('groups.admin.remove')} context={x.displayName} variant="tertiary" />
                      ) : null}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <p class="mt-6">
        <a href={urls.group(m.slug, g.slug)}>{t('groups.admin.back')}</a>
      </p>
    </Layout>
  );
}
