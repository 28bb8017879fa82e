// "Min side": the person's own details, language, home municipality, directory consent and roles.
import { Layout } from '../../../core/views/layout.js';
import { Checkbox, Form, RadioGroup, Select, SubmitButton, TextField } from '../../../core/views/forms.js';
import { Badge, DataTable } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { MunicipalRole, NetworkRole, User } from '../accounts.types.js';
import { translateErrors } from './shared.js';

export interface AccountRolesRow {
  municipality: { slug: string; name: string };
  roles: MunicipalRole[];
}

export interface AccountPageProps {
  page: PageContext;
  user: User;
  municipalities: { id: number; name: string }[];
  roles: AccountRolesRow[];
  networkRole: NetworkRole | null;
  values: Record<string, string>;
  errors?: Record<string, string>;
}

/** The form's values from the stored profile, for a first render. */
export function profileValues(user: User): Record<string, string> {
  return {
    name: user.displayName,
    lang: user.preferredLang ?? '',
    municipality: user.homeMunicipalityId === null ? '' : String(user.homeMunicipalityId),
    directory: user.showInDirectory ? 'yes' : '',
  };
}

export function AccountPage({ page, user, municipalities, roles, networkRole, values, errors }: AccountPageProps) {
  const { t } = page.i18n;
  const adminOf = roles.filter((r) => r.roles.includes('admin'));
  return (
    <Layout page={page} title={t('accounts.account.title')}>
      <h1>{t('accounts.account.title')}</h1>
      <h2>{t('accounts.account.profileHeading')}</h2>
      <dl class="app-definition-list">
        <dt>{t('accounts.account.email')}</dt>
        <dd>
          {user.email} {user.emailVerified ? <Badge kind="success">{t('accounts.account.emailVerified')}</Badge> : null}
        </dd>
      </dl>
      <Form page={page} action="/account" errors={translateErrors(page.i18n, errors)}>
        <TextField name="name" label={t('accounts.field.name')} hint={t('accounts.field.name.hint')} value={values.name} autocomplete="name" maxlength={100} width="l" required />
        <RadioGroup
          name="lang"
          label={t('accounts.field.lang')}
          hint={t('accounts.field.lang.hint')}
          value={values.lang ?? ''}
          options={[
            { value: '', label: t('accounts.field.lang.auto') },
            { value: 'da', label: t('accounts.field.lang.da') },
            { value: 'en', label: t('accounts.field.lang.en') },
          ]}
        />
        <Select
          name="municipality"
          label={t('accounts.field.municipality')}
          hint={t('accounts.field.municipality.hint')}
          optional
          placeholder={t('accounts.field.municipality.none')}
          options={municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
          value={values.municipality}
        />
        <Checkbox name="directory" value="yes" label={t('accounts.field.directory')} hint={t('accounts.field.directory.hint')} checked={values.directory === 'yes'} />
        <SubmitButton>{t('accounts.account.submit')}</SubmitButton>
      </Form>

      <h2>{t('accounts.account.securityHeading')}</h2>
      <p>
        <a class="function-link" href="/account/password">
          {t('accounts.account.changePassword')}
        </a>
      </p>

      <h2>{t('accounts.account.rolesHeading')}</h2>
      {networkRole ? <p>{t('accounts.account.networkRole', { role: t(`accounts.networkRole.${networkRole}`) })}</p> : null}
      {roles.length === 0 ? (
        <p>{t('accounts.account.noRoles')}</p>
      ) : (
        <DataTable
          caption={t('accounts.account.rolesCaption')}
          captionHidden
          rows={roles}
          columns={[
            { header: t('accounts.account.colMunicipality'), cell: (r) => <a href={`/m/${r.municipality.slug}`}>{r.municipality.name}</a> },
            { header: t('accounts.account.colRoles'), cell: (r) => r.roles.map((role) => t(`accounts.role.${role}`)).join(', ') },
          ]}
        />
      )}
      {adminOf.length > 0 || networkRole === 'admin' ? (
        <ul class="nobullet-list">
          {adminOf.map((r) => (
            <li>
              <a class="function-link" href={`/m/${r.municipality.slug}/admin/staff`}>
                {t('accounts.account.staffLink', { municipality: r.municipality.name })}
              </a>
            </li>
          ))}
          {networkRole === 'admin' ? (
            <li>
              <a class="function-link" href="/network/admin/members">
                {t('accounts.account.networkLink')}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </Layout>
  );
}
