// Demo data of seasons and meetings: the current season with the three demo municipalities and their
// leaders, two meetings held (with minutes and the cases discussed) and two ahead, one nearly full.
// Idempotent: what exists is found by name or title and left as it is; linking cases runs every time
// and links only what is missing, so it picks up the practice library's cases once they exist.
import type { AppDeps } from '../../core/http/context.js';
import type { Executor } from '../../core/db/database.js';
import { fromWallClock, todayIn } from '../../core/time/zoned-time.js';
import { findPersonByEmail } from '../accounts/index.js';
import { listMunicipalities } from '../municipalities/index.js';
import { takePlace } from './commands/meeting-places.js';
import {
  casesByTitle,
  insertMeeting,
  insertMeetingCase,
  insertSeason,
  insertSeasonMember,
  listMeetings,
  listSeasons,
  lockMeeting,
  setMinutes,
  upsertLeader,
} from './network.meetings.repository.js';
import { NETWORK_TIME_ZONE } from './network.meetings.types.js';

const leaders: { email: string; municipality: string; role: string }[] = [
  { email: 'netvaerk@hedensted.samskab.dk', municipality: 'hedensted', role: 'kommunaldirektør' },
  { email: 'leder@hedensted.samskab.dk', municipality: 'hedensted', role: 'direktør for social og sundhed' },
  { email: 'netvaerk@lemvig.samskab.dk', municipality: 'lemvig', role: 'direktør for kultur og fritid' },
  { email: 'leder@lemvig.samskab.dk', municipality: 'lemvig', role: 'kommunaldirektør' },
  { email: 'netvaerk@odder.samskab.dk', municipality: 'odder', role: 'chef for borgerservice og digitalisering' },
];

interface DemoMeeting {
  title: string;
  host: string;
  /** Days from today (negative: held). */
  inDays: number;
  place: string;
  address: string;
  agenda: string;
  capacity: number;
  deadlineDaysBefore: number | null;
  registered: string[];
  minutes?: string;
  /** Words looked for in the titles of published cases, to link the cases discussed. */
  caseWords?: string[];
}

const meetings: DemoMeeting[] = [
  {
    title: 'Sæsonstart: fra at fikse til at facilitere',
    host: 'hedensted',
    inDays: -49,
    place: 'Hedensted Rådhus, byrådssalen',
    address: 'Hedensted',
    agenda: 'Velkomst og sæsonens tema\nHedensted fortæller: lokalsamfundene sat fri\nFælles rengøringshold af borgere og medarbejdere\nGruppearbejde: hvad slipper vi, og hvad holder vi fast i?\nDo’s and don’ts til næste møde',
    capacity: 30,
    deadlineDaysBefore: 7,
    registered: ['netvaerk@hedensted.samskab.dk', 'leder@hedensted.samskab.dk', 'netvaerk@lemvig.samskab.dk', 'netvaerk@odder.samskab.dk'],
    minutes:
      'Til stede: ledere fra Hedensted, Lemvig og Odder.\n\n1. Sæsonens tema er samskabelse med lokalsamfundene.\n2. Hedensted viste, hvordan kommunen er gået fra at løse opgaven til at facilitere den. Det vigtigste: tillid, en fast kontaktperson og små midler uden lange ansøgninger.\n3. Det fælles rengøringshold: borgere og medarbejdere gør rent sammen; timerne registreres og tælles med.\n\nDo’s: start småt, aftal roller skriftligt, fejr resultaterne.\nDon’ts: lov ikke mere, end forvaltningen kan holde.',
    caseWords: ['rengøring', 'facilit', 'lokalsamfund'],
  },
  {
    title: 'Borgerne planlægger bussen',
    host: 'lemvig',
    inDays: -20,
    place: 'Lemvig Rådhus, mødelokale 1',
    address: 'Lemvig',
    agenda: 'Hvordan borgere omlagde bustiderne til en billigere løsning\nBesparelsen betalte for en bybus\nSådan måler vi besparelsen og får den godkendt\nHvad kan de andre kommuner bruge?',
    capacity: 30,
    deadlineDaysBefore: null,
    registered: ['netvaerk@lemvig.samskab.dk', 'leder@lemvig.samskab.dk', 'netvaerk@hedensted.samskab.dk'],
    minutes:
      '1. Borgergruppen gennemgik køreplanen og foreslog færre, men bedre tilpassede afgange.\n2. Besparelsen blev målt mod en baseline og godkendt af økonomi; pengene blev geninvesteret i en bybus.\n3. Odder og Lemvig undersøger at adoptere casen.\n\nDo’s: inddrag buschaufførerne tidligt.\nDon’ts: ændr ikke skolebussernes tider uden skolerne.',
    caseWords: ['bus'],
  },
  {
    title: 'Værksted: fælles køkkener og lokaler',
    host: 'odder',
    inDays: 16,
    place: 'Odder Rådhus, kantinen',
    address: 'Odder',
    agenda: 'Skolekøkkenet der blev byens fælles køkken\nBooking, nøgler og hygiejne\nPrioritet til godkendte initiativer\nRundvisning',
    capacity: 4,
    deadlineDaysBefore: null,
    registered: ['netvaerk@hedensted.samskab.dk', 'netvaerk@lemvig.samskab.dk', 'leder@hedensted.samskab.dk'],
  },
  {
    title: 'Partnerskaber og professionelle roller',
    host: 'hedensted',
    inDays: 44,
    place: 'Hedensted Rådhus, byrådssalen',
    address: 'Hedensted',
    agenda: 'Hvem gør hvad, når borgere og kommune løser opgaven sammen?\nNye roller for medarbejderne\nKvalitet og ansvar\nSkalering: fra én landsby til hele kommunen',
    capacity: 40,
    deadlineDaysBefore: 5,
    registered: ['netvaerk@odder.samskab.dk'],
  },
];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Meetings are held on weekdays: a Saturday or Sunday moves to the Friday before (held) or the Monday after. */
function weekday(date: string, held: boolean): string {
  let d = date;
  for (;;) {
    const day = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) return d;
    d = addDays(d, held ? -1 : 1);
  }
}

