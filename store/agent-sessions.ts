import { unseal } from './crypto.js';
import { sql } from 'kysely';
import type { AgentRow, AgentSessionRow, Db } from './schema.js';

/**
 * Data access for console sign-in sessions. A session's id is the SHA-256 of its cookie token;
 * handoff/agents/sessions.ts makes the tokens and decides whether a session is still live.
 */

export async function insertAgentSession(
  db: Db,
  input: { id: string; tenant: string; agentId: string; csrfToken: string; stage: AgentSessionRow['stage']; lastUsedAt: Date; expiresAt: Date },
): Promise<AgentSessionRow> {
  return db
    .insertInto('agent_sessions')
    .values({
      id: input.id,
      tenant_id: input.tenant,
      agent_id: input.agentId,
      csrf_token: input.csrfToken,
      stage: input.stage,
      last_used_at: input.lastUsedAt,
      expires_at: input.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A session and its agent, read in one query, whatever their state (revoked, expired, disabled):
 * the caller judges. `revokedEverywhere`: the agent signed out everywhere after this session was
 * created, compared in SQL, as both are database timestamps at full (microsecond) precision.
 */
export async function agentSessionWithAgent(
  db: Db,
  sessionId: string,
): Promise<{ session: AgentSessionRow; agent: AgentRow; revokedEverywhere: boolean } | undefined> {
  const row = await db
    .selectFrom('agent_sessions')
    .innerJoin('agents', (j) => j.onRef('agents.id', '=', 'agent_sessions.agent_id').onRef('agents.tenant_id', '=', 'agent_sessions.tenant_id'))
    .selectAll('agent_sessions')
    .select([
      'agents.email',
      'agents.name',
      'agents.roles',
      'agents.skills',
      'agents.capacity',
      'agents.password_hash',
      'agents.totp_secret',
      'agents.created_at as agent_created_at',
      'agents.failed_logins',
      'agents.locked_until',
      'agents.totp_enabled',
      'agents.recovery_codes',
      'agents.sessions_revoked_at',
      'agents.status',
      'agents.last_seen_at',
      'agents.disabled_at',
      sql<boolean>`agents.sessions_revoked_at is not null and agent_sessions.created_at <= agents.sessions_revoked_at`.as('revoked_everywhere'),
    ])
    .where('agent_sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const session: AgentSessionRow = {
    id: row.id,
    tenant_id: row.tenant_id,
    agent_id: row.agent_id,
    csrf_token: row.csrf_token,
    stage: row.stage,
    created_at: row.created_at,
    last_used_at: row.last_used_at,
    expires_at: row.expires_at,
    revoked_at: row.revoked_at,
  };
  const agent: AgentRow = {
    id: row.agent_id,
    tenant_id: row.tenant_id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    skills: row.skills,
    capacity: row.capacity,
    password_hash: row.password_hash,
    totp_secret: unseal(row.totp_secret),
    created_at: row.agent_created_at,
    failed_logins: row.failed_logins,
    locked_until: row.locked_until,
    totp_enabled: row.totp_enabled,
    recovery_codes: row.recovery_codes,
    sessions_revoked_at: row.sessions_revoked_at,
    status: row.status,
    last_seen_at: row.last_seen_at,
    disabled_at: row.disabled_at,
  };
  return { session, agent, revokedEverywhere: !!row.revoked_everywhere };
}

/** Records that the session was used at `now`. */
export async function touchAgentSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('agent_sessions').set({ last_used_at: now }).where('id', '=', sessionId).execute();
}

/** Revokes one session; true only for the call that revoked it (one already revoked stays as it was). */
export async function revokeAgentSession(db: Db, sessionId: string, now: Date): Promise<boolean> {
  const retired = await db.updateTable('agent_sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).returning(['id']).execute();
  return retired.length > 0;
}

/**
 * Signs the agent out everywhere: marks the agent (so any session created before now is dead,
 * whichever process checks it) and revokes the open sessions. The mark comes from the database
 * clock, as `agent_sessions.created_at` does.
 */
export async function revokeAgentSessionsEverywhere(db: Db, agentId: string, now: Date): Promise<void> {
  await db.updateTable('agents').set({ sessions_revoked_at: sql<Date>`now()` }).where('id', '=', agentId).execute();
  await db.updateTable('agent_sessions').set({ revoked_at: now }).where('agent_id', '=', agentId).where('revoked_at', 'is', null).execute();
}
