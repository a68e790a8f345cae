import {
  agentByEmail,
  agentRecoveryCodes,
  countFailedSignIn,
  fromJson,
  insertStaffAgent,
  replaceRecoveryCodes,
  type AgentRow,
  type Db,
} from '../../store/index.js';
import { assertPasswordPolicy, hashPassword } from './password.js';
import { matchRecoveryCode } from './recovery-codes.js';

// Pure data access, kept under these names for the console and sign-in code.
export { claimTotpStep, completeTotpEnrolment, findAgentById, resetSignInFailures, setAgentStatus, setPendingTotpSecret } from '../../store/index.js';

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
  return insertStaffAgent(db, {
    tenant: input.tenant,
    email: normaliseEmail(input.email),
    name: input.name.trim(),
    roles: input.roles ?? ['agent'],
    skills: input.skills ?? [],
    capacity: input.capacity ?? 3,
    languages: [],
    passwordHash: await hashPassword(input.password),
  });
}

export async function findAgentByEmail(db: Db, tenant: string, email: string): Promise<AgentRow | undefined> {
  return agentByEmail(db, tenant, normaliseEmail(email));
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
  const lockedUntil = await countFailedSignIn(db, agentId, MAX_FAILED_SIGN_INS, until);
  return lockedUntil && lockedUntil.getTime() > now.getTime() ? lockedUntil : null;
}

/**
 * Uses up a recovery code: true when it matched an unused one. The update is conditional on the
 * list being unchanged, so two concurrent uses of one code cannot both succeed.
 */
export async function consumeRecoveryCode(db: Db, agentId: string, code: string): Promise<{ ok: boolean; remaining: number }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const list = await agentRecoveryCodes(db, agentId);
    if (!list) return { ok: false, remaining: 0 };
    const index = matchRecoveryCode(list, code);
    if (index < 0) return { ok: false, remaining: list.length };
    const rest = list.filter((_, i) => i !== index);
    if (await replaceRecoveryCodes(db, agentId, list, rest)) return { ok: true, remaining: rest.length };
  }
  return { ok: false, remaining: 0 };
}
