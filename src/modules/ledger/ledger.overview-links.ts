// The links on the ledger overview page (/m/:slug/ledger) to the features of the other parts of the
// module. SAVINGS and GRANTS: append your entries to the list below (one line each, small edits).
export interface OverviewLink {
  /** i18n key of the link text. */
  labelKey: string;
  /** i18n key of a one-line description shown under the link (optional). */
  descriptionKey?: string;
  /** Below /m/:slug/ledger/, e.g. 'agreements' → /m/:slug/ledger/agreements. */
  path: string;
  /** 'public': everyone sees the link; 'books': finance officers, admins and facilitators only. */
  audience: 'public' | 'books';
  /** Lower comes first. */
  order: number;
}

export const ledgerOverviewLinks: OverviewLink[] = [
  { labelKey: 'ledger.overview.link.transactions', path: 'transactions', audience: 'books', order: 10 },
  { labelKey: 'ledger.overview.link.export', descriptionKey: 'ledger.overview.link.exportHint', path: 'export', audience: 'books', order: 90 },
  // SAVINGS links:
  { labelKey: 'ledger.savings.nav.agreements', descriptionKey: 'ledger.savings.overviewHint.agreements', path: 'agreements', audience: 'public', order: 20 },
  { labelKey: 'ledger.savings.nav.pots', descriptionKey: 'ledger.savings.overviewHint.pots', path: 'pots', audience: 'public', order: 30 },
  // GRANTS links:
  { labelKey: 'ledger.grants.title', descriptionKey: 'ledger.grants.overviewHint', path: 'grants', audience: 'public', order: 40 },
];
