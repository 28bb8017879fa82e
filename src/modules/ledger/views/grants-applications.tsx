// Application pages: the apply form, the applicant's own list, one application with what staff may
// do next (triage, decision, fast track, payout, repayment, closing), and the final report form.
import { Layout } from '../../../core/views/layout.js';
import { Alert, ButtonLink, EmptyState } from '../../../core/views/components.js';
import { fieldId, Form, RadioGroup, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import { BUDGET_ROWS, SPENDING_ROWS } from '../ledger.grants.schemas.js';
import { MAX_RECEIPTS_PER_REPORT } from '../ledger.grants.rules.js';
import type { ApplicationDetail, GrantApplication, GrantPool } from '../ledger.grants.types.js';
import type { ApplicantChoice } from '../ledger.grants.queries.js';
import { ApplicationsTable, type Values } from './grants-pools.js';
import { crumbs, dateText, grantUrls, instantText, langOf, LinesTable, money, percentText, RulesTable, StatusBadge, Written, type MunicipalityView } from './grants-shared.js';

interface Base {
  page: PageContext;
  municipality: MunicipalityView;
}

/** Rows of description + amount, without JavaScript: a fixed number of rows, empty ones ignored. */
function LineRows(p: { page: PageContext; prefix: string; rows: number; values: Values; errors: FieldErrors; legend: string; hint: string; groupError?: string | undefined }) {
  const { t } = p.page.i18n;
  const groupErrorId = `${fieldId(p.prefix)}-error`;
  return (
    <fieldset class={p.groupError ? 'form-group form-error' : 'form-group'} aria-describedby={[`${fieldId(p.prefix)}-hint`, p.groupError ? groupErrorId : null].filter(Boolean).join(' ')}>
      <legend class="form-label">{p.legend}</legend>
      <span class="form-hint" id={`${fieldId(p.prefix)}-hint`}>
        {p.hint}
      </span>
      {p.groupError ? (
        <span class="form-error-message" id={groupErrorId}>
          <span class="sr-only">{t('core.errorPrefix')}</span> {p.groupError}
        </span>
      ) : null}
      {Array.from({ length: p.rows }, (_, i) => i + 1).map((n) => (
        <div class="row">
          <div class="col-12 col-md-8">
            <TextField name={`${p.prefix}Desc${n}`} label={t('ledger.grants.line.descriptionN', { n })} value={p.values[`${p.prefix}Desc${n}`]} maxlength={200} />
          </div>
          <div class="col-12 col-md-4">
            <TextField name={`${p.prefix}Amount${n}`} label={t('ledger.grants.line.amountN', { n })} value={p.values[`${p.prefix}Amount${n}`]} inputmode="decimal" />
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function ApplyPage(p: Base & { pool: GrantPool; choices: ApplicantChoice[]; values: Values; errors?: FieldErrors }) {
  const { page, municipality: m, pool, values: v } = p;
  const { t } = page.i18n;
  const errors = p.errors ?? {};
  const allowed = p.choices.filter((c) => (c.kind === 'group' ? pool.allowGroups : c.kind === 'association' ? pool.allowAssociations : pool.allowResidents));
  const title = t('ledger.grants.apply.title', { pool: pool.name });
  return (
    <Layout page={page} title={title} breadcrumbs={crumbs(t, m, [{ label: pool.name, href: grantUrls.pool(m.slug, pool.id) }, { label: t('ledger.grants.apply.crumb') }])}>
      <h1>{title}</h1>
      <RulesTable page={page} pool={pool} />
      {allowed.length === 0 ? (
        <Alert kind="info">
          <p>{t('ledger.grants.apply.nobody')}</p>
        </Alert>
      ) : (
        <Form page={page} action={grantUrls.apply(m.slug, pool.id)} errors={errors} errorIds={{ budget: fieldId('budgetDesc1'), _form: fieldId('applicant') }}>
          <RadioGroup
            name="applicant"
            label={t('ledger.grants.apply.applicant')}
            value={v.applicant ?? (allowed.length === 1 ? allowed[0]!.value : undefined)}
            options={allowed.map((c) => ({ value: c.value, label: c.groupName ? t(`ledger.grants.apply.as.${c.kind}`, { name: c.groupName }) : t('ledger.grants.apply.as.resident') }))}
          />
          <TextField name="title" label={t('ledger.grants.apply.projectTitle')} value={v.title} maxlength={140} />
          <TextArea name="purpose" label={t('ledger.grants.apply.purpose')} hint={t('ledger.grants.apply.purposeHint')} value={v.purpose} rows={5} maxlength={5000} />
          <TextField name="amountRequested" label={t('ledger.grants.apply.amountRequested')} hint={t('ledger.grants.apply.amountRequestedHint', { max: money(page, pool.maxGrantOre) })} value={v.amountRequested} inputmode="decimal" width="m" />
          <TextField
            name="cofinancing"
            label={t('ledger.grants.apply.cofinancing')}
            hint={pool.cofinancingBp > 0 ? t('ledger.grants.apply.cofinancingHint', { percent: percentText(page, pool.cofinancingBp) }) : t('ledger.grants.apply.cofinancingNone')}
            optional={pool.cofinancingBp === 0}
            value={v.cofinancing}
            inputmode="decimal"
            width="m"
          />
          <LineRows page={page} prefix="budget" rows={BUDGET_ROWS} values={v} errors={errors} legend={t('ledger.grants.apply.budget')} hint={t('ledger.grants.apply.budgetHint')} groupError={errors.budget} />
          <SubmitButton>{t('ledger.grants.apply.submit')}</SubmitButton>
        </Form>
      )}
    </Layout>
  );
}

export function MyApplicationsPage(p: Base & { applications: GrantApplication[] }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('ledger.grants.mine')} breadcrumbs={crumbs(t, m, [{ label: t('ledger.grants.mine') }])}>
      <h1>{t('ledger.grants.mine')}</h1>
      {p.applications.length === 0 ? (
        <EmptyState title={t('ledger.grants.mineEmpty')}>
          <p>
            <a href={grantUrls.pools(m.slug)}>{t('ledger.grants.seePools')}</a>
          </p>
        </EmptyState>
      ) : (
        <ApplicationsTable page={page} m={m} rows={p.applications} caption={t('ledger.grants.mine')} showPool />
      )}
    </Layout>
  );
}

/** Which of the staff and applicant panels the application page shows. */
export interface ApplicationActions {
  triage: boolean;
  decide: boolean;
  fastTrack: boolean;
  pay: boolean;
  repayment: boolean;
  close: boolean;
  report: boolean;
  seeNotes: boolean;
}

export type ActionForm = 'triage' | 'decide' | 'fast-track' | 'pay' | 'repayment' | 'close';

export interface ApplicationPageProps extends Base {
  application: ApplicationDetail;
  pool: GrantPool & { balanceOre: bigint };
  actions: ApplicationActions;
  failed?: { form: ActionForm; values: Values; errors: FieldErrors };
  today: string;
}

function Facts({ rows }: { rows: [string, string | null][] }) {
  return (
    <table class="table">
      <tbody>
        {rows
          .filter((r): r is [string, string] => r[1] !== null)
          .map(([h, v]) => (
            <tr>
              <th scope="row">{h}</th>
              <td>{v}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

export function ApplicationPage(p: ApplicationPageProps) {
  const { page, municipality: m, application: a, pool, actions } = p;
  const { t } = page.i18n;
  const failed = (form: ActionForm) => (p.failed?.form === form ? p.failed : null);
  const vals = (form: ActionForm): Values => failed(form)?.values ?? {};
  const errs = (form: ActionForm): FieldErrors => failed(form)?.errors ?? {};
  const applicant = a.groupName ? t('ledger.grants.app.applicantGroup', { person: a.applicantName, group: a.groupName }) : a.applicantName;
  const decided = a.decidedAt !== null;
  return (
    <Layout page={page} title={a.title} breadcrumbs={crumbs(t, m, [{ label: a.poolName, href: grantUrls.pool(m.slug, a.poolId) }, { label: a.title }])}>
      <h1 lang={langOf(page, a.lang)}>{a.title}</h1>
      <p>
        {t('ledger.grants.col.status')}: <StatusBadge page={page} status={a.status} />
      </p>
      {a.status === 'repayment_due' ? (
        <Alert kind="warning" heading={t('ledger.grants.app.repaymentDueTitle')}>
          <p>{t('ledger.grants.app.repaymentDueText', { due: dateText(page, a.reportDueOn) })}</p>
        </Alert>
      ) : null}
      {actions.report ? (
        <>
          {a.status === 'paid' ? (
            <Alert kind="info" heading={t('ledger.grants.app.reportDueTitle')}>
              <p>{t('ledger.grants.app.reportDueText', { due: dateText(page, a.reportDueOn) })}</p>
            </Alert>
          ) : null}
          <p>
            <ButtonLink href={grantUrls.report(m.slug, a.id)} variant="primary">
              {t('ledger.grants.report.title')}
            </ButtonLink>
          </p>
        </>
      ) : null}
      <Facts
        rows={[
          [t('ledger.grants.col.pool'), a.poolName],
          [t('ledger.grants.col.applicant'), applicant],
          [t('ledger.grants.app.submitted'), instantText(page, m.timeZone, a.createdAt)],
          [t('ledger.grants.col.requested'), money(page, a.amountRequestedOre)],
          [t('ledger.grants.app.cofinancing'), money(page, a.cofinancingOre)],
        ]}
      />
      <h2>{t('ledger.grants.apply.purpose')}</h2>
      <Written page={page} text={a.purpose} lang={a.lang} />
      <LinesTable page={page} caption={t('ledger.grants.apply.budget')} lines={a.budgetLines} />

      {actions.seeNotes ? (
        <>
          <h2>{t('ledger.grants.triage.title')}</h2>
          {a.triageNotes.length === 0 ? <p>{t('ledger.grants.triage.none')}</p> : null}
          <ul class="nobullet-list">
            {a.triageNotes.map((n) => (
              <li>
                <p class="app-card-meta">{t('ledger.grants.triage.by', { name: n.authorName ?? '–', date: instantText(page, m.timeZone, n.createdAt) })}</p>
                <Written page={page} text={n.note} lang={n.lang} />
              </li>
            ))}
          </ul>
          {actions.triage ? (
            <Form page={page} action={grantUrls.action(m.slug, a.id, 'triage')} errors={errs('triage')}>
              <TextArea name="note" label={t('ledger.grants.triage.note')} hint={t('ledger.grants.triage.noteHint')} value={vals('triage').note} rows={3} maxlength={2000} />
              <SubmitButton variant="secondary">{t('ledger.grants.triage.submit')}</SubmitButton>
            </Form>
          ) : null}
        </>
      ) : null}

      {decided ? (
        <>
          <h2>{t('ledger.grants.decision.title')}</h2>
          <Facts
            rows={[
              [t('ledger.grants.decision.outcome'), t(`ledger.grants.status.${a.status === 'declined' ? 'declined' : a.fastTrack ? 'fast_track_approved' : 'approved'}`)],
              [t('ledger.grants.decision.body'), a.fastTrack ? t('ledger.grants.decision.fastTrackBy', { name: a.decidedByName ?? '–' }) : a.decidingBody],
              [t('ledger.grants.decision.date'), dateText(page, a.decisionDate)],
              [t('ledger.grants.col.granted'), a.amountGrantedOre === null ? null : money(page, a.amountGrantedOre)],
              [a.fastTrack ? t('ledger.grants.decision.reason') : t('ledger.grants.decision.note'), a.decisionNote === '' ? null : a.decisionNote],
              [t('ledger.grants.decision.recordedBy'), actions.seeNotes ? (a.decidedByName ?? '–') : null],
            ]}
          />
        </>
      ) : null}

      {actions.decide ? (
        <>
          <h2>{t('ledger.grants.decide.title')}</h2>
          <Form page={page} action={grantUrls.action(m.slug, a.id, 'decide')} errors={errs('decide')}>
            <RadioGroup
              name="outcome"
              label={t('ledger.grants.decision.outcome')}
              value={vals('decide').outcome}
              options={[
                { value: 'approve', label: t('ledger.grants.decide.approve') },
                { value: 'decline', label: t('ledger.grants.decide.decline') },
              ]}
            />
            <TextField name="decidingBody" label={t('ledger.grants.decision.body')} hint={t('ledger.grants.decide.bodyHint')} value={vals('decide').decidingBody} maxlength={200} />
            <TextField name="decisionDate" type="date" label={t('ledger.grants.decision.date')} value={vals('decide').decisionDate ?? p.today} width="s" />
            <TextField name="amountGranted" label={t('ledger.grants.col.granted')} hint={t('ledger.grants.decide.amountHint', { requested: money(page, a.amountRequestedOre) })} value={vals('decide').amountGranted} inputmode="decimal" width="m" />
            <TextArea name="note" label={t('ledger.grants.decision.note')} optional value={vals('decide').note} rows={3} maxlength={2000} />
            <SubmitButton>{t('ledger.grants.decide.submit')}</SubmitButton>
          </Form>
        </>
      ) : null}

      {actions.fastTrack ? (
        <>
          <h2>{t('ledger.grants.fastTrack.title')}</h2>
          <p>{t('ledger.grants.fastTrack.lead', { threshold: money(page, pool.fastTrackOre), amount: money(page, a.amountRequestedOre) })}</p>
          <Form page={page} action={grantUrls.action(m.slug, a.id, 'fast-track')} errors={errs('fast-track')}>
            <TextArea name="reason" label={t('ledger.grants.decision.reason')} hint={t('ledger.grants.fastTrack.reasonHint')} value={vals('fast-track').reason} rows={3} maxlength={2000} />
            <SubmitButton>{t('ledger.grants.fastTrack.submit')}</SubmitButton>
          </Form>
        </>
      ) : null}

      {a.paidAt ? (
        <>
          <h2>{t('ledger.grants.payout.title')}</h2>
          <Facts
            rows={[
              [t('ledger.grants.payout.paidAt'), instantText(page, m.timeZone, a.paidAt)],
              [t('ledger.grants.payout.transaction'), a.payoutTransactionId === null ? null : `#${a.payoutTransactionId}`],
              [t('ledger.grants.col.reportDue'), dateText(page, a.reportDueOn)],
              [t('ledger.grants.repayment.repaid'), a.repaidOre === null ? null : money(page, a.repaidOre)],
            ]}
          />
        </>
      ) : null}

      {actions.pay ? (
        <>
          <h2>{t('ledger.grants.pay.title')}</h2>
          <p>{t('ledger.grants.pay.lead', { amount: money(page, a.amountGrantedOre), pool: a.poolName, balance: money(page, pool.balanceOre) })}</p>
          <Form page={page} action={grantUrls.action(m.slug, a.id, 'pay')}>
            <SubmitButton>{t('ledger.grants.pay.submit', { amount: money(page, a.amountGrantedOre) })}</SubmitButton>
          </Form>
        </>
      ) : null}

      {a.reportedAt ? (
        <>
          <h2>{t('ledger.grants.report.heading')}</h2>
          <p class="app-card-meta">{t('ledger.grants.report.filed', { date: instantText(page, m.timeZone, a.reportedAt) })}</p>
          <Written page={page} text={a.reportNarrative ?? ''} lang={a.reportLang} />
          <LinesTable page={page} caption={t('ledger.grants.report.spending')} lines={a.spendingLines} />
          <h3>{t('ledger.grants.report.receipts')}</h3>
          <ul>
            {a.receipts.map((r) => (
              <li>
                <a href={grantUrls.receipt(m.slug, a.id, r.id)}>{r.fileName}</a> ({t(`ledger.grants.receiptType.${r.contentType.split('/')[1]}`)}, {t('ledger.grants.report.size', { kb: Math.max(1, Math.round(r.size / 1024)) })})
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {actions.close ? (
        <Form page={page} action={grantUrls.action(m.slug, a.id, 'close')}>
          <h2>{t('ledger.grants.close.title')}</h2>
          <p>{t('ledger.grants.close.lead')}</p>
          <SubmitButton>{t('ledger.grants.close.submit')}</SubmitButton>
        </Form>
      ) : null}

      {actions.repayment ? (
        <>
          <h2>{t('ledger.grants.repayment.title')}</h2>
          <p>{t('ledger.grants.repayment.lead', { pool: a.poolName })}</p>
          <Form page={page} action={grantUrls.action(m.slug, a.id, 'repayment')} errors={errs('repayment')}>
            <TextField name="amount" label={t('ledger.grants.repayment.amount')} hint={t('ledger.grants.repayment.amountHint', { granted: money(page, a.amountGrantedOre) })} value={vals('repayment').amount} inputmode="decimal" width="m" />
            <TextField name="memo" label={t('ledger.grants.fund.memo')} value={vals('repayment').memo} maxlength={500} />
            <SubmitButton variant="secondary">{t('ledger.grants.repayment.submit')}</SubmitButton>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}

export function ReportPage(p: Base & { application: GrantApplication; values: Values; errors?: FieldErrors }) {
  const { page, municipality: m, application: a, values: v } = p;
  const { t } = page.i18n;
  const errors = p.errors ?? {};
  const receiptsId = fieldId('receipts');
  return (
    <Layout page={page} title={t('ledger.grants.report.title')} breadcrumbs={crumbs(t, m, [{ label: a.title, href: grantUrls.application(m.slug, a.id) }, { label: t('ledger.grants.report.title') }])}>
      <h1>{t('ledger.grants.report.title')}</h1>
      <p class="font-lead">{t('ledger.grants.report.lead', { title: a.title, granted: money(page, a.amountGrantedOre), due: dateText(page, a.reportDueOn) })}</p>
      <Form page={page} action={grantUrls.report(m.slug, a.id)} enctype="multipart/form-data" errors={errors}>
        <TextArea name="narrative" label={t('ledger.grants.report.narrative')} hint={t('ledger.grants.report.narrativeHint')} value={v.narrative} rows={6} maxlength={10000} />
        <LineRows page={page} prefix="spending" rows={SPENDING_ROWS} values={v} errors={errors} legend={t('ledger.grants.report.spending')} hint={t('ledger.grants.report.spendingHint')} />
        <div class={errors.receipts ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for={receiptsId}>
            {t('ledger.grants.report.receipts')}
          </label>
          <span class="form-hint" id={`${receiptsId}-hint`}>
            {t('ledger.grants.report.receiptsHint', { count: MAX_RECEIPTS_PER_REPORT })}
          </span>
          {errors.receipts ? (
            <span class="form-error-message" id={`${receiptsId}-error`}>
              <span class="sr-only">{t('core.errorPrefix')}</span> {errors.receipts}
            </span>
          ) : null}
          <input
            class="form-file-input"
            type="file"
            id={receiptsId}
            name="receipts"
            multiple
            accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
            aria-describedby={[`${receiptsId}-hint`, errors.receipts ? `${receiptsId}-error` : null].filter(Boolean).join(' ')}
            aria-invalid={errors.receipts ? 'true' : undefined}
          />
        </div>
        <SubmitButton>{t('ledger.grants.report.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
