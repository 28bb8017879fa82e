// Domain types of the municipalities module, apart from row types (snake_case in the repository).
export type AreaKind = 'town' | 'village' | 'rural_district';
export const areaKinds = ['town', 'village', 'rural_district'] as const satisfies readonly AreaKind[];

export type Lang = 'da' | 'en';

export interface Municipality {
  id: number;
  slug: string;
  name: string;
  region: string | null;
  inhabitants: number | null;
  timeZone: string;
  defaultLang: Lang;
  tagline: { da: string; en: string };
  networkMember: boolean;
}

/** A GeoJSON position: longitude, latitude and, optionally, altitude (WGS 84, RFC 7946). */
export type Position = number[];
export interface PolygonBoundary {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonBoundary {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
/** A local area's outline: the geometry only, whatever Feature it arrived in. */
export type Boundary = PolygonBoundary | MultiPolygonBoundary;

export interface Area {
  municipalityId: number;
  id: number;
  name: string;
  kind: AreaKind;
  inhabitants: number | null;
  boundary: Boundary | null;
}

export interface Theme {
  municipalityId: number;
  id: number;
  key: string;
  name: { da: string; en: string };
}

/** The five Danish regions, by their official names (used as given in both languages). */
export const danishRegions = ['Region Hovedstaden', 'Region Sjælland', 'Region Syddanmark', 'Region Midtjylland', 'Region Nordjylland'] as const;
