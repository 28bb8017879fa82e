// The public money trail, per pot and per initiative: where every krone came from and where it went,
// as a flow diagram (SVG) and as a table (the full, accessible equivalent).
import { Layout } from '../../../core/views/layout.js';
import { DataTable } from '../../../core/views/components.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { I18n } from '../../../core/i18n/i18n.js';
import type { FlowNode, InitiativeTrailData, PotTrailData } from '../ledger.savings.queries.js';
import type { AgreementTransaction, TrailLine } from '../ledger.savings.repository.js';
import { MoneyFlow } from './money-flow.js';
import { VolunteerBox } from './savings-pages.js';
import { crumbs, kindLabel, kr, savingsUrls as urls, when, type MunicipalityView } from './savings-shared.js';

/** Where a node on the other side of the trail leads: the next trail, or the participatory budget. */
function nodeHref(slug: string, n: Pick<FlowNode, 'accountId' | 'kind' | 'initiativeId' | 'budgetingProcessId'>): string | null {
  if (n.kind === 'initiative_budget' && n.initiativeId !== null) return urls.initiativeTrail(slug, n.initiativeId);
  if (n.kind === 'pot' || n.kind === 'area_pool') return urls.potTrail(slug, n.accountId);
  return null;
}

function NodeName({ slug, n, i18n }: { slug: string; n: Pick<FlowNode, 'accountId' | 'name' | 'kind' | 'initiativeId' | 'budgetingProcessId'>; i18n: I18n }) {
  const href = nodeHref(slug, n);
  const label = `${n.name} (${kindLabel(i18n, n)})`;
  return href ? <a href={href}>{label}</a> : <span>{label}</span>;
}

function TrailTable(p: { i18n: I18n; m: MunicipalityView; lines: TrailLine[]; caption: string }) {
  const { i18n, m } = p;
  const { t } = i18n;
  return (
    <DataTable
      caption={p.caption}
      rows={p.lines}
      columns={[
        { header: t('ledger.trail.col.date'), cell: (l) => when(i18n, m.timeZone, l.postedAt) },
        { header: t('ledger.trail.col.what'), cell: (l) => <span>{l.memo}<br /><span class="form-hint">{t(`ledger.txkind.${l.kind}`)}</span></span> },
        {
          header: t('ledger.trail.col.other'),
          cell: (l) => (
            <span>
              <span class="sr-only">{t(l.amountOre > 0n ? 'ledger.trail.from' : 'ledger.trail.to')} </span>
              {l.counterparts.map((c, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <NodeName slug={m.slug} n={{ accountId: c.id, name: c.name, kind: c.kind, initiativeId: c.initiativeId, budgetingProcessId: c.budgetingProcessId }} i18n={i18n} />
                </>
              ))}
            </span>
          ),
        },
        { header: t('ledger.trail.col.in'), cell: (l) => (l.amountOre > 0n ? kr(i18n, l.amountOre) : ''), numeric: true },
        { header: t('ledger.trail.col.out'), cell: (l) => (l.amountOre < 0n ? kr(i18n, -l.amountOre) : ''), numeric: true },
      ]}
    />
  );
}

function Totals({ i18n, inOre, outOre, balanceOre }: { i18n: I18n; inOre: bigint; outOre: bigint; balanceOre: bigint }) {
  const { t } = i18n;
  return (
    <p>
      <strong>{t('ledger.trail.totals', { in: kr(i18n, inOre), out: kr(i18n, outOre), balance: kr(i18n, balanceOre) })}</strong>
    </p>
  );
}

const centerLines = (i18n: I18n, inOre: bigint, outOre: bigint, balanceOre: bigint) => [
  i18n.t('ledger.trail.centerIn', { amount: kr(i18n, inOre) }),
  i18n.t('ledger.trail.centerOut', { amount: kr(i18n, outOre) }),
  i18n.t('ledger.trail.centerBalance', { amount: kr(i18n, balanceOre) }),
];

