import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { signedInAgent } from '../../test/console-client.js';
import { axeViolations, describeFocus, lastBotText, openDemoPage, openWidgetByKeyboard, say, startDemo, tabTo, type Demo } from './harness.js';

/**
 * The widget's End chat control against the real server and bot: keyboard only, an accessible
 * confirmation (Escape backs out), the ended state, and "Start a new chat". Also: the numbers in
 * a safety reply are tap-to-call links.
 */

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
}, 60000);
afterAll(async () => demo?.close());

function storedConversationId(page: Page): Promise<string | null> {
  // The key is per tenant, and each test server has its own copy of the demo council.
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => /^council-assistant:[^:]+$/.test(k));
    const raw = key ? localStorage.getItem(key) : null;
    return raw ? (JSON.parse(raw) as { conversationId: string }).conversationId : null;
  });
}

async function conversationState(id: string): Promise<string> {
  const row = await demo.server.store.db.selectFrom('conversations').select('state').where('id', '=', id).executeTakeFirstOrThrow();
  return row.state;
}

/** Tab (backwards, from the input) to End chat, Enter, and check the confirmation has focus. */
async function openConfirmation(page: Page): Promise<void> {
  await tabTo(page, 'button.ca-end', { backwards: true });
  expect(await page.locator('button.ca-end').getAttribute('aria-expanded')).toBe('false');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#ca-end-confirm', { state: 'visible' });
  expect(await describeFocus(page)).toMatch(/^button "Yes, end chat"/);
  expect(await page.locator('button.ca-end').getAttribute('aria-expanded')).toBe('true');
}

async function waitForEnded(page: Page): Promise<void> {
  await page.waitForSelector('#ca-log .ca-ended', { timeout: 15000 });
  await page.waitForFunction(() => !document.querySelector('.ca-typing--on'));
}

test('a resident ends the chat with the keyboard only, then starts a new one', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  await say(page, 'When is my bin day?');
  const first = await storedConversationId(page);
  expect(first).toBeTruthy();

  // The confirmation is reachable, passes axe, and Escape backs out of it (not out of the panel).
  await openConfirmation(page);
  expect(await page.locator('#ca-end-confirm').innerText()).toMatch(/End this chat\?[\s\S]*closes the conversation/);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/widget-end-confirm.png' });
  await page.keyboard.press('Escape');
  expect(await page.locator('#ca-end-confirm').isHidden()).toBe(true);
  expect(await page.locator('#ca-panel').isVisible()).toBe(true);
  expect(await describeFocus(page)).toMatch(/^button "End chat"/);
  expect(await page.locator('button.ca-end').getAttribute('aria-expanded')).toBe('false');

  // Again, and this time confirm.
  await page.keyboard.press('Enter');
  await page.waitForSelector('#ca-end-confirm', { state: 'visible' });
  await page.keyboard.press('Enter');
  await waitForEnded(page);
  expect(await page.locator('#ca-log .ca-msg--resident').last().innerText()).toMatch(/End chat/);
  expect(await lastBotText(page)).toMatch(/ended this chat/i);
  expect(await page.locator('#ca-log .ca-ended').innerText()).toMatch(/You've ended this chat[\s\S]*Start a new chat/);
  expect(await describeFocus(page)).toMatch(/^p "You've ended this chat"/);
  expect(await page.locator('#ca-input').isDisabled()).toBe(true);
  expect(await page.locator('.ca-send').isDisabled()).toBe(true);
  expect(await page.locator('button.ca-end').isHidden()).toBe(true);
  expect(await conversationState(first!)).toBe('closed');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/widget-ended.png' });

  // A reload keeps it ended: no input to type into a closed conversation.
  await page.reload();
  await page.waitForSelector('#ca-log .ca-ended');
  expect(await page.locator('#ca-input').isDisabled()).toBe(true);
  expect(await storedConversationId(page)).toBe(first);

  // "Start a new chat", by keyboard: a new conversation, the input back and focused.
  await tabTo(page, '.ca-ended button');
  expect(await describeFocus(page)).toMatch(/Start a new chat/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'ca-input' && !document.querySelector('.ca-ended'), undefined, { timeout: 15000 });
  const second = await storedConversationId(page);
  expect(second).toBeTruthy();
  expect(second).not.toBe(first);
  expect(await page.locator('#ca-log .ca-msg--resident').count()).toBe(0);
  expect(await page.locator('button.ca-end').isVisible()).toBe(true);
  await say(page, 'When is my bin day?');
  expect(await conversationState(second!)).not.toBe('closed');
  expect(await conversationState(first!)).toBe('closed');
  await page.context().close();
}, 60000);

test('numbers in a safety reply are tap-to-call links, and End chat works while the resident waits for a person', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  await say(page, 'there is a gas leak in my street');
  const reply = page.locator('#ca-log .ca-msg--bot').filter({ hasText: '0800 111 999' }).last();
  const gas = reply.locator('a[href="tel:+44800111999"]');
  expect(await gas.count()).toBe(1);
  expect(await gas.innerText()).toBe('0800 111 999');
  expect(await reply.locator('a[href="tel:999"]').count()).toBeGreaterThan(0);
  const id = await storedConversationId(page);
  expect(['queued', 'with_agent']).toContain(await conversationState(id!));
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/widget-tel-links.png' });
  // The links are reachable by keyboard, named by their number.
  await tabTo(page, 'a[href="tel:+44800111999"]', { backwards: true });

  await page.locator('#ca-input').focus();
  await openConfirmation(page);
  // A safety handoff stays with the team: the resident is not told they leave the queue.
  expect(await page.locator('#ca-end-hint').innerText()).toMatch(/Our team will still see what you told us/);
  await page.keyboard.press('Enter');
  await waitForEnded(page);
  expect(await conversationState(id!)).toBe('closed');
  // The status line no longer says the resident is waiting.
  expect(await page.locator('#ca-status').isHidden()).toBe(true);
  await page.context().close();
}, 60000);

test('End chat while talking to an adviser (whose reply the widget heard live): the conversation and the handoff close', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  await say(page, 'can I talk to a person please');
  const id = await storedConversationId(page);

  // An adviser takes it in the console and writes; the widget hears it over its live connection.
  const { client } = await signedInAgent(demo.server);
  const queue = await client.call('GET', '/queue');
  const item = queue.body.handoffs.find((h: { conversationId: string }) => h.conversationId === id);
  expect(item).toBeDefined();
  expect((await client.call('POST', `/handoffs/${item.id}/accept`)).status).toBe(200);
  expect((await client.call('POST', `/conversations/${id}/messages`, { text: 'Hello, how can I help?' })).status).toBe(201);
  await page.waitForSelector('#ca-log .ca-msg--agent', { timeout: 15000 });
  await page.waitForFunction(() => /talking to/.test(document.getElementById('ca-status')?.textContent ?? ''));
  expect(await conversationState(id!)).toBe('with_agent');

  await page.locator('#ca-input').focus();
  await openConfirmation(page);
  expect(await page.locator('#ca-end-hint').innerText()).toMatch(/conversation with the adviser will close/);
  await page.keyboard.press('Enter');
  await waitForEnded(page);
  expect(await conversationState(id!)).toBe('closed');
  expect(await page.locator('#ca-status').isHidden()).toBe(true);
  const handoff = await demo.server.store.db.selectFrom('handoffs').select(['closed_at']).where('id', '=', item.id).executeTakeFirstOrThrow();
  expect(handoff.closed_at).not.toBeNull();
  expect(await axeViolations(page)).toEqual([]);
  await page.context().close();
}, 60000);
