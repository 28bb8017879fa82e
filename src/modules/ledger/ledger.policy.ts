// Who may do what with the municipality's books. Pure: decided from the actor's roles.
import { hasRole, type Actor } from '../../core/auth/actor.js';

export type LedgerAction =
  /** Post manual transactions, reverse transactions, create accounts. */
  | 'post'
  /** See the accounts, transactions and entries (the books), and export them. */
  | 'read_books';

export function can(actor: Actor | null, action: LedgerAction, municipalityId: number): boolean {
  if (!actor) return false;
  switch (action) {
    case 'post':
      return hasRole(actor, municipalityId, 'finance_officer', 'admin');
    case 'read_books':
      return hasRole(actor, municipalityId, 'finance_officer', 'admin', 'facilitator');
  }
}
