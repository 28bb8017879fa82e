// SQL for initiatives. Knows nothing of permissions; callers pass the executor of a transaction whose
// tenant is already set, and the tenant is still named in every statement (two locks, one door).
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { State } from './initiatives.lifecycle.js';
import type {
  Agreement,
  Ask,
  AskKind,
  AskStatus,
  Comment,
  CommentVersion,
  EventKind,
  Initiative,
  OpenReport,
  Partner,
  PartnerKind,
  Participation,
  PersonRef,
  ReportReason,
  TextLang,
  TimelineEvent,
} from './initiatives.types.js';

interface InitiativeRow {
  municipality_id: number;
  id: number;
  title: string;
  problem: string;
  proposal: string;
  lang: TextLang;
  area_id: number | null;
  theme_id: number | null;
  group_id: number | null;
  state: State;
  paused_from: State | null;
  facilitator_id: number | null;
  facilitator_name: string | null;
  decline_reason: string | null;
  decline_reason_lang: TextLang | null;
  outcomes: string | null;
  outcomes_lang: TextLang | null;
  support_count: number;
  comment_count: number;
  agreement_version: number | null;
  review_date: string | null;
  created_by: number | null;
  created_at: Date;
  state_changed_at: Date;
  last_activity_at: Date;
}

const initiativeColumns = sql`i.municipality_id, i.id, i.title, i.problem, i.proposal, i.lang, i.area_id, i.theme_id, i.group_id, i.state,
  i.paused_from, i.facilitator_id, i.decline_reason, i.decline_reason_lang, i.outcomes, i.outcomes_lang, i.support_count,
  i.comment_count, i.agreement_version, i.review_date, i.created_by, i.created_at, i.state_changed_at, i.last_activity_at`;

/**
 * The one place that reads people's display names. The accounts module owns people; its public
 * `accounts_users.display_name` is read here (the foreign keys already point at that table).
 */
const personName = (column: string) => sql`(select u.display_name from accounts_users u where u.id = ${sql.ref(column)})`;

function toInitiative(r: InitiativeRow): Initiative {
  return {
    municipalityId: r.municipality_id,
    id: r.id,
    title: r.title,
    problem: r.problem,
    proposal: r.proposal,
    lang: r.lang,
    areaId: r.area_id,
    themeId: r.theme_id,
    groupId: r.group_id,
    state: r.state,
    pausedFrom: r.paused_from,
    facilitator: r.facilitator_id === null ? null : { id: r.facilitator_id, displayName: r.facilitator_name ?? '' },
    declineReason: r.decline_reason,
    declineReasonLang: r.decline_reason_lang,
    outcomes: r.outcomes,
    outcomesLang: r.outcomes_lang,
    supportCount: r.support_count,
    commentCount: r.comment_count,
    agreementVersion: r.agreement_version,
    reviewDate: r.review_date,
    createdBy: r.created_by,
    createdAt: r.created_at,
    stateChangedAt: r.state_changed_at,
    lastActivityAt: r.last_activity_at,
  };
}

export async function findInitiative(e: Executor, municipalityId: number, id: number): Promise<Initiative | null> {
  const r = await sql<InitiativeRow>`select ${initiativeColumns}, ${personName('i.facilitator_id')} as facilitator_name
    from initiatives i where i.municipality_id = ${municipalityId} and i.id = ${id}`.execute(e);
  return r.rows[0] ? toInitiative(r.rows[0]) : null;
}

/** Locks the initiative's row for the rest of the transaction: state changes and counts go one at a time. */
export async function lockInitiative(e: Executor, municipalityId: number, id: number): Promise<Initiative | null> {
  const r = await sql<InitiativeRow>`select ${initiativeColumns}, null::text as facilitator_name
    from initiatives i where i.municipality_id = ${municipalityId} and i.id = ${id} for update`.execute(e);
  return r.rows[0] ? toInitiative(r.rows[0]) : null;
}

