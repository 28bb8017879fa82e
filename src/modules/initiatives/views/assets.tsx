// The module's own few styles (comment threads, timeline, progress steps), served at a versioned URL.
// The shared layout has no slot for a module's stylesheet, so the link sits at the top of the page's
// content, which HTML allows for stylesheets; the CSP allows it because it is our own origin.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageContext } from '../../../core/views/page-context.js';

export const stylesheetBody = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'initiatives.css'));
export const stylesheetVersion = createHash('sha256').update(stylesheetBody).digest('base64url').slice(0, 12);
export const STYLESHEET_PATH = '/initiatives-assets/initiatives.css';

export function moduleStylesheet(_page: PageContext) {
  return <link rel="stylesheet" href={`${STYLESHEET_PATH}?v=${stylesheetVersion}`} />;
}
