// Demo initiatives in each demo municipality: one in every state, among them the bus-route redesign,
// the shared school kitchen and the joint citizen–staff cleaning squad. They are built with the same
// commands people use (so timelines, counts, agreements and answers are real), then their dates are
// spread over the past months. Idempotent: each demo initiative has a fixed creation key, and one
// that exists is left as it is.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import type { AppDeps } from '../../core/http/context.js';
import { listAreas, listThemes, loadMunicipality } from '../municipalities/index.js';
import { discardPendingEmail } from '../notifications/index.js';
import type { State } from './initiatives.lifecycle.js';
import type { AskKind, PartnerKind, TextLang } from './initiatives.types.js';
import type { Tenant } from './initiatives.standing.js';
import { findPeopleByEmail } from './initiatives.people.js';
import { groupsCoordinatedBy } from './initiatives.groups.js';
import { proposeInitiative } from './commands/propose-initiative.js';
import { changeState } from './commands/change-state.js';
import { supportInitiative } from './commands/support-initiative.js';
import { postComment, reportComment } from './commands/post-comment.js';
import { postUpdate } from './commands/post-update.js';
import { recordAgreement } from './commands/record-agreement.js';
import { answerAsk } from './commands/answer-ask.js';

type Key = 'bus' | 'kitchen' | 'cleaning' | 'bikepath' | 'playground' | 'repair' | 'walking' | 'square' | 'carshare';

interface Template {
  title: string;
  problem: string;
  proposal: string;
  lang: TextLang;
  theme: string;
  asks: { kind: AskKind; description: string; amountOre?: number }[];
  partners: { kind: PartnerKind; name: string; contribution: string }[];
  comments: [string, string?][];
  update: string;
  agreement: { citizens: string; municipality: string; contactTitle: string };
  outcomes: string;
  declineReason: string;
}

