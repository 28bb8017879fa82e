// The demo practice library: cases the three demo municipalities have written down for the network.
// Those published from a demo initiative (the bus redesign, the shared school kitchen, the joint
// cleaning squad ...) are listed in `fromInitiatives`; the rest are narrative cases without an
// initiative on the platform, so they carry only what the municipality states.
import type { CaseStatus, CaseTag, CaseTheme, MunicipalitySize, Setting } from './network.types.js';

export interface SeedText {
  title: string;
  summary: string;
  problem?: string;
  context?: string;
  approach?: string;
  actors?: string;
  municipalContribution?: string;
  costs?: string;
  results?: string;
  dos?: string;
  donts?: string;
}

export interface SeedCase {
  slug: 'hedensted' | 'lemvig' | 'odder';
  da?: SeedText;
  en?: SeedText;
  status: CaseStatus;
  themes: CaseTheme[];
  tags: CaseTag[];
  statedSavingsKr?: number;
  /** Days before now it was published. */
  age: number;
}

export const municipalityProfile: Record<SeedCase['slug'], { size: MunicipalitySize; setting: Setting }> = {
  hedensted: { size: 'medium', setting: 'mixed' },
  lemvig: { size: 'small', setting: 'rural' },
  odder: { size: 'small', setting: 'mixed' },
};

/** Demo initiatives published as cases: matched by the start of their title, with what the case adds. */
export interface FromInitiative {
  slug: SeedCase['slug'];
  titleStartsWith: string;
  themes: CaseTheme[];
  tags: CaseTag[];
  statedSavingsKr?: number;
  /** Overrides and additions per language; a language whose title is missing takes the initiative's. */
  da?: Partial<SeedText>;
  en?: Partial<SeedText>;
  age: number;
}

