// A municipality's admins give and take back roles: a table of everyone with a role, each role with
// its own small remove form, and a form to give a role to an account by e-mail.
import { Layout } from '../../../core/views/layout.js';
import { Form, Select, SubmitButton, TextField } from '../../../core/views/forms.js';
import { Alert, DataTable, EmptyState } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { municipalRoles } from '../../../core/auth/actor.js';
import type { StaffMember } from '../accounts.types.js';
import { Hidden, translateErrors } from './shared.js';

export interface StaffPageProps {
  page: PageContext;
  municipality: { slug: string; name: string };
  staff: StaffMember[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** An i18n key for a refusal that belongs to no field (e.g. removing the last admin). */
  alertKey?: string;
}

export function StaffPage({ page, municipality: m, staff, values = {}, errors, alertKey }: StaffPageProps) {
  const { t } = page.i18n;
  const action = `/m/${m.slug}/admin/staff`;
  return (
    <Layout
      page={page}
      title={t('accounts.staff.title')}
      wide
      breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: m.name, href: `/m/${m.slug}` }, { label: t('accounts.staff.title') }]}
    >
      <h1>{t('accounts.staff.title')}</h1>
      <p class="font-lead">{t('accounts.staff.lead', { municipality: m.name })}</p>
      {alertKey ? (
        <Alert kind="error" role="alert">
          {t(alertKey)}
        </Alert>
      ) : null}
      {staff.length === 0 ? (
        <EmptyState title={t('accounts.staff.empty')} />
      ) : (
        <DataTable
          caption={t('accounts.staff.caption', { municipality: m.name })}
          rows={staff}
          columns={[
            { header: t('accounts.staff.colName'), cell: (s) => s.displayName },
            { header: t('accounts.staff.colEmail'), cell: (s) => s.email },
            {
              header: t('accounts.staff.colRoles'),
              cell: (s) => (
                <ul class="nobullet-list app-role-list">
                  {s.roles.map((role) => (
                    <li>
                      <Form page={page} action={action} class="app-inline-form">
                        <Hidden name="intent" value="revoke" />
                        <Hidden name="userId" value={s.userId} />
                        <Hidden name="role" value={role} />
                        {t(`accounts.role.${role}`)}{' '}
                        <button type="submit" class="function-link" aria-label={t('accounts.staff.removeLabel', { role: t(`accounts.role.${role}`), name: s.displayName })}>
                          {t('accounts.staff.remove')}
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      <h2>{t('accounts.staff.grantHeading')}</h2>
      <Form page={page} action={action} errors={translateErrors(page.i18n, errors)}>
        <Hidden name="intent" value="grant" />
        <TextField name="email" type="email" label={t('accounts.field.email')} hint={t('accounts.staff.grantEmailHint')} value={values.email} autocomplete="off" inputmode="email" spellcheck={false} maxlength={254} width="l" required />
        <Select name="role" label={t('accounts.field.role')} value={values.role} options={municipalRoles.map((r) => ({ value: r, label: t(`accounts.role.${r}`) }))} required />
        <SubmitButton>{t('accounts.staff.grantSubmit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
