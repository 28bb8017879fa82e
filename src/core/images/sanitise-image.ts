// Makes an uploaded photo safe to store and show again: PNG and JPEG only, recognised by their bytes
// (never by file name or declared type), within size and pixel limits, and with all metadata removed
// (EXIF with GPS position, XMP, comments, text chunks) by rewriting the file from the segments an image
// needs. Honest scope: this strips and rewrites; it does not decode and re-encode the pixels, so the
// compressed image data itself is kept as it was. Anything after the end of the image is dropped, so a
// file cannot carry a second document (a "polyglot") through.

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 20_000;

export type ImageError = 'not_image' | 'too_large' | 'too_many_pixels' | 'malformed';
export interface CleanImage {
  type: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  bytes: Buffer;
}
export type SanitiseResult = { ok: true; value: CleanImage } | { ok: false; error: ImageError };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffImageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  if (bytes.length >= 8 && PNG_SIGNATURE.equals(Buffer.from(bytes.subarray(0, 8)))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

export function sanitiseImage(input: Uint8Array): SanitiseResult {
  if (input.length > MAX_IMAGE_BYTES) return { ok: false, error: 'too_large' };
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const type = sniffImageType(bytes);
  if (type === 'image/png') return sanitisePng(bytes);
  if (type === 'image/jpeg') return sanitiseJpeg(bytes);
  return { ok: false, error: 'not_image' };
}

function checkPixels(width: number, height: number): ImageError | null {
  if (width < 1 || height < 1) return 'malformed';
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) return 'too_many_pixels';
  return null;
}

// PNG -----------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Critical chunks, and the ancillary ones that change how pixels look but carry nothing personal. */
const KEEP_PNG = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'sRGB']);

function sanitisePng(b: Buffer): SanitiseResult {
  const parts: Buffer[] = [PNG_SIGNATURE];
  let off = 8;
  let width = 0;
  let height = 0;
  let sawIdat = false;
  let first = true;
  while (true) {
    if (off + 12 > b.length) return { ok: false, error: 'malformed' };
    const len = b.readUInt32BE(off);
    const type = b.toString('latin1', off + 4, off + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || len > b.length - off - 12) return { ok: false, error: 'malformed' };
    const chunk = b.subarray(off, off + 12 + len);
    if (crc32(chunk.subarray(4, 8 + len)) !== chunk.readUInt32BE(8 + len)) return { ok: false, error: 'malformed' };
    if (first) {
      if (type !== 'IHDR' || len !== 13) return { ok: false, error: 'malformed' };
      width = chunk.readUInt32BE(8);
      height = chunk.readUInt32BE(12);
      const e = checkPixels(width, height);
      if (e) return { ok: false, error: e };
      first = false;
    }
    if (type === 'IDAT') sawIdat = true;
    if (KEEP_PNG.has(type)) parts.push(Buffer.from(chunk));
    off += 12 + len;
    if (type === 'IEND') break;
  }
  if (!sawIdat) return { ok: false, error: 'malformed' };
  return { ok: true, value: { type: 'image/png', width, height, bytes: Buffer.concat(parts) } };
}

// JPEG ----------------------------------------------------------------------------------------

/** Start-of-frame markers carry the dimensions (C4 DHT, C8 JPG and CC DAC share the range but are not frames). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** APP1–APP15 (EXIF, GPS, XMP, ICC, Photoshop IRB …) and COM are dropped; APP0 (JFIF) is kept. */
const dropJpeg = (m: number) => (m >= 0xe1 && m <= 0xef) || m === 0xfe;

function sanitiseJpeg(b: Buffer): SanitiseResult {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  let off = 2;
  let width = 0;
  let height = 0;
  let sawScan = false;
  while (true) {
    if (off + 2 > b.length) return { ok: false, error: 'malformed' };
    if (b[off] !== 0xff) return { ok: false, error: 'malformed' };
    let marker = b[off + 1]!;
    // Fill bytes (extra 0xFF) may precede a marker.
    while (marker === 0xff && off + 2 < b.length) {
      off += 1;
      marker = b[off + 1]!;
    }
    if (marker === 0xd9) {
      parts.push(Buffer.from([0xff, 0xd9]));
      break;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      off += 2;
      continue;
    }
    if (off + 4 > b.length) return { ok: false, error: 'malformed' };
    const len = b.readUInt16BE(off + 2);
    if (len < 2 || off + 2 + len > b.length) return { ok: false, error: 'malformed' };
    const segment = b.subarray(off, off + 2 + len);
    if (isSof(marker)) {
      if (len < 8) return { ok: false, error: 'malformed' };
      height = segment.readUInt16BE(5);
      width = segment.readUInt16BE(7);
      const e = checkPixels(width, height);
      if (e) return { ok: false, error: e };
    }
    if (!dropJpeg(marker)) parts.push(Buffer.from(segment));
    off += 2 + len;
    if (marker === 0xda) {
      if (width === 0) return { ok: false, error: 'malformed' };
      sawScan = true;
      // Entropy-coded data runs until a marker other than a stuffed 0xFF00 or a restart marker.
      const start = off;
      while (off + 1 < b.length && !(b[off] === 0xff && b[off + 1] !== 0x00 && !(b[off + 1]! >= 0xd0 && b[off + 1]! <= 0xd7))) off += 1;
      if (off + 1 >= b.length) return { ok: false, error: 'malformed' };
      parts.push(Buffer.from(b.subarray(start, off)));
    }
  }
  if (!sawScan) return { ok: false, error: 'malformed' };
  return { ok: true, value: { type: 'image/jpeg', width, height, bytes: Buffer.concat(parts) } };
}