export const fromInitiatives: FromInitiative[] = [
  {
    slug: 'hedensted',
    titleStartsWith: 'Borgerne tegner en ny rute for bybussen',
    themes: ['mobility', 'democracy'],
    tags: ['partnership', 'incentives', 'scaling'],
    statedSavingsKr: 380000,
    age: 120,
    da: {
      summary: 'Borgerne kortlagde selv, hvem der skal hvorhen, og tegnede med trafikselskabet en billigere rute. Besparelsen betaler nu en lille bybus med frivillige værter.',
      context: 'En mellemstor stationsby med en bybus, hvis køreplan ikke var ændret i mere end ti år. Kommunen betalte tilskud til mange køreplantimer med få passagerer.',
      costs: 'Ca. 30 timers arbejde fra kommunens trafikplanlægger, tre workshops i forsamlingshuset (kaffe og lokaler ca. 6.000 kr.) og trafikselskabets beregninger, som var en del af den almindelige kontrakt.',
      dos: 'Lad borgerne eje kortlægningen – de ved, hvem der mangler en tur klokken 16.\nAftal på forhånd, hvad besparelsen skal bruges til, og skriv det ind i aftalen.\nInddrag trafikselskabet fra første workshop, så forslagene kan regnes igennem med det samme.',
      donts: 'Lov ikke en bestemt rute, før trafikselskabet har regnet på den.\nUndervurder ikke informationen: en ny køreplan skal forklares på skolen, plejecentret og i Facebook-grupperne.',
    },
    en: {
      title: 'Citizens redesign the town bus route',
      summary: 'Residents mapped who needs to go where, and with the transport company drew a cheaper route. The saving now pays for a small town bus with volunteer hosts.',
      problem: 'The town bus ran on a timetable more than ten years old. It was empty for much of the day, while older residents on the edge of town and pupils could not use it when they needed it.',
      approach: 'A citizens’ group mapped travel needs, held three workshops and, together with the regional transport company, proposed a route with fewer but better placed departures. The subsidy saved was agreed to fund a small town bus planned by volunteers.',
      results: 'The new route has 40 % fewer timetable hours and 25 % more passengers. The saving of about DKK 380,000 a year pays for the town bus, which runs four days a week.',
      dos: 'Let residents own the mapping.\nAgree in advance what the saving will be spent on, and write it into the agreement.',
      donts: 'Do not promise a route before the transport company has costed it.',
    },
  },
  {
    slug: 'lemvig',
    titleStartsWith: 'Skolekøkkenet i',
    themes: ['food', 'culture'],
    tags: ['partnership', 'professional_roles', 'quality'],
    age: 95,
    da: {
      context: 'En lille by med én skole, et aktivt foreningsliv og en voksende gruppe nytilkomne familier, men uden et forsamlingshus med et stort køkken.',
      costs: 'Kommunen betalte 25.000 kr. til ekstra gryder, knive og en opvaskemaskine med kort program. Pedellens tid til introduktion: ca. 10 timer.',
      dos: 'Lav tjeklisten for rengøring sammen med pedellen – så er den skolens også.\nGiv køkkengruppen ét fast kontaktpunkt på skolen.\nBook via platformen, så skolen kan se, hvem der har nøglen.',
      donts: 'Start ikke med weekender: begynd med to faste aftener og udvid, når rutinerne sidder.\nLad ikke nøgler gå fra hånd til hånd uden registrering.',
    },
    en: {
      title: 'The school kitchen as the town’s shared kitchen',
      summary: 'The school kitchen stood empty after 3 pm. Now associations and communal dinners use it two evenings a week and every other Saturday, run by a volunteer kitchen group.',
      problem: 'The school kitchen was empty after school hours and in every holiday, while associations, dinner clubs and newly arrived families lacked a large kitchen to cook in together.',
      approach: 'A volunteer kitchen group handles keys, bookings and cleaning to a fixed checklist agreed with the school caretaker, so the school always gets the kitchen back in order.',
      results: 'The kitchen was used 96 times in the first year by six associations. 40 families took part in communal dinners, and the school had no extra cleaning costs.',
      dos: 'Write the cleaning checklist together with the caretaker.\nGive the kitchen group one fixed contact at the school.',
      donts: 'Do not start with weekends; begin with two fixed evenings.',
    },
  },
  {
    slug: 'odder',
    titleStartsWith: 'Fælles rengøringshold',
    themes: ['environment', 'nature'],
    tags: ['professional_roles', 'partnership', 'quality'],
    statedSavingsKr: 60000,
    age: 80,
    da: {
      context: 'En by med mange små grønne områder, stier og et torv, hvor driftsafdelingen ikke kunne nå at holde alt rent efter besparelser.',
      costs: 'Udstyr (gribetænger, handsker, sække) for ca. 8.000 kr. om året og en affaldscontainer på hver arbejdsdag. Driftsmedarbejdernes deltagelse ligger i deres almindelige arbejdstid.',
      dos: 'Bland holdene: borgere og driftsmedarbejdere arbejder side om side, ikke hver for sig.\nLad holdet selv vælge næste måneds område.\nRegistrér timerne – de er både anerkendelse og dokumentation.',
      donts: 'Brug ikke frivillige til opgaver, der kræver maskiner eller certifikat.\nGlem ikke kaffen og takken bagefter – det er det, folk kommer igen for.',
    },
    en: {
      title: 'A joint cleaning squad of residents and municipal staff',
      summary: 'Residents and the municipality’s maintenance staff meet on the first Saturday of the month and clean the places they choose together.',
      problem: 'After budget cuts the maintenance department could not keep paths, small green spaces and the square clean.',
      approach: 'The municipality provides equipment and a skip; residents provide hands; mixed teams choose where to clean next.',
      dos: 'Mix the teams: residents and staff working side by side.\nRecord the hours – they are both recognition and evidence.',
      donts: 'Do not give volunteers tasks that need machines or a certificate.',
    },
  },
  {
    slug: 'hedensted',
    titleStartsWith: 'Walking group for newcomers',
    themes: ['care', 'culture'],
    tags: ['partnership', 'quality'],
    age: 60,
    en: {
      summary: 'Walks twice a week where newcomers and locals walk together and practise Danish on the way.',
      dos: 'Walk the same route at the same time every week, so people can come without signing up.\nAlways have two hosts, so nobody walks alone.',
      donts: 'Do not turn it into a lesson – the conversation comes by itself.',
    },
    da: {
      title: 'Gågruppe for nytilkomne',
      summary: 'Faste gåture to gange om ugen, hvor nytilkomne og lokale går sammen og øver dansk undervejs.',
      dos: 'Gå samme rute og tid hver uge, så man kan komme uden at melde sig til.\nHav altid to værter, så ingen går alene.',
      donts: 'Gør det ikke til undervisning – samtalen kommer af sig selv.',
    },
  },
  {
    slug: 'lemvig',
    titleStartsWith: 'Repair café på biblioteket',
    themes: ['environment', 'culture'],
    tags: ['partnership', 'scaling'],
    age: 45,
    da: {
      summary: 'En gang om måneden reparerer frivillige cykler, tøj og lamper på biblioteket. Biblioteket stiller lokale og værktøj.',
      dos: 'Lav en liste over, hvad I kan reparere, og hvad I ikke tager imod.\nSamarbejd med genbrugspladsen om reservedele.',
      donts: 'Tag ikke elektronik med netspænding uden en uddannet elektriker til stede.',
    },
  },
  {
    slug: 'odder',
    titleStartsWith: 'Delebil-ordning',
    themes: ['mobility', 'environment'],
    tags: ['incentives', 'partnership'],
    statedSavingsKr: 45000,
    age: 30,
    da: {
      summary: 'Kommunens elbiler står stille i weekenden. Nu låner en forening dem fra fredag aften til søndag aften.',
      dos: 'Aftal forsikring og rengøring skriftligt, før første udlån.\nBrug et fælles bookingsystem, så kommunen kan se, hvor bilerne er.',
      donts: 'Undgå kontanter: lad foreningen opkræve brugerbetaling digitalt.',
    },
  },
  {
    slug: 'odder',
    titleStartsWith: 'Sikker cykelsti',
    themes: ['mobility'],
    tags: ['partnership', 'professional_roles'],
    age: 20,
    da: {
      summary: 'Forældre og skolebørn kortlagde de farlige steder på skolevejen, og kommunen prioriterede en cykelsti efter deres kort.',
      dos: 'Lad børnene selv tegne deres skolevej på et kort – det ser anderledes ud fra en cykelsadel.',
      donts: 'Lov ikke en tidsplan, før anlægsbudgettet er vedtaget.',
    },
  },
];

