import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createStaffAccount, totpCode } from '../../handoff/agents/index.js';
import { ConsoleClient } from '../../test/console-client.js';
import { startOidcStandIn, type OidcStandIn } from '../../test/oidc-stand-in.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { axeViolations, tabTo } from './harness.js';

/**
 * Staff administration and single sign-on in a real browser (Chromium), keyboard only, against the
 * real server and a real OpenID Connect provider run locally (test/oidc-stand-in.ts): an admin
 * opens "Staff" and invites an agent; the agent signs in with "Sign in with your Merebrook account"
 * at the provider, which claims multi-factor (`amr`), and lands in the console with the skills of
 * their groups; the admin disables the agent, whose open console is signed out at once (pushed
 * over the live connection, not at the next heartbeat). No axe violations on any page of ours.
 * Set CONSOLE_SCREENSHOTS=1 to keep screenshots in /tmp.
 */

const PASSWORD = 'Council-desk-2025';
const tenant = `staff-${Date.now().toString(36)}`;
const redirectUris: string[] = [];
let provider: OidcStandIn;
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: `/tmp/console-staff-${name}.png`, fullPage: true });
  expect({ step: name, violations: await axeViolations(page) }).toEqual({ step: name, violations: [] });
}

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  return { context, page };
}

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['scripts/build-web.mjs']);
  provider = await startOidcStandIn({ redirectUris });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'content-staff-'));
  fs.cpSync(path.resolve('content/demo'), path.join(root, tenant), { recursive: true });
  const settings = path.join(root, tenant, 'settings.yaml');
  fs.writeFileSync(
    settings,
    fs.readFileSync(settings, 'utf8').replace(/^tenant: demo$/m, `tenant: ${tenant}`) +
      `
staff:
  sso:
    issuer: ${provider.issuer}
    clientId: ${provider.clientId}
    label: Sign in with your Merebrook account
    scopes: [openid, email, profile, groups]
    groupRoles: { console-advisers: [agent] }
    groupSkills: { waste-team: [waste], housing-team: [housing] }
`,
  );
  const secret = `OIDC_CLIENT_SECRET__${tenant.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  server = await startTestServer({ contentDir: root, env: { ...process.env, [secret]: provider.clientSecret } });
  redirectUris.push(`${server.url}/api/console/sso/callback`);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await provider?.close();
});

/** A new admin of the council, as `npm run staff:admin -- --password` makes one, signed in through the API. */
async function signedInAdmin(): Promise<ConsoleClient> {
  const email = `it.lead.${Date.now()}@merebrook.example`;
  await createStaffAccount(server.store.db, { tenant, email, name: 'Ifeoma Lead', roles: ['admin', 'agent'], password: PASSWORD });
  const api = new ConsoleClient(server.url);
  expect((await api.call('POST', '/login', { tenant, email, password: PASSWORD })).body.stage).toBe('enrol');
  const { secret } = (await api.call('GET', '/totp/enrol')).body;
  expect((await api.call('POST', '/totp/enrol', { code: totpCode(secret, Date.now()) })).status).toBe(200);
  return api;
}

test('an admin invites an agent, who signs in with single sign-on (multi-factor claimed) and lands with the skills of their groups; disabled, they are signed out at once', async () => {
  const adminApi = await signedInAdmin();

  const { context: adminContext, page: admin } = await newPage();
  await adminContext.addCookies([{ name: 'ca_session', value: adminApi.cookie, url: server.url }]);
  await admin.goto(`${server.url}/console/?tenant=${tenant}#/queue`);
  await admin.waitForSelector('h1:has-text("Queue")');

  // "Staff" from the navigation, by keyboard; focus lands on the heading.
  await tabTo(admin, 'a[data-page="staff"]');
  await admin.keyboard.press('Enter');
  await admin.waitForSelector('h1:has-text("Staff")');
  await admin.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await admin.waitForSelector('#staff-table tr[data-agent]');
  await admin.waitForSelector('#invite-queues-0');
  await expectNoAxeViolations(admin, 'staff');

  // Submitting the empty form: the error summary takes focus and names each field.
  await tabTo(admin, '#invite-form button[type="submit"]');
  await admin.keyboard.press('Enter');
  await admin.waitForSelector('#invite-form .govuk-error-summary:not([hidden])');
  expect(await admin.locator('#invite-form .govuk-error-summary__list a').allTextContents()).toEqual(['Enter their full name', 'Enter their email address']);
  await expectNoAxeViolations(admin, 'invite-errors');

  // Invite: name, address, the Waste queue (Space ticks it), then Enter.
  const agentEmail = `tamsin.${Date.now()}@merebrook.example`;
  await tabTo(admin, '#invite-name');
  await admin.keyboard.type('Tamsin Adviser');
  await admin.keyboard.press('Tab');
  await admin.keyboard.type(agentEmail);
  const wasteBox = await admin.locator('input[name="invite-queues"][value="waste"]').getAttribute('id');
  await tabTo(admin, `#${wasteBox}`);
  await admin.keyboard.press('Space');
  await tabTo(admin, '#invite-form button[type="submit"]');
  await admin.keyboard.press('Enter');
  await admin.waitForSelector('#invite-link');
  await admin.waitForFunction(() => document.activeElement?.id === 'invite-link');
  expect(await admin.inputValue('#invite-link')).toMatch(new RegExp(`/console/\\?tenant=${tenant}#invite=[\\w-]{40,}$`));
  await admin.waitForSelector(`#staff-table tr:has-text("Tamsin Adviser") :text("Invited")`);
  await expectNoAxeViolations(admin, 'invited');

  // Tamsin, at the council's sign-in service: in the groups of advisers, the waste and housing teams; multi-factor used.
  provider.people.set('tamsin', { email: agentEmail, name: 'Tamsin Adviser', groups: ['console-advisers', 'waste-team', 'housing-team', 'canteen'], amr: ['pwd', 'mfa'] });
  const { page: agent } = await newPage();
  await agent.goto(`${server.url}/console/?tenant=${tenant}`);
  await agent.waitForSelector('#sso-start');
  expect(await agent.locator('#sso-start').innerText()).toBe('Sign in with your Merebrook account');
  await expectNoAxeViolations(agent, 'sign-in');
  await tabTo(agent, '#sso-start');
  await agent.keyboard.press('Enter');
  // The provider's own sign-in page (the stand-in's).
  await agent.waitForURL(new RegExp(`^${provider.issuer}/interaction/`));
  await tabTo(agent, '#username');
  await agent.keyboard.type('tamsin');
  await agent.keyboard.press('Enter');
  // Back in the console, signed in: no password, no code of ours (multi-factor was claimed).
  await agent.waitForSelector('h1:has-text("Queue")', { timeout: 15_000 });
  expect(agent.url()).toMatch(new RegExp(`^${server.url}/console/\\?tenant=${tenant}#/queue$`));
  const me = await agent.evaluate(async () => (await (await fetch('/api/console/me')).json()) as { agent: { name: string; roles: string[]; skills: string[] } });
  expect(me.agent).toMatchObject({ name: 'Tamsin Adviser', roles: ['agent'], skills: ['waste', 'housing'] });
  await expectNoAxeViolations(agent, 'agent-queue');
  // Her live connection is up.
  await agent.waitForFunction(() => (document.querySelector('.ca-connection')?.textContent ?? '') === '', undefined, { timeout: 10_000 });

  // The admin's table shows her as active, with the queues her skills serve.
  await admin.reload();
  const row = admin.locator('#staff-table tr:has-text("Tamsin Adviser")');
  await row.locator(':text("Active")').waitFor();
  expect(await row.innerText()).toMatch(/Waste and recycling, Housing/);

  // The admin disables her, by keyboard: Manage, then Disable account.
  const tamsinId = await row.getAttribute('data-agent');
  await tabTo(admin, `button[data-manage="${tamsinId}"]`, { max: 80 });
  await admin.keyboard.press('Enter');
  await admin.waitForFunction(() => document.activeElement?.id === 'staff-manage-title');
  expect(await admin.locator('#staff-manage').innerText()).toMatch(/Signs in with single sign-on\. No authenticator app set up/);
  await expectNoAxeViolations(admin, 'manage');
  await tabTo(admin, '#staff-disable');
  const disabledAt = Date.now();
  await admin.keyboard.press('Enter');
  await admin.waitForSelector('.govuk-notification-banner--success:has-text("disabled")');

  // Tamsin's console is signed out at once, without waiting for the 20-second heartbeat.
  await agent.waitForSelector('h1:has-text("Sign in to the agent console")', { timeout: 8_000 });
  expect(Date.now() - disabledAt).toBeLessThan(8_000);
  expect(await agent.locator('[role="status"].govuk-inset-text').innerText()).toMatch(/session has ended/);
  expect(await agent.evaluate(async () => (await fetch('/api/console/me')).status)).toBe(401);
  await expectNoAxeViolations(agent, 'signed-out');

  // And single sign-on no longer lets her in, saying why.
  await tabTo(agent, '#sso-start');
  await agent.keyboard.press('Enter');
  // The provider remembers her session: it may send her straight back, or ask again.
  await agent.waitForSelector('#username, [role="status"].govuk-inset-text:has-text("account is disabled")');
  if (await agent.locator('#username').count()) {
    await tabTo(agent, '#username');
    await agent.keyboard.type('tamsin');
    await agent.keyboard.press('Enter');
  }
  await agent.waitForSelector('h1:has-text("Sign in to the agent console")');
  expect(await agent.locator('[role="status"].govuk-inset-text').innerText()).toMatch(/account is disabled/);
  await expectNoAxeViolations(agent, 'refused');

  // Both the invitation and the disabling are in the audit trail, by the admin.
  const audited = await server.store.db.selectFrom('audit_events').select('action').where('tenant_id', '=', tenant).where('action', 'like', 'staff.%').orderBy('id').execute();
  expect(audited.map((a) => a.action)).toEqual(['staff.created', 'staff.invited', 'staff.disabled']);
}, 120_000);

