// Demo practice library: cases published from the demo initiatives (with live evidence), narrative
// cases in Danish and English, adoptions between the three demo municipalities and a short
// discussion. Idempotent: a case is found again by its initiative or its title, an adoption by its
// (adopter, case) key, comments only when the case has none.
import { sql } from 'kysely';
import type { AppDeps } from '../../core/http/context.js';
import type { Executor } from '../../core/db/database.js';
import { findPersonByEmail } from '../accounts/index.js';
import { createDraftInitiativeFromPractice, initiativeForPractice, listInitiativeHeadlines } from '../initiatives/index.js';
import { loadMunicipality, type Municipality } from '../municipalities/index.js';
import { draftText } from './commands/adopt-case.js';
import { caseFieldsFromInitiative } from './commands/publish-initiative.js';
import { refreshCaseEvidenceIn } from './network.evidence.js';
import { findAdoption, findAdoptionOfInitiative, findCase, findCaseByInitiative, insertAdoption, insertCase, insertComment, listComments, setFollowing } from './network.repository.js';
import { fromInitiatives, municipalityProfile, narrativeCases, seedAdoptions, type SeedCase, type SeedText } from './network.seed-data.js';
import { caseTextFields, type Bilingual, type CaseFields, type CaseRef, type CaseTextField } from './network.types.js';
import { caseUrl } from './network.urls.js';

type Slug = SeedCase['slug'];
const slugs: Slug[] = ['hedensted', 'lemvig', 'odder'];
const DAY = 86_400_000;

function applyText(fields: CaseFields, lang: 'da' | 'en', t: Partial<SeedText> | undefined): void {
  if (!t) return;
  for (const [k, v] of Object.entries(t)) if (v && (caseTextFields as readonly string[]).includes(k)) fields.text[k as CaseTextField][lang] = v;
}

function emptyText(): Record<CaseTextField, Bilingual> {
  const text = {} as Record<CaseTextField, Bilingual>;
  for (const f of caseTextFields) text[f] = { da: null, en: null };
  return text;
}

async function initiativeByTitle(tx: Executor, mid: number, start: string): Promise<number | null> {
  const all = await listInitiativeHeadlines(tx, mid, 1000);
  const idea = await sql<{ id: number; title: string }>`select id, title from initiatives where municipality_id = ${mid} and state = 'idea' and title like ${`${start}%`} order by id limit 1`.execute(tx);
  return all.find((i) => i.title.startsWith(start))?.id ?? idea.rows[0]?.id ?? null;
}

async function caseByTitle(tx: Executor, mid: number, title: string): Promise<number | null> {
  const r = await sql<{ id: number }>`select id from network_cases where municipality_id = ${mid} and (title_da = ${title} or title_en = ${title}) order by id limit 1`.execute(tx);
  return r.rows[0]?.id ?? null;
}

