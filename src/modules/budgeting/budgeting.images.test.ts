// A project proposal with an image, in process: the form is multipart, a small PNG built here is
// stored sanitised and served back with its sniffed type; HTML named .jpg, a file too large, or a
// missing alt text gives 422 with the error at the field and stores nothing. Urlencoded still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/test-app.js';
import { createMunicipality, createPerson } from '../../testing/actors.js';
import { crc32, MAX_IMAGE_BYTES } from '../../core/images/sanitise-image.js';

let app: TestApp;
let m: number;
const slug = 'pb-images';
let processPath = '';

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 2×2 truecolour PNG carrying a text chunk, which the sanitiser must drop. */
function tinyPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('tEXt', Buffer.from('Comment\0secret location', 'latin1')),
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(14))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

async function as(roles: [number, 'admin' | 'resident'][]) {
  const person = await createPerson(app.db, { roles });
  const client = app.client();
  client.setCookie('samskab_session', person.sessionToken);
  return client;
}

async function propose(c: TestClient, fields: Record<string, string>, file?: { bytes: Buffer; name: string; type: string }): Promise<Response> {
  const body = new FormData();
  body.append('_csrf', await c.csrfFrom(`${processPath}/projects/new`));
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append('image', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  else body.append('image', new Blob([], { type: 'application/octet-stream' }), '');
  return c.send(`${processPath}/projects/new`, { method: 'POST', body });
}

const counts = async () => {
  const row = (
    await app.db.transaction({ municipalityId: m }, (tx) =>
      sql<{ projects: string; images: string }>`select (select count(*) from budgeting_projects) as projects, (select count(*) from budgeting_project_images) as images`.execute(tx),
    )
  ).rows[0]!;
  return { projects: Number(row.projects), images: Number(row.images) };
};

before(async () => {
  app = await testApp();
  m = await createMunicipality(app.db, slug);
  const admin = await as([[m, 'admin']]);
  const create = await admin.post(`/m/${slug}/budgets/new`, {
    title: 'Billedbudget', description: '', areaId: '', budget: '100.000', proposalsFrom: '2026-01-01', reviewFrom: '2026-02-01', votingFrom: '2026-03-01',
    resultFrom: '2026-04-01', implementationFrom: '2026-05-01', kind: 'approval', maxChoices: '2', minSpend: '', points: '', rule: 'greedy-votes', minAge: '0',
  });
  assert.equal(create.status, 303);
  processPath = create.headers.get('location')!;
});
after(() => app.close());

test('the proposal form is multipart with an image field and an alt text field', async () => {
  const resident = await as([[m, 'resident']]);
  const page = await (await resident.get(`${processPath}/projects/new`)).text();
  assert.match(page, /<form method="post" action="[^"]*\/projects\/new"[^>]*enctype="multipart\/form-data"/);
  assert.match(page, /<input[^>]*type="file"[^>]*name="image"[^>]*accept="image\/png,image\/jpeg"/);
  assert.match(page, /name="imageAlt"/);
});

test('a proposal with a PNG stores it sanitised and serves it on the process page', async () => {
  const resident = await as([[m, 'resident']]);
  const png = tinyPng();
  const res = await propose(resident, { title: 'Legeplads', description: 'Ny gynge', areaId: '', imageAlt: 'En rød gynge på en græsplæne' }, { bytes: png, name: 'gynge.png', type: 'image/png' });
  assert.equal(res.status, 303);
  const page = await (await app.client().get(processPath)).text();
  const src = /<img[^>]*src="([^"]+\/projects\/\d+\/image)"[^>]*>/.exec(page);
  assert.ok(src, 'the project card shows the image');
  assert.match(src[0], /alt="En rød gynge på en græsplæne"/);
  const image = await app.client().get(src[1]!);
  assert.equal(image.status, 200);
  assert.equal(image.headers.get('content-type'), 'image/png');
  assert.equal(image.headers.get('x-content-type-options'), 'nosniff');
  assert.match(image.headers.get('cache-control') ?? '', /max-age=\d+/);
  const bytes = Buffer.from(await image.arrayBuffer());
  assert.deepEqual(bytes.subarray(0, 8), png.subarray(0, 8));
  assert.ok(!bytes.includes(Buffer.from('secret location')), 'metadata is stripped');
  assert.ok(bytes.length < png.length);
  assert.equal((await app.client().get(src[1]!.replace(/projects\/\d+/, 'projects/999999'))).status, 404);
});

test('HTML named .jpg, a file too large, or a missing alt text: 422 at the field, nothing stored', async () => {
  const resident = await as([[m, 'resident']]);
  const before0 = await counts();

  const disguised = await propose(resident, { title: 'Snyd', description: '', areaId: '', imageAlt: 'Et billede' }, { bytes: Buffer.from('<!doctype html><script>alert(1)</script>'), name: 'photo.jpg', type: 'image/jpeg' });
  assert.equal(disguised.status, 422);
  const disguisedHtml = await disguised.text();
  assert.match(disguisedHtml, /id="f-image-error"[^>]*>[\s\S]*?Filen er ikke et JPEG- eller PNG-billede\./);
  assert.match(disguisedHtml, /value="Snyd"/, 'values are kept');

  const big = Buffer.concat([tinyPng(), Buffer.alloc(MAX_IMAGE_BYTES)]);
  const tooLarge = await propose(resident, { title: 'Stor', description: '', areaId: '', imageAlt: 'Et stort billede' }, { bytes: big, name: 'stor.png', type: 'image/png' });
  assert.equal(tooLarge.status, 422);
  assert.match(await tooLarge.text(), /Billedet er større end 5 MB\./);

  const noAlt = await propose(resident, { title: 'Uden tekst', description: '', areaId: '', imageAlt: '  ' }, { bytes: tinyPng(), name: 'x.png', type: 'image/png' });
  assert.equal(noAlt.status, 422);
  assert.match(await noAlt.text(), /id="f-imageAlt-error"[^>]*>[\s\S]*?Beskriv billedet/);

  assert.deepEqual(await counts(), before0);
});

test('without an image: multipart with an empty file field and urlencoded both work as before', async () => {
  const resident = await as([[m, 'resident']]);
  const before0 = await counts();
  assert.equal((await propose(resident, { title: 'Bænk', description: 'x', areaId: '', imageAlt: '' })).status, 303);
  assert.equal((await resident.post(`${processPath}/projects/new`, { title: 'Træ', description: 'x', areaId: '' })).status, 303);
  const after0 = await counts();
  assert.deepEqual(after0, { projects: before0.projects + 2, images: before0.images });
  const page = await (await app.client().get(processPath)).text();
  assert.match(page, /Bænk/);
  assert.match(page, /Træ/);
});
