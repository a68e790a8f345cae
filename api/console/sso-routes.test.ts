/**
 * Single sign-on (issue 16, item 2) against a real OpenID Connect provider run locally
 * (test/oidc-stand-in.ts, the `oidc-provider` package): an invited person signs in with
 * multi-factor claimed (`amr`) and lands with the roles and skills of their groups; without the
 * claim our own authenticator follows; state and single use are enforced; the refusals say why;
 * just-in-time accounts, password sign-in switched off and `mfa: claims` on a second council.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createStaffAccount, totpCode } from '../../handoff/agents/index.js';
import { ConsoleClient } from '../../test/console-client.js';
import { signInThroughStandIn, startOidcStandIn, type OidcStandIn } from '../../test/oidc-stand-in.js';
import { startTestServer, type TestServer } from '../../test/server.js';

const PASSWORD = 'Council-desk-2025';
const suffix = randomUUID().slice(0, 6);
const invited = `ssoa-${suffix}`;
const jit = `ssob-${suffix}`;
let provider: OidcStandIn;
let server: TestServer;
const redirectUris: string[] = [];

/** The demo pack under `tenant`, with `staff:` settings appended. */
function pack(root: string, tenant: string, staff: string): void {
  const dir = path.join(root, tenant);
  fs.cpSync(path.resolve('content/demo'), dir, { recursive: true });
  const file = path.join(dir, 'settings.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^tenant: demo$/m, `tenant: ${tenant}`) + `\n${staff}\n`);
}

function staffYaml(issuer: string, extra: string): string {
  return `staff:
  ${extra.split('\n').join('\n  ')}
  sso:
    issuer: ${issuer}
    clientId: council-console
    label: Sign in with your Merebrook account
    scopes: [openid, email, profile, groups]
    groupRoles: { g-advisers: [agent], g-leads: [agent, supervisor] }
    groupSkills: { g-waste: [waste], g-housing: [housing] }`;
}

async function auditActions(tenant: string, action: string): Promise<unknown[]> {
  const rows = await server.store.db.selectFrom('audit_events').select('detail').where('tenant_id', '=', tenant).where('action', '=', action).execute();
  return rows.map((r) => r.detail);
}

function person(username: string, groups: string[], amr: string[], email = `${username}@merebrook.example`) {
  provider.people.set(username, { email, name: `Person ${username}`, groups, amr });
  return email;
}

function clientWith(session: string | undefined): ConsoleClient {
  const c = new ConsoleClient(server.url);
  c.cookie = session ?? '';
  return c;
}

beforeAll(async () => {
  provider = await startOidcStandIn({ redirectUris });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'content-sso-'));
  pack(root, invited, staffYaml(provider.issuer, 'passwordSignIn: true'));
  pack(root, jit, staffYaml(provider.issuer, 'passwordSignIn: false').replace('    clientId: council-console', '    clientId: council-console\n    accounts: just_in_time\n    mfa: claims'));
  const secretName = (t: string) => `OIDC_CLIENT_SECRET__${t.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  server = await startTestServer({ contentDir: root, env: { ...process.env, [secretName(invited)]: provider.clientSecret, [secretName(jit)]: provider.clientSecret } });
  redirectUris.push(`${server.url}/api/console/sso/callback`);
});

afterAll(async () => {
  await server?.close();
  await provider?.close();
});

describe('single sign-on, invited accounts', () => {
  it('offers the button and still the password form', async () => {
    const res = await fetch(`${server.url}/api/console/sign-in/options?tenant=${invited}`);
    expect(await res.json()).toEqual({ tenant: invited, passwordSignIn: true, singleSignOn: { label: 'Sign in with your Merebrook account', startUrl: `/api/console/sso/start?tenant=${invited}` } });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const start = await fetch(`${server.url}/api/console/sso/start?tenant=${invited}`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const url = new URL(start.headers.get('location')!);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(start.headers.getSetCookie().join()).toContain(`ca_sso_state=${url.searchParams.get('state')}`);
  });

  it('an invited person with multi-factor claimed lands signed in, with the roles and skills of their groups', async () => {
    const email = person('amina', ['g-advisers', 'g-waste', 'g-housing', 'g-other'], ['pwd', 'mfa']);
    const made = await createStaffAccount(server.store.db, { tenant: invited, email, name: 'Amina', roles: ['agent'], skills: ['highways'] });
    const done = await signInThroughStandIn(server.url, invited, 'amina');
    expect(done.location).toBe(`/console/?tenant=${invited}#/queue`);
    const me = await clientWith(done.session).call('GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body.agent).toMatchObject({ id: made.agent.id, roles: ['agent'], skills: ['waste', 'housing'] });
    // The invitation link is spent: the person signed in another way.
    expect((await new ConsoleClient(server.url).call('POST', '/invite/check', { token: made.invite!.token })).status).toBe(410);
    expect(await auditActions(invited, 'agent.sign_in.succeeded')).toContainEqual(expect.objectContaining({ method: 'sso', amr: ['pwd', 'mfa'] }));
    // The callback works once.
    expect(await done.replay()).toContain('#sso-error=');
    // Later sign-ins find the account by the provider's subject, and follow group changes.
    provider.people.get('amina')!.groups = ['g-leads', 'g-waste'];
    const again = await signInThroughStandIn(server.url, invited, 'amina');
    expect((await clientWith(again.session).call('GET', '/me')).body.agent).toMatchObject({ roles: ['agent', 'supervisor'], skills: ['waste'] });
  });

  it('without multi-factor claimed, our own authenticator follows', async () => {
    const email = person('ben', ['g-advisers', 'g-waste'], ['pwd']);
    await createStaffAccount(server.store.db, { tenant: invited, email, name: 'Ben', roles: ['agent'] });
    const done = await signInThroughStandIn(server.url, invited, 'ben');
    expect(done.location).toBe(`/console/?tenant=${invited}#sso=enrol`);
    const browser = clientWith(done.session);
    expect((await browser.call('GET', '/me')).status).toBe(401);
    expect((await browser.call('GET', '/sign-in/state')).body).toMatchObject({ stage: 'enrol', csrfToken: expect.any(String) });
    const { secret } = (await browser.call('GET', '/totp/enrol')).body;
    const enrolled = await browser.call('POST', '/totp/enrol', { code: totpCode(secret, Date.now()) });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.agent.skills).toEqual(['waste']);
  });

  it('refuses, saying why: not invited, disabled, no group giving a role, a state that does not match', async () => {
    person('carla', ['g-advisers'], ['mfa']);
    expect(await signInThroughStandIn(server.url, invited, 'carla')).toMatchObject({ location: `/console/?tenant=${invited}#sso-error=not_invited`, session: undefined });

    const dEmail = person('dev', ['g-advisers'], ['mfa']);
    const d = await createStaffAccount(server.store.db, { tenant: invited, email: dEmail, name: 'Dev', roles: ['agent'] });
    await server.store.db.updateTable('agents').set({ disabled_at: new Date() }).where('id', '=', d.agent.id).execute();
    expect((await signInThroughStandIn(server.url, invited, 'dev')).location).toMatch(/#sso-error=disabled$/);

    const eEmail = person('eve', ['g-waste'], ['mfa']);
    await createStaffAccount(server.store.db, { tenant: invited, email: eEmail, name: 'Eve', roles: ['agent'] });
    expect((await signInThroughStandIn(server.url, invited, 'eve')).location).toMatch(/#sso-error=no_role$/);

    const fEmail = person('fay', ['g-advisers'], ['mfa']);
    await createStaffAccount(server.store.db, { tenant: invited, email: fEmail, name: 'Fay', roles: ['agent'] });
    expect((await signInThroughStandIn(server.url, invited, 'fay', { state: (s) => `${s}x` })).location).toMatch(/#sso-error=state_mismatch$/);
    expect((await signInThroughStandIn(server.url, invited, 'fay', { dropStateCookie: true })).location).toMatch(/#sso-error=state_mismatch$/);
    expect((await signInThroughStandIn(server.url, invited, 'fay')).session).toBeTruthy();

    const refusals = (await auditActions(invited, 'agent.sign_in.failed')) as { reason?: string }[];
    expect(refusals.map((r) => r.reason)).toEqual(expect.arrayContaining(['not_invited', 'disabled', 'no_role']));
  });
});

describe('single sign-on only, accounts made just in time, multi-factor required', () => {
  it('password sign-in is off', async () => {
    expect((await (await fetch(`${server.url}/api/console/sign-in/options?tenant=${jit}`)).json()).passwordSignIn).toBe(false);
    const res = await new ConsoleClient(server.url).call('POST', '/login', { tenant: jit, email: 'x@merebrook.example', password: PASSWORD });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/single sign-on/);
  });

  it('creates the account at the first sign-in from the groups; refuses without multi-factor claimed', async () => {
    person('gus', ['g-leads', 'g-housing'], ['pwd', 'mfa'], `gus.${suffix}@merebrook.example`);
    const done = await signInThroughStandIn(server.url, jit, 'gus');
    expect(done.location).toBe(`/console/?tenant=${jit}#/queue`);
    expect((await clientWith(done.session).call('GET', '/me')).body.agent).toMatchObject({ name: 'Person gus', roles: ['agent', 'supervisor'], skills: ['housing'] });

    person('hal', ['g-advisers'], ['pwd'], `hal.${suffix}@merebrook.example`);
    expect(await signInThroughStandIn(server.url, jit, 'hal')).toMatchObject({ location: `/console/?tenant=${jit}#sso-error=mfa_required`, session: undefined });
    const none = await server.store.db.selectFrom('agents').select('id').where('tenant_id', '=', jit).where('email', '=', `hal.${suffix}@merebrook.example`).execute();
    expect(none).toHaveLength(0);
  });
});
