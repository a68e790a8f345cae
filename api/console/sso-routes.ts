import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  acceptInvite,
  createSession,
  DEFAULT_STAFF_SETTINGS,
  invitedAccount,
  mfaClaimed,
  passwordProblems,
  resetSignInFailures,
  revokeSession,
  hashSessionToken,
  SsoClient,
  SsoError,
  ssoAccount,
  StaffAdminError,
  type SsoErrorCode,
  type StaffSettings,
} from '../../handoff/index.js';
import { recordAudit } from '../../store/index.js';
import { HttpProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { noStore, parseCookies, requireAgent, servesCouncil, sessionTokenFrom, setSessionCookie } from './session.js';

/**
 * Single sign-on with OpenID Connect and invitation links (issue 16; README "Staff administration
 * and single sign-on"):
 * - `GET /sign-in/options?tenant=`: whether the council allows passwords and offers single sign-on.
 * - `GET /sso/start?tenant=`: to the provider (code flow, PKCE S256, state in a short-lived cookie,
 *   nonce); `GET /sso/callback`: back from it, then into the console, or to the sign-in page with
 *   `#sso-error=<code>`. Multi-factor claimed by the provider (`amr`/`acr`) signs straight in;
 *   otherwise our own authenticator code follows, as after a password (`#sso=totp|enrol`).
 * - `GET /sign-in/state`: a half-finished sign-in's step and CSRF token (after the redirect).
 * - `POST /invite/check` and `POST /invite/accept` `{token, password}`: the one-time link sets a
 *   password, and the new session goes on to enrol an authenticator.
 */

export const SSO_STATE_COOKIE = 'ca_sso_state';
const CALLBACK_PATH = '/api/console/sso/callback';

/** The council's `staff:` settings (defaults when the pack has none or the council is unknown). */
export function staffSettingsOf(deps: Pick<ConsoleDeps, 'assistant'>, tenant: string): StaffSettings {
  try {
    return (deps.assistant.runtime(tenant).pack.settings as { staff?: StaffSettings }).staff ?? DEFAULT_STAFF_SETTINGS;
  } catch {
    return DEFAULT_STAFF_SETTINGS;
  }
}

const tenantQuery = z.object({ tenant: z.string().trim().min(1).max(100).optional() });
const inviteBody = z.object({ token: z.string().min(10).max(200) }).strict();
const acceptBody = z.object({ token: z.string().min(10).max(200), password: z.string().max(1000) }).strict();

export function ssoRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const db = deps.store.db;
  const client = deps.ssoClient ?? new SsoClient(process.env);

  const served = (tenant: string) => servesCouncil(deps, tenant);
  function tenantOf(req: Request): string {
    const { tenant } = tenantQuery.parse(req.query);
    const chosen = tenant ?? deps.defaultTenant ?? (served('demo') ? 'demo' : undefined);
    if (!chosen || !served(chosen)) throw new HttpProblem(400, 'Unknown council', tenant ? `This server does not serve the council "${tenant}".` : 'Say which council in "tenant".');
    return chosen;
  }
  /** Where the provider sends the browser back: PUBLIC_URL's origin, else this request's. */
  const base = (req: Request) => (deps.publicUrl ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
  const stateCookie = (value: string, maxAge: number) =>
    `${SSO_STATE_COOKIE}=${value}; Path=/api/console/sso; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${deps.secureCookies ? '; Secure' : ''}`;

  const audit = (req: Request, tenant: string, agentId: string | null, action: string, detail: Record<string, unknown> = {}) =>
    recordAudit(db, { tenant, actorType: 'agent', actorId: agentId, action, subjectType: 'agent', subjectId: agentId, detail: { ...detail, ip: req.ip } });

  router.get('/sign-in/options', noStore, (req, res) => {
    const tenant = tenantOf(req);
    const settings = staffSettingsOf(deps, tenant);
    res.json({
      tenant,
      passwordSignIn: settings.passwordSignIn,
      singleSignOn: settings.sso ? { label: settings.sso.label, startUrl: `/api/console/sso/start?tenant=${encodeURIComponent(tenant)}` } : null,
    });
  });

  router.get('/sso/start', noStore, async (req, res) => {
    const tenant = tenantOf(req);
    const sso = staffSettingsOf(deps, tenant).sso;
    if (!sso) throw new HttpProblem(404, 'Single sign-on not set up', 'This council does not use single sign-on: sign in with your email and password.');
    let started: { url: string; state: string };
    try {
      started = await client.start(db, { tenant, settings: sso, redirectUri: base(req) + CALLBACK_PATH, now: deps.clock() });
    } catch (err) {
      deps.log.warn({ err, tenant }, 'single sign-on: the provider could not be reached');
      throw new HttpProblem(502, 'Sign-in service unavailable', 'Your council’s sign-in service could not be reached. Try again in a few minutes, or tell IT.');
    }
    res.append('Set-Cookie', stateCookie(started.state, 600));
    res.redirect(302, started.url);
  });

  router.get('/sso/callback', noStore, async (req, res) => {
    const now = deps.clock();
    const callbackUrl = new URL(base(req) + CALLBACK_PATH);
    for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') callbackUrl.searchParams.append(k, v);
    res.append('Set-Cookie', stateCookie('', 0));
    let tenant: string | undefined;
    const back = (hash: string) => res.redirect(303, `/console/?${new URLSearchParams(tenant ? { tenant } : {})}#${hash}`);
    try {
      const finished = await client.finish(db, {
        callbackUrl,
        browserState: parseCookies(req.headers.cookie)[SSO_STATE_COOKIE] || undefined,
        now,
        settingsOf: (t) => (served(t) ? staffSettingsOf(deps, t).sso : undefined),
      });
      tenant = finished.tenant;
      const sso = staffSettingsOf(deps, tenant).sso!;
      const claimed = mfaClaimed(sso, finished.identity);
      if (sso.mfa === 'claims' && !claimed) throw new SsoError('mfa_required');
      const { agent, created } = await ssoAccount(db, tenant, sso, finished.identity, now);
      // Whatever session this browser had ends here.
      const previous = sessionTokenFrom(req.headers.cookie);
      if (previous) await revokeSession(db, hashSessionToken(previous), now);
      const ownCode = sso.mfa === 'totp' || !claimed;
      const enrolled = agent.totp_enabled && !!agent.totp_secret;
      const stage = !ownCode ? 'full' : enrolled ? 'password' : 'totp_enrol';
      const { token } = await createSession(db, { tenant, agentId: agent.id, stage, now });
      setSessionCookie(res, deps, token);
      const detail = { method: 'sso', amr: finished.identity.amr, acr: finished.identity.acr, groups: finished.identity.groups.length, created };
      if (stage === 'full') {
        await resetSignInFailures(db, agent.id);
        await audit(req, tenant, agent.id, 'agent.sign_in.succeeded', detail);
        return back('/queue');
      }
      await audit(req, tenant, agent.id, 'agent.sign_in.sso_ok', { ...detail, next: enrolled ? 'totp' : 'enrol' });
      return back(`sso=${enrolled ? 'totp' : 'enrol'}`);
    } catch (err) {
      if (!(err instanceof SsoError)) {
        deps.log.error({ err }, 'single sign-on failed');
        return back('sso-error=invalid_response');
      }
      if (tenant) await audit(req, tenant, null, 'agent.sign_in.failed', { method: 'sso', reason: err.code });
      deps.log.info({ tenant, reason: err.code }, 'single sign-on refused');
      return back(`sso-error=${err.code satisfies SsoErrorCode}`);
    }
  });

  router.get('/sign-in/state', noStore, requireAgent(deps, { stage: 'any' }), (req, res) => {
    const stage = req.agentSession!.stage;
    res.json({ stage: stage === 'password' ? 'totp' : stage === 'totp_enrol' ? 'enrol' : 'full', csrfToken: req.agentSession!.csrfToken });
  });

  router.post('/invite/check', noStore, async (req, res) => {
    const { token } = inviteBody.parse(req.body ?? {});
    const found = await invitedAccount(db, token, deps.clock());
    if (!found) throw new HttpProblem(410, 'Invitation not valid', 'This invitation link has expired, has been used or was withdrawn. Ask a console administrator for a new one.');
    const settings = staffSettingsOf(deps, found.agent.tenant_id);
    res.json({
      name: found.agent.name,
      email: found.agent.email,
      tenant: found.agent.tenant_id,
      passwordSignIn: settings.passwordSignIn,
      singleSignOn: settings.sso ? { label: settings.sso.label, startUrl: `/api/console/sso/start?tenant=${encodeURIComponent(found.agent.tenant_id)}` } : null,
    });
  });

  router.post('/invite/accept', noStore, async (req, res) => {
    const body = acceptBody.parse(req.body ?? {});
    const now = deps.clock();
    const found = await invitedAccount(db, body.token, now);
    if (!found) throw new HttpProblem(410, 'Invitation not valid', 'This invitation link has expired, has been used or was withdrawn. Ask a console administrator for a new one.');
    const tenant = found.agent.tenant_id;
    const settings = staffSettingsOf(deps, tenant);
    if (!settings.passwordSignIn) throw new HttpProblem(409, 'Password sign-in is off', `This council signs in with single sign-on: use “${settings.sso?.label ?? 'single sign-on'}”.`);
    const problems = passwordProblems(body.password);
    if (problems.length) throw new HttpProblem(400, 'Password not accepted', problems.join(' '), { errors: problems.map((message) => ({ path: 'password', message })) });
    let agent;
    try {
      agent = await acceptInvite(db, body.token, body.password, now);
    } catch (err) {
      if (err instanceof StaffAdminError) throw new HttpProblem(err.status, err.title, err.detail);
      throw err;
    }
    const previous = sessionTokenFrom(req.headers.cookie);
    if (previous) await revokeSession(db, hashSessionToken(previous), now);
    const enrolled = agent.totp_enabled && !!agent.totp_secret;
    const { token, session } = await createSession(db, { tenant, agentId: agent.id, stage: enrolled ? 'password' : 'totp_enrol', now });
    setSessionCookie(res, deps, token);
    await audit(req, tenant, agent.id, 'agent.invite.accepted', { next: enrolled ? 'totp' : 'enrol' });
    respond(res, { stage: enrolled ? 'totp' : 'enrol', csrfToken: session.csrf_token });
  });

  return router;
}

function respond(res: Response, body: { stage: 'totp' | 'enrol'; csrfToken: string }): void {
  res.json(body);
}

/** For POST /login: refused (403) where the council has switched password sign-in off. */
export function assertPasswordSignIn(deps: Pick<ConsoleDeps, 'assistant'>, tenant: string): void {
  const settings = staffSettingsOf(deps, tenant);
  if (!settings.passwordSignIn) {
    throw new HttpProblem(403, 'Password sign-in is off', `This council signs in with single sign-on: use “${settings.sso?.label ?? 'single sign-on'}”.`);
  }
}