function at(date: string, time: string): Date {
  const r = fromWallClock(date, time, NETWORK_TIME_ZONE);
  if (!r.ok) throw new Error(`no such time ${date} ${time}`);
  return r.value;
}

async function personId(tx: Executor, email: string): Promise<number | null> {
  return (await findPersonByEmail(tx, email))?.id ?? null;
}

export async function seedNetworkMeetings(deps: AppDeps, log: (line: string) => void, now = new Date()): Promise<void> {
  const today = todayIn(now, NETWORK_TIME_ZONE);
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 8 ? 1 : 0);
  const seasonName = `Sæson ${year}/${String((year + 1) % 100).padStart(2, '0')}`;
  const result = await deps.db.transaction({ municipalityId: null }, async (tx) => {
    const slugs = new Map((await listMunicipalities(tx)).map((m) => [m.slug, m.id]));
    if (!['hedensted', 'lemvig', 'odder'].every((s) => slugs.has(s))) return null;
    const adminId = await personId(tx, 'netvaerk@samskab.dk');
    const season = (await listSeasons(tx)).find((s) => s.name === seasonName);
    const seasonId =
      season?.id ??
      (await insertSeason(
        tx,
        {
          name: seasonName,
          startsOn: `${year}-08-01`,
          endsOn: `${year + 1}-06-30`,
          themeDa: 'Samskabelse med lokalsamfundene',
          themeEn: 'Co-creation with local communities',
          descriptionDa: 'Sæsonen handler om, hvordan kommunen går fra at fikse til at facilitere: hvordan borgere, foreninger og virksomheder løser opgaver sammen med kommunen, og hvordan besparelserne bliver til nye tilbud.',
          descriptionEn: 'The season is about how the municipality moves from fixing to facilitating: how citizens, associations and businesses solve tasks together with the municipality, and how the savings become new services.',
        },
        adminId,
      ));
    let created = 0;
    for (const slug of ['hedensted', 'lemvig', 'odder']) await insertSeasonMember(tx, seasonId, slugs.get(slug)!);
    for (const l of leaders) {
      const id = await personId(tx, l.email);
      if (id !== null) await upsertLeader(tx, seasonId, slugs.get(l.municipality)!, id, l.role);
    }
    const existing = await listMeetings(tx, { seasonId, publicOnly: false, order: 'asc' });
    let linked = 0;
    for (const d of meetings) {
      let meetingId = existing.find((m) => m.title === d.title)?.id ?? null;
      if (meetingId === null) {
        const date = weekday(addDays(today, d.inDays), d.inDays < 0);
        meetingId = await insertMeeting(
          tx,
          {
            seasonId,
            hostMunicipalityId: slugs.get(d.host)!,
            title: d.title,
            lang: 'da',
            startsAt: at(date, '10:00'),
            endsAt: at(date, '15:00'),
            place: d.place,
            address: d.address,
            agenda: d.agenda,
            isPublic: true,
            capacity: d.capacity,
            registrationDeadline: d.deadlineDaysBefore === null ? null : at(addDays(date, -d.deadlineDaysBefore), '12:00'),
          },
          adminId,
        );
        const meeting = (await lockMeeting(tx, meetingId))!;
        for (const email of d.registered) {
          const id = await personId(tx, email);
          if (id !== null) await takePlace(tx, meeting, id, 'da');
        }
        if (d.minutes) await setMinutes(tx, meetingId, d.minutes);
        created += 1;
      }
      for (const word of d.caseWords ?? []) {
        for (const c of await casesByTitle(tx, word, 2)) if (await insertMeetingCase(tx, meetingId, c.municipalityId, c.id, adminId)) linked += 1;
      }
    }
    return { created, linked };
  });
  if (!result) {
    log('  network seasons: the demo municipalities are missing, skipped');
    return;
  }
  log(`  network: ${seasonName}, ${result.created} demo meetings created, ${result.linked} cases linked to meetings`);
}
