// The pages of participatory budgeting. Views get everything they show from the route; no database.
import { Layout } from '../../../core/views/layout.js';
import { Alert, ButtonLink, DataTable, EmptyState } from '../../../core/views/components.js';
import { Checkbox, Form, ImageFileField, RadioGroup, Select, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../core/views/forms.js';
import type { I18n } from '../../../core/i18n/i18n.js';
import type { PageContext } from '../../../core/views/page-context.js';
import type { Crumb } from '../../../core/views/components.js';
import { BALLOT_KINDS, PHASES, type Choice, type Process, type Project, type StoredBallot } from '../budgeting.types.js';
import type { ProjectImageInfo, StationTotal } from '../budgeting.repository.js';
import type { BallotCheck } from '../budgeting.ballot.js';
import type { Results } from '../budgeting.results.js';
import { RULE_NAMES } from '../tally/rules.js';

export interface Place {
  slug: string;
  name: string;
}
export type Values = Record<string, string>;
export interface AreaOption {
  id: number;
  name: string;
}

export const budgetsBase = (m: Place) => `/m/${m.slug}/budgets`;

export function money(i18n: I18n, ore: bigint | number | null): string {
  if (ore === null) return i18n.t('budgeting.costUnknown');
  const n = typeof ore === 'bigint' ? Number(ore) / 100 : ore / 100;
  return i18n.formatNumber(n, { style: 'currency', currency: 'DKK', currencyDisplay: 'code', maximumFractionDigits: n % 1 === 0 ? 0 : 2 });
}

/** Øre as a kroner field value in the Danish way the form reads back ("500.000", "1.250,50"). */
export function kronerValue(ore: bigint | null): string {
  if (ore === null) return '';
  const kr = (ore / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = ore % 100n;
  return rest === 0n ? kr : `${kr},${rest.toString().padStart(2, '0')}`;
}

function crumbs(t: I18n['t'], m: Place, more: Crumb[]): Crumb[] {
  return [{ label: m.name, href: `/m/${m.slug}` }, { label: t('budgeting.title'), href: budgetsBase(m) }, ...more];
}

export function ProcessListPage(p: { page: PageContext; m: Place; processes: Process[]; canManage: boolean }) {
  const { t } = p.page.i18n;
  return (
    <Layout page={p.page} title={`${t('budgeting.title')} – ${p.m.name}`} breadcrumbs={crumbs(t, p.m, []).slice(0, 2).concat([{ label: t('budgeting.title') }])}>
      <h1>{t('budgeting.title')}</h1>
      <p class="font-lead">{t('budgeting.intro')}</p>
      {p.canManage ? (
        <p>
          <ButtonLink href={`${budgetsBase(p.m)}/new`}>{t('budgeting.new')}</ButtonLink>
        </p>
      ) : null}
      {p.processes.length === 0 ? (
        <EmptyState title={t('budgeting.none')} />
      ) : (
        <ul class="nobullet-list">
          {p.processes.map((x) => (
            <li class="mb-5">
              <h2 class="h3">
                <a href={`${budgetsBase(p.m)}/${x.id}`}>{x.title}</a>
              </h2>
              <p>
                {t('budgeting.phase')}: {t(`budgeting.phase.${x.phase}`)} · {t('budgeting.envelope')}: {money(p.page.i18n, x.budgetOre)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function processFormValues(x: Process | null): Values {
  return {
    title: x?.title ?? '',
    description: x?.description ?? '',
    areaId: x?.areaId ? String(x.areaId) : '',
    budget: x ? kronerValue(x.budgetOre) : '',
    proposalsFrom: x?.dates.proposalsFrom ?? '',
    reviewFrom: x?.dates.reviewFrom ?? '',
    votingFrom: x?.dates.votingFrom ?? '',
    resultFrom: x?.dates.resultFrom ?? '',
    implementationFrom: x?.dates.implementationFrom ?? '',
    kind: x?.kind ?? 'knapsack',
    maxChoices: x?.maxChoices ? String(x.maxChoices) : '',
    minSpend: x ? kronerValue(x.minSpendOre) : '',
    points: x?.points ? String(x.points) : '',
    rule: x?.rule ?? 'mes-cost',
    minAge: x ? String(x.minAge) : '15',
  };
}

export function ProcessFormPage(p: { page: PageContext; m: Place; process: Process | null; values: Values; areas: AreaOption[]; errors?: FieldErrors }) {
  const { t } = p.page.i18n;
  const v = p.values;
  const title = p.process ? t('budgeting.edit') : t('budgeting.new');
  const action = p.process ? `${budgetsBase(p.m)}/${p.process.id}/edit` : `${budgetsBase(p.m)}/new`;
  return (
    <Layout page={p.page} title={title} breadcrumbs={crumbs(t, p.m, [{ label: title }])}>
      <h1>{title}</h1>
      <Form page={p.page} action={action} errors={p.errors ?? {}}>
        <TextField name="title" label={t('budgeting.field.title')} value={v.title} maxlength={200} />
        <TextArea name="description" label={t('budgeting.field.description')} value={v.description} optional />
        <Select name="areaId" label={t('budgeting.area')} value={v.areaId} placeholder={t('budgeting.wholeMunicipality')} options={p.areas.map((a) => ({ value: String(a.id), label: a.name }))} />
        <TextField name="budget" label={t('budgeting.field.budget')} hint={t('budgeting.field.budgetHint')} value={v.budget} inputmode="decimal" width="m" />
        {(['proposalsFrom', 'reviewFrom', 'votingFrom', 'resultFrom', 'implementationFrom'] as const).map((d) => (
          <TextField name={d} type="date" label={t(`budgeting.field.${d}`)} value={v[d]} width="s" />
        ))}
        <p class="form-hint">{t('budgeting.rulesFrozenNote')}</p>
        <RadioGroup name="kind" label={t('budgeting.kind')} value={v.kind} options={BALLOT_KINDS.map((k) => ({ value: k, label: t(`budgeting.kind.${k}`) }))} />
        <TextField name="maxChoices" label={t('budgeting.field.maxChoices')} hint={t('budgeting.field.maxChoicesHint')} value={v.maxChoices} inputmode="numeric" width="xs" optional />
        <TextField name="minSpend" label={t('budgeting.field.minSpend')} hint={t('budgeting.field.minSpendHint')} value={v.minSpend} inputmode="decimal" width="m" optional />
        <TextField name="points" label={t('budgeting.field.points')} hint={t('budgeting.field.pointsHint')} value={v.points} inputmode="numeric" width="xs" optional />
        <Select name="rule" label={t('budgeting.rule')} value={v.rule} placeholder={false} options={RULE_NAMES.map((r) => ({ value: r, label: t(`budgeting.rule.${r}`) }))} />
        <TextField name="minAge" label={t('budgeting.field.minAge')} value={v.minAge} inputmode="numeric" width="xs" />
        <SubmitButton>{t('budgeting.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function ProcessPage(p: {
  page: PageContext;
  m: Place;
  process: Process;
  projects: Project[];
  /** Alt text and size of the projects that have an image, by project id. */
  images?: ReadonlyMap<number, ProjectImageInfo>;
  areaName: string | null;
  ballots: number;
  hasVoted: boolean;
  canManage: boolean;
  canReview: boolean;
  canEnterPaper?: boolean;
}) {
  const { i18n } = p.page;
  const { t } = i18n;
  const x = p.process;
  const base = `${budgetsBase(p.m)}/${x.id}`;
  const visible = p.canReview ? p.projects : p.projects.filter((pr) => pr.status !== 'proposed' || x.phase === 'proposals' || x.phase === 'review');
  const dates = [x.dates.proposalsFrom, x.dates.reviewFrom, x.dates.votingFrom, x.dates.resultFrom, x.dates.implementationFrom];
  return (
    <Layout page={p.page} title={x.title} breadcrumbs={crumbs(t, p.m, [{ label: x.title }])}>
      <h1>{x.title}</h1>
      {x.description ? <p class="font-lead">{x.description}</p> : null}
      <dl class="app-facts">
        <dt>{t('budgeting.envelope')}</dt>
        <dd>{money(i18n, x.budgetOre)}</dd>
        <dt>{t('budgeting.area')}</dt>
        <dd>{p.areaName ?? t('budgeting.wholeMunicipality')}</dd>
        <dt>{t('budgeting.phase')}</dt>
        <dd>{t(`budgeting.phase.${x.phase}`)}</dd>
        <dt>{t('budgeting.kind')}</dt>
        <dd>{t(`budgeting.kind.${x.kind}`)}</dd>
        <dt>{t('budgeting.rule')}</dt>
        <dd>{t(`budgeting.rule.${x.rule}`)}</dd>
      </dl>
      <ol>
        {PHASES.map((ph, i) => (
          <li aria-current={ph === x.phase ? 'step' : undefined}>
            {ph === x.phase ? <strong>{t('budgeting.phaseFrom', { phase: t(`budgeting.phase.${ph}`), date: dates[i] })}</strong> : t('budgeting.phaseFrom', { phase: t(`budgeting.phase.${ph}`), date: dates[i] })}
          </li>
        ))}
      </ol>
      <p class="app-inline-list">
        {x.phase === 'proposals' ? <ButtonLink href={`${base}/projects/new`}>{t('budgeting.propose')}</ButtonLink> : null}
        {x.phase === 'voting' ? <ButtonLink href={`${base}/ballot`}>{p.hasVoted ? t('budgeting.changeVote') : t('budgeting.vote')}</ButtonLink> : null}
        {x.phase === 'result' || x.phase === 'implementation' ? <ButtonLink href={`${base}/results`}>{t('budgeting.results')}</ButtonLink> : null}
        {p.canEnterPaper && (x.phase === 'voting' || x.phase === 'result') ? (
          <ButtonLink href={`${base}/paper`} variant="secondary">
            {t('budgeting.paper.link')}
          </ButtonLink>
        ) : null}
        {p.canManage ? (
          <ButtonLink href={`${base}/edit`} variant="secondary">
            {t('budgeting.edit')}
          </ButtonLink>
        ) : null}
      </p>
      {p.hasVoted && x.phase === 'voting' ? <Alert kind="info">{t('budgeting.youVoted')}</Alert> : null}
      <h2>{t('budgeting.projects')}</h2>
      {visible.length === 0 ? (
        <p>{t('budgeting.noProjects')}</p>
      ) : (
        <DataTable
          caption={t('budgeting.projects')}
          captionHidden
          rows={visible}
          columns={[
            {
              header: t('budgeting.field.title'),
              cell: (pr) => (
                <>
                  <ProjectImageTag base={base} projectId={pr.id} image={p.images?.get(pr.id)} />
                  <strong>{pr.title}</strong>
                  {pr.description ? <span class="d-block">{pr.description}</span> : null}
                  {pr.status === 'rejected' && pr.rejectReason ? <span class="d-block">{t('budgeting.rejectedBecause', { reason: pr.rejectReason })}</span> : null}
                </>
              ),
            },
            { header: t('budgeting.cost'), numeric: true, cell: (pr) => money(i18n, pr.costOre) },
            { header: t('budgeting.status'), cell: (pr) => t(`budgeting.status.${pr.status}`) },
            ...(p.canReview && (x.phase === 'proposals' || x.phase === 'review')
              ? [{ header: t('budgeting.review'), cell: (pr: Project) => <a href={`${base}/projects/${pr.id}/review`}>{t('budgeting.reviewTitle', { title: pr.title })}</a> }]
              : []),
          ]}
        />
      )}
      <p>{t('budgeting.ballotCount', { count: p.ballots })}</p>
      {p.canManage ? (
        <>
          <h2>{t('budgeting.changePhase')}</h2>
          <Form page={p.page} action={`${base}/phase`}>
            <Select name="phase" label={t('budgeting.phase')} value={x.phase} placeholder={false} options={PHASES.map((ph) => ({ value: ph, label: t(`budgeting.phase.${ph}`) }))} />
            <SubmitButton variant="secondary">{t('budgeting.changePhaseButton')}</SubmitButton>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}

/** A project's image at most 240 pixels wide, with its width and height so the page does not jump as it loads. */
function ProjectImageTag(p: { base: string; projectId: number; image: ProjectImageInfo | undefined }) {
  if (!p.image) return null;
  const width = Math.min(240, p.image.width);
  const height = Math.max(1, Math.round((p.image.height * width) / p.image.width));
  return <img class="d-block" src={`${p.base}/projects/${p.projectId}/image`} alt={p.image.alt} width={width} height={height} loading="lazy" />;
}

export function ProjectFormPage(p: { page: PageContext; m: Place; process: Process; values: Values; areas: AreaOption[]; errors?: FieldErrors }) {
  const { t } = p.page.i18n;
  const base = `${budgetsBase(p.m)}/${p.process.id}`;
  return (
    <Layout page={p.page} title={t('budgeting.propose')} breadcrumbs={crumbs(t, p.m, [{ label: p.process.title, href: base }, { label: t('budgeting.propose') }])}>
      <h1>{t('budgeting.propose')}</h1>
      <Form page={p.page} action={`${base}/projects/new`} enctype="multipart/form-data" errors={p.errors ?? {}}>
        <TextField name="title" label={t('budgeting.field.title')} value={p.values.title} maxlength={200} />
        <TextArea name="description" label={t('budgeting.field.description')} value={p.values.description} />
        <Select name="areaId" label={t('budgeting.area')} value={p.values.areaId} placeholder={t('budgeting.wholeMunicipality')} options={p.areas.map((a) => ({ value: String(a.id), label: a.name }))} />
        <ImageFileField page={p.page} name="image" label={t('budgeting.field.image')} hint={t('budgeting.field.imageHint')} error={p.errors?.image} />
        <TextField name="imageAlt" label={t('budgeting.field.imageAlt')} hint={t('budgeting.field.imageAltHint')} value={p.values.imageAlt} maxlength={300} optional />
        <SubmitButton>{t('budgeting.propose')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function ReviewPage(p: { page: PageContext; m: Place; process: Process; project: Project; values: Values; errors?: FieldErrors }) {
  const { t } = p.page.i18n;
  const base = `${budgetsBase(p.m)}/${p.process.id}`;
  const title = t('budgeting.reviewTitle', { title: p.project.title });
  return (
    <Layout page={p.page} title={title} breadcrumbs={crumbs(t, p.m, [{ label: p.process.title, href: base }, { label: title }])}>
      <h1>{title}</h1>
      {p.project.description ? <p>{p.project.description}</p> : null}
      <Form page={p.page} action={`${base}/projects/${p.project.id}/review`} errors={p.errors ?? {}}>
        <RadioGroup name="status" label={t('budgeting.field.status')} value={p.values.status} options={(['feasible', 'rejected', 'proposed'] as const).map((s) => ({ value: s, label: t(`budgeting.status.${s}`) }))} />
        <TextField name="cost" label={t('budgeting.field.cost')} value={p.values.cost} inputmode="decimal" width="m" optional />
        <TextArea name="reason" label={t('budgeting.field.reason')} value={p.values.reason} rows={3} optional />
        <SubmitButton>{t('budgeting.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function ballotIntro(i18n: I18n, x: Process): string {
  const { t } = i18n;
  switch (x.kind) {
    case 'approval':
      return t('budgeting.ballotIntro.approval', { k: x.maxChoices ?? 0 });
    case 'knapsack':
      return x.minSpendOre ? t('budgeting.ballotIntro.knapsackMin', { min: money(i18n, x.minSpendOre), budget: money(i18n, x.budgetOre) }) : t('budgeting.ballotIntro.knapsack', { budget: money(i18n, x.budgetOre) });
    case 'cumulative':
      return t('budgeting.ballotIntro.cumulative', { points: x.points ?? 0 });
    case 'ranked':
      return t('budgeting.ballotIntro.ranked', { k: x.maxChoices ?? 0 });
  }
}

function runningText(i18n: I18n, x: Process, check: Pick<BallotCheck, 'totalCostOre' | 'pointsUsed' | 'choices'>): string {
  if (x.kind === 'cumulative') return i18n.t('budgeting.runningPoints', { used: check.pointsUsed, points: x.points ?? 0 });
  if (x.kind === 'approval' || x.kind === 'ranked') return i18n.t('budgeting.runningCount', { count: check.choices.length, k: x.maxChoices ?? 0 });
  return i18n.t('budgeting.runningTotal', { total: money(i18n, check.totalCostOre), budget: money(i18n, x.budgetOre) });
}

/** The choices part of a ballot form, by ballot kind; shared by the voter's ballot and paper entry. */
function BallotChoices(p: { i18n: I18n; process: Process; projects: Project[]; choices: Choice[]; error?: string | undefined }) {
  const { i18n } = p;
  const { t } = i18n;
  const x = p.process;
  const feasible = p.projects;
  const chosen = new Map(p.choices.map((c) => [c.projectId, c]));
  const k = x.maxChoices ?? feasible.length;
  return (
    <>
        {x.kind === 'approval' || x.kind === 'knapsack' ? (
          <fieldset class={p.error ? 'form-group form-error' : undefined} aria-describedby={p.error ? 'ballot-error' : undefined}>
            <legend class="h2">{t('budgeting.ballotChoices')}</legend>
            {p.error ? (
              <span class="form-error-message" id="ballot-error">
                <span class="sr-only">{t('core.errorPrefix')}</span> {p.error}
              </span>
            ) : null}
            {feasible.map((pr, i) => (
              <div class="form-group-checkbox">
                <input class="form-checkbox" type="checkbox" id={i === 0 ? 'f-ballot' : `f-ballot-${pr.id}`} name="project" value={String(pr.id)} checked={chosen.has(pr.id)} data-cost={String(pr.costOre ?? 0n)} />
                <label for={i === 0 ? 'f-ballot' : `f-ballot-${pr.id}`}>
                  {pr.title} – {money(i18n, pr.costOre)}
                </label>
                {pr.description ? <span class="form-hint">{pr.description}</span> : null}
              </div>
            ))}
          </fieldset>
        ) : (
          <fieldset class={p.error ? 'form-group form-error' : undefined} aria-describedby={p.error ? 'ballot-error' : undefined}>
            <legend class="h2">{t('budgeting.ballotChoices')}</legend>
            {p.error ? (
              <span class="form-error-message" id="ballot-error">
                <span class="sr-only">{t('core.errorPrefix')}</span> {p.error}
              </span>
            ) : null}
            {feasible.map((pr, i) =>
              x.kind === 'cumulative' ? (
                <TextField
                  name={`points_${pr.id}`}
                  id={i === 0 ? 'f-ballot' : `f-ballot-${pr.id}`}
                  label={`${t('budgeting.pointsFor', { title: pr.title })} (${money(i18n, pr.costOre)})`}
                  value={chosen.get(pr.id)?.points ?? ''}
                  inputmode="numeric"
                  width="xxs"
                />
              ) : (
                <Select
                  name={`rank_${pr.id}`}
                  id={i === 0 ? 'f-ballot' : `f-ballot-${pr.id}`}
                  label={`${t('budgeting.rankFor', { title: pr.title })} (${money(i18n, pr.costOre)})`}
                  value={chosen.get(pr.id)?.rank ?? ''}
                  placeholder={t('budgeting.noRank')}
                  options={Array.from({ length: Math.min(k, feasible.length) }, (_, n) => ({ value: String(n + 1), label: String(n + 1) }))}
                />
              ),
            )}
          </fieldset>
        )}
    </>
  );
}

export function BallotPage(p: {
  page: PageContext;
  m: Place;
  process: Process;
  projects: Project[];
  areaName: string | null;
  choices: Choice[];
  check: Pick<BallotCheck, 'totalCostOre' | 'pointsUsed' | 'choices'>;
  birthYear: string;
  resident: boolean;
  replace: boolean;
  errors?: FieldErrors;
}) {
  const { i18n } = p.page;
  const { t } = i18n;
  const x = p.process;
  const base = `${budgetsBase(p.m)}/${x.id}`;
  const title = t('budgeting.ballotTitle', { title: x.title });
  const feasible = p.projects.filter((pr) => pr.status === 'feasible');
  const k = x.maxChoices ?? feasible.length;
  return (
    <Layout page={p.page} title={title} breadcrumbs={crumbs(t, p.m, [{ label: x.title, href: base }, { label: t('budgeting.vote') }])}>
      <h1>{title}</h1>
      <p class="font-lead">{ballotIntro(i18n, x)}</p>
      {p.replace ? <Alert kind="info">{t('budgeting.youVoted')}</Alert> : null}
      <Form page={p.page} action={`${base}/ballot`} errors={p.errors ?? {}} id="budget-ballot" class="app-ballot">
        <input type="hidden" name="replace" value={p.replace ? '1' : '0'} />
        <BallotChoices i18n={i18n} process={x} projects={feasible} choices={p.choices} error={p.errors?.ballot} />
        <p class="app-ballot-total" id="ballot-total" role="status" aria-live="polite" data-kind={x.kind} data-budget={String(x.budgetOre)} data-points={String(x.points ?? 0)} data-k={String(k)} data-lang={i18n.lang}>
          <strong>{runningText(i18n, x, p.check)}</strong>
        </p>
        <SubmitButton variant="secondary" name="action" value="total">
          {t('budgeting.updateTotal')}
        </SubmitButton>
        <h2>{t('budgeting.eligibility')}</h2>
        <TextField name="birthYear" label={t('budgeting.field.birthYear')} hint={t('budgeting.field.birthYearHint', { age: x.minAge })} value={p.birthYear} inputmode="numeric" width="xs" autocomplete="bday-year" />
        <Checkbox name="resident" value="yes" checked={p.resident} label={t('budgeting.field.resident', { place: p.areaName ?? p.m.name })} />
        <SubmitButton name="action" value="vote">
          {t('budgeting.submitBallot')}
        </SubmitButton>
      </Form>
      <script type="module" src={`/budgets/ballot.js?v=${p.page.assetVersion}`} />
    </Layout>
  );
}

export function ResultsPage(p: { page: PageContext; m: Place; process: Process; results: Results }) {
  const { i18n } = p.page;
  const { t } = i18n;
  const x = p.process;
  const r = p.results;
  const base = `${budgetsBase(p.m)}/${x.id}`;
  const title = t('budgeting.resultsTitle', { title: x.title });
  const mes = r.rule.startsWith('mes');
  const why = (row: Results['projects'][number]) => {
    const parts: string[] = [];
    const v = row.report.equalShares;
    if (v?.kind === 'bought') parts.push(t('budgeting.why.bought', { round: v.round, supporters: row.paid?.supporters ?? 0, each: money(i18n, Math.ceil(row.paid?.maxEachOre ?? 0)) }));
    if (v?.kind === 'free') parts.push(t('budgeting.why.free'));
    if (v?.kind === 'unaffordable') parts.push(t('budgeting.why.unaffordable', { round: v.round, left: money(i18n, Math.floor(row.supportersLeftOre ?? 0)), cost: money(i18n, row.project.costOre) }));
    if (v?.kind === 'unsupported' || (!v && row.votes === 0)) parts.push(t('budgeting.why.unsupported'));
    const g = row.report.greedy;
    if (g && mes && g.funded) parts.push(t('budgeting.why.completion'));
    else if (g && !mes) parts.push(t(g.funded ? 'budgeting.why.greedyFunded' : 'budgeting.why.greedyNotFunded', { position: g.position, left: money(i18n, g.remainingBefore) }));
    return parts.join(' ');
  };
  return (
    <Layout page={p.page} title={title} wide breadcrumbs={crumbs(t, p.m, [{ label: x.title, href: base }, { label: t('budgeting.results') }])}>
      <h1>{title}</h1>
      <p class="font-lead">
        {t('budgeting.resultsSummary', { voters: r.voters, funded: r.projects.filter((row) => row.funded).length, spent: money(i18n, r.spentOre), left: money(i18n, r.leftOre) })}
      </p>
      <p>{t('budgeting.resultsRule', { rule: t(`budgeting.rule.${r.rule}`) })}</p>
      {mes && r.perVoterOre !== null ? <p>{t('budgeting.perVoter', { amount: money(i18n, Math.floor(r.perVoterOre)) })}</p> : null}
      <DataTable
        caption={title}
        captionHidden
        rows={r.projects}
        columns={[
          { header: t('budgeting.field.title'), cell: (row) => row.project.title },
          { header: t('budgeting.cost'), numeric: true, cell: (row) => money(i18n, row.project.costOre) },
          { header: t('budgeting.votes'), numeric: true, cell: (row) => i18n.formatNumber(row.votes) },
          ...(r.stationVotes > 0 ? [{ header: t('budgeting.stations.column'), numeric: true, cell: (row: Results['projects'][number]) => i18n.formatNumber(row.stationVotes) }] : []),
          ...(x.kind === 'cumulative' ? [{ header: t('budgeting.points'), numeric: true, cell: (row: Results['projects'][number]) => i18n.formatNumber(row.points) }] : []),
          { header: t('budgeting.funded'), cell: (row) => (row.funded ? <strong>{t('budgeting.yes')}</strong> : t('budgeting.no')) },
          ...(r.rule === 'greedy-votes' ? [] : [{ header: t('budgeting.greedyColumn'), cell: (row: Results['projects'][number]) => t(row.fundedByGreedy ? 'budgeting.yes' : 'budgeting.no') }]),
          { header: t('budgeting.why'), cell: why },
        ]}
      />
      {r.rule === 'greedy-votes' ? null : <p>{t('budgeting.greedyComparison', { spent: money(i18n, r.greedySpentOre) })}</p>}
      {r.uncheckedPaper > 0 ? <Alert kind="warning">{t('budgeting.paper.uncheckedCounted', { count: r.uncheckedPaper })}</Alert> : null}
      {r.stationVotes > 0 ? <p>{t(mes ? 'budgeting.stations.notInMes' : 'budgeting.stations.inGreedy', { count: r.stationVotes })}</p> : null}
      <ul>
        <li>
          <a href={`${base}/results.csv`}>{t('budgeting.downloadCsv')}</a>
        </li>
        <li>
          <a href={`${base}/election.pb`}>{t('budgeting.downloadPb')}</a>
        </li>
      </ul>
    </Layout>
  );
}

export function PaperPage(p: {
  page: PageContext;
  m: Place;
  process: Process;
  projects: Project[];
  paper: StoredBallot[];
  stations: StationTotal[];
  actorId: number;
  choices: Choice[];
  values: Values;
  errors?: FieldErrors;
  stationErrors?: FieldErrors;
}) {
  const { i18n } = p.page;
  const { t } = i18n;
  const x = p.process;
  const base = `${budgetsBase(p.m)}/${x.id}`;
  const title = t('budgeting.paper.title', { title: x.title });
  const feasible = p.projects.filter((pr) => pr.status === 'feasible');
  const names = new Map(feasible.map((pr) => [pr.id, pr.title]));
  const waiting = p.paper.filter((b) => b.checkedBy === null);
  const describe = (b: StoredBallot) =>
    b.choices.map((c) => `${names.get(c.projectId) ?? c.projectId}${x.kind === 'cumulative' ? ` (${c.points})` : x.kind === 'ranked' ? ` (${c.rank})` : ''}`).join(', ');
  const stationNames = [...new Set(p.stations.map((s) => s.station))];
  const counting = x.phase === 'voting' || x.phase === 'result';
  return (
    <Layout page={p.page} title={title} breadcrumbs={crumbs(t, p.m, [{ label: x.title, href: base }, { label: t('budgeting.paper.crumb') }])}>
      <h1>{title}</h1>
      <p class="font-lead">{t('budgeting.paper.intro')}</p>
      <p>{ballotIntro(i18n, x)}</p>
      {counting ? (
        <Form page={p.page} action={`${base}/paper`} errors={p.errors ?? {}} id="paper-ballot">
          <BallotChoices i18n={i18n} process={x} projects={feasible} choices={p.choices} error={p.errors?.ballot} />
          <SubmitButton>{t('budgeting.paper.save')}</SubmitButton>
        </Form>
      ) : (
        <Alert kind="info">{t('budgeting.paper.notCounting')}</Alert>
      )}
      <h2>{t('budgeting.paper.waiting', { count: waiting.length })}</h2>
      <p>{t('budgeting.paper.fourEyes')}</p>
      {waiting.length === 0 ? (
        <p>{t('budgeting.paper.noneWaiting')}</p>
      ) : (
        <DataTable
          caption={t('budgeting.paper.waiting', { count: waiting.length })}
          captionHidden
          rows={waiting}
          columns={[
            { header: t('budgeting.paper.number'), cell: (b) => String(b.id) },
            { header: t('budgeting.ballotChoices'), cell: describe },
            {
              header: t('budgeting.paper.check'),
              cell: (b) =>
                b.enteredBy === p.actorId ? (
                  t('budgeting.paper.yourEntry')
                ) : (
                  <Form page={p.page} action={`${base}/paper/${b.id}/check`}>
                    <SubmitButton variant="secondary">{t('budgeting.paper.markChecked', { number: b.id })}</SubmitButton>
                  </Form>
                ),
            },
          ]}
        />
      )}
      <p>{t('budgeting.paper.checkedCount', { count: p.paper.length - waiting.length })}</p>
      <h2>{t('budgeting.stations.title')}</h2>
      <p>{t('budgeting.stations.intro')}</p>
      {stationNames.length > 0 ? (
        <ul>
          {stationNames.map((name) => (
            <li>
              {name}: {p.stations.filter((s) => s.station === name).map((s) => `${names.get(s.projectId) ?? s.projectId} ${s.votes}`).join(', ')}
            </li>
          ))}
        </ul>
      ) : null}
      {counting ? (
        <Form page={p.page} action={`${base}/paper/stations`} errors={p.stationErrors ?? {}} id="station-totals">
          <TextField name="station" label={t('budgeting.stations.name')} value={p.values.station ?? ''} />
          {feasible.map((pr) => (
            <TextField name={`votes_${pr.id}`} label={t('budgeting.stations.votesFor', { title: pr.title })} value={p.values[`votes_${pr.id}`] ?? ''} inputmode="numeric" width="xs" />
          ))}
          <SubmitButton variant="secondary">{t('budgeting.stations.save')}</SubmitButton>
        </Form>
      ) : null}
    </Layout>
  );
}
