// Reads a local area's boundary pasted as GeoJSON text. Pure: no I/O, so every rule has a table test.
// Accepts a Polygon or MultiPolygon, or a Feature holding one, and keeps only the geometry. Errors say
// where (polygon, ring, position, counted from 1 as people count) so an editor can find the spot.
import { err, ok, type Result } from '../../core/errors/result.js';
import type { Boundary, Position } from './municipalities.types.js';

export const BOUNDARY_MAX_BYTES = 200 * 1024;
export const BOUNDARY_MAX_POSITIONS = 20_000;

export type BoundaryErrorCode =
  | 'too_large'
  | 'invalid_json'
  | 'wrong_type'
  | 'feature_collection'
  | 'feature_geometry'
  | 'empty'
  | 'bad_structure'
  | 'bad_position'
  | 'out_of_range'
  | 'ring_too_short'
  | 'ring_not_closed'
  | 'too_many_positions';

export interface BoundaryErrorDetail {
  /** 1-based; only for a MultiPolygon. */
  polygon?: number;
  ring?: number;
  position?: number;
  /** Positions in a ring that is too short. */
  count?: number;
  /** Size of a text that is too large, in whole kB. */
  sizeKb?: number;
}

export type BoundaryResult = Result<Boundary | null, BoundaryErrorCode, BoundaryErrorDetail>;

const fail = (code: BoundaryErrorCode, detail: BoundaryErrorDetail = {}): BoundaryResult => err(code, detail);

/** Parses the text of the boundary field; blank means "no boundary". */
export function parseBoundary(text: string): BoundaryResult {
  if (text.trim() === '') return ok(null);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > BOUNDARY_MAX_BYTES) return fail('too_large', { sizeKb: Math.ceil(bytes / 1024) });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('invalid_json');
  }
  return readGeometry(value);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readGeometry(value: unknown): BoundaryResult {
  if (!isObject(value)) return fail('wrong_type');
  if (value.type === 'FeatureCollection') return fail('feature_collection');
  if (value.type === 'Feature') {
    const g = value.geometry;
    if (!isObject(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return fail('feature_geometry');
    return readGeometry(g);
  }
  const counter = { positions: 0 };
  if (value.type === 'Polygon') {
    const rings = readPolygon(value.coordinates, undefined, counter);
    return Array.isArray(rings) ? ok({ type: 'Polygon', coordinates: rings }) : rings;
  }
  if (value.type === 'MultiPolygon') {
    const polygons = value.coordinates;
    if (!Array.isArray(polygons)) return fail('bad_structure');
    if (polygons.length === 0) return fail('empty');
    const out: Position[][][] = [];
    for (let p = 0; p < polygons.length; p++) {
      const rings = readPolygon(polygons[p], p + 1, counter);
      if (!Array.isArray(rings)) return rings;
      out.push(rings);
    }
    return ok({ type: 'MultiPolygon', coordinates: out });
  }
  return fail('wrong_type');
}

function readPolygon(rings: unknown, polygon: number | undefined, counter: { positions: number }): Position[][] | BoundaryResult {
  const at = polygon === undefined ? {} : { polygon };
  if (!Array.isArray(rings)) return fail('bad_structure', at);
  if (rings.length === 0) return fail('empty', at);
  const out: Position[][] = [];
  for (let r = 0; r < rings.length; r++) {
    const ring: unknown = rings[r];
    const where = { ...at, ring: r + 1 };
    if (!Array.isArray(ring)) return fail('bad_structure', where);
    // Counted before the ring is read, so a huge paste is refused without walking all of it.
    counter.positions += ring.length;
    if (counter.positions > BOUNDARY_MAX_POSITIONS) return fail('too_many_positions');
    const positions: Position[] = [];
    for (let i = 0; i < ring.length; i++) {
      const position: unknown = ring[i];
      const here = { ...where, position: i + 1 };
      if (!isPosition(position)) {
        // Positions nested one level too deep usually mean Polygon and MultiPolygon were mixed up.
        const tooDeep = Array.isArray(position) && position.some(Array.isArray);
        return tooDeep ? fail('bad_structure', where) : fail('bad_position', here);
      }
      const [lon, lat] = position as [number, number];
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return fail('out_of_range', here);
      positions.push(position);
    }
    if (positions.length < 4) return fail('ring_too_short', { ...where, count: positions.length });
    const first = positions[0]!;
    const last = positions[positions.length - 1]!;
    if (first.length !== last.length || first.some((n, k) => n !== last[k])) return fail('ring_not_closed', where);
    out.push(positions);
  }
  return out;
}

/** Two or three finite numbers (JSON can still spell Infinity as 1e400). */
function isPosition(v: unknown): v is Position {
  return Array.isArray(v) && v.length >= 2 && v.length <= 3 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
}

/**
 * An SVG path of the boundary scaled into a `size`-wide square, north up. Longitudes are shrunk by the
 * cosine of the middle latitude so Danish outlines keep their shape (a plain equirectangular view
 * would stretch them sideways by nearly half).
 */
export function boundarySvgPath(boundary: Boundary, size: number, padding = 2): string {
  const rings = boundary.type === 'Polygon' ? boundary.coordinates : boundary.coordinates.flat();
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (const ring of rings) for (const [lon = 0, lat = 0] of ring) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const w = (maxLon - minLon) * k || 1e-9;
  const h = maxLat - minLat || 1e-9;
  const scale = (size - 2 * padding) / Math.max(w, h);
  const offX = padding + (size - 2 * padding - w * scale) / 2;
  const offY = padding + (size - 2 * padding - h * scale) / 2;
  const fmt = (n: number) => (Math.round(n * 10) / 10).toString();
  return rings
    .map((ring) => ring.map(([lon = 0, lat = 0], i) => `${i === 0 ? 'M' : 'L'}${fmt(offX + (lon - minLon) * k * scale)} ${fmt(offY + (maxLat - lat) * scale)}`).join('') + 'Z')
    .join('');
}
