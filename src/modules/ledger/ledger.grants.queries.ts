// Reads for the grant pages, each in its own tenant transaction. Permission checks that depend on
// the application (who may see it) happen here too, so a route never loads what it may not show.
import type { Actor } from '../../core/auth/actor.js';
import type { AppDeps } from '../../core/http/context.js';
import { listGroupsForUser } from '../groups/index.js';
import { applicationFacts } from './ledger.grants.facts.js';
import { can, type GrantFacts } from './ledger.grants.policy.js';
import * as repo from './ledger.grants.repository.js';
import { applicantKindOfGroup } from './ledger.grants.rules.js';
import type { ApplicantKind, ApplicationDetail, GrantApplication, PoolWithBalance, ReceiptType } from './ledger.grants.types.js';

type Deps = Pick<AppDeps, 'db'>;

export async function poolsList(deps: Deps, mid: number, includeClosed: boolean): Promise<PoolWithBalance[]> {
  return deps.db.transaction({ municipalityId: mid }, (tx) => repo.listPools(tx, mid, includeClosed ? null : 'open'));
}

export async function poolWithBalance(deps: Deps, mid: number, poolId: number): Promise<PoolWithBalance | null> {
  return deps.db.transaction({ municipalityId: mid }, async (tx) => (await repo.listPools(tx, mid, null, poolId))[0] ?? null);
}

export async function poolApplications(deps: Deps, mid: number, poolId: number): Promise<GrantApplication[]> {
  return deps.db.transaction({ municipalityId: mid }, (tx) => repo.listApplications(tx, mid, { poolId }));
}

/** Applications the person made, or made for a group they coordinate. */
export async function myApplications(deps: Deps, mid: number, userId: number): Promise<GrantApplication[]> {
  return deps.db.transaction({ municipalityId: mid, userId }, async (tx) => {
    const groupIds = (await listGroupsForUser(tx, mid, userId)).filter((g) => g.membership.role === 'coordinator' && g.membership.status === 'active').map((g) => g.group.id);
    return repo.listApplications(tx, mid, { applicantId: userId, groupIds });
  });
}

export interface ApplicantChoice {
  /** 'resident' or 'g:<group id>', the value of the applicant field. */
  value: string;
  kind: ApplicantKind;
  groupName: string | null;
}

/** Who the person may apply as: themself, and each group or association they actively coordinate. */
export async function applicantChoices(deps: Deps, mid: number, userId: number): Promise<ApplicantChoice[]> {
  return deps.db.transaction({ municipalityId: mid, userId }, async (tx) => {
    const groups = (await listGroupsForUser(tx, mid, userId)).filter((g) => g.membership.role === 'coordinator' && g.membership.status === 'active');
    return [
      { value: 'resident', kind: 'resident' as const, groupName: null },
      ...groups.map((g) => ({ value: `g:${g.group.id}`, kind: applicantKindOfGroup(g.group.kind), groupName: g.group.name })),
    ];
  });
}

export interface ApplicationView {
  application: ApplicationDetail;
  facts: GrantFacts;
}

/** The application with everything on its page, or null when it does not exist or the actor may not see it. */
export async function applicationFor(deps: Deps, mid: number, applicationId: number, actor: Actor | null): Promise<ApplicationView | null> {
  if (!actor) return null;
  return deps.db.transaction({ municipalityId: mid, userId: actor.id }, async (tx) => {
    const a = await repo.findApplication(tx, mid, applicationId);
    if (!a) return null;
    const facts = await applicationFacts(tx, mid, actor, a);
    if (!can(actor, 'view_application', mid, facts)) return null;
    const pool = (await repo.findPool(tx, mid, a.poolId))!;
    const application: ApplicationDetail = {
      ...a,
      budgetLines: await repo.moneyLines(tx, mid, 'ledger_grant_budget_lines', a.id),
      spendingLines: await repo.moneyLines(tx, mid, 'ledger_grant_spending_lines', a.id),
      triageNotes: await repo.triageNotes(tx, mid, a.id),
      receipts: await repo.listReceipts(tx, mid, a.id),
      repaidOre: a.repaymentTransactionId === null ? null : await repo.repaidAmount(tx, mid, a.repaymentTransactionId, pool.accountId),
    };
    return { application, facts };
  });
}

/** A receipt's bytes, for those who may see the application; null for everyone else. */
export async function receiptFor(deps: Deps, mid: number, applicationId: number, receiptId: number, actor: Actor | null): Promise<{ fileName: string; contentType: ReceiptType; bytes: Buffer } | null> {
  if (!actor) return null;
  return deps.db.transaction({ municipalityId: mid, userId: actor.id }, async (tx) => {
    const a = await repo.findApplication(tx, mid, applicationId);
    if (!a || !can(actor, 'view_application', mid, await applicationFacts(tx, mid, actor, a))) return null;
    return repo.receiptBytes(tx, mid, applicationId, receiptId);
  });
}

export async function fundingSources(deps: Deps, mid: number): Promise<repo.AccountChoice[]> {
  return deps.db.transaction({ municipalityId: mid }, (tx) => repo.fundingSources(tx, mid));
}
