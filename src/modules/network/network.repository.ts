// SQL of the practice library. Knows nothing of permissions. Cases, adoptions and comments are readable
// in any transaction (select policy `using (true)`); writes need a transaction scoped to the owning
// municipality (cases, moderation), the adopting municipality (adoptions) or the person (comments, follows).
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import {
  caseTextFields,
  type Adoption,
  type Bilingual,
  type Case,
  type CaseComment,
  type CaseFields,
  type CaseRef,
  type CaseStatus,
  type CaseSummary,
  type CaseTag,
  type CaseTextField,
  type CaseTheme,
  type Evidence,
  type MunicipalitySize,
  type Setting,
  type TextLang,
} from './network.types.js';

/** The column stem of each text field: `<stem>_da` and `<stem>_en`. */
export const textColumn: Record<CaseTextField, string> = {
  title: 'title',
  summary: 'summary',
  problem: 'problem',
  context: 'context',
  approach: 'approach',
  actors: 'actors',
  municipalContribution: 'municipal_contribution',
  costs: 'costs',
  results: 'results',
  dos: 'dos',
  donts: 'donts',
};

type Row = Record<string, unknown>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function bilingual(r: Row, stem: string): Bilingual {
  return { da: (r[`${stem}_da`] as string | null) ?? null, en: (r[`${stem}_en`] as string | null) ?? null };
}

/** text[] comes back as an array from node-postgres and PGlite alike; tolerate the literal form too. */
function textArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string' && v.startsWith('{')) return v.slice(1, -1).split(',').filter(Boolean);
  return [];
}

function toCase(r: Row): Case {
  const text = {} as Record<CaseTextField, Bilingual>;
  for (const f of caseTextFields) text[f] = bilingual(r, textColumn[f]);
  const refreshed = r.evidence_refreshed_at as Date | null;
  return {
    municipalityId: r.municipality_id as number,
    id: r.id as number,
    municipalityName: r.municipality_name as string,
    municipalitySlug: r.municipality_slug as string,
    initiativeId: (r.initiative_id as number | null) ?? null,
    status: r.status as CaseStatus,
    published: r.published as boolean,
    publishedAt: (r.published_at as Date | null) ?? null,
    createdBy: num(r.created_by),
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    text,
    contactName: (r.contact_name as string | null) ?? null,
    contactEmail: (r.contact_email as string | null) ?? null,
    municipalitySize: (r.municipality_size as MunicipalitySize | null) ?? null,
    setting: (r.setting as Setting | null) ?? null,
    themes: textArray(r.themes) as CaseTheme[],
    tags: textArray(r.tags) as CaseTag[],
    statedSavingsOre: num(r.stated_savings_ore),
    evidence: refreshed
      ? {
          hours: Number(r.evidence_hours ?? 0),
          participants: Number(r.evidence_participants ?? 0),
          savingsOre: Number(r.evidence_savings_ore ?? 0),
          reinvestedOre: Number(r.evidence_reinvested_ore ?? 0),
          refreshedAt: refreshed,
        }
      : null,
  };
}

function toSummary(r: Row): CaseSummary {
  return {
    municipalityId: r.municipality_id as number,
    id: r.id as number,
    municipalityName: r.municipality_name as string,
    municipalitySlug: r.municipality_slug as string,
    title: bilingual(r, 'title'),
    summary: bilingual(r, 'summary'),
    status: r.status as CaseStatus,
    themes: textArray(r.themes) as CaseTheme[],
    publishedAt: (r.published_at as Date | null) ?? null,
    adoptionCount: Number(r.adoption_count ?? 0),
    evidenceHours: r.evidence_refreshed_at ? Number(r.evidence_hours ?? 0) : null,
    evidenceSavingsOre: r.evidence_refreshed_at ? Number(r.evidence_savings_ore ?? 0) : null,
  };
}

export async function findCase(e: Executor, ref: CaseRef): Promise<Case | null> {
  const r = await sql<Row>`select c.*, m.name as municipality_name, m.slug as municipality_slug
    from network_cases c join municipalities m on m.id = c.municipality_id
    where c.municipality_id = ${ref.municipalityId} and c.id = ${ref.id}`.execute(e);
  return r.rows[0] ? toCase(r.rows[0]) : null;
}

export async function findCaseByInitiative(e: Executor, municipalityId: number, initiativeId: number): Promise<Case | null> {
  const r = await sql<Row>`select c.*, m.name as municipality_name, m.slug as municipality_slug
    from network_cases c join municipalities m on m.id = c.municipality_id
    where c.municipality_id = ${municipalityId} and c.initiative_id = ${initiativeId}`.execute(e);
  return r.rows[0] ? toCase(r.rows[0]) : null;
}

const summaryColumns = sql`c.municipality_id, c.id, m.name as municipality_name, m.slug as municipality_slug,
  c.title_da, c.title_en, c.summary_da, c.summary_en, c.status, c.themes, c.published_at,
  c.evidence_hours, c.evidence_savings_ore, c.evidence_refreshed_at,
  (select count(*) from network_adoptions a where a.case_municipality_id = c.municipality_id and a.case_id = c.id) as adoption_count`;

