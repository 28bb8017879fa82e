// Demo facilities in each demo municipality: a school kitchen that needs approval, a library meeting
// room that books directly, and equipment from the municipal depot, with opening hours and a few
// bookings around today. Idempotent: a facility whose slug exists is left alone (with its bookings).
import type { AppDeps } from '../../core/http/context.js';
import { findPersonByEmail } from '../accounts/index.js';
import { loadMunicipality } from '../municipalities/index.js';
import { findFacility, insertBooking, insertFacility, listFacilities, type FacilityFields } from './facilities.repository.js';
import { addDays, fromWallClock, todayIn, weekdayOf } from './facilities.time.js';

interface DemoFacility {
  fields: Omit<FacilityFields, 'horizonDays' | 'priorityHorizonDays' | 'cancelDeadlineHours'>;
  hours: [weekdays: number[], opens: number, closes: number][];
}

function demo(town: { school: string; library: string; depot: string }): DemoFacility[] {
  return [
    {
      fields: {
        slug: 'skolekoekken',
        kind: 'room',
        name: `Skolekøkkenet på ${town.school}`,
        institution: town.school,
        address: '',
        description: 'Et stort køkken med seks kogeøer, industriopvaskemaskine og spisesal til 40. Brugt til fællesspisning, madkurser og foreningsfester, når skolen har fri.',
        capacity: 40,
        accessibility: 'Niveaufri adgang fra skolegården. Handicaptoilet ved spisesalen. Én kogeø er sænket til kørestolsbrugere.',
        houseRules: 'Køkkenet afleveres rengjort, som I fandt det.\nAffald sorteres og bringes til containerne.\nIngen alkohol i skoletiden.',
        depositNote: 'Depositum for rengøring: 500 kr., som betales tilbage, når køkkenet er set efter.',
        needsApproval: true,
        allowResidents: true,
        allowGroups: true,
        allowAssociations: true,
      },
      hours: [[[1, 2, 3, 4, 5], 16 * 60, 22 * 60], [[6, 7], 9 * 60, 22 * 60]],
    },
    {
      fields: {
        slug: 'moedelokale-bibliotek',
        kind: 'room',
        name: `Mødelokale på ${town.library}`,
        institution: town.library,
        address: '',
        description: 'Lyst mødelokale med skærm, whiteboard og kaffemaskine. Godt til bestyrelsesmøder og små workshops.',
        capacity: 12,
        accessibility: 'Elevator til 1. sal. Teleslynge i lokalet.',
        houseRules: 'Sæt stolene på plads, og sluk skærmen efter brug.',
        depositNote: '',
        needsApproval: false,
        allowResidents: true,
        allowGroups: true,
        allowAssociations: true,
      },
      hours: [[[1, 2, 3, 4], 8 * 60, 21 * 60], [[5], 8 * 60, 17 * 60], [[6], 10 * 60, 14 * 60]],
    },
    {
      fields: {
        slug: 'trailer-haveredskaber',
        kind: 'equipment',
        name: `Trailer og haveredskaber fra ${town.depot}`,
        institution: town.depot,
        address: '',
        description: 'Trailer (750 kg) med net, to plæneklippere, trillebøre, river og skovle – til arbejdsdage og fælles havedage.',
        capacity: 1,
        accessibility: 'Afhentes i gården ved materielgården. Personalet hjælper med at koble traileren på.',
        houseRules: 'Redskaberne afleveres rengjorte. Fejl og skader meldes til materielgården.',
        depositNote: '',
        needsApproval: false,
        allowResidents: false,
        allowGroups: true,
        allowAssociations: true,
      },
      hours: [[[1, 2, 3, 4, 5], 7 * 60, 15 * 60 + 30]],
    },
  ];
}

const towns: Record<string, { school: string; library: string; depot: string }> = {
  hedensted: { school: 'Tørring Skole', library: 'Juelsminde Bibliotek', depot: 'Materielgården' },
  lemvig: { school: 'Thyborøn Skole', library: 'Lemvig Bibliotek', depot: 'Materielgården i Lemvig' },
  odder: { school: 'Hou Skole', library: 'Odder Bibliotek', depot: 'Odder Materielgård' },
};

/** The next date on or after `from` that is one of `weekdays`. */
function next(from: string, weekdays: number[]): string {
  let d = from;
  while (!weekdays.includes(weekdayOf(d))) d = addDays(d, 1);
  return d;
}

export async function seedFacilities(deps: AppDeps, log: (line: string) => void): Promise<void> {
  for (const [slug, town] of Object.entries(towns)) {
    const m = await loadMunicipality(deps, slug);
    if (!m) continue;
    const tz = m.timeZone;
    const today = todayIn(new Date(), tz);
    await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
      const existing = new Set((await listFacilities(tx, m.id)).map((f) => f.slug));
      const resident1 = await findPersonByEmail(tx, `borger1@${slug}.samskab.dk`);
      const resident2 = await findPersonByEmail(tx, `borger2@${slug}.samskab.dk`);
      for (const d of demo(town)) {
        if (existing.has(d.fields.slug)) continue;
        const hours = d.hours.flatMap(([days, opensMin, closesMin]) => days.map((weekday) => ({ weekday, opensMin, closesMin })));
        const closed = [`${today.slice(0, 4)}-12-24`, `${today.slice(0, 4)}-12-25`, `${today.slice(0, 4)}-12-31`]
          .filter((date) => date > today)
          .map((date) => ({ date, reason: 'Helligdag' }));
        const f = await insertFacility(tx, m.id, { ...d.fields, horizonDays: 30, priorityHorizonDays: 180, cancelDeadlineHours: 24 }, hours, closed);
        log(`facilities: ${m.slug}/${f.slug}`);
        const detail = await findFacility(tx, m.id, f.id);
        if (!detail || !resident1 || !resident2) continue;
        const book = async (date: string, start: string, end: string, who: number, purpose: string, status: 'pending' | 'confirmed') => {
          const s = fromWallClock(date, start, tz);
          const e = fromWallClock(date, end, tz);
          if (!s.ok || !e.ok || detail.closed.some((c) => c.date === date)) return;
          await insertBooking(tx, m.id, { facilityId: f.id, bookedBy: who, groupId: null, purpose, attendees: null, startsAt: s.value, endsAt: e.value, status });
        };
        if (d.fields.slug === 'skolekoekken') {
          await book(next(addDays(today, 2), [3]), '17:00', '21:00', resident1.id, 'Fællesspisning for hele byen', 'confirmed');
          await book(next(addDays(today, 4), [6]), '10:00', '14:00', resident2.id, 'Madkursus for nye danskere', 'pending');
        } else if (d.fields.slug === 'moedelokale-bibliotek') {
          await book(next(addDays(today, 1), [1, 2, 3, 4]), '19:00', '21:00', resident1.id, 'Bestyrelsesmøde i lokalrådet', 'confirmed');
          await book(next(addDays(today, 3), [1, 2, 3, 4]), '10:00', '12:00', resident2.id, 'Læsekreds', 'confirmed');
        }
      }
    });
  }
}
