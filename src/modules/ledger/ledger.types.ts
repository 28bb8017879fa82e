import type { Generated } from 'kysely';

// Domain types of the ledger (shared by the foundation, savings and grants parts of the module).
// Sign convention: an entry's amountOre is positive when money goes INTO the account, negative when
// it goes OUT; the entries of one transaction sum to 0; an account's balance is the sum of its entries.

export const accountKinds = [
  'service_budget',
  'municipal_budget',
  'pot',
  'area_pool',
  'initiative_budget',
  'grant_pool',
  'grants_paid',
  'spending',
  'external',
] as const;
export type AccountKind = (typeof accountKinds)[number];

/** Kinds that hold money for a purpose: their balance can never go below 0 (database-enforced). */
export const nonNegativeKinds: readonly AccountKind[] = ['pot', 'area_pool', 'initiative_budget', 'grant_pool'];
/** Kinds that are sources of money (a budget line pays out before it is refilled): may go negative. */
export const sourceKinds: readonly AccountKind[] = ['service_budget', 'municipal_budget', 'external'];

/** The may_go_negative an account of this kind gets when it is created without an explicit choice. */
export function defaultMayGoNegative(kind: AccountKind): boolean {
  return !nonNegativeKinds.includes(kind);
}

export const transactionKinds = [
  'manual',
  'saving',
  'reinvestment',
  'grant_payout',
  'grant_repayment',
  'reversal',
  'opening',
  'pb_envelope',
  'grant_pool_funding',
] as const;
export type TransactionKind = (typeof transactionKinds)[number];

export interface LedgerAccount {
  municipalityId: number;
  id: number;
  kind: AccountKind;
  name: string;
  code: string | null;
  description: string;
  mayGoNegative: boolean;
  initiativeId: number | null;
  areaId: number | null;
  budgetingProcessId: number | null;
  groupId: number | null;
  archived: boolean;
  createdAt: Date;
  createdBy: number | null;
}

export interface AccountWithBalance extends LedgerAccount {
  balanceOre: bigint;
  entryCount: number;
}

export interface LedgerTransaction {
  municipalityId: number;
  id: number;
  postedAt: Date;
  postedBy: number;
  memo: string;
  kind: TransactionKind;
  reversesId: number | null;
  /** The reversal of this transaction, if it has been reversed. */
  reversedById: number | null;
  initiativeId: number | null;
  agreementId: number | null;
  grantApplicationId: number | null;
  budgetingProcessId: number | null;
}

export interface LedgerEntry {
  transactionId: number;
  line: number;
  accountId: number;
  amountOre: bigint;
}

export interface TransactionLinks {
  initiativeId?: number;
  agreementId?: number;
  grantApplicationId?: number;
  budgetingProcessId?: number;
}

/** Error codes of postings; also the i18n keys of their messages. */
export type PostingError = 'ledger.unbalanced' | 'ledger.tooFewEntries' | 'ledger.overdrawn' | 'ledger.unknownAccount' | 'ledger.zeroAmount';

/** Kysely table types of 0001_ledger.sql (raw rows; int8 columns arrive as number). */
export interface LedgerTables {
  ledger_accounts: {
    municipality_id: number;
    id: Generated<number>;
    kind: AccountKind;
    name: string;
    code: string | null;
    description: Generated<string>;
    may_go_negative: boolean;
    initiative_id: number | null;
    area_id: number | null;
    budgeting_process_id: number | null;
    group_id: number | null;
    archived: Generated<boolean>;
    created_at: Generated<Date>;
    created_by: number | null;
  };
  ledger_transactions: {
    municipality_id: number;
    id: Generated<number>;
    posted_at: Generated<Date>;
    posted_by: number;
    memo: string;
    kind: TransactionKind;
    reverses_id: number | null;
    initiative_id: number | null;
    agreement_id: number | null;
    grant_application_id: number | null;
    budgeting_process_id: number | null;
    created_txid: Generated<number>;
  };
  ledger_entries: {
    municipality_id: number;
    transaction_id: number;
    line: number;
    account_id: number;
    amount_ore: number | bigint | string;
  };
}
