// A network meeting as an iCalendar event. Times are stored as instants (converted from Danish wall
// clock when the meeting was saved), and written in UTC, so a 10:00 meeting is at 10:00 in Copenhagen
// in winter (09:00Z) and in summer (08:00Z) alike, in every calendar app.
import type { IcalEvent } from '../../core/ical/ical.js';
import type { Meeting } from './network.meetings.types.js';
import { meetingUrls } from './network.meetings.urls.js';

export function meetingEvent(baseUrl: string, m: Meeting, hostName: string | null): IcalEvent {
  const url = `${baseUrl.replace(/\/+$/, '')}${meetingUrls.meeting(m.id)}`;
  const description = [hostName ? `${hostName}` : '', m.agenda ?? '', url].filter(Boolean).join('\n\n');
  return {
    uid: `network-meeting-${m.id}@samskab`,
    start: m.startsAt,
    end: m.endsAt,
    summary: m.title,
    description,
    location: [m.place, m.address].filter(Boolean).join(', '),
    url,
    status: 'CONFIRMED',
  };
}
