import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTwilioStandIn, type TwilioStandIn } from '../../channels/twilio/twilio-stand-in.fixture.js';
import { postSigned, TwilioCall, ACCOUNT_SID } from '../../channels/twilio/voice/twilio-sim.js';
import { findAll } from '../../channels/twilio/voice/xml.js';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { axeViolations } from './harness.js';

/**
 * The console's call recordings in a real browser (issue 14, item 3): a recorded call's
 * conversation lists its recording with an <audio> player whose source is our server, never a
 * Twilio address; the audio it loads is the stand-in's bytes; a supervisor has the export link;
 * no axe violations.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const AUDIO = Buffer.concat([Buffer.from('ID3'), randomBytes(2000)]);
let twilioApi: TwilioStandIn;
let server: TestServer;
let browser: Browser;
let supervisor: ConsoleClient;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/build-web.mjs')], { cwd: repoRoot });
  twilioApi = await startTwilioStandIn();
  const env = { TWILIO_ACCOUNT_SID: twilioApi.accountSid, TWILIO_AUTH_TOKEN: twilioApi.authToken, TWILIO_FROM: '+441632960100', TWILIO_API_BASE_URL: twilioApi.url };
  for (const [k, v] of Object.entries(env)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  server = await startTestServer({ env });
  supervisor = (await signedInAgent(server, { roles: ['agent', 'supervisor'] })).client;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 120_000);

afterAll(async () => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await browser?.close();
  await server?.close();
  await twilioApi?.close();
});

/** A recorded call, its recording completed: the conversation's id. */
async function recordedCall(): Promise<string> {
  const call = new TwilioCall(server.url, '+447700900777', twilioApi.authToken);
  const r = await call.start();
  const callback = findAll(r.root!, 'Recording')[0].attributes.recordingStatusCallback;
  const sid = `RE${randomBytes(16).toString('hex')}`;
  twilioApi.recordings.set(sid, AUDIO);
  const done = await postSigned(
    `${server.url}${callback}`,
    { AccountSid: ACCOUNT_SID, CallSid: call.callSid, RecordingSid: sid, RecordingStatus: 'completed', RecordingDuration: '75', RecordingChannels: '2', RecordingStartTime: new Date().toUTCString() },
    twilioApi.authToken,
  );
  expect(done.status).toBe(204);
  return new URL(callback, server.url).searchParams.get('c')!;
}

async function open(client: ConsoleClient, conversationId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: client.cookie, url: server.url }]);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  await page.goto(`${server.url}/console?tenant=${server.tenant}#/conversation/${conversationId}`);
  await page.locator('#recordings').waitFor({ state: 'visible' });
  return page;
}

test('a recorded call shows its recording with a player served by our server, an export link for a supervisor, and no axe violations', async () => {
  const conversationId = await recordedCall();
  const page = await open(supervisor, conversationId);
  const section = page.locator('#recordings');
  expect(await section.locator('h2').innerText()).toBe('Call recordings');
  const item = section.locator('li');
  expect(await item.count()).toBe(1);
  expect(await item.locator('p').first().innerText()).toMatch(/^Call recording 1, started .+, 1 minute 15 seconds$/);
  const src = await item.locator('audio').getAttribute('src');
  expect(src).toMatch(/^\/api\/console\/recordings\/[0-9a-f-]{36}\/audio$/);
  expect(await item.locator('audio').getAttribute('controls')).not.toBeNull();
  expect(await item.locator('audio').getAttribute('aria-labelledby')).toBe(await item.locator('p').first().getAttribute('id'));
  // Nothing on the page points at Twilio.
  expect(await page.content()).not.toMatch(/twilio\.com|RE[0-9a-f]{32}/i);
  // The player's source answers with the recording's bytes, fetched through the server.
  const fetched = await page.evaluate(async (url) => {
    const res = await fetch(url);
    return { status: res.status, type: res.headers.get('content-type'), bytes: (await res.arrayBuffer()).byteLength };
  }, src!);
  expect(fetched).toEqual({ status: 200, type: 'audio/mpeg', bytes: AUDIO.length });
  const exportLink = item.locator('a[download]');
  expect(await exportLink.getAttribute('href')).toBe(`${src}?download=1`);
  expect(await exportLink.innerText()).toMatch(/^Export for a complaint \(MP3\)/);
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: '/tmp/console-recordings.png', fullPage: true });
});

test('a supervisor sees recordings Twilio has not deleted (count, error) on the Queues page and retries one by keyboard; no axe violations', async () => {
  const { sql } = await import('kysely');
  const { tabTo } = await import('./harness.js');
  const conversationId = await recordedCall();
  const row = (await sql<{ id: string; recording_sid: string }>`select id, recording_sid from call_recordings where conversation_id = ${conversationId}`.execute(server.store.db)).rows[0];
  // Retention asked for it; Twilio refused once, and goes on refusing until the supervisor retries, so that the
  // minute's sweep, should it run meanwhile, cannot delete it before the Retry button is pressed.
  twilioApi.refuseRecordingDeletes = true;
  await sql`update call_recordings set delete_requested_at = now(), conversation_id = null, delete_attempts = 1, delete_error = 'Twilio 503 20503: Service Unavailable' where id = ${row.id}`.execute(server.store.db);

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: supervisor.cookie, url: server.url }]);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  await page.goto(`${server.url}/console?tenant=${server.tenant}#/supervisor`);
  const panel = page.locator('#recording-deletions');
  await panel.waitFor({ state: 'visible' });
  expect(await panel.locator('#recording-deletions-count').innerText()).toMatch(/^1 not deleted Retention or an erasure asked Twilio to delete this recording, and Twilio has not done so yet\./);
  const item = panel.locator(`tr[data-recording="${row.id}"]`);
  expect(await item.innerText()).toMatch(new RegExp(`${row.recording_sid}[\\s\\S]*1[\\s\\S]*Twilio 503 20503: Service Unavailable`));
  expect(await axeViolations(page)).toEqual([]);

  await page.route('**/api/console/recordings/deletions/*/retry', (route) => {
    twilioApi.refuseRecordingDeletes = false;
    return route.continue();
  });
  await tabTo(page, `button[data-recording="${row.id}"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Deletion queued/.test(document.getElementById('announcer')?.textContent ?? ''));
  // The job deletes it at Twilio; the panel says none is waiting.
  await page.waitForFunction(() => /^None:/.test(document.getElementById('recording-deletions-count')?.textContent ?? ''), undefined, { timeout: 10_000 });
  expect(twilioApi.recordings.has(row.recording_sid)).toBe(false);
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: '/tmp/console-recording-deletions.png', fullPage: true });
}, 90_000);
