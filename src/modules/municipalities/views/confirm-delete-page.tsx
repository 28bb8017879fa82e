// "Are you sure?" on a page of its own, so deleting works without JavaScript and never happens by a
// single stray click.
import { Layout } from '../../../core/views/layout.js';
import { Alert, ButtonLink, type Crumb } from '../../../core/views/components.js';
import { Form, SubmitButton } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';

export function ConfirmDeletePage(props: {
  page: PageContext;
  title: string;
  text: string;
  button: string;
  action: string;
  cancelHref: string;
  breadcrumbs: Crumb[];
  /** Why an earlier attempt failed, e.g. the area is still in use. */
  error?: string;
}) {
  const { page } = props;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={props.title} breadcrumbs={props.breadcrumbs}>
      <h1>{props.title}</h1>
      {props.error ? (
        <Alert kind="error" role="alert">
          {props.error}
        </Alert>
      ) : null}
      <p class="font-lead">{props.text}</p>
      <p>{t('municipalities.admin.deleteIrreversible')}</p>
      <Form page={page} action={props.action}>
        <div class="app-button-row">
          <SubmitButton variant="warning">{props.button}</SubmitButton>
          <ButtonLink href={props.cancelHref} variant="tertiary">
            {t('municipalities.admin.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </Layout>
  );
}
