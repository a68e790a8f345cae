/**
 * Time from a resident's request for a person to the handoff appearing in an agent's console,
 * in a real browser (headless Chromium): N runs on a real server (PostgreSQL and Redis when
 * DATABASE_URL / REDIS_URL are set, else PGlite and in-process jobs). Prints median and p99.
 *   npm run bench:handoff [-- --runs 100]
 */
import { chromium } from 'playwright-core';
import { signedInAgent } from '../test/console-client.js';
import { Resident, startTestServer } from '../test/server.js';
import { parseArgs } from './cli.js';

const args = parseArgs(process.argv.slice(2));
const runs = Number(args.get('runs') ?? 100);

const server = await startTestServer();
const { client } = await signedInAgent(server, { capacity: 3 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'ca_session', value: client.cookie, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  await page.goto(`${server.url}/console?tenant=${server.tenant}#/queue`);
  await page.waitForSelector('.ca-queue, table, [data-view="queue"], h1', { timeout: 15_000 });
  await page.waitForTimeout(1000); // socket connected and rooms joined

  // The console's queue requests (the refresh a handoff event starts), timed by the browser.
  const queueFetches: number[] = [];
  page.on('requestfinished', (request) => {
    if (/\/api\/console\/queue\b/.test(request.url())) queueFetches.push(request.timing().responseEnd);
  });
  const times: number[] = [];
  const turns: number[] = [];
  for (let i = 0; i < runs; i++) {
    const resident = await new Resident(server.url).start();
    const started = performance.now();
    const send = resident.say('can I talk to a person please').then(() => turns.push(performance.now() - started));
    await page.waitForSelector(`tr[data-conversation="${resident.conversationId}"]`, { timeout: 15_000 });
    times.push(performance.now() - started);
    await send;
  }
  // The resident's own turn (request to answer), beside the time to the agent's screen: what the rest costs.
  turns.sort((a, b) => a - b);
  queueFetches.sort((a, b) => a - b);
  console.log(`  the resident's turn itself: median ${turns[Math.floor(turns.length / 2)].toFixed(0)} ms; the console's queue request: median ${queueFetches.length ? queueFetches[Math.floor(queueFetches.length / 2)].toFixed(0) : '-'} ms (${queueFetches.length} requests)`);
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  const store = server.store.kind;
  console.log(`Handoff to agent's browser (${runs} runs, store ${store}, jobs ${server.jobs.kind}):`);
  console.log(`  median ${pct(50).toFixed(0)} ms, p90 ${pct(90).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`);
  console.log(JSON.stringify({ runs, medianMs: pct(50), p99Ms: pct(99), store }));
} finally {
  await browser.close();
  await server.close();
}
