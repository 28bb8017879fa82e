// Pages of the ledger foundation under /m/:slug/ledger, the CSV export of transactions and the JSON
// API of public totals. Each route goes load municipality → authorize → validate → command → view;
// forms post back to their own address or redirect (Post/Redirect/Get).
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppDeps, AppEnv } from '../../core/http/context.js';
import { pageContext, state } from '../../core/http/context.js';
import { field, validateForm, type FieldErrors, type FormFields } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import { apiError, apiGet, openApiRegistry } from '../../core/http/api.js';
import { startOfDay, todayIn } from '../../core/time/zoned-time.js';
import { loadMunicipality, type Municipality } from '../municipalities/index.js';
import { createAccount } from './commands/create-account.js';
import { postManualTransaction } from './commands/post-manual-transaction.js';
import { reverseTransaction } from './commands/reverse-transaction.js';
import { transactionsCsv } from './ledger.csv.js';
import { parseAmount } from './ledger.money.js';
import { ledgerOverviewLinks } from './ledger.overview-links.js';
import { can } from './ledger.policy.js';
import { groupByKind, namesOf, publicTotals } from './ledger.queries.js';
import { accountEntries, countTransactions, exportEntries, findAccount, findTransaction, listAccounts, listTransactions } from './ledger.repository.js';
import { accountFormSchema, periodSchema, POSTING_ROWS, postingHeadSchema, reverseFormSchema } from './ledger.schemas.js';
import { accountKinds } from './ledger.types.js';
import type { EntryInput } from './ledger.posting.js';
import {
  AccountFormPage,
  AccountPage,
  ExportPage,
  OverviewPage,
  PostingFormPage,
  TransactionPage,
  TransactionsPage,
  type AccountFormValues,
  type PostingFormValues,
} from './views/ledger-pages.js';

const ID = '{[0-9]{1,9}}';
const TX_ID = '{[0-9]{1,15}}';
const PAGE_SIZE = 50;

const page = (c: AppContext, m: Municipality) => pageContext(c, { municipality: m });
const form = (c: AppContext): FormFields => state(c).form ?? {};
const translate = (c: AppContext, errors: Record<string, string>): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, state(c).i18n.t(v)]));

/** The sign-in page for an anonymous GET; 401 for an anonymous POST. */
function needSignIn(c: AppContext, m: Municipality): Response {
  if (c.req.method === 'GET') {
    const url = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
  }
  return errorPage(c, 401, { municipality: m });
}

/** The municipality and the actor, if the actor may do `action`; otherwise the answer to send. */
async function guard(c: AppContext, deps: AppDeps, action: 'post' | 'read_books'): Promise<{ m: Municipality; actor: NonNullable<ReturnType<typeof state>['actor']> } | Response> {
  const m = await loadMunicipality(deps, c.req.param('slug') ?? '');
  if (!m) return errorPage(c, 404);
  const actor = state(c).actor;
  if (!actor) return needSignIn(c, m);
  if (!can(actor, action, m.id)) return errorPage(c, 403, { municipality: m });
  return { m, actor };
}

/** The day after a YYYY-MM-DD date. */
function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** [from, to) instants of an inclusive local date range; either end may be open. */
function period(m: Municipality, from: string, to: string): { from: Date | null; to: Date | null } {
  return { from: from ? startOfDay(from, m.timeZone) : null, to: to ? startOfDay(nextDate(to), m.timeZone) : null };
}

