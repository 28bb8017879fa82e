// Ask for a reset link. The answer afterwards is the same whether or not the address has an account.
import { Layout } from '../../../core/views/layout.js';
import { Form, SubmitButton, TextField } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { translateErrors } from './shared.js';

export function ForgotPasswordPage({ page, values = {}, errors }: { page: PageContext; values?: Record<string, string>; errors?: Record<string, string> }) {
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('accounts.forgot.title')}>
      <h1>{t('accounts.forgot.title')}</h1>
      <p class="font-lead">{t('accounts.forgot.lead')}</p>
      <Form page={page} action="/forgot-password" errors={translateErrors(page.i18n, errors)}>
        <TextField name="email" type="email" label={t('accounts.field.email')} value={values.email} autocomplete="email" inputmode="email" spellcheck={false} maxlength={254} width="l" required />
        <SubmitButton>{t('accounts.forgot.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
