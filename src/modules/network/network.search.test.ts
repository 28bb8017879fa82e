// Search across the practice library on a fresh database (PGlite, or PostgreSQL with DATABASE_URL):
// stemming in both languages across language versions, facet counts checked against counts made in the
// test from every published case (both ways of counting, and after publishing, editing and
// unpublishing), stable pages, the JSON API and its OpenAPI entry, bad parameters (400, never 500), and
// the comparison of member municipalities.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createMunicipality, createPerson, type TestPerson } from '../../testing/actors.js';
import { testApp, type TestApp } from '../../testing/test-app.js';
import { activeFilters, COUNT_CAP, effectiveSort, planSearch, searchCases, type SearchFilters, type SearchRequest, type SearchResult } from './network.search.js';
import { searchQuerySchema } from './network.search.schemas.js';
import { forgetComparison, loadComparison, metricValue, perThousand, rankBy } from './network.compare.js';
import { initiative, saving, verifiedHours } from './network.testkit.js';

describe('planning a search (pure)', () => {
  test('no text and at most one filter use the kept counts; anything more counts the rows', () => {
    assert.deepEqual(planSearch({}), { counts: 'kept', anchor: { dim: 'all', val: 'all' } });
    assert.deepEqual(planSearch({ theme: 'food' }), { counts: 'kept', anchor: { dim: 'theme', val: 'food' } });
    assert.deepEqual(planSearch({ municipalityId: 7 }), { counts: 'kept', anchor: { dim: 'municipality', val: '7' } });
    assert.deepEqual(planSearch({ savings: true }), { counts: 'kept', anchor: { dim: 'savings', val: 'yes' } });
    assert.deepEqual(planSearch({ q: 'bus' }), { counts: 'rows', cap: COUNT_CAP });
    assert.deepEqual(planSearch({ theme: 'food', status: 'running' }), { counts: 'rows', cap: COUNT_CAP });
  });

  test('active filters list every facet set, in a fixed order', () => {
    const f: SearchFilters = { savings: true, status: 'proven', size: 'large', municipalityId: 3, tag: 'quality', theme: 'care' };
    assert.deepEqual(
      activeFilters(f).map((x) => `${x.dim}=${x.val}`),
      ['theme=care', 'tag=quality', 'municipality=3', 'size=large', 'status=proven', 'savings=yes'],
    );
    assert.deepEqual(activeFilters({ q: 'x' }), []);
  });

  test('relevance needs words; without them the newest come first unless evidence is asked for', () => {
    assert.equal(effectiveSort({}, undefined), 'newest');
    assert.equal(effectiveSort({}, 'relevance'), 'newest');
    assert.equal(effectiveSort({}, 'evidence'), 'evidence');
    assert.equal(effectiveSort({ q: 'bus' }, undefined), 'relevance');
    assert.equal(effectiveSort({ q: 'bus' }, 'newest'), 'newest');
  });

  test('the parameters: empty means no filter; anything else off the lists is refused with its own message', () => {
    const ok = searchQuerySchema.parse({ q: '  bus  ', theme: '', tag: 'quality', page: '3', savings: 'yes', sort: 'evidence', utm_source: 'x' });
    assert.deepEqual(JSON.parse(JSON.stringify(ok)), { q: 'bus', tag: 'quality', savings: 'yes', sort: 'evidence', page: 3 });
    assert.equal(searchQuerySchema.parse({ q: '   ' }).q, undefined);
    const bad: [Record<string, string>, string][] = [
      [{ theme: 'sport' }, 'network.search.error.theme'],
      [{ tag: 'money' }, 'network.search.error.tag'],
      [{ size: 'huge' }, 'network.search.error.size'],
      [{ status: 'done' }, 'network.search.error.status'],
      [{ savings: 'no' }, 'network.search.error.savings'],
      [{ sort: 'random' }, 'network.search.error.sort'],
      [{ page: '0' }, 'network.search.error.page'],
      [{ page: '1.5' }, 'network.search.error.page'],
      [{ page: '51' }, 'network.search.error.pageTooFar'],
      [{ municipality: 'Hedensted!' }, 'network.search.error.municipality'],
      [{ q: 'x'.repeat(201) }, 'network.search.error.q'],
    ];
    for (const [input, key] of bad) {
      const r = searchQuerySchema.safeParse(input);
      assert.equal(r.success, false, JSON.stringify(input));
      assert.equal(r.error!.issues[0]!.message, key, JSON.stringify(input));
    }
  });

  test('figures per 1,000 inhabitants, and the ranking is stable', () => {
    assert.equal(perThousand(30, 60_000), 0.5);
    assert.equal(perThousand(5, 0), 0);
    const row = (name: string, hours: number) => ({ id: 1, slug: name, name, inhabitants: 10_000, activeInitiatives: 0, volunteerHours: hours, savingsOre: 0, reinvestedOre: 0 });
    assert.equal(metricValue(row('a', 25), 'hours'), 2.5);
    assert.deepEqual(rankBy([row('b', 1), row('a', 1), row('c', 9)], 'hours', 'da').map((r) => r.name), ['c', 'a', 'b']);
  });
});

