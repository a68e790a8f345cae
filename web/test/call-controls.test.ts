import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTwilioStandIn, type TwilioStandIn } from '../../channels/twilio/twilio-stand-in.fixture.js';
import { TwilioCall } from '../../channels/twilio/voice/twilio-sim.js';
import { findAll, textOf } from '../../channels/twilio/voice/xml.js';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { axeViolations, tabTo } from './harness.js';

/**
 * The console's call controls in a real browser (issue 14): a phone conversation accepted by the
 * agent shows its call; the browser registers a Voice device with the server's access token, the
 * incoming call is answered, muted, held and resumed (Twilio's REST redirects at the stand-in), a
 * refusal by Twilio is shown, and the caller is hung up; no axe violations. Twilio's signalling
 * cannot be reached here, so the Voice SDK's device is replaced by a double at the browser
 * boundary only (`window.CouncilCallDevice`); everything behind the console's own API is real.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const weekday = () => new Date('2026-11-25T10:30:00Z');
const API_KEY_SECRET = 'browser-test-api-key-secret-0123';
let twilioApi: TwilioStandIn;
let server: TestServer;
let browser: Browser;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/build-web.mjs')], { cwd: repoRoot });
  twilioApi = await startTwilioStandIn();
  const env = {
    TWILIO_ACCOUNT_SID: twilioApi.accountSid,
    TWILIO_AUTH_TOKEN: twilioApi.authToken,
    TWILIO_FROM: '+441632960100',
    TWILIO_API_BASE_URL: twilioApi.url,
    TWILIO_API_KEY_SID: `SK${'c'.repeat(32)}`,
    TWILIO_API_KEY_SECRET: API_KEY_SECRET,
  };
  for (const [k, v] of Object.entries(env)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  server = await startTestServer({ clock: weekday });
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

/** The Voice SDK's device as the console sees it, recording what it was asked to do. */
const DEVICE_DOUBLE = `
  window.__device = { tokens: [], registered: false, calls: [] };
  window.CouncilCallDevice = {
    create() {
      return {
        async register(token) { window.__device.tokens.push(token); window.__device.registered = true; },
        updateToken(token) { window.__device.tokens.push(token); },
        onIncoming(handler) {
          window.__ring = () => {
            const call = { muted: false, accepted: false, disconnected: false, ends: [],
              accept() { this.accepted = true; }, reject() {}, mute(m) { this.muted = m; }, isMuted() { return this.muted; },
              disconnect() { this.disconnected = true; this.ends.forEach((f) => f()); }, onEnd(f) { this.ends.push(f); } };
            window.__device.calls.push(call);
            handler(call);
          };
        },
        destroy() {},
      };
    },
  };
`;

type DeviceLog = { tokens: string[]; registered: boolean; calls: { muted: boolean; accepted: boolean; disconnected: boolean }[] };
const deviceLog = (page: Page) => page.evaluate(() => (window as unknown as { __device: DeviceLog }).__device);

async function open(client: ConsoleClient, conversationId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: client.cookie, url: server.url }]);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  await page.addInitScript(DEVICE_DOUBLE);
  await page.goto(`${server.url}/console?tenant=${server.tenant}#/conversation/${conversationId}`);
  await page.locator('#call-controls').waitFor({ state: 'visible' });
  return page;
}

