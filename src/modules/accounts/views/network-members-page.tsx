// Network admins give and take back roles in the network of municipalities.
import { Layout } from '../../../core/views/layout.js';
import { Form, Select, SubmitButton, TextField } from '../../../core/views/forms.js';
import { Alert, DataTable, EmptyState } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { networkRoles } from '../../../core/auth/actor.js';
import type { NetworkMember } from '../accounts.types.js';
import { Hidden, translateErrors } from './shared.js';

export interface NetworkMembersPageProps {
  page: PageContext;
  members: NetworkMember[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
  alertKey?: string;
}

export function NetworkMembersPage({ page, members, values = {}, errors, alertKey }: NetworkMembersPageProps) {
  const { t } = page.i18n;
  const action = '/network/admin/members';
  return (
    <Layout page={page} title={t('accounts.network.title')} wide breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: t('accounts.network.title') }]}>
      <h1>{t('accounts.network.title')}</h1>
      <p class="font-lead">{t('accounts.network.lead')}</p>
      {alertKey ? (
        <Alert kind="error" role="alert">
          {t(alertKey)}
        </Alert>
      ) : null}
      {members.length === 0 ? (
        <EmptyState title={t('accounts.network.empty')} />
      ) : (
        <DataTable
          caption={t('accounts.network.caption')}
          rows={members}
          columns={[
            { header: t('accounts.staff.colName'), cell: (m) => m.displayName },
            { header: t('accounts.staff.colEmail'), cell: (m) => m.email },
            { header: t('accounts.network.colRole'), cell: (m) => t(`accounts.networkRole.${m.role}`) },
            {
              header: t('accounts.staff.remove'),
              cell: (m) => (
                <Form page={page} action={action} class="app-inline-form">
                  <Hidden name="intent" value="revoke" />
                  <Hidden name="userId" value={m.userId} />
                  <button type="submit" class="function-link" aria-label={t('accounts.network.removeLabel', { name: m.displayName })}>
                    {t('accounts.staff.remove')}
                  </button>
                </Form>
              ),
            },
          ]}
        />
      )}
      <h2>{t('accounts.network.grantHeading')}</h2>
      <Form page={page} action={action} errors={translateErrors(page.i18n, errors)}>
        <Hidden name="intent" value="grant" />
        <TextField name="email" type="email" label={t('accounts.field.email')} hint={t('accounts.staff.grantEmailHint')} value={values.email} autocomplete="off" inputmode="email" spellcheck={false} maxlength={254} width="l" required />
        <Select name="role" label={t('accounts.field.networkRole')} value={values.role} options={networkRoles.map((r) => ({ value: r, label: t(`accounts.networkRole.${r}`) }))} required />
        <SubmitButton>{t('accounts.staff.grantSubmit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