// --- On the database -----------------------------------------------------------------------------

let app: TestApp;
let alfa: number;
let beta: number;
let gamma: number;
let staff: TestPerson;
const ids: Record<string, { municipalityId: number; id: number }> = {};

interface NewCase {
  title_da?: string;
  title_en?: string;
  summary_da?: string;
  summary_en?: string;
  approach_da?: string;
  approach_en?: string;
  status?: string;
  size?: string | null;
  themes?: string[];
  tags?: string[];
  savings?: number | null;
  hours?: number | null;
  published?: boolean;
  daysAgo?: number;
}

async function addCase(mid: number, c: NewCase): Promise<{ municipalityId: number; id: number }> {
  return app.db.transaction({ municipalityId: mid, userId: staff.id }, async (tx) => {
    const published = c.published ?? true;
    const at = new Date(Date.UTC(2026, 5, 1) - (c.daysAgo ?? 0) * 86_400_000);
    const r = await sql<{ id: number }>`insert into network_cases (municipality_id, status, published, published_at, created_by,
        title_da, title_en, summary_da, summary_en, approach_da, approach_en, municipality_size, themes, tags,
        evidence_hours, evidence_savings_ore, evidence_refreshed_at)
      values (${mid}, ${c.status ?? 'running'}, ${published}, ${published ? at : null}, ${staff.id},
        ${c.title_da ?? null}, ${c.title_en ?? null}, ${c.summary_da ?? null}, ${c.summary_en ?? null}, ${c.approach_da ?? null}, ${c.approach_en ?? null},
        ${c.size === undefined ? 'small' : c.size}, ${sql.val(c.themes ?? [])}::text[], ${sql.val(c.tags ?? [])}::text[],
        ${c.hours ?? null}, ${c.savings ?? null}, ${c.hours != null || c.savings != null ? at : null})
      returning id`.execute(tx);
    return { municipalityId: mid, id: r.rows[0]!.id };
  });
}

const search = (f: Partial<SearchRequest> = {}) => {
  const req = { page: 1, pageSize: 20, ...f, sort: effectiveSort(f, f.sort) } as SearchRequest;
  return app.db.transaction({ municipalityId: null }, (tx) => searchCases(tx, req));
};
const keyOf = (x: { municipalityId: number; id: number }) => `${x.municipalityId}-${x.id}`;

/** Every published case's facet values, read independently of the search code. */
async function allPublished() {
  const r = await app.db.transaction({ municipalityId: null }, (tx) =>
    sql<{ municipality_id: number; status: string; municipality_size: string | null; evidence_savings_ore: string | null; themes: string[]; tags: string[] }>`
      select municipality_id, status, municipality_size, evidence_savings_ore, themes, tags from network_cases where published`.execute(tx),
  );
  return r.rows.map((x) => ({
    municipality: String(x.municipality_id),
    status: x.status,
    size: x.municipality_size,
    savings: Number(x.evidence_savings_ore ?? 0) > 0,
    themes: x.themes,
    tags: x.tags,
  }));
}

