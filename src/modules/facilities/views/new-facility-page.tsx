// Staff add or edit a room or a piece of equipment: details, who may book, horizons and weekly opening hours.
import { Layout } from '../../../core/views/layout.js';
import { ButtonLink } from '../../../core/views/components.js';
import { Checkbox, CheckboxGroup, Form, RadioGroup, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { FacilityDetail } from '../facilities.types.js';
import { crumbs, facilitiesBase, weekdays, type Place } from './shared.js';

export type FacilityFormValues = Record<string, string | string[]>;

export const emptyFacilityForm: FacilityFormValues = {
  kind: 'room',
  who: ['residents', 'groups', 'associations'],
  horizonDays: '30',
  priorityHorizonDays: '180',
  cancelDeadlineHours: '24',
};

/** The edit form's starting values: what is stored now. */
export function facilityFormValues(f: FacilityDetail): FacilityFormValues {
  const values: FacilityFormValues = {
    name: f.name,
    institution: f.institution,
    kind: f.kind,
    address: f.address,
    description: f.description,
    capacity: String(f.capacity),
    accessibility: f.accessibility,
    houseRules: f.houseRules,
    depositNote: f.depositNote,
    who: [f.allowResidents ? 'residents' : null, f.allowGroups ? 'groups' : null, f.allowAssociations ? 'associations' : null].filter((x): x is string => x !== null),
    horizonDays: String(f.horizonDays),
    priorityHorizonDays: String(f.priorityHorizonDays),
    cancelDeadlineHours: String(f.cancelDeadlineHours),
  };
  if (f.needsApproval) values.needsApproval = 'yes';
  for (const h of f.hours) {
    values[`opens_${h.weekday}`] = h.opens;
    values[`closes_${h.weekday}`] = h.closes;
  }
  return values;
}

/** The new-facility form, or with `edit` the same form for an existing facility. */
export function NewFacilityPage(props: { page: PageContext; place: Place; values: FacilityFormValues; errors?: FieldErrors; edit?: { id: number; name: string } }) {
  const { page, place, values, edit } = props;
  const { t } = page.i18n;
  const v = (k: string) => {
    const x = values[k];
    return Array.isArray(x) ? (x[0] ?? '') : (x ?? '');
  };
  const who = values.who === undefined ? [] : Array.isArray(values.who) ? values.who : [values.who];
  const title = edit ? t('facilities.edit.title', { name: edit.name }) : t('facilities.form.title');
  const facilityHref = edit ? `${facilitiesBase(place)}/${edit.id}` : null;
  const trail = edit && facilityHref ? [{ label: edit.name, href: facilityHref }, { label: t('facilities.edit.crumb') }] : [{ label: title }];
  return (
    <Layout page={page} title={`${title} – ${place.name}`} breadcrumbs={crumbs(t, place, trail)}>
      <h1>{title}</h1>
      {edit ? <p class="font-lead">{t('facilities.edit.lead')}</p> : null}
      <Form page={page} action={facilityHref ? `${facilityHref}/edit` : `${facilitiesBase(place)}/new`} errors={props.errors}>
        <TextField name="name" label={t('facilities.form.name')} hint={t('facilities.form.nameHint')} value={v('name')} maxlength={120} />
        <TextField name="institution" label={t('facilities.form.institution')} hint={t('facilities.form.institutionHint')} value={v('institution')} maxlength={120} />
        <RadioGroup name="kind" label={t('facilities.field.kind')} value={v('kind')} options={[{ value: 'room', label: t('facilities.kind.room') }, { value: 'equipment', label: t('facilities.kind.equipment') }]} />
        <TextField name="address" label={t('facilities.form.address')} optional value={v('address')} maxlength={200} />
        <TextArea name="description" label={t('facilities.form.description')} optional value={v('description')} rows={4} />
        <TextField name="capacity" label={t('facilities.form.capacity')} hint={t('facilities.form.capacityHint')} value={v('capacity')} inputmode="numeric" width="xs" />
        <TextArea name="accessibility" label={t('facilities.field.accessibility')} optional value={v('accessibility')} rows={3} />
        <TextArea name="houseRules" label={t('facilities.field.houseRules')} optional value={v('houseRules')} rows={4} />
        <TextField name="depositNote" label={t('facilities.field.depositNote')} optional value={v('depositNote')} maxlength={1000} />
        <Checkbox name="needsApproval" value="yes" label={t('facilities.form.needsApproval')} checked={v('needsApproval') === 'yes'} />
        <CheckboxGroup
          name="who"
          label={t('facilities.field.who')}
          values={who}
          options={[
            { value: 'residents', label: t('facilities.form.who.residents') },
            { value: 'groups', label: t('facilities.form.who.groups') },
            { value: 'associations', label: t('facilities.form.who.associations') },
          ]}
        />
        <TextField name="horizonDays" label={t('facilities.form.horizonDays')} value={v('horizonDays')} inputmode="numeric" width="xs" />
        <TextField name="priorityHorizonDays" label={t('facilities.form.priorityHorizonDays')} hint={t('facilities.form.priorityHint')} value={v('priorityHorizonDays')} inputmode="numeric" width="xs" />
        <TextField name="cancelDeadlineHours" label={t('facilities.form.cancelDeadlineHours')} value={v('cancelDeadlineHours')} inputmode="numeric" width="xs" />
        <h2 class="h3">{t('facilities.detail.hoursCaption')}</h2>
        <p>{t('facilities.form.hoursHint')}</p>
        {weekdays.map((w) => (
          <fieldset>
            <legend class="form-label">{t(`facilities.weekday.${w}`)}</legend>
            <TextField name={`opens_${w}`} type="time" label={t('facilities.form.opens', { day: t(`facilities.weekday.${w}`).toLocaleLowerCase(page.i18n.lang) })} value={v(`opens_${w}`)} width="xs" />
            <TextField name={`closes_${w}`} type="time" label={t('facilities.form.closes', { day: t(`facilities.weekday.${w}`).toLocaleLowerCase(page.i18n.lang) })} value={v(`closes_${w}`)} width="xs" />
          </fieldset>
        ))}
        <div class="app-button-row mt-6">
          <SubmitButton>{edit ? t('facilities.edit.submit') : t('facilities.form.submit')}</SubmitButton>
          <ButtonLink href={facilityHref ?? facilitiesBase(place)} variant="tertiary">
            {t('facilities.cancel')}
          </ButtonLink>
        </div>
      </Form>
    </Layout>
  );
}
