import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AgentRow, AgentSessionRow, Db } from '../../store/index.js';

export type SessionStage = 'password' | 'totp_enrol' | 'full';

export const SESSION_MAX_AGE_MS = 12 * 3600 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** A half-signed-in session (password given, code still due) lives only this long. */
export const PARTIAL_SESSION_MAX_AGE_MS = 15 * 60 * 1000;
/** last_used_at is written at most this often, to spare a write per request. */
const TOUCH_EVERY_MS = 60 * 1000;

/** The store keeps only the token's SHA-256: a leaked table does not yield usable cookies. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  input: { tenant: string; agentId: string; stage: SessionStage; now: Date },
): Promise<{ token: string; session: AgentSessionRow }> {
  const token = randomBytes(32).toString('base64url');
  const maxAge = input.stage === 'full' ? SESSION_MAX_AGE_MS : PARTIAL_SESSION_MAX_AGE_MS;
  const session = await db
    .insertInto('agent_sessions')
    .values({
      id: hashSessionToken(token),
      tenant_id: input.tenant,
      agent_id: input.agentId,
      csrf_token: randomBytes(32).toString('base64url'),
      stage: input.stage,
      last_used_at: input.now,
      expires_at: new Date(input.now.getTime() + maxAge),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, session };
}

/**
 * The live session and its agent for a cookie token, or null when the session is unknown,
 * expired, idle too long, revoked (itself or by "sign out everywhere"), or the agent is disabled.
 */
export async function sessionFromToken(db: Db, token: string, now: Date): Promise<{ session: AgentSessionRow; agent: AgentRow } | null> {
  if (!token || token.length > 200) return null;
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
      // Compared in SQL: both are database timestamps, at full (microsecond) precision.
      sql<boolean>`agents.sessions_revoked_at is not null and agent_sessions.created_at <= agents.sessions_revoked_at`.as('revoked_everywhere'),
    ])
    .where('agent_sessions.id', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (!row) return null;
  const t = now.getTime();
  if (row.revoked_at || row.disabled_at) return null;
  if (row.expires_at.getTime() <= t) return null;
  if (t - row.last_used_at.getTime() > SESSION_IDLE_MS) return null;
  if (row.revoked_everywhere) return null;
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
    totp_secret: row.totp_secret,
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
  if (t - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('agent_sessions').set({ last_used_at: now }).where('id', '=', row.id).execute();
    session.last_used_at = now;
  }
  return { session, agent };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('agent_sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/**
 * Signs the agent out everywhere: marks the agent (so any session created before now is dead,
 * whichever process checks it) and revokes the open sessions. Both timestamps come from the
 * database clock, as `agent_sessions.created_at` does.
 */
export async function revokeAll(db: Db, agentId: string, now: Date = new Date()): Promise<void> {
  await db.updateTable('agents').set({ sessions_revoked_at: sql<Date>`now()` }).where('id', '=', agentId).execute();
  await db.updateTable('agent_sessions').set({ revoked_at: now }).where('agent_id', '=', agentId).where('revoked_at', 'is', null).execute();
}

/**
 * Moves a session to a higher stage under a new token (no session fixation: the token that
 * was known before the second factor stops working). Null when the session was already retired.
 */
export async function upgradeSession(
  db: Db,
  session: Pick<AgentSessionRow, 'id' | 'tenant_id' | 'agent_id'>,
  stage: SessionStage,
  now: Date,
): Promise<{ token: string; session: AgentSessionRow } | null> {
  // Only the request that retires the old session gets the new one (two concurrent code submissions cannot both win).
  const retired = await db
    .updateTable('agent_sessions')
    .set({ revoked_at: now })
    .where('id', '=', session.id)
    .where('revoked_at', 'is', null)
    .returning(['id'])
    .execute();
  if (retired.length === 0) return null;
  return createSession(db, { tenant: session.tenant_id, agentId: session.agent_id, stage, now });
}
