// E-mails about meeting registrations: the confirmation of a place, the note that one is on the
// waitlist, and the message to someone who moved up from it. Sent after the change committed; a
// failing mail server never turns a registration into an error page.
import type { AppDeps } from '../../core/http/context.js';
import type { Lang } from '../../core/i18n/i18n.js';
import { peopleByIds } from '../accounts/index.js';
import { findMeeting, findRegistrationById, waitlistPlace } from './network.meetings.repository.js';
import { NETWORK_TIME_ZONE } from './network.meetings.types.js';
import { meetingUrls } from './network.meetings.urls.js';

export type RegistrationMailKind = 'confirmed' | 'waitlisted' | 'promoted';

type MailDeps = Pick<AppDeps, 'db' | 'mailer' | 'catalog' | 'log' | 'config'>;

/** The meeting's day and times in Danish time, worded as on the meeting's page. */
function formatMeetingTime(deps: Pick<AppDeps, 'catalog'>, lang: Lang, start: Date, end: Date): string {
  const locale = lang === 'da' ? 'da-DK' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { timeZone: NETWORK_TIME_ZONE, dateStyle: 'full' }).format(start);
  const time = new Intl.DateTimeFormat(locale, { timeZone: NETWORK_TIME_ZONE, timeStyle: 'short' });
  return deps.catalog.format(lang, 'network.meetings.when', { day, start: time.format(start), end: time.format(end) });
}

export async function sendRegistrationMail(deps: MailDeps, registrationId: number, kind: RegistrationMailKind): Promise<void> {
  try {
    const letter = await deps.db.transaction({ municipalityId: null }, async (tx) => {
      const r = await findRegistrationById(tx, registrationId);
      if (!r) return null;
      const meeting = await findMeeting(tx, r.meetingId);
      const person = (await peopleByIds(tx, [r.userId])).get(r.userId);
      if (!meeting || !person) return null;
      const place = r.status === 'waitlisted' ? await waitlistPlace(tx, meeting.id, r.position) : 0;
      return { meeting, person, lang: person.lang ?? r.lang, place };
    });
    if (!letter) return;
    const { meeting, person, lang, place } = letter;
    const f = (key: string, values?: Record<string, string | number>) => deps.catalog.format(lang, key, values);
    const base = deps.config.baseUrl.replace(/\/+$/, '');
    const lines = [
      f('network.meetings.mail.greeting', { name: person.displayName }),
      '',
      f(`network.meetings.mail.${kind}.body`, { meeting: meeting.title, place }),
      '',
      `${f('network.meetings.mail.when')}: ${formatMeetingTime(deps, lang, meeting.startsAt, meeting.endsAt)}`,
      `${f('network.meetings.mail.where')}: ${[meeting.place, meeting.address].filter(Boolean).join(', ')}`,
      `${f('network.meetings.mail.details')}: ${base}${meetingUrls.meeting(meeting.id)}`,
      ...(kind === 'waitlisted' ? [] : [`${f('network.meetings.mail.calendar')}: ${base}${meetingUrls.meetingIcs(meeting.id)}`]),
      '',
      f('network.meetings.mail.cancel'),
    ];
    await deps.mailer.send({ to: person.email, subject: f(`network.meetings.mail.${kind}.subject`, { meeting: meeting.title }), text: lines.join('\n') });
  } catch (error) {
    deps.log.error('network meeting mail failed', { error, kind });
  }
}
