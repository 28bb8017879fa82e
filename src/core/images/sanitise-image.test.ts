import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { crc32, MAX_IMAGE_BYTES, sanitiseImage } from './sanitise-image.js';

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function tinyPng(options: { width?: number; height?: number; extra?: Buffer[] } = {}): Buffer {
  const width = options.width ?? 2;
  const height = options.height ?? 2;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = Buffer.alloc((1 + width * 3) * Math.min(height, 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...(options.extra ?? []),
    pngChunk('IDAT', zlib.deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function seg(marker: number, data: Buffer): Buffer {
  const h = Buffer.from([0xff, marker, 0, 0]);
  h.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([h, data]);
}

/** The structure of a baseline JPEG with an EXIF block holding a GPS position, and a comment. */
export function tinyJpeg(options: { width?: number; height?: number; trailing?: Buffer } = {}): Buffer {
  const sof = Buffer.from([8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  sof.writeUInt16BE(options.height ?? 1, 1);
  sof.writeUInt16BE(options.width ?? 1, 3);
  const exif = Buffer.concat([Buffer.from('Exif\0\0MM\0*', 'latin1'), Buffer.from('GPSLatitude 55.7;GPSLongitude 9.7', 'latin1')]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    seg(0xe1, exif),
    seg(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>secret</x:xmpmeta>', 'latin1')),
    seg(0xfe, Buffer.from('taken at home', 'latin1')),
    seg(0xdb, Buffer.alloc(65, 1)),
    seg(0xc0, sof),
    seg(0xc4, Buffer.alloc(20, 0)),
    seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]),
    Buffer.from([0xff, 0xd9]),
    options.trailing ?? Buffer.alloc(0),
  ]);
}

test('JPEG: EXIF with GPS, XMP and comments are removed; image segments kept; trailing data dropped', () => {
  const input = tinyJpeg({ width: 640, height: 480, trailing: Buffer.from('<html><script>alert(1)</script></html>') });
  const r = sanitiseImage(input);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.type, 'image/jpeg');
  assert.deepEqual([r.value.width, r.value.height], [640, 480]);
  const text = r.value.bytes.toString('latin1');
  for (const gone of ['Exif', 'GPSLatitude', 'xmpmeta', 'taken at home', '<html>']) assert.ok(!text.includes(gone), gone);
  assert.ok(text.includes('JFIF'));
  assert.deepEqual([...r.value.bytes.subarray(0, 2)], [0xff, 0xd8]);
  assert.deepEqual([...r.value.bytes.subarray(-2)], [0xff, 0xd9]);
  // The entropy-coded data, with its stuffed 0xFF00 and restart marker, is kept byte for byte.
  assert.ok(r.value.bytes.includes(Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56])));
  // Cleaning a clean file changes nothing.
  const again = sanitiseImage(r.value.bytes);
  assert.ok(again.ok && again.value.bytes.equals(r.value.bytes));
});

test('PNG: only critical and safe chunks are kept', () => {
  const input = tinyPng({ extra: [pngChunk('tEXt', Buffer.from('Author\0Someone', 'latin1')), pngChunk('eXIf', Buffer.from('MM\0*GPS', 'latin1')), pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f]))] });
  const r = sanitiseImage(input);
  assert.ok(r.ok, JSON.stringify(r));
  const text = r.value.bytes.toString('latin1');
  assert.ok(!text.includes('tEXt') && !text.includes('eXIf') && !text.includes('Someone'));
  assert.ok(text.includes('gAMA') && text.includes('IDAT'));
  assert.deepEqual([r.value.width, r.value.height], [2, 2]);
});

test('refused: disguised files, damaged files, too large, too many pixels', () => {
  const table: [string, Buffer, string][] = [
    ['HTML named .jpg', Buffer.from('<!doctype html><html><body>hi</body></html>'), 'not_image'],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'not_image'],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'not_image'],
    ['empty', Buffer.alloc(0), 'not_image'],
    ['truncated PNG', tinyPng().subarray(0, 30), 'malformed'],
    ['PNG with bad CRC', (() => { const b = Buffer.from(tinyPng()); b[20] = b[20]! ^ 0xff; return b; })(), 'malformed'],
    ['truncated JPEG', tinyJpeg().subarray(0, 60), 'malformed'],
    ['JPEG without a frame', Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'malformed'],
    ['PNG 30000 wide', tinyPng({ width: 30000, height: 1 }), 'too_many_pixels'],
    ['JPEG 8000×8000', tinyJpeg({ width: 8000, height: 8000 }), 'too_many_pixels'],
    ['over 5 MB', Buffer.concat([tinyJpeg(), Buffer.alloc(MAX_IMAGE_BYTES)]), 'too_large'],
  ];
  for (const [name, bytes, error] of table) assert.deepEqual(sanitiseImage(bytes), { ok: false, error }, name);
});
