// Taking and giving back a place at a meeting. Both run inside a transaction that has locked the
// meeting row first (lockMeeting), so counting the confirmed places and writing the registration cannot
// interleave with another request for the same meeting: the request for the last place but one waits,
// then sees the meeting full and joins the waitlist. The database's capacity check backs this up.
import type { Executor } from '../../../core/db/database.js';
import type { Lang } from '../../../core/i18n/i18n.js';
import { findRegistration, firstWaitlisted, insertRegistration, nextPosition, reviveRegistration, setRegistrationStatus } from '../network.meetings.repository.js';
import type { Meeting, RegistrationStatus } from '../network.meetings.types.js';

export type TakePlaceResult = { ok: true; registrationId: number; status: 'confirmed' | 'waitlisted' } | { ok: false; error: 'already_registered' };

export async function takePlace(tx: Executor, meeting: Meeting, userId: number, lang: Lang): Promise<TakePlaceResult> {
  const existing = await findRegistration(tx, meeting.id, userId);
  if (existing && existing.status !== 'cancelled') return { ok: false, error: 'already_registered' };
  const free = meeting.confirmedCount < meeting.capacity;
  const status = free ? 'confirmed' : 'waitlisted';
  const position = await nextPosition(tx, meeting.id);
  let registrationId: number;
  if (existing) {
    await reviveRegistration(tx, existing.id, status, position, lang);
    registrationId = existing.id;
  } else {
    registrationId = await insertRegistration(tx, meeting.id, userId, status, position, lang);
  }
  if (free) meeting.confirmedCount += 1;
  return { ok: true, registrationId, status };
}

/** Moves people up from the waitlist, first come first served, while there are free places. */
export async function fillFromWaitlist(tx: Executor, meeting: Meeting): Promise<number[]> {
  const promoted: number[] = [];
  while (meeting.confirmedCount < meeting.capacity) {
    const next = await firstWaitlisted(tx, meeting.id);
    if (next === null) break;
    await setRegistrationStatus(tx, next, 'confirmed');
    meeting.confirmedCount += 1;
    promoted.push(next);
  }
  return promoted;
}

/** Cancels a registration; a confirmed place goes to the first on the waitlist. Returns who moved up. */
export async function releasePlace(tx: Executor, meeting: Meeting, registrationId: number, wasStatus: RegistrationStatus): Promise<number[]> {
  await setRegistrationStatus(tx, registrationId, 'cancelled');
  if (wasStatus !== 'confirmed') return [];
  meeting.confirmedCount -= 1;
  return fillFromWaitlist(tx, meeting);
}
