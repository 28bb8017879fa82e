// Demo groups in the demo municipalities, written the way such groups describe themselves, with the
// demo residents (see the accounts seed) as coordinators and members. Idempotent: a group whose slug
// exists is left as it is.
import type { AppDeps } from '../../core/http/context.js';
import { listAreas, listThemes, loadMunicipality } from '../municipalities/index.js';
import { findPersonByEmail } from './groups.people.js';
import { findGroupBySlug, insertActivity, insertBoardPosition, insertGroup, insertMembership, insertPost, localInstant } from './groups.repository.js';
import { slugify } from './groups.slug.js';
import type { BoardRole, GroupKind, MembershipPolicy } from './groups.types.js';
import { todayIn } from './views/shared.js';

/** Who: the part before @ of a demo e-mail in the same municipality (borger1, facilitator ...). */
type Who = string;

interface DemoGroup {
  name: string;
  kind: GroupKind;
  area: string | null;
  theme: string | null;
  policy: MembershipPolicy;
  /** Seven digits; the eighth is computed so the number passes the modulus-11 check. */
  cvrPrefix?: string;
  description: string;
  statutes?: string;
  coordinators: Who[];
  /** [who, shown by name] */
  members: [Who, boolean][];
  requested?: Who[];
  invited?: Who[];
  board?: [Who, BoardRole, string][];
  /** [days from today, local time, title, place] */
  activities: [number, string, string, string][];
  /** [who, text, replies] */
  posts: [Who, string, [Who, string][]?][];
}

/** The check digit that makes `prefix7` a valid CVR number, or null when none does. */
export function cvrWithCheckDigit(prefix7: string): string | null {
  const weights = [2, 7, 6, 5, 4, 3, 2];
  const sum = [...prefix7].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : `${prefix7}${check}`;
}

const standardStatutes = (name: string, place: string) =>
  `§ 1. Navn og hjemsted\nForeningens navn er ${name}. Foreningen har hjemsted i ${place}.\n\n` +
  `§ 2. Formål\nForeningens formål er at styrke fællesskabet og livet i ${place} ved at samle borgere, foreninger og erhvervsliv om fælles projekter og at være bindeled til kommunen.\n\n` +
  `§ 3. Medlemmer\nSom medlem kan optages enhver, der bor eller driver virksomhed i ${place} og omegn, og som støtter foreningens formål.\n\n` +
  `§ 4. Generalforsamling\nGeneralforsamlingen er foreningens øverste myndighed. Ordinær generalforsamling afholdes hvert år i marts og indkaldes med mindst 14 dages varsel.\n\n` +
  `§ 5. Bestyrelse\nForeningen ledes af en bestyrelse på 5 medlemmer, som vælges for 2 år ad gangen. Bestyrelsen konstituerer sig selv med formand, kasserer og sekretær.\n\n` +
  `§ 6. Økonomi\nForeningens regnskabsår er kalenderåret. Regnskabet revideres af en revisor valgt på generalforsamlingen.\n\n` +
  `§ 7. Opløsning\nVed opløsning tilfalder en eventuel formue almennyttige formål i ${place} efter generalforsamlingens beslutning.`;

