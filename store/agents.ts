import { sql } from 'kysely';
import { seal, unseal } from './crypto.js';
import { fromJson, toJson } from './json.js';
import type { AgentRow, Db } from './schema.js';

/**
 * Data access for console agents: their accounts, sign-in failures and lock-outs, TOTP and
 * recovery codes, and status. The rules (password policy, hashing, code matching) live in
 * handoff/agents.
 */

/** An agent row as read: its TOTP secret (sealed at rest) in clear. */
export function openAgent<T extends { totp_secret: string | null }>(row: T): T {
  return row.totp_secret === null ? row : { ...row, totp_secret: unseal(row.totp_secret) };
}

function openAgentIf<T extends { totp_secret: string | null }>(row: T | undefined): T | undefined {
  return row && openAgent(row);
}

/** The agent with this e-mail address, compared as given (the caller normalises it). */
export async function agentByEmail(db: Db, tenant: string, email: string): Promise<AgentRow | undefined> {
  return openAgentIf(await db.selectFrom('agents').selectAll().where('tenant_id', '=', tenant).where('email', '=', email).executeTakeFirst());
}

export async function findAgentById(db: Db, tenant: string, id: string): Promise<AgentRow | undefined> {
  return openAgentIf(await db.selectFrom('agents').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst());
}

/** Whether the tenant has any agent at all (a first run seeds the demo accounts). */
export async function tenantHasAgents(db: Db, tenant: string): Promise<boolean> {
  return !!(await db.selectFrom('agents').select('id').where('tenant_id', '=', tenant).limit(1).executeTakeFirst());
}

/**
 * Counts a failed password or code in one statement (concurrent attempts all count): the
 * `lockAfter`th in a row sets `locked_until` to `lockUntil` and restarts the count. Returns the
 * agent's `locked_until` after the update (null when unlocked or the agent is unknown).
 */
export async function countFailedSignIn(db: Db, agentId: string, lockAfter: number, lockUntil: Date): Promise<Date | null> {
  const row = await db
    .updateTable('agents')
    .set({
      failed_logins: sql<number>`case when failed_logins + 1 >= ${lockAfter} then 0 else failed_logins + 1 end`,
      locked_until: sql<Date | null>`case when failed_logins + 1 >= ${lockAfter} then ${lockUntil}::timestamptz else locked_until end`,
    })
    .where('id', '=', agentId)
    .returning(['locked_until'])
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

export async function resetSignInFailures(db: Db, agentId: string): Promise<void> {
  await db.updateTable('agents').set({ failed_logins: 0, locked_until: null }).where('id', '=', agentId).execute();
}

/** Stores a new TOTP secret awaiting confirmation; an already enrolled agent keeps theirs. */
export async function setPendingTotpSecret(db: Db, agentId: string, secret: string): Promise<void> {
  await db.updateTable('agents').set({ totp_secret: seal('agents.totp_secret', secret) }).where('id', '=', agentId).where('totp_enabled', '=', false).execute();
}

/** Confirms enrolment and replaces the recovery codes. False when someone else enrolled meanwhile. */
export async function completeTotpEnrolment(db: Db, agentId: string, secret: string, recoveryCodeHashes: string[]): Promise<boolean> {
  // The secret is sealed with a random IV, so compare in clear here and set only while the stored value is the one compared.
  const pending = await db.selectFrom('agents').select('totp_secret').where('id', '=', agentId).where('totp_enabled', '=', false).executeTakeFirst();
  if (!pending?.totp_secret || unseal(pending.totp_secret) !== secret) return false;
  const rows = await db
    .updateTable('agents')
    .set({ totp_enabled: true, recovery_codes: toJson(recoveryCodeHashes) })
    .where('id', '=', agentId)
    .where('totp_enabled', '=', false)
    .where('totp_secret', '=', pending.totp_secret)
    .returning(['id'])
    .execute();
  return rows.length === 1;
}

/**
 * Makes a TOTP code single-use: records `step` as the agent's last accepted one only when it is
 * greater than the last (migration 007). One conditional UPDATE, so of two parallel uses of a
 * code exactly one gets true, on PostgreSQL and PGlite alike (the second re-reads the row after
 * the first commits and fails the condition). A code of an earlier step than one already used is
 * refused too: steps only move forward.
 */
export async function claimTotpStep(db: Db, agentId: string, step: number): Promise<boolean> {
  // Raw SQL: the column is not in the shared schema types (store/schema.ts), and nothing else reads it.
  const result = await sql<{ id: string }>`
    update agents set totp_last_step = ${step}
    where id = ${agentId} and (totp_last_step is null or totp_last_step < ${step})
    returning id`.execute(db);
  return result.rows.length === 1;
}

/** The agent's unused recovery-code hashes, or undefined for an unknown agent. */
export async function agentRecoveryCodes(db: Db, agentId: string): Promise<string[] | undefined> {
  const row = await db.selectFrom('agents').select(['recovery_codes']).where('id', '=', agentId).executeTakeFirst();
  if (!row) return undefined;
  const hashes = fromJson<unknown>(row.recovery_codes);
  return Array.isArray(hashes) ? hashes.filter((h): h is string => typeof h === 'string') : [];
}

/**
 * Replaces the recovery codes only while they are still `expected` (compare and set), so two
 * concurrent uses of one code cannot both succeed. True when this call replaced them.
 */
export async function replaceRecoveryCodes(db: Db, agentId: string, expected: string[], next: string[]): Promise<boolean> {
  const updated = await db
    .updateTable('agents')
    .set({ recovery_codes: toJson(next) })
    .where('id', '=', agentId)
    .where(sql<boolean>`recovery_codes = ${toJson(expected)}::jsonb`)
    .returning(['id'])
    .execute();
  return updated.length === 1;
}

export async function setAgentStatus(db: Db, agentId: string, status: 'available' | 'busy' | 'away', now: Date): Promise<AgentRow | undefined> {
  return openAgentIf(await db.updateTable('agents').set({ status, last_seen_at: now }).where('id', '=', agentId).returningAll().executeTakeFirst());
}

/** The tenant's agents whose accounts are not disabled, with their roles and skills (raw JSON). */
export async function enabledAgents(db: Db, tenant: string): Promise<Pick<AgentRow, 'id' | 'roles' | 'skills'>[]> {
  return db.selectFrom('agents').select(['id', 'roles', 'skills']).where('tenant_id', '=', tenant).where('disabled_at', 'is', null).execute();
}