const bars = (nodes: FlowNode[]) => nodes.map((n) => ({ label: n.name, amountOre: n.amountOre }));

export function PotTrailPage(p: { page: PageContext; municipality: MunicipalityView; data: PotTrailData }) {
  const { page, municipality: m, data } = p;
  const i18n = page.i18n;
  const { t } = i18n;
  const { trail, pot } = data;
  const title = t('ledger.trail.potTitle', { name: pot.name });
  return (
    <Layout page={page} title={`${title} – ${m.name}`} breadcrumbs={crumbs(i18n, m, [{ label: t('ledger.savings.pots.title'), href: urls.pots(m.slug) }, { label: title }])} wide>
      <h1>{title}</h1>
      <p class="font-lead">{t('ledger.trail.potLead')}</p>
      <Totals i18n={i18n} inOre={trail.inOre} outOre={trail.outOre} balanceOre={data.balanceOre} />
      <figure class="mb-6">
        <div class="row">
          <div class="col-12 col-md-8 col-lg-6">
            <MoneyFlow
              i18n={i18n}
              id={`flow-pot-${pot.id}`}
              title={t('ledger.trail.flowTitle', { name: pot.name })}
              desc={t('ledger.trail.flowDesc', { sources: trail.sources.length, uses: trail.uses.length, in: kr(i18n, trail.inOre), out: kr(i18n, trail.outOre), balance: kr(i18n, data.balanceOre) })}
              sourcesHeading={t('ledger.trail.cameFrom')}
              usesHeading={t('ledger.trail.wentTo')}
              center={{ label: pot.name, detail: centerLines(i18n, trail.inOre, trail.outOre, data.balanceOre) }}
              sources={bars(trail.sources)}
              uses={bars(trail.uses)}
              emptyText={t('ledger.trail.nothingYet')}
            />
          </div>
        </div>
        <figcaption class="form-hint">{t('ledger.trail.figcaption')}</figcaption>
      </figure>
      <h2>{t('ledger.trail.everyKrone')}</h2>
      {trail.lines.length === 0 ? <p>{t('ledger.trail.nothingYet')}</p> : <TrailTable i18n={i18n} m={m} lines={trail.lines} caption={t('ledger.trail.potCaption', { name: pot.name })} />}
      <VolunteerBox i18n={i18n} v={data.volunteer} scope="pot" />
    </Layout>
  );
}

