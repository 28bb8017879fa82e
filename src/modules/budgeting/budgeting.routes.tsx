// Pages under /m/:slug/budgets: list, process, proposals and review, ballot, results and exports.
// Each route goes load municipality → authorize → validate → command → view; failed forms re-render
// with 422 where they were.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { pageContext, state, type AppContext, type AppDeps, type AppEnv } from '../../core/http/context.js';
import { field, validateForm, type FormFields } from '../../core/http/form.js';
import { errorPage, html, redirectWithFlash } from '../../core/http/respond.js';
import type { FieldErrors } from '../../core/views/forms.js';
import { getAreasAndThemes, loadMunicipality, type Municipality } from '../municipalities/index.js';
import { checkBallot, type BallotProblem } from './budgeting.ballot.js';
import { can, type BudgetingAction } from './budgeting.policy.js';
import { getPaperEntry, getProcesses, getProcessWithProjects, getProject, getProjectImage, getResults } from './budgeting.queries.js';
import { exportPb, resultsCsv } from './budgeting.results.js';
import { processFormSchema, projectFormSchema, reviewFormSchema } from './budgeting.schemas.js';
import { PHASES, type Choice, type Phase, type Process, type Project } from './budgeting.types.js';
import { castBallot } from './commands/cast-ballot.js';
import { checkPaperBallot, enterPaperBallot, enterStationTotals } from './commands/paper-ballots.js';
import { changePhase } from './commands/change-phase.js';
import { proposeProject } from './commands/propose-project.js';
import { reviewProject } from './commands/review-project.js';
import { createProcess, updateProcessCommand } from './commands/save-process.js';
import type { ProcessFields } from './budgeting.repository.js';
import { BallotPage, PaperPage, ProcessFormPage, ProcessListPage, ProcessPage, ProjectFormPage, ResultsPage, ReviewPage, budgetsBase, kronerValue, money, processFormValues, type Values } from './views/budgeting.pages.js';

/** The proposal form takes an optional image; core applies this limit and checks CSRF before the route runs. */
export const PROJECT_UPLOAD = { pattern: /^\/m\/[^/]+\/budgets\/[0-9]+\/projects\/new$/, maxSize: 6 * 1024 * 1024 };

/** The same rule as the process page: proposals not yet reviewed are hidden once voting starts, except to reviewers. */
const projectVisible = (canReview: boolean, x: Process, pr: Project) => canReview || pr.status !== 'proposed' || x.phase === 'proposals' || x.phase === 'review';

/** The uploaded image, or null when the form was urlencoded or the field left empty (browsers then send an empty, nameless file). */
async function uploadedImage(c: AppContext): Promise<Uint8Array | null> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'multipart/form-data') return null;
  const body = await c.req.parseBody({ all: true });
  const value = body.image;
  const file = (Array.isArray(value) ? value : [value]).find((v): v is File => typeof v === 'object' && v !== null);
  if (!file || (file.size === 0 && file.name === '')) return null;
  return new Uint8Array(await file.arrayBuffer());
}

const ballotScript = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets', 'ballot.js'));

const form = (c: AppContext): FormFields => state(c).form ?? {};
const values = (f: FormFields): Values => Object.fromEntries(Object.entries(f).map(([k]) => [k, field(f, k)]));
const translate = (c: AppContext, errors: Record<string, string>): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, state(c).i18n.t(v)]));
const idParam = (c: AppContext, name: string): number | null => {
  const raw = c.req.param(name) ?? '';
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
};

async function place(c: AppContext, deps: AppDeps): Promise<Municipality | Response> {
  const m = await loadMunicipality(deps, c.req.param('slug') ?? '');
  return m ?? errorPage(c, 404);
}

/** The sign-in page for an anonymous GET, 401 for an anonymous POST, 403 without the permission. */
function refuse(c: AppContext, m: Municipality, action: BudgetingAction): Response | null {
  const actor = state(c).actor;
  if (!actor) {
    if (c.req.method === 'GET') {
      const url = new URL(c.req.url);
      return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
    }
    return errorPage(c, 401, { municipality: m });
  }
  return can(actor, action, m.id) ? null : errorPage(c, 403, { municipality: m });
}

