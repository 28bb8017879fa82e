import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOUNDARY_MAX_BYTES, boundarySvgPath, parseBoundary, type BoundaryErrorCode, type BoundaryErrorDetail } from './municipalities.boundary.js';

// A small square around Uldum (lon 9.58, lat 55.84).
const ring = [[9.57, 55.83], [9.59, 55.83], [9.59, 55.85], [9.57, 55.85], [9.57, 55.83]];
const hole = [[9.575, 55.835], [9.58, 55.835], [9.58, 55.84], [9.575, 55.835]];
const polygon = { type: 'Polygon', coordinates: [ring] };
const json = (v: unknown) => JSON.stringify(v);

const accepted: [string, string, string][] = [
  ['a Polygon', json(polygon), 'Polygon'],
  ['a Polygon with a hole', json({ type: 'Polygon', coordinates: [ring, hole] }), 'Polygon'],
  ['a MultiPolygon', json({ type: 'MultiPolygon', coordinates: [[ring], [ring]] }), 'MultiPolygon'],
  ['a Feature with a Polygon', json({ type: 'Feature', properties: { navn: 'Uldum' }, geometry: polygon }), 'Polygon'],
  ['positions with altitude', json({ type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y, 12])] }), 'Polygon'],
  ['the edges of the map', json({ type: 'Polygon', coordinates: [[[-180, -90], [180, -90], [180, 90], [-180, -90]]] }), 'Polygon'],
  ['surrounding whitespace', `\n  ${json(polygon)}  \n`, 'Polygon'],
];

for (const [name, text, type] of accepted) {
  test(`accepts ${name}`, () => {
    const r = parseBoundary(text);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value?.type, type);
  });
}

test('blank means no boundary', () => {
  assert.deepEqual(parseBoundary(''), { ok: true, value: null });
  assert.deepEqual(parseBoundary('   \n'), { ok: true, value: null });
});

test('a Feature is reduced to its geometry, dropping properties and foreign members', () => {
  const r = parseBoundary(json({ type: 'Feature', properties: { a: 1 }, geometry: { ...polygon, bbox: [0, 0, 1, 1], crs: 'x' } }));
  assert.deepEqual(r, { ok: true, value: { type: 'Polygon', coordinates: [ring] } });
});

const refused: [string, string, BoundaryErrorCode, BoundaryErrorDetail][] = [
  ['text that is not JSON', '{type: Polygon', 'invalid_json', {}],
  ['a JSON array', '[1,2]', 'wrong_type', {}],
  ['a JSON string', '"Polygon"', 'wrong_type', {}],
  ['a Point', json({ type: 'Point', coordinates: [9.5, 55.8] }), 'wrong_type', {}],
  ['a LineString', json({ type: 'LineString', coordinates: ring }), 'wrong_type', {}],
  ['a FeatureCollection', json({ type: 'FeatureCollection', features: [] }), 'feature_collection', {}],
  ['a Feature with a Point', json({ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } }), 'feature_geometry', {}],
  ['a Feature without geometry', json({ type: 'Feature', geometry: null }), 'feature_geometry', {}],
  ['a Polygon without coordinates', json({ type: 'Polygon' }), 'bad_structure', {}],
  ['a Polygon with no rings', json({ type: 'Polygon', coordinates: [] }), 'empty', {}],
  ['a MultiPolygon with no polygons', json({ type: 'MultiPolygon', coordinates: [] }), 'empty', {}],
  ['a MultiPolygon with an empty polygon', json({ type: 'MultiPolygon', coordinates: [[ring], []] }), 'empty', { polygon: 2 }],
  ['a ring that is not a list', json({ type: 'Polygon', coordinates: [ring, 'x'] }), 'bad_structure', { ring: 2 }],
  ['Polygon coordinates nested like a MultiPolygon', json({ type: 'Polygon', coordinates: [[ring]] }), 'bad_structure', { ring: 1 }],
  ['a position with one number', json({ type: 'Polygon', coordinates: [[[9.5, 55.8], [9.6], [9.6, 55.9], [9.5, 55.8]]] }), 'bad_position', { ring: 1, position: 2 }],
  ['a position with four numbers', json({ type: 'Polygon', coordinates: [[[9.5, 55.8, 1, 2], [9.6, 55.8], [9.6, 55.9], [9.5, 55.8]]] }), 'bad_position', { ring: 1, position: 1 }],
  ['a position given as text', json({ type: 'Polygon', coordinates: [[['9.5', '55.8'], [9.6, 55.8], [9.6, 55.9], [9.5, 55.8]]] }), 'bad_position', { ring: 1, position: 1 }],
  ['a position that overflows to Infinity', '{"type":"Polygon","coordinates":[[[1e400,55],[9.6,55.8],[9.6,55.9],[1e400,55]]]}', 'bad_position', { ring: 1, position: 1 }],
  ['a longitude beyond 180', json({ type: 'Polygon', coordinates: [[[9.5, 55.8], [180.5, 55.8], [9.6, 55.9], [9.5, 55.8]]] }), 'out_of_range', { ring: 1, position: 2 }],
  ['a latitude beyond 90', json({ type: 'Polygon', coordinates: [[[9.5, 55.8], [9.6, 55.8], [9.6, -90.1], [9.5, 55.8]]] }), 'out_of_range', { ring: 1, position: 3 }],
  ['UTM coordinates (EPSG:25832)', json({ type: 'Polygon', coordinates: [[[536000, 6188000], [537000, 6188000], [537000, 6189000], [536000, 6188000]]] }), 'out_of_range', { ring: 1, position: 1 }],
  ['a ring of three positions', json({ type: 'Polygon', coordinates: [[[9.5, 55.8], [9.6, 55.8], [9.5, 55.8]]] }), 'ring_too_short', { ring: 1, count: 3 }],
  ['an open ring', json({ type: 'Polygon', coordinates: [ring.slice(0, 4)] }), 'ring_not_closed', { ring: 1 }],
  ['an open hole', json({ type: 'Polygon', coordinates: [ring, [...hole.slice(0, 3), [9.5, 55.8]]] }), 'ring_not_closed', { ring: 2 }],
  ['an open ring in the second polygon', json({ type: 'MultiPolygon', coordinates: [[ring], [ring.slice(0, 4)]] }), 'ring_not_closed', { polygon: 2, ring: 1 }],
  ['a ring closed in 2D but not in altitude', json({ type: 'Polygon', coordinates: [[[9.5, 55.8, 1], [9.6, 55.8, 1], [9.6, 55.9, 1], [9.5, 55.8, 2]]] }), 'ring_not_closed', { ring: 1 }],
];

