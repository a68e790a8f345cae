import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { addWebhook } from '../../backoffice/index.js';
import { WebhookReceiver } from '../../backoffice/receiver.fixture.js';
import { addCaseStatus, createCase, pushDeliveriesOfCase, type CaseRow } from '../../store/index.js';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { axeViolations, describeFocus, setEnv, startDemo, tabTo, type Demo } from './harness.js';

/**
 * The console's "Back-office deliveries" panel in a real browser against the real server: a
 * back office that answers 503 makes a case's first event fail after its (shortened) retries,
 * with the second held behind it; a supervisor reaches the panel from the navigation by keyboard,
 * sees the failure (attempts, last error, what waits behind it), redelivers it, and both events
 * arrive in order; then sends the case's whole history again through the form (errors summarised
 * first). No axe violations on any step. A plain agent has no such entry.
 * Set CONSOLE_SCREENSHOTS=1 to keep screenshots in /tmp.
 */

const FAST: Record<string, string> = { BACKOFFICE_SWEEP_MS: '200', BACKOFFICE_RETRY_ATTEMPTS: '2', BACKOFFICE_RETRY_BASE_MS: '200', BACKOFFICE_RETRY_CAP_MS: '1000' };
let restoreEnv: (() => void) | undefined;

let demo: Demo;
let receiver: WebhookReceiver;
let supervisor: ConsoleClient;
let plain: ConsoleClient;
let context: BrowserContext;
let page: Page;
let up = false;

beforeAll(async () => {
  // The server reads its settings from the environment; this file's server retries quickly.
  restoreEnv = setEnv(FAST);
  receiver = await new WebhookReceiver().start();
  receiver.plan = () => (up ? 204 : 503);
  demo = await startDemo();
  supervisor = (await signedInAgent(demo.server, { roles: ['supervisor'] })).client;
  plain = (await signedInAgent(demo.server)).client;
}, 90_000);
afterAll(async () => {
  await context?.close();
  await demo?.close();
  await receiver?.close();
  restoreEnv?.();
});

async function expectNoAxeViolations(name: string): Promise<void> {
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: `/tmp/console-deliveries-${name}.png`, fullPage: true });
  expect({ step: name, violations: await axeViolations(page) }).toEqual({ step: name, violations: [] });
}

async function openConsole(client: ConsoleClient): Promise<Page> {
  context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: client.cookie, url: demo.url }]);
  const p = await context.newPage();
  p.on('pageerror', (err) => console.error('console page error:', err));
  await p.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/queue`);
  await p.waitForSelector('h1:has-text("Queue")');
  return p;
}

async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 15_000;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a supervisor sees a failed delivery, redelivers it and a case’s history from the panel, by keyboard', async () => {
  const db = demo.server.store.db;
  const tenant = demo.server.tenant;
  const { webhook, secret } = await addWebhook(db, { tenant, name: 'Highways CRM', url: `${receiver.url}/crm`, services: ['highways'] });
  receiver.expect('/crm', secret);
  const c: CaseRow = await createCase(db, { tenant, referencePrefix: 'MBC', serviceId: 'highways.pothole', summary: 'Pothole by the bus stop', details: {}, location: null, actor: 'assistant' });
  await until('the first attempts', async () => receiver.at('/crm').length >= 1);
  await addCaseStatus(db, tenant, c.id, 'in_progress', 'Crew booked', 'agent:a1');
  await until('the first event to fail', async () => (await pushDeliveriesOfCase(db, tenant, c.id, webhook.id))[0]?.status === 'failed');

  page = await openConsole(supervisor);
  await tabTo(page, 'a[data-page="deliveries"]');
  expect(await page.locator('a[data-page="deliveries"]').innerText()).toBe('Back-office deliveries');
  await page.keyboard.press('Enter');
  await page.waitForSelector('h1:has-text("Back-office deliveries")');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  expect(await page.getAttribute('a[data-page="deliveries"]', 'aria-current')).toBe('page');
  const row = page.locator(`#deliveries-table tr:has(th:text("${c.reference}"))`);
  await row.waitFor();
  const text = await row.innerText();
  expect(text).toContain('Case created (change 1)');
  expect(text).toContain('Highways CRM');
  expect(text).toContain('Failed');
  expect(text).toContain('The receiver answered HTTP 503');
  expect(text).toContain('1 later change');
  expect(await row.locator('td').nth(3).innerText()).toBe('2');
  expect(await page.locator('[data-count="Failed"]').innerText()).toBe('1');
  expect(await page.locator('#webhooks-table').innerText()).toMatch(/Highways CRM[\s\S]*JSON[\s\S]*highways[\s\S]*Not sent[\s\S]*Enabled/);
  await expectNoAxeViolations('failed');

  // Redeliver, by keyboard: the button says what it redelivers to a screen reader.
  up = true;
  const redeliver = row.locator('button[data-action="redeliver"]');
  expect(await redeliver.innerText()).toContain(`Case created of case ${c.reference} to Highways CRM`);
  const failedId = (await pushDeliveriesOfCase(db, tenant, c.id, webhook.id))[0].id;
  await tabTo(page, `#deliveries-table tr[data-delivery="${failedId}"] button[data-action="redeliver"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-notification-banner--success');
  expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain(`Redelivering case ${c.reference} to Highways CRM; the 1 later change follows once it is delivered.`);
  await until('both events delivered', async () => receiver.delivered('/crm').length === 2);
  expect(receiver.delivered('/crm').map((r) => (JSON.parse(r.body) as { sequence: string }).sequence)).toEqual(['0000000001', '0000000002']);
  await until('the panel to show no failures', async () => {
    await page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    return page.locator('#deliveries-empty').isVisible();
  });
  await expectNoAxeViolations('redelivered');

  // The case's whole history again: an empty reference and an unknown one are refused first.
  await tabTo(page, '#delivery-history-form button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#delivery-history-form .govuk-error-summary:not([hidden])');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
  expect(await page.locator('#delivery-history-form .govuk-error-summary__list a').allTextContents()).toEqual(['Enter the case reference']);
  expect(await page.getAttribute('#delivery-history-reference', 'aria-invalid')).toBe('true');
  await expectNoAxeViolations('history-error');
  await page.locator('#delivery-history-form .govuk-error-summary__list a').press('Enter');
  expect(await describeFocus(page)).toMatch(/^input#delivery-history-reference/);
  await page.keyboard.type('MBC-000000');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#delivery-history-form .govuk-error-summary__list')?.textContent === 'No case has that reference');
  await page.fill('#delivery-history-reference', c.reference);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.govuk-notification-banner--success:has-text("Sending 2 changes of case ${c.reference} to Highways CRM again.")`);
  expect(await page.locator('#delivery-history-form .govuk-error-summary').isHidden()).toBe(true);
  await until('the history delivered again', async () => receiver.delivered('/crm').length === 4);
  expect(receiver.delivered('/crm').map((r) => (JSON.parse(r.body) as { sequence: string }).sequence)).toEqual(['0000000001', '0000000002', '0000000001', '0000000002']);
  await expectNoAxeViolations('history-sent');
  expect(receiver.refused).toEqual([]);
}, 90_000);

test('a plain agent has no Back-office deliveries entry, and its address shows their queue', async () => {
  await context?.close();
  page = await openConsole(plain);
  expect(await page.locator('a[href="#/deliveries"]').count()).toBe(0);
  await page.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/deliveries`);
  await page.waitForSelector('h1:has-text("Queue")');
  expect(await page.locator('#deliveries-table').count()).toBe(0);
  expect((await plain.call('GET', '/supervisor/deliveries')).status).toBe(403);
}, 60_000);
