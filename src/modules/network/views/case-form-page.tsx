// The case form: write a new case, edit one, or publish an initiative as a case (prefilled). Texts in
// Danish and/or English; plain text only; a failed form comes back with the values and an error next
// to each field.
import { field, type FormFields } from '../../../core/http/form.js';
import { Checkbox, CheckboxGroup, Form, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import { Layout } from '../../../core/views/layout.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { MAX_LENGTH, textFieldName } from '../network.schemas.js';
import { caseStatuses, caseTags, caseTextFields, caseThemes, municipalitySizes, settings, textLangs } from '../network.types.js';
import { caseListUrl, networkHomeUrl } from '../network.urls.js';
import { LibraryStylesheet } from './library-assets.js';

export type CaseFormMode = { kind: 'new'; municipalities: { slug: string; name: string }[] } | { kind: 'edit'; cancelHref: string } | { kind: 'publish'; initiativeTitle: string; cancelHref: string };

export interface CaseFormPageProps {
  page: PageContext;
  mode: CaseFormMode;
  action: string;
  values: FormFields;
  errors?: FieldErrors;
}

const many = (v: FormFields, name: string): string[] => {
  const x = v[name];
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
};

export function CaseFormPage(p: CaseFormPageProps) {
  const { page, mode, values: v } = p;
  const { t } = page.i18n;
  const title = mode.kind === 'new' ? t('network.form.newTitle') : mode.kind === 'edit' ? t('network.form.editTitle') : t('network.form.publishTitle');
  const rows = (f: (typeof caseTextFields)[number]) => (f === 'title' ? 0 : f === 'summary' ? 3 : 5);
  return (
    <Layout
      page={page}
      title={title}
      breadcrumbs={[
        { label: t('core.siteName'), href: '/' },
        { label: t('network.nav.network'), href: networkHomeUrl },
        { label: t('network.home.allCases'), href: caseListUrl },
        { label: title },
      ]}
    >
      <LibraryStylesheet />
      <h1>{title}</h1>
      {mode.kind === 'publish' ? <p class="net-lead">{t('network.form.publishLead', { title: mode.initiativeTitle })}</p> : null}
      <p>{t('network.form.lead')}</p>
      <Form page={page} action={p.action} errors={p.errors ?? {}} id="case-form">
        {mode.kind === 'new' ? (
          mode.municipalities.length === 1 ? (
            <input type="hidden" name="municipality" value={mode.municipalities[0]!.slug} />
          ) : (
            <Select
              name="municipality"
              label={t('network.form.municipality')}
              value={field(v, 'municipality')}
              options={mode.municipalities.map((m) => ({ value: m.slug, label: m.name }))}
            />
          )
        ) : null}
        {textLangs.map((l) => (
          <fieldset class="net-fieldset">
            <legend>{t(l === 'da' ? 'network.form.languageDa' : 'network.form.languageEn')}</legend>
            <p class="form-hint">{t('network.form.languageHint', { language: t(`network.lang.${l}`) })}</p>
            {caseTextFields.map((f) =>
              f === 'title' ? (
                <TextField name={textFieldName(f, l)} label={labelIn(page, f, l)} value={field(v, textFieldName(f, l))} maxlength={MAX_LENGTH[f]} />
              ) : (
                <TextArea name={textFieldName(f, l)} label={labelIn(page, f, l)} value={field(v, textFieldName(f, l))} rows={rows(f)} maxlength={MAX_LENGTH[f]} optional />
              ),
            )}
          </fieldset>
        ))}
        <fieldset class="net-fieldset">
          <legend>{t('network.form.about')}</legend>
          <Select name="status" label={t('network.field.status')} value={field(v, 'status') || 'running'} placeholder={false} options={caseStatuses.map((s) => ({ value: s, label: t(`network.case.status.${s}`) }))} />
          <Select name="municipality_size" label={t('network.field.size')} value={field(v, 'municipality_size')} optional options={municipalitySizes.map((s) => ({ value: s, label: t(`network.size.${s}`) }))} />
          <Select name="setting" label={t('network.field.setting')} value={field(v, 'setting')} optional options={settings.map((s) => ({ value: s, label: t(`network.setting.${s}`) }))} />
          <CheckboxGroup name="themes" label={t('network.field.themes')} optional values={many(v, 'themes')} options={caseThemes.map((x) => ({ value: x, label: t(`network.theme.${x}`) }))} />
          <CheckboxGroup name="tags" label={t('network.field.tags')} optional values={many(v, 'tags')} options={caseTags.map((x) => ({ value: x, label: t(`network.tag.${x}`) }))} />
          <TextField name="stated_savings" label={t('network.field.statedSavings')} hint={t('network.evidence.statedHint')} value={field(v, 'stated_savings')} inputmode="decimal" width="s" optional />
          <TextField name="contact_name" label={t('network.field.contactName')} value={field(v, 'contact_name')} autocomplete="name" optional />
          <TextField name="contact_email" label={t('network.field.contactEmail')} type="email" value={field(v, 'contact_email')} autocomplete="email" optional />
        </fieldset>
        {mode.kind === 'publish' ? null : <Checkbox name="publish" label={t('network.field.publish')} checked={field(v, 'publish') === 'on'} />}
        <div class="app-button-row">
          <SubmitButton>{mode.kind === 'publish' ? t('network.form.publishButton') : t('network.form.save')}</SubmitButton>
          <a class="button button-tertiary" href={mode.kind === 'new' ? networkHomeUrl : mode.cancelHref}>
            {t('network.form.cancel')}
          </a>
        </div>
      </Form>
    </Layout>
  );
}

/** A field's label; the language is named so screen readers and sighted people tell the two versions apart. */
function labelIn(page: PageContext, f: (typeof caseTextFields)[number], l: 'da' | 'en'): string {
  const { t } = page.i18n;
  return `${t(`network.field.${f}`)} (${t(`network.lang.${l}`)})`;
}
