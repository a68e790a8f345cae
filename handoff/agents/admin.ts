/**
 * Staff administration's rules (issue 16, item 1): creating an account (with a password, or with
 * a one-time invitation link), invitations (only the token's SHA-256 is stored; a link expires and
 * works once), accepting one, and the checks that keep a council from losing its last admin. The
 * console's routes (api/console/admin-routes.ts), the `staff:admin` command and the demo seeding
 * all create accounts through `createStaffAccount`.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  countEnabledWithRole,
  insertStaffAgent,
  insertStaffInvite,
  liveStaffInvite,
  setStaffPassword,
  staffAgent,
  staffAgentByEmail,
  useStaffInvite,
  type Db,
  type StaffAgentRow,
} from '../../store/index.js';
import { AGENT_ROLES, agentRoles, normaliseEmail, type AgentRole } from './agents.js';
import { assertPasswordPolicy, hashPassword } from './password.js';

export const DEFAULT_INVITE_DAYS = 7;
export const MAX_CAPACITY = 20;

/** A refused administrative change, with the HTTP status and words the console shows. */
export class StaffAdminError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'StaffAdminError';
  }
}

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The invitation link. The token travels in the fragment (`#invite=`), which browsers never send
 * to a server, so it stays out of access logs and Referer headers; the page posts it.
 */
export function inviteUrl(publicUrl: string | undefined, tenant: string, token: string): string {
  const base = (publicUrl ?? '').replace(/\/+$/, '');
  return `${base}/console/?tenant=${encodeURIComponent(tenant)}#invite=${token}`;
}

export interface NewStaffAccount {
  tenant: string;
  email: string;
  name: string;
  roles: AgentRole[];
  skills?: string[];
  capacity?: number;
  languages?: string[];
  /** Given: the account signs in with it (it must meet the policy). Left out: an invitation is issued. */
  password?: string;
  /** The admin who created it (null: the command line or the demo seeding). */
  createdBy?: string | null;
  inviteDays?: number;
  now?: Date;
}

export interface CreatedStaffAccount {
  agent: StaffAgentRow;
  /** The one-time invitation token (shown once; only its hash is kept), when no password was given. */
  invite?: { token: string; expiresAt: Date };
}

/** Roles as given, checked and de-duplicated (at least one). */
export function checkRoles(roles: readonly string[]): AgentRole[] {
  const unknown = roles.filter((r) => !AGENT_ROLES.includes(r as AgentRole));
  if (unknown.length) throw new StaffAdminError(400, 'Unknown role', `There is no role "${unknown[0]}". Roles are agent, supervisor and admin.`);
  if (!roles.length) throw new StaffAdminError(400, 'Role needed', 'Give the account at least one role.');
  return [...new Set(roles)] as AgentRole[];
}

/** Creates an account: with a password, or with an invitation link. 409 when the e-mail is taken. */
export async function createStaffAccount(db: Db, input: NewStaffAccount): Promise<CreatedStaffAccount> {
  const email = normaliseEmail(input.email);
  const now = input.now ?? new Date();
  if (input.password !== undefined) assertPasswordPolicy(input.password);
  if (await staffAgentByEmail(db, input.tenant, email)) {
    throw new StaffAdminError(409, 'Account exists', `There is already an account for ${email}.`);
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  let agent: StaffAgentRow;
  try {
    agent = await insertStaffAgent(db, {
      tenant: input.tenant,
      email,
      name: input.name.trim(),
      roles: checkRoles(input.roles),
      skills: [...new Set(input.skills ?? [])],
      capacity: input.capacity ?? 3,
      languages: [...new Set(input.languages ?? [])],
      passwordHash,
    });
  } catch (err) {
    // Two admins adding the same address at once: the unique index decides.
    if (/unique|duplicate/i.test((err as Error).message)) throw new StaffAdminError(409, 'Account exists', `There is already an account for ${email}.`);
    throw err;
  }
  if (passwordHash) return { agent };
  const invite = await issueInvite(db, { tenant: input.tenant, agentId: agent.id, createdBy: input.createdBy ?? null, days: input.inviteDays, now });
  return { agent, invite };
}

/** A new invitation for the account; earlier ones stop working. */
export async function issueInvite(db: Db, input: { tenant: string; agentId: string; createdBy: string | null; days?: number; now?: Date }): Promise<{ token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (input.days ?? DEFAULT_INVITE_DAYS) * 86_400_000);
  await insertStaffInvite(db, { tenant: input.tenant, agentId: input.agentId, tokenHash: hashInviteToken(token), createdBy: input.createdBy, expiresAt, now });
  return { token, expiresAt };
}

/** The account a live invitation is for (undefined: unknown, used, revoked or expired; or the account is disabled). */
export async function invitedAccount(db: Db, token: string, now: Date): Promise<{ inviteId: string; agent: StaffAgentRow } | undefined> {
  if (!token || token.length > 200) return undefined;
  const invite = await liveStaffInvite(db, hashInviteToken(token), now);
  if (!invite) return undefined;
  const agent = await staffAgent(db, invite.tenant_id, invite.agent_id);
  if (!agent || agent.disabled_at) return undefined;
  return { inviteId: invite.id, agent };
}

/**
 * Accepts an invitation: sets the password (policy checked first, so a weak one does not use the
 * link up) and uses the invitation, in one transaction so a second tab cannot also use it.
 */
export async function acceptInvite(db: Db, token: string, password: string, now: Date): Promise<StaffAgentRow> {
  assertPasswordPolicy(password);
  const found = await invitedAccount(db, token, now);
  if (!found) throw new StaffAdminError(410, 'Invitation not valid', 'This invitation link has expired, has been used or was withdrawn. Ask your administrator for a new one.');
  const hash = await hashPassword(password);
  await db
    .transaction()
    .execute(async (trx) => {
      if (!(await useStaffInvite(trx, found.inviteId, now))) throw new StaffAdminError(410, 'Invitation not valid', 'This invitation link has just been used. Ask your administrator for a new one.');
      await setStaffPassword(trx, found.agent.id, hash);
    });
  return found.agent;
}

/**
 * Refuses a change that would leave the council with no enabled admin: only an admin can add
 * accounts or restore access, so losing the last would need SQL (or the `staff:admin` command).
 */
export async function assertAdminRemains(db: Db, tenant: string, target: StaffAgentRow, change: { disable?: boolean; roles?: readonly string[] }): Promise<void> {
  const isAdminNow = !target.disabled_at && agentRoles(target).includes('admin');
  if (!isAdminNow) return;
  const losesIt = change.disable || (change.roles !== undefined && !change.roles.includes('admin'));
  if (!losesIt) return;
  if ((await countEnabledWithRole(db, tenant, 'admin')) <= 1) {
    throw new StaffAdminError(409, 'Last admin', 'This is the council’s only enabled admin. Make someone else an admin first.');
  }
}
