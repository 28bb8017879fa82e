// `samskab bench-data`: a large, realistic-looking data set for the list and search benchmark —
// by default 100 municipalities (bench-001 … bench-100), 100,000 initiatives, about 1,000,000
// comments and 1,000,000 supports — made set-based with INSERT … SELECT generate_series, one
// transaction per municipality (so row-level security applies as it does for requests).
// The municipalities, their areas and themes and the bench people are made here too, in the other
// modules' tables, because those modules offer no bulk import; everything is marked as bench data
// (slugs bench-NNN, e-mails @bench.invalid) and nothing else is touched.
import { sql } from 'kysely';
import type { Database } from '../../core/db/database.js';
import type { CliCommand } from '../../core/module.js';

export interface BenchDataOptions {
  municipalities: number;
  initiatives: number;
  /** Average comments per initiative. */
  commentsPer: number;
  /** Average supports per initiative. */
  supportsPer: number;
  people: number;
  /** Municipalities filled at once (PostgreSQL only; the embedded database runs one at a time). */
  jobs: number;
}

export const defaultBenchData: BenchDataOptions = { municipalities: 100, initiatives: 100_000, commentsPer: 10, supportsPer: 10, people: 10_000, jobs: 2 };

export const benchSlug = (i: number) => `bench-${String(i).padStart(3, '0')}`;

const daSubjects = ['Cykelsti', 'Legeplads', 'Bybus', 'Skolekøkken', 'Rengøringshold', 'Fællesspisning', 'Shelter', 'Naturpleje', 'Repair café', 'Delebil', 'Svømmehal', 'Bibliotek', 'Sti langs åen', 'Hundeskov', 'Petanquebane', 'Multibane', 'Udekøkken', 'Borgerhus', 'Busrute', 'Blomsterbed'];
const daPlaces = ['ved skolen', 'i midtbyen', 'ved havnen', 'på torvet', 'ved hallen', 'i landsbyen', 'ved stationen', 'langs stranden', 'i parken', 'ved plejecentret'];
const daProblems = [
  'Børnene cykler på en farlig vej uden cykelsti, og forældrene kører dem derfor i bil.',
  'Der er ikke noget sted, hvor familier kan mødes udendørs i weekenden.',
  'Bussen kører tom det meste af dagen, mens de ældre ikke kan komme til lægen.',
  'Køkkenet står tomt om eftermiddagen, selvom foreningerne mangler plads til fællesspisning.',
  'Stierne og legepladserne bliver kun gjort rent få gange om året.',
  'Mange nytilkomne kender ingen uden for sprogskolen og føler sig ensomme.',
  'Ting bliver smidt ud, fordi ingen ved, hvordan de repareres.',
  'Området er blevet utrygt om aftenen, fordi der mangler lys og liv.',
];
const daProposals = [
  'Frivillige og kommunens medarbejdere løser opgaven sammen, og besparelsen bruges lokalt.',
  'Borgerne bygger det selv med materialer fra kommunen og passer det bagefter.',
  'En lokal forening står for driften, og kommunen stiller lokaler og udstyr til rådighed.',
  'Vi samler underskrifter, laver en plan med kommunen og søger fonde til resten.',
  'Frivillige holder åbent to aftener om ugen, og skolen låner os nøglerne.',
];
const enSubjects = ['Bike lanes', 'Playground', 'Community kitchen', 'Cleaning squad', 'Walking group', 'Repair café', 'Car sharing', 'Library evenings', 'Community garden', 'Bus route'];
const enPlaces = ['near the school', 'in the town centre', 'by the harbour', 'in the village', 'by the station'];
const enProblems = [
  'Children cycle to school on a dangerous road without bike lanes.',
  'Families have nowhere to meet outdoors at weekends.',
  'Newcomers know nobody outside the language school and feel lonely.',
  'The bus runs empty most of the day while older residents cannot reach the doctor.',
];
const enProposals = [
  'Volunteers and municipal staff do the work together and the savings stay local.',
  'Residents build it themselves with materials from the municipality and look after it.',
  'A local association runs it, and the municipality lends premises and equipment.',
];
const daComments = ['God idé, jeg vil gerne hjælpe.', 'Hvem skal stå for vedligeholdelsen bagefter?', 'Det har vi manglet længe!', 'Kan vi også tage legepladsen med?', 'Jeg kan låne en trailer ud.', 'Husk de ældre, der ikke har bil.'];
const enComments = ['Great idea, count me in.', 'Who will maintain it afterwards?', 'We have needed this for years!', 'I can lend a trailer.'];

