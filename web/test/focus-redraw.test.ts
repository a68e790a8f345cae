import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import type { BrowserContext, Page } from 'playwright-core';
import { addWebhook } from '../../backoffice/index.js';
import { WebhookReceiver } from '../../backoffice/receiver.fixture.js';
import { createCase, insertReferral, pushDeliveriesOfCase, type CaseRow } from '../../store/index.js';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { Resident } from '../../test/server.js';
import { axeViolations, describeFocus, setEnv, startDemo, tabTo, type Demo } from './harness.js';

/**
 * A keyboard user's place survives the console's live and timed redraws (web/console/ui.ts
 * `redrawKeepingFocus`), in Chromium against the real server: on "Back-office deliveries", Tab to the
 * Redeliver button of one failed delivery, let the 15 s refresh redraw the rows (the page's clock is
 * moved on), and focus is still on that row's Redeliver, so Enter redelivers that case; on "Queues
 * today", Tab to one referral's "Record as acknowledged", a resident asking for a person redraws the
 * page (a live `handoff:new`), and focus is still on that referral's button, so Enter acknowledges that
 * referral and no other; then, its section gone, focus is on the section's heading, not the page's body.
 * No axe violations after each redraw.
 */

const FAST: Record<string, string> = { BACKOFFICE_SWEEP_MS: '200', BACKOFFICE_RETRY_ATTEMPTS: '2', BACKOFFICE_RETRY_BASE_MS: '200', BACKOFFICE_RETRY_CAP_MS: '1000' };
let restoreEnv: (() => void) | undefined;

let demo: Demo;
let receiver: WebhookReceiver;
let supervisor: ConsoleClient;
let context: BrowserContext | undefined;

beforeAll(async () => {
  // The server reads its settings from the environment; this file's server retries quickly.
  restoreEnv = setEnv(FAST);
  receiver = await new WebhookReceiver().start();
  receiver.plan = () => 503;
  demo = await startDemo();
  supervisor = (await signedInAgent(demo.server, { roles: ['agent', 'supervisor'] })).client;
}, 90_000);
afterAll(async () => {
  await context?.close();
  await demo?.close();
  await receiver?.close();
  restoreEnv?.();
});

async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 15_000;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function openConsole(hash: string, heading: string, { fakeClock = false } = {}): Promise<Page> {
  await context?.close();
  context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: supervisor.cookie, url: demo.url }]);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  // The page's own clock, running as usual until the test moves it on to the next timed refresh.
  if (fakeClock) await page.clock.install();
  await page.goto(`${demo.url}/console?tenant=${demo.server.tenant}${hash}`);
  await page.waitForSelector(`h1:has-text("${heading}")`);
  return page;
}

/** The focused element: its row's key (data-*), its accessible name (text, with any visually hidden part), its tag. */
function focused(page: Page, rowKey: string): Promise<{ row: string | null; name: string; tag: string }> {
  return page.evaluate((key) => {
    const a = document.activeElement as HTMLElement | null;
    return { row: a?.closest(`[${key}]`)?.getAttribute(key) ?? null, name: (a?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120), tag: a?.tagName.toLowerCase() ?? '' };
  }, rowKey);
}

/** Marks the focused control, so the test can see that the redraw replaced it with a fresh element. */
async function markFocused(page: Page): Promise<void> {
  await page.evaluate(() => document.activeElement?.setAttribute('data-before-redraw', ''));
}
async function redrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-before-redraw]'), undefined, { timeout: 10_000 });
}

