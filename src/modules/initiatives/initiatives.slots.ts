// Extension points other modules fill in without initiatives depending on them (modules listed after
// initiatives, such as network, may not be imported here). Set once at start-up, from the other
// module's routes().
import type { Actor } from '../../core/auth/actor.js';
import type { Executor } from '../../core/db/database.js';
import type { I18n } from '../../core/i18n/i18n.js';

export interface InitiativeSlotRef {
  municipalityId: number;
  municipalitySlug: string;
  initiativeId: number;
}

/** A small section on an initiative's page, with already-translated texts. Text is shown as text. */
export interface InitiativeAside {
  /** Unique on the page; the section's heading gets `${id}-heading`. */
  id: string;
  heading: string;
  lines: { text: string; lang?: string; href?: string }[];
  actions: { label: string; href: string }[];
}

/** Runs inside the initiative page's transaction (tenant = the initiative's municipality). */
export type InitiativeAsideProvider = (tx: Executor, ref: InitiativeSlotRef, viewer: { actor: Actor | null; i18n: I18n }) => Promise<InitiativeAside | null>;

const asideProviders = new Map<string, InitiativeAsideProvider>();

/** Registers (or with null removes) the provider of one module; one per name, so re-registering replaces. */
export function setInitiativeAsideProvider(name: string, provider: InitiativeAsideProvider | null): void {
  if (provider) asideProviders.set(name, provider);
  else asideProviders.delete(name);
}

export async function initiativeAsides(tx: Executor, ref: InitiativeSlotRef, viewer: { actor: Actor | null; i18n: I18n }): Promise<InitiativeAside[]> {
  const out: InitiativeAside[] = [];
  for (const p of asideProviders.values()) {
    const a = await p(tx, ref, viewer);
    if (a) out.push(a);
  }
  return out;
}