const arr = (xs: string[]) => sql`${xs}::text[]`;

/** Creates what is missing; a municipality that already has its initiatives is left as it is. */
export async function generateBenchData(db: Database, o: BenchDataOptions, log: (line: string) => void): Promise<{ created: number; skipped: number }> {
  const started = Date.now();
  const perMunicipality = Math.ceil(o.initiatives / o.municipalities);
  await db.transaction({ municipalityId: null }, async (tx) => {
    await sql`insert into municipalities (slug, name, region, inhabitants, tagline_da, tagline_en)
      select 'bench-' || lpad(g::text, 3, '0'), 'Benchmark Kommune ' || lpad(g::text, 3, '0'), 'Benchmark', 20000 + g * 100, 'Testdata til ydelsesmåling', 'Data for benchmarks'
      from generate_series(1, ${o.municipalities}::int) g
      on conflict (slug) do nothing`.execute(tx);
    await sql`insert into accounts_users (email, email_verified_at, display_name)
      select 'bench-' || lpad(g::text, 6, '0') || '@bench.invalid', now(), 'Bench Person ' || g
      from generate_series(1, ${o.people}::int) g
      on conflict (email) do nothing`.execute(tx);
  });
  const ids = await db.transaction({ municipalityId: null }, async (tx) => {
    const m = await sql<{ id: number; slug: string }>`select id, slug from municipalities where slug like 'bench-%' order by slug limit ${o.municipalities}`.execute(tx);
    const p = await sql<{ id: number }>`select id from accounts_users where email like 'bench-%@bench.invalid' order by id limit ${o.people}`.execute(tx);
    return { municipalities: m.rows, people: p.rows.map((r) => r.id) };
  });
  log(`municipalities and ${ids.people.length} people ready (${Date.now() - started} ms)`);

  let created = 0;
  let skipped = 0;
  const queue = [...ids.municipalities];
  const jobs = db.kind === 'postgres' ? Math.max(1, o.jobs) : 1;
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const t0 = Date.now();
      const made = await fillMunicipality(db, next.id, perMunicipality, ids.people, o);
      if (made) {
        created++;
        log(`${next.slug}: ${perMunicipality} initiatives with comments and supports (${Date.now() - t0} ms)`);
      } else skipped++;
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  // As autovacuum would in time: fresh statistics for the planner, and a visibility map so counts can be
  // answered from the indexes alone.
  log('vacuum analyze …');
  for (const table of ['initiatives', 'initiatives_comments', 'initiatives_supports', 'initiatives_events', 'initiatives_members']) {
    await sql`vacuum (analyze) ${sql.table(table)}`.execute(db.owner);
  }
  log(`bench data: ${created} municipalities filled, ${skipped} already there, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { created, skipped };
}

async function fillMunicipality(db: Database, m: number, n: number, people: number[], o: BenchDataOptions): Promise<boolean> {
  return db.transaction({ municipalityId: m }, async (tx) => {
    const existing = await sql<{ n: number }>`select count(*)::int as n from initiatives where municipality_id = ${m}`.execute(tx);
    if ((existing.rows[0]?.n ?? 0) >= n) return false;
    await sql`insert into municipalities_areas (municipality_id, name, kind, inhabitants)
      select ${m}, 'Bench område ' || g, case when g <= 2 then 'town' else 'village' end, 500 * g from generate_series(1, 8) g
      on conflict (municipality_id, lower(name)) do nothing`.execute(tx);
    await sql`insert into municipalities_themes (municipality_id, key, name_da, name_en) values
      (${m}, 'mobility', 'Mobilitet og transport', 'Mobility and transport'), (${m}, 'community-spaces', 'Fællesskaber og lokaler', 'Community spaces'),
      (${m}, 'environment', 'Natur og miljø', 'Nature and environment'), (${m}, 'health-care', 'Sundhed og omsorg', 'Health and care'),
      (${m}, 'culture', 'Kultur og fritid', 'Culture and leisure')
      on conflict (municipality_id, key) do nothing`.execute(tx);
    const areaIds = (await sql<{ id: number }>`select id from municipalities_areas where municipality_id = ${m} order by id`.execute(tx)).rows.map((r) => r.id);
    const themeIds = (await sql<{ id: number }>`select id from municipalities_themes where municipality_id = ${m} order by id`.execute(tx)).rows.map((r) => r.id);
    const peopleArr = sql`${people}::bigint[]`;
    const P = people.length;
    // One in five is written in English. States cycle through all nine; ages spread over three years.
    await sql`insert into initiatives (municipality_id, title, problem, proposal, lang, area_id, theme_id, state, paused_from, facilitator_id,
        decline_reason, decline_reason_lang, outcomes, outcomes_lang, agreement_version, review_date, created_by, created_at, state_changed_at, last_activity_at)
      select ${m},
        case when s.en then (${arr(enSubjects)})[1 + s.g % ${enSubjects.length}] || ' ' || (${arr(enPlaces)})[1 + (s.g / 7) % ${enPlaces.length}] || ' #' || s.g
             else (${arr(daSubjects)})[1 + s.g % ${daSubjects.length}] || ' ' || (${arr(daPlaces)})[1 + (s.g / 7) % ${daPlaces.length}] || ' #' || s.g end,
        case when s.en then (${arr(enProblems)})[1 + (s.g / 3) % ${enProblems.length}] || ' ' || (${arr(enProblems)})[1 + (s.g / 11) % ${enProblems.length}]
             else (${arr(daProblems)})[1 + (s.g / 3) % ${daProblems.length}] || ' ' || (${arr(daProblems)})[1 + (s.g / 11) % ${daProblems.length}] end,
        case when s.en then (${arr(enProposals)})[1 + (s.g / 5) % ${enProposals.length}] else (${arr(daProposals)})[1 + (s.g / 5) % ${daProposals.length}] end,
        case when s.en then 'en' else 'da' end,
        case when s.g % 9 = 0 then null else (${areaIds}::int[])[1 + s.g % ${areaIds.length}] end,
        (${themeIds}::int[])[1 + (s.g / 2) % ${themeIds.length}],
        s.state,
        case when s.state = 'paused' then 'active' end,
        case when s.state in ('in_dialogue', 'agreed', 'active', 'completed', 'evaluated', 'paused') then (${peopleArr})[1 + (s.g * 3) % ${P}] end,
        case when s.state = 'declined' then 'Kommunen kan ikke løfte opgaven i år.' end,
        case when s.state = 'declined' then 'da' end,
        case when s.state = 'evaluated' then 'Initiativet nåede sine mål, og erfaringerne deles med andre kommuner.' end,
        case when s.state = 'evaluated' then 'da' end,
        null,
        case when s.state in ('agreed', 'active', 'paused') then (current_date + ((s.g % 120) - 30))::date end,
        (${peopleArr})[1 + (s.g * 7) % ${P}],
        s.created, s.created + (s.g % 30) * interval '1 day', s.created + (s.g % 30) * interval '1 day'
      from (
        select g, g % 5 = 0 as en,
          (array['idea', 'open_for_support', 'in_dialogue', 'agreed', 'active', 'completed', 'evaluated', 'declined', 'paused'])[1 + (g * 7) % 9] as state,
          now() - ((g * 7919) % 1095) * interval '1 day' - (g % 1440) * interval '1 minute' as created
        from generate_series(1, ${n}::int) g
      ) s`.execute(tx);
    await sql`insert into initiatives_members (municipality_id, initiative_id, user_id, role)
      select municipality_id, id, created_by, 'owner' from initiatives where municipality_id = ${m} and created_by is not null
      on conflict do nothing`.execute(tx);
    await sql`insert into initiatives_events (municipality_id, initiative_id, kind, to_state, actor_id, created_at)
      select municipality_id, id, 'proposed', 'idea', created_by, created_at from initiatives where municipality_id = ${m}`.execute(tx);
    await sql`insert into initiatives_events (municipality_id, initiative_id, kind, from_state, to_state, actor_id, created_at)
      select municipality_id, id, 'state_changed', 'idea', state, facilitator_id, state_changed_at from initiatives where municipality_id = ${m} and state <> 'idea'`.execute(tx);
    // Comments: 0 … 2×average per initiative (mean = average), by people picked evenly.
    const spread = Math.max(1, o.commentsPer * 2 + 1);
    await sql`insert into initiatives_comments (municipality_id, initiative_id, author_id, body, lang, created_at)
      select i.municipality_id, i.id, (${peopleArr})[1 + (i.id * 31 + k * 17) % ${P}],
        case when i.lang = 'en' then (${arr(enComments)})[1 + (i.id + k) % ${enComments.length}] else (${arr(daComments)})[1 + (i.id + k) % ${daComments.length}] end,
        i.lang, i.created_at + k * interval '5 hours'
      from initiatives i cross join lateral generate_series(1, (i.id * 37) % ${spread}) k
      where i.municipality_id = ${m}`.execute(tx);
    const supportSpread = Math.max(1, o.supportsPer * 2 + 1);
    await sql`insert into initiatives_supports (municipality_id, initiative_id, user_id, created_at)
      select i.municipality_id, i.id, (${peopleArr})[1 + (i.id * 7 + k * 101) % ${P}], i.created_at + k * interval '1 hour'
      from initiatives i cross join lateral generate_series(1, (i.id * 13) % ${supportSpread}) k
      where i.municipality_id = ${m} and i.state <> 'idea'
      on conflict do nothing`.execute(tx);
    // The kept counts, and recent activity from the comments.
    await sql`update initiatives i set support_count = s.n from (
        select initiative_id, count(*)::int as n from initiatives_supports where municipality_id = ${m} group by initiative_id) s
      where i.municipality_id = ${m} and i.id = s.initiative_id`.execute(tx);
    await sql`update initiatives i set comment_count = c.n, last_activity_at = greatest(i.last_activity_at, c.last) from (
        select initiative_id, count(*)::int as n, max(created_at) as last from initiatives_comments where municipality_id = ${m} group by initiative_id) c
      where i.municipality_id = ${m} and i.id = c.initiative_id`.execute(tx);
    return true;
  });
}

const usage = [
  'samskab bench-data [--municipalities=N] [--initiatives=N] [--comments-per=N] [--supports-per=N] [--people=N] [--jobs=N]',
  '',
  'Fills the database (DATABASE_URL, or the embedded one) with benchmark data: municipalities',
  'bench-001 … bench-NNN with areas and themes, people bench-NNNNNN@bench.invalid (no password, cannot sign',
  'in), and per municipality initiatives in every state with comments, supports and a timeline.',
  `Defaults: ${defaultBenchData.municipalities} municipalities, ${defaultBenchData.initiatives} initiatives, ${defaultBenchData.commentsPer} comments and ${defaultBenchData.supportsPer} supports per initiative`,
  `on average (about 1,000,000 of each), ${defaultBenchData.people} people, ${defaultBenchData.jobs} municipalities at once.`,
  'Run it again and it only fills what is missing. On PostgreSQL it takes a minute or two; the embedded',
  'database works but is much slower. Used by `npm run bench` (bench/initiatives.bench.ts).',
].join('\n');

export function parseBenchDataArgs(args: string[]): BenchDataOptions | string {
  const o: BenchDataOptions = { ...defaultBenchData };
  const names: Record<string, keyof BenchDataOptions> = {
    municipalities: 'municipalities',
    initiatives: 'initiatives',
    'comments-per': 'commentsPer',
    'supports-per': 'supportsPer',
    people: 'people',
    jobs: 'jobs',
  };
  for (const a of args) {
    const m = /^--([a-z-]+)=(\d{1,9})$/.exec(a);
    const key = m ? names[m[1]!] : undefined;
    if (!m || !key) return `unknown argument ${a}`;
    o[key] = Number(m[2]);
  }
  if (o.municipalities < 1 || o.municipalities > 999 || o.people < 1 || o.initiatives < o.municipalities) return 'need 1–999 municipalities, at least one person and one initiative per municipality';
  return o;
}

export const benchDataCommand: CliCommand = {
  name: 'bench-data',
  summary: 'fill the database with benchmark data (100 municipalities, 100,000 initiatives, ~1,000,000 comments)',
  usage,
  options: ['municipalities', 'initiatives', 'comments-per', 'supports-per', 'people', 'jobs'],
  async run(args, getDeps) {
    const o = parseBenchDataArgs(args);
    if (typeof o === 'string') {
      process.stderr.write(`${o}\n\n${usage}\n`);
      return 2;
    }
    const deps = await getDeps();
    await generateBenchData(deps.db, o, (line) => process.stdout.write(`${line}\n`));
    return 0;
  },
};