for (const [name, text, code, detail] of refused) {
  test(`refuses ${name} (${code})`, () => {
    const r = parseBoundary(text);
    assert.equal(r.ok, false, JSON.stringify(r));
    if (r.ok) return;
    assert.equal(r.error, code);
    assert.deepEqual(r.detail, detail);
  });
}

test('refuses more than 200 kB before parsing it', () => {
  const big = json(polygon) + ' '.repeat(BOUNDARY_MAX_BYTES);
  const r = parseBoundary(big);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error, 'too_large');
    assert.equal(r.detail.sizeKb, Math.ceil(Buffer.byteLength(big) / 1024));
  }
});

test('counts the size in bytes, not characters', () => {
  const name = 'Æ'.repeat(BOUNDARY_MAX_BYTES / 2);
  const r = parseBoundary(json({ type: 'Feature', properties: { name }, geometry: polygon }));
  assert.equal(r.ok ? 'ok' : r.error, 'too_large');
});

test('refuses more than 20,000 positions in all, and accepts 20,000', () => {
  // Short integer positions, so 20,000 of them stay well inside 200 kB.
  const square = [[0, 0], [1, 0], [1, 1], [0, 1]];
  const circle = (n: number) => [...Array.from({ length: n - 1 }, (_, i) => square[i % 4]!), [0, 0]];
  const ok = parseBoundary(json({ type: 'MultiPolygon', coordinates: [[circle(10_000)], [circle(10_000)]] }));
  assert.ok(ok.ok, ok.ok ? '' : ok.error);
  const tooMany = parseBoundary(json({ type: 'MultiPolygon', coordinates: [[circle(10_000)], [circle(10_001)]] }));
  assert.equal(tooMany.ok ? 'ok' : tooMany.error, 'too_many_positions');
});

test('draws an outline inside the box, north up', () => {
  const d = boundarySvgPath({ type: 'Polygon', coordinates: [ring] }, 40);
  assert.match(d, /^M[\d. ]+(L[\d. ]+)+Z$/);
  const numbers = d.match(/[\d.]+/g)!.map(Number);
  assert.ok(numbers.every((n) => n >= 0 && n <= 40));
  // The first corner is the south-west one: lowest x, highest y (SVG's y grows downwards).
  const [x0, y0] = numbers as [number, number];
  assert.equal(x0, Math.min(...numbers.filter((_, i) => i % 2 === 0)));
  assert.equal(y0, Math.max(...numbers.filter((_, i) => i % 2 === 1)));
});