/** The newest published cases across the network. */
export async function listNewestCases(e: Executor, limit: number): Promise<CaseSummary[]> {
  const r = await sql<Row>`select ${summaryColumns}
    from network_cases c join municipalities m on m.id = c.municipality_id
    where c.published order by c.published_at desc, c.municipality_id, c.id limit ${limit}`.execute(e);
  return r.rows.map(toSummary);
}

/** Published cases adopted most often (at least once). */
export async function listMostAdoptedCases(e: Executor, limit: number): Promise<CaseSummary[]> {
  const r = await sql<Row>`select ${summaryColumns}
    from network_cases c join municipalities m on m.id = c.municipality_id
    join (select case_municipality_id, case_id, count(*) as n from network_adoptions group by 1, 2) t
      on t.case_municipality_id = c.municipality_id and t.case_id = c.id
    where c.published order by t.n desc, c.published_at desc, c.municipality_id, c.id limit ${limit}`.execute(e);
  return r.rows.map(toSummary);
}

/** A municipality's own cases, drafts included (for its staff). */
export async function listCasesOfMunicipality(e: Executor, municipalityId: number): Promise<CaseSummary[]> {
  const r = await sql<Row>`select ${summaryColumns}
    from network_cases c join municipalities m on m.id = c.municipality_id
    where c.municipality_id = ${municipalityId} order by c.updated_at desc, c.id desc`.execute(e);
  return r.rows.map(toSummary);
}

export async function countPublishedCases(e: Executor): Promise<{ cases: number; municipalities: number; adoptions: number }> {
  const r = await sql<{ cases: number; municipalities: number; adoptions: number }>`select
    (select count(*) from network_cases where published) as cases,
    (select count(distinct municipality_id) from network_cases where published) as municipalities,
    (select count(*) from network_adoptions) as adoptions`.execute(e);
  const row = r.rows[0]!;
  return { cases: Number(row.cases), municipalities: Number(row.municipalities), adoptions: Number(row.adoptions) };
}

function fieldValues(f: CaseFields): Row {
  const v: Row = {};
  for (const k of caseTextFields) {
    v[`${textColumn[k]}_da`] = f.text[k].da;
    v[`${textColumn[k]}_en`] = f.text[k].en;
  }
  v.status = f.status;
  v.contact_name = f.contactName;
  v.contact_email = f.contactEmail;
  v.municipality_size = f.municipalitySize;
  v.setting = f.setting;
  v.themes = sql`${sql.val(f.themes)}::text[]`;
  v.tags = sql`${sql.val(f.tags)}::text[]`;
  v.stated_savings_ore = f.statedSavingsOre;
  return v;
}