const demoGroups: Record<string, DemoGroup[]> = {
  hedensted: [
    {
      name: 'Stouby Lokalråd',
      kind: 'local_council',
      area: 'Stouby',
      theme: 'community-spaces',
      policy: 'open',
      cvrPrefix: '3714826',
      description:
        'Stouby Lokalråd er bindeleddet mellem borgerne i Stouby og Hedensted Kommune. Vi samler foreninger, skole, børnehave og erhvervsliv om det, der gør byen til et godt sted at bo.\n\n' +
        'Lige nu arbejder vi med en ny trafiksikker skolevej, fornyelse af legepladsen ved hallen og vandrestien langs Rårup Å.\n\n' +
        'Alle i Stouby kan være med. Vi holder åbent møde den første tirsdag i måneden i Stouby Hallens mødelokale. Læs mere om lokalrådene i kommunen på https://www.hedensted.dk.',
      statutes: standardStatutes('Stouby Lokalråd', 'Stouby'),
      coordinators: ['borger1'],
      members: [['borger2', true], ['borger4', false]],
      board: [['borger1', 'chairperson', '2024-03-12'], ['borger2', 'treasurer', '2024-03-12']],
      activities: [[9, '19:00', 'Åbent lokalrådsmøde', 'Stouby Hallen, mødelokalet'], [24, '10:00', 'Arbejdsdag: ny legeplads ved hallen', 'Stouby Hallen']],
      posts: [
        ['borger1', 'Tak til alle, der mødte op til borgermødet om skolevejen! Referatet kommer her i debatten i løbet af ugen.', [['borger2', 'Godt møde. Jeg kan hjælpe med at tælle biler i morgentrafikken, hvis vi skal have tal til kommunen.']]],
        ['borger4', 'Er der nogen, der ved, om der kommer nye bænke ved åstien i år?'],
      ],
    },
    {
      name: 'Borgerbussen Juelsminde',
      kind: 'association',
      area: 'Juelsminde',
      theme: 'mobility',
      policy: 'open',
      cvrPrefix: '4102336',
      description:
        'Vi er borgerne, der selv lagde en ny køreplan for bussen i Juelsminde. Den gamle rute kørte ofte tom; vores plan kører, når folk faktisk skal med – til lægen, til indkøb og til toget i Hedensted.\n\n' +
        'Pengene, kommunen sparede på den gamle rute, betaler nu for vores egen bybus. Frivillige chauffører kører bussen på hverdage, og vi mangler altid flere.\n\n' +
        'Har du kørekort og et par timer om ugen? Så bliv medlem og skriv dig på vagtplanen.',
      statutes: standardStatutes('Borgerbussen Juelsminde', 'Juelsminde'),
      coordinators: ['borger2'],
      members: [['borger1', true], ['borger3', true]],
      board: [['borger2', 'chairperson', '2023-04-01'], ['borger3', 'secretary', '2024-04-01']],
      activities: [[3, '08:30', 'Chaufførmøde og vagtplan for næste måned', 'Juelsminde Bibliotek'], [17, '14:00', 'Prøvetur på den nye morgenrute', 'Juelsminde Havn, busstoppestedet']],
      posts: [
        ['borger2', 'Ny morgenrute fra 1. i næste måned: vi kører forbi lægehuset kl. 8.10. Sig til, hvis tiden ikke passer.', [['borger3', 'Super! Kan vi også holde ved Netto på vejen tilbage?'], ['borger2', 'Vi prøver det af på prøveturen.']]],
      ],
    },
    {
      name: 'Fælleskøkkenet i Tørring Skole',
      kind: 'informal',
      area: 'Tørring',
      theme: 'community-spaces',
      policy: 'request',
      description:
        'Skolekøkkenet i Tørring står tomt om aftenen og i weekenden. Nu bruger vi det sammen: fællesspisning hver anden torsdag, madlavning for ældre i byen og kurser for nye tørringensere.\n\n' +
        'Vi har en aftale med skolen om lån af køkkenet og et fast hold, der står for rengøring og hygiejne. Skriv en anmodning, så tager en tovholder kontakt og viser dig køkkenet.',
      coordinators: ['borger3'],
      members: [['borger1', false]],
      requested: ['borger4'],
      activities: [[6, '17:30', 'Fællesspisning: suppe og hjemmebagt brød', 'Tørring Skole, skolekøkkenet'], [20, '17:30', 'Fællesspisning: syrisk aften', 'Tørring Skole, skolekøkkenet']],
      posts: [['borger3', 'Vi mangler to hjælpere til oprydning efter fællesspisningen torsdag. Hvem kan?', [['borger1', 'Jeg kan godt.']]]],
    },
    {
      name: 'Grønne Hænder Hedensted',
      kind: 'informal',
      area: 'Hedensted',
      theme: 'environment',
      policy: 'open',
      description:
        'Vi passer byens grønne hjørner: plantekasser på Hovedgaden, frugttræer i Tofteparken og en insektvenlig grøftekant langs stien til stationen.\n\n' +
        'Alle kan være med – også hvis man kun har en time. Vi mødes én lørdag om måneden, og kommunens park og vej stiller redskaber og trailer til rådighed.',
      coordinators: ['borger4'],
      members: [['borger1', true], ['borger2', false], ['borger3', true]],
      activities: [[12, '10:00', 'Plantedag i Tofteparken', 'Tofteparken, ved legepladsen'], [40, '10:00', 'Høst af æbler og pærer', 'Tofteparken']],
      posts: [['borger4', 'Kommunen har sagt ja til, at vi må så blomsterengen ved stationsstien. Frøene er bestilt.']],
    },
    {
      name: 'Rengøringsholdet i Løsning',
      kind: 'informal',
      area: 'Løsning',
      theme: 'health-care',
      policy: 'invite',
      description:
        'Borgere og kommunens medarbejdere i ét hold: vi gør rent i byens fælleslokaler, ved busstoppestederne og på legepladserne – sammen.\n\n' +
        'Holdet er lille og fast, så nye kommer med efter invitation. Kontakt en af os, hvis du vil være med.',
      coordinators: ['borger1'],
      members: [['borger2', true]],
      invited: ['borger4'],
      activities: [[2, '16:00', 'Fast runde: busstoppesteder og legepladser', 'Løsning Torv']],
      posts: [],
    },
  ],
  lemvig: [
    {
      name: 'Harboøre Borgerforening',
      kind: 'association',
      area: 'Harboøre',
      theme: 'culture',
      policy: 'open',
      cvrPrefix: '2755901',
      description:
        'Harboøre Borgerforening arbejder for et aktivt og levende Harboøre. Vi står bag byfesten, juletræstændingen, fastelavn i forsamlingshuset og den årlige strandrensning.\n\n' +
        'Medlemskab er for alle, der bor i Harboøre og omegn. Vi holder generalforsamling i marts.',
      statutes: standardStatutes('Harboøre Borgerforening', 'Harboøre'),
      coordinators: ['borger1'],
      members: [['borger2', true], ['borger3', true]],
      board: [['borger1', 'chairperson', '2023-03-20'], ['borger2', 'treasurer', '2023-03-20'], ['borger3', 'member', '2024-03-18']],
      activities: [[15, '19:30', 'Bestyrelsesmøde', 'Harboøre Forsamlingshus'], [33, '13:00', 'Byfest: optog og kaffebord', 'Harboøre Torv']],
      posts: [['borger1', 'Vi søger frivillige til kagebordet ved byfesten. Skriv her, hvis du vil bage!', [['borger3', 'Jeg bager en lagkage.']]]],
    },
    {
      name: 'Thyborøn Lokalråd',
      kind: 'local_council',
      area: 'Thyborøn',
      theme: 'community-spaces',
      policy: 'open',
      description:
        'Thyborøn Lokalråd samler byens foreninger, havnen og borgerne om byens udvikling – fra kystsikring og stier til et levende havnemiljø.\n\nVi er kommunens samarbejdspartner i Thyborøn. Kom med til vores åbne møder.',
      coordinators: ['borger2'],
      members: [['borger1', true]],
      activities: [[11, '19:00', 'Åbent møde om havnepladsen', 'Thyborøn Kulturhus']],
      posts: [],
    },
    {
      name: 'Rent Vesterhav',
      kind: 'informal',
      area: 'Harboøre',
      theme: 'environment',
      policy: 'open',
      description:
        'Vi samler affald på stranden mellem Harboøre og Thyborøn hver måned. Sække, tænger og handsker ligger klar – tag familien med.\n\nSe også Kystdirektoratets råd om færdsel på stranden: https://kyst.dk.',
      coordinators: ['borger3'],
      members: [['borger1', false], ['borger2', true]],
      activities: [[5, '10:00', 'Strandrensning ved Langerhuse', 'P-pladsen ved Langerhuse']],
      posts: [['borger3', 'Sidste gang samlede vi 48 kg affald – mest plast og fiskeline. Tak til alle 23, der kom!']],
    },
  ],
  odder: [
    {
      name: 'Hou Lokalråd',
      kind: 'local_council',
      area: 'Hou',
      theme: 'community-spaces',
      policy: 'open',
      cvrPrefix: '3598217',
      description:
        'Hou Lokalråd er kommunens samarbejdspartner i Hou. Vi arbejder for stier langs kysten, et levende havnemiljø og gode forhold for børnefamilier og ældre.\n\nAlle borgere i Hou er velkomne til vores åbne møder.',
      statutes: standardStatutes('Hou Lokalråd', 'Hou'),
      coordinators: ['borger1'],
      members: [['borger2', true]],
      board: [['borger1', 'chairperson', '2024-02-27']],
      activities: [[8, '19:00', 'Åbent møde om kyststien', 'Hou Havn, Sejlklubbens lokale']],
      posts: [['borger1', 'Udkastet til ny kyststi er klar. Vi gennemgår det på det åbne møde – kom og giv dit besyv.']],
    },
    {
      name: 'Tunø Beboerforening',
      kind: 'association',
      area: 'Tunø',
      theme: 'mobility',
      policy: 'request',
      cvrPrefix: '2940016',
      description: 'Vi er øens beboere og arbejder for en færgeplan, der passer til hverdagen på Tunø, og for at øens fælleshus kan bruges af alle.',
      statutes: standardStatutes('Tunø Beboerforening', 'Tunø'),
      coordinators: ['borger2'],
      members: [['borger3', true]],
      requested: ['borger1'],
      activities: [[21, '11:00', 'Møde med færgeselskabet om vinterplanen', 'Tunø Fælleshus']],
      posts: [],
    },
    {
      name: 'Gylling Spisefællesskab',
      kind: 'informal',
      area: 'Gylling',
      theme: 'health-care',
      policy: 'open',
      description: 'Fællesspisning for alle i Gylling hver onsdag. Vi laver maden på skift, og det koster 40 kr. for voksne og 20 kr. for børn.',
      coordinators: ['borger3'],
      members: [['borger1', true], ['borger2', false]],
      activities: [[4, '18:00', 'Onsdagsspisning: frikadeller og kartoffelsalat', 'Gylling Forsamlingshus']],
      posts: [['borger3', 'Næste uge er det vegetarisk. Sig til, hvis I har allergier.']],
    },
  ],
};

