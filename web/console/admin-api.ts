import type { StaffMember } from '../../wire/index.js';
import type { ConsoleApi } from './api.js';

export type { StaffMember };

/**
 * The console's client for staff administration (/api/console/admin/staff, admins only), single
 * sign-on options and invitation links (api/console/admin-routes.ts, sso-routes.ts). It shares the
 * console's session cookie, CSRF token and signed-out handling through ConsoleApi.
 */


export interface StaffListing {
  agents: StaffMember[];
  queues: { id: string; name: string; skills: string[] }[];
  skills: string[];
  passwordSignIn: boolean;
  singleSignOn: { accounts: 'invited' | 'just_in_time'; rolesFromGroups: boolean; skillsFromGroups: boolean } | null;
}

export interface NewStaff {
  email: string;
  name: string;
  roles: string[];
  queues: string[];
  capacity: number;
  languages: string[];
}

export interface StaffChange {
  name?: string;
  roles?: string[];
  skills?: string[];
  capacity?: number;
  languages?: string[];
}

export interface Invitation {
  inviteUrl: string;
  inviteExpiresAt: string;
}

export interface SignInOptions {
  passwordSignIn: boolean;
  singleSignOn: { label: string; startUrl: string } | null;
}

export interface InviteDetails extends SignInOptions {
  name: string;
  email: string;
  tenant: string;
}

export class StaffApi {
  constructor(private readonly api: ConsoleApi) {}

  list(): Promise<StaffListing> {
    return this.request('GET', '/admin/staff');
  }
  create(body: NewStaff): Promise<{ agent: StaffMember } & Invitation> {
    return this.request('POST', '/admin/staff', body);
  }
  change(id: string, body: StaffChange): Promise<{ agent: StaffMember }> {
    return this.request('PATCH', `/admin/staff/${encodeURIComponent(id)}`, body);
  }
  act(id: string, action: 'disable' | 'enable' | 'reset-second-factor'): Promise<{ agent: StaffMember }> {
    return this.request('POST', `/admin/staff/${encodeURIComponent(id)}/${action}`);
  }
  signOut(id: string): Promise<void> {
    return this.request('POST', `/admin/staff/${encodeURIComponent(id)}/sign-out`);
  }
  reinvite(id: string): Promise<Invitation> {
    return this.request('POST', `/admin/staff/${encodeURIComponent(id)}/invite`);
  }

  // Before sign-in: no session needed.
  signInOptions(tenant?: string): Promise<SignInOptions> {
    return this.request('GET', `/sign-in/options${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`, undefined, true);
  }
  checkInvite(token: string): Promise<InviteDetails> {
    return this.request('POST', '/invite/check', { token }, true);
  }
  acceptInvite(token: string, password: string): Promise<{ stage: 'enrol' | 'totp'; csrfToken: string }> {
    return this.request('POST', '/invite/accept', { token, password }, true);
  }
  /** A sign-in half done after single sign-on: its next step, and the session's CSRF token. */
  signInState(): Promise<{ stage: 'enrol' | 'totp' | 'full'; csrfToken: string }> {
    return this.request('GET', '/sign-in/state', undefined, true);
  }

  private request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, json?: unknown, signIn = false): Promise<T> {
    return this.api.send<T>(method, path, json, { signIn });
  }
}