test('Back-office deliveries: the 15 s refresh keeps focus on the same Redeliver button, and Enter redelivers that case', async () => {
  const db = demo.server.store.db;
  const tenant = demo.server.tenant;
  const { webhook, secret } = await addWebhook(db, { tenant, name: 'Highways CRM', url: `${receiver.url}/crm`, services: ['highways'] });
  receiver.expect('/crm', secret);
  const cases: CaseRow[] = [];
  for (const summary of ['Pothole by the bus stop', 'Broken kerb on Mill Lane']) {
    cases.push(await createCase(db, { tenant, referencePrefix: 'MBC', serviceId: 'highways.pothole', summary, details: {}, location: null, actor: 'assistant' }));
  }
  const failed = async (c: CaseRow) => (await pushDeliveriesOfCase(db, tenant, c.id, webhook.id))[0];
  await until('both deliveries to fail', async () => (await failed(cases[0]))?.status === 'failed' && (await failed(cases[1]))?.status === 'failed');
  const [first, second] = await Promise.all(cases.map(failed));

  const page = await openConsole('#/deliveries', 'Back-office deliveries', { fakeClock: true });
  await page.waitForSelector(`#deliveries-table tr[data-delivery="${first.id}"]`);
  await page.waitForSelector(`#deliveries-table tr[data-delivery="${second.id}"]`);
  // The second case's button, whichever row comes first: by the keyboard.
  await tabTo(page, `#deliveries-table tr[data-delivery="${second.id}"] button[data-action="redeliver"]`);
  const name = `Redeliver Case created of case ${cases[1].reference} to Highways CRM`;
  expect(await focused(page, 'data-delivery')).toEqual({ row: second.id, name, tag: 'button' });
  await markFocused(page);

  await page.clock.fastForward(15_000);
  await redrawn(page);
  expect(await focused(page, 'data-delivery')).toEqual({ row: second.id, name, tag: 'button' });
  expect(await axeViolations(page)).toEqual([]);

  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-notification-banner--success');
  expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain(`Redelivering case ${cases[1].reference} to Highways CRM.`);
  await until('the second redelivered', async () => (await failed(cases[1])).status !== 'failed');
  expect((await failed(cases[0])).status).toBe('failed');
}, 90_000);

test('Queues today: a live update keeps focus on the same referral’s acknowledge button; Enter acknowledges that one; then focus is on the heading', async () => {
  const db = demo.server.store.db;
  const tenant = demo.server.tenant;
  const referral = async (hoursAgo: number) => {
    const id = randomUUID();
    await insertReferral(db, {
      id,
      tenant,
      handoffId: null,
      conversationId: null,
      rotaEntryId: null,
      channel: 'sms',
      destination: '+447700900010',
      summary: 'Test referral',
      status: 'sent',
      ackTokenHash: randomUUID(),
      escalationOf: null,
      step: 0,
      targetKind: 'fallback',
      targetName: 'Out-of-hours duty supervisor',
      fallbackIndex: 0,
      skills: ['safety'],
      details: { reference: null, location: null, contact: null },
      dueAt: null,
    });
    await sql`update referrals set created_at = ${new Date(Date.now() - hoursAgo * 3_600_000)} where id = ${id}`.execute(db);
    return id;
  };
  const newer = await referral(1);
  const older = await referral(3);

  const page = await openConsole('#/supervisor', 'Queues today', { fakeClock: true });
  await page.waitForSelector(`#duty-referrals [data-chain="${older}"] button`);
  await page.waitForSelector(`#duty-referrals [data-chain="${newer}"] button`);
  await tabTo(page, `#duty-referrals [data-chain="${older}"] button`);
  const before = await focused(page, 'data-chain');
  expect(before).toEqual({ row: older, name: expect.stringMatching(/^Record as acknowledged \(referral made .+\)$/), tag: 'button' });
  expect(before.name).not.toBe(await page.locator(`#duty-referrals [data-chain="${newer}"] button`).innerText());
  await markFocused(page);

  // A resident asks for a person: the live handoff:new redraws the queues and the referrals.
  const resident = await new Resident(demo.url, tenant).start();
  await resident.say('can I speak to a real person please');
  await redrawn(page);
  expect(await focused(page, 'data-chain')).toEqual(before);
  expect(await axeViolations(page)).toEqual([]);

  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Recorded as acknowledged/.test(document.getElementById('announcer')?.textContent ?? ''));
  await page.waitForSelector(`#duty-referrals [data-chain="${older}"]`, { state: 'detached' });
  const acked = await sql<{ id: string; acknowledged_at: Date | null }>`select id, acknowledged_at from referrals where id in (${older}, ${newer})`.execute(db);
  expect(Object.fromEntries(acked.rows.map((r) => [r.id, !!r.acknowledged_at]))).toEqual({ [older]: true, [newer]: false });
  // Its section is gone: focus is on the referrals' heading, not the page's body.
  expect(await describeFocus(page)).toMatch(/^h2#duty-referrals-title/);
  // The next timed refresh draws a new heading: focus moves to it, not to the body.
  await markFocused(page);
  await page.clock.fastForward(15_000);
  await redrawn(page);
  expect(await describeFocus(page)).toMatch(/^h2#duty-referrals-title/);
  expect(await axeViolations(page)).toEqual([]);
}, 90_000);
