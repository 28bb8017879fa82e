// The library's own few styles, served at a versioned URL (the shared layout has no slot for a
// module's stylesheet, so the link sits at the top of the page's content).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const libraryStylesheetBody = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'library.css'));
const version = createHash('sha256').update(libraryStylesheetBody).digest('base64url').slice(0, 12);
export const LIBRARY_STYLESHEET_PATH = '/network-assets/library.css';

export function LibraryStylesheet() {
  return <link rel="stylesheet" href={`${LIBRARY_STYLESHEET_PATH}?v=${version}`} />;
}
