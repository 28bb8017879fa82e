// Network admins add a municipality to the network here.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink } from '../../../core/views/components.js';
import { Form, Select, SubmitButton, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { danishRegions } from '../municipalities.types.js';

export interface NewMunicipalityValues {
  slug: string;
  name: string;
  region: string;
  inhabitants: string;
}

export const emptyNewMunicipality: NewMunicipalityValues = { slug: '', name: '', region: '', inhabitants: '' };

export function NewMunicipalityPage(props: { page: PageContext; values: NewMunicipalityValues; errors?: FieldErrors }) {
  const { page, values } = props;
  const { t } = page.i18n;
  const title = t('municipalities.new.title');
  return (
    <Layout page={page} title={title} breadcrumbs={[{ label: t('core.siteName'), href: '/' }, { label: title }]}>
      <h1>{title}</h1>
      <p class="font-lead">{t('municipalities.new.lead')}</p>
      <Form page={page} action="/network/admin/municipalities/new" errors={props.errors}>
        <TextField name="name" label={t('municipalities.new.field.name')} hint={t('municipalities.new.field.nameHint')} value={values.name} maxlength={120} autocomplete="off" />
        <TextField
          name="slug"
          label={t('municipalities.new.field.slug')}
          hint={t('municipalities.new.field.slugHint')}
          value={values.slug}
          maxlength={60}
          width="m"
          autocomplete="off"
          spellcheck={false}
        />
        <Select
          name="region"
          label={t('municipalities.new.field.region')}
          optional
          value={values.region}
          options={danishRegions.map((r) => ({ value: r, label: r }))}
        />
        <TextField
          name="inhabitants"
          label={t('municipalities.new.field.inhabitants')}
          hint={t('municipalities.area.field.inhabitantsHint')}
          optional
          value={values.inhabitants}
          inputmode="numeric"
          width="s"
          autocomplete="off"
        />
        <div class="app-button-row mt-6">
          <SubmitButton>{t('municipalities.new.submit')}</SubmitButton>
          <ButtonLink href="/" variant="tertiary">
            {t('municipalities.admin.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </Layout>
  );
}
