import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { agentRoles, agentSkills, sessionFromToken, type SessionStage } from '../../handoff/index.js';
import type { AgentRow, AgentSessionRow } from '../../store/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';

export const SESSION_COOKIE = 'ca_session';
export const CSRF_HEADER = 'X-CSRF-Token';

/** `req.agent`: the signed-in agent (handoff/README.md). */
export interface ConsoleAgent {
  id: string;
  tenantId: string;
  name: string;
  email: string;
  roles: string[];
  skills: string[];
  capacity: number;
  sessionId: string;
}

/** The session behind `req.agent`, for the sign-in steps that need its stage and CSRF token. */
export interface ConsoleSession {
  id: string;
  stage: SessionStage;
  csrfToken: string;
  expiresAt: Date;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      agent?: ConsoleAgent;
      agentSession?: ConsoleSession;
    }
  }
}

/** Cookie header → name/value pairs; the first occurrence of a name wins, as browsers send the most specific first. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

/** Sign-in answers carry tokens and session state: never cached. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Whether this server serves the council (its content pack is loaded). */
export function servesCouncil(deps: Pick<ConsoleDeps, 'assistant'>, tenant: string): boolean {
  try {
    deps.assistant.runtime(tenant);
    return true;
  } catch {
    return false;
  }
}

function cookieAttributes(deps: Pick<ConsoleDeps, 'secureCookies'>): string {
  return `Path=/; HttpOnly; SameSite=Strict${deps.secureCookies ? '; Secure' : ''}`;
}

/** A session cookie (no Max-Age: the server decides expiry; the browser drops it when closed). */
export function setSessionCookie(res: Response, deps: Pick<ConsoleDeps, 'secureCookies'>, token: string): void {
  res.append('Set-Cookie', `${SESSION_COOKIE}=${token}; ${cookieAttributes(deps)}`);
}

export function clearSessionCookie(res: Response, deps: Pick<ConsoleDeps, 'secureCookies'>): void {
  res.append('Set-Cookie', `${SESSION_COOKIE}=; ${cookieAttributes(deps)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`);
}

export function sessionTokenFrom(cookieHeader: string | undefined): string | undefined {
  return parseCookies(cookieHeader)[SESSION_COOKIE] || undefined;
}

export function toConsoleAgent(agent: AgentRow, sessionId: string): ConsoleAgent {
  return {
    id: agent.id,
    tenantId: agent.tenant_id,
    name: agent.name,
    email: agent.email,
    roles: agentRoles(agent),
    skills: agentSkills(agent),
    capacity: agent.capacity,
    sessionId,
  };
}

function toConsoleSession(session: AgentSessionRow): ConsoleSession {
  return { id: session.id, stage: session.stage, csrfToken: session.csrf_token, expiresAt: session.expires_at };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Requires a live session: 401 without one (or below the stage asked for), 403 for a missing
 * role or a missing/wrong CSRF token on a state-changing request. Sets `req.agent`.
 * `roles`: any one of them suffices. `stage`: 'full' (default) or 'any' (sign-in steps).
 */
export function requireAgent(deps: ConsoleDeps, opts: { roles?: string[]; stage?: 'full' | 'any' } = {}): RequestHandler {
  const stage = opts.stage ?? 'full';
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = sessionTokenFrom(req.headers.cookie);
    const found = token ? await sessionFromToken(deps.store.db, token, deps.clock()) : null;
    if (!found) return sendProblem(res, 401, 'Not signed in', 'Sign in to the console to continue.');
    const { session, agent } = found;
    if (stage === 'full' && session.stage !== 'full') {
      return sendProblem(res, 401, 'Sign-in not complete', 'Enter the code from your authenticator app to finish signing in.', { stage: session.stage });
    }
    if (!SAFE_METHODS.has(req.method)) {
      const given = req.get(CSRF_HEADER);
      if (!given || !sameSecret(given, session.csrf_token)) return sendProblem(res, 403, 'Forbidden', 'CSRF token missing or wrong');
    }
    const consoleAgent = toConsoleAgent(agent, session.id);
    if (opts.roles?.length && !opts.roles.some((r) => consoleAgent.roles.includes(r))) {
      return sendProblem(res, 403, 'Forbidden', `This needs the role ${opts.roles.join(' or ')}.`);
    }
    req.agent = consoleAgent;
    req.agentSession = toConsoleSession(session);
    next();
  };
}

/** The agent of a full session named by a Cookie header (the socket.io handshake), or null. */
export async function agentFromCookieHeader(deps: ConsoleDeps, cookieHeader: string | undefined): Promise<ConsoleAgent | null> {
  const token = sessionTokenFrom(cookieHeader);
  if (!token) return null;
  const found = await sessionFromToken(deps.store.db, token, deps.clock());
  if (!found || found.session.stage !== 'full') return null;
  return toConsoleAgent(found.agent, found.session.id);
}
