// Fixtures for the grant tests: a municipality with staff, a coordinated group, a funded pool.
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Actor, MunicipalRole } from '../../core/auth/actor.js';
import type { Database } from '../../core/db/database.js';
import { crc32 } from '../../core/images/sanitise-image.js';
import { createMunicipality, createPerson, type TestPerson } from '../../testing/actors.js';
import { ensureAccount } from './ledger.posting.js';
import { createGrantPool, type PoolInput } from './commands/create-grant-pool.js';
import { fundGrantPool } from './commands/fund-grant-pool.js';
import type { GrantMunicipality } from './ledger.grants.facts.js';

export type Person = TestPerson & { actor: Actor };

export async function person(db: Database, mid: number, roles: MunicipalRole[] = [], name?: string): Promise<Person> {
  const p = await createPerson(db, { roles: roles.map((r) => [mid, r] as [number, MunicipalRole]), ...(name ? { name } : {}) });
  const actor: Actor = { id: p.id, sessionId: 's', displayName: name ?? `Person ${p.id}`, email: p.email, emailVerified: true, lang: null, networkRole: null, roles: new Map([[mid, new Set(roles)]]) };
  return { ...p, actor };
}

export interface GrantWorld {
  m: GrantMunicipality;
  finance: Person;
  facilitator: Person;
  coordinator: Person;
  resident: Person;
  groupId: number;
  associationId: number;
}

export async function grantWorld(db: Database, slug: string): Promise<GrantWorld> {
  const mid = await createMunicipality(db, slug);
  const [finance, facilitator, coordinator, resident] = [
    await person(db, mid, ['finance_officer'], 'Frida Finans'),
    await person(db, mid, ['facilitator'], 'Fie Facilitator'),
    await person(db, mid, ['resident'], 'Kim Koordinator'),
    await person(db, mid, ['resident'], 'Rasmus Borger'),
  ];
  const { groupId, associationId } = await db.transaction({ municipalityId: mid }, async (tx) => {
    const g = await sql<{ id: number }>`insert into groups (municipality_id, slug, kind, name, membership_policy) values (${mid}, 'borgerhuset', 'informal', 'Borgerhusets venner', 'open') returning id`.execute(tx);
    const a = await sql<{ id: number }>`insert into groups (municipality_id, slug, kind, name, membership_policy, cvr) values (${mid}, 'idraetsforening', 'association', 'Byens Idrætsforening', 'open', '12345674') returning id`.execute(tx);
    for (const id of [g.rows[0]!.id, a.rows[0]!.id]) {
      await sql`insert into groups_members (municipality_id, group_id, user_id, role, status, joined_at) values (${mid}, ${id}, ${coordinator.id}, 'coordinator', 'active', now())`.execute(tx);
    }
    await sql`insert into groups_members (municipality_id, group_id, user_id, role, status, joined_at) values (${mid}, ${g.rows[0]!.id}, ${resident.id}, 'member', 'active', now())`.execute(tx);
    return { groupId: g.rows[0]!.id, associationId: a.rows[0]!.id };
  });
  return { m: { id: mid, timeZone: 'Europe/Copenhagen' }, finance, facilitator, coordinator, resident, groupId, associationId };
}

export function futureDate(daysAhead = 30): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

export const poolInput = (over: Partial<PoolInput> = {}): PoolInput => ({
  name: 'Landsbypuljen',
  description: 'Til projekter der gør landsbyen bedre.',
  lang: 'da',
  maxGrantOre: 5_000_000n,
  cofinancingBp: 2000,
  allowGroups: true,
  allowAssociations: true,
  allowResidents: false,
  deadline: futureDate(),
  fastTrackOre: 500_000n,
  reportDueDays: 60,
  ...over,
});

/** A pool funded with `fundOre` from the municipal budget. */
export async function fundedPool(db: Database, w: GrantWorld, fundOre: bigint, over: Partial<PoolInput> = {}): Promise<{ poolId: number; accountId: number }> {
  const r = await createGrantPool(db, w.finance.actor, w.m, poolInput(over));
  if (!r.ok) throw new Error(JSON.stringify(r));
  const budget = await db.transaction({ municipalityId: w.m.id }, (tx) => ensureAccount(tx, { municipalityId: w.m.id, kind: 'municipal_budget', name: 'Kommunekassen' }));
  if (fundOre > 0n) {
    const f = await fundGrantPool(db, w.finance.actor, w.m.id, r.value.poolId, { sourceAccountId: budget, amountOre: fundOre, memo: 'Byrådets bevilling 2026' });
    if (!f.ok) throw new Error(JSON.stringify(f));
  }
  const accountId = await db.transaction({ municipalityId: w.m.id }, async (tx) => (await sql<{ account_id: number }>`select account_id from ledger_grant_pools where id = ${r.value.poolId}`.execute(tx)).rows[0]!.account_id);
  return { poolId: r.value.poolId, accountId };
}

export async function balance(db: Database, mid: number, accountId: number): Promise<bigint> {
  return db.transaction({ municipalityId: mid }, async (tx) => {
    const r = await sql<{ s: string }>`select coalesce(sum(amount_ore), 0)::text as s from ledger_entries where account_id = ${accountId}`.execute(tx);
    return BigInt(r.rows[0]!.s);
  });
}

// Files ---------------------------------------------------------------------------------------

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid 2×2 PNG, optionally with a text chunk (metadata the sanitiser must drop). */
export function tinyPng(text?: string): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...(text ? [pngChunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1'))] : []),
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(14))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function tinyPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
}
