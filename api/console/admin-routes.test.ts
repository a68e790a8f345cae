/**
 * Staff administration (issue 16, item 1) through the console API: only admins reach it (agents
 * and supervisors 403), each action does what it says (an invitation link works once; disabling
 * ends the person's sessions at once; resetting the second factor makes them enrol again) and
 * writes its audit event.
 */
import { createStaffAccount, totpCode } from '../../handoff/agents/index.js';
import { ConsoleClient, signedInAgent } from '../../test/console-client.js';
import { startTestServer, type TestServer } from '../../test/server.js';

const PASSWORD = 'Council-desk-2025';
let server: TestServer;
let admin: ConsoleClient;
let adminId: string;
let n = 0;

async function signIn(email: string, password = PASSWORD): Promise<{ client: ConsoleClient; secret: string }> {
  const client = new ConsoleClient(server.url);
  const login = await client.call('POST', '/login', { tenant: server.tenant, email, password });
  expect(login.body.stage).toBe('enrol');
  const { secret } = (await client.call('GET', '/totp/enrol')).body;
  expect((await client.call('POST', '/totp/enrol', { code: totpCode(secret, Date.now()) })).status).toBe(200);
  return { client, secret };
}

async function audits(subjectId: string): Promise<{ action: string; actor_id: string | null }[]> {
  return server.store.db.selectFrom('audit_events').select(['action', 'actor_id']).where('subject_id', '=', subjectId).where('action', 'like', 'staff.%').orderBy('id').execute();
}

const tokenOf = (url: string) => /#invite=([\w-]+)$/.exec(url)![1];

/** A new account created by the admin through the API; answers its id and invitation token. */
async function invite(body: Record<string, unknown> = {}): Promise<{ id: string; token: string; email: string }> {
  const email = `staff${++n}.${Date.now()}@council.example`;
  const res = await admin.call('POST', '/admin/staff', { email, name: `Staff ${n}`, roles: ['agent'], skills: ['waste'], ...body });
  expect(res.status).toBe(201);
  return { id: res.body.agent.id, token: tokenOf(res.body.inviteUrl), email };
}

/** Invites, accepts the link with a password and enrols: a signed-in console for the new account. */
async function invitedAndSignedIn(body: Record<string, unknown> = {}): Promise<{ id: string; email: string; client: ConsoleClient }> {
  const made = await invite(body);
  const client = new ConsoleClient(server.url);
  expect((await client.call('POST', '/invite/accept', { token: made.token, password: PASSWORD })).body.stage).toBe('enrol');
  const { secret } = (await client.call('GET', '/totp/enrol')).body;
  expect((await client.call('POST', '/totp/enrol', { code: totpCode(secret, Date.now()) })).status).toBe(200);
  return { ...made, client };
}

beforeAll(async () => {
  server = await startTestServer();
  const email = `admin.${Date.now()}@council.example`;
  // The first admin, as `npm run staff:admin -- --password` makes one.
  const made = await createStaffAccount(server.store.db, { tenant: server.tenant, email, name: 'First Admin', roles: ['admin', 'agent'], password: PASSWORD });
  adminId = made.agent.id;
  admin = (await signIn(email)).client;
});

afterAll(async () => {
  await server?.close();
});

describe('who may administer staff', () => {
  it('refuses agents and supervisors (403) and anyone signed out (401), on every action', async () => {
    const target = await invite();
    const routes: [string, string, unknown?][] = [
      ['GET', '/admin/staff'],
      ['POST', '/admin/staff', { email: 'x@council.example', name: 'X' }],
      ['PATCH', `/admin/staff/${target.id}`, { capacity: 5 }],
      ['POST', `/admin/staff/${target.id}/invite`],
      ['POST', `/admin/staff/${target.id}/disable`],
      ['POST', `/admin/staff/${target.id}/enable`],
      ['POST', `/admin/staff/${target.id}/reset-second-factor`],
      ['POST', `/admin/staff/${target.id}/sign-out`],
    ];
    const agent = await signedInAgent(server, { roles: ['agent'] });
    const supervisor = await signedInAgent(server, { roles: ['supervisor', 'agent'] });
    const nobody = new ConsoleClient(server.url);
    for (const [method, route, body] of routes) {
      expect([route, (await agent.client.call(method, route, body)).status]).toEqual([route, 403]);
      expect([route, (await supervisor.client.call(method, route, body)).status]).toEqual([route, 403]);
      expect([route, (await nobody.call(method, route, body)).status]).toEqual([route, 401]);
    }
    // Nothing happened to the account.
    expect((await audits(target.id)).map((a) => a.action)).toEqual(['staff.created', 'staff.invited']);
  });

  it('needs the CSRF token for changes', async () => {
    const target = await invite();
    expect((await admin.call('POST', `/admin/staff/${target.id}/disable`, undefined, { csrf: null })).status).toBe(403);
  });
});