const page = (c: AppContext, m: Municipality) => pageContext(c, { municipality: m });

async function areaOptions(deps: AppDeps, m: Municipality) {
  return (await getAreasAndThemes(deps, m.id)).areas.map((a) => ({ id: a.id, name: a.name }));
}

function toProcessFields(d: ReturnType<typeof processFormSchema.parse>): ProcessFields {
  return {
    title: d.title,
    description: d.description,
    areaId: d.areaId,
    budgetOre: d.budget!,
    dates: { proposalsFrom: d.proposalsFrom, reviewFrom: d.reviewFrom, votingFrom: d.votingFrom, resultFrom: d.resultFrom, implementationFrom: d.implementationFrom },
    kind: d.kind,
    maxChoices: d.kind === 'approval' || d.kind === 'ranked' ? d.maxChoices : null,
    minSpendOre: d.kind === 'knapsack' ? d.minSpend : null,
    points: d.kind === 'cumulative' ? d.points : null,
    rule: d.rule,
    minAge: d.minAge ?? 0,
  };
}

function problemText(c: AppContext, x: Process, problem: BallotProblem | string, areaName: string | null, m: Municipality): string {
  const i18n = state(c).i18n;
  return i18n.t(`budgeting.ballot.${problem}`, {
    k: x.maxChoices ?? 0,
    budget: money(i18n, x.budgetOre),
    min: money(i18n, x.minSpendOre),
    points: x.points ?? 0,
    age: x.minAge,
    place: areaName ?? m.name,
  });
}

