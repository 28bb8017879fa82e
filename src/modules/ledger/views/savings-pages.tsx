// Pages of savings agreements, pots and reinvestment. No database access: routes hand in the data.
import { Layout } from '../../../core/views/layout.js';
import { Alert, Badge, ButtonLink, DataTable, EmptyState } from '../../../core/views/components.js';
import { Form, RadioGroup, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { I18n } from '../../../core/i18n/i18n.js';
import { formatPercent } from '../ledger.savings.js';
import { SPLIT_ROWS } from '../ledger.savings.schemas.js';
import type { AgreementFormData, AgreementListItem, AgreementPageData, PotRow, ReinvestFormData, VolunteerValue } from '../ledger.savings.queries.js';
import type { Agreement } from '../ledger.savings.repository.js';
import { crumbs, day, hours, kindLabel, kr, savingsUrls as urls, when, type MunicipalityView } from './savings-shared.js';

type Values = Record<string, string>;
const lang = (i18n: I18n): 'da' | 'en' => (i18n.lang === 'en' ? 'en' : 'da');

export function StatusBadge({ i18n, status }: { i18n: I18n; status: Agreement['status'] }) {
  return <Badge kind={status === 'agreed' ? 'success' : 'neutral'}>{i18n.t(`ledger.savings.status.${status}`)}</Badge>;
}

/** Volunteer time beside cash: always said to be a value, not money that moved. */
export function VolunteerBox({ i18n, v, scope }: { i18n: I18n; v: VolunteerValue; scope: 'initiative' | 'pot' }) {
  const { t } = i18n;
  return (
    <div class="mt-6 mb-6">
      <h2 class="h3">{t('ledger.volunteer.heading')}</h2>
      {v.minutes === 0 ? (
        <p>{t(scope === 'pot' ? 'ledger.volunteer.nonePot' : 'ledger.volunteer.none')}</p>
      ) : (
        <p>
          {t(scope === 'pot' ? 'ledger.volunteer.summaryPot' : 'ledger.volunteer.summary', { hours: hours(i18n, v.minutes), people: v.people, value: kr(i18n, v.valueOre), rate: kr(i18n, v.rateOre) })}
        </p>
      )}
      <p class="form-hint">{t('ledger.volunteer.notMoney')}</p>
    </div>
  );
}

// Agreements -------------------------------------------------------------------------------------

export function AgreementsListPage(p: { page: PageContext; municipality: MunicipalityView; items: AgreementListItem[]; canCreate: boolean; canExport: boolean; canSettings: boolean }) {
  const { page, municipality: m } = p;
  const i18n = page.i18n;
  const { t } = i18n;
  const total = p.items.reduce((n, x) => n + x.signedOffOre, 0n);
  return (
    <Layout page={page} title={`${t('ledger.savings.agreements.title')} – ${m.name}`} breadcrumbs={crumbs(i18n, m, [{ label: t('ledger.savings.agreements.title') }])} wide>
      <h1>{t('ledger.savings.agreements.title')}</h1>
      <p class="font-lead">{t('ledger.savings.agreements.lead')}</p>
      <ul class="app-inline-list mb-5">
        {p.canCreate ? (
          <li>
            <ButtonLink href={urls.newAgreement(m.slug)} variant="primary">
              {t('ledger.savings.agreements.new')}
            </ButtonLink>
          </li>
        ) : null}
        <li>
          <a href={urls.pots(m.slug)}>{t('ledger.savings.nav.pots')}</a>
        </li>
        {p.canExport ? (
          <li>
            <a href={urls.savingsCsv(m.slug)}>{t('ledger.savings.export.link')}</a>
          </li>
        ) : null}
        {p.canSettings ? (
          <li>
            <a href={urls.volunteerRate(m.slug)}>{t('ledger.volunteer.settings.title')}</a>
          </li>
        ) : null}
      </ul>
      {p.items.length === 0 ? (
        <EmptyState title={t('ledger.savings.agreements.empty')}>
          <p>{t('ledger.savings.agreements.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={t('ledger.savings.agreements.caption')}
            rows={p.items}
            columns={[
              { header: t('ledger.savings.field.title'), cell: (x) => <a href={urls.agreement(m.slug, x.agreement.id)}>{x.agreement.title}</a> },
              { header: t('ledger.savings.field.initiative'), cell: (x) => (x.initiative ? <span lang={x.initiative.lang}>{x.initiative.title}</span> : '–') },
              { header: t('ledger.savings.field.service'), cell: (x) => x.agreement.serviceAccountName },
              { header: t('ledger.savings.field.period'), cell: (x) => `${day(i18n, x.agreement.startsOn)} – ${day(i18n, x.agreement.endsOn)}` },
              { header: t('ledger.savings.field.status'), cell: (x) => <StatusBadge i18n={i18n} status={x.agreement.status} /> },
              { header: t('ledger.savings.field.signedOff'), cell: (x) => kr(i18n, x.signedOffOre), numeric: true },
            ]}
          />
          <p>
            <strong>{t('ledger.savings.agreements.total', { amount: kr(i18n, total) })}</strong>
          </p>
        </>
      )}
    </Layout>
  );
}

export function emptyAgreementValues(initiativeId = ''): Values {
  return { initiativeId, title: '', serviceAccountId: '', newServiceName: '', newServiceCode: '', baselineAnnual: '', baselineSource: '', proposedAnnual: '', startsOn: '', endsOn: '', split1Account: '', split1Percent: '100' };
}

export function agreementValues(a: Agreement, l: 'da' | 'en'): Values {
  const amount = (ore: bigint) => {
    const whole = ore / 100n;
    const rest = ore % 100n;
    return rest === 0n ? String(whole) : `${whole}${l === 'da' ? ',' : '.'}${String(rest).padStart(2, '0')}`;
  };
  const v: Values = {
    initiativeId: String(a.initiativeId),
    title: a.title,
    serviceAccountId: String(a.serviceAccountId),
    newServiceName: '',
    newServiceCode: '',
    baselineAnnual: amount(a.baselineAnnualOre),
    baselineSource: a.baselineSource,
    proposedAnnual: amount(a.proposedAnnualOre),
    startsOn: a.startsOn,
    endsOn: a.endsOn,
  };
  a.splits.forEach((s, i) => {
    v[`split${i + 1}Account`] = String(s.accountId);
    v[`split${i + 1}Percent`] = formatPercent(s.shareBp, l);
  });
  return v;
}

export function AgreementFormPage(p: { page: PageContext; municipality: MunicipalityView; data: AgreementFormData; values: Values; errors?: FieldErrors; agreementId: number | null }) {
  const { page, municipality: m, data, values: v } = p;
  const i18n = page.i18n;
  const { t } = i18n;
  const heading = p.agreementId === null ? t('ledger.savings.form.newTitle') : t('ledger.savings.form.editTitle');
  const action = p.agreementId === null ? urls.newAgreement(m.slug) : urls.editAgreement(m.slug, p.agreementId);
  const splitOptions = data.splitAccounts.map((a) => ({ value: String(a.id), label: `${a.name} (${kindLabel(i18n, a)})` }));
  return (
    <Layout page={page} title={`${heading} – ${m.name}`} breadcrumbs={crumbs(i18n, m, [{ label: t('ledger.savings.agreements.title'), href: urls.agreements(m.slug) }, { label: heading }])}>
      <h1>{heading}</h1>
      <p>{t('ledger.savings.form.lead')}</p>
      <Form page={page} action={action} {...(p.errors ? { errors: p.errors } : {})}>
        <Select name="initiativeId" label={t('ledger.savings.field.initiative')} value={v.initiativeId} options={data.initiatives.map((i) => ({ value: String(i.id), label: i.title }))} />
        <TextField name="title" label={t('ledger.savings.field.title')} hint={t('ledger.savings.field.titleHint')} value={v.title} maxlength={200} width="xl" />
        <fieldset class="mt-7 mb-5">
          <legend class="h3">{t('ledger.savings.form.serviceLegend')}</legend>
          <Select name="serviceAccountId" label={t('ledger.savings.field.service')} optional placeholder={t('ledger.savings.field.serviceNew')} value={v.serviceAccountId} options={data.serviceAccounts.map((a) => ({ value: String(a.id), label: a.code ? `${a.name} (${a.code})` : a.name }))} />
          <TextField name="newServiceName" label={t('ledger.savings.field.newServiceName')} hint={t('ledger.savings.field.newServiceNameHint')} optional value={v.newServiceName} maxlength={200} width="xl" />
          <TextField name="newServiceCode" label={t('ledger.savings.field.newServiceCode')} hint={t('ledger.savings.field.newServiceCodeHint')} optional value={v.newServiceCode} width="s" maxlength={40} />
        </fieldset>
        <fieldset class="mt-7 mb-5">
          <legend class="h3">{t('ledger.savings.form.costLegend')}</legend>
          <TextField name="baselineAnnual" label={t('ledger.savings.field.baselineAnnual')} hint={t('ledger.savings.field.amountHint')} value={v.baselineAnnual} inputmode="decimal" width="m" />
          <TextField name="baselineSource" label={t('ledger.savings.field.baselineSource')} hint={t('ledger.savings.field.baselineSourceHint')} value={v.baselineSource} maxlength={500} width="xl" />
          <TextField name="proposedAnnual" label={t('ledger.savings.field.proposedAnnual')} hint={t('ledger.savings.field.amountHint')} value={v.proposedAnnual} inputmode="decimal" width="m" />
          <TextField name="startsOn" type="date" label={t('ledger.savings.field.startsOn')} value={v.startsOn} width="m" />
          <TextField name="endsOn" type="date" label={t('ledger.savings.field.endsOn')} value={v.endsOn} width="m" />
        </fieldset>
        <fieldset class="mt-7 mb-5">
          <legend class="h3">{t('ledger.savings.form.splitLegend')}</legend>
          <p class="form-hint">{t('ledger.savings.form.splitHint')}</p>
          {Array.from({ length: SPLIT_ROWS }, (_, i) => (
            <div class="row">
              <div class="col-12 col-md-8">
                <Select name={`split${i + 1}Account`} label={t('ledger.savings.field.splitAccount', { n: i + 1 })} optional={i > 0} value={v[`split${i + 1}Account`] ?? ''} options={splitOptions} />
              </div>
              <div class="col-12 col-md-4">
                <TextField name={`split${i + 1}Percent`} label={t('ledger.savings.field.splitPercent', { n: i + 1 })} optional={i > 0} value={v[`split${i + 1}Percent`] ?? ''} inputmode="decimal" width="xs" />
              </div>
            </div>
          ))}
        </fieldset>
        <SubmitButton>{t('ledger.savings.form.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export interface AgreementPageFlags {
  canEdit: boolean;
  canAgree: boolean;
  canEnterCosts: boolean;
  /** A finance officer: sees sign-off buttons (the server refuses their own entries with a reason). */
  isFinanceOfficer: boolean;
  actorId: number | null;
}

export function emptyPeriodValues(): Values {
  return { label: '', startsOn: '', endsOn: '', actual: '', sourceNote: '' };
}

export function AgreementPage(p: { page: PageContext; municipality: MunicipalityView; data: AgreementPageData; flags: AgreementPageFlags; periodValues: Values; periodErrors?: FieldErrors }) {
  const { page, municipality: m, data, flags } = p;
  const i18n = page.i18n;
  const { t } = i18n;
  const a = data.agreement;
  const name = (id: number | null) => (id === null ? '–' : (data.names.get(id) ?? `#${id}`));
  const expected = a.baselineAnnualOre - a.proposedAnnualOre;
  return (
    <Layout page={page} title={`${a.title} – ${m.name}`} breadcrumbs={crumbs(i18n, m, [{ label: t('ledger.savings.agreements.title'), href: urls.agreements(m.slug) }, { label: a.title }])} wide>
      <h1>{a.title}</h1>
      <p>
        <StatusBadge i18n={i18n} status={a.status} />
      </p>
      <dl class="app-facts">
        <dt>{t('ledger.savings.field.initiative')}</dt>
        <dd>
          {data.initiative ? (
            <a href={urls.initiative(m.slug, data.initiative.id)} lang={data.initiative.lang}>
              {data.initiative.title}
            </a>
          ) : (
            '–'
          )}
        </dd>
        <dt>{t('ledger.savings.field.service')}</dt>
        <dd>{a.serviceAccountCode ? `${a.serviceAccountName} (${a.serviceAccountCode})` : a.serviceAccountName}</dd>
        <dt>{t('ledger.savings.field.baselineAnnual')}</dt>
        <dd>{kr(i18n, a.baselineAnnualOre)}</dd>
        <dt>{t('ledger.savings.field.baselineSource')}</dt>
        <dd>{a.baselineSource}</dd>
        <dt>{t('ledger.savings.field.proposedAnnual')}</dt>
        <dd>{kr(i18n, a.proposedAnnualOre)}</dd>
        <dt>{t('ledger.savings.field.expected')}</dt>
        <dd>{kr(i18n, expected)}</dd>
        <dt>{t('ledger.savings.field.period')}</dt>
        <dd>{`${day(i18n, a.startsOn)} – ${day(i18n, a.endsOn)}`}</dd>
        <dt>{t('ledger.savings.field.split')}</dt>
        <dd>
          <ul class="nobullet-list">
            {a.splits.map((s) => (
              <li>{`${formatPercent(s.shareBp, lang(i18n))} % → ${s.accountName}`}</li>
            ))}
          </ul>
        </dd>
        {a.status === 'agreed' ? (
          <>
            <dt>{t('ledger.savings.field.agreedBy')}</dt>
            <dd>{`${name(a.agreedBy)}, ${a.agreedAt ? when(i18n, m.timeZone, a.agreedAt) : ''}`}</dd>
          </>
        ) : null}
        <dt>{t('ledger.savings.field.signedOff')}</dt>
        <dd>{kr(i18n, data.signedOffOre)}</dd>
      </dl>
      <ul class="app-inline-list mb-5">
        <li>
          <a href={urls.initiativeTrail(m.slug, a.initiativeId)}>{t('ledger.trail.initiativeLink')}</a>
        </li>
        {a.status === 'draft' && flags.canEdit ? (
          <li>
            <a href={urls.editAgreement(m.slug, a.id)}>{t('ledger.savings.agreement.edit')}</a>
          </li>
        ) : null}
      </ul>
      {a.status === 'draft' ? (
        <Alert kind="info" heading={t('ledger.savings.agreement.draftHeading')}>
          <p>{t('ledger.savings.agreement.draftText')}</p>
          {flags.canAgree ? (
            <Form page={page} action={urls.agree(m.slug, a.id)}>
              <SubmitButton>{t('ledger.savings.agreement.agree')}</SubmitButton>
            </Form>
          ) : null}
        </Alert>
      ) : null}

      <h2>{t('ledger.savings.periods.heading')}</h2>
      {data.periods.length === 0 ? (
        <p>{t(a.status === 'agreed' ? 'ledger.savings.periods.none' : 'ledger.savings.periods.notYet')}</p>
      ) : (
        <DataTable
          caption={t('ledger.savings.periods.caption')}
          captionHidden
          rows={data.periods}
          columns={[
            { header: t('ledger.savings.field.periodLabel'), cell: (x) => <span>{x.label}<br /><span class="form-hint">{`${day(i18n, x.startsOn)} – ${day(i18n, x.endsOn)}`}</span></span> },
            { header: t('ledger.savings.field.periodBaseline'), cell: (x) => kr(i18n, x.baselineNowOre), numeric: true },
            { header: t('ledger.savings.field.actual'), cell: (x) => kr(i18n, x.actualOre), numeric: true },
            { header: t('ledger.savings.field.saving'), cell: (x) => kr(i18n, x.savingNowOre), numeric: true },
            { header: t('ledger.savings.field.enteredBy'), cell: (x) => <span>{name(x.enteredBy)}{x.sourceNote ? <><br /><span class="form-hint">{x.sourceNote}</span></> : null}</span> },
            {
              header: t('ledger.savings.field.signOff'),
              cell: (x) =>
                x.signedOffAt ? (
                  <span>{t('ledger.savings.periods.signedBy', { name: name(x.signedOffBy), when: when(i18n, m.timeZone, x.signedOffAt) })}</span>
                ) : x.savingNowOre <= 0n ? (
                  <span>{t('ledger.savings.periods.noSaving')}</span>
                ) : flags.isFinanceOfficer ? (
                  <>
                    {x.enteredBy === flags.actorId ? <p class="form-hint">{t('ledger.savings.periods.ownEntryHint')}</p> : null}
                    <Form page={page} action={urls.signOff(m.slug, a.id, x.id)}>
                      <SubmitButton variant="secondary">{t('ledger.savings.periods.signOff', { label: x.label })}</SubmitButton>
                    </Form>
                  </>
                ) : (
                  <span>{t('ledger.savings.periods.awaiting')}</span>
                ),
            },
          ]}
        />
      )}

      {a.status === 'agreed' && flags.canEnterCosts ? (
        <div class="row">
          <div class="col-12 col-lg-8">
            <h2 id="costs">{t('ledger.savings.periods.enterHeading')}</h2>
            <p>{t('ledger.savings.periods.enterLead')}</p>
            <Form page={page} action={urls.periods(m.slug, a.id)} {...(p.periodErrors ? { errors: p.periodErrors } : {})}>
              <TextField name="label" label={t('ledger.savings.field.periodLabel')} hint={t('ledger.savings.field.periodLabelHint')} value={p.periodValues.label} maxlength={60} width="l" />
              <TextField name="startsOn" type="date" label={t('ledger.savings.field.periodStart')} value={p.periodValues.startsOn} width="m" />
              <TextField name="endsOn" type="date" label={t('ledger.savings.field.periodEnd')} value={p.periodValues.endsOn} width="m" />
              <TextField name="actual" label={t('ledger.savings.field.actual')} hint={t('ledger.savings.field.amountHint')} value={p.periodValues.actual} inputmode="decimal" width="m" />
              <TextArea name="sourceNote" label={t('ledger.savings.field.sourceNote')} hint={t('ledger.savings.field.sourceNoteHint')} optional value={p.periodValues.sourceNote} rows={2} maxlength={500} />
              <SubmitButton>{t('ledger.savings.periods.enter')}</SubmitButton>
            </Form>
          </div>
        </div>
      ) : null}

      <VolunteerBox i18n={i18n} v={data.volunteer} scope="initiative" />
    </Layout>
  );
}

// Pots and reinvestment --------------------------------------------------------------------------

export function PotsPage(p: { page: PageContext; municipality: MunicipalityView; pots: PotRow[]; envelopes: PotRow[]; canReinvest: boolean }) {
  const { page, municipality: m } = p;
  const i18n = page.i18n;
  const { t } = i18n;
  return (
    <Layout page={page} title={`${t('ledger.savings.pots.title')} – ${m.name}`} breadcrumbs={crumbs(i18n, m, [{ label: t('ledger.savings.pots.title') }])} wide>
      <h1>{t('ledger.savings.pots.title')}</h1>
      <p class="font-lead">{t('ledger.savings.pots.lead')}</p>
      {p.pots.length === 0 ? (
        <EmptyState title={t('ledger.savings.pots.empty')}>
          <p>{t('ledger.savings.pots.emptyText')}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('ledger.savings.pots.caption')}
          rows={p.pots}
          columns={[
            { header: t('ledger.savings.pots.name'), cell: (x) => <a href={urls.potTrail(m.slug, x.account.id)}>{x.account.name}</a> },
            { header: t('ledger.savings.pots.kind'), cell: (x) => kindLabel(i18n, x.account) },
            { header: t('ledger.savings.pots.balance'), cell: (x) => kr(i18n, x.balanceOre), numeric: true },
            ...(p.canReinvest ? [{ header: t('ledger.savings.pots.actions'), cell: (x: PotRow) => <a href={urls.reinvest(m.slug, x.account.id)}>{t('ledger.reinvest.link', { pot: x.account.name })}</a> }] : []),
          ]}
        />
      )}
      {p.envelopes.length > 0 ? (
        <>
          <h2>{t('ledger.savings.pots.envelopes')}</h2>
          <DataTable
            caption={t('ledger.savings.pots.envelopes')}
            captionHidden
            rows={p.envelopes}
            columns={[
              { header: t('ledger.savings.pots.name'), cell: (x) => <a href={urls.potTrail(m.slug, x.account.id)}>{x.account.name}</a> },
              { header: t('ledger.savings.pots.balance'), cell: (x) => kr(i18n, x.balanceOre), numeric: true },
            ]}
          />
        </>
      ) : null}
    </Layout>
  );
}

export function emptyReinvestValues(): Values {
  return { target: 'initiative', initiativeId: '', processId: '', amount: '', memo: '' };
}

export function ReinvestPage(p: { page: PageContext; municipality: MunicipalityView; data: ReinvestFormData; values: Values; errors?: FieldErrors }) {
  const { page, municipality: m, data, values: v } = p;
  const i18n = page.i18n;
  const { t } = i18n;
  const heading = t('ledger.reinvest.title', { pot: data.pot.name });
  return (
    <Layout page={page} title={`${heading} – ${m.name}`} breadcrumbs={crumbs(i18n, m, [{ label: t('ledger.savings.pots.title'), href: urls.pots(m.slug) }, { label: heading }])}>
      <h1>{heading}</h1>
      <p class="font-lead">{t('ledger.reinvest.balance', { amount: kr(i18n, data.balanceOre) })}</p>
      <Form page={page} action={urls.reinvest(m.slug, data.pot.id)} {...(p.errors ? { errors: p.errors } : {})}>
        <RadioGroup
          name="target"
          label={t('ledger.reinvest.target')}
          value={v.target}
          options={[
            { value: 'initiative', label: t('ledger.reinvest.targetInitiative'), hint: t('ledger.reinvest.targetInitiativeHint') },
            { value: 'pb', label: t('ledger.reinvest.targetPb'), hint: t('ledger.reinvest.targetPbHint') },
          ]}
        />
        <Select name="initiativeId" label={t('ledger.reinvest.initiative')} hint={t('ledger.reinvest.initiativeHint')} optional value={v.initiativeId} options={data.initiatives.map((i) => ({ value: String(i.id), label: i.title }))} />
        <Select name="processId" label={t('ledger.reinvest.process')} hint={t('ledger.reinvest.processHint')} optional value={v.processId} options={data.processes.map((x) => ({ value: String(x.id), label: x.title }))} />
        <TextField name="amount" label={t('ledger.reinvest.amount')} hint={t('ledger.savings.field.amountHint')} value={v.amount} inputmode="decimal" width="m" />
        <TextArea name="memo" label={t('ledger.reinvest.memo')} hint={t('ledger.reinvest.memoHint')} value={v.memo} rows={2} maxlength={1000} />
        <SubmitButton>{t('ledger.reinvest.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function VolunteerRatePage(p: { page: PageContext; municipality: MunicipalityView; value: string; errors?: FieldErrors }) {
  const { page, municipality: m } = p;
  const i18n = page.i18n;
  const { t } = i18n;
  return (
    <Layout page={page} title={`${t('ledger.volunteer.settings.title')} – ${m.name}`} breadcrumbs={crumbs(i18n, m, [{ label: t('ledger.volunteer.settings.title') }])}>
      <h1>{t('ledger.volunteer.settings.title')}</h1>
      <p>{t('ledger.volunteer.settings.lead')}</p>
      <Form page={page} action={urls.volunteerRate(m.slug)} {...(p.errors ? { errors: p.errors } : {})}>
        <TextField name="rate" label={t('ledger.volunteer.settings.rate')} hint={t('ledger.savings.field.amountHint')} value={p.value} inputmode="decimal" width="s" />
        <SubmitButton>{t('ledger.volunteer.settings.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}
