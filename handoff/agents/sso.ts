/**
 * Single sign-on with OpenID Connect (issue 16, item 2), through `openid-client`: the
 * authorisation code flow with PKCE (S256), a `state` bound to the browser and a `nonce` bound to
 * the ID token, all single use; then the account the identity belongs to (linked by the provider's
 * subject, else matched by e-mail once, else created just in time when the council allows it),
 * with roles and skills following the person's groups, and whether the provider's `amr`/`acr`
 * claims show multi-factor or our own authenticator code must follow.
 */
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import {
  insertStaffAgent,
  insertSsoLogin,
  linkSsoAccount,
  staffAgentByEmail,
  staffAgentBySsoSubject,
  takeSsoLogin,
  useStaffInvitesOf,
  type Db,
  type StaffAgentRow,
} from '../../store/index.js';
import { agentRoles, normaliseEmail, type AgentRole } from './agents.js';
import type { SsoSettings } from './staff-settings.js';

/** A sign-in started at the provider must come back within this long. */
export const SSO_LOGIN_TTL_MS = 10 * 60 * 1000;

export type SsoErrorCode =
  | 'not_configured'
  | 'state_mismatch'
  | 'expired'
  | 'provider_error'
  | 'invalid_response'
  | 'no_email'
  | 'not_invited'
  | 'linked_elsewhere'
  | 'disabled'
  | 'no_role'
  | 'mfa_required';

/** Why a single sign-on failed, in words for the person signing in (the code goes in the audit trail). */
export const SSO_ERROR_TEXT: Record<SsoErrorCode, string> = {
  not_configured: 'Single sign-on is not set up for this council.',
  state_mismatch: 'The sign-in could not be checked: it may have been started in another tab or browser. Start again.',
  expired: 'The sign-in took too long or was already used. Start again.',
  provider_error: 'Your council’s sign-in service did not sign you in.',
  invalid_response: 'The answer from your council’s sign-in service could not be verified. Start again, and tell IT if it happens again.',
  no_email: 'Your council’s sign-in service did not give an email address for you.',
  not_invited: 'There is no console account for you yet. Ask a console administrator to invite you.',
  linked_elsewhere: 'Your email address belongs to a console account linked to another sign-in. Ask a console administrator.',
  disabled: 'Your console account is disabled. Ask a console administrator.',
  no_role: 'You are not in any group that gives access to the console. Ask IT to add you.',
  mfa_required: 'Your council needs you to sign in with a second factor (multi-factor authentication) at its sign-in service.',
};

export class SsoError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    detail?: string,
  ) {
    super(detail ? `${SSO_ERROR_TEXT[code]} ${detail}` : SSO_ERROR_TEXT[code]);
    this.name = 'SsoError';
  }
}

