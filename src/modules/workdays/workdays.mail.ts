// E-mails of the module: the confirmation of a sign-up (guests get their "can't come" link here),
// the message to someone moved up from the waitlist, and the reminder the day before.
import { sql } from 'kysely';
import type { AppDeps } from '../../core/http/context.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { peopleByIds } from '../accounts/index.js';
import { listMunicipalities } from '../municipalities/index.js';
import { issueCantComeToken } from './commands/places.js';
import { findDay, findSignup, lockShift } from './workdays.repository.js';

interface MunicipalityRef {
  id: number;
  slug: string;
  name: string;
  timeZone: string;
}

interface Letter {
  to: string;
  lang: Lang;
  name: string;
  dayTitle: string;
  shiftLabel: string;
  startsAt: Date;
  endsAt: Date;
  meetingPoint: string;
  dayUrl: string;
  cantComeUrl: string | null;
}

export const urlsFor = (deps: Pick<AppDeps, 'config'>, slug: string) => ({
  day: (dayId: number) => `${deps.config.baseUrl}/m/${encodeURIComponent(slug)}/workdays/${dayId}`,
  cantCome: (token: string) => `${deps.config.baseUrl}/m/${encodeURIComponent(slug)}/workdays/cant-come/${token}`,
});

function when(lang: Lang, timeZone: string, start: Date, end: Date): string {
  const locale = lang === 'da' ? 'da-DK' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full' }).format(start);
  const time = new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' });
  return `${day} ${time.format(start)}–${time.format(end)}`;
}

async function send(deps: Pick<AppDeps, 'mailer' | 'catalog' | 'log'>, m: MunicipalityRef, kind: 'signup' | 'waitlist' | 'promoted' | 'reminder', l: Letter): Promise<void> {
  const f = (key: string, values?: Record<string, string>) => deps.catalog.format(l.lang, key, values);
  const lines = [
    f('workdays.mail.greeting', { name: l.name }),
    '',
    f(`workdays.mail.${kind}.body`, { day: l.dayTitle, shift: l.shiftLabel, municipality: m.name }),
    '',
    `${f('workdays.mail.when')}: ${when(l.lang, m.timeZone, l.startsAt, l.endsAt)}`,
    ...(l.meetingPoint ? [`${f('workdays.mail.meetingPoint')}: ${l.meetingPoint}`] : []),
    `${f('workdays.mail.details')}: ${l.dayUrl}`,
    ...(l.cantComeUrl ? ['', f('workdays.mail.cantCome'), l.cantComeUrl] : []),
  ];
  try {
    await deps.mailer.send({ to: l.to, subject: f(`workdays.mail.${kind}.subject`, { day: l.dayTitle }), text: lines.join('\n') });
  } catch (error) {
    // The sign-up itself stands; a lost e-mail must not turn it into an error page.
    deps.log.error('workdays mail failed', { error, kind });
  }
}

/** The letter for one signup, read after the change committed. */
async function letterFor(deps: AppDeps, m: MunicipalityRef, signupId: number, token: string | null): Promise<Letter | null> {
  return deps.db.transaction({ municipalityId: m.id }, async (tx) => {
    const s = await findSignup(tx, m.id, signupId);
    if (!s) return null;
    const day = await findDay(tx, m.id, s.dayId);
    const shift = await sql<{ label: string; starts_at: Date; ends_at: Date }>`select label, starts_at, ends_at from workdays_shifts where municipality_id = ${m.id} and id = ${s.shiftId}`.execute(tx);
    const sh = shift.rows[0];
    if (!day || !sh) return null;
    const lang = (await sql<{ lang: Lang }>`select lang from workdays_signups where municipality_id = ${m.id} and id = ${signupId}`.execute(tx)).rows[0]?.lang ?? 'da';
    let to = s.guestEmail ?? '';
    let name = s.guestName ?? '';
    let personLang: Lang = lang;
    if (s.userId !== null) {
      const p = (await peopleByIds(tx, [s.userId])).get(s.userId);
      if (!p) return null;
      to = p.email;
      name = p.displayName;
      personLang = p.lang ?? lang;
    }
    const u = urlsFor(deps, m.slug);
    return { to, lang: personLang, name, dayTitle: day.title, shiftLabel: sh.label, startsAt: sh.starts_at, endsAt: sh.ends_at, meetingPoint: day.meetingPoint, dayUrl: u.day(day.id), cantComeUrl: token ? u.cantCome(token) : null };
  });
}

export async function sendSignupMail(deps: AppDeps, m: MunicipalityRef, signupId: number, status: 'confirmed' | 'waitlisted', token: string | null): Promise<void> {
  const l = await letterFor(deps, m, signupId, token);
  if (l) await send(deps, m, status === 'confirmed' ? 'signup' : 'waitlist', l);
}

export async function sendPromotionMail(deps: AppDeps, m: MunicipalityRef, signupId: number): Promise<void> {
  const token = await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
    const s = await findSignup(tx, m.id, signupId);
    if (!s) return null;
    const shift = await lockShift(tx, m.id, s.shiftId);
    return shift ? issueCantComeToken(tx, m.id, signupId, shift.endsAt) : null;
  });
  const l = await letterFor(deps, m, signupId, token);
  if (l) await send(deps, m, 'promoted', l);
}

/**
 * Reminds everyone with a confirmed place on a shift starting within `hours`. The reminders are claimed
 * (marked sent, rows locked with skip locked) in the transaction that finds them, so two runs at once
 * or one after the other never send the same reminder twice. A mail server failing after that loses
 * the reminder rather than risking two.
 */
export async function sendReminders(deps: AppDeps, options: { hours: number; dryRun?: boolean; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  const until = new Date(now.getTime() + options.hours * 3600_000);
  const municipalities = await deps.db.transaction({ municipalityId: null }, (tx) => listMunicipalities(tx));
  let total = 0;
  for (const m of municipalities) {
    const claimed = await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
      const due = await sql<{ id: number; shift_ends: Date }>`
        select w.id, s.ends_at as shift_ends from workdays_signups w
        join workdays_shifts s on s.municipality_id = w.municipality_id and s.id = w.shift_id
        where w.municipality_id = ${m.id} and w.status = 'confirmed' and w.reminder_sent_at is null
          and s.starts_at > ${now} and s.starts_at <= ${until}
        order by s.starts_at, w.id
        for update of w skip locked`.execute(tx);
      if (options.dryRun) return due.rows.map((r) => ({ id: r.id, token: null as string | null }));
      const out: { id: number; token: string | null }[] = [];
      for (const r of due.rows) {
        await sql`update workdays_signups set reminder_sent_at = ${now} where municipality_id = ${m.id} and id = ${r.id}`.execute(tx);
        out.push({ id: r.id, token: await issueCantComeToken(tx, m.id, r.id, r.shift_ends) });
      }
      return out;
    });
    total += claimed.length;
    if (options.dryRun) continue;
    for (const c of claimed) {
      const l = await letterFor(deps, m, c.id, c.token);
      if (l) await send(deps, m, 'reminder', l);
    }
  }
  return total;
}