describe('invitations', () => {
  it('creates an account with a one-time link that sets a password and leads to enrolment; audited', async () => {
    const made = await invite({ roles: ['agent', 'supervisor'], queues: ['housing'], capacity: 4, languages: ['en', 'cy'] });
    const listed = (await admin.call('GET', '/admin/staff')).body.agents.find((a: { id: string }) => a.id === made.id);
    expect(listed).toMatchObject({ roles: ['agent', 'supervisor'], skills: ['waste', 'housing'], queues: expect.arrayContaining(['waste', 'housing']), capacity: 4, languages: ['en', 'cy'], passwordSet: false, disabled: false });
    expect(listed.invitePendingUntil).toEqual(expect.any(String));
    // Only the hash is stored.
    const stored = await server.store.db.selectFrom('staff_invites' as never).selectAll().where('agent_id' as never, '=', made.id as never).execute();
    expect(JSON.stringify(stored)).not.toContain(made.token);

    const invitee = new ConsoleClient(server.url);
    expect((await invitee.call('POST', '/invite/check', { token: made.token })).body).toMatchObject({ name: expect.stringMatching(/^Staff/), email: made.email, passwordSignIn: true });
    // A weak password does not use the link up.
    const weak = await invitee.call('POST', '/invite/accept', { token: made.token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].path).toBe('password');
    const accepted = await invitee.call('POST', '/invite/accept', { token: made.token, password: PASSWORD });
    expect(accepted.body.stage).toBe('enrol');
    const { secret } = (await invitee.call('GET', '/totp/enrol')).body;
    expect((await invitee.call('POST', '/totp/enrol', { code: totpCode(secret, Date.now()) })).body.agent.skills).toEqual(['waste', 'housing']);
    // Single use.
    expect((await new ConsoleClient(server.url).call('POST', '/invite/accept', { token: made.token, password: PASSWORD })).status).toBe(410);
    expect((await new ConsoleClient(server.url).call('POST', '/invite/check', { token: made.token })).status).toBe(410);
    expect((await audits(made.id)).map((a) => [a.action, a.actor_id])).toEqual([
      ['staff.created', adminId],
      ['staff.invited', adminId],
    ]);
    const accept = await server.store.db.selectFrom('audit_events').select('action').where('subject_id', '=', made.id).where('action', '=', 'agent.invite.accepted').execute();
    expect(accept).toHaveLength(1);
  });

  it('refuses a taken address (409), an unknown role or queue and bad values (400)', async () => {
    const made = await invite();
    expect((await admin.call('POST', '/admin/staff', { email: made.email.toUpperCase(), name: 'Again' })).status).toBe(409);
    expect((await admin.call('POST', '/admin/staff', { email: 'r@council.example', name: 'R', roles: ['owner'] })).status).toBe(400);
    const queue = await admin.call('POST', '/admin/staff', { email: 'q@council.example', name: 'Q', queues: ['nowhere'] });
    expect(queue.status).toBe(400);
    expect(queue.body.detail).toMatch(/nowhere/);
    expect((await admin.call('POST', '/admin/staff', { email: 'c@council.example', name: 'C', capacity: 0 })).status).toBe(400);
    expect((await admin.call('POST', '/admin/staff', { email: 'not-an-address', name: 'C' })).status).toBe(400);
    expect((await admin.call('PATCH', '/admin/staff/no-such-id', { capacity: 2 })).status).toBe(404);
  });

  it('a new link replaces the old one; an expired link is refused', async () => {
    const made = await invite();
    const again = await admin.call('POST', `/admin/staff/${made.id}/invite`);
    expect(again.status).toBe(200);
    const fresh = tokenOf(again.body.inviteUrl);
    expect((await new ConsoleClient(server.url).call('POST', '/invite/check', { token: made.token })).status).toBe(410);
    expect((await new ConsoleClient(server.url).call('POST', '/invite/check', { token: fresh })).status).toBe(200);
    await server.store.db.updateTable('staff_invites' as never).set({ expires_at: new Date(Date.now() - 1000) } as never).where('agent_id' as never, '=', made.id as never).execute();
    expect((await new ConsoleClient(server.url).call('POST', '/invite/accept', { token: fresh, password: PASSWORD })).status).toBe(410);
    expect((await audits(made.id)).map((a) => a.action)).toEqual(['staff.created', 'staff.invited', 'staff.invited']);
  });
});

