// Demo data: in each demo municipality a joint cleaning round every second Saturday (7 dates) for a
// group coordinated by a demo resident, with residents and a staff member signed up, a full shift with
// a waitlist, and one past day with attendance and verified hours. Idempotent: a municipality that
// already has work days is left alone.
import { sql } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { AppDeps } from '../../core/http/context.js';
import { findPersonByEmail, type Person } from '../accounts/index.js';
import { listGroupsForUser } from '../groups/index.js';
import { listAreas, loadMunicipality } from '../municipalities/index.js';
import { createWorkDay } from './commands/create-work-day.js';
import { takePlace } from './commands/places.js';
import { insertDay, insertShift, lockShift, setAttendance, setGuestsAllowed, verifyDayHours } from './workdays.repository.js';
import { addDays, fromLocal, isoWeekday, toLocal } from './workdays.time.js';

const towns: Record<string, string> = { hedensted: 'Hedensted midtby', lemvig: 'Lemvig havn', odder: 'Odder centrum' };

const actorOf = (p: Person, mid: number, role: 'facilitator' | 'resident'): Actor => ({
  id: p.id,
  sessionId: 'seed',
  displayName: p.displayName,
  email: p.email,
  emailVerified: true,
  lang: p.lang,
  networkRole: null,
  roles: new Map([[mid, new Set([role])]]),
});

export async function seedWorkdays(deps: AppDeps, log: (line: string) => void): Promise<void> {
  for (const [slug, town] of Object.entries(towns)) {
    const m = await loadMunicipality(deps, slug);
    if (!m) continue;
    const setup = await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
      const existing = await sql<{ n: string }>`select count(*) as n from workdays_days where municipality_id = ${m.id}`.execute(tx);
      if (Number(existing.rows[0]!.n) > 0) return null;
      const people = await Promise.all(['facilitator', 'borger1', 'borger2', 'borger3'].map((w) => findPersonByEmail(tx, `${w}@${slug}.samskab.dk`)));
      if (people.some((p) => !p)) return null;
      const [facilitator, b1, b2, b3] = people as Person[];
      const groups = await listGroupsForUser(tx, m.id, b1!.id);
      const group = groups.find((g) => g.membership.role === 'coordinator') ?? groups[0];
      if (!group) return null;
      const area = (await listAreas(tx, m.id))[0] ?? null;
      return { facilitator: facilitator!, b1: b1!, b2: b2!, b3: b3!, groupId: group.group.id, areaId: area?.id ?? null };
    });
    if (!setup) continue;
    const fields = {
      title: `Fælles rengøringshold i ${town}`,
      description: 'Borgere og kommunens medarbejdere gør byen pæn sammen: vi samler affald, luger bede og melder ødelagte bænke og huller i vejen til kommunen. Alle kan være med, og der er kaffe bagefter.',
      lang: 'da' as const,
      groupId: setup.groupId,
      initiativeId: null,
      areaId: setup.areaId,
      address: `Torvet, ${town.split(' ')[0]}`,
      meetingPoint: 'Ved informationstavlen på torvet',
      tasks: 'Samle affald langs stier og i parken\nLuge bedene ved torvet\nMelde skader til kommunen',
      equipment: 'Gribetænger, affaldssække, handsker og veste (kommunen låner ud)',
      bring: 'Tøj efter vejret og gerne en termokop',
    };
    const today = toLocal(new Date(), m.timeZone).date;
    const saturday = addDays(today, ((6 - isoWeekday(today) + 7) % 7) + 1);
    const round = await createWorkDay(deps.db, actorOf(setup.facilitator, m.id, 'facilitator'), m, fields, {
      date: saturday,
      startTime: '10:00',
      endTime: '13:00',
      shifts: [
        { label: 'Formiddagshold', startTime: '10:00', endTime: '11:30', capacity: 3 },
        { label: 'Middagshold', startTime: '11:30', endTime: '13:00', capacity: 6 },
      ],
      repeat: { everyWeeks: 2, count: 7, until: null },
    });
    if (!round.ok) {
      log(`workdays: could not seed ${slug}: ${round.error}`);
      continue;
    }
    const firstDay = round.value.dayIds[0]!;
    await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
      await setGuestsAllowed(tx, m.id, true);
      const shifts = await sql<{ id: number }>`select id from workdays_shifts where municipality_id = ${m.id} and day_id = ${firstDay} order by starts_at`.execute(tx);
      const morning = await lockShift(tx, m.id, shifts.rows[0]!.id);
      const noon = await lockShift(tx, m.id, shifts.rows[1]!.id);
      const opts = { kind: 'resident' as const, waitlist: true, assignedBy: null, lang: 'da' as const };
      await takePlace(tx, m.id, morning!, { userId: setup.facilitator.id }, { ...opts, kind: 'staff', waitlist: false, assignedBy: setup.facilitator.id });
      await takePlace(tx, m.id, morning!, { userId: setup.b1.id }, opts);
      await takePlace(tx, m.id, morning!, { userId: setup.b2.id }, opts);
      await takePlace(tx, m.id, morning!, { userId: setup.b3.id }, opts);
      await takePlace(tx, m.id, morning!, { email: 'gaest@example.dk', name: 'Grethe Gæst' }, opts);
      await takePlace(tx, m.id, noon!, { userId: setup.b3.id }, opts);

      // A day two weeks ago, with attendance taken and hours verified.
      const past = addDays(saturday, -14);
      const start = fromLocal(past, '10:00', m.timeZone);
      const end = fromLocal(past, '13:00', m.timeZone);
      if (!start.ok || !end.ok) return;
      const dayId = await insertDay(tx, m.id, fields, { startsAt: start.value, endsAt: end.value, roundId: null, createdBy: setup.facilitator.id });
      const shiftId = await insertShift(tx, m.id, dayId, { label: 'Hele holdet', startsAt: start.value, endsAt: end.value, capacity: 8 });
      const shift = await lockShift(tx, m.id, shiftId);
      const hours: [number, 'resident' | 'staff', number][] = [
        [setup.b1.id, 'resident', 180],
        [setup.b2.id, 'resident', 150],
        [setup.facilitator.id, 'staff', 180],
      ];
      for (const [userId, kind, minutes] of hours) {
        const r = await takePlace(tx, m.id, shift!, { userId }, { ...opts, kind, waitlist: false });
        if (r.ok) await setAttendance(tx, m.id, r.signupId, true, minutes);
      }
      await verifyDayHours(tx, m.id, dayId, setup.facilitator.id);
    });
    log(`seeded workdays for ${slug}: a cleaning round of ${round.value.dayIds.length} dates`);
  }
}