function SavingsTable(p: { i18n: I18n; m: MunicipalityView; transactions: AgreementTransaction[] }) {
  const { i18n, m } = p;
  const { t } = i18n;
  return (
    <DataTable
      caption={t('ledger.trail.savingsCaption')}
      rows={p.transactions}
      columns={[
        { header: t('ledger.trail.col.date'), cell: (x) => when(i18n, m.timeZone, x.postedAt) },
        { header: t('ledger.trail.col.what'), cell: (x) => <a href={urls.agreement(m.slug, x.agreementId)}>{x.memo}</a> },
        { header: t('ledger.trail.col.from'), cell: (x) => x.entries.filter((e) => e.amountOre < 0n).map((e) => `${e.name}: ${kr(i18n, -e.amountOre)}`).join(', ') },
        {
          header: t('ledger.trail.col.toPots'),
          cell: (x) => (
            <ul class="nobullet-list">
              {x.entries
                .filter((e) => e.amountOre > 0n)
                .map((e) => (
                  <li>
                    <NodeName slug={m.slug} n={{ accountId: e.accountId, name: e.name, kind: e.kind, initiativeId: null, budgetingProcessId: null }} i18n={i18n} />
                    {`: ${kr(i18n, e.amountOre)}`}
                  </li>
                ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

export function InitiativeTrailPage(p: { page: PageContext; municipality: MunicipalityView; data: InitiativeTrailData }) {
  const { page, municipality: m, data } = p;
  const i18n = page.i18n;
  const { t } = i18n;
  const { initiative, budget, savings } = data;
  const title = t('ledger.trail.initiativeTitle');
  return (
    <Layout page={page} title={`${title}: ${initiative.title} – ${m.name}`} breadcrumbs={crumbs(i18n, m, [{ label: title }])} wide>
      <h1>
        {title}: <span lang={initiative.lang}>{initiative.title}</span>
      </h1>
      <p class="font-lead">{t('ledger.trail.initiativeLead')}</p>
      <p>
        <a href={urls.initiative(m.slug, initiative.id)}>{t('ledger.trail.toInitiative')}</a>
      </p>

      <h2>{t('ledger.trail.savingsHeading')}</h2>
      {savings.transactions.length === 0 ? (
        <p>{t('ledger.trail.noSavings')}</p>
      ) : (
        <>
          <p>
            <strong>{t('ledger.trail.savingsTotal', { amount: kr(i18n, savings.totalOre) })}</strong>
          </p>
          <figure class="mb-6">
            <div class="row">
              <div class="col-12 col-md-8 col-lg-6">
                <MoneyFlow
                  i18n={i18n}
                  id={`flow-savings-${initiative.id}`}
                  title={t('ledger.trail.savingsFlowTitle', { name: initiative.title })}
                  desc={t('ledger.trail.savingsFlowDesc', { amount: kr(i18n, savings.totalOre), sources: savings.sources.length, uses: savings.uses.length })}
                  sourcesHeading={t('ledger.trail.savedOn')}
                  usesHeading={t('ledger.trail.wentTo')}
                  center={{ label: t('ledger.trail.savingsCenter'), detail: [kr(i18n, savings.totalOre)] }}
                  sources={bars(savings.sources)}
                  uses={bars(savings.uses)}
                  emptyText={t('ledger.trail.nothingYet')}
                />
              </div>
            </div>
            <figcaption class="form-hint">{t('ledger.trail.figcaption')}</figcaption>
          </figure>
          <SavingsTable i18n={i18n} m={m} transactions={savings.transactions} />
          <ul class="app-inline-list">
            {data.agreements.map((a) => (
              <li>
                <a href={urls.agreement(m.slug, a.id)}>{t('ledger.trail.agreementLink', { title: a.title })}</a>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('ledger.trail.budgetHeading')}</h2>
      {budget.lines.length === 0 ? (
        <p>{t('ledger.trail.noBudget')}</p>
      ) : (
        <>
          <Totals i18n={i18n} inOre={budget.inOre} outOre={budget.outOre} balanceOre={data.balanceOre} />
          <figure class="mb-6">
            <div class="row">
              <div class="col-12 col-md-8 col-lg-6">
                <MoneyFlow
                  i18n={i18n}
                  id={`flow-budget-${initiative.id}`}
                  title={t('ledger.trail.budgetFlowTitle', { name: initiative.title })}
                  desc={t('ledger.trail.flowDesc', { sources: budget.sources.length, uses: budget.uses.length, in: kr(i18n, budget.inOre), out: kr(i18n, budget.outOre), balance: kr(i18n, data.balanceOre) })}
                  sourcesHeading={t('ledger.trail.cameFrom')}
                  usesHeading={t('ledger.trail.wentTo')}
                  center={{ label: t('ledger.trail.budgetCenter'), detail: centerLines(i18n, budget.inOre, budget.outOre, data.balanceOre) }}
                  sources={bars(budget.sources)}
                  uses={bars(budget.uses)}
                  emptyText={t('ledger.trail.nothingYet')}
                />
              </div>
            </div>
            <figcaption class="form-hint">{t('ledger.trail.figcaption')}</figcaption>
          </figure>
          <TrailTable i18n={i18n} m={m} lines={budget.lines} caption={t('ledger.trail.budgetCaption')} />
        </>
      )}
      <VolunteerBox i18n={i18n} v={data.volunteer} scope="initiative" />
    </Layout>
  );
}
