// Change one's password while signed in: the current one, then the new one.
import { Layout } from '../../../core/views/layout.js';
import { Form, SubmitButton, TextField } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { translateErrors } from './shared.js';

export function ChangePasswordPage({ page, errors }: { page: PageContext; errors?: Record<string, string> }) {
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('accounts.password.title')}>
      <h1>{t('accounts.password.title')}</h1>
      <p class="font-lead">{t('accounts.password.lead')}</p>
      <Form page={page} action="/account/password" errors={translateErrors(page.i18n, errors)}>
        <TextField name="current" type="password" label={t('accounts.password.current')} autocomplete="current-password" maxlength={1000} width="l" required />
        <TextField name="password" type="password" label={t('accounts.field.newPassword')} hint={t('accounts.field.newPassword.hint')} autocomplete="new-password" maxlength={200} width="l" required />
        <SubmitButton>{t('accounts.password.submit')}</SubmitButton>
      </Form>
      <p>
        <a href="/account">{t('accounts.account.title')}</a>
      </p>
    </Layout>
  );
}