test('an invitation link sets a password and leads to the authenticator set-up; used once, it says so', async () => {
  const adminApi = await signedInAdmin();
  const made = await adminApi.call('POST', '/admin/staff', { email: `rhys.${Date.now()}@merebrook.example`, name: 'Rhys Adviser', queues: ['housing'] });
  expect(made.status).toBe(201);
  const link = new URL(made.body.inviteUrl, server.url).href;
  const { page } = await newPage();
  await page.goto(link);
  await page.waitForSelector('h1:has-text("Set up your console account")');
  // The page says "Checking your invitation…" until the server has answered: wait for what it says then.
  await page.waitForSelector('main :text("You have been invited")');
  expect(await page.locator('main').innerText()).toContain('You have been invited to the agent console as Rhys Adviser');
  // The token leaves the address bar at once.
  expect(page.url()).not.toContain('#invite=');
  await page.waitForFunction(() => document.activeElement?.id === 'new-password');
  await expectNoAxeViolations(page, 'invite');

  await page.keyboard.type('Harbour-lights-2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Harbour-lights-2025');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-error-summary:not([hidden])');
  expect(await page.locator('.govuk-error-summary__list a').allTextContents()).toEqual(['The passwords do not match']);
  await expectNoAxeViolations(page, 'invite-error');
  await tabTo(page, '#confirm-password');
  await page.fill('#confirm-password', '');
  await page.keyboard.type('Harbour-lights-2026');
  await page.keyboard.press('Enter');

  await page.waitForSelector('h1:has-text("Set up your authenticator app")');
  const secret = (await page.getAttribute('#totp-secret', 'data-secret'))!;
  await tabTo(page, '#enrol-code');
  await page.keyboard.type(totpCode(secret, Date.now()));
  await page.keyboard.press('Enter');
  await page.waitForSelector('h1:has-text("Save your recovery codes")');
  await tabTo(page, '#saved-codes');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await page.waitForSelector('h1:has-text("Queue")');
  const me = await page.evaluate(async () => (await (await fetch('/api/console/me')).json()) as { agent: { name: string; skills: string[] } });
  expect(me.agent).toMatchObject({ name: 'Rhys Adviser', skills: ['housing'] });

  const { page: again } = await newPage();
  await again.goto(link);
  await again.waitForSelector('h1:has-text("This invitation link does not work")');
  await expectNoAxeViolations(again, 'invite-used');
}, 60_000);
