/**
 * Data access for staff administration and single sign-on (migration 027): the staff listing,
 * an admin's changes to an account (roles, skills, capacity, languages, disabled, second factor),
 * one-time invitation links (only their SHA-256 is held), the identity provider's subject linked
 * to an account, and the short-lived state of a sign-in started at the provider. The rules (who
 * may do what, hashing, mapping groups) live in handoff/agents/admin.ts and sso.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql, type ColumnType, type Kysely } from 'kysely';
import { openAgent } from './agents.js';
import { fromJson, toJson } from './json.js';
import type { AgentRow, AgentsTable, Database, Db } from './schema.js';

type Json = unknown;

export interface StaffInvitesTable {
  id: string;
  tenant_id: string;
  agent_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export interface SsoLoginsTable {
  state_hash: string;
  tenant_id: string;
  code_verifier: string;
  nonce: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  expires_at: Date;
}

type StaffAgentsTable = AgentsTable & {
  languages: ColumnType<Json, string | undefined, string>;
  sso_subject: string | null;
};

type StaffDatabase = Omit<Database, 'agents'> & { agents: StaffAgentsTable; staff_invites: StaffInvitesTable; sso_logins: SsoLoginsTable };
const sd = (db: Db) => db as unknown as Kysely<StaffDatabase>;

/** An agent row with the columns of migration 027. */
export type StaffAgentRow = AgentRow & { languages: Json; sso_subject: string | null };

/** One line of the staff listing: the account and whether an invitation is waiting. */
export interface StaffListRow extends StaffAgentRow {
  invite_expires_at: Date | null;
}

export function staffLanguages(row: Pick<StaffAgentRow, 'languages'>): string[] {
  const list = fromJson<unknown>(row.languages);
  return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
}

/** Every account of the council, enabled first then by name, with the expiry of a live invitation. */
export async function listStaff(db: Db, tenant: string, now: Date): Promise<StaffListRow[]> {
  const rows = await sd(db)
    .selectFrom('agents')
    .selectAll('agents')
    .select((eb) =>
      eb
        .selectFrom('staff_invites')
        .select(sql<Date>`max(staff_invites.expires_at)`.as('e'))
        .whereRef('staff_invites.agent_id', '=', 'agents.id')
        .where('staff_invites.used_at', 'is', null)
        .where('staff_invites.revoked_at', 'is', null)
        .where('staff_invites.expires_at', '>', now)
        .as('invite_expires_at'),
    )
    .where('agents.tenant_id', '=', tenant)
    .orderBy(sql`agents.disabled_at is not null`)
    .orderBy('agents.name')
    .execute();
  return rows.map((r) => openAgent(r as unknown as StaffListRow));
}

export async function staffAgent(db: Db, tenant: string, id: string): Promise<StaffAgentRow | undefined> {
  const row = await sd(db).selectFrom('agents').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
  return row && openAgent(row as unknown as StaffAgentRow);
}

export async function staffAgentByEmail(db: Db, tenant: string, email: string): Promise<StaffAgentRow | undefined> {
  const row = await sd(db).selectFrom('agents').selectAll().where('tenant_id', '=', tenant).where('email', '=', email).executeTakeFirst();
  return row && openAgent(row as unknown as StaffAgentRow);
}

export async function staffAgentBySsoSubject(db: Db, tenant: string, subject: string): Promise<StaffAgentRow | undefined> {
  const row = await sd(db).selectFrom('agents').selectAll().where('tenant_id', '=', tenant).where('sso_subject', '=', subject).executeTakeFirst();
  return row && openAgent(row as unknown as StaffAgentRow);
}

