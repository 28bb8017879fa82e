// Where the installed DKFDS design system lives, shared by the asset routes and the icon set.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// The package's exports map only exposes its main script (dist/js/dkfds.min.js), so
// 'dkfds/package.json' cannot be resolved; climb from the main script instead.
const mainScript = createRequire(import.meta.url).resolve('dkfds');

/** Absolute path of node_modules/dkfds/dist. */
export const dkfdsDist = path.resolve(path.dirname(mainScript), '..');

export const dkfdsVersion: string = (
  JSON.parse(fs.readFileSync(path.join(dkfdsDist, '..', 'package.json'), 'utf8')) as { version: string }
).version;