test('a phone conversation\'s call controls: answer in the browser, mute, hold and resume, a refusal shown, hang up; no axe violations', async () => {
  const agent = await signedInAgent(server, { now: weekday, capacity: 5 });
  await server.store.db.updateTable('agents').set({ status: 'available', last_seen_at: weekday() }).where('id', '=', agent.agentId).execute();
  const call = new TwilioCall(server.url, '+447700900555', twilioApi.authToken);
  await call.start();
  await call.say('my bin was not collected');
  expect(findAll((await call.say('I want to speak to a person')).root!, 'Enqueue')).toHaveLength(1);
  const conversation = await server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel', '=', 'voice').executeTakeFirstOrThrow();
  const handoff = await server.store.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
  expect((await agent.client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  const dial = findAll((await call.post(twilioApi.callUpdates.at(-1)!.params.get('Url')!)).root!, 'Dial')[0];
  const leg = findAll(dial, 'Client')[0].attributes.statusCallback;

  const page = await open(agent.client, conversation.id);
  const status = page.locator('#call-status');
  await page.waitForFunction(() => (window as unknown as { __device: DeviceLog }).__device.registered);
  // The device registered with the server's token for this agent.
  const [token] = (await deviceLog(page)).tokens;
  expect((jwt.verify(token, API_KEY_SECRET) as { grants: { identity: string } }).grants.identity).toBe(`agent-${agent.agentId}`);
  expect(await status.innerText()).toBe('Connecting the caller');
  expect(await page.locator('#call-answer').isHidden()).toBe(true);

  // Twilio rings the browser: Answer.
  await page.evaluate(() => (window as unknown as { __ring: () => void }).__ring());
  await page.locator('#call-answer').waitFor({ state: 'visible' });
  expect(await status.innerText()).toMatch(/^Incoming call/);
  expect(await axeViolations(page)).toEqual([]);
  await page.locator('#call-answer').click();
  expect((await deviceLog(page)).calls[0].accepted).toBe(true);
  // Twilio tells the server the agent's leg answered: connected, with a duration.
  await call.post(leg, { CallStatus: 'in-progress' });
  await page.waitForFunction(() => document.getElementById('call-status')?.textContent === 'Connected', undefined, { timeout: 10_000 });
  await page.waitForFunction(() => /^Duration \d+:\d\d$/.test(document.getElementById('call-duration')?.textContent ?? ''));

  // Mute is the browser's own.
  await page.locator('#call-mute').click();
  expect(await page.locator('#call-mute').getAttribute('aria-pressed')).toBe('true');
  expect(await page.locator('#call-mute').innerText()).toBe('Unmute');
  expect((await deviceLog(page)).calls[0].muted).toBe(true);

  // Hold and resume move the caller's leg at Twilio.
  await page.locator('#call-hold').click();
  await page.waitForFunction(() => document.getElementById('call-status')?.textContent === 'On hold');
  expect(twilioApi.callUpdates.at(-1)!.params.get('Url')).toMatch(/\/channels\/twilio\/voice\/hold\?/);
  expect(await page.locator('#call-hold').innerText()).toBe('Resume');
  await page.locator('#call-hold').click();
  await page.waitForFunction(() => document.getElementById('call-status')?.textContent === 'Connecting the caller');
  expect(twilioApi.callUpdates.at(-1)!.params.get('Url')).toMatch(/\/channels\/twilio\/voice\/bridge\?/);
  await call.post(leg, { CallStatus: 'in-progress' });
  await page.waitForFunction(() => document.getElementById('call-status')?.textContent === 'Connected', undefined, { timeout: 10_000 });

  // Twilio refuses: the agent is told, and the call is as it was.
  twilioApi.failNext(500);
  await page.locator('#call-hold').click();
  await page.waitForFunction(() => /Twilio refused the call change: Twilio answered 500/.test(document.getElementById('call-problem')?.textContent ?? ''));
  expect(await status.innerText()).toBe('Connected');
  expect(await axeViolations(page)).toEqual([]);

  // Hang up: the caller's leg moves to "How did we do?" at Twilio (agent-voice.ts), the browser's call disconnected.
  await page.locator('#call-hang-up').click();
  await page.waitForFunction(() => document.getElementById('call-status')?.textContent === 'Call ended (agent hung up)');
  expect(twilioApi.callUpdates.at(-1)!.params.get('Url')).toMatch(/\/channels\/twilio\/voice\/agent-satisfaction\?/);
  expect((await deviceLog(page)).calls[0].disconnected).toBe(true);
  expect(await page.locator('#call-hang-up').isDisabled()).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: '/tmp/console-call-controls.png', fullPage: true });
});