describe('changing an account', () => {
  it('changes roles, skills (directly and by queue), capacity and languages, auditing what changed', async () => {
    const { id, client } = await invitedAndSignedIn();
    const res = await admin.call('PATCH', `/admin/staff/${id}`, { roles: ['agent', 'supervisor'], skills: ['highways'], queues: ['housing'], capacity: 6, languages: ['pl'] });
    expect(res.status).toBe(200);
    expect(res.body.agent).toMatchObject({ roles: ['agent', 'supervisor'], skills: ['highways', 'housing'], capacity: 6, languages: ['pl'] });
    // Takes effect at once: the agent is now a supervisor.
    expect((await client.call('GET', '/me')).body.agent).toMatchObject({ roles: ['agent', 'supervisor'], skills: ['highways', 'housing'], capacity: 6 });
    const [updated] = await server.store.db.selectFrom('audit_events').select(['detail', 'actor_id']).where('subject_id', '=', id).where('action', '=', 'staff.updated').execute();
    expect(updated.actor_id).toBe(adminId);
    // A no-op change writes nothing.
    await admin.call('PATCH', `/admin/staff/${id}`, { capacity: 6 });
    expect((await audits(id)).filter((a) => a.action === 'staff.updated')).toHaveLength(1);
  });

  it('keeps the council’s last admin: cannot drop their own admin role or disable themselves', async () => {
    const own = await admin.call('PATCH', `/admin/staff/${adminId}`, { roles: ['agent'] });
    expect(own.status).toBe(409);
    expect(own.body.title).toBe('Last admin');
    expect((await admin.call('POST', `/admin/staff/${adminId}/disable`)).status).toBe(409);
  });
});

describe('disabling, signing out, resetting the second factor', () => {
  it('disabling ends every session at once and stops sign-in; re-enabling restores it; both audited', async () => {
    const { id, email, client } = await invitedAndSignedIn();
    const second = new ConsoleClient(server.url);
    expect((await second.call('POST', '/login', { tenant: server.tenant, email, password: PASSWORD })).body.stage).toBe('totp');
    expect((await client.call('GET', '/me')).status).toBe(200);

    const off = await admin.call('POST', `/admin/staff/${id}/disable`);
    expect(off.body.agent).toMatchObject({ disabled: true, status: 'away' });
    expect((await client.call('GET', '/me')).status).toBe(401);
    expect((await second.call('POST', '/totp', { code: '000000' })).status).toBe(401);
    expect((await new ConsoleClient(server.url).call('POST', '/login', { tenant: server.tenant, email, password: PASSWORD })).status).toBe(401);

    expect((await admin.call('POST', `/admin/staff/${id}/enable`)).body.agent.disabled).toBe(false);
    const back = new ConsoleClient(server.url);
    expect((await back.call('POST', '/login', { tenant: server.tenant, email, password: PASSWORD })).body.stage).toBe('totp');
    expect((await audits(id)).map((a) => a.action)).toEqual(['staff.created', 'staff.invited', 'staff.disabled', 'staff.enabled']);
  });

  it('signs a person out everywhere', async () => {
    const { id, client } = await invitedAndSignedIn();
    expect((await admin.call('POST', `/admin/staff/${id}/sign-out`)).status).toBe(204);
    expect((await client.call('GET', '/me')).status).toBe(401);
    expect((await audits(id)).map((a) => a.action)).toContain('staff.signed_out_everywhere');
  });

  it('resetting the second factor ends sessions and makes the next sign-in enrol again', async () => {
    const { id, email, client } = await invitedAndSignedIn();
    const reset = await admin.call('POST', `/admin/staff/${id}/reset-second-factor`);
    expect(reset.body.agent.secondFactor).toBe(false);
    expect((await client.call('GET', '/me')).status).toBe(401);
    const again = new ConsoleClient(server.url);
    expect((await again.call('POST', '/login', { tenant: server.tenant, email, password: PASSWORD })).body.stage).toBe('enrol');
    expect((await audits(id)).map((a) => a.action)).toContain('staff.second_factor_reset');
  });
});
