// Field reports over HTTP: multipart form with a photo, what is stored, who sees the photo, the
// operations queue and the status the reporter follows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { SESSION_COOKIE } from '../../core/http/app.js';
import { crc32 } from '../../core/images/sanitise-image.js';
import { futureDate, municipalityWithGroup, person } from './workdays.testkit.js';

let app: TestApp;
const slug = 'melde-kommune';
let mid: number;
let dayUrl: string;
let dayId: number;
const newUrl = `/m/${slug}/workdays/reports/new`;

function as(token: string) {
  const c = app.client();
  c.setCookie(SESSION_COOKIE, token);
  return c;
}

before(async () => {
  app = await testApp();
  const f = await municipalityWithGroup(app.db, slug);
  mid = f.mid;
  const res = await as(f.coordinator.sessionToken).post(
    `/m/${slug}/workdays/new`,
    { title: 'Rengøring af parken', groupId: String(f.groupId), address: 'Parken 1', date: futureDate(9), startTime: '09:00', endTime: '12:00', shift1Label: 'Formiddag', shift1Start: '09:00', shift1End: '12:00', shift1Capacity: '5', repeat: 'none', everyWeeks: '2', count: '', until: '' },
    { formPage: `/m/${slug}/workdays/new` },
  );
  assert.equal(res.status, 303);
  dayUrl = res.headers.get('location')!;
  dayId = Number(dayUrl.split('/').pop());
});
after(async () => {
  await app.close();
});

function seg(marker: number, data: Buffer): Buffer {
  const h = Buffer.from([0xff, marker, 0, 0]);
  h.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([h, data]);
}

/** A baseline JPEG's structure with an EXIF block holding a GPS position. */
function jpegWithGps(): Buffer {
  const sof = Buffer.from([8, 0, 2, 0, 3, 1, 1, 0x11, 0]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    seg(0xe1, Buffer.from('Exif\0\0MM\0*GPSLatitude 55.7;GPSLongitude 9.7', 'latin1')),
    seg(0xdb, Buffer.alloc(65, 1)),
    seg(0xc0, sof),
    seg(0xc4, Buffer.alloc(20, 0)),
    seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0xff, 0x00, 0x34]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG whose header claims width × height; the pixel data is not needed to be rejected. */
function pngOfSize(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(7))), pngChunk('IEND', Buffer.alloc(0))]);
}

async function postReport(c: TestClient, fields: Record<string, string>, photo?: { bytes: Buffer; name: string; type: string }): Promise<Response> {
  const body = new FormData();
  body.append('_csrf', await c.csrfFrom(dayUrl));
  body.append('dayId', String(dayId));
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (photo) body.append('photo', new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name);
  else body.append('photo', new Blob([], { type: 'application/octet-stream' }), '');
  return c.send(newUrl, { method: 'POST', body });
}

const reportCount = async () => Number((await app.db.transaction({ municipalityId: mid }, (tx) => sql<{ n: string }>`select count(*) as n from workdays_reports`.execute(tx))).rows[0]!.n);

test('the day page has a multipart report form that works without JavaScript', async () => {
  const resident = await person(app.db, mid, ['resident']);
  const page = await (await as(resident.sessionToken).get(dayUrl)).text();
  assert.match(page, /<form method="post" action="\/m\/melde-kommune\/workdays\/reports\/new"[^>]*enctype="multipart\/form-data"/);
  assert.match(page, /<input[^>]*type="file"[^>]*name="photo"[^>]*accept="image\/png,image\/jpeg"/);
  const anon = await (await app.client().get(dayUrl)).text();
  assert.ok(!anon.includes('type="file"'), 'anonymous visitors see no report form');
});

test('bad input: clear errors, nothing stored', async () => {
  const c = as((await person(app.db, mid, ['resident'])).sessionToken);
  const before = await reportCount();
  const base = { category: 'pothole', place: 'Vejen 3', description: 'Stort hul' };
  const cases: [Record<string, string>, { bytes: Buffer; name: string; type: string } | undefined, number, string][] = [
    [{ ...base, category: 'volcano' }, undefined, 422, 'Vælg en kategori.'],
    [{ ...base, place: '' }, undefined, 422, 'Skriv hvor problemet er.'],
    [base, { bytes: Buffer.from('<html><script>alert(1)</script></html>'), name: 'ferie.jpg', type: 'image/jpeg' }, 422, 'Filen er ikke et JPEG- eller PNG-billede.'],
    [base, { bytes: pngOfSize(10_000, 10_000), name: 'stor.png', type: 'image/png' }, 422, 'Billedet har for mange pixels'],
    [base, { bytes: Buffer.concat([jpegWithGps(), Buffer.alloc(5 * 1024 * 1024 + 10)]), name: 'tung.jpg', type: 'image/jpeg' }, 422, 'Billedet er større end 5 MB.'],
  ];
  for (const [fields, photo, status, message] of cases) {
    const res = await postReport(c, fields, photo);
    assert.equal(res.status, status, message);
    const body = await res.text();
    assert.ok(body.includes(message), message);
    assert.ok(body.includes('value="Vejen 3"') || fields.place === '', 'values kept');
  }
  const huge = await postReport(c, base, { bytes: Buffer.alloc(7 * 1024 * 1024, 0xff), name: 'kæmpe.jpg', type: 'image/jpeg' });
  assert.equal(huge.status, 413);
  assert.equal(await reportCount(), before);
});

