import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  agentRoles,
  agentSkills,
  assertAdminRemains,
  checkRoles,
  createStaffAccount,
  inviteUrl,
  issueInvite,
  MAX_CAPACITY,
  passwordProblems,
  queuesServedBy,
  revokeAll,
  StaffAdminError,
  type QueueSettings,
} from '../../handoff/index.js';
import {
  clearSecondFactor,
  listStaff,
  recordAudit,
  revokeStaffInvites,
  setStaffDisabled,
  staffAgent,
  staffLanguages,
  updateStaffAgent,
  type Db,
  type StaffAgentRow,
  type StaffListRow,
} from '../../store/index.js';
import { HttpProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent } from './session.js';
import { consoleRooms, emitToConsoles, notifyQueueChanged, queuesOf } from './socket.js';
import { staffSettingsOf } from './sso-routes.js';
import type { StaffMember } from '../../wire/index.js';

/**
 * Staff administration for admins (issue 16, item 1; README "Staff administration and single
 * sign-on"): list the council's accounts; create one with a one-time invitation link (or re-issue
 * the link); change name, roles, skills (directly or by queue), capacity and languages; disable and
 * re-enable; reset the second factor; sign someone out everywhere. Only the `admin` role reaches
 * these (a supervisor is not an admin). Disabling or signing out ends the person's sessions and
 * disconnects their live console at once. Every change is an audit event (`staff.*`) naming the
 * admin, the account and the fields changed.
 */

const skill = z.string().trim().regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, 'a skill is lower-case letters, digits, _ . or - (up to 40)');
const language = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language is a tag such as en, cy, pl or pt-BR');
const fields = {
  name: z.string().trim().min(1).max(200),
  roles: z.array(z.string()).min(1).max(3),
  skills: z.array(skill).max(50),
  queues: z.array(z.string().min(1).max(100)).max(50),
  capacity: z.number().int().min(1).max(MAX_CAPACITY),
  languages: z.array(language).max(20),
};
const createBody = z
  .object({
    email: z.email().max(254),
    name: fields.name,
    roles: fields.roles.default(['agent']),
    skills: fields.skills.default([]),
    queues: fields.queues.default([]),
    capacity: fields.capacity.default(3),
    languages: fields.languages.default([]),
  })
  .strict();
const patchBody = z
  .object({
    name: fields.name.optional(),
    roles: fields.roles.optional(),
    skills: fields.skills.optional(),
    queues: fields.queues.optional(),
    capacity: fields.capacity.optional(),
    languages: fields.languages.optional(),
  })
  .strict();


function member(row: StaffAgentRow | StaffListRow, queues: readonly QueueSettings[], now: Date): StaffMember {
  const skills = agentSkills(row);
  const locked = row.locked_until && row.locked_until.getTime() > now.getTime() ? row.locked_until.toISOString() : null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: agentRoles(row),
    skills,
    queues: queuesServedBy({ skills }, queues),
    capacity: row.capacity,
    languages: staffLanguages(row),
    status: row.status,
    disabled: !!row.disabled_at,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    secondFactor: row.totp_enabled,
    singleSignOn: !!row.sso_subject,
    passwordSet: !!row.password_hash,
    invitePendingUntil: 'invite_expires_at' in row && row.invite_expires_at ? new Date(row.invite_expires_at).toISOString() : null,
    lockedUntil: locked,
  };
}

/** Skills given plus those of the queues named (an unknown queue is a 400). */
function skillsWithQueues(given: readonly string[], queueIds: readonly string[], queues: readonly QueueSettings[]): string[] {
  const out = new Set(given);
  for (const id of queueIds) {
    const q = queues.find((x) => x.id === id);
    if (!q) throw new HttpProblem(400, 'Unknown queue', `This council has no queue "${id}".`, { errors: [{ path: 'queues', message: `There is no queue "${id}"` }] });
    for (const s of q.skills) out.add(s);
  }
  return [...out];
}

function asProblem(err: unknown): unknown {
  return err instanceof StaffAdminError ? new HttpProblem(err.status, err.title, err.detail) : err;
}

/** Ends a person's live console at once: the socket hears why, then is disconnected (in every process, through the adapter). */
export function disconnectAgent(deps: Pick<ConsoleDeps, 'consoleNamespace'>, agentId: string): void {
  const nsp = deps.consoleNamespace?.();
  if (!nsp) return;
  emitToConsoles(nsp, consoleRooms.agent(agentId), 'session:ended', {});
  nsp.in(consoleRooms.agent(agentId)).disconnectSockets(true);
}

