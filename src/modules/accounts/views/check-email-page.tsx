// Shown after registering, whatever happened: the same words whether the address was new or known.
import { Layout } from '../../../core/views/layout.js';
import { Form, SubmitButton, TextField } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';

export function CheckEmailPage({ page }: { page: PageContext }) {
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('accounts.checkEmail.title')}>
      <h1>{t('accounts.checkEmail.title')}</h1>
      <p class="font-lead">{t('accounts.checkEmail.text')}</p>
      <p>{t('accounts.checkEmail.notArrived')}</p>
      <ResendForm page={page} />
    </Layout>
  );
}

/** Asks for a new confirmation link; used on several pages. */
export function ResendForm({ page, email, error }: { page: PageContext; email?: string; error?: string }) {
  const { t } = page.i18n;
  return (
    <section aria-labelledby="resend-heading">
      <h2 id="resend-heading" class="h3">
        {t('accounts.resend.heading')}
      </h2>
      <Form page={page} action="/verify-email/resend" errors={error ? { email: error } : {}}>
        <TextField name="email" type="email" label={t('accounts.field.email')} value={email} autocomplete="email" inputmode="email" spellcheck={false} maxlength={254} width="l" />
        <SubmitButton variant="secondary">{t('accounts.resend.submit')}</SubmitButton>
      </Form>
    </section>
  );
}

/** The resend form on a page of its own, for when a resend post needs correcting. */
export function ResendPage({ page, email, error }: { page: PageContext; email?: string; error?: string }) {
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('accounts.resend.heading')}>
      <h1>{t('accounts.resend.heading')}</h1>
      <Form page={page} action="/verify-email/resend" errors={error ? { email: error } : {}}>
        <TextField name="email" type="email" label={t('accounts.field.email')} value={email} autocomplete="email" inputmode="email" spellcheck={false} maxlength={254} width="l" />
        <SubmitButton>{t('accounts.resend.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
