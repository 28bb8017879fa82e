// Create an account: name, e-mail, password, home municipality and consent to the terms.
import { Layout } from '../../../core/views/layout.js';
import { Checkbox, Form, Select, SubmitButton, TextField } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { AsideLink, translateErrors } from './shared.js';

export interface RegisterPageProps {
  page: PageContext;
  municipalities: { id: number; name: string }[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
}

export function RegisterPage({ page, municipalities, values = {}, errors }: RegisterPageProps) {
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('accounts.register.title')}>
      <h1>{t('accounts.register.title')}</h1>
      <p class="font-lead">{t('accounts.register.lead')}</p>
      <Form page={page} action="/register" errors={translateErrors(page.i18n, errors)}>
        <TextField name="name" label={t('accounts.field.name')} hint={t('accounts.field.name.hint')} value={values.name} autocomplete="name" maxlength={100} width="l" required />
        <TextField name="email" type="email" label={t('accounts.field.email')} value={values.email} autocomplete="email" inputmode="email" spellcheck={false} maxlength={254} width="l" required />
        <TextField name="password" type="password" label={t('accounts.field.password')} hint={t('accounts.field.newPassword.hint')} autocomplete="new-password" maxlength={200} width="l" required />
        <Select
          name="municipality"
          label={t('accounts.field.municipality')}
          hint={t('accounts.field.municipality.hint')}
          optional
          placeholder={t('accounts.field.municipality.none')}
          options={municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
          value={values.municipality}
        />
        <Checkbox name="terms" value="yes" label={t('accounts.field.terms')} hint={t('accounts.field.terms.hint')} checked={values.terms === 'yes'} required />
        <SubmitButton>{t('accounts.register.submit')}</SubmitButton>
      </Form>
      <AsideLink text={t('accounts.register.haveAccount')} href="/login">
        {t('core.signIn')}
      </AsideLink>
    </Layout>
  );
}
