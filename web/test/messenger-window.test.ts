import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import { chromium, type Browser, type Page } from 'playwright-core';
import { newUserId, startMessengerHarness, type MessengerHarness } from '../../channels/meta/messenger-harness.fixture.js';

import { whatsappMessage } from '../../channels/meta/whatsapp-harness.fixture.js';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { axeViolations } from './harness.js';

/**
 * The agent console in a real browser against the real server with Messenger and WhatsApp on (the
 * Graph and Send APIs a local stand-in): a Messenger conversation says how long its 24-hour window
 * has left and, once it has closed, whether an adviser's reply may still go (the HUMAN_AGENT tag, 7
 * days, where the Page may) or not; a reply refused outside the window shows why, without a
 * reload; a WhatsApp reply held for the window says it waits for the resident and why; no axe
 * violations. Set CONSOLE_SCREENSHOTS=1 to keep a screenshot in /tmp.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let h: MessengerHarness;
let browser: Browser;

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/build-web.mjs')], { cwd: repoRoot });
  h = await startMessengerHarness();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const db = () => h.server.store.db;

/** The resident's latest conversation on the channel, handed to an agent who accepts it. */
async function acceptedBy(client: ConsoleClient, channel: string): Promise<string> {
  const conversation = await db().selectFrom('conversations').select('id').where('tenant_id', '=', h.server.tenant).where('channel', '=', channel).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
  let item: { id: string } | undefined;
  await h.waitFor(async () => {
    item = (await client.call('GET', '/queue')).body.handoffs.find((x: { conversationId: string }) => x.conversationId === conversation.id);
    return !!item;
  }, 'the handoff in the queue');
  expect((await client.call('POST', `/handoffs/${item!.id}/accept`)).status).toBe(200);
  return conversation.id;
}

/** The resident last wrote `hours` ago. */
const lastWrote = (conversationId: string, hours: number) =>
  sql`update messages set created_at = ${new Date(Date.now() - hours * 3600_000)} where tenant_id = ${h.server.tenant} and conversation_id = ${conversationId} and direction = 'in'`.execute(db());

async function open(client: ConsoleClient, conversationId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: client.cookie, url: h.server.url }]);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  await page.goto(`${h.server.url}/console?tenant=${h.server.tenant}#/conversation/${conversationId}`);
  await page.locator('#messaging-window').waitFor({ state: 'visible' });
  return page;
}

test('Messenger: the window and the HUMAN_AGENT tag beside the conversation, and a refused reply with its reason', async () => {
  const psid = newUserId();
  await h.say('messenger', psid, h.text('can I talk to a person please'));
  const { client } = await signedInAgent(h.server);
  const conversationId = await acceptedBy(client, 'messenger');
  const channels = h.server.assistant.runtime(h.server.tenant).pack.settings.channels;
  expect(channels.messengerHumanAgentTag).toBe(false); // the demo Page has no Human Agent permission

  const page = await open(client, conversationId);
  const note = page.locator('#messaging-window');
  expect(await note.innerText()).toMatch(/^Messenger reply window: 23 h 5\d min left \(until \d\d:\d\d\)\. After that, a reply cannot be sent until the resident writes again\.$/);

  // 25 hours on, without the permission: closed to replies; a reply sent now is refused, and says why.
  await lastWrote(conversationId, 25);
  await page.reload();
  await page.waitForFunction(() => /has closed/.test(document.getElementById('messaging-window')?.textContent ?? ''));
  expect(await note.innerText()).toBe(
    "The Messenger reply window has closed: the resident last wrote more than 24 hours ago and the council's Page may not send an adviser's reply after that, so a reply cannot be sent until the resident writes again.",
  );
  await page.locator('#reply').fill('Sorry for the wait: your bin will be collected tomorrow.');
  await page.locator('button.ca-send').click();
  const refused = page.locator('#transcript .ca-message--agent .ca-message__delivery');
  await refused.waitFor({ state: 'visible', timeout: 10_000 }); // no reload: the view looks again after a reply
  expect(await refused.textContent()).toMatch(
    /^Not sent: outside Messenger's 24-hour messaging window \(the resident last wrote 25 hours ago\) and the council's Page has no Human Agent permission \(channels\.messengerHumanAgentTag\); it can be sent once the resident writes again$/,
  );
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: '/tmp/console-messenger-window.png', fullPage: true });
  expect(await axeViolations(page)).toEqual([]);

  // With the permission: an adviser's reply may still go, tagged, until 7 days after the resident wrote.
  channels.messengerHumanAgentTag = true;
  try {
    await page.reload();
    await page.waitForFunction(() => /human agent's reply, possible/.test(document.getElementById('messaging-window')?.textContent ?? ''));
    expect(await note.innerText()).toMatch(
      /^The Messenger 24-hour window has closed: your reply is sent as a human agent's reply, possible for 5 days 2\d h more \(until \w{3} \d{1,2} \w{3} \d\d:\d\d\)\. After that, a reply cannot be sent until the resident writes again\.$/,
    );
    expect(await refused.textContent()).toMatch(/^Not sent: outside Messenger's 24-hour/); // the refused reply keeps its reason
  } finally {
    channels.messengerHumanAgentTag = false;
  }
  await page.context().close();
}, 90_000);

test('WhatsApp: a reply held outside the 24-hour window says it waits for the resident, and why', async () => {
  const waId = '447700977101';
  const raw = (body: string) => whatsappMessage(waId, { type: 'text', text: { body } });
  expect((await h.post(raw('Can I speak to a person please'))).status).toBe(200);
  await h.waitFor(() => h.graph.sent.some((s) => s.body.to === waId), 'the WhatsApp answer');
  const { client } = await signedInAgent(h.server);
  const conversationId = await acceptedBy(client, 'whatsapp');
  await lastWrote(conversationId, 25);
  expect((await client.call('POST', `/conversations/${conversationId}/messages`, { text: 'Your bin will be collected tomorrow.' })).status).toBe(201);
  await h.waitFor(async () => (await client.call('GET', `/conversations/${conversationId}`)).body.transcript.some((m: { delivery?: { status: string } }) => m.delivery?.status === 'held'), 'the held reply');

  const page = await open(client, conversationId);
  const held = page.locator('#transcript .ca-message--agent .ca-message__delivery');
  await held.waitFor({ state: 'visible' });
  expect(await held.textContent()).toMatch(/^Waiting for the resident to write: the 24-hour window closed at \d{4}-\d\d-\d\dT/);
  expect(await axeViolations(page)).toEqual([]);
  await page.context().close();
}, 90_000);