export const narrativeCases: SeedCase[] = [
  // Hedensted
  {
    slug: 'hedensted',
    status: 'proven',
    themes: ['democracy', 'housing'],
    tags: ['partnership', 'professional_roles', 'scaling'],
    age: 400,
    da: {
      title: 'Lokalsamfund sat fri: 29 lokalråd med egen pulje',
      summary: 'Kommunen gav lokalrådene en fast pulje og et kontaktpunkt på rådhuset i stedet for at løse alle opgaver selv. Rollen flyttede sig fra at fikse til at facilitere.',
      problem: 'Flere udviklingsplaner for landsbyerne endte i skuffen, fordi kommunen lovede mere, end den kunne levere, og borgerne ventede på, at kommunen gjorde noget.',
      context: 'Mellemstor kommune med mange landsbyer og tre større byer. Stærke foreninger, men lang vej til rådhuset.',
      approach: 'Hvert lokalråd får en årlig pulje efter indbyggertal og en fast facilitator fra forvaltningen. Lokalrådet beslutter selv, hvad pengene går til, og melder tilbage én gang om året på et fælles møde.',
      actors: 'Lokalrådene prioriterer og udfører. Facilitatorerne hjælper med tilladelser og kontakter i forvaltningen. Byrådet fastsætter puljens størrelse.',
      municipalContribution: 'En pulje på 1,8 mio. kr. om året og to facilitatorstillinger.',
      costs: '1,8 mio. kr. i puljer og ca. 1,2 mio. kr. i løn til facilitatorer om året.',
      results: '140 lokale projekter på tre år, fra shelters til fibernet. Antallet af klager over manglende udvikling i landsbyerne er faldet markant.',
      dos: 'Giv lokalrådene rigtige beslutninger, ikke kun høringer.\nHold fast i den årlige tilbagemelding – den skaber tillid begge veje.',
      donts: 'Lad ikke facilitatoren blive den, der udfører projekterne.',
    },
    en: {
      title: 'Local communities set free: 29 local councils with their own fund',
      summary: 'The municipality gave local councils a fixed fund and a contact at the town hall instead of solving every task itself. Its role moved from fixing to facilitating.',
      problem: 'Village development plans ended up in drawers because the municipality promised more than it could deliver, and residents waited for the municipality to act.',
      approach: 'Each local council gets an annual fund by population and a named facilitator. The council decides what the money is for and reports back once a year at a joint meeting.',
      results: '140 local projects in three years, from shelters to fibre broadband.',
      dos: 'Give local councils real decisions, not just consultations.',
      donts: 'Do not let the facilitator become the one who carries out the projects.',
    },
  },
  {
    slug: 'hedensted',
    status: 'running',
    themes: ['care'],
    tags: ['professional_roles', 'quality'],
    statedSavingsKr: 120000,
    age: 200,
    da: {
      title: 'Frivillige besøgsvenner på plejecentret',
      summary: 'Faste besøgsvenner kommer på plejecentret hver uge, og personalet bruger mindre tid på at afhjælpe ensomhed om eftermiddagen.',
      problem: 'Mange beboere fik ikke besøg, og uro om eftermiddagen kostede personaletimer.',
      approach: 'Ældresagen og plejecentret matcher besøgsvenner med beboere ud fra interesser. Personalet har en kontaktperson for de frivillige.',
      results: '34 faste besøgsvenner. Personalet oplever færre konflikter mellem kl. 15 og 18.',
      dos: 'Match på interesser – kortspil, fodbold eller fuglekiggeri.\nGiv de frivillige en kort introduktion til demens.',
      donts: 'Brug ikke frivillige som erstatning for personlig pleje.',
    },
  },
  {
    slug: 'hedensted',
    status: 'running',
    themes: ['nature', 'environment'],
    tags: ['partnership'],
    age: 150,
    da: {
      title: 'Borgerne passer de kommunale blomsterbede',
      summary: 'Beboerforeninger har adopteret 22 bede og rundkørsler. Kommunen leverer planter og muld én gang om året.',
      problem: 'Bedene i boligområderne var sløjfet til græs for at spare driftstimer.',
      approach: 'En enkel adoptionsaftale på én side: hvad borgerne gør, hvad kommunen leverer, og hvem man ringer til.',
      results: '22 bede genetableret. Driftsafdelingen har flyttet 300 timer om året til andre opgaver.',
      dos: 'Hold aftalen på én side.\nLevér planterne på en fast dag med kaffe.',
      donts: 'Lad ikke et bed stå uden aftale, når en forening stopper – spørg naboerne først.',
    },
  },
  {
    slug: 'hedensted',
    status: 'idea',
    themes: ['housing', 'democracy'],
    tags: ['scaling'],
    age: 12,
    da: {
      title: 'Tomme butikker som mødesteder i hovedgaden',
      summary: 'Idé: ejere af tomme butikslokaler låner dem ud i tre måneder ad gangen til foreninger og pop-up værksteder.',
      problem: 'Hovedgaden har otte tomme butikker, der får byen til at virke død.',
      approach: 'Kommunen laver en standardkontrakt og dækker forsikringen; handelsstandsforeningen finder ejerne.',
      dos: 'Start med én butik og fortæl historien bredt.',
    },
  },
  {
    slug: 'hedensted',
    status: 'proven',
    themes: ['culture'],
    tags: ['partnership', 'incentives'],
    statedSavingsKr: 90000,
    age: 300,
    da: {
      title: 'Foreningerne driver det lokale bibliotek om aftenen',
      summary: 'Det selvbetjente bibliotek i landsbyen holder åbent med frivillige værter tre aftener om ugen og er blevet byens mødested.',
      problem: 'Lukning af den lille biblioteksfilial var foreslået for at spare.',
      approach: 'Filialen blev selvbetjent om dagen; foreningerne står for arrangementer og værtskab om aftenen.',
      results: 'Besøgstallet steg 60 %. Filialen blev ikke lukket.',
      dos: 'Giv foreningerne nøgle og ansvar – men ét fast telefonnummer hos biblioteket.',
      donts: 'Undgå at love ny bogindkøb; det er biblioteket, der vælger materialer.',
    },
    en: {
      title: 'Associations run the village library in the evenings',
      summary: 'The self-service village library stays open with volunteer hosts three evenings a week and has become the village’s meeting place.',
      results: 'Visits rose 60 %. The branch was not closed.',
    },
  },
  // Lemvig
  {
    slug: 'lemvig',
    status: 'proven',
    themes: ['mobility', 'care'],
    tags: ['partnership', 'incentives'],
    statedSavingsKr: 210000,
    age: 250,
    da: {
      title: 'Landsbybilen: frivillige kører naboer til læge og indkøb',
      summary: 'En elbil ejet af landsbyforeningen og kørt af frivillige erstatter en del af den visiterede kørsel.',
      problem: 'Ældre i landsbyerne kunne ikke komme til læge uden at bestille flextrafik dagen før.',
      context: 'Landkommune med lange afstande og få busafgange.',
      approach: 'Kommunen gav et anlægstilskud til bilen; foreningen står for chauffører og booking.',
      results: '1.900 ture det første år. Kommunens udgifter til kørsel til læge faldt.',
      dos: 'Lav en enkel bookingtelefon, som de ældre kan bruge.\nForsikringen skal være på plads fra dag ét.',
      donts: 'Konkurrér ikke med taxaen – aftal med vognmanden, hvad bilen kører.',
    },
    en: {
      title: 'The village car: volunteers drive neighbours to the doctor and shops',
      summary: 'An electric car owned by the village association and driven by volunteers replaces part of the means-tested transport.',
      problem: 'Older villagers could not see a doctor without booking flexible transport the day before.',
      results: '1,900 trips in the first year.',
      dos: 'Keep booking by phone simple.',
      donts: 'Do not compete with the local taxi; agree what the car drives.',
    },
  },
  {
    slug: 'lemvig',
    status: 'running',
    themes: ['nature', 'environment'],
    tags: ['partnership', 'quality'],
    age: 170,
    da: {
      title: 'Strandrensning med skoleklasser og lystfiskere',
      summary: 'Fire gange om året renser skoleklasser, lystfiskerforeningen og kommunens naturvejleder stranden og registrerer affaldet.',
      problem: 'Havaffald skyller op efter storme, og kommunen kunne kun rydde de mest besøgte strande.',
      approach: 'Naturvejlederen planlægger, lystfiskerne kender strækningerne, og klasserne registrerer fundene som naturfag.',
      results: '4,2 ton affald indsamlet på to år; data deles med Havmiljøvogterne.',
      dos: 'Gør registreringen til undervisning.',
      donts: 'Lad ikke børn håndtere ukendte tønder eller kemikalier.',
    },
  },
  {
    slug: 'lemvig',
    status: 'running',
    themes: ['housing', 'democracy'],
    tags: ['scaling', 'partnership'],
    age: 110,
    da: {
      title: 'Velkomstværter for nye tilflyttere',
      summary: 'Frivillige værter i hver landsby byder nye tilflyttere velkommen med en kurv, et besøg og en introduktion til foreningslivet.',
      problem: 'Tilflyttere flyttede igen inden for to år, fordi de ikke fandt fodfæste.',
      approach: 'Kommunen sender en besked til værten, når nogen flytter til (med samtykke). Værten besøger inden for en måned.',
      results: '180 husstande besøgt. Flere er selv blevet værter.',
      dos: 'Spørg om samtykke ved flytningen, ikke bagefter.',
      donts: 'Gør det ikke til et salgsbesøg for foreningerne.',
    },
    en: {
      title: 'Welcome hosts for newcomers',
      summary: 'Volunteer hosts in every village welcome new residents with a basket, a visit and an introduction to local clubs.',
      problem: 'Newcomers moved away again within two years because they did not find their feet.',
      approach: 'With consent, the municipality notifies the host when someone moves in; the host visits within a month.',
      results: '180 households visited. Several have become hosts themselves.',
    },
  },
  {
    slug: 'lemvig',
    status: 'paused',
    themes: ['food'],
    tags: ['incentives'],
    age: 140,
    da: {
      title: 'Madfællesskab i den nedlagte skole',
      summary: 'Landsbyen drev et ugentligt madfællesskab i den tidligere skole. Sat på pause mens bygningen renoveres.',
      problem: 'Ældre der bor alene spiste ofte alene og dårligt.',
      approach: 'Frivillige kokke laver mad en gang om ugen; deltagerne betaler 45 kr.',
      results: 'Op til 50 spisende hver uge før pausen.',
      dos: 'Hold prisen lav og fast.',
      donts: 'Undervurder ikke fødevaregodkendelsen – søg i god tid.',
    },
  },
  {
    slug: 'lemvig',
    status: 'stopped',
    themes: ['culture'],
    tags: ['quality', 'scaling'],
    age: 500,
    da: {
      title: 'Frivilligdrevet biograf – og hvorfor den lukkede',
      summary: 'En frivillig biograf kørte i fire år, men lukkede, da de bærende frivillige stoppede. En case om at planlægge for generationsskifte.',
      problem: 'Byens biograf lukkede, og foreningen overtog driften.',
      approach: 'Ti frivillige delte vagter; kommunen gav tilskud til digitalt udstyr.',
      results: 'Fire gode år med 6.000 gæster om året. Lukket, fordi ingen nye tog over.',
      dos: 'Planlæg generationsskiftet fra starten: hver vagt har en føl.',
      donts: 'Lad ikke al viden ligge hos to personer.',
    },
    en: {
      title: 'A volunteer-run cinema – and why it closed',
      summary: 'A volunteer cinema ran for four years but closed when its key volunteers stopped. A case about planning for succession.',
      dos: 'Plan for succession from the start: every shift has an apprentice.',
      donts: 'Do not let all knowledge sit with two people.',
    },
  },
  {
    slug: 'lemvig',
    status: 'proven',
    themes: ['nature'],
    tags: ['partnership', 'professional_roles'],
    statedSavingsKr: 75000,
    age: 220,
    da: {
      title: 'Lodsejere og borgere genåbner gamle kirkestier',
      summary: 'Sammen med lodsejerne har borgerne genåbnet 14 km gamle kirkestier mellem landsbyerne.',
      problem: 'De gamle stier var pløjet op, og der var ingen sikre gåruter mellem landsbyerne.',
      approach: 'Kommunen forhandler aftaler med lodsejerne; borgerne rydder, skilter og vedligeholder.',
      results: '14 km sti, to shelters og en folder med ruterne.',
      dos: 'Besøg lodsejerne personligt – sammen med en nabo, de kender.',
      donts: 'Tegn ikke ruten på kort, før aftalen er underskrevet.',
    },
  },
  // Odder
  {
    slug: 'odder',
    status: 'proven',
    themes: ['care', 'food'],
    tags: ['professional_roles', 'quality'],
    statedSavingsKr: 150000,
    age: 280,
    da: {
      title: 'Pensionister laver morgenmad i indskolingen',
      summary: 'Frivillige pensionister laver morgenmad til de yngste elever to gange om ugen; lærerne får en roligere start på dagen.',
      problem: 'Mange elever kom sultne i skole, og den første time gik med uro.',
      approach: 'Skolen stiller køkken og råvarer; Ældresagen finder frivillige; en lærer er fast kontakt.',
      results: '110 elever spiser med. Lærerne rapporterer færre konflikter i første time.',
      dos: 'Lad børnene hjælpe med at dække bord.',
      donts: 'Gør det ikke til et tilbud kun for "udsatte" børn – alle spiser med.',
    },
    en: {
      title: 'Pensioners make breakfast for the youngest pupils',
      summary: 'Retired volunteers make breakfast for the youngest pupils twice a week, giving teachers a calmer start to the day.',
      problem: 'Many pupils came to school hungry, and the first lesson was lost to unrest.',
      results: '110 pupils eat together. Teachers report fewer conflicts in the first lesson.',
      dos: 'Let the children help lay the table.',
      donts: 'Do not make it an offer only for “vulnerable” children – everyone eats.',
    },
  },
  {
    slug: 'odder',
    status: 'running',
    themes: ['environment', 'housing'],
    tags: ['incentives', 'scaling'],
    age: 130,
    da: {
      title: 'Lokale energifællesskaber på skolernes tage',
      summary: 'Borgere har stiftet et energifællesskab, der ejer solceller på to skolers tage og sælger strømmen til kommunen.',
      problem: 'Kommunen ville have solceller, men manglede anlægsmidler.',
      approach: 'Fællesskabet finansierer anlægget med andele; kommunen lejer taget ud og køber strømmen i 15 år.',
      results: '420 andelshavere. Anlæggene dækker 35 % af skolernes forbrug.',
      dos: 'Få juristerne på tidligt – lejeaftalen tager tid.',
      donts: 'Lov ikke et bestemt afkast til andelshaverne.',
    },
  },
  {
    slug: 'odder',
    status: 'running',
    themes: ['democracy'],
    tags: ['quality', 'partnership'],
    age: 90,
    da: {
      title: 'Borgerpanel om den nye bymidteplan',
      summary: '36 tilfældigt udtrukne borgere mødtes fire lørdage og gav byrådet 12 anbefalinger til bymidten.',
      problem: 'Høringer om byplaner nåede kun de samme få, stærke stemmer.',
      approach: 'Lodtrækning stratificeret på alder, køn og bydel; uafhængig mødeleder; byrådet svarede skriftligt på hver anbefaling.',
      results: '9 af 12 anbefalinger indgik i planen.',
      dos: 'Lov kun, at byrådet svarer på hver anbefaling – ikke at de bliver fulgt.',
      donts: 'Spring ikke over betalingen for deltagelse; den sikrer bredden.',
    },
    en: {
      title: 'Citizens’ panel on the new town centre plan',
      summary: '36 randomly selected residents met on four Saturdays and gave the council 12 recommendations for the town centre.',
      problem: 'Consultations on town plans reached only the same few strong voices.',
      approach: 'Stratified random selection by age, gender and district; an independent facilitator; the council answered each recommendation in writing.',
      results: '9 of 12 recommendations made it into the plan.',
      dos: 'Promise only that the council will answer each recommendation, not that it will follow it.',
      donts: 'Do not skip paying participants; it secures diversity.',
    },
  },
  {
    slug: 'odder',
    status: 'idea',
    themes: ['mobility'],
    tags: ['incentives'],
    age: 8,
    da: {
      title: 'Samkørsel til arbejdspladserne i industrikvarteret',
      summary: 'Idé: virksomhederne i industrikvarteret og kommunen laver en fælles samkørselsordning med reserverede pladser.',
      problem: 'Parkeringen i industrikvarteret er fyldt, og bussen passer ikke til skiftholdene.',
      dos: 'Tal med tillidsfolkene om skiftetiderne først.',
    },
  },
  {
    slug: 'odder',
    status: 'proven',
    themes: ['nature', 'culture'],
    tags: ['partnership'],
    age: 330,
    da: {
      title: 'Naturlegeplads bygget af forældre og lokale håndværkere',
      summary: 'Forældre og håndværkere byggede en naturlegeplads på to weekender; kommunen står for sikkerhedsgodkendelsen.',
      problem: 'Den gamle legeplads var nedslidt, og der var ikke penge til en ny.',
      approach: 'Landskabsarkitekten tegnede; håndværkerne ledede byggeriet; forældrene byggede.',
      results: 'Legepladsen kostede en tredjedel af en leverandørløsning og bruges dagligt.',
      dos: 'Få legepladsinspektøren med før byggeriet, ikke efter.',
      donts: 'Brug ikke trykimprægneret træ, hvor børn kan bide.',
    },
  },
  {
    slug: 'odder',
    en: {
      title: 'English-language job club for international spouses',
      summary: 'International spouses meet weekly with volunteer mentors from local companies to find work that matches their education.',
      problem: 'Partners of international employees struggled to find jobs, and families left the area after a year or two.',
      approach: 'The job centre provides a room and a contact; local companies provide mentors; the club runs in English with Danish practice.',
      results: '31 of 58 participants found jobs or education within a year.',
      dos: 'Involve HR departments of the companies that recruit internationally.',
      donts: 'Do not require Danish from day one.',
    },
    status: 'running',
    themes: ['housing', 'culture'],
    tags: ['partnership', 'professional_roles'],
    age: 70,
  },
  {
    slug: 'hedensted',
    en: {
      title: 'Night ravens: adults on the streets on Friday nights',
      summary: 'Volunteer adults walk the town centre on Friday nights, talking to young people and calling for help when needed.',
      problem: 'Police and youth workers saw rising unrest in the town centre on weekend nights.',
      approach: 'The SSP cooperation trains volunteers; teams of three walk from 21 to 02 in recognisable jackets.',
      results: 'Fewer reports of vandalism; young people know the volunteers by name.',
      dos: 'Train volunteers in conflict de-escalation before the first walk.',
      donts: 'Volunteers do not intervene physically; they call the police.',
    },
    status: 'running',
    themes: ['care', 'democracy'],
    tags: ['professional_roles', 'quality'],
    age: 55,
  },
  {
    slug: 'hedensted',
    status: 'running',
    themes: ['food', 'environment'],
    tags: ['partnership', 'incentives'],
    statedSavingsKr: 40000,
    age: 85,
    da: {
      title: 'Overskudsmad fra supermarkederne til fællesspisning',
      summary: 'Tre supermarkeder giver dagens overskudsmad til frivillige, som laver fællesspisning i medborgerhuset to gange om ugen.',
      problem: 'Supermarkederne smed brugbar mad ud, og medborgerhuset manglede aktiviteter om aftenen.',
      approach: 'Frivillige henter maden kl. 20, køler den ned efter fødevarestyrelsens regler og laver mad næste dag.',
      actors: 'Supermarkederne giver maden, frivillige henter og laver mad, medborgerhuset stiller køkken og lokaler.',
      results: 'Ca. 6 ton mad reddet om året og 60 spisende pr. aften.',
      dos: 'Lav en skriftlig aftale om kølekæden med hver butik.',
      donts: 'Tag ikke imod mad, I ikke kan nå at bruge – det flytter bare spildet.',
    },
  },
  {
    slug: 'hedensted',
    status: 'proven',
    themes: ['care'],
    tags: ['professional_roles', 'quality', 'scaling'],
    statedSavingsKr: 260000,
    age: 365,
    da: {
      title: 'Hverdagsrehabilitering med frivillige træningsmakkere',
      summary: 'Ældre, der har fået genoptræning, fortsætter i en lokal træningsgruppe med en frivillig makker i stedet for at få hjemmehjælp igen.',
      problem: 'Mange ældre mistede det, de havde genvundet, få måneder efter genoptræningen.',
      approach: 'Terapeuterne giver en overlevering til træningsmakkeren; gruppen træner i idrætshallen to gange om ugen.',
      municipalContribution: 'Terapeuttimer til overlevering og kursus for makkerne, adgang til hallen.',
      results: '70 % af deltagerne har ikke brug for mere hjemmehjælp et år efter.',
      dos: 'Lad terapeuten og makkeren mødes med borgeren sammen første gang.',
      donts: 'Makkeren er ikke behandler – hold grænsen skarp.',
    },
    en: {
      title: 'Everyday rehabilitation with volunteer training buddies',
      summary: 'Older people who have finished rehabilitation keep training in a local group with a volunteer buddy instead of needing home care again.',
      results: '70 % of participants need no further home care a year later.',
    },
  },
  {
    slug: 'lemvig',
    status: 'running',
    themes: ['culture', 'democracy'],
    tags: ['partnership'],
    age: 65,
    da: {
      title: 'Ungeråd planlægger byens sommerfestival',
      summary: 'Et ungeråd på 12 unge har fået budget og ansvar for en del af byens sommerfestival.',
      problem: 'De unge deltog ikke i byens arrangementer, som var planlagt af og for voksne.',
      approach: 'Ungerådet får 50.000 kr. og en voksen mentor fra kulturforvaltningen.',
      results: 'Ungescenen havde 900 gæster det første år.',
      dos: 'Giv de unge et rigtigt budget og en rigtig deadline.',
      donts: 'Lad ikke mentoren tage beslutningerne.',
    },
  },
  {
    slug: 'lemvig',
    status: 'idea',
    themes: ['housing'],
    tags: ['incentives', 'scaling'],
    age: 5,
    da: {
      title: 'Andelsbolig i den gamle præstegård',
      summary: 'Idé: en gruppe borgere vil omdanne den tomme præstegård til seks seniorboliger i andelsform.',
      problem: 'Ældre i landsbyen må flytte til byen, når huset bliver for stort.',
      dos: 'Tal med menighedsrådet og stiftet, før der tegnes.',
    },
  },
  {
    slug: 'lemvig',
    status: 'proven',
    themes: ['environment'],
    tags: ['incentives', 'quality'],
    statedSavingsKr: 95000,
    age: 310,
    da: {
      title: 'Genbrugsbutik drevet af frivillige på genbrugspladsen',
      summary: 'Frivillige sorterer brugbare ting fra på genbrugspladsen og sælger dem i en lille butik; overskuddet går til lokale foreninger.',
      problem: 'Brugbare møbler og cykler endte i containerne.',
      approach: 'Affaldsselskabet stiller en container-butik; foreningerne skiftes til at bemande den.',
      results: '55 ton genbrugt om året og 180.000 kr. til foreningerne.',
      dos: 'Aftal klart, hvad der må tages fra containerne.',
      donts: 'Sælg ikke elektronik uden at have testet den.',
    },
    en: {
      title: 'A volunteer-run reuse shop at the recycling centre',
      summary: 'Volunteers pick usable items at the recycling centre and sell them in a small shop; the surplus goes to local clubs.',
      results: '55 tonnes reused a year and DKK 180,000 for local clubs.',
    },
  },
  {
    slug: 'odder',
    status: 'running',
    themes: ['care', 'culture'],
    tags: ['partnership', 'quality'],
    age: 100,
    da: {
      title: 'Lektiecafé med studerende og pensionerede lærere',
      summary: 'Studerende og pensionerede lærere hjælper børn med lektier på biblioteket fire eftermiddage om ugen.',
      problem: 'Børn uden hjælp derhjemme kom bagud, især i matematik.',
      approach: 'Biblioteket stiller lokale og kaffe; skolen henviser; frivillige har fast dag.',
      results: '45 faste børn; lærerne ser bedre afleverede opgaver.',
      dos: 'Hav en fast koordinator, der kender både skolen og de frivillige.',
      donts: 'Undgå skiftende frivillige – børnene har brug for at kende den voksne.',
    },
  },
  {
    slug: 'odder',
    status: 'paused',
    themes: ['nature'],
    tags: ['professional_roles'],
    age: 190,
    da: {
      title: 'Borgerdrevet naturpleje med får på de kommunale enge',
      summary: 'En græsningsforening holder får på tre kommunale enge i stedet for maskinslåning. Sat på pause efter et ulveangreb.',
      problem: 'Engene groede til, og maskinslåningen skadede den sjældne flora.',
      approach: 'Kommunen betaler hegn; foreningen ejer fårene og fører tilsyn hver dag.',
      results: 'Floraen kom tilbage på to af engene.',
      dos: 'Lav en vagtplan for tilsyn, før dyrene kommer ud.',
      donts: 'Glem ikke at tænke ulvesikring ind fra starten.',
    },
  },
  {
    slug: 'odder',
    status: 'proven',
    themes: ['mobility', 'care'],
    tags: ['incentives', 'partnership'],
    statedSavingsKr: 110000,
    age: 240,
    da: {
      title: 'Cykling uden alder fra plejecentrene',
      summary: 'Frivillige cykelpiloter kører beboere fra plejecentrene ud i byen og naturen på ladcykler.',
      problem: 'Beboerne kom sjældent ud, fordi personalet ikke havde tid til ture.',
      approach: 'Kommunen købte tre rickshaws; frivillige piloter booker ture i en fælles kalender.',
      results: '1.400 ture om året; personalet bruger turene som en del af hverdagen.',
      dos: 'Lad beboerne vælge ruten.',
      donts: 'Kør ikke i regnvejr uden regnslag og tæpper.',
    },
    en: {
      title: 'Cycling without age from the care homes',
      summary: 'Volunteer pilots take care home residents out into town and nature on trishaws.',
      results: '1,400 trips a year.',
    },
  },
];

