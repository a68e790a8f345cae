import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { signedInAgent } from '../../test/console-client.js';
import { Resident } from '../../test/server.js';
import { axeViolations, startDemo, type Demo } from './harness.js';

/**
 * Urgent work in the console, in a real browser against the real server and assistant (demo
 * council, `urgentOverflow: all_agents`): with nobody who has the safety skill signed in, a
 * resident's disclosure is offered to an agent without it, who hears the alert, sees the flag in
 * their queue and opens it; the context panel keeps the safety flag from the earlier message
 * after an ordinary one, in words (no internal ids), with no axe violations. Once a safety-skilled
 * agent is available, the next disclosure is theirs: the other agent neither lists nor hears it.
 * Set CONSOLE_SCREENSHOTS=1 to keep screenshots of the queue and the conversation in /tmp.
 */

let demo: Demo;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  demo = await startDemo();
}, 60000);
afterAll(async () => {
  await context?.close();
  await demo?.close();
});

const urgentAnnouncement = () => page.evaluate(() => document.getElementById('announcer-urgent')?.textContent ?? '');

test('overflow: an agent without the safety skill is alerted, sees the flag, opens it; the panel keeps the flag in words', async () => {
  const gus = await signedInAgent(demo.server, { skills: ['waste'] });
  context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: gus.client.cookie, url: demo.url }]);
  page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  await page.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/queue`);
  await page.waitForSelector('h1:has-text("Queue")');
  await page.waitForFunction(() => (document.getElementById('presence') as HTMLSelectElement | null)?.value === 'available');
  // Every urgent announcement is kept: a later one (the routing pass's offer) may replace the text
  // before a slow, loaded machine polls it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { urgentAnnouncements: string[] }).urgentAnnouncements = seen;
    const el = document.getElementById('announcer-urgent')!;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });

  const resident = await new Resident(demo.url, demo.server.tenant).start();
  const first = await resident.say("I can't go on, I'm going to kill myself tonight");
  expect(first.some((m) => m.handoff?.priority === 'urgent')).toBe(true);
  // An ordinary message after it: the flag must not fall off.
  await resident.say('also my bin was not collected');

  const row = page.locator(`#queue-table .ca-queue-row[data-conversation="${resident.conversationId}"]`);
  await row.waitFor({ timeout: 10000 });
  expect(await row.getAttribute('data-priority')).toBe('urgent');
  expect(await row.locator('.ca-safety-flag').innerText()).toBe('Risk to life: suicide or self-harm');
  expect(await row.locator('.ca-overflow').innerText()).toMatch(/no one with the right skills is available/);
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: '/tmp/console-urgent-queue.png', fullPage: true });
  await page.waitForFunction(() =>
    (window as unknown as { urgentAnnouncements: string[] }).urgentAnnouncements.some((t) => /Urgent handoff: Risk to life: suicide or self-harm/.test(t)),
  );

  await row.locator('button.ca-accept').click();
  await page.waitForSelector('#ctx-safety');
  await page.waitForFunction(() => /bin was not collected/.test(document.getElementById('transcript')?.textContent ?? ''));
  const panel = page.locator('.ca-context');
  expect(await page.locator('#ctx-safety .ca-safety-flag').innerText()).toBe('Risk to life: suicide or self-harm');
  const text = await panel.innerText();
  expect(text).not.toMatch(/safety\.|meta\.|Meta |out_of_scope|[a-z]_[a-z]/);
  expect(await page.locator('.ca-conv-meta .ca-safety-flag').innerText()).toBe('Risk to life: suicide or self-harm');
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: '/tmp/console-urgent-conversation.png', fullPage: true });
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
}, 60000);

test('with a safety-skilled agent available, the next disclosure is not listed or announced to the agent without the skill', async () => {
  const sam = await signedInAgent(demo.server, { skills: ['safety', 'social_care'] });
  expect((await sam.client.call('PUT', '/me/status', { status: 'available' })).status).toBe(200);
  await page.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/queue`);
  await page.waitForSelector('h1:has-text("Queue")');
  await page.evaluate(() => (document.getElementById('announcer-urgent')!.textContent = ''));

  const resident = await new Resident(demo.url, demo.server.tenant).start();
  const replies = await resident.say('my neighbour is hitting his kids, I can hear them screaming');
  expect(replies.some((m) => m.handoff?.priority === 'urgent')).toBe(true);
  // Sam lists it; Gus's console refreshes its queue (queue:changed) and still does not.
  await expect(sam.client.call('GET', '/queue').then((r) => r.body.handoffs.map((h: { conversationId: string }) => h.conversationId))).resolves.toContain(resident.conversationId);
  await page.waitForTimeout(1500);
  expect(await page.locator(`.ca-queue-row[data-conversation="${resident.conversationId}"]`).count()).toBe(0);
  expect(await urgentAnnouncement()).toBe('');
}, 40000);
