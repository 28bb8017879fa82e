// The network's part of `samskab bench-data`: by default 100,000 published cases across the 100 bench
// municipalities (bench-001 … bench-100), with varied Danish and English text (half in both languages,
// the rest in one), themes, guiding-question tags, municipality sizes, statuses and evidence values.
// Made set-based (INSERT … SELECT generate_series), one transaction per municipality, so row-level
// security applies as it does for requests and the facet-count triggers run once per municipality.
// The bench municipalities are made here too if missing, exactly as the initiatives part makes them.
import { sql } from 'kysely';
import type { Database } from '../../core/db/database.js';
import type { CliCommand } from '../../core/module.js';

export interface NetworkBenchOptions {
  municipalities: number;
  cases: number;
  /** Municipalities filled at once (PostgreSQL only). */
  jobs: number;
}

export const defaultNetworkBench: NetworkBenchOptions = { municipalities: 100, cases: 100_000, jobs: 2 };

// [Danish, English] pairs; the index of a subject also picks its first theme.
const subjects: [string, string, string][] = [
  ['Borgerdesignet busrute', 'Citizen-designed bus route', 'mobility'],
  ['Fælles skolekøkken', 'Shared school kitchen', 'food'],
  ['Fælles rengøringshold', 'Joint cleaning squad', 'environment'],
  ['Fællesspisning for nytilkomne', 'Community dinners for newcomers', 'food'],
  ['Delebiler i landsbyen', 'Car sharing in the village', 'mobility'],
  ['Frivillig naturpleje', 'Volunteer nature care', 'nature'],
  ['Repair café på biblioteket', 'Repair café at the library', 'environment'],
  ['Besøgsvenner på plejecentret', 'Visiting friends at the care home', 'care'],
  ['Borgerbudget for lokalområdet', 'Participatory budget for the local area', 'democracy'],
  ['Kulturnat i forsamlingshuset', 'Culture night in the village hall', 'culture'],
  ['Byhaver på tomme grunde', 'Community gardens on empty plots', 'nature'],
  ['Ungeboliger i den gamle skole', 'Youth housing in the old school', 'housing'],
  ['Telebus til lægehuset', 'Demand-responsive bus to the doctor', 'mobility'],
  ['Madklub for ældre', 'Cooking club for older residents', 'care'],
  ['Stiforbindelse langs åen', 'Footpath along the river', 'nature'],
  ['Borgerpanel om skolestruktur', 'Citizens’ panel on school structure', 'democracy'],
  ['Fælleshus drevet af foreninger', 'Community house run by associations', 'culture'],
  ['Affaldsindsamling med skoleklasser', 'Litter picking with school classes', 'environment'],
  ['Bofællesskab for seniorer', 'Co-housing for seniors', 'housing'],
  ['Samkørsel til arbejde', 'Ride sharing to work', 'mobility'],
];
const places: [string, string][] = [
  ['i landsbyen', 'in the village'], ['i midtbyen', 'in the town centre'], ['ved havnen', 'by the harbour'], ['i yderområderne', 'in the outlying areas'],
  ['ved stationen', 'by the station'], ['i boligområdet', 'on the housing estate'], ['på landet', 'in the countryside'], ['omkring skolen', 'around the school'],
];
const problems: [string, string][] = [
  ['Bussen kørte næsten tom, mens de ældre ikke kunne komme til lægen.', 'The bus ran almost empty while older residents could not reach the doctor.'],
  ['Køkkenet stod tomt om eftermiddagen, og foreningerne manglede plads.', 'The kitchen stood empty in the afternoons while associations lacked space.'],
  ['Stier og legepladser blev kun gjort rent få gange om året.', 'Paths and playgrounds were cleaned only a few times a year.'],
  ['Mange nytilkomne kendte ingen uden for sprogskolen.', 'Many newcomers knew nobody outside the language school.'],
  ['Udgifterne til driften steg hvert år, uden at servicen blev bedre.', 'Running costs rose every year without the service getting better.'],
  ['Unge flyttede væk, fordi der ikke var boliger til dem.', 'Young people moved away because there was no housing for them.'],
  ['Naturområderne groede til, og kommunen havde ikke folk til plejen.', 'Natural areas were overgrown and the municipality had no staff to tend them.'],
  ['Borgerne følte ikke, at de blev hørt i beslutningerne.', 'Residents did not feel heard in decisions.'],
];
const approaches: [string, string][] = [
  ['Borgerne planlagde selv køreplanen sammen med trafikselskabet, og besparelsen betalte en ny bybus.', 'Residents re-planned the timetable with the transport company, and the saving paid for a new town bus.'],
  ['Frivillige og kommunale medarbejdere arbejder sammen i faste hold hver uge.', 'Volunteers and municipal staff work together in fixed teams every week.'],
  ['En lokal forening står for driften, og kommunen stiller lokaler og udstyr til rådighed.', 'A local association runs it, and the municipality provides premises and equipment.'],
  ['Vi holdt tre borgermøder, lavede en prøveperiode og evaluerede med deltagerne.', 'We held three public meetings, ran a trial period and evaluated it with the participants.'],
  ['Skolen låner nøglerne ud, og foreningerne booker køkkenet gennem platformen.', 'The school lends out the keys, and the associations book the kitchen through the platform.'],
  ['Kommunen flyttede sin rolle fra at løse opgaven til at facilitere borgernes løsning.', 'The municipality moved its role from fixing the problem to facilitating the residents’ solution.'],
];
const actorsText: [string, string][] = [
  ['Lokalrådet, en facilitator fra kommunen og tyve frivillige.', 'The local council, a facilitator from the municipality and twenty volunteers.'],
  ['Trafikselskabet, ældrerådet og pendlerne på ruten.', 'The transport company, the seniors’ council and the commuters on the route.'],
  ['Skolebestyrelsen, idrætsforeningen og kantinens personale.', 'The school board, the sports club and the canteen staff.'],
  ['Boligforeningen, beboerne og en medarbejder fra vej og park.', 'The housing association, the residents and a member of staff from roads and parks.'],
];
const contributions: [string, string][] = [
  ['Kommunen bidrog med en facilitator ti timer om ugen og materialer.', 'The municipality contributed a facilitator ten hours a week and materials.'],
  ['Kommunen stillede lokaler, forsikring og en startpulje til rådighed.', 'The municipality provided premises, insurance and a start-up fund.'],
  ['Kommunen ændrede udbuddet, så borgerne kunne byde ind på opgaven.', 'The municipality changed the tender so residents could take on the task.'],
];
const costs: [string, string][] = [
  ['Etablering omkring 50.000 kr., drift 10.000 kr. om året.', 'Set-up about DKK 50,000, running costs DKK 10,000 a year.'],
  ['Ingen ekstra udgifter; tiden blev taget fra den eksisterende ramme.', 'No extra costs; the time came from the existing budget.'],
  ['Udstyr for 120.000 kr., delvist betalt af en fond.', 'Equipment for DKK 120,000, partly paid by a foundation.'],
];
const resultsText: [string, string][] = [
  ['Besparelsen blev målt og godkendt og geninvesteret i lokalområdet.', 'The saving was measured, signed off and reinvested in the local area.'],
  ['Flere deltagere end forventet, og nye frivillige kom til hvert kvartal.', 'More participants than expected, and new volunteers joined every quarter.'],
  ['Tilfredsheden steg, og driftsudgifterne faldt det første år.', 'Satisfaction rose and running costs fell in the first year.'],
  ['Det er for tidligt at måle resultater; vi evaluerer efter et år.', 'It is too early to measure results; we will evaluate after a year.'],
];
const dos: [string, string][] = [
  ['Start småt, og lad borgerne eje løsningen.', 'Start small and let the residents own the solution.'],
  ['Aftal tidligt, hvem der gør hvad, og skriv det ned.', 'Agree early who does what, and write it down.'],
  ['Mål besparelsen fra dag ét.', 'Measure the saving from day one.'],
];
const donts: [string, string][] = [
  ['Lov ikke mere, end kommunen kan holde.', 'Do not promise more than the municipality can keep.'],
  ['Lad ikke én ildsjæl bære det hele.', 'Do not let a single enthusiast carry it all.'],
  ['Glem ikke vedligeholdelsen efter åbningen.', 'Do not forget maintenance after the opening.'],
];
const themeKeys = ['mobility', 'food', 'environment', 'culture', 'care', 'nature', 'housing', 'democracy'];
const tagKeys = ['partnership', 'professional_roles', 'quality', 'incentives', 'scaling'];