export function adminRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const db = deps.store.db;
  const admins = requireAgent(deps, { roles: ['admin'] });

  const audit = (trx: Db, req: Request, action: string, subjectId: string, detail: Record<string, unknown> = {}) =>
    recordAudit(trx, { tenant: req.agent!.tenantId, actorType: 'agent', actorId: req.agent!.id, action, subjectType: 'agent', subjectId, detail: { ...detail, ip: req.ip } });

  async function target(req: Request): Promise<StaffAgentRow> {
    const id = String(req.params.id ?? '');
    const row = id.length <= 100 ? await staffAgent(db, req.agent!.tenantId, id) : undefined;
    if (!row) throw new HttpProblem(404, 'Not found', 'There is no such account at this council.');
    return row;
  }

  const inviteDays = (tenant: string) => staffSettingsOf(deps, tenant).inviteDays;

  router.get('/admin/staff', admins, async (req, res) => {
    const tenant = req.agent!.tenantId;
    const queues = queuesOf(deps, tenant);
    const settings = staffSettingsOf(deps, tenant);
    const now = deps.clock();
    const rows = await listStaff(db, tenant, now);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      agents: rows.map((r) => member(r, queues, now)),
      queues: queues.map((q) => ({ id: q.id, name: q.name, skills: q.skills })),
      skills: [...new Set([...queues.flatMap((q) => q.skills), ...rows.flatMap((r) => agentSkills(r))])].sort(),
      passwordSignIn: settings.passwordSignIn,
      singleSignOn: settings.sso
        ? { accounts: settings.sso.accounts, rolesFromGroups: Object.keys(settings.sso.groupRoles).length > 0, skillsFromGroups: Object.keys(settings.sso.groupSkills).length > 0 }
        : null,
    });
  });

  router.post('/admin/staff', admins, async (req, res) => {
    const body = createBody.parse(req.body ?? {});
    const tenant = req.agent!.tenantId;
    const queues = queuesOf(deps, tenant);
    const now = deps.clock();
    const created = await db
      .transaction()
      .execute(async (trx) => {
        const made = await createStaffAccount(trx, {
          tenant,
          email: body.email,
          name: body.name,
          roles: checkRoles(body.roles),
          skills: skillsWithQueues(body.skills, body.queues, queues),
          capacity: body.capacity,
          languages: body.languages,
          createdBy: req.agent!.id,
          inviteDays: inviteDays(tenant),
          now,
        });
        await audit(trx, req, 'staff.created', made.agent.id, { roles: agentRoles(made.agent), skills: agentSkills(made.agent), capacity: made.agent.capacity, languages: staffLanguages(made.agent) });
        await audit(trx, req, 'staff.invited', made.agent.id, { expiresAt: made.invite!.expiresAt.toISOString() });
        return made;
      })
      .catch((err: unknown) => {
        throw asProblem(err);
      });
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({
      agent: member(created.agent, queues, now),
      // Shown once: only the token's hash is stored.
      inviteUrl: inviteUrl(deps.publicUrl, tenant, created.invite!.token),
      inviteExpiresAt: created.invite!.expiresAt.toISOString(),
    });
  });

  router.post('/admin/staff/:id/invite', admins, async (req, res) => {
    const agent = await target(req);
    if (agent.disabled_at) throw new HttpProblem(409, 'Account disabled', 'Re-enable the account before inviting its owner again.');
    const tenant = req.agent!.tenantId;
    const invite = await db.transaction().execute(async (trx) => {
      const made = await issueInvite(trx, { tenant, agentId: agent.id, createdBy: req.agent!.id, days: inviteDays(tenant), now: deps.clock() });
      await audit(trx, req, 'staff.invited', agent.id, { expiresAt: made.expiresAt.toISOString(), again: true });
      return made;
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ inviteUrl: inviteUrl(deps.publicUrl, tenant, invite.token), inviteExpiresAt: invite.expiresAt.toISOString() });
  });

  router.patch('/admin/staff/:id', admins, async (req, res) => {
    const body = patchBody.parse(req.body ?? {});
    const agent = await target(req);
    const tenant = req.agent!.tenantId;
    const queues = queuesOf(deps, tenant);
    const roles = body.roles ? checkRoles(body.roles) : undefined;
    if (roles) await assertAdminRemains(db, tenant, agent, { roles }).catch((err: unknown) => Promise.reject(asProblem(err)));
    const skills = body.skills !== undefined || body.queues !== undefined ? skillsWithQueues(body.skills ?? agentSkills(agent), body.queues ?? [], queues) : undefined;
    const patch = { name: body.name, roles, skills, capacity: body.capacity, languages: body.languages ? [...new Set(body.languages)] : undefined };
    const before = member(agent, queues, deps.clock());
    const updated = await db.transaction().execute(async (trx) => {
      const row = await updateStaffAgent(trx, tenant, agent.id, patch);
      if (!row) throw new HttpProblem(404, 'Not found', 'There is no such account at this council.');
      const after = member(row, queues, deps.clock());
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      for (const k of ['name', 'roles', 'skills', 'capacity', 'languages'] as const) {
        if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) changed[k] = { from: before[k], to: after[k] };
      }
      if (Object.keys(changed).length) await audit(trx, req, 'staff.updated', agent.id, { changed });
      return row;
    });
    // Rooms follow roles and skills at the next heartbeat; the queue view of others may change now.
    notifyQueueChanged(deps, tenant);
    res.json({ agent: member(updated, queues, deps.clock()) });
  });

  router.post('/admin/staff/:id/disable', admins, async (req, res) => {
    const agent = await target(req);
    const tenant = req.agent!.tenantId;
    if (agent.id === req.agent!.id) throw new HttpProblem(409, 'Your own account', 'You cannot disable your own account. Ask another admin.');
    await assertAdminRemains(db, tenant, agent, { disable: true }).catch((err: unknown) => Promise.reject(asProblem(err)));
    const now = deps.clock();
    const row = await db.transaction().execute(async (trx) => {
      const done = await setStaffDisabled(trx, tenant, agent.id, now);
      await revokeAll(trx, agent.id, now);
      await revokeStaffInvites(trx, agent.id, now);
      await audit(trx, req, 'staff.disabled', agent.id, { wasDisabled: !!agent.disabled_at });
      return done!;
    });
    disconnectAgent(deps, agent.id);
    notifyQueueChanged(deps, tenant);
    res.json({ agent: member(row, queuesOf(deps, tenant), now) });
  });

  router.post('/admin/staff/:id/enable', admins, async (req, res) => {
    const agent = await target(req);
    const tenant = req.agent!.tenantId;
    const row = await db.transaction().execute(async (trx) => {
      const done = await setStaffDisabled(trx, tenant, agent.id, null);
      await audit(trx, req, 'staff.enabled', agent.id, { wasDisabled: !!agent.disabled_at });
      return done!;
    });
    res.json({ agent: member(row, queuesOf(deps, tenant), deps.clock()) });
  });

  router.post('/admin/staff/:id/reset-second-factor', admins, async (req, res) => {
    const agent = await target(req);
    const tenant = req.agent!.tenantId;
    const now = deps.clock();
    await db.transaction().execute(async (trx) => {
      await clearSecondFactor(trx, tenant, agent.id);
      // A lost phone may be in someone else's hands: its sessions end too.
      await revokeAll(trx, agent.id, now);
      await audit(trx, req, 'staff.second_factor_reset', agent.id, { hadSecondFactor: agent.totp_enabled });
    });
    disconnectAgent(deps, agent.id);
    const row = await staffAgent(db, tenant, agent.id);
    res.json({ agent: member(row!, queuesOf(deps, tenant), now) });
  });

  router.post('/admin/staff/:id/sign-out', admins, async (req, res) => {
    const agent = await target(req);
    const now = deps.clock();
    await db.transaction().execute(async (trx) => {
      await revokeAll(trx, agent.id, now);
      await audit(trx, req, 'staff.signed_out_everywhere', agent.id);
    });
    disconnectAgent(deps, agent.id);
    res.status(204).end();
  });

  return router;
}

/** The password rules, as problem details for a form field (used by the invitation page). */
export function passwordProblem(password: string): HttpProblem | null {
  const problems = passwordProblems(password);
  return problems.length ? new HttpProblem(400, 'Password not accepted', problems.join(' '), { errors: problems.map((message) => ({ path: 'password', message })) }) : null;
}
