// The rules of a grant pool, applied to an application before anything is stored, and what a
// receipt file must be. Pure: no I/O, so every rule has a plain test.
import { sanitiseImage, sniffImageType } from '../../core/images/sanitise-image.js';
import type { ApplicantKind, GrantPool, ReceiptType } from './ledger.grants.types.js';

export interface ApplicationFigures {
  applicantKind: ApplicantKind;
  amountRequestedOre: bigint;
  cofinancingOre: bigint;
  /** Sum of the budget lines, or null when there are none. */
  budgetTotalOre: bigint | null;
}

/** Field → i18n key of what breaks the pool's rules; empty when the application may be submitted. */
export function checkApplication(pool: Pick<GrantPool, 'status' | 'deadline' | 'maxGrantOre' | 'cofinancingBp' | 'allowGroups' | 'allowAssociations' | 'allowResidents'>, a: ApplicationFigures, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (pool.status !== 'open') errors._form = 'ledger.grants.error.poolClosed';
  else if (today > pool.deadline) errors._form = 'ledger.grants.error.afterDeadline';
  if (!mayApplyAs(pool, a.applicantKind)) errors.applicant = 'ledger.grants.error.applicantNotAllowed';
  if (a.amountRequestedOre <= 0n) errors.amountRequested = 'ledger.grants.error.amount';
  else if (a.amountRequestedOre > pool.maxGrantOre) errors.amountRequested = 'ledger.grants.error.overMaximum';
  if (!cofinancingMet(pool.cofinancingBp, a.amountRequestedOre, a.cofinancingOre)) errors.cofinancing = 'ledger.grants.error.cofinancingTooLow';
  if (a.budgetTotalOre === null) errors.budget = 'ledger.grants.error.budgetMissing';
  else if (a.budgetTotalOre !== a.amountRequestedOre + a.cofinancingOre) errors.budget = 'ledger.grants.error.budgetMismatch';
  return errors;
}

export function mayApplyAs(pool: Pick<GrantPool, 'allowGroups' | 'allowAssociations' | 'allowResidents'>, kind: ApplicantKind): boolean {
  return kind === 'group' ? pool.allowGroups : kind === 'association' ? pool.allowAssociations : pool.allowResidents;
}

/** Co-financing is a share of the project's total (grant + co-financing): cof / (req + cof) ≥ bp / 10000, in integers. */
export function cofinancingMet(bp: number, requestedOre: bigint, cofinancingOre: bigint): boolean {
  if (bp === 0) return true;
  return cofinancingOre * 10000n >= BigInt(bp) * (requestedOre + cofinancingOre);
}

/** The smallest co-financing that meets `bp` for a requested amount: ceil(req · bp / (10000 − bp)). */
export function minimumCofinancing(bp: number, requestedOre: bigint): bigint {
  if (bp <= 0) return 0n;
  const num = requestedOre * BigInt(bp);
  const den = BigInt(10000 - bp);
  return (num + den - 1n) / den;
}

/** A calendar date plus whole days (YYYY-MM-DD in, YYYY-MM-DD out). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Group kinds of the groups module as applicant kinds: a local council applies as an association. */
export function applicantKindOfGroup(groupKind: string): ApplicantKind {
  return groupKind === 'informal' ? 'group' : 'association';
}

// Receipts --------------------------------------------------------------------------------------

export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;
export const MAX_RECEIPTS_PER_REPORT = 5;

export type ReceiptError = 'receipt_too_large' | 'receipt_type' | 'receipt_disguised' | 'receipt_malformed' | 'receipt_empty';

export interface CleanReceipt {
  fileName: string;
  contentType: ReceiptType;
  bytes: Buffer;
}

const extensions: Record<ReceiptType, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** A file name safe to show and to put in a Content-Disposition header: no path, no control or quote characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"\\;]/g, '').trim().slice(-120);
  return cleaned === '' ? 'receipt' : cleaned;
}

/**
 * Checks a receipt by its bytes, never by the name or type the browser declared: a PDF must start
 * with "%PDF-"; PNG and JPEG go through the image sanitiser, which also strips metadata. A file
 * whose name claims another type than its bytes ("invoice.pdf" that is HTML, or a PNG named .pdf)
 * is refused as disguised.
 */
export function checkReceipt(fileName: string, input: Uint8Array): { ok: true; value: CleanReceipt } | { ok: false; error: ReceiptError } {
  if (input.length === 0) return { ok: false, error: 'receipt_empty' };
  if (input.length > MAX_RECEIPT_BYTES) return { ok: false, error: 'receipt_too_large' };
  const name = cleanFileName(fileName);
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const claimed = (Object.keys(extensions) as ReceiptType[]).find((t) => extensions[t].includes(ext)) ?? null;
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const actual: ReceiptType | null = isPdf(bytes) ? 'application/pdf' : sniffImageType(bytes);
  if (actual === null) return { ok: false, error: claimed ? 'receipt_disguised' : 'receipt_type' };
  if (claimed !== actual) return { ok: false, error: claimed ? 'receipt_disguised' : 'receipt_type' };
  if (actual === 'application/pdf') return { ok: true, value: { fileName: name, contentType: actual, bytes: Buffer.from(bytes) } };
  const clean = sanitiseImage(bytes);
  if (!clean.ok) return { ok: false, error: clean.error === 'too_large' ? 'receipt_too_large' : 'receipt_malformed' };
  return { ok: true, value: { fileName: name, contentType: clean.value.type, bytes: clean.value.bytes } };
}

function isPdf(b: Buffer): boolean {
  return b.length >= 8 && b.toString('latin1', 0, 5) === '%PDF-' && /^[12]\.\d$/.test(b.toString('latin1', 5, 8));
}