const da = (xs: [string, string][] | [string, string, string][]) => sql`${xs.map((x) => x[0])}::text[]`;
const en = (xs: [string, string][] | [string, string, string][]) => sql`${xs.map((x) => x[1])}::text[]`;
/** The element of a text[] for generate_series value g, spread by a prime so the fields vary independently. */
const pick = (arr: ReturnType<typeof da>, n: number, prime: number) => sql`(${arr})[1 + ((s.g * ${prime}) / 7 + s.g) % ${n}]`;

export const benchSlug = (i: number) => `bench-${String(i).padStart(3, '0')}`;

export async function generateNetworkBenchData(db: Database, o: NetworkBenchOptions, log: (line: string) => void): Promise<{ created: number; skipped: number }> {
  const started = Date.now();
  const per = Math.ceil(o.cases / o.municipalities);
  await db.transaction({ municipalityId: null }, async (tx) => {
    await sql`insert into municipalities (slug, name, region, inhabitants, tagline_da, tagline_en)
      select 'bench-' || lpad(g::text, 3, '0'), 'Benchmark Kommune ' || lpad(g::text, 3, '0'), 'Benchmark', 20000 + g * 100, 'Testdata til ydelsesmåling', 'Data for benchmarks'
      from generate_series(1, ${o.municipalities}::int) g
      on conflict (slug) do nothing`.execute(tx);
  });
  const municipalities = await db.transaction({ municipalityId: null }, async (tx) =>
    (await sql<{ id: number; slug: string }>`select id, slug from municipalities where slug like 'bench-%' order by slug limit ${o.municipalities}`.execute(tx)).rows,
  );
  let created = 0;
  let skipped = 0;
  const queue = municipalities.map((m, i) => ({ ...m, index: i }));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const t0 = Date.now();
      if (await fillMunicipality(db, next.id, next.index, per)) {
        created++;
        log(`${next.slug}: ${per} network cases (${Date.now() - t0} ms)`);
      } else skipped++;
    }
  };
  await Promise.all(Array.from({ length: db.kind === 'postgres' ? Math.max(1, o.jobs) : 1 }, worker));
  // A library that grew over the years has its search rows roughly in the order they were published;
  // filled municipality by municipality they are not, so they are put in that order once (as the owner).
  // Then fresh statistics for the planner, as autovacuum would make in time.
  if (created > 0) {
    log('cluster network_case_search by publication date …');
    await sql`cluster network_case_search using network_case_search_newest_idx`.execute(db.owner);
  }
  log('vacuum analyze …');
  for (const table of ['network_cases', 'network_case_search', 'network_case_facet_counts']) await sql`vacuum (analyze) ${sql.table(table)}`.execute(db.owner);
  log(`network bench data: ${created} municipalities filled, ${skipped} already there, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { created, skipped };
}

async function fillMunicipality(db: Database, m: number, index: number, n: number): Promise<boolean> {
  return db.transaction({ municipalityId: m }, async (tx) => {
    const existing = await sql<{ n: number }>`select count(*)::int as n from network_cases where municipality_id = ${m}`.execute(tx);
    if ((existing.rows[0]?.n ?? 0) >= n) return false;
    const size = ['small', 'medium', 'large'][index % 3]!;
    const S = subjects.length;
    // Languages: g % 10 in 0–4 both, 5–7 Danish only, 8–9 English only.
    await sql`insert into network_cases (municipality_id, status, published, published_at, created_at, updated_at,
        title_da, title_en, summary_da, summary_en, problem_da, problem_en, approach_da, approach_en, actors_da, actors_en,
        municipal_contribution_da, municipal_contribution_en, costs_da, costs_en, results_da, results_en, dos_da, dos_en, donts_da, donts_en,
        contact_name, municipality_size, setting, themes, tags, stated_savings_ore,
        evidence_hours, evidence_participants, evidence_savings_ore, evidence_reinvested_ore, evidence_refreshed_at)
      select ${m}, s.status, s.published, case when s.published then s.at end, s.at, s.at,
        case when s.hasda then (${da(subjects)})[1 + s.subj] || ' ' || ${pick(da(places), places.length, 3)} end,
        case when s.hasen then (${en(subjects)})[1 + s.subj] || ' ' || ${pick(en(places), places.length, 3)} end,
        case when s.hasda then ${pick(da(problems), problems.length, 5)} || ' ' || ${pick(da(approaches), approaches.length, 11)} end,
        case when s.hasen then ${pick(en(problems), problems.length, 5)} || ' ' || ${pick(en(approaches), approaches.length, 11)} end,
        case when s.hasda then ${pick(da(problems), problems.length, 5)} || ' ' || ${pick(da(problems), problems.length, 13)} end,
        case when s.hasen then ${pick(en(problems), problems.length, 5)} || ' ' || ${pick(en(problems), problems.length, 13)} end,
        case when s.hasda then ${pick(da(approaches), approaches.length, 11)} || ' ' || ${pick(da(approaches), approaches.length, 17)} end,
        case when s.hasen then ${pick(en(approaches), approaches.length, 11)} || ' ' || ${pick(en(approaches), approaches.length, 17)} end,
        case when s.hasda then ${pick(da(actorsText), actorsText.length, 19)} end,
        case when s.hasen then ${pick(en(actorsText), actorsText.length, 19)} end,
        case when s.hasda then ${pick(da(contributions), contributions.length, 23)} end,
        case when s.hasen then ${pick(en(contributions), contributions.length, 23)} end,
        case when s.hasda then ${pick(da(costs), costs.length, 29)} end,
        case when s.hasen then ${pick(en(costs), costs.length, 29)} end,
        case when s.hasda then ${pick(da(resultsText), resultsText.length, 31)} end,
        case when s.hasen then ${pick(en(resultsText), resultsText.length, 31)} end,
        case when s.hasda then ${pick(da(dos), dos.length, 37)} end,
        case when s.hasen then ${pick(en(dos), dos.length, 37)} end,
        case when s.hasda then ${pick(da(donts), donts.length, 41)} end,
        case when s.hasen then ${pick(en(donts), donts.length, 41)} end,
        case when s.g % 4 = 0 then 'Kontakt ' || s.g end,
        ${size}, (array['urban', 'rural', 'mixed'])[1 + s.g % 3],
        array(select distinct t from unnest(array[(${sql`${subjects.map((x) => x[2])}::text[]`})[1 + s.subj],
          case when s.g % 3 = 0 then (${themeKeys}::text[])[1 + (s.g / 3) % 8] end,
          case when s.g % 7 = 0 then (${themeKeys}::text[])[1 + (s.g / 7) % 8] end]) t where t is not null order by t),
        array(select distinct t from unnest(array[
          case when s.g % 2 = 0 then (${tagKeys}::text[])[1 + (s.g / 2) % 5] end,
          case when s.g % 5 < 2 then (${tagKeys}::text[])[1 + (s.g / 5) % 5] end,
          case when s.g % 11 = 0 then 'scaling' end]) t where t is not null order by t),
        case when s.g % 6 = 0 then (s.g * 7919 % 400) * 250000 end,
        case when s.measured then round(((s.g * 37) % 2000) / 4.0, 2) end,
        case when s.measured then (s.g * 13) % 120 end,
        case when s.measured then case when s.g % 5 < 3 then ((s.g * 7919) % 600 + 1) * 100000 else 0 end end,
        case when s.measured then case when s.g % 5 < 2 then ((s.g * 7919) % 600 + 1) * 40000 else 0 end end,
        case when s.measured then s.at + interval '30 days' end
      from (
        select g, g % 10 < 8 as hasda, g % 10 < 5 or g % 10 >= 8 as hasen,
          (g * 7 + ${index}) % ${S} as subj,
          (array['idea', 'running', 'running', 'running', 'running', 'proven', 'proven', 'paused', 'stopped', 'running'])[1 + (g * 3 + ${index}) % 10] as status,
          g % 33 <> 0 as published,
          g % 20 < 9 as measured,
          now() - ((g * 7919 + ${index} * 104729) % 1825) * interval '1 day' - (g % 1440) * interval '1 minute' as at
        from generate_series(1, ${n}::int) g
      ) s`.execute(tx);
    return true;
  });
}

const usage = [
  'samskab bench-data … [--cases=N]   (network part)',
  '',
  `Adds ${defaultNetworkBench.cases.toLocaleString('en')} network cases (--cases=N) across the bench municipalities (--municipalities=N,`,
  'shared with the initiatives part): varied Danish and English text, themes, tags, sizes, statuses and',
  'evidence; 97 % published. Municipalities that already have their cases are left as they are.',
].join('\n');

export function parseNetworkBenchArgs(args: string[]): NetworkBenchOptions | string {
  const o: NetworkBenchOptions = { ...defaultNetworkBench };
  for (const a of args) {
    const m = /^--(municipalities|cases|jobs)=(\d{1,9})$/.exec(a);
    if (!m) return `unknown argument ${a}`;
    o[m[1] as keyof NetworkBenchOptions] = Number(m[2]);
  }
  if (o.municipalities < 1 || o.municipalities > 999 || o.cases < o.municipalities) return 'need 1–999 municipalities and at least one case per municipality';
  return o;
}

export const networkBenchDataCommand: CliCommand = {
  name: 'bench-data',
  summary: 'network part: 100,000 practice-library cases across the bench municipalities',
  usage,
  options: ['municipalities', 'cases', 'jobs'],
  async run(args, getDeps) {
    const o = parseNetworkBenchArgs(args);
    if (typeof o === 'string') {
      process.stderr.write(`${o}\n\n${usage}\n`);
      return 2;
    }
    const deps = await getDeps();
    await generateNetworkBenchData(deps.db, o, (line) => process.stdout.write(`${line}\n`));
    return 0;
  },
};
