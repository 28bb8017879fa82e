// Sign in with e-mail and password. "Not confirmed yet" is only ever shown after a correct password.
import { Layout } from '../../../core/views/layout.js';
import { Form, SubmitButton, TextField } from '../../../core/views/forms.js';
import { Alert } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { ResendForm } from './check-email-page.js';
import { AsideLink, Hidden, translateErrors } from './shared.js';

export interface LoginPageProps {
  page: PageContext;
  next: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** Set when the password was right but the address is not confirmed yet. */
  unverifiedEmail?: string;
}

export function LoginPage({ page, next, values = {}, errors, unverifiedEmail }: LoginPageProps) {
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('accounts.login.title')}>
      <h1>{t('accounts.login.title')}</h1>
      {unverifiedEmail ? (
        <>
          <Alert kind="warning" heading={t('accounts.login.unverifiedTitle')} role="alert">
            {t('accounts.login.unverifiedText')}
          </Alert>
          <ResendForm page={page} email={unverifiedEmail} />
        </>
      ) : (
        <>
          <Form page={page} action="/login" errors={translateErrors(page.i18n, errors)}>
            {next ? <Hidden name="next" value={next} /> : null}
            <TextField name="email" type="email" label={t('accounts.field.email')} value={values.email} autocomplete="username" inputmode="email" spellcheck={false} maxlength={254} width="l" required />
            <TextField name="password" type="password" label={t('accounts.field.password')} autocomplete="current-password" width="l" required />
            <SubmitButton>{t('accounts.login.submit')}</SubmitButton>
          </Form>
          <p>
            <a href="/forgot-password">{t('accounts.login.forgot')}</a>
          </p>
          <AsideLink text={t('accounts.login.noAccount')} href="/register">
            {t('core.register')}
          </AsideLink>
        </>
      )}
    </Layout>
  );
}
