// The search and comparison pages' few styles, served at a versioned URL next to the library's own
// (the shared layout has no slot for a module's stylesheet, so the link sits at the top of the content).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const searchStylesheetBody = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'search.css'));
const version = createHash('sha256').update(searchStylesheetBody).digest('base64url').slice(0, 12);
export const SEARCH_STYLESHEET_PATH = '/network-assets/search.css';

export function SearchStylesheet() {
  return <link rel="stylesheet" href={`${SEARCH_STYLESHEET_PATH}?v=${version}`} />;
}
