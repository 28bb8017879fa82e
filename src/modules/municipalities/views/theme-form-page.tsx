// Create or edit a theme: a key for addresses and the API, and its name in both languages.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink } from '../../../core/views/components.js';
import { Form, SubmitButton, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { Municipality, Theme } from '../municipalities.types.js';
import { adminBase, adminCrumbs } from './admin-frame.js';

export interface ThemeFormValues {
  key: string;
  nameDa: string;
  nameEn: string;
}

export function themeFormValues(theme: Theme | null): ThemeFormValues {
  return { key: theme?.key ?? '', nameDa: theme?.name.da ?? '', nameEn: theme?.name.en ?? '' };
}

export function ThemeFormPage(props: { page: PageContext; municipality: Municipality; theme: Theme | null; values: ThemeFormValues; errors?: FieldErrors }) {
  const { page, municipality: m, theme, values } = props;
  const { t, lang } = page.i18n;
  const list = `${adminBase(m)}/themes`;
  const title = theme ? t('municipalities.themes.editTitle', { name: theme.name[lang] }) : t('municipalities.themes.newTitle');
  const action = theme ? `${list}/${theme.id}/edit` : `${list}/new`;
  return (
    <Layout page={page} title={`${title} – ${m.name}`} breadcrumbs={adminCrumbs(t, m, [{ label: t('municipalities.themes.title'), href: list }, { label: title }])}>
      <h1>{title}</h1>
      <Form page={page} action={action} errors={props.errors}>
        <TextField name="nameDa" label={t('municipalities.theme.field.nameDa')} value={values.nameDa} maxlength={80} autocomplete="off" />
        <TextField name="nameEn" label={t('municipalities.theme.field.nameEn')} value={values.nameEn} maxlength={80} autocomplete="off" />
        <TextField
          name="key"
          label={t('municipalities.theme.field.key')}
          hint={t('municipalities.theme.field.keyHint')}
          value={values.key}
          maxlength={40}
          width="m"
          autocomplete="off"
          spellcheck={false}
        />
        <div class="app-button-row mt-6">
          <SubmitButton>{theme ? t('municipalities.admin.save') : t('municipalities.themes.create')}</SubmitButton>
          <ButtonLink href={list} variant="tertiary">
            {t('municipalities.admin.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </Layout>
  );
}
