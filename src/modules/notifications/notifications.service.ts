// What other modules call: `notify` inside their own transaction (so a notification exists exactly when
// the change it reports was committed), then `deliverPending` after the commit to e-mail those who want
// it at once. The daily digest (`samskab notifications digest`) sends the rest.
import type { Executor } from '../../core/db/database.js';
import type { AppDeps } from '../../core/http/context.js';
import type { Lang } from '../../core/i18n/i18n.js';
import type { MailMessage } from '../../core/mail/mailer.js';
import {
  claimDigest,
  claimPending,
  DEFAULT_FREQUENCY,
  dropDigest,
  dueDigests,
  flagDigestPending,
  frequencies,
  insertItems,
  lockSettings,
  markDigestSent,
  unclaim,
  type NewItem,
  type NotificationItem,
  type NotificationParams,
} from './notifications.repository.js';
import { recipients, type Recipient } from './notifications.people.js';

export interface NotifyInput {
  municipalityId: number;
  /** People to tell; duplicates and the actor are dropped. */
  userIds: readonly number[];
  /** Who caused it: never notified about their own action. */
  actorId?: number | null;
  /** An i18n key of the calling module, formatted with `params` in each recipient's language. */
  messageKey: string;
  params: NotificationParams;
  /** A path on this site, e.g. /m/hedensted/initiatives/12#comment-5. */
  link: string;
}

/** Records in-app notifications and queues e-mail according to each person's setting. Call inside the change's transaction. */
export async function notify(tx: Executor, input: NotifyInput): Promise<number> {
  const ids = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
  if (ids.length === 0) return 0;
  if (!input.link.startsWith('/') || input.link.startsWith('//')) throw new Error('notification links are paths on this site');
  const freq = await frequencies(tx, ids);
  const items: NewItem[] = ids.map((userId) => {
    const f = freq.get(userId) ?? DEFAULT_FREQUENCY;
    return { userId, emailStatus: f === 'immediately' ? 'pending' : f === 'daily' ? 'digest' : 'none' };
  });
  await insertItems(tx, input.municipalityId, input.messageKey, input.params, input.link, items);
  await flagDigestPending(tx, items.filter((i) => i.emailStatus === 'digest').map((i) => i.userId));
  return items.length;
}

export type MailDeps = Pick<AppDeps, 'db' | 'mailer' | 'catalog' | 'config' | 'log'>;

function absolute(deps: Pick<AppDeps, 'config'>, path: string): string {
  return deps.config.baseUrl.replace(/\/+$/, '') + path;
}

function langOf(r: Recipient): Lang {
  return r.lang ?? 'da';
}

export function composeImmediate(deps: Pick<AppDeps, 'catalog' | 'config'>, to: Recipient, item: NotificationItem): MailMessage {
  const lang = langOf(to);
  const t = (key: string, values?: NotificationParams) => deps.catalog.format(lang, key, values);
  const message = t(item.messageKey, item.params);
  const text = [
    t('notifications.mail.greeting', { name: to.displayName }),
    '',
    message,
    absolute(deps, item.link),
    '',
    t('notifications.mail.settings', { link: absolute(deps, '/notifications') }),
    '',
  ].join('\n');
  return { to: to.email, subject: t('notifications.mail.subject', { message: truncate(message, 120) }), text };
}