test('a warm transfer from the call controls by keyboard: consult another agent with the caller held, then complete; no axe violations', async () => {
  const first = await signedInAgent(server, { now: weekday, capacity: 5 });
  const second = await signedInAgent(server, { now: weekday, capacity: 5 });
  await server.store.db.updateTable('agents').set({ status: 'available', last_seen_at: weekday() }).where('id', 'in', [first.agentId, second.agentId]).execute();
  const secondName = (await server.store.db.selectFrom('agents').select('name').where('id', '=', second.agentId).executeTakeFirstOrThrow()).name;
  const call = new TwilioCall(server.url, '+447700900571', twilioApi.authToken);
  await call.start();
  await call.say('my bin was not collected');
  await call.say('I want to speak to a person');
  const conversation = await server.store.db.selectFrom('conversations').selectAll().where('tenant_id', '=', server.tenant).where('channel_user_id', '=', call.from).executeTakeFirstOrThrow();
  const handoff = await server.store.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
  expect((await first.client.call('POST', `/handoffs/${handoff.id}/accept`)).status).toBe(200);
  const dial = findAll((await call.post(twilioApi.callUpdates.at(-1)!.params.get('Url')!)).root!, 'Dial')[0];
  const agentLeg = `CA${'d'.repeat(32)}`;
  await call.post(findAll(dial, 'Client')[0].attributes.statusCallback, { CallSid: agentLeg, ParentCallSid: call.callSid, CallStatus: 'in-progress' });

  const page = await open(first.client, conversation.id);
  await page.waitForFunction(() => document.getElementById('call-status')?.textContent === 'Connected');
  await page.evaluate(() => (window as unknown as { __ring: () => void }).__ring());
  await page.locator('#call-answer').waitFor({ state: 'visible' });
  await page.locator('#call-answer').focus();
  await page.keyboard.press('Enter');

  // Keyboard only: open "Transfer the caller", choose the agent, consult first.
  await tabTo(page, '#call-controls summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '#call-transfer-to');
  await page.locator('#call-transfer-to').selectOption(`agent:${second.agentId}`);
  await tabTo(page, '#call-transfer-note');
  await page.keyboard.type('Missed bin, third time');
  await tabTo(page, '#call-consult');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('call-status')?.textContent === 'Consulting: the caller is on hold');
  const redirect = twilioApi.callUpdates.at(-1)!;
  expect(redirect.callSid).toBe(agentLeg);
  expect(await page.locator('#call-consult-complete').isDisabled()).toBe(true);
  expect(await axeViolations(page)).toEqual([]);

  // Twilio: the agent's leg and then the caller join the conference; the caller's join holds them and rings the other agent.
  const conf = findAll((await call.post(redirect.params.get('Url')!, { CallSid: agentLeg, ParentCallSid: call.callSid })).root!, 'Conference')[0];
  const name = textOf(conf).trim();
  twilioApi.joinConference(name, agentLeg);
  await call.post(dial.attributes.action, { DialCallStatus: 'completed' });
  const conferenceSid = twilioApi.joinConference(name, call.callSid);
  await call.post(conf.attributes.statusCallback, { StatusCallbackEvent: 'participant-join', ConferenceSid: conferenceSid, FriendlyName: name, CallSid: call.callSid });
  const ring = twilioApi.conferenceRequests.filter((r) => r.conference === conferenceSid && r.method === 'POST' && !r.participant).at(-1)!;
  expect(ring.params.get('To')).toBe(`client:agent-${second.agentId}`);
  await page.waitForFunction((n) => document.getElementById('call-consult-status')?.textContent === `Ringing ${n}; the caller is on hold`, secondName, { timeout: 5000 });
  // The other agent's console rings on whatever page is open (their browser registered when the console started); they answer by keyboard.
  const contextB = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await contextB.addCookies([{ name: 'ca_session', value: second.client.cookie, url: server.url }]);
  const pageB = await contextB.newPage();
  await pageB.addInitScript(DEVICE_DOUBLE);
  await pageB.goto(`${server.url}/console?tenant=${server.tenant}#/queue`);
  await pageB.waitForFunction(() => (window as unknown as { __device: DeviceLog }).__device.registered);
  expect(await pageB.locator('#incoming-call').isHidden()).toBe(true);
  await pageB.evaluate(() => (window as unknown as { __ring: () => void }).__ring());
  await pageB.locator('#incoming-call-answer').waitFor({ state: 'visible' });
  expect(await axeViolations(pageB)).toEqual([]);
  await tabTo(pageB, '#incoming-call-answer');
  await pageB.keyboard.press('Enter');
  expect((await deviceLog(pageB)).calls[0].accepted).toBe(true);
  await pageB.locator('#incoming-call-hang-up').waitFor({ state: 'visible' });
  expect(await pageB.locator('#incoming-call-text').innerText()).toBe('On a call');
  // Twilio reports the answer: pushed over the socket (the controls poll only while it is down).
  await call.post(ring.params.get('StatusCallback')!, { CallSid: ring.callSid!, CallStatus: 'in-progress' });
  await page.waitForFunction((n) => (document.getElementById('call-consult-status')?.textContent ?? '').startsWith(`Talking to ${n}`), secondName, { timeout: 2500 });
  expect(await page.locator('#call-consult-complete').isDisabled()).toBe(false);
  expect(await axeViolations(page)).toEqual([]);

  await tabTo(page, '#call-consult-complete', { backwards: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.getElementById('call-consult-status')?.textContent === `Transferred to ${n}`, secondName);
  const [unhold, remove] = twilioApi.conferenceRequests.filter((r) => r.conference === conferenceSid).slice(-2);
  expect(unhold.params.get('Hold')).toBe('false');
  expect(remove).toMatchObject({ method: 'DELETE', participant: agentLeg });
  expect((await deviceLog(page)).calls.at(-1)!.disconnected).toBe(true);
  // The call is the other agent's now: shown as theirs, with nothing here to press.
  await page.waitForFunction((n) => document.getElementById('call-status')?.textContent === `Connected (with ${n})`, secondName);
  expect(await page.locator('#call-hold').isDisabled()).toBe(true);
  expect(await page.locator('#call-hang-up').isDisabled()).toBe(true);
  expect(await server.store.db.selectFrom('handoffs').select('agent_id').where('id', '=', handoff.id).executeTakeFirstOrThrow()).toEqual({ agent_id: second.agentId });
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: '/tmp/console-warm-transfer.png', fullPage: true });
  await contextB.close();
}, 90_000);