export interface NewInitiative {
  municipalityId: number;
  title: string;
  problem: string;
  proposal: string;
  lang: TextLang;
  areaId: number | null;
  themeId: number | null;
  groupId: number | null;
  createdBy: number;
  creationKey: string | null;
}

/** The new id, or null when an initiative with the same creation key exists (a form sent twice). */
export async function insertInitiative(e: Executor, n: NewInitiative): Promise<number | null> {
  const r = await sql<{ id: number }>`insert into initiatives (municipality_id, title, problem, proposal, lang, area_id, theme_id, group_id, created_by, creation_key)
    values (${n.municipalityId}, ${n.title}, ${n.problem}, ${n.proposal}, ${n.lang}, ${n.areaId}, ${n.themeId}, ${n.groupId}, ${n.createdBy}, ${n.creationKey})
    on conflict (municipality_id, creation_key) do nothing returning id`.execute(e);
  return r.rows[0]?.id ?? null;
}

export async function findByCreationKey(e: Executor, municipalityId: number, key: string): Promise<number | null> {
  const r = await sql<{ id: number }>`select id from initiatives where municipality_id = ${municipalityId} and creation_key = ${key}`.execute(e);
  return r.rows[0]?.id ?? null;
}

export interface DetailChanges {
  title: string;
  problem: string;
  proposal: string;
  lang: TextLang;
  areaId: number | null;
  themeId: number | null;
}

export async function updateDetails(e: Executor, municipalityId: number, id: number, d: DetailChanges): Promise<void> {
  await sql`update initiatives set title = ${d.title}, problem = ${d.problem}, proposal = ${d.proposal}, lang = ${d.lang},
    area_id = ${d.areaId}, theme_id = ${d.themeId}, last_activity_at = now()
    where municipality_id = ${municipalityId} and id = ${id}`.execute(e);
}

export interface StateChange {
  state: State;
  pausedFrom: State | null;
  declineReason?: { text: string; lang: TextLang };
  outcomes?: { text: string; lang: TextLang };
}

export async function updateState(e: Executor, municipalityId: number, id: number, c: StateChange): Promise<void> {
  await sql`update initiatives set state = ${c.state}, paused_from = ${c.pausedFrom},
    decline_reason = ${c.declineReason ? c.declineReason.text : sql`decline_reason`},
    decline_reason_lang = ${c.declineReason ? c.declineReason.lang : sql`decline_reason_lang`},
    outcomes = ${c.outcomes ? c.outcomes.text : sql`outcomes`},
    outcomes_lang = ${c.outcomes ? c.outcomes.lang : sql`outcomes_lang`},
    state_changed_at = now(), last_activity_at = now()
    where municipality_id = ${municipalityId} and id = ${id}`.execute(e);
}

export async function setFacilitator(e: Executor, municipalityId: number, id: number, userId: number): Promise<void> {
  await sql`update initiatives set facilitator_id = ${userId}, last_activity_at = now() where municipality_id = ${municipalityId} and id = ${id}`.execute(e);
}

export async function touchActivity(e: Executor, municipalityId: number, id: number): Promise<void> {
  await sql`update initiatives set last_activity_at = now() where municipality_id = ${municipalityId} and id = ${id}`.execute(e);
}

// Timeline ---------------------------------------------------------------

export interface NewEvent {
  municipalityId: number;
  initiativeId: number;
  kind: EventKind;
  fromState?: State | null;
  toState?: State | null;
  body?: string;
  lang?: TextLang | null;
  ref?: number | null;
  actorId: number | null;
  eventKey?: string | null;
}