const templates: Record<Key, (town: string) => Template> = {
  bus: (town) => ({
    title: `Borgerne tegner en ny rute for bybussen i ${town}`,
    problem: `Bybussen i ${town} kører efter en køreplan, der er mere end ti år gammel. Den kører tom i store dele af dagen, mens de ældre i udkanten af byen og eleverne på skolen ikke kan bruge den, når de har brug for den. Kommunen betaler for mange køreplantimer med få passagerer.`,
    proposal: `En gruppe borgere kortlægger, hvem der skal hvorhen og hvornår, og tegner sammen med trafikselskabet en ny rute med færre, men bedre placerede afgange. Det sparede tilskud bruges til at drive en lille bybus i ${town}, som frivillige hjælper med at planlægge.`,
    lang: 'da',
    theme: 'mobility',
    asks: [
      { kind: 'staff_time', description: 'En trafikplanlægger fra kommunen til tre workshops med borgerne.' },
      { kind: 'permission', description: 'Tilladelse til at flytte to stoppesteder tættere på plejecentret og skolen.' },
    ],
    partners: [
      { kind: 'municipal_unit', name: 'Trafik og Veje', contribution: 'Data om passagertal og køreplantimer' },
      { kind: 'business', name: 'Midttrafik', contribution: 'Beregning af driftsomkostninger' },
      { kind: 'association', name: `${town} Ældreråd`, contribution: 'Rejsevaner blandt ældre' },
    ],
    comments: [['Endelig! Min mor kan ikke komme til lægen med bussen i dag.', 'Det er præcis den slags behov, vi vil have med i kortlægningen.'], ['Husk eleverne, der har eftermiddagshold til kl. 16.']],
    update: 'Vi har holdt den første workshop med 34 deltagere og har nu et kort over de vigtigste ture.',
    agreement: {
      citizens: 'Borgergruppen kortlægger rejsebehov, holder tre workshops og foreslår en ny rute. Frivillige planlægger bybussens ture og informerer i byen.',
      municipality: 'Kommunen stiller en trafikplanlægger til rådighed (30 timer), leverer passagerdata og indstiller den nye rute til trafikselskabet. Det sparede tilskud går til bybussen i aftaleperioden.',
      contactTitle: 'Trafikplanlægger',
    },
    outcomes: 'Den nye rute har 40 % færre køreplantimer og 25 % flere påstigere. Besparelsen på ca. 380.000 kr. om året betaler bybussen, som kører fire dage om ugen med frivillige værter.',
    declineReason: 'Trafikselskabet har netop udbudt ruten for fire år, så den kan ikke ændres i denne periode. Vi tager forslaget op igen, når udbuddet skal fornyes.',
  }),
  kitchen: (town) => ({
    title: `Skolekøkkenet i ${town} som fælles køkken for byen`,
    problem: `Skolekøkkenet i ${town} står tomt efter kl. 15 og i alle ferier, mens foreninger, spisefællesskaber og nytilkomne familier mangler et stort køkken at lave mad i sammen.`,
    proposal: 'Vi åbner skolekøkkenet om eftermiddagen og i weekender for foreninger og fællesspisning. En frivillig køkkengruppe står for nøgler, bookinger og rengøring efter en fast tjekliste, så skolen altid får køkkenet tilbage i orden.',
    lang: 'da',
    theme: 'community-spaces',
    asks: [
      { kind: 'premises', description: 'Skolekøkkenet tirsdag og torsdag 16–21 samt hver anden lørdag.' },
      { kind: 'money', description: 'Ekstra gryder, opvaskemaskinekurve og en låsbar skabsreol til foreningernes ting.', amountOre: 2_500_000 },
    ],
    partners: [
      { kind: 'association', name: `${town} Spisefællesskab`, contribution: 'Fællesspisning hver anden torsdag' },
      { kind: 'municipal_unit', name: `${town} Skole`, contribution: 'Adgang og introduktion til køkkenet' },
    ],
    comments: [['Kan vi også bruge det til madlavning med de nye familier fra asylcentret?', 'Ja, det er en af grundene til forslaget.'], ['Hvem gør rent efter os? Det må ikke gå ud over skolen.']],
    update: 'Køkkengruppen har lavet en tjekliste for rengøring, som skolens pedel har godkendt.',
    agreement: {
      citizens: 'Køkkengruppen står for bookinger, nøgler og rengøring efter tjeklisten og melder fejl til skolen samme dag.',
      municipality: 'Kommunen stiller skolekøkkenet til rådighed tirsdag og torsdag aften og hver anden lørdag og betaler 25.000 kr. til udstyr.',
      contactTitle: 'Skoleleder',
    },
    outcomes: 'Køkkenet blev brugt 96 gange det første år af seks foreninger. 40 familier deltog i fællesspisning, og skolen har ikke haft ekstra udgifter til rengøring.',
    declineReason: 'Skolekøkkenet skal ombygges det kommende år, så det kan ikke lånes ud. Vi hjælper gerne med at finde et andet køkken i mellemtiden.',
  }),
  cleaning: (town) => ({
    title: `Fælles rengøringshold af borgere og kommunens medarbejdere i ${town}`,
    problem: `Fortove, legepladser og stier i ${town} bliver kun gjort rent få gange om året. Mange borgere vil gerne hjælpe, men ved ikke hvordan, og kommunens driftsfolk kan ikke nå det hele.`,
    proposal: 'Borgere og kommunens driftsmedarbejdere danner et fælles rengøringshold, der mødes første lørdag i måneden. Kommunen stiller udstyr og affaldscontainer, borgerne stiller hænder, og sammen vælger vi, hvor der skal gøres rent.',
    lang: 'da',
    theme: 'environment',
    asks: [
      { kind: 'equipment', description: 'Affaldsgribere, handsker, veste og en trailer til affaldet.' },
      { kind: 'staff_time', description: 'To driftsmedarbejdere med på holdet fire timer om måneden.' },
    ],
    partners: [
      { kind: 'municipal_unit', name: 'Park og Vej', contribution: 'Udstyr og afhentning af affald' },
      { kind: 'association', name: `${town} Spejderne`, contribution: 'Hold til legepladserne' },
    ],
    comments: [['Jeg er med! Kan vi også tage stranden med?'], ['God idé at arbejde sammen med kommunens folk. Så lærer vi af hinanden.']],
    update: 'Første lørdag: 27 borgere og 2 medarbejdere samlede 14 sække affald langs åen.',
    agreement: {
      citizens: 'Holdet mødes første lørdag i måneden, vælger ruter sammen med Park og Vej og registrerer fremmøde og indsamlede sække.',
      municipality: 'Kommunen stiller udstyr, trailer og to driftsmedarbejdere fire timer om måneden og henter affaldet samme dag.',
      contactTitle: 'Driftsleder, Park og Vej',
    },
    outcomes: 'Holdet mødtes 11 gange med i gennemsnit 22 deltagere og samlede 190 sække affald. Borgertilfredsheden med byens renhed steg fra 3,1 til 4,2 på en skala til 5.',
    declineReason: 'Af sikkerhedshensyn kan frivillige ikke arbejde langs de trafikerede veje, som forslaget især handler om. Vi foreslår i stedet en indsats på stier og legepladser.',
  }),
  bikepath: (town) => ({
    title: `Sikker cykelsti mellem ${town} og skolen`,
    problem: 'Mange børn cykler til skole ad en smal landevej uden cykelsti, hvor bilerne kører hurtigt. Forældrene kører derfor børnene i bil, hvilket giver mere trafik ved skolen.',
    proposal: 'Lodsejerne langs vejen har sagt ja til at afgive en stribe jord. Vi foreslår, at kommunen anlægger en cykelsti, og at forældre og skolen laver cykelhold, der følges ad om morgenen.',
    lang: 'da',
    theme: 'mobility',
    asks: [{ kind: 'money', description: 'Medfinansiering af cykelstien (1,2 km).', amountOre: 180_000_000 }],
    partners: [{ kind: 'association', name: 'Forældrerådet', contribution: 'Cykelhold og trafikpatrulje' }],
    comments: [['Vi har selv to børn, der cykler der hver dag. Det er livsfarligt i mørke.']],
    update: 'Vi har fået underskrifter fra alle seks lodsejere.',
    agreement: {
      citizens: 'Forældrerådet organiserer cykelhold hver morgen og en årlig cykeldag.',
      municipality: 'Kommunen anlægger cykelstien og vedligeholder den.',
      contactTitle: 'Vejingeniør',
    },
    outcomes: 'Andelen af elever, der cykler, steg fra 31 % til 58 %.',
    declineReason: 'Cykelstien er ikke med i dette års anlægsbudget. Vi har skrevet den på listen til næste budgetforhandling.',
  }),
  playground: (town) => ({
    title: `Legeplads og mødested ved søen i ${town}`,
    problem: 'Der er ingen legeplads i den nye del af byen, og børnefamilierne har ikke noget sted at mødes udendørs.',
    proposal: 'Forældre bygger en naturlegeplads ved søen med hjælp fra en lokal tømrer. Kommunen godkender placeringen og sikkerheden.',
    lang: 'da',
    theme: 'community-spaces',
    asks: [
      { kind: 'permission', description: 'Tilladelse til at bygge på kommunens areal ved søen.' },
      { kind: 'money', description: 'Materialer og faldunderlag.', amountOre: 6_000_000 },
    ],
    partners: [{ kind: 'business', name: 'Tømrer Hansen', contribution: 'Tegning og byggeledelse' }],
    comments: [['Vi vil gerne hjælpe med at bygge!']],
    update: 'Tegningerne er færdige og sendt til kommunen.',
    agreement: { citizens: 'Forældrene bygger legepladsen og holder den ved lige.', municipality: 'Kommunen godkender, betaler materialer og laver årligt sikkerhedstjek.', contactTitle: 'Landskabsarkitekt' },
    outcomes: 'Legepladsen bruges dagligt, og der holdes sommerfest ved søen.',
    declineReason: 'Arealet ved søen er fredet, så der må ikke bygges. Vi foreslår et andet areal ved skolen.',
  }),
  repair: (town) => ({
    title: `Repair café på biblioteket i ${town}`,
    problem: 'Mange ting bliver smidt ud, fordi de er lette at reparere, men folk ikke ved hvordan.',
    proposal: 'Frivillige med forstand på cykler, tøj og elektronik reparerer ting sammen med borgerne én aften om måneden på biblioteket.',
    lang: 'da',
    theme: 'culture',
    asks: [{ kind: 'premises', description: 'Bibliotekets mødesal én aften om måneden.' }],
    partners: [{ kind: 'municipal_unit', name: 'Biblioteket', contribution: 'Lokale og markedsføring' }],
    comments: [['Kan I også reparere symaskiner?', 'Ja, vi har to frivillige syersker.']],
    update: 'Første aften: 31 ting repareret, 4 måtte vi give op på.',
    agreement: { citizens: 'Frivillige holder repair café den sidste torsdag i måneden.', municipality: 'Biblioteket stiller lokale og værktøjsskab.', contactTitle: 'Bibliotekar' },
    outcomes: '312 ting repareret på et år; ca. 1,4 tons affald undgået.',
    declineReason: 'Biblioteket har ikke plads i år.',
  }),
  walking: (town) => ({
    title: `Walking group for newcomers in ${town}`,
    problem: `Newly arrived families in ${town} often know nobody outside the language school, and many of them are lonely in their first year.`,
    proposal: 'Residents and newcomers walk together every Sunday morning on a route around town, ending with coffee at the community house. Volunteers take turns leading the walks.',
    lang: 'en',
    theme: 'health-care',
    asks: [{ kind: 'premises', description: 'The community house kitchen on Sunday mornings for coffee.' }],
    partners: [{ kind: 'association', name: 'Red Cross volunteers', contribution: 'Walk leaders and interpreters' }],
    comments: [['Great idea – I can translate to Arabic.', 'Thank you, that would help a lot.']],
    update: 'We walked for the first time with 18 people from 7 countries.',
    agreement: { citizens: 'Volunteers lead a walk every Sunday and keep a simple attendance list.', municipality: 'The municipality lends the community house and prints leaflets in five languages.', contactTitle: 'Integration consultant' },
    outcomes: 'Forty newcomers joined at least three walks; twelve have since joined a local association.',
    declineReason: 'The community house is closed for renovation this year.',
  }),
  square: (town) => ({
    title: `Bænke og blomster på torvet i ${town}`,
    problem: 'Torvet er et parkeringsareal uden steder at sidde, og ingen opholder sig der.',
    proposal: 'Handelsstandsforeningen og borgere sætter bænke og plantekasser op, og borgerne passer blomsterne.',
    lang: 'da',
    theme: 'environment',
    asks: [{ kind: 'permission', description: 'Tilladelse til at bruge fire parkeringspladser til bænke og plantekasser.' }],
    partners: [{ kind: 'association', name: 'Handelsstandsforeningen', contribution: 'Bænke' }],
    comments: [['Ja tak til mere liv på torvet!']],
    update: 'Plantekasserne er bygget.',
    agreement: { citizens: 'Borgerne passer plantekasserne fra maj til september.', municipality: 'Kommunen giver tilladelse og vander i ferierne.', contactTitle: 'Byplanlægger' },
    outcomes: 'Torvet bruges nu til ophold og små arrangementer.',
    declineReason: 'Parkeringspladserne er nødvendige for handlende på torvet.',
  }),
  carshare: (town) => ({
    title: `Delebil-ordning i ${town} og omegn`,
    problem: 'Mange husstande har to biler, selvom den ene sjældent bruges, fordi der ikke er et alternativ på landet.',
    proposal: 'Borgerne starter en delebilsforening med to elbiler, og kommunen lader den bruge sine tjenestebiler i weekenderne.',
    lang: 'da',
    theme: 'mobility',
    asks: [{ kind: 'equipment', description: 'Adgang til to af kommunens elbiler i weekenderne.' }],
    partners: [{ kind: 'business', name: 'Lokal elforsyning', contribution: 'Ladestander' }],
    comments: [['Hvordan bliver forsikringen ordnet?']],
    update: 'Foreningen er stiftet med 23 medlemmer.',
    agreement: { citizens: 'Foreningen administrerer bookinger og rengøring af bilerne.', municipality: 'Kommunen låner to elbiler ud fredag aften til søndag aften.', contactTitle: 'Flådechef' },
    outcomes: 'Fem husstande har solgt deres anden bil.',
    declineReason: 'Kommunens forsikring dækker ikke udlån af tjenestebiler til private.',
  }),
};

