import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { axeViolations, lastBotText, openDemoPage, openWidgetByKeyboard, say, startDemo, type Demo } from './harness.js';

/**
 * What a resident in the widget is told when an agent acts (conversations/notices.ts), in a real
 * browser against the real server: the agent joining, handing back and closing each show up live
 * (no reload, no message from the resident first); after the close the widget says so, and the
 * resident's next message starts afresh with the assistant rather than resuming the report they
 * were half-way through. The widget with the notices has no axe violations.
 */

let demo: Demo;
let agent: ConsoleClient;

beforeAll(async () => {
  demo = await startDemo();
  const signedIn = await signedInAgent(demo.server, { skills: ['waste', 'highways', 'street_scene', 'housing', 'safety', 'social_care'] });
  await demo.server.store.db.updateTable('agents').set({ name: 'Priya Shah' }).where('id', '=', signedIn.agentId).execute();
  agent = signedIn.client;
}, 60000);
afterAll(async () => {
  await demo?.close();
});

/** The resident's waiting handoff, as the agent's queue lists it. */
async function waitingHandoff(conversationId: string): Promise<{ id: string }> {
  for (let i = 0; i < 100; i++) {
    const queue = await agent.call('GET', '/queue');
    const found = (queue.body.handoffs as { id: string; conversationId: string }[]).find((h) => h.conversationId === conversationId);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the handoff never reached the queue');
}

async function conversationIdOf(page: Page): Promise<string> {
  const id = await page.evaluate(() => {
    for (const storage of [sessionStorage, localStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const m = /"conversationId":"([0-9a-f-]{36})"/.exec(storage.getItem(storage.key(i)!) ?? '');
        if (m) return m[1];
      }
    }
    return null;
  });
  if (!id) throw new Error('no stored conversation');
  return id;
}

const notice = (page: Page, text: string) => page.waitForSelector(`#ca-log .ca-msg:has-text(${JSON.stringify(text)})`, { timeout: 10000 });

test('join, hand back and close notices show live in the widget; a message after the close starts afresh', async () => {
  const resident = await openDemoPage(demo);
  const navigations: string[] = [];
  resident.on('framenavigated', (frame) => {
    if (frame === resident.mainFrame()) navigations.push(frame.url());
  });
  await openWidgetByKeyboard(resident);
  await say(resident, 'I want to speak to a real person');
  await resident.waitForSelector('#ca-status:not([hidden]):has-text("Waiting for an adviser")');
  const conversationId = await conversationIdOf(resident);

  // Accept: the join notice and who the resident is talking to, without a reload.
  const first = await waitingHandoff(conversationId);
  expect((await agent.call('POST', `/handoffs/${first.id}/accept`)).status).toBe(200);
  await notice(resident, 'Priya from');
  expect(await resident.locator('#ca-log .ca-msg').last().innerText()).toMatch(/Priya from .+ has joined the conversation\./);
  await resident.waitForSelector('#ca-status:has-text("talking to Priya")', { timeout: 10000 });

  // Hand back: the notice appears live and the adviser status goes.
  expect((await agent.call('POST', `/conversations/${conversationId}/hand-back`)).status).toBe(204);
  await notice(resident, "Priya has handed you back to the assistant; I'm here if you need anything else.");
  await resident.waitForSelector('#ca-status', { state: 'hidden', timeout: 10000 });

  // Mid-report, the resident asks for a person again; the agent accepts and closes.
  await say(resident, "my bin wasn't collected");
  expect(await lastBotText(resident)).toMatch(/postcode|address/i);
  await say(resident, 'I want to speak to a real person');
  await resident.waitForSelector('#ca-status:not([hidden]):has-text("Waiting for an adviser")');
  const second = await waitingHandoff(conversationId);
  expect((await agent.call('POST', `/handoffs/${second.id}/accept`)).status).toBe(200);
  await resident.waitForSelector('#ca-status:has-text("talking to Priya")', { timeout: 10000 });
  expect((await agent.call('POST', `/conversations/${conversationId}/close`, { outcome: 'resolved' })).status).toBe(204);
  await notice(resident, 'Priya has closed this conversation. If you need us again, just send a message and the assistant will start afresh.');
  await resident.waitForSelector('#ca-status:not([hidden]):has-text("This conversation is closed")', { timeout: 10000 });
  // Each notice once, as the council's message, and the resident may still write.
  const log = await resident.locator('#ca-log .ca-msg').allInnerTexts();
  expect(log.filter((t) => /has joined the conversation/.test(t))).toHaveLength(2);
  expect(log.filter((t) => /handed you back/.test(t))).toHaveLength(1);
  expect(log.filter((t) => /has closed this conversation/.test(t))).toHaveLength(1);
  expect(log.filter((t) => /call you|ring you/i.test(t))).toEqual([]);
  expect(await resident.isEnabled('#ca-input')).toBe(true);
  const violations = await axeViolations(resident);
  expect(violations).toEqual([]);

  // A message after the close starts afresh: not read as the report's address.
  await resident.focus('#ca-input');
  await say(resident, 'hello again');
  expect(await lastBotText(resident)).not.toMatch(/postcode|address|which bin|couldn't find/i);
  await resident.waitForSelector('#ca-status', { state: 'hidden', timeout: 10000 });
  const state = await demo.server.store.db.selectFrom('conversations').select('state').where('id', '=', conversationId).executeTakeFirstOrThrow();
  expect(state.state).toBe('bot');

  // All of it live: the page was never reloaded.
  expect(navigations).toEqual([]);
  await resident.context().close();
}, 90000);