/** The event id, or null when an event with the same key exists (an update sent twice). */
export async function insertEvent(e: Executor, n: NewEvent): Promise<number | null> {
  const r = await sql<{ id: number }>`insert into initiatives_events (municipality_id, initiative_id, kind, from_state, to_state, body, lang, ref, actor_id, event_key)
    values (${n.municipalityId}, ${n.initiativeId}, ${n.kind}, ${n.fromState ?? null}, ${n.toState ?? null}, ${n.body ?? ''}, ${n.lang ?? null},
      ${n.ref ?? null}, ${n.actorId}, ${n.eventKey ?? null})
    on conflict (municipality_id, event_key) do nothing returning id`.execute(e);
  return r.rows[0]?.id ?? null;
}

export async function listEvents(e: Executor, municipalityId: number, initiativeId: number): Promise<TimelineEvent[]> {
  const r = await sql<{
    id: number; kind: EventKind; from_state: State | null; to_state: State | null; body: string; lang: TextLang | null;
    ref: number | null; actor_id: number | null; actor_name: string | null; created_at: Date;
  }>`select ev.id, ev.kind, ev.from_state, ev.to_state, ev.body, ev.lang, ev.ref, ev.actor_id, ${personName('ev.actor_id')} as actor_name, ev.created_at
    from initiatives_events ev where ev.municipality_id = ${municipalityId} and ev.initiative_id = ${initiativeId}
    order by ev.created_at, ev.id`.execute(e);
  return r.rows.map((x) => ({
    id: x.id, kind: x.kind, fromState: x.from_state, toState: x.to_state, body: x.body, lang: x.lang, ref: x.ref,
    actor: x.actor_id === null ? null : { id: x.actor_id, displayName: x.actor_name ?? '' }, createdAt: x.created_at,
  }));
}

// People -----------------------------------------------------------------

export async function insertMember(e: Executor, municipalityId: number, initiativeId: number, userId: number, role: 'owner' | 'member'): Promise<void> {
  await sql`insert into initiatives_members (municipality_id, initiative_id, user_id, role) values (${municipalityId}, ${initiativeId}, ${userId}, ${role})
    on conflict do nothing`.execute(e);
}

export async function listMembers(e: Executor, municipalityId: number, initiativeId: number): Promise<(PersonRef & { role: 'owner' | 'member' })[]> {
  const r = await sql<{ user_id: number; name: string | null; role: 'owner' | 'member' }>`select m.user_id, ${personName('m.user_id')} as name, m.role
    from initiatives_members m where m.municipality_id = ${municipalityId} and m.initiative_id = ${initiativeId} order by m.created_at`.execute(e);
  return r.rows.map((x) => ({ id: x.user_id, displayName: x.name ?? '', role: x.role }));
}

export async function participation(e: Executor, municipalityId: number, initiativeId: number, userId: number): Promise<Participation> {
  const r = await sql<{ supports: boolean; follows: boolean; member: boolean }>`select
    exists (select 1 from initiatives_supports where municipality_id = ${municipalityId} and initiative_id = ${initiativeId} and user_id = ${userId}) as supports,
    exists (select 1 from initiatives_follows where municipality_id = ${municipalityId} and initiative_id = ${initiativeId} and user_id = ${userId}) as follows,
    exists (select 1 from initiatives_members where municipality_id = ${municipalityId} and initiative_id = ${initiativeId} and user_id = ${userId}) as member`.execute(e);
  const row = r.rows[0]!;
  return { supports: row.supports, follows: row.follows, isMember: row.member };
}

/** Who hears about what happens: followers and the people behind the initiative. */
export async function listAudience(e: Executor, municipalityId: number, initiativeId: number): Promise<number[]> {
  const r = await sql<{ user_id: number }>`select user_id from initiatives_follows where municipality_id = ${municipalityId} and initiative_id = ${initiativeId}
    union select user_id from initiatives_members where municipality_id = ${municipalityId} and initiative_id = ${initiativeId}`.execute(e);
  return r.rows.map((x) => x.user_id);
}

// Partners and asks ------------------------------------------------------

