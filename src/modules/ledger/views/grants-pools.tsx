// Grant pool pages: the public list of pools, one pool with its rules and money (and, for staff, its
// applications), the form that creates a pool, and the form that funds one.
import { Layout } from '../../../core/views/layout.js';
import { Alert, Badge, ButtonLink, Card, CardList, DataTable, EmptyState } from '../../../core/views/components.js';
import { Checkbox, Form, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { GrantApplication, PoolWithBalance } from '../ledger.grants.types.js';
import { crumbs, dateText, grantUrls, langOf, money, RulesTable, StatusBadge, whoMayApply, Written, type MunicipalityView } from './grants-shared.js';

export type Values = Record<string, string>;

interface Base {
  page: PageContext;
  municipality: MunicipalityView;
}

function PoolCard({ page, m, pool }: { page: PageContext; m: MunicipalityView; pool: PoolWithBalance }) {
  const { t } = page.i18n;
  const excerpt = pool.description.length > 220 ? `${pool.description.slice(0, 217).trimEnd()}…` : pool.description;
  return (
    <Card
      title={pool.name}
      href={grantUrls.pool(m.slug, pool.id)}
      headingLevel={3}
      meta={t('ledger.grants.card.meta', { deadline: dateText(page, pool.deadline), max: money(page, pool.maxGrantOre) })}
      labels={<Badge kind={pool.status === 'open' ? 'success' : 'neutral'}>{t(`ledger.grants.poolStatus.${pool.status}`)}</Badge>}
    >
      {excerpt ? (
        <p class="app-card-text" lang={langOf(page, pool.lang)}>
          {excerpt}
        </p>
      ) : null}
      <p class="app-card-meta">{t('ledger.grants.card.who', { who: whoMayApply(page, pool) })}</p>
    </Card>
  );
}

export function PoolsPage(p: Base & { open: PoolWithBalance[]; closed: PoolWithBalance[]; signedIn: boolean; canCreate: boolean }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('ledger.grants.title')} breadcrumbs={crumbs(t, m, []).slice(0, -1).concat({ label: t('ledger.grants.title') })}>
      <h1>{t('ledger.grants.title')}</h1>
      <p class="font-lead">{t('ledger.grants.lead')}</p>
      <div class="app-button-row mb-5">
        {p.signedIn ? <ButtonLink href={grantUrls.mine(m.slug)}>{t('ledger.grants.mine')}</ButtonLink> : null}
        {p.canCreate ? <ButtonLink href={grantUrls.poolNew(m.slug)}>{t('ledger.grants.create')}</ButtonLink> : null}
      </div>
      <h2>{t('ledger.grants.openPools')}</h2>
      {p.open.length === 0 ? (
        <EmptyState title={t('ledger.grants.empty')}>
          <p>{t('ledger.grants.emptyText')}</p>
        </EmptyState>
      ) : (
        <CardList>
          {p.open.map((pool) => (
            <PoolCard page={page} m={m} pool={pool} />
          ))}
        </CardList>
      )}
      {p.closed.length > 0 ? (
        <>
          <h2>{t('ledger.grants.closedPools')}</h2>
          <CardList>
            {p.closed.map((pool) => (
              <PoolCard page={page} m={m} pool={pool} />
            ))}
          </CardList>
        </>
      ) : null}
    </Layout>
  );
}

export interface PoolPageProps extends Base {
  pool: PoolWithBalance;
  /** Open and before the deadline. */
  acceptsApplications: boolean;
  staff: { applications: GrantApplication[] | null; canFund: boolean; canManage: boolean; flagged: number };
}

