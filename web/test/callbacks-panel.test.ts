import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { startTwilioStandIn, type TwilioStandIn } from '../../channels/twilio/twilio-stand-in.fixture.js';
import { createCallback, createConversation } from '../../store/index.js';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { axeViolations, startDemo, tabTo, type Demo } from './harness.js';

/**
 * The console's call-back queue (issue 14, item 2) in a real browser against the real server and
 * the Twilio stand-in: an agent reaches "Call-backs" from the navigation by keyboard, sees two
 * call-backs soonest first, the late one marked overdue and the complaint marked with its target;
 * "Call now" makes Twilio ring the agent (the stand-in records the call) and the row shows it being
 * called, with a form for the outcome. No axe violations on any step.
 */

const ENV = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'TWILIO_API_BASE_URL', 'PUBLIC_URL'];
const saved: Record<string, string | undefined> = {};
let stand: TwilioStandIn;
let demo: Demo;
let agent: ConsoleClient;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  stand = await startTwilioStandIn();
  for (const k of ENV) saved[k] = process.env[k];
  Object.assign(process.env, { TWILIO_ACCOUNT_SID: stand.accountSid, TWILIO_AUTH_TOKEN: stand.authToken, TWILIO_FROM: '+441632960100', TWILIO_API_BASE_URL: stand.url });
  delete process.env.PUBLIC_URL;
  demo = await startDemo();
  process.env.PUBLIC_URL = demo.url;
  agent = (await signedInAgent(demo.server, { skills: [] })).client;
}, 90_000);
afterAll(async () => {
  await context?.close();
  await demo?.close();
  await stand?.close();
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

async function expectNoAxeViolations(name: string): Promise<void> {
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: `/tmp/console-callbacks-${name}.png`, fullPage: true });
  expect({ step: name, violations: await axeViolations(page) }).toEqual({ step: name, violations: [] });
}

test('an agent opens the call-back queue by keyboard, sees the overdue one marked, and calls it', async () => {
  const db = demo.server.store.db;
  const tenant = demo.server.tenant;
  const now = Date.now();
  const make = async (phone: string, dueAt: Date, kind: 'standard' | 'complaint') => {
    const conversation = await createConversation(db, { tenant, channel: 'webchat' });
    const id = randomUUID();
    await createCallback(db, { id, tenant, conversationId: conversation.id, contactId: null, phone, reason: 'resident_request', serviceId: null, queueId: 'general', kind, slotAt: kind === 'standard' ? dueAt : null, dueAt, maxAttempts: 3, retryAfterMinutes: 30 });
    return id;
  };
  const late = await make('+447700900601', new Date(now - 20 * 60_000), 'standard');
  const complaint = await make('+447700900602', new Date(now + 45 * 60_000), 'complaint');

  context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: agent.cookie, url: demo.url }]);
  page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  await page.goto(`${demo.url}/console?tenant=${tenant}#/queue`);
  await page.waitForSelector('h1:has-text("Queue")');

  await tabTo(page, 'a[data-page="callbacks"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('h1:has-text("Call-backs")');
  expect(await page.getAttribute('a[data-page="callbacks"]', 'aria-current')).toBe('page');
  await page.waitForSelector(`#callbacks-table tr[data-callback="${complaint}"]`);
  const ids = await page.locator('#callbacks-table tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.callback));
  expect(ids).toEqual([late, complaint]);
  const lateRow = page.locator(`#callbacks-table tr[data-callback="${late}"]`);
  expect(await lateRow.getAttribute('data-overdue')).toBe('true');
  expect(await lateRow.innerText()).toMatch(/Overdue[\s\S]*\+447700900601[\s\S]*Waiting[\s\S]*Calls made: 0 of 3/);
  const complaintRow = page.locator(`#callbacks-table tr[data-callback="${complaint}"]`);
  expect(await complaintRow.innerText()).toContain('Complaint: 60-minute target');
  expect(await complaintRow.getAttribute('data-overdue')).toBeNull();
  await expectNoAxeViolations('queue');

  // A number that is not one: refused with the field marked, nothing placed.
  await page.fill('#callback-agent-phone', 'my desk');
  await lateRow.locator('button[data-action="call"]').click();
  await page.waitForSelector('#callback-agent-phone[aria-invalid="true"]');
  expect(stand.createdCalls).toHaveLength(0);
  await expectNoAxeViolations('bad-number');

  await page.fill('#callback-agent-phone', '');
  await tabTo(page, `#callbacks-table tr[data-callback="${late}"] button[data-action="call"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-notification-banner--success:has-text("The console will ring first; then the resident on +447700900601.")');
  expect(stand.createdCalls).toHaveLength(1);
  expect(stand.createdCalls[0].params.get('To')).toMatch(/^client:agent-/);
  expect(stand.createdCalls[0].params.get('Twiml')).toContain('<Number>+447700900601</Number>');
  await page.waitForSelector(`#callbacks-table tr[data-callback="${late}"] textarea`);
  expect(await lateRow.innerText()).toMatch(/Calling[\s\S]*Calls made: 1 of 3/);
  await expectNoAxeViolations('calling');

  // Cancel the complaint's call-back by keyboard: the reason is required, then it leaves the queue.
  await tabTo(page, `#callbacks-table tr[data-callback="${complaint}"] summary`);
  await page.keyboard.press('Enter');
  await tabTo(page, `#callback-cancel-${complaint}`);
  await tabTo(page, `#callbacks-table tr[data-callback="${complaint}"] button[data-action="cancel"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#callback-cancel-${complaint}[aria-invalid="true"]`);
  await expectNoAxeViolations('cancel-no-reason');
  await tabTo(page, `#callback-cancel-${complaint}`, { backwards: true });
  await page.keyboard.type('Resident rang in and it was sorted');
  await tabTo(page, `#callbacks-table tr[data-callback="${complaint}"] button[data-action="cancel"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-notification-banner--success:has-text("The call-back to +447700900602 is cancelled and out of the queue.")');
  await page.waitForSelector(`#callbacks-table tr[data-callback="${complaint}"]`, { state: 'detached' });
  await expectNoAxeViolations('cancelled');

  // Live: a call-back cancelled elsewhere leaves this page at once, over the console socket (the fallback poll is 60 s while connected).
  const another = await make('+447700900603', new Date(now + 90 * 60_000), 'standard');
  await page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
  await page.waitForSelector(`#callbacks-table tr[data-callback="${another}"]`);
  expect((await agent.call('POST', `/callbacks/${another}/cancel`, { reason: 'Duplicate of an earlier request' })).status).toBe(200);
  await page.waitForSelector(`#callbacks-table tr[data-callback="${another}"]`, { state: 'detached', timeout: 5000 });
}, 90_000);
