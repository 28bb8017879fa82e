// Creating a group, and editing one. A failed form comes back with what was typed and an error next
// to each field; the hidden creation key travels along so a second submit cannot make a second group.
import { Layout } from '../../../core/views/layout.js';
import { Checkbox, Form, RadioGroup, Select, SubmitButton, TextArea, TextField } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { GroupKind } from '../groups.types.js';
import { DESCRIPTION_MAX, NAME_MAX, STATUTES_MAX } from '../groups.schemas.js';
import { urls } from '../groups.urls.js';
import type { NamedOption } from './groups-list-page.js';

export type GroupFormValues = Record<string, string | undefined>;

export interface GroupFormProps {
  page: PageContext;
  municipality: { slug: string; name: string };
  mode: { kind: 'create'; creationKey: string; kinds: GroupKind[] } | { kind: 'edit'; groupSlug: string; groupName: string; currentKind: GroupKind; areaName: string | null };
  values: GroupFormValues;
  /** Already translated. */
  errors: Record<string, string>;
  areas: NamedOption[];
  themes: NamedOption[];
}

export function GroupFormPage(p: GroupFormProps) {
  const { t } = p.page.i18n;
  const m = p.municipality;
  const v = p.values;
  const creating = p.mode.kind === 'create';
  const title = creating ? t('groups.form.createTitle') : t('groups.form.editTitle');
  const action = p.mode.kind === 'create' ? urls.create(m.slug) : urls.action(m.slug, p.mode.groupSlug, 'edit');
  const cancel = p.mode.kind === 'create' ? urls.list(m.slug) : urls.group(m.slug, p.mode.groupSlug);
  const council = p.mode.kind === 'edit' && p.mode.currentKind === 'local_council';
  const kinds: GroupKind[] = p.mode.kind === 'create' ? p.mode.kinds : ['informal', 'association'];
  const crumbs = [
    { label: t('core.siteName'), href: '/' },
    { label: m.name, href: `/m/${encodeURIComponent(m.slug)}` },
    { label: t('groups.list.title'), href: urls.list(m.slug) },
    ...(p.mode.kind === 'edit' ? [{ label: p.mode.groupName, href: urls.group(m.slug, p.mode.groupSlug) }] : []),
    { label: title },
  ];
  const errorTitle = Object.keys(p.errors).length > 0 ? `${t('groups.form.errorTitlePrefix')} ${title}` : title;

  return (
    <Layout page={p.page} title={errorTitle} breadcrumbs={crumbs}>
      <h1>{title}</h1>
      {creating ? <p class="font-lead">{t('groups.form.createLead')}</p> : null}
      <Form page={p.page} action={action} errors={p.errors}>
        {p.mode.kind === 'create' ? <input type="hidden" name="creationKey" value={p.mode.creationKey} /> : null}
        <TextField name="name" label={t('groups.field.name')} hint={t('groups.field.nameHint')} value={v.name} maxlength={NAME_MAX} width="xl" required autocomplete="off" />
        {council ? (
          <div class="form-group">
            <p class="form-label">{t('groups.field.kind')}</p>
            <p>{t('groups.form.councilKindFixed')}</p>
          </div>
        ) : (
          <RadioGroup
            name="kind"
            label={t('groups.field.kind')}
            value={v.kind}
            required
            options={kinds.map((k) => ({ value: k, label: t(`groups.kind.${k}`), hint: t(`groups.kind.${k}.hint`) }))}
          />
        )}
        <TextArea name="description" label={t('groups.field.description')} hint={t('groups.field.descriptionHint')} value={v.description} rows={8} maxlength={DESCRIPTION_MAX} required />
        <Select
          name="descriptionLang"
          label={t('groups.field.descriptionLang')}
          value={v.descriptionLang}
          placeholder={false}
          options={[
            { value: 'da', label: t('groups.lang.da') },
            { value: 'en', label: t('groups.lang.en') },
          ]}
        />
        {council && p.mode.kind === 'edit' ? (
          <div class="form-group">
            <p class="form-label">{t('groups.field.area')}</p>
            <p>{t('groups.form.councilAreaFixed', { area: p.mode.areaName ?? '' })}</p>
          </div>
        ) : (
          <Select
            name="areaId"
            label={t('groups.field.area')}
            hint={t('groups.field.areaHint')}
            optional
            value={v.areaId}
            placeholder={t('groups.field.none')}
            options={p.areas.map((a) => ({ value: String(a.id), label: a.name }))}
          />
        )}
        <Select
          name="themeId"
          label={t('groups.field.theme')}
          optional
          value={v.themeId}
          placeholder={t('groups.field.none')}
          options={p.themes.map((th) => ({ value: String(th.id), label: th.name }))}
        />
        <RadioGroup
          name="membershipPolicy"
          label={t('groups.field.policy')}
          value={v.membershipPolicy}
          required
          options={(['open', 'request', 'invite'] as const).map((k) => ({ value: k, label: t(`groups.policy.${k}`), hint: t(`groups.policy.${k}.hint`) }))}
        />
        <fieldset class="mt-6 mb-6">
          <legend class="h3">{t('groups.form.associationHeading')}</legend>
          <p class="form-hint">{t('groups.form.associationHint')}</p>
          <TextField name="cvr" label={t('groups.field.cvr')} hint={t('groups.field.cvrHint')} optional value={v.cvr} width="s" inputmode="numeric" maxlength={20} autocomplete="off" />
          <TextArea name="statutes" label={t('groups.field.statutes')} hint={t('groups.field.statutesHint')} optional value={v.statutes} rows={8} maxlength={STATUTES_MAX} />
        </fieldset>
        {creating ? <Checkbox name="showPublicly" label={t('groups.field.showPubliclyCoordinator')} hint={t('groups.field.showPubliclyHint')} checked={v.showPublicly === 'on'} /> : null}
        <div class="app-button-row mt-5">
          <SubmitButton>{creating ? t('groups.form.createSubmit') : t('groups.form.editSubmit')}</SubmitButton>
          <a class="button button-tertiary" href={cancel}>
            {t('groups.form.cancel')}
          </a>
        </div>
      </Form>
    </Layout>
  );
}
