// SQL for notifications and people's e-mail settings. Knows nothing of permissions or mail transport.
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';

export const emailFrequencies = ['immediately', 'daily', 'never'] as const;
export type EmailFrequency = (typeof emailFrequencies)[number];
export const DEFAULT_FREQUENCY: EmailFrequency = 'immediately';

export type NotificationParams = Record<string, string | number>;

export interface NotificationItem {
  municipalityId: number;
  id: number;
  userId: number;
  messageKey: string;
  params: NotificationParams;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

interface ItemRow {
  municipality_id: number;
  id: number;
  user_id: number;
  message_key: string;
  params: NotificationParams;
  link: string;
  created_at: Date;
  read_at: Date | null;
}
const toItem = (r: ItemRow): NotificationItem => ({
  municipalityId: r.municipality_id, id: r.id, userId: r.user_id, messageKey: r.message_key, params: r.params ?? {}, link: r.link,
  createdAt: r.created_at, readAt: r.read_at,
});

export async function frequencies(e: Executor, userIds: readonly number[]): Promise<Map<number, EmailFrequency>> {
  if (userIds.length === 0) return new Map();
  const r = await sql<{ user_id: number; email_frequency: EmailFrequency }>`select user_id, email_frequency from notifications_settings
    where user_id = any(${[...userIds]}::bigint[])`.execute(e);
  return new Map(r.rows.map((x) => [x.user_id, x.email_frequency]));
}

export async function frequencyOf(e: Executor, userId: number): Promise<EmailFrequency> {
  return (await frequencies(e, [userId])).get(userId) ?? DEFAULT_FREQUENCY;
}

export async function setFrequency(e: Executor, userId: number, frequency: EmailFrequency): Promise<void> {
  await sql`insert into notifications_settings (user_id, email_frequency) values (${userId}, ${frequency})
    on conflict (user_id) do update set email_frequency = excluded.email_frequency, updated_at = now()`.execute(e);
}

export interface NewItem {
  userId: number;
  emailStatus: 'none' | 'pending' | 'digest';
}

export async function insertItems(e: Executor, municipalityId: number, messageKey: string, params: NotificationParams, link: string, items: NewItem[]): Promise<void> {
  if (items.length === 0) return;
  await sql`insert into notifications (municipality_id, user_id, message_key, params, link, email_status)
    select ${municipalityId}, u.user_id, ${messageKey}, ${JSON.stringify(params)}::jsonb, ${link}, u.status
    from unnest(${items.map((i) => i.userId)}::bigint[], ${items.map((i) => i.emailStatus)}::text[]) as u(user_id, status)`.execute(e);
}

/** Marks people as waiting for a digest; the upsert also waits for a digest being sent to them right now. */
export async function flagDigestPending(e: Executor, userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  await sql`insert into notifications_settings (user_id, email_frequency, digest_pending)
    select id, 'daily', true from unnest(${[...userIds]}::bigint[]) as u(id)
    on conflict (user_id) do update set digest_pending = true`.execute(e);
}

/** Claims up to `limit` notifications waiting to be e-mailed right away in this tenant (marking them sent). */
export async function claimPending(e: Executor, municipalityId: number, limit: number): Promise<NotificationItem[]> {
  const r = await sql<ItemRow>`update notifications n set email_status = 'sent', emailed_at = now()
    where (n.municipality_id, n.id) in (
      select municipality_id, id from notifications where municipality_id = ${municipalityId} and email_status = 'pending'
      order by created_at limit ${limit} for update skip locked)
    returning n.municipality_id, n.id, n.user_id, n.message_key, n.params, n.link, n.created_at, n.read_at`.execute(e);
  return r.rows.map(toItem);
}

/** Gives claimed notifications back when their e-mail could not be sent. */
export async function unclaim(e: Executor, municipalityId: number, ids: readonly number[], status: 'pending' | 'digest'): Promise<void> {
  if (ids.length === 0) return;
  await sql`update notifications set email_status = ${status}, emailed_at = null
    where municipality_id = ${municipalityId} and id = any(${[...ids]}::bigint[])`.execute(e);
}

export interface DigestCandidate {
  userId: number;
  frequency: EmailFrequency;
}

/** People with something waiting whose last digest is at least `minHours` old. */
export async function dueDigests(e: Executor, minHours: number, limit: number): Promise<DigestCandidate[]> {
  const r = await sql<{ user_id: number; email_frequency: EmailFrequency }>`select user_id, email_frequency from notifications_settings
    where digest_pending and (last_digest_at is null or last_digest_at <= now() - make_interval(hours => ${minHours}))
    order by last_digest_at nulls first, user_id limit ${limit}`.execute(e);
  return r.rows.map((x) => ({ userId: x.user_id, frequency: x.email_frequency }));
}

/** Locks the person's settings row, so a notification queued meanwhile waits and is not lost. */
export async function lockSettings(e: Executor, userId: number): Promise<void> {
  await sql`select 1 from notifications_settings where user_id = ${userId} for update`.execute(e);
}

/** Run in the person's own scope: claims everything waiting for their digest, across municipalities. */
export async function claimDigest(e: Executor, userId: number): Promise<NotificationItem[]> {
  const r = await sql<ItemRow>`update notifications set email_status = 'sent', emailed_at = now()
    where user_id = ${userId} and email_status = 'digest'
    returning municipality_id, id, user_id, message_key, params, link, created_at, read_at`.execute(e);
  return r.rows.map(toItem).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export async function markDigestSent(e: Executor, userId: number): Promise<void> {
  await sql`update notifications_settings set digest_pending = false, last_digest_at = now() where user_id = ${userId}`.execute(e);
}

/** Someone who no longer wants a digest: what waited is dropped from e-mail (it stays in the app). */
export async function dropDigest(e: Executor, userId: number): Promise<void> {
  await sql`update notifications set email_status = 'none' where user_id = ${userId} and email_status = 'digest'`.execute(e);
  await sql`update notifications_settings set digest_pending = false where user_id = ${userId}`.execute(e);
}

export async function listForUser(e: Executor, userId: number, limit: number): Promise<NotificationItem[]> {
  const r = await sql<ItemRow>`select municipality_id, id, user_id, message_key, params, link, created_at, read_at from notifications
    where user_id = ${userId} order by created_at desc, id desc limit ${limit}`.execute(e);
  return r.rows.map(toItem);
}

export async function countUnread(e: Executor, userId: number): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`.execute(e);
  return r.rows[0]?.n ?? 0;
}

export async function markAllRead(e: Executor, userId: number): Promise<number> {
  const r = await sql`update notifications set read_at = now() where user_id = ${userId} and read_at is null`.execute(e);
  return Number(r.numAffectedRows ?? 0);
}

/** For demo data: what a seed caused is not news, so nothing waiting in this tenant is e-mailed. */
export async function discardPendingEmail(e: Executor, municipalityId: number): Promise<number> {
  const r = await sql`update notifications set email_status = 'none' where municipality_id = ${municipalityId} and email_status in ('pending', 'digest')`.execute(e);
  return Number(r.numAffectedRows ?? 0);
}
