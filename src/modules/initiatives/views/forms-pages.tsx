// The pages with a single form about one initiative: taking a step with words (a reason, outcomes or
// a note), writing the co-production agreement, and an edited comment's history.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink } from '../../../core/views/components.js';
import { Checkbox, Form, RadioGroup, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { field, type FormFields } from '../../../core/http/form.js';
import type { Crumb } from '../../../core/views/components.js';
import type { Municipality } from '../../municipalities/index.js';
import type { State } from '../initiatives.lifecycle.js';
import type { Agreement, Comment, CommentVersion, Initiative } from '../initiatives.types.js';
import { PlainText } from '../initiatives.text.js';
import { dates, langOptions, StateBadge, translated } from './shared.js';

function crumbs(page: PageContext, m: Municipality, ini: Initiative, last: string): Crumb[] {
  const { t } = page.i18n;
  const slug = encodeURIComponent(m.slug);
  return [
    { label: t('core.siteName'), href: '/' },
    { label: m.name, href: `/m/${slug}` },
    { label: t('initiatives.list.title'), href: `/m/${slug}/initiatives` },
    { label: ini.title, href: `/m/${slug}/initiatives/${ini.id}` },
    { label: last },
  ];
}

export function StepPage(props: { page: PageContext; municipality: Municipality; initiative: Initiative; steps: State[]; values: FormFields; errors: FieldErrors }) {
  const { page, municipality: m, initiative: ini, values } = props;
  const { t, lang } = page.i18n;
  const base = `/m/${encodeURIComponent(m.slug)}/initiatives/${ini.id}`;
  const to = field(values, 'to');
  const textLabel = to === 'declined' ? t('initiatives.field.declineReason') : to === 'evaluated' ? t('initiatives.field.outcomes') : to ? t('initiatives.field.stepNote') : t('initiatives.field.stepText');
  const textHint = to === 'declined' ? t('initiatives.field.declineReasonHint') : to === 'evaluated' ? t('initiatives.field.outcomesHint') : to ? t('initiatives.field.stepNoteHint') : t('initiatives.field.stepTextHint');
  return (
    <Layout page={page} title={t('initiatives.stepPage.title')} breadcrumbs={crumbs(page, m, ini, t('initiatives.stepPage.title'))}>
      <h1>{t('initiatives.stepPage.title')}</h1>
      <p>
        <span lang={ini.lang}>{ini.title}</span> · {t('initiatives.stepPage.now')} <StateBadge state={ini.state} i18n={page.i18n} />
      </p>
      {props.steps.length === 0 ? (
        <p>{t('initiatives.stepPage.noSteps')}</p>
      ) : (
        <Form page={page} action={`${base}/state`} errors={translated(page.i18n, props.errors)}>
          <input type="hidden" name="from" value={ini.state} />
          <RadioGroup
            name="to"
            label={t('initiatives.stepPage.which')}
            value={to}
            options={props.steps.map((s) => ({ value: s, label: t(`initiatives.step.${s}`), hint: t(`initiatives.step.${s}.hint`) }))}
          />
          <TextArea name="text" label={textLabel} hint={textHint} value={field(values, 'text')} rows={6} maxlength={10000} optional={to !== 'declined' && to !== 'evaluated'} />
          <Select name="lang" label={t('initiatives.field.lang')} value={field(values, 'lang') || lang} placeholder={false} options={langOptions(page.i18n)} />
          <div class="app-button-row mt-5">
            <SubmitButton>{t('initiatives.stepPage.submit')}</SubmitButton>
            <ButtonLink href={base} variant="secondary">
              {t('initiatives.cancel')}
            </ButtonLink>
          </div>
        </Form>
      )}
    </Layout>
  );
}

export function AgreementPage(props: { page: PageContext; municipality: Municipality; initiative: Initiative; current: Agreement | null; values: FormFields | null; errors: FieldErrors }) {
  const { page, municipality: m, initiative: ini, current } = props;
  const { t, lang } = page.i18n;
  const base = `/m/${encodeURIComponent(m.slug)}/initiatives/${ini.id}`;
  const v = (name: string, fallback: string) => (props.values ? field(props.values, name) : fallback);
  return (
    <Layout page={page} title={t('initiatives.agreement.formTitle')} breadcrumbs={crumbs(page, m, ini, t('initiatives.agreement.formTitle'))}>
      <h1>{t('initiatives.agreement.formTitle')}</h1>
      <p class="font-lead">{t('initiatives.agreement.formLead')}</p>
      {current ? <p>{t('initiatives.agreement.newVersionNotice', { version: current.version + 1 })}</p> : null}
      <Form page={page} action={`${base}/agreement`} errors={translated(page.i18n, props.errors)}>
        <TextArea name="citizens_deliver" label={t('initiatives.agreement.citizensDeliver')} hint={t('initiatives.agreement.citizensDeliverHint')} value={v('citizens_deliver', current?.citizensDeliver ?? '')} rows={5} maxlength={5000} />
        <TextArea name="municipality_delivers" label={t('initiatives.agreement.municipalityDelivers')} hint={t('initiatives.agreement.municipalityDeliversHint')} value={v('municipality_delivers', current?.municipalityDelivers ?? '')} rows={5} maxlength={5000} />
        <Select name="lang" label={t('initiatives.field.lang')} value={v('lang', current?.lang ?? lang)} placeholder={false} options={langOptions(page.i18n)} />
        <fieldset>
          <legend class="h3">{t('initiatives.agreement.contact')}</legend>
          <TextField name="contact_name" label={t('initiatives.agreement.contactName')} value={v('contact_name', current?.contactName ?? '')} maxlength={120} autocomplete="off" />
          <TextField name="contact_title" label={t('initiatives.agreement.contactTitle')} value={v('contact_title', current?.contactTitle ?? '')} maxlength={120} optional />
          <TextField name="contact_email" type="email" label={t('initiatives.agreement.contactEmail')} value={v('contact_email', current?.contactEmail ?? '')} maxlength={254} optional autocomplete="off" />
        </fieldset>
        <fieldset>
          <legend class="h3">{t('initiatives.agreement.term')}</legend>
          <TextField name="term_start" type="date" label={t('initiatives.agreement.termStart')} hint={t('initiatives.field.dateHint')} value={v('term_start', current?.termStart ?? '')} width="m" />
          <TextField name="term_end" type="date" label={t('initiatives.agreement.termEnd')} hint={t('initiatives.field.dateHint')} value={v('term_end', current?.termEnd ?? '')} width="m" />
          <TextField name="review_date" type="date" label={t('initiatives.agreement.reviewDate')} hint={t('initiatives.field.dateHint')} value={v('review_date', current?.reviewDate ?? '')} width="m" />
        </fieldset>
        <TextField name="change_note" label={t('initiatives.agreement.changeNote')} hint={t('initiatives.agreement.changeNoteHint')} value={v('change_note', '')} maxlength={1000} optional />
        {ini.state === 'in_dialogue' ? (
          <Checkbox name="mark_agreed" value="yes" label={t('initiatives.agreement.markAgreed')} hint={t('initiatives.agreement.markAgreedHint')} checked={v('mark_agreed', 'yes') === 'yes'} />
        ) : null}
        <div class="app-button-row mt-5">
          <SubmitButton>{t('initiatives.agreement.save')}</SubmitButton>
          <ButtonLink href={`${base}#agreement`} variant="secondary">
            {t('initiatives.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </Layout>
  );
}

export function CommentHistoryPage(props: { page: PageContext; municipality: Municipality; initiative: Initiative; comment: Comment; versions: CommentVersion[] }) {
  const { page, municipality: m, initiative: ini, comment } = props;
  const { t } = page.i18n;
  const formatDate = dates(page.i18n);
  const base = `/m/${encodeURIComponent(m.slug)}/initiatives/${ini.id}`;
  return (
    <Layout page={page} title={t('initiatives.history.title')} breadcrumbs={crumbs(page, m, ini, t('initiatives.history.title'))}>
      <h1>{t('initiatives.history.title')}</h1>
      <p>{t('initiatives.history.lead', { name: comment.author?.displayName ?? t('initiatives.comments.deletedAuthor') })}</p>
      <ol class="nobullet-list">
        <li class="mb-7">
          <h2 class="h4">{t('initiatives.history.current', { version: comment.version, date: formatDate(comment.editedAt ?? comment.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</h2>
          <PlainText text={comment.body} lang={comment.lang} />
        </li>
        {props.versions.map((v) => (
          <li class="mb-7">
            <h2 class="h4">{t('initiatives.history.version', { version: v.version, date: formatDate(v.writtenAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</h2>
            <PlainText text={v.body} lang={v.lang} />
          </li>
        ))}
      </ol>
      <p>
        <a href={`${base}#comment-${comment.id}`}>{t('initiatives.history.back')}</a>
      </p>
    </Layout>
  );
}
