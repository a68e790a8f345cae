import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { fromJson, toJson, type AgentRow, type Db } from '../../store/index.js';
import { assertPasswordPolicy, hashPassword } from './password.js';
import { matchRecoveryCode } from './recovery-codes.js';

export type AgentRole = 'agent' | 'supervisor' | 'admin';
export const AGENT_ROLES: readonly AgentRole[] = ['agent', 'supervisor', 'admin'];

/** Five failed passwords or codes in a row lock the account for 15 minutes. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_OUT_MS = 15 * 60 * 1000;

export interface NewAgent {
  tenant: string;
  email: string;
  name: string;
  roles?: AgentRole[];
  skills?: string[];
  capacity?: number;
  /** Must meet the password policy (password.ts). */
  password: string;
}

/** Emails are compared trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createAgent(db: Db, input: NewAgent): Promise<AgentRow> {
  assertPasswordPolicy(input.password);
  return db
    .insertInto('agents')
    .values({
      id: randomUUID(),
      tenant_id: input.tenant,
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      roles: toJson(input.roles ?? ['agent']),
      skills: toJson(input.skills ?? []),
      capacity: input.capacity ?? 3,
      password_hash: await hashPassword(input.password),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findAgentByEmail(db: Db, tenant: string, email: string): Promise<AgentRow | undefined> {
  return db.selectFrom('agents').selectAll().where('tenant_id', '=', tenant).where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function findAgentById(db: Db, tenant: string, id: string): Promise<AgentRow | undefined> {
  return db.selectFrom('agents').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
}

export function agentRoles(agent: Pick<AgentRow, 'roles'>): AgentRole[] {
  const roles = fromJson<unknown>(agent.roles);
  return Array.isArray(roles) ? roles.filter((r): r is AgentRole => AGENT_ROLES.includes(r as AgentRole)) : [];
}

export function agentSkills(agent: Pick<AgentRow, 'skills'>): string[] {
  const skills = fromJson<unknown>(agent.skills);
  return Array.isArray(skills) ? skills.filter((s): s is string => typeof s === 'string') : [];
}

export function isLockedOut(agent: Pick<AgentRow, 'locked_until'>, now: Date): boolean {
  return agent.locked_until !== null && agent.locked_until.getTime() > now.getTime();
}

/**
 * Counts a failed password or code, atomically (concurrent attempts all count). The fifth in a
 * row locks the account and restarts the count, so after the lock-out there are five more tries.
 * Returns when the account is now locked until, or null.
 */
export async function recordSignInFailure(db: Db, agentId: string, now: Date): Promise<Date | null> {
  const until = new Date(now.getTime() + LOCK_OUT_MS);
  const row = await db
    .updateTable('agents')
    .set({
      failed_logins: sql<number>`case when failed_logins + 1 >= ${MAX_FAILED_SIGN_INS} then 0 else failed_logins + 1 end`,
      locked_until: sql<Date | null>`case when failed_logins + 1 >= ${MAX_FAILED_SIGN_INS} then ${until}::timestamptz else locked_until end`,
    })
    .where('id', '=', agentId)
    .returning(['locked_until'])
    .executeTakeFirst();
  return row?.locked_until && row.locked_until.getTime() > now.getTime() ? row.locked_until : null;
}

export async function resetSignInFailures(db: Db, agentId: string): Promise<void> {
  await db.updateTable('agents').set({ failed_logins: 0, locked_until: null }).where('id', '=', agentId).execute();
}

/** Stores a new TOTP secret awaiting confirmation; an already enrolled agent keeps theirs. */
export async function setPendingTotpSecret(db: Db, agentId: string, secret: string): Promise<void> {
  await db.updateTable('agents').set({ totp_secret: secret }).where('id', '=', agentId).where('totp_enabled', '=', false).execute();
}

/** Confirms enrolment and replaces the recovery codes. False when someone else enrolled meanwhile. */
export async function completeTotpEnrolment(db: Db, agentId: string, secret: string, recoveryCodeHashes: string[]): Promise<boolean> {
  const rows = await db
    .updateTable('agents')
    .set({ totp_enabled: true, recovery_codes: toJson(recoveryCodeHashes) })
    .where('id', '=', agentId)
    .where('totp_enabled', '=', false)
    .where('totp_secret', '=', secret)
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

/**
 * Uses up a recovery code: true when it matched an unused one. The update is conditional on the
 * list being unchanged, so two concurrent uses of one code cannot both succeed.
 */
export async function consumeRecoveryCode(db: Db, agentId: string, code: string): Promise<{ ok: boolean; remaining: number }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await db.selectFrom('agents').select(['recovery_codes']).where('id', '=', agentId).executeTakeFirst();
    if (!row) return { ok: false, remaining: 0 };
    const hashes = fromJson<unknown>(row.recovery_codes);
    const list = Array.isArray(hashes) ? hashes.filter((h): h is string => typeof h === 'string') : [];
    const index = matchRecoveryCode(list, code);
    if (index < 0) return { ok: false, remaining: list.length };
    const rest = list.filter((_, i) => i !== index);
    const updated = await db
      .updateTable('agents')
      .set({ recovery_codes: toJson(rest) })
      .where('id', '=', agentId)
      .where(sql<boolean>`recovery_codes = ${toJson(list)}::jsonb`)
      .returning(['id'])
      .execute();
    if (updated.length === 1) return { ok: true, remaining: rest.length };
  }
  return { ok: false, remaining: 0 };
}

export async function setAgentStatus(db: Db, agentId: string, status: 'available' | 'busy' | 'away', now: Date): Promise<AgentRow | undefined> {
  return db.updateTable('agents').set({ status, last_seen_at: now }).where('id', '=', agentId).returningAll().executeTakeFirst();
}
