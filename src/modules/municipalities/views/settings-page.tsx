// The municipality's own details: name, taglines, inhabitants and default language.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink } from '../../../core/views/components.js';
import { Form, RadioGroup, SubmitButton, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { Municipality } from '../municipalities.types.js';
import { adminBase, adminCrumbs } from './admin-frame.js';

export interface SettingsFormValues {
  name: string;
  taglineDa: string;
  taglineEn: string;
  inhabitants: string;
  defaultLang: string;
}

export function settingsFormValues(m: Municipality): SettingsFormValues {
  return {
    name: m.name,
    taglineDa: m.tagline.da,
    taglineEn: m.tagline.en,
    inhabitants: m.inhabitants === null ? '' : String(m.inhabitants),
    defaultLang: m.defaultLang,
  };
}

export function SettingsPage(props: { page: PageContext; municipality: Municipality; values: SettingsFormValues; errors?: FieldErrors }) {
  const { page, municipality: m, values } = props;
  const { t } = page.i18n;
  const title = t('municipalities.settings.title');
  return (
    <Layout page={page} title={`${title} – ${m.name}`} breadcrumbs={adminCrumbs(t, m, [{ label: title }])}>
      <h1>{title}</h1>
      <p class="font-lead">{t('municipalities.settings.lead')}</p>
      <p>{t('municipalities.settings.address', { path: `/m/${m.slug}` })}</p>
      <Form page={page} action={`${adminBase(m)}/settings`} errors={props.errors}>
        <TextField name="name" label={t('municipalities.settings.field.name')} value={values.name} maxlength={120} autocomplete="organization" />
        <TextField
          name="taglineDa"
          label={t('municipalities.settings.field.taglineDa')}
          hint={t('municipalities.settings.field.taglineHint')}
          optional
          value={values.taglineDa}
          maxlength={200}
          autocomplete="off"
        />
        <TextField name="taglineEn" label={t('municipalities.settings.field.taglineEn')} optional value={values.taglineEn} maxlength={200} autocomplete="off" />
        <TextField
          name="inhabitants"
          label={t('municipalities.settings.field.inhabitants')}
          hint={t('municipalities.area.field.inhabitantsHint')}
          optional
          value={values.inhabitants}
          inputmode="numeric"
          width="s"
          autocomplete="off"
        />
        <RadioGroup
          name="defaultLang"
          label={t('municipalities.settings.field.defaultLang')}
          hint={t('municipalities.settings.field.defaultLangHint')}
          value={values.defaultLang}
          options={[
            { value: 'da', label: t('core.language.da') },
            { value: 'en', label: t('core.language.en') },
          ]}
        />
        <div class="app-button-row mt-6">
          <SubmitButton>{t('municipalities.admin.save')}</SubmitButton>
          <ButtonLink href={adminBase(m)} variant="tertiary">
            {t('municipalities.admin.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </Layout>
  );
}