export async function insertPartner(e: Executor, municipalityId: number, initiativeId: number, p: { kind: PartnerKind; name: string; contribution: string; lang: TextLang }): Promise<number> {
  const r = await sql<{ id: number }>`insert into initiatives_partners (municipality_id, initiative_id, kind, name, contribution, lang)
    values (${municipalityId}, ${initiativeId}, ${p.kind}, ${p.name}, ${p.contribution}, ${p.lang}) returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function deletePartner(e: Executor, municipalityId: number, initiativeId: number, partnerId: number): Promise<boolean> {
  const r = await sql`delete from initiatives_partners where municipality_id = ${municipalityId} and initiative_id = ${initiativeId} and id = ${partnerId}`.execute(e);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function listPartners(e: Executor, municipalityId: number, initiativeId: number): Promise<Partner[]> {
  const r = await sql<{ id: number; kind: PartnerKind; name: string; contribution: string; lang: TextLang }>`select id, kind, name, contribution, lang
    from initiatives_partners where municipality_id = ${municipalityId} and initiative_id = ${initiativeId} order by id`.execute(e);
  return r.rows.map((x) => ({ id: x.id, kind: x.kind, name: x.name, contribution: x.contribution, lang: x.lang }));
}

interface AskRow {
  id: number; initiative_id: number; kind: AskKind; description: string; lang: TextLang; amount_ore: number | null; status: AskStatus;
  answer: string | null; answer_lang: TextLang | null; answered_at: Date | null;
}
const toAsk = (x: AskRow): Ask => ({
  id: x.id, initiativeId: x.initiative_id, kind: x.kind, description: x.description, lang: x.lang, amountOre: x.amount_ore, status: x.status,
  answer: x.answer, answerLang: x.answer_lang, answeredAt: x.answered_at,
});

export async function insertAsk(e: Executor, municipalityId: number, initiativeId: number, a: { kind: AskKind; description: string; lang: TextLang; amountOre: number | null }): Promise<number> {
  const r = await sql<{ id: number }>`insert into initiatives_asks (municipality_id, initiative_id, kind, description, lang, amount_ore)
    values (${municipalityId}, ${initiativeId}, ${a.kind}, ${a.description}, ${a.lang}, ${a.amountOre}) returning id`.execute(e);
  return r.rows[0]!.id;
}

export async function listAsks(e: Executor, municipalityId: number, initiativeId: number): Promise<Ask[]> {
  const r = await sql<AskRow>`select id, initiative_id, kind, description, lang, amount_ore, status, answer, answer_lang, answered_at
    from initiatives_asks where municipality_id = ${municipalityId} and initiative_id = ${initiativeId} order by id`.execute(e);
  return r.rows.map(toAsk);
}

export async function lockAsk(e: Executor, municipalityId: number, initiativeId: number, askId: number): Promise<Ask | null> {
  const r = await sql<AskRow>`select id, initiative_id, kind, description, lang, amount_ore, status, answer, answer_lang, answered_at
    from initiatives_asks where municipality_id = ${municipalityId} and initiative_id = ${initiativeId} and id = ${askId} for update`.execute(e);
  return r.rows[0] ? toAsk(r.rows[0]) : null;
}

export async function answerAsk(e: Executor, municipalityId: number, askId: number, a: { status: Exclude<AskStatus, 'open'>; answer: string; lang: TextLang; by: number }): Promise<void> {
  await sql`update initiatives_asks set status = ${a.status}, answer = ${a.answer}, answer_lang = ${a.lang}, answered_by = ${a.by}, answered_at = now()
    where municipality_id = ${municipalityId} and id = ${askId}`.execute(e);
}

// Agreement --------------------------------------------------------------

interface AgreementRow {
  version: number; citizens_deliver: string; municipality_delivers: string; lang: TextLang; contact_name: string; contact_title: string;
  contact_email: string; term_start: string; term_end: string; review_date: string; change_note: string; created_at: Date;
}
const toAgreement = (x: AgreementRow): Agreement => ({
  version: x.version, citizensDeliver: x.citizens_deliver, municipalityDelivers: x.municipality_delivers, lang: x.lang, contactName: x.contact_name,
  contactTitle: x.contact_title, contactEmail: x.contact_email, termStart: x.term_start, termEnd: x.term_end, reviewDate: x.review_date,
  changeNote: x.change_note, createdAt: x.created_at,
});

export type NewAgreement = Omit<Agreement, 'version' | 'createdAt'>;

/** Adds the next version (the caller holds the initiative's lock, so versions never collide) and returns its number. */
export async function insertAgreementVersion(e: Executor, municipalityId: number, initiativeId: number, a: NewAgreement, by: number): Promise<number> {
  const r = await sql<{ version: number }>`insert into initiatives_agreements (municipality_id, initiative_id, version, citizens_deliver, municipality_delivers,
      lang, contact_name, contact_title, contact_email, term_start, term_end, review_date, change_note, created_by)
    select ${municipalityId}, ${initiativeId}, coalesce(max(version), 0) + 1, ${a.citizensDeliver}, ${a.municipalityDelivers}, ${a.lang}, ${a.contactName},
      ${a.contactTitle}, ${a.contactEmail}, ${a.termStart}::date, ${a.termEnd}::date, ${a.reviewDate}::date, ${a.changeNote}, ${by}
    from initiatives_agreements where municipality_id = ${municipalityId} and initiative_id = ${initiativeId}
    returning version`.execute(e);
  const version = r.rows[0]!.version;
  await sql`update initiatives set agreement_version = ${version}, review_date = ${a.reviewDate}::date, last_activity_at = now()
    where municipality_id = ${municipalityId} and id = ${initiativeId}`.execute(e);
  return version;
}

export async function listAgreementVersions(e: Executor, municipalityId: number, initiativeId: number): Promise<Agreement[]> {
  const r = await sql<AgreementRow>`select version, citizens_deliver, municipality_delivers, lang, contact_name, contact_title, contact_email,
      term_start, term_end, review_date, change_note, created_at
    from initiatives_agreements where municipality_id = ${municipalityId} and initiative_id = ${initiativeId} order by version desc`.execute(e);
  return r.rows.map(toAgreement);
}

// Supports and follows ---------------------------------------------------

/** True when this person had not supported it before. */
export async function insertSupport(e: Executor, municipalityId: number, initiativeId: number, userId: number): Promise<boolean> {
  const r = await sql`insert into initiatives_supports (municipality_id, initiative_id, user_id) values (${municipalityId}, ${initiativeId}, ${userId})
    on conflict do nothing`.execute(e);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function deleteSupport(e: Executor, municipalityId: number, initiativeId: number, userId: number): Promise<boolean> {
  const r = await sql`delete from initiatives_supports where municipality_id = ${municipalityId} and initiative_id = ${initiativeId} and user_id = ${userId}`.execute(e);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function addToSupportCount(e: Executor, municipalityId: number, initiativeId: number, delta: 1 | -1): Promise<number> {
  const r = await sql<{ support_count: number }>`update initiatives set support_count = support_count + ${delta}
    where municipality_id = ${municipalityId} and id = ${initiativeId} returning support_count`.execute(e);
  return r.rows[0]!.support_count;
}

export async function countSupports(e: Executor, municipalityId: number, initiativeId: number): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from initiatives_supports where municipality_id = ${municipalityId} and initiative_id = ${initiativeId}`.execute(e);
  return r.rows[0]!.n;
}