export function registerBudgetingRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const base = '/m/:slug/budgets';

  app.get('/budgets/ballot.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(ballotScript);
  });

  app.get(base, async (c) => {
    const m = await place(c, deps);
    if (m instanceof Response) return m;
    const processes = await getProcesses(deps, m.id);
    return html(c, ProcessListPage({ page: page(c, m), m, processes, canManage: can(state(c).actor, 'manage', m.id) }));
  });

  app.get(`${base}/new`, async (c) => {
    const m = await place(c, deps);
    if (m instanceof Response) return m;
    const no = refuse(c, m, 'manage');
    if (no) return no;
    return html(c, ProcessFormPage({ page: page(c, m), m, process: null, values: processFormValues(null), areas: await areaOptions(deps, m) }));
  });

  const saveProcess = async (c: AppContext, existing: Process | null) => {
    const m = (await place(c, deps)) as Municipality;
    const again = async (errors: FieldErrors) => html(c, ProcessFormPage({ page: page(c, m), m, process: existing, values: values(form(c)), areas: await areaOptions(deps, m), errors }), 422);
    const v = validateForm(processFormSchema, form(c));
    if (!v.ok) return again(translate(c, v.errors));
    const fields = toProcessFields(v.data);
    const actor = state(c).actor;
    const r = existing ? await updateProcessCommand(deps.db, actor, m.id, existing.id, fields) : await createProcess(deps.db, actor, m.id, fields);
    if (!r.ok) {
      if (r.error === 'rules_frozen') return again({ kind: state(c).i18n.t('budgeting.error.rulesFrozen') });
      return errorPage(c, r.error === 'not_found' ? 404 : 403, { municipality: m });
    }
    return redirectWithFlash(c, `${budgetsBase(m)}/${r.value.id}`, 'success', existing ? 'budgeting.updated' : 'budgeting.created');
  };

  app.post(`${base}/new`, async (c) => {
    const m = await place(c, deps);
    if (m instanceof Response) return m;
    return refuse(c, m, 'manage') ?? saveProcess(c, null);
  });

  /** The process in the URL with its projects, or the response to send. */
  const load = async (c: AppContext) => {
    const m = await place(c, deps);
    if (m instanceof Response) return m;
    const id = idParam(c, 'id');
    const data = id === null ? null : await getProcessWithProjects(deps, m.id, id, state(c).actor?.id ?? null);
    if (!data) return errorPage(c, 404, { municipality: m });
    const areaName = data.process.areaId === null ? null : ((await areaOptions(deps, m)).find((a) => a.id === data.process.areaId)?.name ?? null);
    return { m, ...data, areaName };
  };

  app.get(`${base}/:id{[0-9]+}`, async (c) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    const actor = state(c).actor;
    return html(
      c,
      ProcessPage({
        page: page(c, d.m),
        m: d.m,
        process: d.process,
        projects: d.projects,
        images: d.images,
        areaName: d.areaName,
        ballots: d.ballots,
        hasVoted: d.mine !== null,
        canManage: can(actor, 'manage', d.m.id),
        canReview: can(actor, 'review', d.m.id),
        canEnterPaper: can(actor, 'enter_paper', d.m.id),
      }),
    );
  });

  app.get(`${base}/:id{[0-9]+}/edit`, async (c) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    const no = refuse(c, d.m, 'manage');
    if (no) return no;
    return html(c, ProcessFormPage({ page: page(c, d.m), m: d.m, process: d.process, values: processFormValues(d.process), areas: await areaOptions(deps, d.m) }));
  });

  app.post(`${base}/:id{[0-9]+}/edit`, async (c) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    return refuse(c, d.m, 'manage') ?? saveProcess(c, d.process);
  });

  app.post(`${base}/:id{[0-9]+}/phase`, async (c) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    const no = refuse(c, d.m, 'manage');
    if (no) return no;
    const phase = field(form(c), 'phase');
    if (!(PHASES as readonly string[]).includes(phase)) return errorPage(c, 400, { municipality: d.m });
    const r = await changePhase(deps.db, state(c).actor, d.m.id, d.process.id, phase as Phase);
    if (!r.ok) return errorPage(c, r.error === 'not_found' ? 404 : 403, { municipality: d.m });
    return redirectWithFlash(c, `${budgetsBase(d.m)}/${d.process.id}`, 'success', 'budgeting.phaseChanged');
  });

  // Proposals and review -------------------------------------------------------------------------

  app.get(`${base}/:id{[0-9]+}/projects/new`, async (c) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    const no = refuse(c, d.m, 'propose');
    if (no) return no;
    return html(c, ProjectFormPage({ page: page(c, d.m), m: d.m, process: d.process, values: { title: '', description: '', areaId: '', imageAlt: '' }, areas: await areaOptions(deps, d.m) }));
  });

  app.post(`${base}/:id{[0-9]+}/projects/new`, async (c) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    const no = refuse(c, d.m, 'propose');
    if (no) return no;
    const again = async (errors: FieldErrors) => html(c, ProjectFormPage({ page: page(c, d.m), m: d.m, process: d.process, values: values(form(c)), areas: await areaOptions(deps, d.m), errors }), 422);
    const v = validateForm(projectFormSchema, form(c));
    const bytes = await uploadedImage(c);
    const alt = field(form(c), 'imageAlt').trim();
    const errors: FieldErrors = v.ok ? {} : translate(c, v.errors);
    if (bytes !== null && alt === '') errors.imageAlt = state(c).i18n.t('budgeting.error.imageAltRequired');
    else if (alt.length > 300) errors.imageAlt = state(c).i18n.t('budgeting.error.imageAltTooLong');
    if (!v.ok || Object.keys(errors).length > 0) return again(errors);
    const r = await proposeProject(deps.db, state(c).actor, d.m.id, d.process.id, v.data, bytes === null ? null : { bytes, alt });
    if (!r.ok) {
      if (r.error === 'proposals_closed') return again({ title: state(c).i18n.t('budgeting.proposalsClosed') });
      if (r.error.startsWith('image_')) return again({ image: state(c).i18n.t(`budgeting.error.image.${r.error.slice('image_'.length)}`) });
      return errorPage(c, r.error === 'not_found' ? 404 : 403, { municipality: d.m });
    }
    return redirectWithFlash(c, `${budgetsBase(d.m)}/${d.process.id}`, 'success', 'budgeting.proposed');
  });

  // The image of a project, to whoever may see the project on the process page.
  app.get(`${base}/:id{[0-9]+}/projects/:pid{[0-9]+}/image`, async (c) => {
    const m = await place(c, deps);
    if (m instanceof Response) return m;
    const id = idParam(c, 'id');
    const pid = idParam(c, 'pid');
    const found = id === null || pid === null ? null : await getProjectImage(deps, m.id, id, pid);
    if (!found || !projectVisible(can(state(c).actor, 'review', m.id), found.process, found.project)) return errorPage(c, 404, { municipality: m });
    // A reviewed project is shown to everyone from then on; an unreviewed one may yet be hidden, so no shared cache keeps it.
    const everyone = found.project.status !== 'proposed';
    return c.body(new Uint8Array(found.image.bytes), 200, {
      'content-type': found.image.type,
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
      'cache-control': everyone ? 'public, max-age=3600' : 'private, max-age=300',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  const reviewPage = async (c: AppContext, post: boolean) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    const no = refuse(c, d.m, 'review');
    if (no) return no;
    const pid = idParam(c, 'pid');
    const project = pid === null ? null : await getProject(deps, d.m.id, d.process.id, pid);
    if (!project) return errorPage(c, 404, { municipality: d.m });
    const show = (vals: Values, errors?: FieldErrors, status: 200 | 422 = 200) =>
      html(c, ReviewPage({ page: page(c, d.m), m: d.m, process: d.process, project, values: vals, ...(errors ? { errors } : {}) }), status);
    if (!post) return show({ status: project.status, cost: kronerValue(project.costOre), reason: project.rejectReason ?? '' });
    const v = validateForm(reviewFormSchema, form(c));
    if (!v.ok) return show(values(form(c)), translate(c, v.errors), 422);
    const r = await reviewProject(deps.db, state(c).actor, d.m.id, d.process.id, project.id, {
      status: v.data.status,
      costOre: v.data.cost,
      rejectReason: v.data.status === 'rejected' ? v.data.reason : null,
    });
    if (!r.ok) {
      if (r.error === 'review_closed') return show(values(form(c)), { status: state(c).i18n.t('budgeting.reviewClosed') }, 422);
      return errorPage(c, r.error === 'not_found' ? 404 : 403, { municipality: d.m });
    }
    return redirectWithFlash(c, `${budgetsBase(d.m)}/${d.process.id}`, 'success', 'budgeting.reviewed');
  };
  app.get(`${base}/:id{[0-9]+}/projects/:pid{[0-9]+}/review`, (c) => reviewPage(c, false));
  app.post(`${base}/:id{[0-9]+}/projects/:pid{[0-9]+}/review`, (c) => reviewPage(c, true));

  // Ballot -----------------------------------------------------------------------------------------

  app.get(`${base}/:id{[0-9]+}/ballot`, async (c) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    const no = refuse(c, d.m, 'vote');
    if (no) return no;
    if (d.process.phase !== 'voting') return errorPage(c, 409, { municipality: d.m, messageKey: 'budgeting.ballot.voting_closed' });
    const choices = d.mine?.choices ?? [];
    const costs = new Map(d.projects.filter((p) => p.status === 'feasible').map((p) => [p.id, p.costOre ?? 0n]));
    const total = { choices, totalCostOre: choices.reduce((s, ch) => s + (costs.get(ch.projectId) ?? 0n), 0n), pointsUsed: choices.reduce((s, ch) => s + ch.points, 0) };
    return html(
      c,
      BallotPage({ page: page(c, d.m), m: d.m, process: d.process, projects: d.projects, areaName: d.areaName, choices, check: total, birthYear: d.mine?.birthYear ? String(d.mine.birthYear) : '', resident: d.mine !== null, replace: d.mine !== null }),
    );
  });

  app.post(`${base}/:id{[0-9]+}/ballot`, async (c) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    const no = refuse(c, d.m, 'vote');
    if (no) return no;
    const f = form(c);
    const x = d.process;
    const costs = new Map(d.projects.filter((p) => p.status === 'feasible').map((p) => [p.id, p.costOre ?? 0n]));
    const check = checkBallot(x, costs, f);
    const replace = field(f, 'replace') === '1';
    const show = (errors: FieldErrors, status: 200 | 409 | 422) =>
      html(
        c,
        BallotPage({ page: page(c, d.m), m: d.m, process: x, projects: d.projects, areaName: d.areaName, choices: check.choices, check, birthYear: field(f, 'birthYear'), resident: field(f, 'resident') === 'yes', replace: replace || d.mine !== null, errors }),
        status,
      );
    // "Update total" without JavaScript: the same page with the server's running total, nothing stored.
    if (field(f, 'action') === 'total') return show({}, 200);
    const birthYear = /^\d{4}$/.test(field(f, 'birthYear').trim()) ? Number(field(f, 'birthYear').trim()) : NaN;
    // Every problem at once, so the voter fixes the ballot and the eligibility questions in one go;
    // the command checks the same things again inside its transaction.
    const early: FieldErrors = {};
    const say0 = (code: string) => problemText(c, x, code, d.areaName, d.m);
    if (check.problems.length > 0) early.ballot = check.problems.map(say0).join(' ');
    if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > new Date().getFullYear()) early.birthYear = say0('birth_year_invalid');
    else if (new Date().getFullYear() - birthYear < x.minAge) early.birthYear = say0('too_young');
    if (field(f, 'resident') !== 'yes') early.resident = say0('not_resident');
    if (Object.keys(early).length > 0) return show(early, 422);
    const r = await castBallot(deps.db, state(c).actor, d.m.id, x.id, { fields: f, birthYear, resident: field(f, 'resident') === 'yes', replace });
    if (!r.ok) {
      const say = (code: string) => problemText(c, x, code, d.areaName, d.m);
      switch (r.error) {
        case 'invalid_ballot':
          return show({ ballot: (r.detail ?? []).map(say).join(' ') }, 422);
        case 'birth_year_invalid':
        case 'too_young':
          return show({ birthYear: say(r.error) }, 422);
        case 'not_resident':
          return show({ resident: say(r.error) }, 422);
        case 'already_voted':
          return show({ ballot: say(r.error) }, 409);
        case 'voting_closed':
          return show({ ballot: say(r.error) }, 409);
        case 'not_found':
          return errorPage(c, 404, { municipality: d.m });
        default:
          return errorPage(c, 403, { municipality: d.m });
      }
    }
    return redirectWithFlash(c, `${budgetsBase(d.m)}/${x.id}`, 'success', replace ? 'budgeting.votedChanged' : 'budgeting.voted');
  });

  // Paper ballots and voting-station totals ------------------------------------------------------

  const paperPage = async (c: AppContext, state0: { choices?: Choice[]; values?: Values; errors?: FieldErrors; stationErrors?: FieldErrors } = {}, status: 200 | 409 | 422 = 200) => {
    const m = await place(c, deps);
    if (m instanceof Response) return m;
    const no = refuse(c, m, 'enter_paper');
    if (no) return no;
    const id = idParam(c, 'id');
    const d = id === null ? null : await getPaperEntry(deps, m.id, id);
    if (!d) return errorPage(c, 404, { municipality: m });
    return html(
      c,
      PaperPage({
        page: page(c, m),
        m,
        process: d.process,
        projects: d.projects,
        paper: d.paper,
        stations: d.stations,
        actorId: state(c).actor!.id,
        choices: state0.choices ?? [],
        values: state0.values ?? {},
        ...(state0.errors ? { errors: state0.errors } : {}),
        ...(state0.stationErrors ? { stationErrors: state0.stationErrors } : {}),
      }),
      status,
    );
  };

  app.get(`${base}/:id{[0-9]+}/paper`, (c) => paperPage(c));

  app.post(`${base}/:id{[0-9]+}/paper`, async (c) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    const no = refuse(c, d.m, 'enter_paper');
    if (no) return no;
    const f = form(c);
    const r = await enterPaperBallot(deps.db, state(c).actor, d.m.id, d.process.id, f);
    if (!r.ok) {
      const say = (code: string) => problemText(c, d.process, code, d.areaName, d.m);
      const costs = new Map(d.projects.filter((p) => p.status === 'feasible').map((p) => [p.id, p.costOre ?? 0n]));
      const choices = checkBallot(d.process, costs, f).choices;
      if (r.error === 'invalid_ballot') return paperPage(c, { choices, errors: { ballot: (r.detail ?? []).map(say).join(' ') } }, 422);
      if (r.error === 'not_counting') return paperPage(c, { choices, errors: { ballot: state(c).i18n.t('budgeting.paper.notCounting') } }, 409);
      return errorPage(c, r.error === 'not_found' ? 404 : 403, { municipality: d.m });
    }
    return redirectWithFlash(c, `${budgetsBase(d.m)}/${d.process.id}/paper`, 'success', 'budgeting.paper.saved');
  });

  app.post(`${base}/:id{[0-9]+}/paper/:bid{[0-9]+}/check`, async (c) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    const no = refuse(c, d.m, 'enter_paper');
    if (no) return no;
    const bid = idParam(c, 'bid');
    const r = bid === null ? null : await checkPaperBallot(deps.db, state(c).actor, d.m.id, d.process.id, bid);
    if (!r || (!r.ok && r.error === 'not_found')) return errorPage(c, 404, { municipality: d.m });
    if (!r.ok) {
      if (r.error === 'forbidden') return errorPage(c, 403, { municipality: d.m });
      return paperPage(c, { errors: { ballot: state(c).i18n.t(r.error === 'own_entry' ? 'budgeting.paper.ownEntry' : 'budgeting.paper.alreadyChecked') } }, 409);
    }
    return redirectWithFlash(c, `${budgetsBase(d.m)}/${d.process.id}/paper`, 'success', 'budgeting.paper.checked');
  });

  app.post(`${base}/:id{[0-9]+}/paper/stations`, async (c) => {
    const d = await load(c);
    if (d instanceof Response) return d;
    const no = refuse(c, d.m, 'enter_paper');
    if (no) return no;
    const f = form(c);
    const votes = new Map(d.projects.filter((p) => p.status === 'feasible').map((p) => [p.id, field(f, `votes_${p.id}`)]));
    const r = await enterStationTotals(deps.db, state(c).actor, d.m.id, d.process.id, field(f, 'station'), votes);
    if (!r.ok) {
      const t = state(c).i18n.t;
      if (r.error === 'station_invalid') return paperPage(c, { values: values(f), stationErrors: { station: t('budgeting.stations.nameInvalid') } }, 422);
      if (r.error === 'votes_invalid') return paperPage(c, { values: values(f), stationErrors: { station: t('budgeting.stations.votesInvalid') } }, 422);
      if (r.error === 'not_counting') return paperPage(c, { values: values(f), stationErrors: { station: t('budgeting.paper.notCounting') } }, 409);
      return errorPage(c, r.error === 'not_found' ? 404 : 403, { municipality: d.m });
    }
    return redirectWithFlash(c, `${budgetsBase(d.m)}/${d.process.id}/paper`, 'success', 'budgeting.stations.saved');
  });

  // Results and exports ------------------------------------------------------------------------------

  const results = async (c: AppContext) => {
    const m = await place(c, deps);
    if (m instanceof Response) return m;
    const id = idParam(c, 'id');
    const r = id === null ? null : await getResults(deps, m.id, id);
    if (!r) return errorPage(c, 404, { municipality: m });
    if (r.process.phase !== 'result' && r.process.phase !== 'implementation') return errorPage(c, 404, { municipality: m, messageKey: 'budgeting.notYet' });
    return { m, ...r };
  };

  app.get(`${base}/:id{[0-9]+}/results`, async (c) => {
    const r = await results(c);
    if (r instanceof Response) return r;
    return html(c, ResultsPage({ page: page(c, r.m), m: r.m, process: r.process, results: r.results }));
  });

  app.get(`${base}/:id{[0-9]+}/results.csv`, async (c) => {
    const r = await results(c);
    if (r instanceof Response) return r;
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="budget-${r.process.id}-results.csv"`);
    return c.body(resultsCsv(r.results));
  });

  app.get(`${base}/:id{[0-9]+}/election.pb`, async (c) => {
    const r = await results(c);
    if (r instanceof Response) return r;
    c.header('Content-Type', 'text/plain; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="budget-${r.process.id}.pb"`);
    return c.body(exportPb(r.election));
  });
}