type Published = Awaited<ReturnType<typeof allPublished>>[number];
const matches = (c: Published, f: SearchFilters) =>
  (!f.theme || c.themes.includes(f.theme)) &&
  (!f.tag || c.tags.includes(f.tag)) &&
  (f.municipalityId === undefined || c.municipality === String(f.municipalityId)) &&
  (!f.size || c.size === f.size) &&
  (!f.status || c.status === f.status) &&
  (!f.savings || c.savings);

/** The counts the search must show, made from every published case. */
function expectedCounts(all: Published[], f: SearchFilters) {
  const set = all.filter((c) => matches(c, f));
  const count = (pred: (c: Published) => boolean) => set.filter(pred).length;
  return {
    total: set.length,
    theme: Object.fromEntries(['mobility', 'food', 'environment', 'culture', 'care', 'nature', 'housing', 'democracy'].map((v) => [v, count((c) => c.themes.includes(v))])),
    tag: Object.fromEntries(['partnership', 'professional_roles', 'quality', 'incentives', 'scaling'].map((v) => [v, count((c) => c.tags.includes(v))])),
    status: Object.fromEntries(['idea', 'running', 'proven', 'paused', 'stopped'].map((v) => [v, count((c) => c.status === v)])),
    size: Object.fromEntries(['small', 'medium', 'large'].map((v) => [v, count((c) => c.size === v)])),
    municipality: Object.fromEntries([...new Set(set.map((c) => c.municipality))].sort().map((m) => [m, count((c) => c.municipality === m)])),
    savings: count((c) => c.savings),
  };
}

function shownCounts(r: SearchResult) {
  const obj = (xs: { value: string; count: number }[]) => Object.fromEntries(xs.map((x) => [x.value, x.count]));
  return {
    total: r.total,
    theme: obj(r.facets.theme),
    tag: obj(r.facets.tag),
    status: obj(r.facets.status),
    size: obj(r.facets.size),
    municipality: Object.fromEntries(r.facets.municipality.map((x) => [x.value, x.count]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))),
    savings: r.facets.savings[0]?.count ?? 0,
  };
}