export async function insertFollow(e: Executor, municipalityId: number, initiativeId: number, userId: number): Promise<boolean> {
  const r = await sql`insert into initiatives_follows (municipality_id, initiative_id, user_id) values (${municipalityId}, ${initiativeId}, ${userId})
    on conflict do nothing`.execute(e);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function deleteFollow(e: Executor, municipalityId: number, initiativeId: number, userId: number): Promise<boolean> {
  const r = await sql`delete from initiatives_follows where municipality_id = ${municipalityId} and initiative_id = ${initiativeId} and user_id = ${userId}`.execute(e);
  return Number(r.numAffectedRows ?? 0) === 1;
}

// Comments ---------------------------------------------------------------

interface CommentRow {
  id: number; parent_id: number | null; author_id: number | null; author_name: string | null; body: string; lang: TextLang; version: number;
  created_at: Date; edited_at: Date | null; hidden_at: Date | null;
}
const toComment = (x: CommentRow): Comment => ({
  id: x.id, parentId: x.parent_id, author: x.author_id === null ? null : { id: x.author_id, displayName: x.author_name ?? '' },
  body: x.body, lang: x.lang, version: x.version, createdAt: x.created_at, editedAt: x.edited_at, hidden: x.hidden_at !== null,
});

export interface NewComment {
  municipalityId: number;
  initiativeId: number;
  parentId: number | null;
  authorId: number;
  body: string;
  lang: TextLang;
  commentKey: string | null;
}

/** The new id, or null when a comment with the same key exists (the form sent twice). */
export async function insertComment(e: Executor, n: NewComment): Promise<number | null> {
  const r = await sql<{ id: number }>`insert into initiatives_comments (municipality_id, initiative_id, parent_id, author_id, body, lang, comment_key)
    values (${n.municipalityId}, ${n.initiativeId}, ${n.parentId}, ${n.authorId}, ${n.body}, ${n.lang}, ${n.commentKey})
    on conflict (municipality_id, comment_key) do nothing returning id`.execute(e);
  return r.rows[0]?.id ?? null;
}

export async function findCommentByKey(e: Executor, municipalityId: number, key: string): Promise<{ id: number; initiativeId: number } | null> {
  const r = await sql<{ id: number; initiative_id: number }>`select id, initiative_id from initiatives_comments where municipality_id = ${municipalityId} and comment_key = ${key}`.execute(e);
  return r.rows[0] ? { id: r.rows[0].id, initiativeId: r.rows[0].initiative_id } : null;
}

export async function bumpCommentCount(e: Executor, municipalityId: number, initiativeId: number): Promise<void> {
  await sql`update initiatives set comment_count = comment_count + 1, last_activity_at = now() where municipality_id = ${municipalityId} and id = ${initiativeId}`.execute(e);
}

export async function findComment(e: Executor, municipalityId: number, initiativeId: number, commentId: number): Promise<Comment | null> {
  const r = await sql<CommentRow>`select c.id, c.parent_id, c.author_id, ${personName('c.author_id')} as author_name, c.body, c.lang, c.version, c.created_at, c.edited_at, c.hidden_at
    from initiatives_comments c where c.municipality_id = ${municipalityId} and c.initiative_id = ${initiativeId} and c.id = ${commentId}`.execute(e);
  return r.rows[0] ? toComment(r.rows[0]) : null;
}

export async function lockComment(e: Executor, municipalityId: number, initiativeId: number, commentId: number): Promise<Comment | null> {
  const r = await sql<CommentRow>`select c.id, c.parent_id, c.author_id, null::text as author_name, c.body, c.lang, c.version, c.created_at, c.edited_at, c.hidden_at
    from initiatives_comments c where c.municipality_id = ${municipalityId} and c.initiative_id = ${initiativeId} and c.id = ${commentId} for update`.execute(e);
  return r.rows[0] ? toComment(r.rows[0]) : null;
}

/** Keeps the wording being replaced as a version, then writes the new one. */
export async function editComment(e: Executor, municipalityId: number, current: Comment, body: string, lang: TextLang): Promise<void> {
  await sql`insert into initiatives_comment_versions (municipality_id, comment_id, version, body, lang, written_at)
    values (${municipalityId}, ${current.id}, ${current.version}, ${current.body}, ${current.lang}, ${current.editedAt ?? current.createdAt})`.execute(e);
  await sql`update initiatives_comments set body = ${body}, lang = ${lang}, version = version + 1, edited_at = now()
    where municipality_id = ${municipalityId} and id = ${current.id}`.execute(e);
}

export async function listComments(e: Executor, municipalityId: number, initiativeId: number, limit = 1000): Promise<Comment[]> {
  const r = await sql<CommentRow>`select c.id, c.parent_id, c.author_id, ${personName('c.author_id')} as author_name, c.body, c.lang, c.version, c.created_at, c.edited_at, c.hidden_at
    from initiatives_comments c where c.municipality_id = ${municipalityId} and c.initiative_id = ${initiativeId}
    order by c.created_at, c.id limit ${limit}`.execute(e);
  return r.rows.map(toComment);
}

export async function listCommentVersions(e: Executor, municipalityId: number, commentId: number): Promise<CommentVersion[]> {
  const r = await sql<{ version: number; body: string; lang: TextLang; written_at: Date }>`select version, body, lang, written_at
    from initiatives_comment_versions where municipality_id = ${municipalityId} and comment_id = ${commentId} order by version desc`.execute(e);
  return r.rows.map((x) => ({ version: x.version, body: x.body, lang: x.lang, writtenAt: x.written_at }));
}

export async function setCommentHidden(e: Executor, municipalityId: number, commentId: number, by: number | null): Promise<void> {
  await sql`update initiatives_comments set hidden_at = ${by === null ? null : sql`now()`}, hidden_by = ${by}
    where municipality_id = ${municipalityId} and id = ${commentId}`.execute(e);
}

// Reports ----------------------------------------------------------------

/** False when this person has reported the comment already. */
export async function insertReport(e: Executor, municipalityId: number, commentId: number, reporterId: number, reason: ReportReason, note: string): Promise<boolean> {
  const r = await sql`insert into initiatives_comment_reports (municipality_id, comment_id, reporter_id, reason, note)
    values (${municipalityId}, ${commentId}, ${reporterId}, ${reason}, ${note}) on conflict do nothing`.execute(e);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function resolveReports(e: Executor, municipalityId: number, commentId: number, resolution: 'hidden' | 'kept', by: number): Promise<number> {
  const r = await sql`update initiatives_comment_reports set resolved_at = now(), resolved_by = ${by}, resolution = ${resolution}
    where municipality_id = ${municipalityId} and comment_id = ${commentId} and resolved_at is null`.execute(e);
  return Number(r.numAffectedRows ?? 0);
}

/** Open reports, one line per reported comment, oldest first. */
export async function listOpenReports(e: Executor, municipalityId: number, limit = 50): Promise<OpenReport[]> {
  const r = await sql<{
    id: number; comment_id: number; initiative_id: number; title: string; body: string; lang: TextLang; author_name: string | null;
    reason: ReportReason; note: string; report_count: number; created_at: Date;
  }>`select distinct on (rep.comment_id) rep.id, rep.comment_id, c.initiative_id, i.title, c.body, c.lang, ${personName('c.author_id')} as author_name,
      rep.reason, rep.note, count(*) over (partition by rep.comment_id)::int as report_count, rep.created_at
    from initiatives_comment_reports rep
    join initiatives_comments c on c.municipality_id = rep.municipality_id and c.id = rep.comment_id
    join initiatives i on i.municipality_id = c.municipality_id and i.id = c.initiative_id
    where rep.municipality_id = ${municipalityId} and rep.resolved_at is null
    order by rep.comment_id, rep.created_at
    limit ${limit}`.execute(e);
  return r.rows
    .map((x) => ({
      id: x.id, commentId: x.comment_id, initiativeId: x.initiative_id, initiativeTitle: x.title, commentBody: x.body, commentLang: x.lang,
      commentAuthor: x.author_name, reason: x.reason, note: x.note, reportCount: x.report_count, createdAt: x.created_at,
    }))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