/** Adoptions between the demo municipalities: an adopter's existing demo initiative (or a new draft) linked to a case. */
export interface SeedAdoption {
  /** The case: from an initiative (its municipality and title start) or a narrative case (its Danish or English title). */
  case: { slug: SeedCase['slug']; titleStartsWith?: string; title?: string };
  into: SeedCase['slug'];
  /** The adopter's own demo initiative this grew into; without it, a draft initiative is created from the case. */
  initiativeTitleStartsWith?: string;
  age: number;
}

export const seedAdoptions: SeedAdoption[] = [
  { case: { slug: 'hedensted', titleStartsWith: 'Borgerne tegner en ny rute for bybussen' }, into: 'lemvig', initiativeTitleStartsWith: 'Borgerne tegner en ny rute for bybussen', age: 70 },
  { case: { slug: 'hedensted', titleStartsWith: 'Borgerne tegner en ny rute for bybussen' }, into: 'odder', initiativeTitleStartsWith: 'Borgerne tegner en ny rute for bybussen', age: 50 },
  { case: { slug: 'lemvig', titleStartsWith: 'Skolekøkkenet i' }, into: 'odder', initiativeTitleStartsWith: 'Skolekøkkenet i', age: 40 },
  { case: { slug: 'lemvig', titleStartsWith: 'Skolekøkkenet i' }, into: 'hedensted', initiativeTitleStartsWith: 'Skolekøkkenet i', age: 35 },
  { case: { slug: 'odder', titleStartsWith: 'Fælles rengøringshold' }, into: 'hedensted', initiativeTitleStartsWith: 'Fælles rengøringshold', age: 30 },
  { case: { slug: 'odder', titleStartsWith: 'Fælles rengøringshold' }, into: 'lemvig', initiativeTitleStartsWith: 'Fælles rengøringshold', age: 25 },
  { case: { slug: 'lemvig', title: 'Landsbybilen: frivillige kører naboer til læge og indkøb' }, into: 'odder', age: 20 },
  { case: { slug: 'hedensted', title: 'Lokalsamfund sat fri: 29 lokalråd med egen pulje' }, into: 'lemvig', age: 15 },
  { case: { slug: 'odder', title: 'Pensionister laver morgenmad i indskolingen' }, into: 'hedensted', age: 10 },
];