export function registerLedgerRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const base = '/m/:slug/ledger';

  // ------------------------------------------------------------ overview
  app.get(base, async (c) => {
    const m = await loadMunicipality(deps, c.req.param('slug') ?? '');
    if (!m) return errorPage(c, 404);
    const actor = state(c).actor;
    const readsBooks = can(actor, 'read_books', m.id);
    const data = await deps.db.transaction({ municipalityId: m.id, userId: actor?.id ?? null }, async (trx) => ({
      totals: await publicTotals(trx, m.id),
      accounts: readsBooks ? await listAccounts(trx, m.id) : null,
    }));
    const links = ledgerOverviewLinks.filter((l) => l.audience === 'public' || readsBooks).sort((a, b) => a.order - b.order);
    return html(
      c,
      <OverviewPage
        page={page(c, m)}
        municipality={m}
        totals={data.totals}
        books={data.accounts ? groupByKind(data.accounts, accountKinds) : null}
        canPost={can(actor, 'post', m.id)}
        links={links}
      />,
    );
  });

  // ------------------------------------------------------------ accounts
  const emptyAccount: AccountFormValues = { kind: '', name: '', code: '', description: '' };
  app.get(`${base}/accounts/new`, async (c) => {
    const g = await guard(c, deps, 'post');
    if (g instanceof Response) return g;
    return html(c, <AccountFormPage page={page(c, g.m)} municipality={g.m} values={emptyAccount} errors={{}} />);
  });

  app.post(`${base}/accounts/new`, async (c) => {
    const g = await guard(c, deps, 'post');
    if (g instanceof Response) return g;
    const f = form(c);
    const values: AccountFormValues = { kind: field(f, 'kind'), name: field(f, 'name'), code: field(f, 'code'), description: field(f, 'description') };
    const v = validateForm(accountFormSchema, f);
    if (!v.ok) return html(c, <AccountFormPage page={page(c, g.m)} municipality={g.m} values={values} errors={translate(c, v.errors)} />, 422);
    const r = await createAccount(deps.db, g.actor, g.m.id, v.data);
    if (!r.ok) {
      if (r.error === 'forbidden') return errorPage(c, 403, { municipality: g.m });
      return html(c, <AccountFormPage page={page(c, g.m)} municipality={g.m} values={values} errors={translate(c, { name: r.error })} />, 422);
    }
    return redirectWithFlash(c, `/m/${encodeURIComponent(g.m.slug)}/ledger/accounts/${r.value.accountId}`, 'success', 'ledger.account.created');
  });

  app.get(`${base}/accounts/:id${ID}`, async (c) => {
    const g = await guard(c, deps, 'read_books');
    if (g instanceof Response) return g;
    const id = Number(c.req.param('id'));
    const data = await deps.db.transaction({ municipalityId: g.m.id, userId: g.actor.id }, async (trx) => {
      const account = await findAccount(trx, g.m.id, id);
      if (!account) return null;
      const entries = await accountEntries(trx, g.m.id, id);
      return { account, entries, names: await namesOf(trx, entries.map((e) => e.postedBy)) };
    });
    if (!data) return errorPage(c, 404, { municipality: g.m });
    return html(c, <AccountPage page={page(c, g.m)} municipality={g.m} {...data} />);
  });

  // ------------------------------------------------------------ transactions
  app.get(`${base}/transactions`, async (c) => {
    const g = await guard(c, deps, 'read_books');
    if (g instanceof Response) return g;
    const q = c.req.query();
    const filter = { from: q.from ?? '', to: q.to ?? '', account: q.account ?? '' };
    const v = validateForm(periodSchema, { from: filter.from, to: filter.to, account: filter.account, page: q.page ?? '' });
    const ok = v.ok ? v.data : { from: '', to: '', account: null, page: 1 };
    const range = period(g.m, ok.from, ok.to);
    const f = { ...range, accountId: ok.account, limit: PAGE_SIZE, offset: (ok.page - 1) * PAGE_SIZE };
    const data = await deps.db.transaction({ municipalityId: g.m.id, userId: g.actor.id }, async (trx) => {
      const rows = v.ok ? await listTransactions(trx, g.m.id, f) : [];
      return {
        rows,
        total: v.ok ? await countTransactions(trx, g.m.id, f) : 0,
        accounts: await listAccounts(trx, g.m.id, { includeArchived: true }),
        names: await namesOf(trx, rows.map((r) => r.transaction.postedBy)),
      };
    });
    return html(
      c,
      <TransactionsPage
        page={page(c, g.m)}
        municipality={g.m}
        {...data}
        pageNo={ok.page}
        pageSize={PAGE_SIZE}
        filter={filter}
        errors={v.ok ? {} : translate(c, v.errors)}
        canPost={can(g.actor, 'post', g.m.id)}
      />,
      v.ok ? 200 : 400,
    );
  });

  const emptyPosting = (): PostingFormValues => ({ memo: '', kind: 'manual', lines: Array.from({ length: POSTING_ROWS }, () => ({ account: '', direction: '', amount: '' })) });
  const postingPage = async (c: AppContext, m: Municipality, values: PostingFormValues, errors: FieldErrors, status: 200 | 422 = 200) => {
    const accounts = await deps.db.transaction({ municipalityId: m.id, userId: state(c).actor?.id ?? null }, (trx) => listAccounts(trx, m.id));
    return html(c, <PostingFormPage page={page(c, m)} municipality={m} accounts={accounts} values={values} errors={errors} />, status);
  };

  app.get(`${base}/transactions/new`, async (c) => {
    const g = await guard(c, deps, 'post');
    if (g instanceof Response) return g;
    return postingPage(c, g.m, emptyPosting(), {});
  });

  app.post(`${base}/transactions/new`, async (c) => {
    const g = await guard(c, deps, 'post');
    if (g instanceof Response) return g;
    const f = form(c);
    const lang = state(c).lang;
    const values: PostingFormValues = {
      memo: field(f, 'memo'),
      kind: field(f, 'kind'),
      lines: Array.from({ length: POSTING_ROWS }, (_, i) => ({ account: field(f, `line${i + 1}Account`), direction: field(f, `line${i + 1}Direction`), amount: field(f, `line${i + 1}Amount`) })),
    };
    const errors: Record<string, string> = {};
    const head = validateForm(postingHeadSchema, f);
    if (!head.ok) Object.assign(errors, head.errors);
    const entries: EntryInput[] = [];
    values.lines.forEach((l, i) => {
      const n = i + 1;
      if (l.account.trim() === '' && l.amount.trim() === '' && l.direction === '') return;
      const accountId = /^[1-9]\d{0,8}$/.test(l.account.trim()) ? Number(l.account.trim()) : null;
      if (accountId === null) errors[`line${n}Account`] = 'ledger.post.error.account';
      if (l.direction !== 'in' && l.direction !== 'out') errors[`line${n}Direction`] = 'ledger.post.error.direction';
      let amount: bigint | null = null;
      if (l.amount.trim() === '') errors[`line${n}Amount`] = 'ledger.post.error.amountRequired';
      else {
        const a = parseAmount(l.amount, lang);
        if (!a.ok) errors[`line${n}Amount`] = a.error;
        else if (a.value === 0n) errors[`line${n}Amount`] = 'ledger.zeroAmount';
        else amount = a.value;
      }
      if (accountId !== null && amount !== null && (l.direction === 'in' || l.direction === 'out')) entries.push({ accountId, amountOre: l.direction === 'in' ? amount : -amount });
    });
    if (Object.keys(errors).length === 0 && entries.length < 2) errors.lines = 'ledger.tooFewEntries';
    if (!head.ok || Object.keys(errors).length > 0) return postingPage(c, g.m, values, translate(c, errors), 422);
    const r = await postManualTransaction(deps.db, g.actor, g.m.id, { memo: head.data.memo, kind: head.data.kind, entries });
    if (!r.ok) {
      if (r.error === 'forbidden') return errorPage(c, 403, { municipality: g.m });
      return postingPage(c, g.m, values, translate(c, { lines: r.error }), 422);
    }
    return redirectWithFlash(c, `/m/${encodeURIComponent(g.m.slug)}/ledger/transactions/${r.value.transactionId}`, 'success', 'ledger.post.done');
  });

  const transactionPage = async (c: AppContext, m: Municipality, id: number, reason: string, errors: FieldErrors, status: 200 | 422 = 200) => {
    const actor = state(c).actor;
    const data = await deps.db.transaction({ municipalityId: m.id, userId: actor?.id ?? null }, async (trx) => {
      const row = await findTransaction(trx, m.id, id);
      if (!row) return null;
      return { row, accounts: await listAccounts(trx, m.id, { includeArchived: true }), names: await namesOf(trx, [row.transaction.postedBy]) };
    });
    if (!data) return errorPage(c, 404, { municipality: m });
    const tx = data.row.transaction;
    const canReverse = can(actor, 'post', m.id) && tx.kind !== 'reversal' && tx.reversedById === null;
    return html(
      c,
      <TransactionPage
        page={page(c, m)}
        municipality={m}
        row={data.row}
        accounts={data.accounts}
        postedByName={data.names.get(tx.postedBy) ?? ''}
        canReverse={canReverse}
        reason={reason}
        errors={errors}
      />,
      status,
    );
  };

  app.get(`${base}/transactions/:id${TX_ID}`, async (c) => {
    const g = await guard(c, deps, 'read_books');
    if (g instanceof Response) return g;
    return transactionPage(c, g.m, Number(c.req.param('id')), '', {});
  });

  app.post(`${base}/transactions/:id${TX_ID}/reverse`, async (c) => {
    const g = await guard(c, deps, 'post');
    if (g instanceof Response) return g;
    const id = Number(c.req.param('id'));
    const reason = field(form(c), 'reason');
    const v = validateForm(reverseFormSchema, form(c));
    if (!v.ok) return transactionPage(c, g.m, id, reason, translate(c, v.errors), 422);
    const r = await reverseTransaction(deps.db, g.actor, g.m.id, id, v.data.reason);
    if (!r.ok) {
      if (r.error === 'forbidden') return errorPage(c, 403, { municipality: g.m });
      if (r.error === 'ledger.notFound') return errorPage(c, 404, { municipality: g.m });
      return transactionPage(c, g.m, id, reason, translate(c, { reason: r.error }), 422);
    }
    return redirectWithFlash(c, `/m/${encodeURIComponent(g.m.slug)}/ledger/transactions/${r.value.transactionId}`, 'success', 'ledger.reverse.done');
  });

  // ------------------------------------------------------------ export
  const yearStart = (m: Municipality) => `${todayIn(new Date(), m.timeZone).slice(0, 4)}-01-01`;

  app.get(`${base}/export`, async (c) => {
    const g = await guard(c, deps, 'read_books');
    if (g instanceof Response) return g;
    return html(c, <ExportPage page={page(c, g.m)} municipality={g.m} from={yearStart(g.m)} to={todayIn(new Date(), g.m.timeZone)} errors={{}} />);
  });

  app.get(`${base}/export/transactions.csv`, async (c) => {
    const g = await guard(c, deps, 'read_books');
    if (g instanceof Response) return g;
    const q = c.req.query();
    const from = q.from ?? '';
    const to = q.to ?? '';
    const v = validateForm(periodSchema, { from, to, account: '', page: '' });
    const errors: Record<string, string> = v.ok ? {} : { ...v.errors };
    if (from === '') errors.from = 'ledger.tx.filter.error.date';
    if (to === '') errors.to = 'ledger.tx.filter.error.date';
    if (Object.keys(errors).length > 0) return html(c, <ExportPage page={page(c, g.m)} municipality={g.m} from={from} to={to} errors={translate(c, errors)} />, 400);
    const range = period(g.m, from, to);
    const csv = await deps.db.transaction({ municipalityId: g.m.id, userId: g.actor.id }, async (trx) => {
      const rows = await exportEntries(trx, g.m.id, range.from!, range.to!);
      return transactionsCsv(rows, await namesOf(trx, rows.map((r) => r.postedBy)), g.m.timeZone);
    });
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="posteringer-${g.m.slug}-${from}-${to}.csv"`,
      'Cache-Control': 'no-store',
    });
  });

  registerLedgerApi(app, deps);
}

// ------------------------------------------------------------ JSON API

const ore = z.string().regex(/^-?\d+$/).describe('An amount in øre (1/100 krone), as a string of digits so no precision is lost.');
export const ledgerTotalsSchema = z
  .object({
    municipality: z.string().describe('The municipality slug.'),
    currency: z.literal('DKK'),
    savingsSignedOffOre: ore.describe('Savings signed off by a finance officer, net of reversals, in øre.'),
    reinvestedOre: ore.describe('Money moved from pots to initiatives and participatory budgets, net of reversals, in øre.'),
    grantsPaidOre: ore.describe('Grants paid out less repayments, in øre.'),
    potsBalanceOre: ore.describe('What the local pots and pools hold now, in øre.'),
    pots: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(['pot', 'area_pool', 'grant_pool']),
        name: z.string(),
        balanceOre: ore,
      }),
    ),
  })
  .describe('Public totals of a municipality\'s ledger, computed from the posted entries.');

function registerLedgerApi(app: Hono<AppEnv>, deps: AppDeps): void {
  const openApi = openApiRegistry(app);
  openApi.tag('ledger', 'Public totals of the savings ledger: signed-off savings, reinvestment, pots and grants.');
  openApi.schema('LedgerTotals', ledgerTotalsSchema);
  apiGet(
    app,
    {
      path: '/m/:slug/ledger/totals',
      operationId: 'getLedgerTotals',
      summary: "Public totals of a municipality's ledger",
      tags: ['ledger'],
      params: z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
      response: ledgerTotalsSchema,
      errors: [404],
      publicMaxAge: 60,
    },
    async (c, { params }) => {
      const m = await loadMunicipality(deps, params.slug);
      if (!m) return apiError(c, 404, 'ledger.api.notFound');
      const totals = await deps.db.transaction({ municipalityId: m.id }, (trx) => publicTotals(trx, m.id));
      return {
        municipality: m.slug,
        currency: 'DKK' as const,
        savingsSignedOffOre: String(totals.savingsSignedOffOre),
        reinvestedOre: String(totals.reinvestedOre),
        grantsPaidOre: String(totals.grantsPaidOre),
        potsBalanceOre: String(totals.potsBalanceOre),
        pots: totals.pots.map((p) => ({ id: p.id, kind: p.kind as 'pot' | 'area_pool' | 'grant_pool', name: p.name, balanceOre: String(p.balanceOre) })),
      };
    },
  );
}