export async function seedNetwork(deps: AppDeps, log: (line: string) => void): Promise<void> {
  const ms = new Map<Slug, Municipality>();
  const staff = new Map<Slug, number>();
  const members = new Map<Slug, number>();
  for (const slug of slugs) {
    const m = await loadMunicipality(deps, slug);
    if (!m) continue;
    const people = await deps.db.transaction({ municipalityId: m.id }, async (tx) => ({
      facilitator: await findPersonByEmail(tx, `facilitator@${slug}.samskab.dk`),
      member: await findPersonByEmail(tx, `netvaerk@${slug}.samskab.dk`),
    }));
    if (!people.facilitator) continue;
    ms.set(slug, m);
    staff.set(slug, people.facilitator.id);
    if (people.member) members.set(slug, people.member.id);
  }
  if (ms.size === 0) return;
  const now = Date.now();
  let created = 0;

  for (const f of fromInitiatives) {
    const m = ms.get(f.slug);
    if (!m) continue;
    const made = await deps.db.transaction({ municipalityId: m.id, userId: staff.get(f.slug)! }, async (tx) => {
      const iniId = await initiativeByTitle(tx, m.id, f.titleStartsWith);
      if (iniId === null) return false;
      const existing = await findCaseByInitiative(tx, m.id, iniId);
      if (existing) {
        await refreshCaseEvidenceIn(tx, existing, iniId);
        return false;
      }
      const ini = (await initiativeForPractice(tx, m.id, iniId))!;
      const fields = caseFieldsFromInitiative(ini);
      applyText(fields, 'da', f.da);
      applyText(fields, 'en', f.en);
      fields.themes = f.themes;
      fields.tags = f.tags;
      fields.statedSavingsOre = f.statedSavingsKr === undefined ? null : f.statedSavingsKr * 100;
      fields.municipalitySize = municipalityProfile[f.slug].size;
      fields.setting = municipalityProfile[f.slug].setting;
      const id = await insertCase(tx, m.id, fields, { initiativeId: iniId, published: true, createdBy: staff.get(f.slug)!, at: new Date(now - f.age * DAY) });
      await refreshCaseEvidenceIn(tx, { municipalityId: m.id, id }, iniId);
      return true;
    });
    if (made) created++;
  }

  for (const c of narrativeCases) {
    const m = ms.get(c.slug);
    if (!m) continue;
    const key = c.da?.title ?? c.en!.title;
    const made = await deps.db.transaction({ municipalityId: m.id, userId: staff.get(c.slug)! }, async (tx) => {
      if ((await caseByTitle(tx, m.id, key)) !== null) return false;
      const fields: CaseFields = {
        text: emptyText(),
        status: c.status,
        contactName: null,
        contactEmail: null,
        municipalitySize: municipalityProfile[c.slug].size,
        setting: municipalityProfile[c.slug].setting,
        themes: c.themes,
        tags: c.tags,
        statedSavingsOre: c.statedSavingsKr === undefined ? null : c.statedSavingsKr * 100,
      };
      applyText(fields, 'da', c.da);
      applyText(fields, 'en', c.en);
      await insertCase(tx, m.id, fields, { initiativeId: null, published: true, createdBy: staff.get(c.slug)!, at: new Date(now - c.age * DAY) });
      return true;
    });
    if (made) created++;
  }

  let adopted = 0;
  for (const a of seedAdoptions) {
    const from = ms.get(a.case.slug);
    const into = ms.get(a.into);
    if (!from || !into) continue;
    const ref = await deps.db.transaction({ municipalityId: from.id }, async (tx): Promise<CaseRef | null> => {
      if (a.case.titleStartsWith) {
        const ini = await initiativeByTitle(tx, from.id, a.case.titleStartsWith);
        const c = ini === null ? null : await findCaseByInitiative(tx, from.id, ini);
        return c ? { municipalityId: from.id, id: c.id } : null;
      }
      const id = await caseByTitle(tx, from.id, a.case.title!);
      return id === null ? null : { municipalityId: from.id, id };
    });
    if (!ref) continue;
    const adopter = staff.get(a.into)!;
    const made = await deps.db.transaction({ municipalityId: into.id, userId: adopter }, async (tx) => {
      if (await findAdoption(tx, into.id, ref)) return false;
      const at = new Date(now - a.age * DAY);
      let initiativeId: number | null = null;
      if (a.initiativeTitleStartsWith) {
        initiativeId = await initiativeByTitle(tx, into.id, a.initiativeTitleStartsWith);
        if (initiativeId !== null && (await findAdoptionOfInitiative(tx, into.id, initiativeId))) initiativeId = null;
      }
      if (initiativeId === null) {
        const c = (await findCase(tx, ref))!;
        const text = draftText(c, 'da');
        const draft = await createDraftInitiativeFromPractice(tx, {
          municipalityId: into.id,
          actorId: adopter,
          ...text,
          note: deps.catalog.format(text.lang, 'network.adopt.note', { title: text.title, municipality: from.name, url: caseUrl(ref) }),
          creationKey: seedKey(into.id, ref),
        });
        initiativeId = draft.id;
      }
      return (await insertAdoption(tx, { municipalityId: into.id, caseRef: ref, initiativeId, adoptedBy: adopter, at })) !== null;
    });
    if (made) adopted++;
  }

  // A short discussion on the bus case, between network members of the other two municipalities.
  const hed = ms.get('hedensted');
  const lemvigMember = members.get('lemvig');
  const odderMember = members.get('odder');
  if (hed && lemvigMember && odderMember) {
    const busRef = await deps.db.transaction({ municipalityId: hed.id }, async (tx) => {
      const ini = await initiativeByTitle(tx, hed.id, 'Borgerne tegner en ny rute for bybussen');
      const c = ini === null ? null : await findCaseByInitiative(tx, hed.id, ini);
      return c ? { municipalityId: hed.id, id: c.id } : null;
    });
    if (busRef && (await deps.db.transaction({ municipalityId: hed.id }, (tx) => listComments(tx, busRef))).length === 0) {
      const say = async (userId: number, body: string) =>
        deps.db.transaction({ municipalityId: hed.id, userId }, async (tx) => {
          await insertComment(tx, busRef, userId, body, 'da');
          await setFollowing(tx, busRef, userId, true);
        });
      await say(lemvigMember, 'Hvordan fik I trafikselskabet til at regne på borgernes forslag undervejs? Hos os tager en ny beregning normalt to måneder.');
      await say(odderMember, 'Vi har haft samme udfordring. Det hjalp at aftale to faste regnemøder i kontrakten, før workshopperne gik i gang.');
    }
  }
  log(`seeded network: ${created} case(s), ${adopted} adoption(s)`);
}

function seedKey(adopterId: number, ref: CaseRef): string {
  const hex = (n: number, len: number) => n.toString(16).padStart(len, '0').slice(-len);
  return `5eed0000-${hex(adopterId, 4)}-4${hex(ref.municipalityId, 3)}-8${hex(ref.id, 3)}-${hex(adopterId * 7919 + ref.id, 12)}`;
}
