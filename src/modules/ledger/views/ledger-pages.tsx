// Pages of the ledger foundation: overview, accounts, transactions, manual posting, reversal, export.
// No database access here: routes hand in what to show.
import type { Child } from 'hono/jsx';
import { Layout } from '../../../core/views/layout.js';
import { Alert, Badge, ButtonLink, DataTable, EmptyState, Pagination, type Crumb } from '../../../core/views/components.js';
import { Form, RadioGroup, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { I18n } from '../../../core/i18n/i18n.js';
import { formatOre } from '../ledger.money.js';
import type { OverviewLink } from '../ledger.overview-links.js';
import type { PublicTotals } from '../ledger.queries.js';
import type { AccountEntryRow } from '../ledger.repository.js';
import { accountKinds, type AccountKind, type AccountWithBalance, type LedgerEntry, type LedgerTransaction } from '../ledger.types.js';

export interface MunicipalityView {
  slug: string;
  name: string;
  timeZone: string;
}

const enc = encodeURIComponent;
export const ledgerUrls = {
  overview: (m: string) => `/m/${enc(m)}/ledger`,
  accounts: (m: string) => `/m/${enc(m)}/ledger#accounts`,
  newAccount: (m: string) => `/m/${enc(m)}/ledger/accounts/new`,
  account: (m: string, id: number) => `/m/${enc(m)}/ledger/accounts/${id}`,
  transactions: (m: string, q = '') => `/m/${enc(m)}/ledger/transactions${q}`,
  transaction: (m: string, id: number) => `/m/${enc(m)}/ledger/transactions/${id}`,
  reverse: (m: string, id: number) => `/m/${enc(m)}/ledger/transactions/${id}/reverse`,
  newPosting: (m: string) => `/m/${enc(m)}/ledger/transactions/new`,
  export: (m: string) => `/m/${enc(m)}/ledger/export`,
  exportCsv: (m: string) => `/m/${enc(m)}/ledger/export/transactions.csv`,
  initiative: (m: string, id: number) => `/m/${enc(m)}/initiatives/${id}`,
  agreement: (m: string, id: number) => `/m/${enc(m)}/ledger/agreements/${id}`,
  grantApplication: (m: string, id: number) => `/m/${enc(m)}/ledger/grants/applications/${id}`,
  budgetingProcess: (m: string, id: number) => `/m/${enc(m)}/budgets/${id}`,
  link: (m: string, path: string) => `/m/${enc(m)}/ledger/${path}`,
};

export function ledgerCrumbs(t: I18n['t'], m: MunicipalityView, rest: Crumb[]): Crumb[] {
  return [{ label: m.name, href: `/m/${enc(m.slug)}` }, { label: t('ledger.title'), href: ledgerUrls.overview(m.slug) }, ...rest];
}

/** An amount that never breaks between the number and "kr." / "DKK". */
export function Amount({ ore, lang }: { ore: bigint; lang: 'da' | 'en' }) {
  return <span class="app-amount">{formatOre(ore, lang).replace(' ', '\u00a0')}</span>;
}

function when(i18n: I18n, tz: string, d: Date): string {
  return i18n.formatDate(d, { timeZone: tz, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

// ---------------------------------------------------------------- overview

export interface OverviewProps {
  page: PageContext;
  municipality: MunicipalityView;
  totals: PublicTotals;
  /** The books, for those who may read them; null for everyone else. */
  books: { kind: AccountKind; accounts: AccountWithBalance[]; totalOre: bigint }[] | null;
  canPost: boolean;
  links: OverviewLink[];
}

export function OverviewPage(p: OverviewProps) {
  const { page, municipality: m, totals } = p;
  const { t, lang } = page.i18n;
  const figures: [string, bigint][] = [
    ['ledger.totals.savings', totals.savingsSignedOffOre],
    ['ledger.totals.reinvested', totals.reinvestedOre],
    ['ledger.totals.pots', totals.potsBalanceOre],
    ['ledger.totals.grantsPaid', totals.grantsPaidOre],
  ];
  return (
    <Layout page={page} title={`${t('ledger.title')} – ${m.name}`} breadcrumbs={[{ label: m.name, href: `/m/${enc(m.slug)}` }, { label: t('ledger.title') }]} wide>
      <h1>{t('ledger.title')}</h1>
      <p class="font-lead">{t('ledger.intro')}</p>

      <h2>{t('ledger.totals.heading')}</h2>
      <ul class="row nobullet-list no-max-width app-ledger-figures">
        {figures.map(([key, ore]) => (
          <li class="col-12 col-sm-6 col-lg-3 mb-5">
            <div class="card">
              <div class="card-content">
                <p class="font-lead mt-0 mb-2">{t(key)}</p>
                <p class="h3 m-0">
                  <Amount ore={ore} lang={lang} />
                </p>
              </div>
            </div>
          </li>
        ))}
      </ul>
      {totals.pots.length > 0 ? (
        <DataTable
          caption={t('ledger.totals.potsHeading')}
          columns={[
            { header: t('ledger.account.name'), cell: (a) => a.name },
            { header: t('ledger.account.kind'), cell: (a) => t(`ledger.kind.${a.kind}`) },
            { header: t('ledger.account.balance'), numeric: true, cell: (a) => <Amount ore={a.balanceOre} lang={lang} /> },
          ]}
          rows={totals.pots}
        />
      ) : (
        <p>{t('ledger.totals.none')}</p>
      )}

      {p.links.length > 0 ? (
        <>
          <h2>{t('ledger.more.heading')}</h2>
          <ul class="app-ledger-links">
            {p.links.map((l) => (
              <li>
                <a href={ledgerUrls.link(m.slug, l.path)}>{t(l.labelKey)}</a>
                {l.descriptionKey ? <span class="form-hint">{t(l.descriptionKey)}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {p.books ? (
        <section aria-labelledby="accounts">
          <h2 id="accounts">{t('ledger.books.heading')}</h2>
          <p>{t('ledger.books.intro')}</p>
          {p.canPost ? (
            <div class="app-button-row mb-5">
              <ButtonLink href={ledgerUrls.newPosting(m.slug)}>{t('ledger.action.newPosting')}</ButtonLink>
              <ButtonLink href={ledgerUrls.newAccount(m.slug)} variant="secondary">
                {t('ledger.action.newAccount')}
              </ButtonLink>
            </div>
          ) : null}
          {p.books.length === 0 ? (
            <EmptyState title={t('ledger.account.none')} headingLevel={3} />
          ) : (
            p.books.map((g) => (
              <DataTable
                caption={`${t(`ledger.kind.${g.kind}`)} (${t('ledger.account.count', { count: g.accounts.length })})`}
                columns={[
                  { header: t('ledger.account.name'), cell: (a) => <a href={ledgerUrls.account(m.slug, a.id)}>{a.name}</a> },
                  { header: t('ledger.account.code'), cell: (a) => a.code ?? '' },
                  { header: t('ledger.account.entries'), numeric: true, cell: (a) => page.i18n.formatNumber(a.entryCount) },
                  { header: t('ledger.account.balance'), numeric: true, cell: (a) => <Amount ore={a.balanceOre} lang={lang} /> },
                ]}
                rows={g.accounts}
              />
            ))
          )}
        </section>
      ) : null}
    </Layout>
  );
}

// ---------------------------------------------------------------- account form and page

export type AccountFormValues = Record<'kind' | 'name' | 'code' | 'description', string>;

export function AccountFormPage(p: { page: PageContext; municipality: MunicipalityView; values: AccountFormValues; errors: FieldErrors }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('ledger.account.new.title')} breadcrumbs={ledgerCrumbs(t, m, [{ label: t('ledger.account.new.title') }])}>
      <h1>{t('ledger.account.new.title')}</h1>
      <Form page={page} action={ledgerUrls.newAccount(m.slug)} errors={p.errors}>
        <Select
          name="kind"
          label={t('ledger.account.kind')}
          hint={t('ledger.account.kindHint')}
          value={p.values.kind}
          options={accountKinds.map((k) => ({ value: k, label: t(`ledger.kind.${k}`) }))}
        />
        <TextField name="name" label={t('ledger.account.name')} value={p.values.name} maxlength={200} width="l" />
        <TextField name="code" label={t('ledger.account.code')} hint={t('ledger.account.codeHint')} value={p.values.code} maxlength={40} width="s" optional />
        <TextArea name="description" label={t('ledger.account.description')} value={p.values.description} maxlength={2000} optional />
        <SubmitButton>{t('ledger.account.new.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function AccountPage(p: { page: PageContext; municipality: MunicipalityView; account: AccountWithBalance; entries: AccountEntryRow[]; names: Map<number, string> }) {
  const { page, municipality: m, account: a } = p;
  const { t, lang } = page.i18n;
  return (
    <Layout page={page} title={a.name} breadcrumbs={ledgerCrumbs(t, m, [{ label: a.name }])} wide>
      <h1>{a.name}</h1>
      <dl>
        <dt>{t('ledger.account.kind')}</dt>
        <dd>{t(`ledger.kind.${a.kind}`)}</dd>
        {a.code ? (
          <>
            <dt>{t('ledger.account.code')}</dt>
            <dd>{a.code}</dd>
          </>
        ) : null}
        <dt>{t('ledger.account.balance')}</dt>
        <dd>
          <strong>
            <Amount ore={a.balanceOre} lang={lang} />
          </strong>{' '}
          <Badge kind={a.mayGoNegative ? 'neutral' : 'info'}>{t(a.mayGoNegative ? 'ledger.account.mayGoNegative' : 'ledger.account.neverNegative')}</Badge>
        </dd>
      </dl>
      {a.description ? <p>{a.description}</p> : null}
      <p>
        <a href={ledgerUrls.transactions(m.slug, `?account=${a.id}`)}>{t('ledger.overview.link.transactions')}</a>
      </p>
      {p.entries.length === 0 ? (
        <EmptyState title={t('ledger.account.noEntries')} />
      ) : (
        <DataTable
          caption={t('ledger.account.entries')}
          columns={[
            { header: t('ledger.tx.id'), cell: (e) => <a href={ledgerUrls.transaction(m.slug, e.transactionId)}>{e.transactionId}</a> },
            { header: t('ledger.tx.postedAt'), cell: (e) => when(page.i18n, m.timeZone, e.postedAt) },
            { header: t('ledger.tx.memo'), cell: (e) => e.memo },
            { header: t('ledger.tx.kind'), cell: (e) => t(`ledger.txkind.${e.kind}`) },
            { header: t('ledger.tx.postedBy'), cell: (e) => p.names.get(e.postedBy) ?? '' },
            { header: t('ledger.tx.amount'), numeric: true, cell: (e) => <Amount ore={e.amountOre} lang={lang} /> },
            { header: t('ledger.account.balanceAfter'), numeric: true, cell: (e) => <Amount ore={e.balanceAfterOre} lang={lang} /> },
          ]}
          rows={p.entries}
        />
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------- transactions

export interface TransactionRowView {
  transaction: LedgerTransaction;
  entries: LedgerEntry[];
}

function EntriesCell(p: { entries: LedgerEntry[]; accountName: (id: number) => string; lang: 'da' | 'en' }) {
  return (
    <ul class="app-ledger-lines">
      {p.entries.map((e) => (
        <li>
          {p.accountName(e.accountId)}: <Amount ore={e.amountOre} lang={p.lang} />
        </li>
      ))}
    </ul>
  );
}

export interface TransactionsFilterValues {
  from: string;
  to: string;
  account: string;
}

export function TransactionsPage(p: {
  page: PageContext;
  municipality: MunicipalityView;
  rows: TransactionRowView[];
  total: number;
  pageNo: number;
  pageSize: number;
  filter: TransactionsFilterValues;
  errors: FieldErrors;
  accounts: AccountWithBalance[];
  names: Map<number, string>;
  canPost: boolean;
}) {
  const { page, municipality: m } = p;
  const { t, lang } = page.i18n;
  const accountName = (id: number) => p.accounts.find((a) => a.id === id)?.name ?? `#${id}`;
  const query = new URLSearchParams(Object.entries(p.filter).filter(([, v]) => v !== '')).toString();
  const totalPages = Math.max(1, Math.ceil(p.total / p.pageSize));
  return (
    <Layout page={page} title={t('ledger.tx.list.title')} breadcrumbs={ledgerCrumbs(t, m, [{ label: t('ledger.tx.list.title') }])} wide>
      <h1>{t('ledger.tx.list.title')}</h1>
      {p.canPost ? (
        <p>
          <ButtonLink href={ledgerUrls.newPosting(m.slug)}>{t('ledger.action.newPosting')}</ButtonLink>
        </p>
      ) : null}
      <Form page={page} action={ledgerUrls.transactions(m.slug)} method="get" errors={p.errors} class="app-ledger-filter">
        <h2 class="h3">{t('ledger.tx.filter.heading')}</h2>
        <TextField name="from" type="date" label={t('ledger.tx.filter.from')} value={p.filter.from} width="s" optional />
        <TextField name="to" type="date" label={t('ledger.tx.filter.to')} value={p.filter.to} width="s" optional />
        <Select
          name="account"
          label={t('ledger.tx.filter.account')}
          value={p.filter.account}
          placeholder={t('ledger.tx.filter.allAccounts')}
          options={p.accounts.map((a) => ({ value: String(a.id), label: `${a.name} (${t(`ledger.kind.${a.kind}`)})` }))}
        />
        <SubmitButton variant="secondary">{t('ledger.tx.filter.submit')}</SubmitButton>
      </Form>
      <p role="status">{t('ledger.tx.list.count', { count: p.total })}</p>
      {p.rows.length === 0 ? (
        <EmptyState title={t('ledger.tx.list.none')} />
      ) : (
        <DataTable
          caption={t('ledger.tx.list.title')}
          captionHidden
          columns={[
            { header: t('ledger.tx.id'), cell: (r) => <a href={ledgerUrls.transaction(m.slug, r.transaction.id)}>{r.transaction.id}</a> },
            { header: t('ledger.tx.postedAt'), cell: (r) => when(page.i18n, m.timeZone, r.transaction.postedAt) },
            {
              header: t('ledger.tx.kind'),
              cell: (r) => (
                <>
                  {t(`ledger.txkind.${r.transaction.kind}`)}
                  {r.transaction.reversedById !== null ? (
                    <>
                      {' '}
                      <Badge kind="warning">{t('ledger.tx.reversedBy', { id: r.transaction.reversedById })}</Badge>
                    </>
                  ) : null}
                </>
              ),
            },
            { header: t('ledger.tx.memo'), cell: (r) => r.transaction.memo },
            { header: t('ledger.tx.entries'), cell: (r) => <EntriesCell entries={r.entries} accountName={accountName} lang={lang} /> },
            { header: t('ledger.tx.postedBy'), cell: (r) => p.names.get(r.transaction.postedBy) ?? '' },
          ]}
          rows={p.rows}
        />
      )}
      {totalPages > 1 ? <Pagination page={p.pageNo} totalPages={totalPages} baseUrl={ledgerUrls.transactions(m.slug, query ? `?${query}` : '')} /> : null}
    </Layout>
  );
}

export function TransactionPage(p: {
  page: PageContext;
  municipality: MunicipalityView;
  row: TransactionRowView;
  accounts: AccountWithBalance[];
  postedByName: string;
  canReverse: boolean;
  reason: string;
  errors: FieldErrors;
}) {
  const { page, municipality: m } = p;
  const { t, lang } = page.i18n;
  const tx = p.row.transaction;
  const title = t('ledger.tx.title', { id: tx.id });
  const account = (id: number) => p.accounts.find((a) => a.id === id);
  const links: Child[] = [];
  if (tx.initiativeId !== null) links.push(<a href={ledgerUrls.initiative(m.slug, tx.initiativeId)}>{t('ledger.tx.link.initiative', { id: tx.initiativeId })}</a>);
  if (tx.agreementId !== null) links.push(<a href={ledgerUrls.agreement(m.slug, tx.agreementId)}>{t('ledger.tx.link.agreement', { id: tx.agreementId })}</a>);
  if (tx.grantApplicationId !== null) links.push(<a href={ledgerUrls.grantApplication(m.slug, tx.grantApplicationId)}>{t('ledger.tx.link.grantApplication', { id: tx.grantApplicationId })}</a>);
  if (tx.budgetingProcessId !== null) links.push(<a href={ledgerUrls.budgetingProcess(m.slug, tx.budgetingProcessId)}>{t('ledger.tx.link.budgetingProcess', { id: tx.budgetingProcessId })}</a>);
  if (tx.reversesId !== null) links.push(<a href={ledgerUrls.transaction(m.slug, tx.reversesId)}>{t('ledger.tx.reverses', { id: tx.reversesId })}</a>);
  if (tx.reversedById !== null) links.push(<a href={ledgerUrls.transaction(m.slug, tx.reversedById)}>{t('ledger.tx.reversedBy', { id: tx.reversedById })}</a>);
  const total = p.row.entries.reduce((s, e) => s + e.amountOre, 0n);
  return (
    <Layout page={page} title={title} breadcrumbs={ledgerCrumbs(t, m, [{ label: t('ledger.tx.list.title'), href: ledgerUrls.transactions(m.slug) }, { label: title }])}>
      <h1>{title}</h1>
      <dl>
        <dt>{t('ledger.tx.memo')}</dt>
        <dd>{tx.memo}</dd>
        <dt>{t('ledger.tx.kind')}</dt>
        <dd>{t(`ledger.txkind.${tx.kind}`)}</dd>
        <dt>{t('ledger.tx.postedAt')}</dt>
        <dd>{when(page.i18n, m.timeZone, tx.postedAt)}</dd>
        <dt>{t('ledger.tx.postedBy')}</dt>
        <dd>{p.postedByName}</dd>
        {links.length > 0 ? (
          <>
            <dt>{t('ledger.tx.links')}</dt>
            <dd>
              <ul class="app-ledger-lines">
                {links.map((l) => (
                  <li>{l}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <div class="table--responsive-scroll" role="region" aria-label={t('ledger.tx.entries')} tabindex={0}>
        <table class="table table--zebra">
          <caption>{t('ledger.tx.entries')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ledger.tx.account')}</th>
              <th scope="col" class="app-num">
                {t('ledger.tx.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.row.entries.map((e) => {
              const a = account(e.accountId);
              return (
                <tr>
                  <td>
                    {a ? <a href={ledgerUrls.account(m.slug, a.id)}>{a.name}</a> : `#${e.accountId}`}
                    {a ? <span class="form-hint">{t(`ledger.kind.${a.kind}`)}</span> : null}
                  </td>
                  <td class="app-num">
                    <Amount ore={e.amountOre} lang={lang} />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('ledger.tx.total')}</th>
              <td class="app-num">
                <Amount ore={total} lang={lang} />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {!p.canReverse && p.errors.reason ? (
        <Alert kind="error" role="alert">
          {p.errors.reason}
        </Alert>
      ) : null}
      {p.canReverse ? (
        <section aria-labelledby="reverse" class="mt-7">
          <h2 id="reverse">{t('ledger.reverse.heading')}</h2>
          <p>{t('ledger.reverse.intro')}</p>
          <Form page={page} action={ledgerUrls.reverse(m.slug, tx.id)} errors={p.errors}>
            <TextArea name="reason" label={t('ledger.reverse.reason')} hint={t('ledger.reverse.reasonHint')} value={p.reason} maxlength={1000} rows={3} />
            <SubmitButton variant="warning">{t('ledger.reverse.submit')}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </Layout>
  );
}

// ---------------------------------------------------------------- manual posting

export interface PostingFormValues {
  memo: string;
  kind: string;
  lines: { account: string; direction: string; amount: string }[];
}

export function PostingFormPage(p: { page: PageContext; municipality: MunicipalityView; accounts: AccountWithBalance[]; values: PostingFormValues; errors: FieldErrors; formError?: string }) {
  const { page, municipality: m } = p;
  const { t, lang } = page.i18n;
  const options = p.accounts.map((a) => ({ value: String(a.id), label: `${a.name} (${t(`ledger.kind.${a.kind}`)}) – ${formatOre(a.balanceOre, lang)}` }));
  return (
    <Layout page={page} title={t('ledger.post.title')} breadcrumbs={ledgerCrumbs(t, m, [{ label: t('ledger.post.title') }])} wide>
      <h1>{t('ledger.post.title')}</h1>
      <p>{t('ledger.post.intro')}</p>
      <Form page={page} action={ledgerUrls.newPosting(m.slug)} errors={p.errors} errorIds={{ lines: 'f-lines' }}>
        <TextArea name="memo" label={t('ledger.post.memo')} hint={t('ledger.post.memoHint')} value={p.values.memo} maxlength={1000} rows={2} />
        <RadioGroup
          name="kind"
          label={t('ledger.post.kind')}
          value={p.values.kind}
          options={(['manual', 'opening'] as const).map((k) => ({ value: k, label: t(`ledger.txkind.${k}`) }))}
        />
        <fieldset id="f-lines" tabindex={-1} class={p.errors.lines ? 'form-group form-error' : 'form-group'} aria-describedby={p.errors.lines ? 'f-lines-hint f-lines-error' : 'f-lines-hint'}>
          <legend class="h3">{t('ledger.post.lines')}</legend>
          <span class="form-hint" id="f-lines-hint">
            {t('ledger.post.linesHint')}
          </span>
          {p.errors.lines ? (
            <span class="form-error-message" id="f-lines-error">
              <span class="sr-only">{t('core.errorPrefix')}</span> {p.errors.lines}
            </span>
          ) : null}
          {p.values.lines.map((l, i) => {
            const n = i + 1;
            return (
              <fieldset class="app-ledger-line">
                <legend class="h5">{t('ledger.post.line', { n })}</legend>
                <div class="row">
                  <div class="col-12 col-md-6">
                    <Select name={`line${n}Account`} label={t('ledger.tx.account')} value={l.account} placeholder={t('ledger.post.chooseAccount')} options={options} />
                  </div>
                  <div class="col-12 col-sm-6 col-md-2">
                    <Select
                      name={`line${n}Direction`}
                      label={t('ledger.post.direction')}
                      value={l.direction}
                      options={[
                        { value: 'in', label: t('ledger.tx.in') },
                        { value: 'out', label: t('ledger.tx.out') },
                      ]}
                    />
                  </div>
                  <div class="col-12 col-sm-6 col-md-4">
                    <TextField
                      name={`line${n}Amount`}
                      label={t('ledger.post.amount')}
                      hint={t('ledger.post.amountHint', { example: lang === 'da' ? '1.234,50' : '1,234.50' })}
                      value={l.amount}
                      inputmode="decimal"
                      autocomplete="off"
                    />
                  </div>
                </div>
              </fieldset>
            );
          })}
        </fieldset>
        <div class="mt-6">
          <SubmitButton>{t('ledger.post.submit')}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}

// ---------------------------------------------------------------- export

export function ExportPage(p: { page: PageContext; municipality: MunicipalityView; from: string; to: string; errors: FieldErrors }) {
  const { page, municipality: m } = p;
  const { t } = page.i18n;
  return (
    <Layout page={page} title={t('ledger.export.title')} breadcrumbs={ledgerCrumbs(t, m, [{ label: t('ledger.export.title') }])}>
      <h1>{t('ledger.export.title')}</h1>
      <p>{t('ledger.export.intro')}</p>
      <Form page={page} action={ledgerUrls.exportCsv(m.slug)} method="get" errors={p.errors}>
        <TextField name="from" type="date" label={t('ledger.export.from')} value={p.from} width="s" />
        <TextField name="to" type="date" label={t('ledger.export.to')} value={p.to} width="s" />
        <SubmitButton>{t('ledger.export.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

