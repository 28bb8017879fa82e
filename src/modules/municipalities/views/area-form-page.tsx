// Create or edit a local area. On a failed submit the page comes back with what was typed and an
// error next to each field.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink } from '../../../core/views/components.js';
import { Form, RadioGroup, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { areaKinds, type Area, type Municipality } from '../municipalities.types.js';
import { adminBase, adminCrumbs } from './admin-frame.js';

export interface AreaFormValues {
  name: string;
  kind: string;
  inhabitants: string;
  boundary: string;
}

export function areaFormValues(area: Area | null): AreaFormValues {
  return {
    name: area?.name ?? '',
    kind: area?.kind ?? '',
    inhabitants: area?.inhabitants == null ? '' : String(area.inhabitants),
    boundary: area?.boundary ? JSON.stringify(area.boundary) : '',
  };
}

export function AreaFormPage(props: { page: PageContext; municipality: Municipality; area: Area | null; values: AreaFormValues; errors?: FieldErrors }) {
  const { page, municipality: m, area, values } = props;
  const { t } = page.i18n;
  const list = `${adminBase(m)}/areas`;
  const title = area ? t('municipalities.areas.editTitle', { name: area.name }) : t('municipalities.areas.newTitle');
  const action = area ? `${list}/${area.id}/edit` : `${list}/new`;
  return (
    <Layout page={page} title={`${title} – ${m.name}`} breadcrumbs={adminCrumbs(t, m, [{ label: t('municipalities.areas.title'), href: list }, { label: title }])}>
      <h1>{title}</h1>
      <Form page={page} action={action} errors={props.errors}>
        <TextField name="name" label={t('municipalities.area.field.name')} hint={t('municipalities.area.field.nameHint')} value={values.name} maxlength={120} autocomplete="off" />
        <RadioGroup
          name="kind"
          label={t('municipalities.area.field.kind')}
          value={values.kind}
          options={areaKinds.map((k) => ({ value: k, label: t(`municipalities.area.kind.${k}`), hint: t(`municipalities.area.kindHint.${k}`) }))}
        />
        <TextField
          name="inhabitants"
          label={t('municipalities.area.field.inhabitants')}
          hint={t('municipalities.area.field.inhabitantsHint')}
          optional
          value={values.inhabitants}
          inputmode="numeric"
          width="s"
          autocomplete="off"
        />
        <TextArea name="boundary" label={t('municipalities.area.field.boundary')} hint={t('municipalities.area.field.boundaryHint')} optional value={values.boundary} rows={8} />
        <div class="app-button-row mt-6">
          <SubmitButton>{area ? t('municipalities.admin.save') : t('municipalities.areas.create')}</SubmitButton>
          <ButtonLink href={list} variant="tertiary">
            {t('municipalities.admin.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </Layout>
  );
}
