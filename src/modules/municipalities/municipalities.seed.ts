// Demo municipalities with real Danish place names, so the demo reads like a real municipality's site.
// Idempotent: running it twice changes nothing.
import { sql } from 'kysely';
import type { AppDeps } from '../../core/http/context.js';
import type { AreaKind } from './municipalities.types.js';

interface DemoMunicipality {
  slug: string;
  name: string;
  region: string;
  inhabitants: number;
  tagline: { da: string; en: string };
  areas: [string, AreaKind, number][];
}

export const demoMunicipalities: DemoMunicipality[] = [
  {
    slug: 'hedensted',
    name: 'Hedensted Kommune',
    region: 'Region Midtjylland',
    inhabitants: 47_400,
    tagline: { da: 'Vi sætter fællesskaberne fri', en: 'We set the local communities free' },
    areas: [
      ['Hedensted', 'town', 12_100], ['Juelsminde', 'town', 4_000], ['Tørring', 'town', 2_900], ['Løsning', 'town', 3_500],
      ['Uldum', 'village', 1_900], ['Stouby', 'village', 1_200], ['Barrit', 'village', 600], ['Daugård', 'village', 800],
      ['Hornsyld og omegn', 'rural_district', 3_100],
    ],
  },
  {
    slug: 'lemvig',
    name: 'Lemvig Kommune',
    region: 'Region Midtjylland',
    inhabitants: 19_300,
    tagline: { da: 'Fællesskab ved Vesterhavet', en: 'Community by the North Sea' },
    areas: [
      ['Lemvig', 'town', 6_800], ['Harboøre', 'town', 1_900], ['Thyborøn', 'town', 1_900], ['Bøvlingbjerg', 'village', 700],
      ['Nørre Nissum', 'village', 1_000], ['Klinkby', 'village', 500], ['Ramme og Tørring', 'rural_district', 900],
    ],
  },
  {
    slug: 'odder',
    name: 'Odder Kommune',
    region: 'Region Midtjylland',
    inhabitants: 23_500,
    tagline: { da: 'Sammen om det nære', en: 'Together about what is close to home' },
    areas: [
      ['Odder', 'town', 12_700], ['Hou', 'village', 1_500], ['Saksild', 'village', 1_300], ['Gylling', 'village', 800],
      ['Hundslund', 'village', 900], ['Tunø', 'rural_district', 100],
    ],
  },
];

export const demoThemes: [string, string, string][] = [
  ['mobility', 'Mobilitet og transport', 'Mobility and transport'],
  ['community-spaces', 'Fællesskaber og lokaler', 'Community spaces'],
  ['environment', 'Natur og miljø', 'Nature and environment'],
  ['health-care', 'Sundhed og omsorg', 'Health and care'],
  ['culture', 'Kultur og fritid', 'Culture and leisure'],
];

export async function seedMunicipalities(deps: AppDeps, log: (line: string) => void): Promise<void> {
  for (const m of demoMunicipalities) {
    const id = await deps.db.transaction({ municipalityId: null }, async (tx) => {
      await sql`insert into municipalities (slug, name, region, inhabitants, tagline_da, tagline_en)
        values (${m.slug}, ${m.name}, ${m.region}, ${m.inhabitants}, ${m.tagline.da}, ${m.tagline.en})
        on conflict (slug) do nothing`.execute(tx);
      const r = await sql<{ id: number }>`select id from municipalities where slug = ${m.slug}`.execute(tx);
      return r.rows[0]?.id as number;
    });
    await deps.db.transaction({ municipalityId: id }, async (tx) => {
      for (const [name, kind, inhabitants] of m.areas) {
        await sql`insert into municipalities_areas (municipality_id, name, kind, inhabitants) values (${id}, ${name}, ${kind}, ${inhabitants})
          on conflict (municipality_id, lower(name)) do nothing`.execute(tx);
      }
      for (const [key, da, en] of demoThemes) {
        await sql`insert into municipalities_themes (municipality_id, key, name_da, name_en) values (${id}, ${key}, ${da}, ${en})
          on conflict (municipality_id, key) do nothing`.execute(tx);
      }
    });
    log(`  ${m.name}: ${m.areas.length} areas, ${demoThemes.length} themes`);
  }
}
