import { Router, type Request, type Response } from 'express';
import {
  agentRoles,
  burnPasswordCheck,
  claimTotpStep,
  completeTotpEnrolment,
  consumeRecoveryCode,
  createSession,
  findAgentById,
  findAgentByEmail,
  generateRecoveryCodes,
  generateTotpSecret,
  hashSessionToken,
  isLockedOut,
  otpauthUrl,
  recordSignInFailure,
  resetSignInFailures,
  revokeAll,
  revokeSession,
  setAgentStatus,
  setPendingTotpSecret,
  totpQrDataUrl,
  upgradeSession,
  verifyPassword,
  verifyTotp,
} from '../../handoff/index.js';
import { listTenantIds, recordAudit, type AgentRow } from '../../store/index.js';
import {
  codeRequest,
  loginRequest,
  secondFactorRequest,
  statusRequest,
  type Agent,
  type AgentResponse,
  type EnrolmentDone,
  type LoginResponse,
  type SignedIn,
  type TotpEnrolment,
} from '../../wire/index.js';
import { HttpProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { notifyQueueChanged } from './socket.js';
import { assertPasswordSignIn } from './sso-routes.js';
import { clearSessionCookie, noStore, requireAgent, servesCouncil, sessionTokenFrom, setSessionCookie, toConsoleAgent } from './session.js';

const loginBody = loginRequest;
const codeBody = codeRequest;
const secondFactorBody = secondFactorRequest;
const statusBody = statusRequest;

/** The agent as the console sees it (no secrets). */
export function publicAgent(agent: AgentRow): Agent {
  // The session-less view of an agent: what the console shows, with presence.
  const { sessionId: _session, ...rest } = toConsoleAgent(agent, '');
  return { ...rest, roles: agentRoles(agent), status: agent.status };
}

/** Sign-in (password, then TOTP or a recovery code, enrolment at first sign-in), sign-out, the agent's own record. */
export function authRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const db = deps.store.db;
  const anyStage = requireAgent(deps, { stage: 'any' });
  const full = requireAgent(deps);

  const served = (tenant: string) => servesCouncil(deps, tenant);
  let defaultTenant: string | undefined;
  /** The body's tenant, else the server's default: `demo`, or the only council it serves. */
  async function resolveTenant(given: string | undefined): Promise<string> {
    if (given) {
      if (!served(given)) throw new HttpProblem(400, 'Unknown council', `This server does not serve the council "${given}".`);
      return given;
    }
    if (defaultTenant) return defaultTenant;
    const configured = (deps as { defaultTenant?: unknown }).defaultTenant;
    if (typeof configured === 'string' && served(configured)) return (defaultTenant = configured);
    if (served('demo')) return (defaultTenant = 'demo');
    // The tenants table may hold other servers' councils (a shared database): keep the ones this one serves.
    const ids = (await listTenantIds(db)).filter(served);
    if (ids.length === 1) return (defaultTenant = ids[0]);
    throw new HttpProblem(400, 'Council needed', 'This server serves several councils: say which one in "tenant".');
  }

  const audit = (req: Request, tenant: string, agentId: string | null, action: string, detail: Record<string, unknown> = {}) =>
    recordAudit(db, { tenant, actorType: 'agent', actorId: agentId, action, subjectType: 'agent', subjectId: agentId, detail: { ...detail, ip: req.ip } });

  /** The agent with their council's name (for {council} in canned responses): every step that signs in gives it, as GET /me does. */
  const signedInAgent = (agent: AgentRow): Agent => {
    try {
      return { ...publicAgent(agent), councilName: deps.assistant.runtime(agent.tenant_id).pack.settings.councilName };
    } catch {
      return publicAgent(agent);
    }
  };

  const wrongCredentials = () => new HttpProblem(401, 'Sign-in failed', 'Email or password is wrong');
  const codeUsed = () => new HttpProblem(401, 'Code already used', 'That code has already been used. Wait for the next code on your authenticator app.');

  function locked(res: Response, until: Date): HttpProblem {
    const seconds = Math.max(1, Math.ceil((until.getTime() - deps.clock().getTime()) / 1000));
    res.setHeader('Retry-After', String(seconds));
    const at = until.toISOString().slice(11, 16);
    return new HttpProblem(423, 'Account locked', `Too many failed attempts. Try again after ${at} UTC.`, { lockedUntil: until.toISOString() });
  }

  /** Counts a wrong password or code; the fifth in a row locks the account (answered 423 at once). */
  async function failed(req: Request, res: Response, agent: AgentRow, reason: string, problem: HttpProblem): Promise<never> {
    const now = deps.clock();
    const until = await recordSignInFailure(db, agent.id, now);
    await audit(req, agent.tenant_id, agent.id, 'agent.sign_in.failed', { reason });
    if (until) {
      await audit(req, agent.tenant_id, agent.id, 'agent.locked_out', { until: until.toISOString() });
      throw locked(res, until);
    }
    throw problem;
  }

  /** The session's agent, fresh from the store (lock-out and enrolment state change between steps). */
  async function currentAgent(req: Request): Promise<AgentRow> {
    const agent = req.agent ? await findAgentById(db, req.agent.tenantId, req.agent.id) : undefined;
    if (!agent) throw new HttpProblem(401, 'Not signed in', 'Sign in to the console to continue.');
    return agent;
  }

  function requireStage(req: Request, stage: 'password' | 'totp_enrol'): void {
    const current = req.agentSession?.stage;
    if (current === stage) return;
    if (current === 'full') throw new HttpProblem(409, 'Already signed in', 'This session has finished signing in.');
    throw new HttpProblem(409, 'Wrong sign-in step', stage === 'totp_enrol' ? 'This account already has an authenticator: enter its code.' : 'Set up an authenticator first.', {
      stage: current,
    });
  }

  /** Second factor passed: the session becomes full under a new token. */
  async function completeSignIn(req: Request, res: Response, agent: AgentRow, method: string): Promise<string> {
    const now = deps.clock();
    const upgraded = await upgradeSession(db, { id: req.agentSession!.id, tenant_id: agent.tenant_id, agent_id: agent.id }, 'full', now);
    if (!upgraded) throw new HttpProblem(401, 'Not signed in', 'This sign-in was already completed or ended: sign in again.');
    const { token, session } = upgraded;
    await resetSignInFailures(db, agent.id);
    setSessionCookie(res, deps, token);
    await audit(req, agent.tenant_id, agent.id, 'agent.sign_in.succeeded', { method });
    return session.csrf_token;
  }

  router.post('/login', noStore, async (req, res) => {
    const body = loginBody.parse(req.body ?? {});
    const tenant = await resolveTenant(body.tenant);
    assertPasswordSignIn(deps, tenant);
    const now = deps.clock();
    // Whatever session this browser had ends here.
    const previous = sessionTokenFrom(req.headers.cookie);
    if (previous) await revokeSession(db, hashSessionToken(previous), now);

    const agent = await findAgentByEmail(db, tenant, body.email);
    if (!agent || !agent.password_hash || agent.disabled_at) {
      await burnPasswordCheck(body.password); // the same time as a real check: no enumeration by timing
      await audit(req, tenant, agent?.id ?? null, 'agent.sign_in.failed', { reason: agent ? 'disabled' : 'unknown_email' });
      throw wrongCredentials();
    }
    if (isLockedOut(agent, now)) {
      await audit(req, tenant, agent.id, 'agent.sign_in.refused', { reason: 'locked' });
      throw locked(res, agent.locked_until!);
    }
    if (!(await verifyPassword(body.password, agent.password_hash))) await failed(req, res, agent, 'password', wrongCredentials());

    // Failures are not reset yet: only the second factor completes a sign-in.
    const enrolled = agent.totp_enabled && !!agent.totp_secret;
    const { token, session } = await createSession(db, { tenant, agentId: agent.id, stage: enrolled ? 'password' : 'totp_enrol', now });
    setSessionCookie(res, deps, token);
    await audit(req, tenant, agent.id, 'agent.sign_in.password_ok', { next: enrolled ? 'totp' : 'enrol' });
    res.json({ stage: enrolled ? 'totp' : 'enrol', csrfToken: session.csrf_token } satisfies LoginResponse);
  });

  router.get('/totp/enrol', noStore, anyStage, async (req, res) => {
    requireStage(req, 'totp_enrol');
    const agent = await currentAgent(req);
    // A reload shows the same pending secret, so a half-scanned QR code stays valid.
    let secret = !agent.totp_enabled && agent.totp_secret ? agent.totp_secret : null;
    if (!secret) {
      secret = generateTotpSecret();
      await setPendingTotpSecret(db, agent.id, secret);
    }
    const url = otpauthUrl({ issuer: issuerFor(deps, agent.tenant_id), email: agent.email, secret });
    res.json({ otpauthUrl: url, qrDataUrl: await totpQrDataUrl(url), secret } satisfies TotpEnrolment);
  });

  router.post('/totp/enrol', noStore, anyStage, async (req, res) => {
    requireStage(req, 'totp_enrol');
    const { code } = codeBody.parse(req.body ?? {});
    const agent = await currentAgent(req);
    if (isLockedOut(agent, deps.clock())) throw locked(res, agent.locked_until!);
    if (!agent.totp_secret || agent.totp_enabled) throw new HttpProblem(409, 'Nothing to confirm', 'Fetch the QR code (GET /api/console/totp/enrol) first.');
    const step = verifyTotp(agent.totp_secret, code, deps.clock());
    if (step === null) {
      await failed(req, res, agent, 'enrol_code', new HttpProblem(401, 'Code is wrong', 'That code does not match. Check the time on your phone and try the newest code.'));
    }
    if (!(await claimTotpStep(db, agent.id, step!))) await failed(req, res, agent, 'enrol_code_reused', codeUsed());
    const { codes, hashes } = generateRecoveryCodes();
    if (!(await completeTotpEnrolment(db, agent.id, agent.totp_secret, hashes))) {
      throw new HttpProblem(409, 'Enrolment changed', 'The authenticator was set up elsewhere meanwhile: sign in again.');
    }
    await audit(req, agent.tenant_id, agent.id, 'agent.totp.enrolled', { recoveryCodes: codes.length });
    const csrfToken = await completeSignIn(req, res, agent, 'totp_enrol');
    res.json({ recoveryCodes: codes, agent: signedInAgent(agent), csrfToken } satisfies EnrolmentDone);
  });

  router.post('/totp', noStore, anyStage, async (req, res) => {
    requireStage(req, 'password');
    const body = secondFactorBody.parse(req.body ?? {});
    const agent = await currentAgent(req);
    if (isLockedOut(agent, deps.clock())) throw locked(res, agent.locked_until!);
    if (!agent.totp_enabled || !agent.totp_secret) throw new HttpProblem(409, 'Wrong sign-in step', 'Set up an authenticator first.');
    let method: string;
    if ('code' in body) {
      const step = verifyTotp(agent.totp_secret, body.code, deps.clock());
      if (step === null) {
        await failed(req, res, agent, 'totp', new HttpProblem(401, 'Code is wrong', 'That code does not match. Check the time on your phone and try the newest code.'));
      }
      // Single use: a replayed code (or one older than the last used) counts as a failed attempt.
      if (!(await claimTotpStep(db, agent.id, step!))) await failed(req, res, agent, 'totp_reused', codeUsed());
      method = 'totp';
    } else {
      const used = await consumeRecoveryCode(db, agent.id, body.recoveryCode);
      if (!used.ok) await failed(req, res, agent, 'recovery_code', new HttpProblem(401, 'Code is wrong', 'That recovery code is wrong or has been used.'));
      await audit(req, agent.tenant_id, agent.id, 'agent.recovery_code.used', { remaining: used.remaining });
      method = 'recovery_code';
    }
    const csrfToken = await completeSignIn(req, res, agent, method);
    res.json({ agent: signedInAgent(agent), csrfToken } satisfies SignedIn);
  });

  router.post('/logout', noStore, anyStage, async (req, res) => {
    await revokeSession(db, req.agent!.sessionId, deps.clock());
    await audit(req, req.agent!.tenantId, req.agent!.id, 'agent.signed_out');
    clearSessionCookie(res, deps);
    res.status(204).end();
  });

  router.post('/logout-everywhere', noStore, full, async (req, res) => {
    await revokeAll(db, req.agent!.id, deps.clock());
    await audit(req, req.agent!.tenantId, req.agent!.id, 'agent.signed_out_everywhere');
    clearSessionCookie(res, deps);
    res.status(204).end();
  });

  router.get('/me', noStore, full, async (req, res) => {
    res.json({ agent: signedInAgent(await currentAgent(req)), csrfToken: req.agentSession!.csrfToken } satisfies SignedIn);
  });

  router.put('/me/status', noStore, full, async (req, res) => {
    const { status } = statusBody.parse(req.body ?? {});
    const agent = await setAgentStatus(db, req.agent!.id, status, deps.clock());
    if (!agent) throw new HttpProblem(401, 'Not signed in', 'Sign in to the console to continue.');
    // Availability changes what supervisors see and who gets offers.
    notifyQueueChanged(deps, agent.tenant_id);
    res.json({ agent: publicAgent(agent) } satisfies AgentResponse);
  });

  return router;
}

/** The name authenticator apps show next to the code. */
function issuerFor(deps: ConsoleDeps, tenant: string): string {
  try {
    return `${deps.assistant.runtime(tenant).pack.settings.shortName} Council Assistant`;
  } catch {
    return 'Council Assistant';
  }
}
