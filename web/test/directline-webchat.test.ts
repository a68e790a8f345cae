import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { startTestServer, type TestServer } from '../../test/server.js';

/**
 * Microsoft's Bot Framework Web Chat (the botframework-webchat package's browser bundle), in
 * Chromium, against the assistant's own Direct Line 3.0 endpoints, no stand-in: a council's page
 * (served here from a local server of its own, another origin, as a council site would be) gets a
 * token from its back end, which holds the Direct Line secret, and renders Web Chat with the
 * assistant's origin as its `domain`. The resident reports a missed bin by clicking suggested
 * actions to a case reference; a reload resumes the conversation with the saved watermark (what
 * came after the resident's last message is shown again, nothing before it); after a handoff an
 * agent's reply from the console shows up. Our page's own markup has no axe violations.
 */

const SECRET = 'dl-browser-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const bundle = path.resolve('node_modules/botframework-webchat/dist/webchat.js');

let server: TestServer;
let site: http.Server;
let siteUrl = '';
let browser: Browser;
let agent: ConsoleClient;

/** The council's page: Web Chat against the assistant, resumed from sessionStorage after a reload. */
const page = (domain: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Contact Merebrook Borough Council</title>
<style>body{font-family:sans-serif;margin:0}main{max-width:40rem;margin:0 auto;padding:1rem}#webchat{height:70vh;border:1px solid #505a5f}</style>
</head>
<body>
<main>
<h1>Chat with the council</h1>
<p>Ask a question or report a problem. You can leave and come back: the chat carries on.</p>
<section id="webchat" aria-label="Chat with the council's assistant"></section>
</main>
<script src="/webchat.js"></script>
<script>
(async () => {
  const domain = ${JSON.stringify(domain)};
  let saved = JSON.parse(sessionStorage.getItem('council-chat') || 'null');
  if (!saved) {
    const t = await (await fetch('/token', { method: 'POST' })).json();
    saved = { token: t.token, conversationId: t.conversationId, watermark: '' };
    sessionStorage.setItem('council-chat', JSON.stringify(saved));
  }
  const directLine = saved.watermark
    ? window.WebChat.createDirectLine({ domain, token: saved.token, conversationId: saved.conversationId, watermark: saved.watermark })
    : window.WebChat.createDirectLine({ domain, token: saved.token });
  // The watermark of the resident's last message: a reload shows again what came after it.
  directLine.activity$.subscribe((a) => {
    const seq = /\\|(\\d+)$/.exec(a.id || '');
    if (a.from && a.from.role === 'user' && seq) {
      saved.watermark = String(Number(seq[1]));
      sessionStorage.setItem('council-chat', JSON.stringify(saved));
    }
  });
  window.WebChat.renderWebChat({ directLine, userID: 'dl_resident', locale: 'en-GB' }, document.getElementById('webchat'));
})();
</script>
</body>
</html>`;

beforeAll(async () => {
  server = await startTestServer({ env: { ...process.env, DIRECTLINE_SECRET: SECRET } });
  agent = (await signedInAgent(server, { skills: ['waste', 'highways', 'street_scene', 'housing', 'safety', 'social_care'] })).client;
  await server.store.db.updateTable('agents').set({ name: 'Priya Shah' }).where('tenant_id', '=', server.tenant).execute();
  site = http.createServer(async (req, res) => {
    if (req.url === '/webchat.js') return void fs.createReadStream(bundle).pipe(res.writeHead(200, { 'content-type': 'text/javascript' }));
    if (req.url === '/token' && req.method === 'POST') {
      // The council's back end: the secret stays on the server, the browser gets a token for one conversation.
      const r = await fetch(`${server.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' }, body: JSON.stringify({ user: { id: 'dl_resident' } }) });
      return void res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text());
    }
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(`${server.url}/v3/directline`));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://localhost:${(site.address() as { port: number }).port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 60000);
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => site?.close(r));
  await server?.close();
});

const bubbles = (p: Page) => p.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
const lastBotText = async (p: Page) => (await bubbles(p).last().innerText()).trim();

/** Waits for a bot message matching `text` to be shown. */
async function shows(p: Page, text: RegExp, timeout = 15000): Promise<void> {
  await p.waitForFunction(
    ({ source, flags }) => Array.from(document.querySelectorAll('.webchat__bubble__content')).some((b) => new RegExp(source, flags).test(b.textContent ?? '')),
    { source: text.source, flags: text.flags },
    { timeout },
  );
}

/** Clicks the suggested action labelled `label` and waits for the bot's next message. */
async function click(p: Page, label: RegExp | string): Promise<void> {
  const before = await bubbles(p).count();
  const action = p.locator('.webchat__suggested-action').filter({ hasText: label }).first();
  await action.waitFor({ timeout: 15000 });
  await action.click();
  await p.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content').length > n, before, { timeout: 15000 });
  await p.waitForTimeout(500);
}

