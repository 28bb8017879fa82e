// DKFDS icons drawn inline: no sprite request, nothing for the CSP to block, and the icon
// always inherits the text colour. Paths are read once from the installed package.
import fs from 'node:fs';
import path from 'node:path';
import { dkfdsDist } from './dkfds.js';

const names = [
  'chevron-left', 'chevron-right', 'first-page', 'last-page',
  'success', 'info', 'warning', 'error',
  'lock', 'person', 'language', 'arrow-back',
] as const;
export type IconName = (typeof names)[number];

function load(name: IconName): string[] {
  const svg = fs.readFileSync(path.join(dkfdsDist, 'img', 'svg-icons', `${name}.svg`), 'utf8');
  return [...svg.matchAll(/\sd="([^"]+)"/g)].map((m) => m[1]!);
}

const paths = new Map<IconName, string[]>(names.map((n) => [n, load(n)]));

/** Decorative icon: always next to text that says the same, so hidden from assistive technology. */
export function Icon({ name, class: cls }: { name: IconName; class?: string }) {
  return (
    <svg
      class={cls ? `icon-svg ${cls}` : 'icon-svg'}
      viewBox="0 -960 960 960"
      aria-hidden="true"
      focusable="false"
    >
      {(paths.get(name) ?? []).map((d) => (
        <path d={d} />
      ))}
    </svg>
  );
}