test('a JPEG with GPS is stored without EXIF; the photo is for the reporter and staff only; status flows back', async () => {
  const reporter = await person(app.db, mid, ['resident'], 'Rikke Reporter');
  const other = await person(app.db, mid, ['resident']);
  const facilitator = await person(app.db, mid, ['facilitator']);
  const rc = as(reporter.sessionToken);
  const res = await postReport(rc, { category: 'broken_bench', place: 'Bænken ved søen', description: '<b>knækket</b> ryglæn' }, { bytes: jpegWithGps(), name: 'IMG_1.jpg', type: 'image/jpeg' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/m/${slug}/workdays/reports/mine`);

  const row = (
    await app.db.transaction({ municipalityId: mid }, (tx) =>
      sql<{ id: number; image: Buffer; image_type: string; day_id: number; reporter_id: string }>`select id, image, image_type, day_id, reporter_id from workdays_reports where place = 'Bænken ved søen'`.execute(tx),
    )
  ).rows[0]!;
  assert.equal(row.image_type, 'image/jpeg');
  assert.equal(row.day_id, dayId);
  assert.equal(Number(row.reporter_id), reporter.id);
  const stored = Buffer.from(row.image);
  assert.equal(stored.indexOf(Buffer.from([0xff, 0xe1])), -1, 'no APP1 (EXIF) segment');
  assert.ok(!stored.toString('latin1').includes('GPSLatitude'));
  assert.deepEqual([...stored.subarray(0, 2)], [0xff, 0xd8]);

  const mine = await (await rc.get(`/m/${slug}/workdays/reports/mine`)).text();
  assert.ok(mine.includes('Modtaget'));
  assert.ok(mine.includes('&lt;b&gt;knækket&lt;/b&gt;'));
  const imageUrl = `/m/${slug}/workdays/reports/${row.id}/image`;
  assert.ok(mine.includes(imageUrl));

  const img = await rc.get(imageUrl);
  assert.equal(img.status, 200);
  assert.equal(img.headers.get('content-type'), 'image/jpeg');
  assert.equal(img.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(img.headers.get('content-disposition'), 'inline');
  assert.deepEqual(Buffer.from(await img.arrayBuffer()), stored);
  assert.equal((await as(other.sessionToken).get(imageUrl)).status, 404);
  assert.equal((await app.client().get(imageUrl)).status, 302);
  const fc = as(facilitator.sessionToken);
  assert.equal((await fc.get(imageUrl)).status, 200);

  // The queue: staff only, filtered by status and category.
  assert.equal((await as(other.sessionToken).get(`/m/${slug}/workdays/reports`)).status, 403);
  const queue = await (await fc.get(`/m/${slug}/workdays/reports?status=received&category=broken_bench`)).text();
  assert.ok(queue.includes('Bænken ved søen'));
  const potholes = await (await fc.get(`/m/${slug}/workdays/reports?category=pothole`)).text();
  assert.ok(!potholes.includes('Bænken ved søen'));
  const queueUrl = `/m/${slug}/workdays/reports`;
  const bad = await fc.post(`/m/${slug}/workdays/reports/${row.id}`, { status: 'lost', note: '' }, { formPage: queueUrl });
  assert.equal(bad.status, 422);
  assert.ok((await bad.text()).includes('Vælg en status.'));
  assert.equal((await as(other.sessionToken).post(`/m/${slug}/workdays/reports/${row.id}`, { status: 'done', note: '' }, { formPage: dayUrl })).status, 403);
  const upd = await fc.post(`/m/${slug}/workdays/reports/${row.id}`, { status: 'in_progress', note: 'Vi kommer på torsdag.' }, { formPage: queueUrl });
  assert.equal(upd.status, 303);
  const after = await (await rc.get(`/m/${slug}/workdays/reports/mine`)).text();
  assert.ok(after.includes('I gang'));
  assert.ok(after.includes('Vi kommer på torsdag.'));
});

test('a report without a photo is fine; the form page without a day works too', async () => {
  const c = as((await person(app.db, mid, ['resident'])).sessionToken);
  assert.equal((await c.get(newUrl)).status, 200);
  const res = await postReport(c, { category: 'litter', place: 'Torvet', description: '' });
  assert.equal(res.status, 303);
  const mine = await (await c.get(`/m/${slug}/workdays/reports/mine`)).text();
  assert.ok(mine.includes('Torvet'));
  assert.ok(!mine.includes('/image"'));
});