/** Types into Web Chat's send box and waits for the bot's next message. */
async function type(p: Page, text: string): Promise<void> {
  const before = await bubbles(p).count();
  const box = p.locator('[data-id="webchat-sendbox-input"]');
  await box.fill(text);
  await box.press('Enter');
  await p.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content').length > n, before, { timeout: 15000 });
  await p.waitForTimeout(500);
}

/** Clicks a suggested action when the bot offered any (the first matching `label`), else types `typed`. */
async function answer(p: Page, label: RegExp, typed: string): Promise<'clicked' | 'typed'> {
  const offered = p.locator('.webchat__suggested-action').filter({ hasText: label });
  if (await offered.count()) {
    await click(p, label);
    return 'clicked';
  }
  await type(p, typed);
  return 'typed';
}

test('Web Chat reports a missed bin by suggested actions, resumes after a reload, and shows an agent after a handoff', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  const errors: string[] = [];
  p.on('pageerror', (err) => errors.push(String(err)));
  // Web Chat reads through the WebSocket stream (the Node test covers polling).
  const streams: string[] = [];
  p.on('websocket', (ws) => streams.push(ws.url()));
  await p.goto(siteUrl + '/');
  await shows(p, /online assistant/);
  const clicked: string[] = [];

  await click(p, 'Report a missed bin');
  clicked.push('Report a missed bin');
  expect(await lastBotText(p)).toMatch(/postcode/i);
  await type(p, 'MB1 1AD');
  // The addresses at the postcode are suggested actions.
  const first = (await p.locator('.webchat__suggested-action').first().innerText()).trim();
  await click(p, first);
  clicked.push(first);
  const asked = await lastBotText(p);

  // A reload: the page resumes its conversation from the watermark of the resident's last message.
  const saved = JSON.parse((await p.evaluate(() => sessionStorage.getItem('council-chat'))) ?? 'null') as { conversationId: string; watermark: string };
  expect(Number(saved.watermark)).toBeGreaterThan(1);
  await p.reload();
  await shows(p, new RegExp(asked.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // Only what came after the watermark: not the greeting from before it.
  expect(await p.locator('.webchat__bubble__content', { hasText: 'online assistant' }).count()).toBe(0);
  expect(JSON.parse((await p.evaluate(() => sessionStorage.getItem('council-chat'))) ?? '{}').conversationId).toBe(saved.conversationId);

  // On to the reference, clicking what is offered.
  for (const [label, typed] of [
    [/rubbish|general|black/i, 'general rubbish'],
    [/^yes/i, 'yes'],
    [/skip/i, 'skip'],
    [/^no/i, 'no'],
    [/^no/i, 'no'],
    [/^yes/i, 'yes'],
  ] as const) {
    if (/MBC-\d{6}/.test(await lastBotText(p))) break;
    if ((await answer(p, label, typed)) === 'clicked') clicked.push(String(label));
  }
  await shows(p, /MBC-\d{6}/);
  expect(clicked.length).toBeGreaterThanOrEqual(4);
  await p.screenshot({ path: '/tmp/directline-webchat.png' });
  const reference = /MBC-\d{6}/.exec(await p.locator('.webchat__bubble__content', { hasText: /MBC-\d{6}/ }).last().innerText())![0];
  const cases = await server.store.db.selectFrom('cases').select('conversation_id').where('reference', '=', reference).execute();
  expect(cases).toEqual([{ conversation_id: saved.conversationId }]);

  // A handoff; the agent accepts and answers from the console, and Web Chat shows both live.
  await type(p, 'I want to speak to a real person');
  const handoff = await until(async () => ((await agent.call('GET', '/queue')).body.handoffs as { id: string; conversationId: string }[]).find((h) => h.conversationId === saved.conversationId));
  expect((await agent.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  await shows(p, /Priya from .+ has joined the conversation/);
  expect((await agent.call('POST', `/conversations/${saved.conversationId}/messages`, { text: 'Hello, this is Priya. I can see your report.' })).status).toBe(201);
  await shows(p, /Hello, this is Priya\. I can see your report\./);

  // Our page's markup (Web Chat itself is Microsoft's) has no axe violations.
  await p.evaluate(axe.source);
  const results = await p.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run({ exclude: [['#webchat']] } as never, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(errors).toEqual([]);
  expect(streams.filter((u) => u.includes(`/v3/directline/conversations/${saved.conversationId}/stream?watermark=`)).length).toBeGreaterThanOrEqual(2);
  expect(streams.some((u) => u.includes(`stream?watermark=${saved.watermark}&`))).toBe(true);
  await context.close();
}, 120000);

async function until<T>(fn: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}