/** The environment variable holding a council's client secret: OIDC_CLIENT_SECRET__<COUNCIL>, e.g. OIDC_CLIENT_SECRET__DEMO. */
export function clientSecretVariable(tenant: string): string {
  return `OIDC_CLIENT_SECRET__${tenant.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function hashState(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}

/** What we keep of the provider's answer. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  name: string | null;
  groups: string[];
  amr: string[];
  acr: string | null;
}

/** Roles and skills from the person's groups; a field is left out when the council maps none. */
export function mapGroups(settings: Pick<SsoSettings, 'groupRoles' | 'groupSkills'>, groups: readonly string[]): { roles?: AgentRole[]; skills?: string[] } {
  const out: { roles?: AgentRole[]; skills?: string[] } = {};
  if (Object.keys(settings.groupRoles).length) out.roles = [...new Set(groups.flatMap((g) => settings.groupRoles[g] ?? []))];
  if (Object.keys(settings.groupSkills).length) out.skills = [...new Set(groups.flatMap((g) => settings.groupSkills[g] ?? []))];
  return out;
}

/** Whether the provider's claims show multi-factor authentication under the council's settings. */
export function mfaClaimed(settings: Pick<SsoSettings, 'mfaAmr' | 'mfaAcr'>, identity: Pick<SsoIdentity, 'amr' | 'acr'>): boolean {
  return identity.amr.some((a) => settings.mfaAmr.includes(a)) || (identity.acr !== null && settings.mfaAcr.includes(identity.acr));
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The OpenID Connect client of every council served. Provider metadata is discovered once per
 * council (and again after a failure). Plain http is allowed only for a provider on this machine
 * (tests and local stand-ins).
 */
export class SsoClient {
  private readonly configs = new Map<string, Promise<oidc.Configuration>>();

  constructor(private readonly env: Record<string, string | undefined> = process.env) {}

  private configuration(tenant: string, settings: SsoSettings): Promise<oidc.Configuration> {
    const secret = this.env[clientSecretVariable(tenant)];
    const key = `${tenant}\n${settings.issuer}\n${settings.clientId}\n${secret ?? ''}`;
    let found = this.configs.get(key);
    if (!found) {
      const issuer = new URL(settings.issuer);
      // No secret: a public client, protected by PKCE alone.
      const auth = secret ? oidc.ClientSecretBasic(secret) : oidc.None();
      found = oidc.discovery(issuer, settings.clientId, undefined, auth, isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined);
      found.catch(() => this.configs.delete(key));
      this.configs.set(key, found);
    }
    return found;
  }

  /** Starts a sign-in: stores the PKCE verifier and nonce under the state's hash, answers the provider's URL and the state (for the browser's cookie). */
  async start(db: Db, input: { tenant: string; settings: SsoSettings; redirectUri: string; now: Date }): Promise<{ url: string; state: string }> {
    const config = await this.configuration(input.tenant, input.settings);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await insertSsoLogin(db, { stateHash: hashState(state), tenant: input.tenant, codeVerifier: verifier, nonce, expiresAt: new Date(input.now.getTime() + SSO_LOGIN_TTL_MS) });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: input.redirectUri,
      scope: [...new Set(['openid', ...input.settings.scopes])].join(' '),
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in from the provider's redirect (`callbackUrl`: our redirect URI with the
   * provider's query). The state must match the browser's cookie and a stored, unexpired sign-in
   * (used up here); the code is exchanged with the PKCE verifier, and the ID token's signature,
   * issuer, audience, expiry and nonce are checked by openid-client.
   */
  async finish(
    db: Db,
    input: { callbackUrl: URL; browserState: string | undefined; now: Date; settingsOf: (tenant: string) => SsoSettings | undefined },
  ): Promise<{ tenant: string; identity: SsoIdentity }> {
    const params = input.callbackUrl.searchParams;
    const state = params.get('state');
    if (!state || !input.browserState || state !== input.browserState) throw new SsoError('state_mismatch');
    const login = await takeSsoLogin(db, hashState(state), input.now);
    if (!login) throw new SsoError('expired');
    const tenant = login.tenant_id;
    const settings = input.settingsOf(tenant);
    if (!settings) throw new SsoError('not_configured');
    if (params.get('error')) throw new SsoError('provider_error', (params.get('error_description') ?? params.get('error') ?? '').slice(0, 200));
    const config = await this.configuration(tenant, settings);
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, { pkceCodeVerifier: login.code_verifier, expectedState: state, expectedNonce: login.nonce, idTokenExpected: true });
    } catch (err) {
      throw new SsoError('invalid_response', `(${(err as Error).message.slice(0, 160)})`);
    }
    const claims = tokens.claims();
    if (!claims) throw new SsoError('invalid_response');
    const all: Record<string, unknown> = { ...claims };
    // Some providers put e-mail and groups only in UserInfo; the ID token's own claims win.
    if ((!all.email || all[settings.groupsClaim] === undefined) && config.serverMetadata().userinfo_endpoint) {
      try {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        for (const [k, v] of Object.entries(info)) if (all[k] === undefined) all[k] = v;
      } catch {
        // UserInfo is a fallback only: what the ID token said stands.
      }
    }
    const emailClaim = typeof all.email === 'string' ? all.email : typeof all.preferred_username === 'string' && all.preferred_username.includes('@') ? all.preferred_username : null;
    // An address the provider says it has not verified is not used to match an account.
    const email = emailClaim && all.email_verified !== false ? normaliseEmail(emailClaim) : null;
    return {
      tenant,
      identity: {
        issuer: claims.iss,
        subject: claims.sub,
        email,
        name: typeof all.name === 'string' ? all.name : null,
        groups: strings(all[settings.groupsClaim]),
        amr: strings(claims.amr),
        acr: typeof claims.acr === 'string' ? claims.acr : null,
      },
    };
  }
}

/**
 * The account this identity signs in to, with roles and skills set from its groups. Linked by
 * the provider's subject; else an account with the same e-mail (invited by an admin) is linked
 * now; else, with `accounts: just_in_time`, one is created from the groups. Refused: no account,
 * a disabled one, or (where the council maps groups to roles) no group giving a role.
 */
export async function ssoAccount(db: Db, tenant: string, settings: SsoSettings, identity: SsoIdentity, now: Date): Promise<{ agent: StaffAgentRow; created: boolean }> {
  const subject = `${identity.issuer} ${identity.subject}`;
  let agent = await staffAgentBySsoSubject(db, tenant, subject);
  if (!agent) {
    if (!identity.email) throw new SsoError('no_email');
    agent = await staffAgentByEmail(db, tenant, identity.email);
    if (agent?.sso_subject && agent.sso_subject !== subject) throw new SsoError('linked_elsewhere');
  }
  if (agent?.disabled_at) throw new SsoError('disabled');
  const mapped = mapGroups(settings, identity.groups);
  if (mapped.roles && mapped.roles.length === 0) throw new SsoError('no_role');
  let created = false;
  if (!agent) {
    if (settings.accounts !== 'just_in_time') throw new SsoError('not_invited');
    if (!mapped.roles) throw new SsoError('no_role', 'Just-in-time accounts need groupRoles in the council’s settings.');
    agent = await insertStaffAgent(db, {
      tenant,
      email: identity.email!,
      name: identity.name?.trim() || identity.email!,
      roles: mapped.roles,
      skills: mapped.skills ?? [],
      capacity: 3,
      languages: [],
      passwordHash: null,
      ssoSubject: subject,
    });
    created = true;
  }
  agent = await linkSsoAccount(db, agent.id, subject, mapped);
  // An invited person who signs in with SSO has no use for the password link any more.
  await useStaffInvitesOf(db, agent.id, now);
  if (!agentRoles(agent).length) throw new SsoError('no_role');
  return { agent, created };
}
