import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import { chromium, type Browser } from 'playwright-core';
import { startWhatsAppHarness, type WhatsAppHarness } from '../../channels/meta/whatsapp-harness.fixture.js';
import { signedInAgent } from '../../test/console-client.js';
import { axeViolations } from './harness.js';

/**
 * The agent console in a real browser against the real server with WhatsApp on (the Graph API a
 * local stand-in): a WhatsApp conversation says how long the 24-hour reply window has left, and,
 * once it has closed, that a reply waits for the resident (a template asks them to write); a photo
 * the resident sent is a link that opens it; no axe violations. Set CONSOLE_SCREENSHOTS=1 to keep a screenshot in /tmp.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let h: WhatsAppHarness;
let browser: Browser;

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/build-web.mjs')], { cwd: repoRoot });
  h = await startWhatsAppHarness();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

test('a WhatsApp conversation shows the time left in the reply window, and what happens once it has closed', async () => {
  const waId = '447700977001';
  await h.say(waId, { type: 'text', text: { body: 'Can I speak to a person please' } });
  const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  await h.say(waId, { type: 'image', image: { id: h.graph.media.add(photo, 'image/jpeg'), mime_type: 'image/jpeg' } });
  await h.settle();
  const conversation = await h.server.store.db.selectFrom('conversations').select('id').where('tenant_id', '=', h.server.tenant).where('channel', '=', 'whatsapp').executeTakeFirstOrThrow();
  const { client } = await signedInAgent(h.server);
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: client.cookie, url: h.server.url }]);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  await page.goto(`${h.server.url}/console?tenant=${h.server.tenant}#/conversation/${conversation.id}`);
  const note = page.locator('#messaging-window');
  await note.waitFor({ state: 'visible' });
  expect(await note.innerText()).toMatch(/^WhatsApp reply window: 23 h 5\d min left \(until \d\d:\d\d\)\. After that, the resident is sent a message asking them to write/);
  const link = page.locator('#transcript .ca-message__attachment a');
  expect(await link.textContent()).toBe('Photo sent by the resident (opens in new tab)');
  const served = await page.evaluate(async (href) => {
    const res = await fetch(href);
    return { status: res.status, type: res.headers.get('content-type'), size: (await res.arrayBuffer()).byteLength };
  }, (await link.getAttribute('href'))!);
  expect(served).toEqual({ status: 200, type: 'image/jpeg', size: photo.length });
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: '/tmp/console-whatsapp-window.png', fullPage: true });
  expect(await axeViolations(page)).toEqual([]);

  // A day later (the resident's message 25 hours old): closed, and the reply will wait.
  await h.server.store.db.updateTable('messages').set({ created_at: sql`created_at - interval '25 hours'` }).where('conversation_id', '=', conversation.id).where('direction', '=', 'in').execute();
  await page.reload();
  await page.waitForFunction(() => /has closed/.test(document.getElementById('messaging-window')?.textContent ?? ''));
  expect(await note.innerText()).toMatch(/The WhatsApp reply window has closed: the resident last wrote more than 24 hours ago\. If you reply, the resident is sent a message/);
  await context.close();
}, 90_000);