const DAY_MS = 24 * 3600_000;

function plusDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function seedGroups(deps: AppDeps, log: (line: string) => void): Promise<void> {
  for (const [slug, groups] of Object.entries(demoGroups)) {
    const m = await loadMunicipality(deps, slug);
    if (!m) continue;
    const made = await deps.db.transaction({ municipalityId: m.id }, async (tx) => {
      const [areas, themes] = await Promise.all([listAreas(tx, m.id), listThemes(tx, m.id)]);
      const people = new Map<Who, number>();
      for (const who of ['borger1', 'borger2', 'borger3', 'borger4', 'facilitator']) {
        const person = await findPersonByEmail(tx, `${who}@${slug}.samskab.dk`);
        if (person) people.set(who, person.id);
      }
      const facilitator = people.get('facilitator') ?? null;
      const today = todayIn(m.timeZone);
      let count = 0;
      for (const g of groups) {
        if (await findGroupBySlug(tx, m.id, slugify(g.name))) continue;
        const areaId = areas.find((a) => a.name === g.area)?.id ?? null;
        if (g.kind === 'local_council' && areaId === null) continue;
        const coordinator = people.get(g.coordinators[0] ?? '') ?? null;
        const groupId = await insertGroup(tx, {
          municipalityId: m.id,
          slug: slugify(g.name),
          kind: g.kind,
          name: g.name,
          description: g.description,
          descriptionLang: 'da',
          areaId,
          themeId: themes.find((t) => t.key === g.theme)?.id ?? null,
          membershipPolicy: g.policy,
          cvr: g.cvrPrefix ? cvrWithCheckDigit(g.cvrPrefix) : null,
          statutes: g.statutes ?? '',
          recognisedBy: facilitator,
          createdBy: coordinator,
          creationKey: null,
        });
        count += 1;
        const add = async (who: Who, role: 'member' | 'coordinator', status: 'active' | 'requested' | 'invited', shown: boolean) => {
          const userId = people.get(who);
          if (userId) await insertMembership(tx, { municipalityId: m.id, groupId, userId, role, status, showPublicly: shown, invitedBy: status === 'invited' ? coordinator : null });
        };
        for (const who of g.coordinators) await add(who, 'coordinator', 'active', true);
        for (const [who, shown] of g.members) await add(who, 'member', 'active', shown);
        for (const who of g.requested ?? []) await add(who, 'member', 'requested', false);
        for (const who of g.invited ?? []) await add(who, 'member', 'invited', false);
        for (const [who, role, start] of g.board ?? []) {
          const userId = people.get(who);
          if (userId) await insertBoardPosition(tx, { municipalityId: m.id, groupId, userId, role, termStart: start, termEnd: null });
        }
        for (const [days, time, title, place] of g.activities) {
          const startsAt = await localInstant(tx, plusDays(today, days), time, m.timeZone);
          await insertActivity(tx, { municipalityId: m.id, groupId, title, startsAt, place, createdBy: coordinator });
        }
        // Older posts first, a few days apart, replies some hours after their post.
        let at = Date.now() - g.posts.length * 3 * DAY_MS;
        for (const [who, body, replies] of g.posts) {
          at += 3 * DAY_MS;
          const authorId = people.get(who);
          if (!authorId) continue;
          const parentId = await insertPost(tx, { municipalityId: m.id, groupId, parentId: null, authorId, body, lang: 'da', postKey: null, createdAt: new Date(at - 2 * DAY_MS) });
          let replyAt = at - 2 * DAY_MS;
          for (const [replyWho, replyBody] of replies ?? []) {
            replyAt += 5 * 3600_000;
            const replyAuthor = people.get(replyWho);
            if (replyAuthor) await insertPost(tx, { municipalityId: m.id, groupId, parentId, authorId: replyAuthor, body: replyBody, lang: 'da', postKey: null, createdAt: new Date(replyAt) });
          }
        }
      }
      return count;
    });
    log(`  ${m.name}: ${made} groups`);
  }
}
