// Correcting an initiative's text after proposing it. Works without JavaScript; a failed save comes
// back with the values entered and the error at each field.
import { Layout } from '../../../core/views/layout.js';
import { Form, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { field, type FormFields } from '../../../core/http/form.js';
import type { Area, Municipality, Theme } from '../../municipalities/index.js';
import { langOptions, translated } from './shared.js';

export interface EditPageProps {
  page: PageContext;
  municipality: Municipality;
  initiativeId: number;
  /** The title as it is now, for the breadcrumb. */
  currentTitle: string;
  areas: Area[];
  themes: Theme[];
  values: FormFields;
  errors: FieldErrors;
}

export function EditPage(props: EditPageProps) {
  const { page, municipality: m, values, errors } = props;
  const { t, lang } = page.i18n;
  const v = (name: string) => field(values, name);
  const list = `/m/${encodeURIComponent(m.slug)}/initiatives`;
  const base = `${list}/${props.initiativeId}`;
  return (
    <Layout
      page={page}
      title={t('initiatives.edit.title')}
      breadcrumbs={[
        { label: t('core.siteName'), href: '/' },
        { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` },
        { label: t('initiatives.list.title'), href: list },
        { label: props.currentTitle, href: base },
        { label: t('initiatives.edit.title') },
      ]}
    >
      <h1>{t('initiatives.edit.title')}</h1>
      <p class="font-lead">{t('initiatives.edit.lead')}</p>
      <Form page={page} action={`${base}/edit`} errors={translated(page.i18n, errors)}>
        <TextField name="title" label={t('initiatives.field.title')} hint={t('initiatives.field.titleHint')} value={v('title')} maxlength={140} />
        <TextArea name="problem" label={t('initiatives.field.problem')} hint={t('initiatives.field.problemHint')} value={v('problem')} rows={6} maxlength={10000} />
        <TextArea name="proposal" label={t('initiatives.field.proposal')} hint={t('initiatives.field.proposalHint')} value={v('proposal')} rows={6} maxlength={10000} />
        <Select name="lang" label={t('initiatives.field.lang')} hint={t('initiatives.field.langHint')} value={v('lang') || lang} placeholder={false} options={langOptions(page.i18n)} />
        <Select name="area" label={t('initiatives.field.area')} value={v('area')} placeholder={t('initiatives.field.wholeMunicipality')} options={props.areas.map((a) => ({ value: String(a.id), label: a.name }))} />
        <Select name="theme" label={t('initiatives.field.theme')} value={v('theme')} placeholder={t('initiatives.field.noTheme')} options={props.themes.map((th) => ({ value: String(th.id), label: th.name[lang] }))} />
        <SubmitButton>{t('initiatives.edit.submit')}</SubmitButton>
      </Form>
      <p>
        <a href={base}>{t('initiatives.edit.cancel')}</a>
      </p>
    </Layout>
  );
}