export function composeDigest(deps: Pick<AppDeps, 'catalog' | 'config'>, to: Recipient, items: NotificationItem[]): MailMessage {
  const lang = langOf(to);
  const t = (key: string, values?: NotificationParams) => deps.catalog.format(lang, key, values);
  const lines = items.flatMap((item) => [`- ${t(item.messageKey, item.params)}`, `  ${absolute(deps, item.link)}`]);
  const text = [
    t('notifications.mail.greeting', { name: to.displayName }),
    '',
    t('notifications.digest.intro', { count: items.length }),
    '',
    ...lines,
    '',
    t('notifications.mail.settings', { link: absolute(deps, '/notifications') }),
    '',
  ].join('\n');
  return { to: to.email, subject: t('notifications.digest.subject', { count: items.length }), text };
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/**
 * E-mails what waits to be sent at once in one municipality. Each batch is claimed in a short
 * transaction and sent after it, so no transaction waits for a mail server; a mail that fails is
 * given back to be tried again next time.
 */
export async function deliverPending(deps: MailDeps, municipalityId: number, batch = 100): Promise<number> {
  let sent = 0;
  for (;;) {
    const { items, people } = await deps.db.transaction({ municipalityId }, async (tx) => {
      const claimed = await claimPending(tx, municipalityId, batch);
      return { items: claimed, people: await recipients(tx, claimed.map((i) => i.userId)) };
    });
    if (items.length === 0) return sent;
    const failed: number[] = [];
    for (const item of items) {
      const person = people.get(item.userId);
      if (!person) continue;
      try {
        await deps.mailer.send(composeImmediate(deps, person, item));
        sent++;
      } catch (error) {
        failed.push(item.id);
        deps.log.error('notification mail not sent', { error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (failed.length > 0) {
      await deps.db.transaction({ municipalityId }, (tx) => unclaim(tx, municipalityId, failed, 'pending'));
      return sent;
    }
    if (items.length < batch) return sent;
  }
}

const inFlight = new Set<Promise<unknown>>();

/** After a committed change: send its immediate e-mails without holding up the answer to the request. */
export function deliverInBackground(deps: MailDeps, municipalityId: number): void {
  const p = deliverPending(deps, municipalityId)
    .catch((error: unknown) => deps.log.error('notification delivery failed', { error: error instanceof Error ? error.message : String(error) }))
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
}

/** Resolves when every background delivery started so far has finished: for tests and shutdown. */
export async function settleNotifications(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

export interface DigestReport {
  people: number;
  notifications: number;
}

/**
 * Sends one e-mail per person whose daily digest is due (the last one at least `minHours` ago) with
 * everything that waited for it, across all municipalities. Safe to run as often as you like: a
 * person gets at most one digest per `minHours`.
 */
export async function sendDueDigests(deps: MailDeps, options: { minHours?: number; dryRun?: boolean; log?: (line: string) => void } = {}): Promise<DigestReport> {
  const minHours = options.minHours ?? 23;
  const report: DigestReport = { people: 0, notifications: 0 };
  const seen = new Set<number>();
  for (;;) {
    const due = (await deps.db.transaction({ municipalityId: null }, (tx) => dueDigests(tx, minHours, 200))).filter((d) => !seen.has(d.userId));
    if (due.length === 0) return report;
    for (const candidate of due) {
      seen.add(candidate.userId);
      const claimed = await deps.db.transaction({ municipalityId: null, userId: candidate.userId }, async (tx) => {
        await lockSettings(tx, candidate.userId);
        if (candidate.frequency !== 'daily') {
          await dropDigest(tx, candidate.userId);
          return null;
        }
        if (options.dryRun) return { items: [] as NotificationItem[], person: undefined };
        const items = await claimDigest(tx, candidate.userId);
        await markDigestSent(tx, candidate.userId);
        return { items, person: (await recipients(tx, [candidate.userId])).get(candidate.userId) };
      });
      if (!claimed || options.dryRun) {
        if (options.dryRun) options.log?.(`would send a digest to person ${candidate.userId}`);
        continue;
      }
      if (claimed.items.length === 0 || !claimed.person) continue;
      try {
        await deps.mailer.send(composeDigest(deps, claimed.person, claimed.items));
        report.people++;
        report.notifications += claimed.items.length;
        options.log?.(`digest with ${claimed.items.length} notification(s) sent to person ${candidate.userId}`);
      } catch (error) {
        deps.log.error('digest mail not sent', { error: error instanceof Error ? error.message : String(error) });
        const byTenant = new Map<number, number[]>();
        for (const item of claimed.items) byTenant.set(item.municipalityId, [...(byTenant.get(item.municipalityId) ?? []), item.id]);
        for (const [municipalityId, ids] of byTenant) await deps.db.transaction({ municipalityId }, (tx) => unclaim(tx, municipalityId, ids, 'digest'));
        await deps.db.transaction({ municipalityId: null }, (tx) => flagDigestPending(tx, [candidate.userId]));
      }
    }
  }
}
