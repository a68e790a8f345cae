import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { startEmailHarness, type EmailHarness } from '../../channels/email/email-harness.fixture.js';
import { signedInAgent } from '../../test/console-client.js';
import { axeViolations } from './harness.js';

/**
 * The agent console in a real browser with an e-mail conversation (real SMTP in and out, local):
 * the queue names the channel "E-mail", the conversation says its resident may take days and until
 * when their next mail continues it, and the adviser's reply typed in the console leaves by e-mail;
 * no axe violations.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let h: EmailHarness;
let browser: Browser;

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/build-web.mjs')], { cwd: repoRoot });
  h = await startEmailHarness();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

test('an e-mail in the queue, its days-long window, and an adviser answering it by e-mail', async () => {
  const resident = `console.${Date.now()}@example.net`;
  await h.send({ from: resident, subject: 'Help please', text: 'can I talk to a person please' });
  await h.waitFor(() => h.mailsTo(resident).length > 0, 'the assistant’s answer');
  await h.settle();
  const { client } = await signedInAgent(h.server);

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: client.cookie, url: h.server.url }]);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  await page.goto(`${h.server.url}/console?tenant=${h.server.tenant}#/queue`);
  const row = page.locator('#queue-table tbody tr', { hasText: 'E-mail' });
  await row.first().waitFor({ state: 'visible' });
  expect(await row.count()).toBe(1);
  expect(await row.locator('.ca-email-pace').innerText()).toBe('Answers by e-mail: may take days');
  expect(await axeViolations(page)).toEqual([]);

  await row.getByRole('button', { name: /accept/i }).click();
  const note = page.locator('#messaging-window');
  await note.waitFor({ state: 'visible' });
  expect(await note.innerText()).toMatch(/^E-mail: the resident may take days to answer\. Their next e-mail continues this conversation until \w{3} \d{1,2} \w{3} \d\d:\d\d \(1[34] days? .*\); your reply is sent by e-mail whenever you send it\.$/);

  const before = h.mailsTo(resident).length;
  await page.getByRole('textbox', { name: /reply|message/i }).first().fill('Hello, this is the council. How can I help?');
  await page.getByRole('button', { name: /^send/i }).first().click();
  await h.waitFor(() => h.mailsTo(resident).slice(before).some((m) => /this is the council/.test(m.mail.text ?? '')), 'the adviser’s reply by e-mail');
  expect(h.mailsTo(resident).slice(before).find((m) => /this is the council/.test(m.mail.text ?? ''))!.mail.subject).toBe('Re: Help please');
  expect(await axeViolations(page)).toEqual([]);
  await context.close();
}, 90_000);
