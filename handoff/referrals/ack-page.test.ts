import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import { chromium, type Browser } from 'playwright-core';
import { pino } from 'pino';
import type { ConsoleDeps } from '../../api/console/deps.js';
import { referralAckRoutes } from '../../api/console/rota-routes.js';
import type { Assistant } from '../../bot/index.js';
import { InProcessQueue } from '../../jobs/index.js';
import type { Store } from '../../store/index.js';
import { freshTenant, openTestStore } from '../../test/store.js';
import { axeViolations } from '../../web/test/harness.js';
import { hashAckToken } from './referral.js';

/**
 * The duty referral's acknowledgement page in real Chromium: opening the link shows an accessible
 * confirmation page (axe-core WCAG 2.1 A/AA, no violations) and records nothing; a keyboard user
 * reaches the one Acknowledge button and presses it, and the browser's own same-origin POST
 * records the acknowledgement once.
 */
let store: Store;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  store = await openTestStore();
  const app = express();
  app.use(
    referralAckRoutes({
      store,
      assistant: { runtime: () => ({ pack: { settings: { openingHours: { timezone: 'Europe/London' } } } }) } as unknown as Assistant,
      jobs: new InProcessQueue(),
      log: pino({ level: 'silent' }),
      secureCookies: false,
      clock: () => new Date(),
    } as ConsoleDeps),
  );
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server.close(r));
  await store.close();
});

test('the confirmation page passes axe, changes nothing, and its button acknowledges once', async () => {
  const tenant = await freshTenant(store, 'ackpage');
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  await store.db
    .insertInto('referrals')
    .values({
      id,
      tenant_id: tenant,
      channel: 'email',
      destination: 'duty@merebrook.example',
      summary: 'Resident at 14 Harbour Road says the ceiling collapsed.',
      status: 'sent',
      ack_token_hash: hashAckToken(token),
      sent_at: new Date(),
      target_name: 'Sam Duty',
    })
    .execute();
  const row = () => store.db.selectFrom('referrals').select(['acknowledged_at', 'acknowledged_by']).where('id', '=', id).executeTakeFirstOrThrow();

  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/referrals/ack/${token}`);
  expect(await page.title()).toBe('Acknowledge duty referral');
  expect(await page.locator('h1').innerText()).toBe('Acknowledge duty referral');
  expect(await page.locator('main').innerText()).toContain('sent to Sam Duty');
  expect(await page.locator('main').innerText()).not.toContain('Harbour');
  expect(await axeViolations(page)).toEqual([]);
  expect(await row()).toEqual({ acknowledged_at: null, acknowledged_by: null });

  // A keyboard user: Tab reaches the one button, visibly focused, and Enter submits the form.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Acknowledge');
  expect(await page.evaluate(() => getComputedStyle(document.activeElement!).backgroundColor)).toBe('rgb(255, 221, 0)');
  expect(await axeViolations(page)).toEqual([]);
  await Promise.all([page.waitForURL(`${base}/referrals/ack/${token}`), page.waitForLoadState('load'), page.keyboard.press('Enter')]);
  await page.waitForSelector('h1:has-text("Referral acknowledged at")');
  expect(await axeViolations(page)).toEqual([]);
  const acked = await row();
  expect(acked).toMatchObject({ acknowledged_at: expect.any(Date), acknowledged_by: 'Sam Duty' });

  // Opened again: the already-acknowledged page (410), with no button, still accessible.
  const again = await page.goto(`${base}/referrals/ack/${token}`);
  expect(again?.status()).toBe(410);
  expect(await page.locator('h1').innerText()).toBe('Referral already acknowledged');
  expect(await page.locator('button').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  expect(await row()).toEqual(acked);
  await page.context().close();
}, 60_000);
