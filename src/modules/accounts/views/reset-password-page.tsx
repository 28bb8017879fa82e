// Choose a new password, from the link in a reset e-mail.
import { Layout } from '../../../core/views/layout.js';
import { Form, SubmitButton, TextField } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { Hidden, translateErrors } from './shared.js';

export function ResetPasswordPage({ page, token, errors }: { page: PageContext; token: string; errors?: Record<string, string> }) {
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('accounts.reset.title')}>
      <h1>{t('accounts.reset.title')}</h1>
      <p class="font-lead">{t('accounts.reset.lead')}</p>
      <Form page={page} action="/reset-password" errors={translateErrors(page.i18n, errors)}>
        <Hidden name="token" value={token} />
        <TextField name="password" type="password" label={t('accounts.field.newPassword')} hint={t('accounts.field.newPassword.hint')} autocomplete="new-password" maxlength={200} width="l" required />
        <SubmitButton>{t('accounts.reset.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