describe('searching the library', () => {
  before(async () => {
    app = await testApp();
    alfa = await createMunicipality(app.db, 'alfa', 'Alfa Kommune');
    beta = await createMunicipality(app.db, 'beta', 'Beta Kommune');
    gamma = await createMunicipality(app.db, 'gamma', 'Gamma Kommune');
    staff = await createPerson(app.db, { name: 'Sofie Stab', roles: [[alfa, 'facilitator'], [beta, 'facilitator'], [gamma, 'facilitator']] });
    ids.busDa = await addCase(alfa, {
      title_da: 'Borgerdesignet busrute',
      summary_da: 'Borgerne planlagde selv ruten, og besparelsen betalte en bybus.',
      status: 'proven', themes: ['mobility'], tags: ['partnership'], savings: 12_500_000, hours: 120, daysAgo: 3,
    });
    ids.busEn = await addCase(beta, {
      title_en: 'Town bus run by residents',
      summary_en: 'The bus ran empty most of the day, so residents redesigned it.',
      status: 'running', size: 'medium', themes: ['mobility', 'democracy'], tags: ['scaling'], hours: 40, savings: 0, daysAgo: 2,
    });
    ids.kitchen = await addCase(alfa, {
      title_da: 'Fælles skolekøkken',
      title_en: 'Shared school kitchen',
      summary_da: 'Foreningerne laver mad i skolens køkken om eftermiddagen.',
      summary_en: 'Associations cook in the school kitchen in the afternoons.',
      status: 'proven', themes: ['food', 'culture'], tags: ['partnership', 'quality'], savings: 3_000_000, hours: 10, daysAgo: 1,
    });
    ids.cleaning = await addCase(gamma, {
      title_en: 'Joint cleaning squad',
      approach_en: 'Volunteers and municipal staff clean the paths together every Tuesday.',
      status: 'running', size: 'large', themes: ['environment'], tags: ['professional_roles', 'partnership'], daysAgo: 4,
    });
    ids.draft = await addCase(alfa, { title_da: 'Hemmelig busrute i kladde', status: 'idea', themes: ['mobility'], published: false });
    // Many alike cases: equal dates (ties broken by the key) and no evidence, for the pages.
    for (let i = 0; i < 46; i++) {
      await addCase(i % 2 ? beta : gamma, {
        title_da: `Naturpleje med frivillige ${i + 1}`,
        summary_da: 'Frivillige holder engene og stierne.',
        status: i % 3 ? 'running' : 'paused', size: i % 2 ? 'medium' : 'large', themes: ['nature'], tags: i % 4 ? [] : ['incentives'], daysAgo: 10 + (i % 5),
        hours: i % 7 ? null : 5,
      });
    }
  });
  after(async () => {
    await app.close();
  });

  test('Danish stemming: "busruter" finds the Danish "busrute", never a draft', async () => {
    const r = await search({ q: 'busruter' });
    const keys = r.items.map(keyOf);
    assert.ok(keys.includes(keyOf(ids.busDa!)), 'the Danish case');
    assert.ok(!keys.includes(keyOf(ids.draft!)), 'no drafts');
    assert.equal(r.total, 1);
  });

  test('English "buses" finds the English "bus"; a Danish query finds an English-only case and the other way round', async () => {
    assert.ok((await search({ q: 'buses' })).items.map(keyOf).includes(keyOf(ids.busEn!)));
    assert.deepEqual((await search({ q: 'kitchens' })).items.map(keyOf), [keyOf(ids.kitchen!)]);
    assert.deepEqual((await search({ q: 'skolekøkken' })).items.map(keyOf), [keyOf(ids.kitchen!)]);
    assert.equal((await search({ q: 'naturplejen' })).total, 46, 'Danish definite form');
    // Danish "busser" stems to bus, which is also the English stem: it finds the English-only case.
    assert.ok((await search({ q: 'busser' })).items.map(keyOf).includes(keyOf(ids.busEn!)));
    // The cleaning squad is written only in English, and only its narrative says "volunteers".
    assert.ok((await search({ q: 'volunteer' })).items.map(keyOf).includes(keyOf(ids.cleaning!)));
    assert.equal((await search({ q: 'zebraovergang' })).total, 0);
  });

  test('relevance: a title match comes before a match in the narrative only', async () => {
    await addCase(gamma, { title_en: 'Walking group', approach_en: 'We also clean the paths once a month.', status: 'idea', themes: ['care'], daysAgo: 0 });
    const r = await search({ q: 'cleaning' });
    assert.equal(keyOf(r.items[0]!), keyOf(ids.cleaning!));
    assert.equal(r.total, 2);
  });

  test('facet counts match counts made from every published case, both ways of counting', async () => {
    const all = await allPublished();
    const cases: SearchFilters[] = [
      {}, { theme: 'mobility' }, { tag: 'partnership' }, { status: 'running' }, { size: 'medium' }, { savings: true }, { municipalityId: beta },
      { theme: 'nature', status: 'running' }, { theme: 'mobility', savings: true }, { size: 'large', tag: 'incentives', status: 'paused' },
    ];
    for (const f of cases) {
      const r = await search(f);
      assert.equal(r.countedBy, Object.keys(f).length <= 1 ? 'kept' : 'rows', JSON.stringify(f));
      assert.deepEqual(shownCounts(r), expectedCounts(all, f), JSON.stringify(f));
    }
    // A text query that matches every case counted from the rows gives the same as the kept counts.
    const everything = await search({ q: 'busrute OR bus OR køkken OR cleaning OR naturpleje OR walking' });
    assert.equal(everything.countedBy, 'rows');
    assert.deepEqual(shownCounts(everything), expectedCounts(all, {}));
  });

  test('the kept counts follow publishing, editing, unpublishing and deleting', async () => {
    const extra = await addCase(beta, { title_da: 'Delebiler', status: 'idea', size: 'small', themes: ['mobility', 'housing'], tags: ['quality'], savings: 100, published: false });
    await app.db.transaction({ municipalityId: beta }, (tx) => sql`update network_cases set published = true, published_at = now() where municipality_id = ${beta} and id = ${extra.id}`.execute(tx));
    assert.deepEqual(shownCounts(await search({})), expectedCounts(await allPublished(), {}));
    await app.db.transaction({ municipalityId: beta }, (tx) =>
      sql`update network_cases set themes = '{care}', status = 'stopped', evidence_savings_ore = 0 where municipality_id = ${beta} and id = ${extra.id}`.execute(tx),
    );
    for (const f of [{}, { theme: 'care' as const }, { status: 'stopped' as const }, { savings: true }]) assert.deepEqual(shownCounts(await search(f)), expectedCounts(await allPublished(), f));
    await app.db.transaction({ municipalityId: beta }, (tx) => sql`update network_cases set published = false, published_at = null where municipality_id = ${beta} and id = ${extra.id}`.execute(tx));
    assert.deepEqual(shownCounts(await search({ theme: 'care' })), expectedCounts(await allPublished(), { theme: 'care' }));
    await app.db.transaction({ municipalityId: beta }, (tx) => sql`update network_cases set published = true, published_at = now() where municipality_id = ${beta} and id = ${extra.id}`.execute(tx));
    await app.db.transaction({ municipalityId: beta }, (tx) => sql`delete from network_cases where municipality_id = ${beta} and id = ${extra.id}`.execute(tx));
    assert.deepEqual(shownCounts(await search({})), expectedCounts(await allPublished(), {}));
    assert.equal((await search({ q: 'delebiler' })).total, 0);
  });

  test('pages are stable: every case exactly once, in the same order each time, for every order', async () => {
    const all = await allPublished();
    for (const f of [{ sort: 'newest' as const }, { sort: 'evidence' as const }, { theme: 'nature' as const, sort: 'evidence' as const }, { q: 'frivillige', sort: 'relevance' as const }, { q: 'frivillige', status: 'running' as const }]) {
      const first = await search(f);
      const seen: string[] = [];
      const pages = Math.ceil(first.total / 20);
      for (let p = 1; p <= pages; p++) seen.push(...(await search({ ...f, page: p })).items.map(keyOf));
      assert.equal(seen.length, first.total, JSON.stringify(f));
      assert.equal(new Set(seen).size, seen.length, `no case twice: ${JSON.stringify(f)}`);
      const again: string[] = [];
      for (let p = 1; p <= pages; p++) again.push(...(await search({ ...f, page: p })).items.map(keyOf));
      assert.deepEqual(again, seen, JSON.stringify(f));
      if (!f.q && !('theme' in f)) assert.equal(seen.length, all.length);
    }
    // Evidence first: measured savings, then hours.
    const ev = (await search({ sort: 'evidence' })).items.map(keyOf);
    assert.deepEqual(ev.slice(0, 2), [keyOf(ids.busDa!), keyOf(ids.kitchen!)]);
    assert.equal(ev[2], keyOf(ids.busEn!), 'then the most hours');
    // A page past the end is empty, not an error.
    assert.deepEqual((await search({ page: 40 })).items, []);
  });

  test('the page: visitors search and filter without JavaScript; bad parameters answer 400 with the message at the field', async () => {
    const visitor = app.client();
    const res = await visitor.get('/network/cases?q=busruter');
    assert.equal(res.status, 200);
    const page = await res.text();
    assert.match(page, /Borgerdesignet busrute/);
    assert.doesNotMatch(page, /Hemmelig/);
    assert.match(page, /<option value="mobility" selected="">|<option value="mobility">Mobil/);
    const filtered = await (await visitor.get(`/network/cases?theme=nature&status=paused&municipality=gamma&sort=evidence`)).text();
    assert.match(filtered, /Naturpleje med frivillige/);
    assert.match(filtered, /Fjern filter/);
    const none = await visitor.get('/network/cases?q=zebraovergang');
    assert.equal(none.status, 200);
    assert.match(await none.text(), /Ingen praksisser passer til søgningen/);
    for (const [qs, text] of [
      ['theme=sport', 'Vælg et af netværkets temaer.'],
      ['page=0', 'Sidetallet skal være et helt tal fra 1.'],
      ['page=9999', 'Der kan højst bladres 50 sider frem.'],
      ['municipality=nowhere', 'Kommunen findes ikke.'],
      ['sort=%27%3Bdrop', 'Sortér efter relevans, evidens eller nyeste.'],
      ['savings=1', 'Filteret for målte besparelser'],
    ] as const) {
      const bad = await visitor.get(`/network/cases?${qs}`);
      assert.equal(bad.status, 400, qs);
      assert.ok((await bad.text()).includes(text), qs);
    }
  });

  test('the JSON API has the same parameters, counts and errors, and is in the OpenAPI document', async () => {
    const res = await app.fetch('/api/v1/network/cases?q=buses&lang=en');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { cases: { municipality: { slug: string }; id: number; links: { html: string } }[]; total: number; facets: { municipality: { value: string; count: number }[]; theme: { value: string; count: number }[] } };
    assert.ok(body.cases.some((c) => c.municipality.slug === 'beta' && c.id === ids.busEn!.id));
    assert.equal(body.cases[0]!.links.html.startsWith('/network/cases/'), true);
    assert.ok(body.facets.municipality.every((m) => /^[a-z]/.test(m.value)), 'municipalities by slug');
    const page = await search({ q: 'buses' });
    assert.equal(body.total, page.total);
    assert.deepEqual(body.facets.theme, page.facets.theme);
    const bad = await app.fetch('/api/v1/network/cases?size=huge&lang=en');
    assert.equal(bad.status, 400);
    assert.deepEqual(await bad.json(), { error: { status: 400, message: 'The parameter “size” is not valid: Choose small, medium or large.' } });
    const doc = (await (await app.fetch('/api/v1/openapi.json')).json()) as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    const op = doc.paths['/api/v1/network/cases']?.get;
    assert.ok(op, 'registered');
    assert.deepEqual(op.parameters?.map((p) => p.name).sort(), ['municipality', 'page', 'q', 'savings', 'size', 'sort', 'status', 'tag', 'theme']);
  });

  test('comparison: figures per 1,000 inhabitants, each read in its own municipality', async () => {
    await app.db.transaction({ municipalityId: null }, (tx) =>
      sql`update municipalities set inhabitants = case slug when 'alfa' then 20000 when 'beta' then 50000 else inhabitants end, network_member = (slug <> 'gamma') where slug in ('alfa', 'beta', 'gamma')`.execute(tx),
    );
    const resident = await createPerson(app.db, { name: 'Rita Resident', roles: [[alfa, 'resident']] });
    const iniA = await initiative(app.db, alfa, staff.id, 'Bybussen', 'active');
    await initiative(app.db, alfa, staff.id, 'Legepladsen', 'active');
    await initiative(app.db, alfa, staff.id, 'Idéen', 'idea');
    await verifiedHours(app.db, alfa, iniA, [{ userId: resident.id, minutes: 600 }], staff.id);
    await saving(app.db, alfa, iniA, 4_000_000, staff.id);
    await saving(app.db, alfa, iniA, 1_000_000, staff.id, 'reinvestment');
    const iniB = await initiative(app.db, beta, staff.id, 'Fælleshus', 'active');
    await saving(app.db, beta, iniB, 5_000_000, staff.id);
    forgetComparison(app.deps.db);
    const rows = await loadComparison(app.deps.db);
    const a = rows.find((r) => r.slug === 'alfa')!;
    const b = rows.find((r) => r.slug === 'beta')!;
    assert.equal(rows.find((r) => r.slug === 'gamma'), undefined, 'not a member');
    assert.deepEqual({ ...a, id: 0 }, { id: 0, slug: 'alfa', name: 'Alfa Kommune', inhabitants: 20000, activeInitiatives: 2, volunteerHours: 10, savingsOre: 4_000_000, reinvestedOre: 1_000_000 });
    assert.equal(metricValue(a, 'initiatives'), 0.1);
    assert.equal(metricValue(a, 'hours'), 0.5);
    assert.equal(metricValue(b, 'savings'), 100_000);
    const res = await app.client().get('/network/compare?metric=savings');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<table/);
    assert.match(html, /class="net-bars nobullet-list"/);
    assert.match(html, /<svg class="net-bar-svg"/);
    assert.ok(html.indexOf('Beta Kommune') < html.lastIndexOf('Alfa Kommune'), 'sorted by savings per 1,000');
    assert.equal((await app.client().get('/network/compare?metric=%3Cx%3E')).status, 400);
  });
});
