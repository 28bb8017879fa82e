// The page an e-mail confirmation link opens: one button that confirms (a POST), because mail
// scanners open links too and must not confirm on the person's behalf.
import { Layout } from '../../../core/views/layout.js';
import { Form, SubmitButton } from '../../../core/views/forms.js';
import { Alert, ButtonLink } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { ResendForm } from './check-email-page.js';
import { Hidden } from './shared.js';

export function VerifyEmailPage({ page, token }: { page: PageContext; token: string }) {
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('accounts.verify.title')}>
      <h1>{t('accounts.verify.title')}</h1>
      <p class="font-lead">{t('accounts.verify.text')}</p>
      <Form page={page} action="/verify-email">
        <Hidden name="token" value={token} />
        <SubmitButton>{t('accounts.verify.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

/** A confirmation or reset link that is used, expired or mangled, with the way to get a new one. */
export function LinkInvalidPage({ page, purpose }: { page: PageContext; purpose: 'verify_email' | 'reset_password' }) {
  const { t } = page.i18n;
  const prefix = purpose === 'verify_email' ? 'accounts.verify' : 'accounts.reset';
  return (
    <Layout page={page} title={t(`${prefix}.invalidTitle`)}>
      <h1>{t(`${prefix}.invalidTitle`)}</h1>
      <Alert kind="warning">{t(`${prefix}.invalidText`)}</Alert>
      {purpose === 'verify_email' ? (
        <ResendForm page={page} />
      ) : (
        <p>
          <ButtonLink href="/forgot-password" variant="primary">
            {t('accounts.reset.requestNew')}
          </ButtonLink>
        </p>
      )}
    </Layout>
  );
}