/** Which demo initiative is in which state, per municipality: every state in every municipality. */
const plan: Record<string, [Key, State, number][]> = {
  // [template, target state, days ago it was proposed]
  hedensted: [['bus', 'evaluated', 420], ['kitchen', 'active', 200], ['cleaning', 'agreed', 120], ['bikepath', 'open_for_support', 30], ['playground', 'in_dialogue', 75], ['repair', 'idea', 4], ['walking', 'completed', 300], ['square', 'declined', 90], ['carshare', 'paused', 160]],
  lemvig: [['bus', 'in_dialogue', 60], ['kitchen', 'evaluated', 380], ['cleaning', 'active', 150], ['bikepath', 'idea', 6], ['playground', 'open_for_support', 20], ['repair', 'completed', 260], ['walking', 'paused', 140], ['square', 'agreed', 100], ['carshare', 'declined', 80]],
  odder: [['bus', 'agreed', 110], ['kitchen', 'open_for_support', 25], ['cleaning', 'evaluated', 400], ['bikepath', 'active', 190], ['playground', 'declined', 70], ['repair', 'in_dialogue', 50], ['walking', 'idea', 3], ['square', 'paused', 170], ['carshare', 'completed', 280]],
};

const road: State[] = ['idea', 'open_for_support', 'in_dialogue', 'agreed', 'active', 'completed', 'evaluated'];