export function PoolPage(p: PoolPageProps) {
  const { page, municipality: m, pool } = p;
  const { t } = page.i18n;
  const available = pool.balanceOre - pool.committedOre;
  return (
    <Layout page={page} title={pool.name} breadcrumbs={crumbs(t, m, [{ label: pool.name }])}>
      <h1 lang={langOf(page, pool.lang)}>{pool.name}</h1>
      <p>
        <Badge kind={pool.status === 'open' ? 'success' : 'neutral'}>{t(`ledger.grants.poolStatus.${pool.status}`)}</Badge>
      </p>
      <Written page={page} text={pool.description} lang={pool.lang} />
      {p.acceptsApplications ? (
        <p>
          <ButtonLink href={grantUrls.apply(m.slug, pool.id)} variant="primary">
            {t('ledger.grants.applyNow')}
          </ButtonLink>
        </p>
      ) : (
        <Alert kind="info">
          <p>{pool.status === 'open' ? t('ledger.grants.deadlinePassed') : t('ledger.grants.poolIsClosed')}</p>
        </Alert>
      )}
      <RulesTable page={page} pool={pool} />
      <h2>{t('ledger.grants.money.title')}</h2>
      <table class="table">
        <caption class="sr-only">{t('ledger.grants.money.title')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('ledger.grants.money.balance')}</th>
            <td class="app-num">{money(page, pool.balanceOre)}</td>
          </tr>
          <tr>
            <th scope="row">{t('ledger.grants.money.committed')}</th>
            <td class="app-num">{money(page, pool.committedOre)}</td>
          </tr>
          <tr>
            <th scope="row">{t('ledger.grants.money.available')}</th>
            <td class="app-num">
              <strong>{money(page, available)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      {p.staff.canFund || p.staff.canManage ? (
        <div class="app-button-row mt-5">
          {p.staff.canFund ? <ButtonLink href={grantUrls.fund(m.slug, pool.id)}>{t('ledger.grants.fund.title')}</ButtonLink> : null}
          {p.staff.canManage ? (
            <Form page={page} action={grantUrls.poolStatus(m.slug, pool.id)} class="app-inline-form">
              <input type="hidden" name="status" value={pool.status === 'open' ? 'closed' : 'open'} />
              <SubmitButton variant="secondary">{pool.status === 'open' ? t('ledger.grants.closePool') : t('ledger.grants.openPool')}</SubmitButton>
            </Form>
          ) : null}
        </div>
      ) : null}
      {p.staff.applications ? (
        <>
          <h2>{t('ledger.grants.applications')}</h2>
          {p.staff.flagged > 0 ? (
            <Alert kind="warning">
              <p>{t('ledger.grants.flaggedNow', { count: p.staff.flagged })}</p>
            </Alert>
          ) : null}
          {p.staff.applications.length === 0 ? (
            <p>{t('ledger.grants.noApplications')}</p>
          ) : (
            <ApplicationsTable page={page} m={m} rows={p.staff.applications} caption={t('ledger.grants.applications')} showPool={false} />
          )}
        </>
      ) : null}
    </Layout>
  );
}

export function ApplicationsTable(p: { page: PageContext; m: MunicipalityView; rows: GrantApplication[]; caption: string; showPool: boolean }) {
  const { page, m } = p;
  const { t } = page.i18n;
  return (
    <DataTable
      caption={p.caption}
      captionHidden
      rows={p.rows}
      columns={[
        { header: t('ledger.grants.col.title'), cell: (a) => <a href={grantUrls.application(m.slug, a.id)} lang={langOf(page, a.lang)}>{a.title}</a> },
        ...(p.showPool ? [{ header: t('ledger.grants.col.pool'), cell: (a: GrantApplication) => a.poolName }] : []),
        { header: t('ledger.grants.col.applicant'), cell: (a) => a.groupName ?? a.applicantName },
        { header: t('ledger.grants.col.requested'), numeric: true, cell: (a) => money(page, a.amountRequestedOre) },
        { header: t('ledger.grants.col.granted'), numeric: true, cell: (a) => money(page, a.amountGrantedOre) },
        { header: t('ledger.grants.col.status'), cell: (a) => <StatusBadge page={page} status={a.status} /> },
        { header: t('ledger.grants.col.reportDue'), cell: (a) => dateText(page, a.reportDueOn) },
      ]}
    />
  );
}

export function PoolFormPage(p: Base & { values: Values; errors?: FieldErrors }) {
  const { page, municipality: m, values: v } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('ledger.grants.create')} breadcrumbs={crumbs(t, m, [{ label: t('ledger.grants.create') }])}>
      <h1>{t('ledger.grants.create')}</h1>
      <Form page={page} action={grantUrls.poolNew(m.slug)} errors={p.errors ?? {}}>
        <TextField name="name" label={t('ledger.grants.form.name')} value={v.name} maxlength={140} />
        <TextArea name="description" label={t('ledger.grants.form.description')} hint={t('ledger.grants.form.descriptionHint')} optional value={v.description} rows={4} maxlength={5000} />
        <TextField name="maxGrant" label={t('ledger.grants.form.maxGrant')} hint={t('ledger.grants.form.amountHint')} value={v.maxGrant} inputmode="decimal" width="m" />
        <TextField name="cofinancingPercent" label={t('ledger.grants.form.cofinancingPercent')} hint={t('ledger.grants.form.cofinancingPercentHint')} value={v.cofinancingPercent} inputmode="decimal" width="xs" />
        <fieldset class={p.errors?.allowGroups ? 'form-group form-error' : 'form-group'} aria-describedby={p.errors?.allowGroups ? 'f-allowGroups-error' : undefined}>
          <legend class="form-label">{t('ledger.grants.form.who')}</legend>
          {p.errors?.allowGroups ? (
            <span class="form-error-message" id="f-allowGroups-error">
              <span class="sr-only">{t('core.errorPrefix')}</span> {p.errors.allowGroups}
            </span>
          ) : null}
          <Checkbox name="allowGroups" label={t('ledger.grants.who.group')} checked={v.allowGroups !== undefined && v.allowGroups !== ''} value="yes" error="" />
          <Checkbox name="allowAssociations" label={t('ledger.grants.who.association')} checked={v.allowAssociations !== undefined && v.allowAssociations !== ''} value="yes" />
          <Checkbox name="allowResidents" label={t('ledger.grants.who.resident')} checked={v.allowResidents !== undefined && v.allowResidents !== ''} value="yes" />
        </fieldset>
        <TextField name="deadline" type="date" label={t('ledger.grants.form.deadline')} hint={t('ledger.grants.form.deadlineHint')} value={v.deadline} width="s" />
        <TextField name="fastTrack" label={t('ledger.grants.form.fastTrack')} hint={t('ledger.grants.form.fastTrackHint')} optional value={v.fastTrack} inputmode="decimal" width="m" />
        <TextField name="reportDueDays" label={t('ledger.grants.form.reportDueDays')} hint={t('ledger.grants.form.reportDueDaysHint')} value={v.reportDueDays} inputmode="numeric" width="xs" />
        <SubmitButton>{t('ledger.grants.form.create')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function FundPage(p: Base & { pool: PoolWithBalance; sources: { id: number; name: string; kind: string; balanceOre: bigint }[]; values: Values; errors?: FieldErrors }) {
  const { page, municipality: m, pool, values: v } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('ledger.grants.fund.title')} breadcrumbs={crumbs(t, m, [{ label: pool.name, href: grantUrls.pool(m.slug, pool.id) }, { label: t('ledger.grants.fund.title') }])}>
      <h1>{t('ledger.grants.fund.heading', { pool: pool.name })}</h1>
      <p>{t('ledger.grants.fund.lead', { balance: money(page, pool.balanceOre) })}</p>
      {p.sources.length === 0 ? (
        <Alert kind="info">
          <p>{t('ledger.grants.fund.noSources')}</p>
        </Alert>
      ) : (
        <Form page={page} action={grantUrls.fund(m.slug, pool.id)} errors={p.errors ?? {}}>
          <Select
            name="sourceAccountId"
            label={t('ledger.grants.fund.source')}
            value={v.sourceAccountId}
            options={p.sources.map((s) => ({ value: String(s.id), label: t('ledger.grants.fund.sourceOption', { name: s.name, kind: t(`ledger.grants.accountKind.${s.kind}`), balance: money(page, s.balanceOre) }) }))}
          />
          <TextField name="amount" label={t('ledger.grants.fund.amount')} hint={t('ledger.grants.form.amountHint')} value={v.amount} inputmode="decimal" width="m" />
          <TextField name="memo" label={t('ledger.grants.fund.memo')} hint={t('ledger.grants.fund.memoHint')} value={v.memo} maxlength={500} />
          <SubmitButton>{t('ledger.grants.fund.submit')}</SubmitButton>
        </Form>
      )}
    </Layout>
  );
}