export async function insertStaffAgent(
  db: Db,
  input: {
    tenant: string;
    email: string;
    name: string;
    roles: string[];
    skills: string[];
    capacity: number;
    languages: string[];
    passwordHash: string | null;
    ssoSubject?: string | null;
  },
): Promise<StaffAgentRow> {
  const row = await sd(db)
    .insertInto('agents')
    .values({
      id: randomUUID(),
      tenant_id: input.tenant,
      email: input.email,
      name: input.name,
      roles: toJson(input.roles),
      skills: toJson(input.skills),
      capacity: input.capacity,
      languages: toJson(input.languages),
      password_hash: input.passwordHash,
      sso_subject: input.ssoSubject ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return openAgent(row as unknown as StaffAgentRow);
}

/** Changes what an admin may change; fields left out stay. Undefined for an unknown agent. */
export async function updateStaffAgent(
  db: Db,
  tenant: string,
  id: string,
  patch: { name?: string; roles?: string[]; skills?: string[]; capacity?: number; languages?: string[] },
): Promise<StaffAgentRow | undefined> {
  const set: Record<string, unknown> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.roles !== undefined) set.roles = toJson(patch.roles);
  if (patch.skills !== undefined) set.skills = toJson(patch.skills);
  if (patch.capacity !== undefined) set.capacity = patch.capacity;
  if (patch.languages !== undefined) set.languages = toJson(patch.languages);
  if (!Object.keys(set).length) return staffAgent(db, tenant, id);
  const row = await sd(db).updateTable('agents').set(set).where('tenant_id', '=', tenant).where('id', '=', id).returningAll().executeTakeFirst();
  return row && openAgent(row as unknown as StaffAgentRow);
}

/**
 * Disables (`at` a time) or re-enables (`at` null) an account. A disabled agent is also set away,
 * so nothing is offered to them. Undefined for an unknown agent.
 */
export async function setStaffDisabled(db: Db, tenant: string, id: string, at: Date | null): Promise<StaffAgentRow | undefined> {
  const row = await sd(db)
    .updateTable('agents')
    .set(at ? { disabled_at: at, status: 'away' } : { disabled_at: null, failed_logins: 0, locked_until: null })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && openAgent(row as unknown as StaffAgentRow);
}

/** Forgets the second factor (secret, recovery codes, last code used): the next sign-in enrols afresh. */
export async function clearSecondFactor(db: Db, tenant: string, id: string): Promise<boolean> {
  const result = await sql<{ id: string }>`
    update agents set totp_enabled = false, totp_secret = null, recovery_codes = '[]'::jsonb, totp_last_step = null,
      failed_logins = 0, locked_until = null
    where tenant_id = ${tenant} and id = ${id}
    returning id`.execute(db);
  return result.rows.length === 1;
}

export async function setStaffPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await sd(db).updateTable('agents').set({ password_hash: passwordHash, failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

/** Links the provider's subject to the account and sets roles and skills from its groups (when given). */
export async function linkSsoAccount(db: Db, id: string, subject: string, mapped: { roles?: string[]; skills?: string[] }): Promise<StaffAgentRow> {
  const set: Record<string, unknown> = { sso_subject: subject };
  if (mapped.roles) set.roles = toJson(mapped.roles);
  if (mapped.skills) set.skills = toJson(mapped.skills);
  const row = await sd(db).updateTable('agents').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return openAgent(row as unknown as StaffAgentRow);
}

/** Enabled accounts of the council holding the role (so the last admin cannot be removed). */
export async function countEnabledWithRole(db: Db, tenant: string, role: string): Promise<number> {
  const row = await sd(db)
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenant)
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`roles @> ${toJson([role])}::jsonb`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// --- invitations ---

/** Records an invitation, revoking the agent's earlier ones in the same transaction. */
export async function insertStaffInvite(db: Db, input: { tenant: string; agentId: string; tokenHash: string; createdBy: string | null; expiresAt: Date; now: Date }): Promise<void> {
  await revokeStaffInvites(db, input.agentId, input.now);
  await sd(db)
    .insertInto('staff_invites')
    .values({ id: randomUUID(), tenant_id: input.tenant, agent_id: input.agentId, token_hash: input.tokenHash, created_by: input.createdBy, expires_at: input.expiresAt })
    .execute();
}

export async function revokeStaffInvites(db: Db, agentId: string, now: Date): Promise<void> {
  await sd(db).updateTable('staff_invites').set({ revoked_at: now }).where('agent_id', '=', agentId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
}

/** The live invitation (unused, unrevoked, unexpired) with this token hash, or undefined. */
export async function liveStaffInvite(db: Db, tokenHash: string, now: Date): Promise<{ id: string; tenant_id: string; agent_id: string; expires_at: Date } | undefined> {
  return sd(db)
    .selectFrom('staff_invites')
    .select(['id', 'tenant_id', 'agent_id', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses the invitation up: true only for the one call that did (two tabs cannot both use it). */
export async function useStaffInvite(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await sd(db).updateTable('staff_invites').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', now).returning(['id']).execute();
  return rows.length === 1;
}

/** Marks every open invitation of the agent used (an invited agent who signed in with SSO instead). */
export async function useStaffInvitesOf(db: Db, agentId: string, now: Date): Promise<void> {
  await sd(db).updateTable('staff_invites').set({ used_at: now }).where('agent_id', '=', agentId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
}

// --- sign-ins started at the identity provider ---

export async function insertSsoLogin(db: Db, input: { stateHash: string; tenant: string; codeVerifier: string; nonce: string; expiresAt: Date }): Promise<void> {
  await sd(db)
    .insertInto('sso_logins')
    .values({ state_hash: input.stateHash, tenant_id: input.tenant, code_verifier: input.codeVerifier, nonce: input.nonce, expires_at: input.expiresAt })
    .execute();
}

/**
 * Takes (deletes and returns) the sign-in started with this state: single use, so a replayed
 * callback finds nothing. Expired ones are swept on the way.
 */
export async function takeSsoLogin(db: Db, stateHash: string, now: Date): Promise<{ tenant_id: string; code_verifier: string; nonce: string } | undefined> {
  await sd(db).deleteFrom('sso_logins').where('expires_at', '<=', now).execute();
  return sd(db).deleteFrom('sso_logins').where('state_hash', '=', stateHash).returning(['tenant_id', 'code_verifier', 'nonce']).executeTakeFirst();
}