/** A stable uuid per municipality and template, so a second seed run finds what the first made. */
function demoKey(slug: string, key: string): string {
  const h = crypto.createHash('sha256').update(`samskab-demo-initiative:${slug}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function actorOf(p: { id: number; displayName: string; email: string }, municipalityId: number, role: MunicipalRole): Actor {
  return { id: p.id, sessionId: 'seed', displayName: p.displayName, email: p.email, emailVerified: true, lang: null, networkRole: null, roles: new Map([[municipalityId, new Set([role])]]) };
}

function isoDate(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

const must = <T>(r: { ok: boolean; error?: string }, what: string): void => {
  if (!r.ok) throw new Error(`demo initiative: ${what} failed (${r.error})`);
};

export async function seedInitiatives(deps: AppDeps, log: (line: string) => void): Promise<void> {
  const db = deps.db;
  for (const [slug, items] of Object.entries(plan)) {
    const m = await loadMunicipality(deps, slug);
    if (!m) continue;
    const tenant: Tenant = { id: m.id, slug: m.slug };
    const emails = ['facilitator', 'borger1', 'borger2', 'borger3', 'borger4'].map((w) => `${w}@${slug}.samskab.dk`);
    const people = await db.transaction({ municipalityId: null }, (tx) => findPeopleByEmail(tx, emails));
    const fac = people.get(emails[0]!);
    const residents = emails.slice(1).map((e) => people.get(e)).filter((p) => p !== undefined);
    if (!fac || residents.length < 2) {
      log(`  ${m.name}: no demo people, no demo initiatives`);
      continue;
    }
    const facilitator = actorOf(fac, m.id, 'facilitator');
    const { areas, themes, coordinated } = await db.transaction({ municipalityId: m.id }, async (tx) => ({
      areas: await listAreas(tx, m.id),
      themes: await listThemes(tx, m.id),
      coordinated: (await Promise.all(residents.map(async (r) => (await groupsCoordinatedBy(tx, m.id, r.id)).map((g) => ({ person: r, group: g }))))).flat(),
    }));
    // A demo group about the same thing (the groups seed has a citizen bus, a shared kitchen and a
    // cleaning squad) owns the matching initiative, with its coordinator as the proposer.
    const groupFor: Partial<Record<Key, (typeof coordinated)[number]>> = {
      bus: coordinated.find((c) => /bus/i.test(c.group.name)),
      kitchen: coordinated.find((c) => /køkken/i.test(c.group.name)),
      cleaning: coordinated.find((c) => /rengøring/i.test(c.group.name)),
    };
    let created = 0;
    for (const [index, [key, target, daysAgo]] of items.entries()) {
      const byGroup = groupFor[key];
      const ownerPerson = byGroup?.person ?? residents[index % residents.length]!;
      const owner = actorOf(ownerPerson, m.id, 'resident');
      const others = residents.filter((r) => r.id !== ownerPerson.id).map((r) => actorOf(r, m.id, 'resident'));
      // The bus and the kitchen belong in the largest towns; the rest spread over the areas.
      const bySize = [...areas].sort((x, y) => (y.inhabitants ?? 0) - (x.inhabitants ?? 0));
      const groupArea = byGroup?.group.areaId ? areas.find((a) => a.id === byGroup.group.areaId) : undefined;
      const area = groupArea ? groupArea : key === 'bus' ? (bySize[0] ?? null) : key === 'kitchen' ? (bySize[1] ?? bySize[0] ?? null) : areas.length > 0 ? areas[index % areas.length]! : null;
      const tpl = templates[key](area?.name ?? m.name);
      const theme = themes.find((t) => t.key === tpl.theme) ?? null;
      const r = await proposeInitiative(db, tenant, owner, {
        title: tpl.title,
        problem: tpl.problem,
        proposal: tpl.proposal,
        lang: tpl.lang,
        areaId: area?.id ?? null,
        themeId: theme?.id ?? null,
        groupId: byGroup?.group.id ?? null,
        asks: tpl.asks.map((a) => ({ kind: a.kind, description: a.description, amountOre: a.amountOre ?? null })),
        partners: tpl.partners,
        creationKey: demoKey(slug, key),
      });
      must(r, 'propose');
      if (!r.ok || !r.value.created) continue;
      created++;
      const id = r.value.id;
      const step = async (by: Actor, to: State, text?: string) => must(await changeState(db, tenant, by, { initiativeId: id, to, lang: tpl.lang, ...(text ? { text } : {}) }), `${key} → ${to}`);

      const goal = target === 'declined' ? 'open_for_support' : target === 'paused' ? 'active' : target;
      for (const to of road.slice(1, road.indexOf(goal) + 1)) {
        if (to === 'open_for_support') {
          await step(owner, to);
          for (const s of others) must(await supportInitiative(db, tenant, s, id), 'support');
          const [first, reply] = tpl.comments[0] ?? [];
          if (first) {
            const c = await postComment(db, tenant, others[0]!, { initiativeId: id, parentId: null, body: first, lang: tpl.lang, commentKey: null });
            must(c, 'comment');
            if (c.ok && reply) must(await postComment(db, tenant, owner, { initiativeId: id, parentId: c.value.id, body: reply, lang: tpl.lang, commentKey: null }), 'reply');
          }
          for (const [text] of tpl.comments.slice(1)) {
            const c = await postComment(db, tenant, others[1] ?? others[0]!, { initiativeId: id, parentId: null, body: text, lang: tpl.lang, commentKey: null });
            must(c, 'comment');
            // One comment reported for moderation, so the workspace's list has something to decide.
            if (c.ok && key === 'cleaning') must(await reportComment(db, tenant, owner, { initiativeId: id, commentId: c.value.id, reason: 'off_topic', note: 'Hører til i en anden tråd.' }), 'report');
          }
        } else if (to === 'in_dialogue') {
          await step(facilitator, to);
        } else if (to === 'agreed') {
          // A review date inside the workspace's 30 days for some, so the due list is not empty.
          const review = index % 2 === 0 ? isoDate(12) : isoDate(120);
          must(
            await recordAgreement(db, tenant, facilitator, {
              initiativeId: id,
              markAgreed: true,
              agreement: {
                citizensDeliver: tpl.agreement.citizens,
                municipalityDelivers: tpl.agreement.municipality,
                lang: tpl.lang,
                contactName: facilitator.displayName,
                contactTitle: tpl.agreement.contactTitle,
                contactEmail: `kontakt@${slug}.samskab.dk`,
                termStart: isoDate(-daysAgo / 2),
                termEnd: isoDate(365),
                reviewDate: review,
                changeNote: '',
              },
            }),
            'agreement',
          );
          const asks = await db.transaction({ municipalityId: m.id }, (tx) => sql<{ id: number }>`select id from initiatives_asks where municipality_id = ${m.id} and initiative_id = ${id} order by id`.execute(tx));
          const firstAsk = asks.rows[0];
          if (firstAsk) {
            const answer = tpl.lang === 'da' ? 'Ja. Det er med i samskabelsesaftalen.' : 'Yes. It is part of the co-production agreement.';
            must(await answerAsk(db, tenant, facilitator, { initiativeId: id, askId: firstAsk.id, status: 'granted', answer, lang: tpl.lang }), 'answer');
          }
        } else if (to === 'active') {
          await step(owner, to);
          must(await postUpdate(db, tenant, owner, { initiativeId: id, body: tpl.update, lang: tpl.lang, eventKey: null }), 'update');
        } else if (to === 'completed') {
          await step(owner, to);
        } else if (to === 'evaluated') {
          await step(owner, to, tpl.outcomes);
        }
      }
      if (target === 'declined') await step(facilitator, 'declined', tpl.declineReason);
      if (target === 'paused') await step(owner, 'paused', tpl.lang === 'da' ? 'Vi holder pause hen over vinteren og tager fat igen til foråret.' : 'We pause over the winter and pick it up again in spring.');
      await spreadDates(deps, m.id, id, daysAgo);
    }
    // The demo's history is not news: nobody is e-mailed about it.
    await db.transaction({ municipalityId: m.id }, (tx) => discardPendingEmail(tx, m.id));
    log(`  ${m.name}: ${created} demo initiatives`);
  }
}

/** Moves an initiative's history back in time: proposed `daysAgo` days ago, each later event evenly after. */
async function spreadDates(deps: AppDeps, municipalityId: number, id: number, daysAgo: number): Promise<void> {
  await deps.db.transaction({ municipalityId }, async (tx) => {
    const start = sql`now() - make_interval(days => ${daysAgo})`;
    await sql`with ordered as (
        select id, row_number() over (order by created_at, id) - 1 as k, count(*) over () as n
        from initiatives_events where municipality_id = ${municipalityId} and initiative_id = ${id})
      update initiatives_events ev set created_at = ${start} + (ordered.k::float / greatest(ordered.n, 1)) * make_interval(days => ${Math.max(1, daysAgo - 1)})
      from ordered where ev.municipality_id = ${municipalityId} and ev.id = ordered.id`.execute(tx);
    // Comments come once the initiative is open for support, a few hours apart, in the order written.
    await sql`with opened as (
        select min(created_at) as at from initiatives_events
        where municipality_id = ${municipalityId} and initiative_id = ${id} and to_state = 'open_for_support'),
      ordered as (
        select id, row_number() over (order by id) as k from initiatives_comments where municipality_id = ${municipalityId} and initiative_id = ${id})
      update initiatives_comments c set created_at = least(now(), coalesce((select at from opened), ${start}) + ordered.k * interval '7 hours')
      from ordered where c.municipality_id = ${municipalityId} and c.id = ordered.id`.execute(tx);
    await sql`update initiatives_supports set created_at = ${start} + make_interval(days => 1) where municipality_id = ${municipalityId} and initiative_id = ${id}`.execute(tx);
    await sql`update initiatives i set created_at = ${start},
        state_changed_at = coalesce((select max(created_at) from initiatives_events where municipality_id = ${municipalityId} and initiative_id = ${id} and kind in ('state_changed', 'proposed')), ${start}),
        last_activity_at = greatest(
          coalesce((select max(created_at) from initiatives_events where municipality_id = ${municipalityId} and initiative_id = ${id}), ${start}),
          coalesce((select max(created_at) from initiatives_comments where municipality_id = ${municipalityId} and initiative_id = ${id}), ${start}))
      where i.municipality_id = ${municipalityId} and i.id = ${id}`.execute(tx);
    await sql`update initiatives_asks set created_at = ${start} where municipality_id = ${municipalityId} and initiative_id = ${id}`.execute(tx);
    await sql`update initiatives_asks set answered_at = (select max(created_at) from initiatives_events where municipality_id = ${municipalityId} and initiative_id = ${id} and kind = 'ask_answered')
      where municipality_id = ${municipalityId} and initiative_id = ${id} and answered_at is not null`.execute(tx);
    await sql`update initiatives_agreements a set created_at = coalesce((select max(ev.created_at) from initiatives_events ev
        where ev.municipality_id = ${municipalityId} and ev.initiative_id = ${id} and ev.kind = 'agreement' and ev.ref = a.version), a.created_at)
      where a.municipality_id = ${municipalityId} and a.initiative_id = ${id}`.execute(tx);
  });
}
