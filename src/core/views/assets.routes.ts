// Static files: our own app.css/app.js/favicon and the DKFDS build (css, fonts, img, js).
// URLs carrying ?v=<assetVersion> are immutable for a year; anything else is cached briefly,
// so a deploy never leaves browsers on stale styles.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';
import { dkfdsDist, dkfdsVersion } from './dkfds.js';

const ownDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
};

/** The DKFDS folders a page can need; its scss sources and licence texts stay private. */
const dkfdsFolders = new Set(['css', 'fonts', 'img', 'js']);

interface Asset {
  body: Uint8Array;
  type: string;
  etag: string;
}

function toAsset(file: string, body: Uint8Array): Asset | undefined {
  const type = contentTypes[path.extname(file).toLowerCase()];
  if (!type) return undefined;
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

const own = new Map<string, Asset>();
for (const name of ['app.css', 'app.js', 'favicon.svg']) own.set(name, toAsset(name, readFileSync(path.join(ownDir, name)))!);

/** Changes whenever our assets or the DKFDS version change; pages put it in asset URLs. */
export const assetVersion: string = (() => {
  const h = createHash('sha256').update(dkfdsVersion);
  for (const a of own.values()) h.update(a.body);
  return h.digest('base64url').slice(0, 12);
})();

/**
 * Maps a URL path below /assets/dkfds/ to a file inside the DKFDS dist folder, or undefined.
 * Rejects encoded or literal dot segments, backslashes, NULs and hidden files before touching the disk,
 * then checks the resolved path is still inside the folder.
 */
export function dkfdsFile(urlPath: string): string | undefined {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (/[\\\0]/.test(rel)) return undefined;
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s.startsWith('.'))) return undefined;
  if (!dkfdsFolders.has(segments[0]!)) return undefined;
  const file = path.resolve(dkfdsDist, ...segments);
  return file.startsWith(dkfdsDist + path.sep) ? file : undefined;
}

// DKFDS files are read once and kept: only the few a page uses are ever requested.
const dkfdsCache = new Map<string, Asset | null>();

async function loadDkfds(file: string): Promise<Asset | undefined> {
  const cached = dkfdsCache.get(file);
  if (cached !== undefined) return cached ?? undefined;
  let asset: Asset | undefined;
  try {
    const stat = await fs.stat(file);
    asset = stat.isFile() ? toAsset(file, await fs.readFile(file)) : undefined;
  } catch {
    asset = undefined;
  }
  dkfdsCache.set(file, asset ?? null);
  return asset;
}

function send(c: Context, asset: Asset | undefined): Response {
  if (!asset) return c.notFound() as Response;
  const versioned = c.req.query('v') === assetVersion;
  c.header('Cache-Control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  c.header('ETag', asset.etag);
  c.header('X-Content-Type-Options', 'nosniff');
  const inm = c.req.header('If-None-Match');
  if (inm && inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === asset.etag)) return c.body(null, 304);
  c.header('Content-Type', asset.type);
  return c.body(asset.body as Uint8Array<ArrayBuffer>, 200);
}

export function registerAssetRoutes(app: Hono<any>): void {
  for (const name of own.keys()) app.get(`/assets/${name}`, (c) => send(c, own.get(name)));
  app.get('/assets/dkfds/*', async (c) => {
    const file = dkfdsFile(c.req.path.slice('/assets/dkfds/'.length));
    return send(c, file ? await loadDkfds(file) : undefined);
  });
}
