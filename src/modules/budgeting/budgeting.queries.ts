// Reads for routes: each in one transaction with the tenant set.
import type { AppDeps } from '../../core/http/context.js';
import { countBallots, findProcess, findProject, findProjectImage, listBallots, listProjectImages, listProcesses, listProjects, listStationTotals, processPbMeta, voterChoices } from './budgeting.repository.js';
import { computeResults, toPbElection } from './budgeting.results.js';

type Deps = Pick<AppDeps, 'db'>;

export const getProcesses = (deps: Deps, m: number) => deps.db.transaction({ municipalityId: m }, (tx) => listProcesses(tx, m));

export const getProcessWithProjects = (deps: Deps, m: number, id: number, voterId: number | null) =>
  deps.db.transaction({ municipalityId: m }, async (tx) => {
    const process = await findProcess(tx, m, id);
    if (!process) return null;
    return {
      process,
      projects: await listProjects(tx, m, id),
      images: await listProjectImages(tx, m, id),
      ballots: await countBallots(tx, m, id),
      mine: voterId === null ? null : await voterChoices(tx, m, id, voterId),
    };
  });

export const getProject = (deps: Deps, m: number, processId: number, id: number) => deps.db.transaction({ municipalityId: m }, (tx) => findProject(tx, m, processId, id));

/** A project's image with the project, so the route can apply the same visibility as the process page. */
export const getProjectImage = (deps: Deps, m: number, processId: number, id: number) =>
  deps.db.transaction({ municipalityId: m }, async (tx) => {
    const process = await findProcess(tx, m, processId);
    const project = process ? await findProject(tx, m, processId, id) : null;
    const image = project ? await findProjectImage(tx, m, processId, id) : null;
    return process && project && image ? { process, project, image } : null;
  });

/** Results, and the election for export; repeatable read so ballots and projects agree. */
export const getResults = (deps: Deps, m: number, id: number) =>
  deps.db.transaction(
    { municipalityId: m },
    async (tx) => {
      const process = await findProcess(tx, m, id);
      if (!process) return null;
      const projects = await listProjects(tx, m, id);
      const ballots = await listBallots(tx, m, id);
      const stations = await listStationTotals(tx, m, id);
      return { process, results: computeResults(process, projects, ballots, stations), election: toPbElection(process, projects, ballots, await processPbMeta(tx, m, id)) };
    },
    { isolation: 'repeatable read' },
  );

/** The paper-entry page: the process, its projects, paper ballots (newest first) and station totals. */
export const getPaperEntry = (deps: Deps, m: number, id: number) =>
  deps.db.transaction({ municipalityId: m }, async (tx) => {
    const process = await findProcess(tx, m, id);
    if (!process) return null;
    const paper = (await listBallots(tx, m, id)).filter((b) => b.source === 'paper').reverse();
    return { process, projects: await listProjects(tx, m, id), paper, stations: await listStationTotals(tx, m, id) };
  });