export async function insertCase(
  e: Executor,
  municipalityId: number,
  f: CaseFields,
  meta: { initiativeId: number | null; published: boolean; createdBy: number | null; at?: Date },
): Promise<number> {
  const at = meta.at ?? new Date();
  const r = await e
    .insertInto('network_cases')
    .values({
      municipality_id: municipalityId,
      ...fieldValues(f),
      initiative_id: meta.initiativeId,
      published: meta.published,
      published_at: meta.published ? at : null,
      created_by: meta.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id as number;
}

export async function updateCase(e: Executor, ref: CaseRef, f: CaseFields): Promise<boolean> {
  const r = await e
    .updateTable('network_cases')
    .set({ ...fieldValues(f), updated_at: sql`now()` })
    .where('municipality_id', '=', ref.municipalityId)
    .where('id', '=', ref.id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setPublished(e: Executor, ref: CaseRef, published: boolean): Promise<void> {
  await sql`update network_cases set published = ${published},
      published_at = case when ${published} then coalesce(published_at, now()) else null end, updated_at = now()
    where municipality_id = ${ref.municipalityId} and id = ${ref.id}`.execute(e);
}

export async function setEvidence(e: Executor, ref: CaseRef, ev: Evidence, at: Date = new Date()): Promise<void> {
  await sql`update network_cases set evidence_hours = ${ev.hours}, evidence_participants = ${ev.participants},
      evidence_savings_ore = ${ev.savingsOre}, evidence_reinvested_ore = ${ev.reinvestedOre}, evidence_refreshed_at = ${at}
    where municipality_id = ${ref.municipalityId} and id = ${ref.id}`.execute(e);
}

/** Cases with an initiative behind them, per municipality: what `refresh-evidence` walks. */
export async function listCasesWithInitiative(e: Executor): Promise<{ municipalityId: number; id: number; initiativeId: number }[]> {
  const r = await sql<{ municipality_id: number; id: number; initiative_id: number }>`select municipality_id, id, initiative_id
    from network_cases where initiative_id is not null order by municipality_id, id`.execute(e);
  return r.rows.map((x) => ({ municipalityId: x.municipality_id, id: x.id, initiativeId: x.initiative_id }));
}

// Adoptions

function toAdoption(r: Row): Adoption {
  return {
    municipalityId: r.municipality_id as number,
    id: r.id as number,
    municipalityName: r.municipality_name as string,
    municipalitySlug: r.municipality_slug as string,
    caseMunicipalityId: r.case_municipality_id as number,
    caseId: r.case_id as number,
    initiativeId: r.initiative_id as number,
    adoptedBy: num(r.adopted_by),
    adoptedAt: r.adopted_at as Date,
  };
}

export async function listAdoptions(e: Executor, ref: CaseRef): Promise<Adoption[]> {
  const r = await sql<Row>`select a.*, m.name as municipality_name, m.slug as municipality_slug
    from network_adoptions a join municipalities m on m.id = a.municipality_id
    where a.case_municipality_id = ${ref.municipalityId} and a.case_id = ${ref.id}
    order by a.adopted_at, a.municipality_id`.execute(e);
  return r.rows.map(toAdoption);
}

export async function findAdoption(e: Executor, adopterId: number, ref: CaseRef): Promise<Adoption | null> {
  const r = await sql<Row>`select a.*, m.name as municipality_name, m.slug as municipality_slug
    from network_adoptions a join municipalities m on m.id = a.municipality_id
    where a.municipality_id = ${adopterId} and a.case_municipality_id = ${ref.municipalityId} and a.case_id = ${ref.id}`.execute(e);
  return r.rows[0] ? toAdoption(r.rows[0]) : null;
}

/** The case an initiative was adopted from, if it was. */
export async function findAdoptionOfInitiative(e: Executor, municipalityId: number, initiativeId: number): Promise<Adoption | null> {
  const r = await sql<Row>`select a.*, m.name as municipality_name, m.slug as municipality_slug
    from network_adoptions a join municipalities m on m.id = a.municipality_id
    where a.municipality_id = ${municipalityId} and a.initiative_id = ${initiativeId}`.execute(e);
  return r.rows[0] ? toAdoption(r.rows[0]) : null;
}

/** Inserts the adoption unless this municipality already adopted the case; returns the id and whether it is new. */
export async function insertAdoption(
  e: Executor,
  a: { municipalityId: number; caseRef: CaseRef; initiativeId: number; adoptedBy: number | null; at?: Date },
): Promise<number | null> {
  const r = await sql<{ id: number }>`insert into network_adoptions (municipality_id, case_municipality_id, case_id, initiative_id, adopted_by, adopted_at)
    values (${a.municipalityId}, ${a.caseRef.municipalityId}, ${a.caseRef.id}, ${a.initiativeId}, ${a.adoptedBy}, ${a.at ?? new Date()})
    on conflict (municipality_id, case_municipality_id, case_id) do nothing returning id`.execute(e);
  return r.rows[0]?.id ?? null;
}

// Comments and follows

export async function listComments(e: Executor, ref: CaseRef): Promise<CaseComment[]> {
  const r = await sql<Row>`select c.id, c.author_id, u.display_name, c.body, c.lang, c.created_at
    from network_case_comments c join accounts_users u on u.id = c.author_id
    where c.municipality_id = ${ref.municipalityId} and c.case_id = ${ref.id} and c.hidden_at is null
    order by c.created_at, c.id`.execute(e);
  return r.rows.map((x) => ({
    id: x.id as number,
    authorId: Number(x.author_id),
    authorName: x.display_name as string,
    body: x.body as string,
    lang: x.lang as TextLang,
    createdAt: x.created_at as Date,
  }));
}

export async function insertComment(e: Executor, ref: CaseRef, authorId: number, body: string, lang: TextLang): Promise<number> {
  const r = await sql<{ id: number }>`insert into network_case_comments (municipality_id, case_id, author_id, body, lang)
    values (${ref.municipalityId}, ${ref.id}, ${authorId}, ${body}, ${lang}) returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function isFollowing(e: Executor, ref: CaseRef, userId: number): Promise<boolean> {
  const r = await sql`select 1 from network_case_follows
    where municipality_id = ${ref.municipalityId} and case_id = ${ref.id} and user_id = ${userId}`.execute(e);
  return r.rows.length > 0;
}

export async function setFollowing(e: Executor, ref: CaseRef, userId: number, follow: boolean): Promise<void> {
  if (follow) {
    await sql`insert into network_case_follows (municipality_id, case_id, user_id) values (${ref.municipalityId}, ${ref.id}, ${userId})
      on conflict do nothing`.execute(e);
  } else {
    await sql`delete from network_case_follows where municipality_id = ${ref.municipalityId} and case_id = ${ref.id} and user_id = ${userId}`.execute(e);
  }
}

/** Followers of a case; readable in a transaction scoped to the case's municipality. */
export async function listFollowerIds(e: Executor, ref: CaseRef): Promise<number[]> {
  const r = await sql<{ user_id: number }>`select user_id from network_case_follows
    where municipality_id = ${ref.municipalityId} and case_id = ${ref.id}`.execute(e);
  return r.rows.map((x) => Number(x.user_id));
}
