import { createHash, randomBytes } from 'node:crypto';
import {
  agentSessionWithAgent,
  insertAgentSession,
  revokeAgentSession,
  revokeAgentSessionsEverywhere,
  touchAgentSession,
  type AgentRow,
  type AgentSessionRow,
  type Db,
} from '../../store/index.js';

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
  const session = await insertAgentSession(db, {
    id: hashSessionToken(token),
    tenant: input.tenant,
    agentId: input.agentId,
    csrfToken: randomBytes(32).toString('base64url'),
    stage: input.stage,
    lastUsedAt: input.now,
    expiresAt: new Date(input.now.getTime() + maxAge),
  });
  return { token, session };
}

/**
 * The live session and its agent for a cookie token, or null when the session is unknown,
 * expired, idle too long, revoked (itself or by "sign out everywhere"), or the agent is disabled.
 */
export async function sessionFromToken(db: Db, token: string, now: Date): Promise<{ session: AgentSessionRow; agent: AgentRow } | null> {
  if (!token || token.length > 200) return null;
  const found = await agentSessionWithAgent(db, hashSessionToken(token));
  if (!found) return null;
  const { session, agent } = found;
  const t = now.getTime();
  if (session.revoked_at || agent.disabled_at) return null;
  if (session.expires_at.getTime() <= t) return null;
  if (t - session.last_used_at.getTime() > SESSION_IDLE_MS) return null;
  if (found.revokedEverywhere) return null;
  if (t - session.last_used_at.getTime() > TOUCH_EVERY_MS) {
    await touchAgentSession(db, session.id, now);
    session.last_used_at = now;
  }
  return { session, agent };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await revokeAgentSession(db, sessionId, now);
}

/**
 * Signs the agent out everywhere: marks the agent (so any session created before now is dead,
 * whichever process checks it) and revokes the open sessions. Both timestamps come from the
 * database clock, as `agent_sessions.created_at` does.
 */
export async function revokeAll(db: Db, agentId: string, now: Date = new Date()): Promise<void> {
  await revokeAgentSessionsEverywhere(db, agentId, now);
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
  if (!(await revokeAgentSession(db, session.id, now))) return null;
  return createSession(db, { tenant: session.tenant_id, agentId: session.agent_id, stage, now });
}
