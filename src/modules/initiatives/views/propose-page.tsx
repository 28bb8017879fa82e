// Proposing an initiative: what is the problem, what do you propose, where, and what do you ask the
// municipality for. One page, works without JavaScript; a failed submit comes back with the values.
import { Layout } from '../../../core/views/layout.js';
import { Form, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { FormFields } from '../../../core/http/form.js';
import { field } from '../../../core/http/form.js';
import type { Area, Municipality, Theme } from '../../municipalities/index.js';
import { PARTNER_ROWS } from '../initiatives.schemas.js';
import { askKinds, partnerKinds } from '../initiatives.types.js';
import { langOptions, translated } from './shared.js';

export interface ProposePageProps {
  page: PageContext;
  municipality: Municipality;
  areas: Area[];
  themes: Theme[];
  groups: { id: number; name: string }[];
  values: FormFields;
  errors: FieldErrors;
  creationKey: string;
}

export function ProposePage(props: ProposePageProps) {
  const { page, municipality: m, values, errors } = props;
  const { t, lang } = page.i18n;
  const v = (name: string) => field(values, name);
  const base = `/m/${encodeURIComponent(m.slug)}/initiatives`;
  return (
    <Layout
      page={page}
      title={t('initiatives.propose.title')}
      breadcrumbs={[
        { label: t('core.siteName'), href: '/' },
        { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` },
        { label: t('initiatives.list.title'), href: base },
        { label: t('initiatives.propose.title') },
      ]}
    >
      <h1>{t('initiatives.propose.title')}</h1>
      <p class="font-lead">{t('initiatives.propose.lead')}</p>
      <Form page={page} action={base} errors={translated(page.i18n, errors)}>
        <input type="hidden" name="creation_key" value={props.creationKey} />
        <TextField name="title" label={t('initiatives.field.title')} hint={t('initiatives.field.titleHint')} value={v('title')} maxlength={140} />
        <TextArea name="problem" label={t('initiatives.field.problem')} hint={t('initiatives.field.problemHint')} value={v('problem')} rows={6} maxlength={10000} />
        <TextArea name="proposal" label={t('initiatives.field.proposal')} hint={t('initiatives.field.proposalHint')} value={v('proposal')} rows={6} maxlength={10000} />
        <Select name="lang" label={t('initiatives.field.lang')} hint={t('initiatives.field.langHint')} value={v('lang') || lang} placeholder={false} options={langOptions(page.i18n)} />
        <Select name="area" label={t('initiatives.field.area')} value={v('area')} placeholder={t('initiatives.field.wholeMunicipality')} options={props.areas.map((a) => ({ value: String(a.id), label: a.name }))} />
        <Select name="theme" label={t('initiatives.field.theme')} value={v('theme')} placeholder={t('initiatives.field.noTheme')} options={props.themes.map((th) => ({ value: String(th.id), label: th.name[lang] }))} />
        {props.groups.length > 0 ? (
          <Select
            name="group"
            label={t('initiatives.field.group')}
            hint={t('initiatives.field.groupHint')}
            value={v('group')}
            placeholder={t('initiatives.field.noGroup')}
            options={props.groups.map((g) => ({ value: String(g.id), label: g.name }))}
          />
        ) : null}

        <fieldset class="mt-7">
          <legend class="h2">{t('initiatives.propose.asksHeading')}</legend>
          <p class="form-hint">{t('initiatives.propose.asksHint')}</p>
          {askKinds.map((k) => (
            <>
              <TextArea name={`ask_${k}`} label={t(`initiatives.ask.${k}`)} hint={t(`initiatives.ask.${k}.hint`)} value={v(`ask_${k}`)} rows={2} optional maxlength={2000} />
              {k === 'money' ? (
                <TextField name="ask_money_amount" label={t('initiatives.field.amount')} hint={t('initiatives.field.amountHint')} value={v('ask_money_amount')} inputmode="decimal" width="s" optional />
              ) : null}
            </>
          ))}
        </fieldset>

        <fieldset class="mt-7">
          <legend class="h2">{t('initiatives.propose.partnersHeading')}</legend>
          <p class="form-hint">{t('initiatives.propose.partnersHint')}</p>
          {Array.from({ length: PARTNER_ROWS }, (_, idx) => idx + 1).map((i) => (
            <fieldset class="mt-5">
              <legend class="h4">{t('initiatives.propose.partnerN', { n: i })}</legend>
              <TextField name={`partner_name_${i}`} label={t('initiatives.field.partnerName')} value={v(`partner_name_${i}`)} maxlength={120} optional />
              <Select
                name={`partner_kind_${i}`}
                label={t('initiatives.field.partnerKind')}
                value={v(`partner_kind_${i}`)}
                optional
                options={partnerKinds.map((k) => ({ value: k, label: t(`initiatives.partner.${k}`) }))}
              />
              <TextField name={`partner_contribution_${i}`} label={t('initiatives.field.partnerContribution')} value={v(`partner_contribution_${i}`)} maxlength={500} optional />
            </fieldset>
          ))}
        </fieldset>

        <p class="mt-7">{t('initiatives.propose.publicNotice')}</p>
        <div class="app-button-row mt-5"><SubmitButton>{t('initiatives.propose.submit')}</SubmitButton></div>
      </Form>
    </Layout>
  );
}
