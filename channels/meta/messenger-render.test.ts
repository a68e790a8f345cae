/**
 * The Messenger and Instagram channels' pure parts: rendering to Send API messages within their
 * limits (checked by the stand-in's own rules), the 24-hour window and the HUMAN_AGENT tag, Send
 * API errors by kind, reading messaging events, the start-up configuration (Messenger configured
 * without WhatsApp), and the one Meta webhook mounted once whichever is configured.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { createChannels, DeliveryError, type ChannelDeps } from '../index.js';
import type { JobQueue } from '../../jobs/index.js';
import { pickNumbered } from '../degrade.js';
import { sendApiProblem } from './messenger-stand-in.fixture.js';
import {
  clipBytes,
  messagingTypeFor,
  messengerConfigFromEnv,
  metaConfigFromEnv,
  MetaConfigError,
  metaSignature,
  readMessagingEvent,
  renderMessenger,
  sendApiRetryable,
  type MessengerMessage,
} from './index.js';

const s = (label: string, value = label) => ({ label, value });
const valid = (message: MessengerMessage) => expect(sendApiProblem({ recipient: { id: '7000000001' }, messaging_type: 'RESPONSE', message })).toBeNull();

test('suggestions are quick replies (up to 13): titles cut to 20 characters, values as payloads', () => {
  const { message, options } = renderMessenger({ text: 'Which bin was missed?', suggestions: [s('General rubbish (green bin)', 'general'), s('Recycling (blue bin)', 'recycling'), s('Go back')] });
  expect(options).toEqual([]);
  expect(message).toEqual({
    text: 'Which bin was missed?',
    quick_replies: [
      { content_type: 'text', title: 'General rubbish…', payload: 'general' },
      { content_type: 'text', title: 'Recycling (blue bin)', payload: 'recycling' },
      { content_type: 'text', title: 'Go back', payload: 'Go back' },
    ],
  });
  valid(message);
  const thirteen = renderMessenger({ text: 'Which one?', suggestions: Array.from({ length: 13 }, (_, i) => s(`Option ${i + 1}`)) });
  expect((thirteen.message as { quick_replies: unknown[] }).quick_replies).toHaveLength(13);
  valid(thirteen.message);
});

test('more than 13 suggestions, or titles a cut makes alike, are numbered text a reply of "2" picks from', () => {
  const many = renderMessenger({ text: 'Which address?', suggestions: Array.from({ length: 14 }, (_, i) => s(`${i + 1} High Street`, `addr-${i + 1}`)) });
  expect(many.message).toEqual({ text: expect.stringMatching(/^Which address\?\n\nReply with a number:\n1\. 1 High Street\n2\. 2 High Street/) });
  expect(pickNumbered('2', many.options)).toBe('addr-2');
  valid(many.message);
  const alike = renderMessenger({ text: 'Which?', suggestions: [s('Riverside House, Flat 1'), s('Riverside House, Flat 2')] });
  expect(alike.options).toHaveLength(2);
});

test('a link with up to two suggestions is a button template: postback buttons and a web_url button', () => {
  const { message } = renderMessenger({
    text: 'Bins are collected every other **Tuesday**.',
    card: { title: 'Bin collection days', body: 'Check your collection day online.', link: { label: 'Find your bin day', url: 'https://www.merebrook.gov.uk/bins' } },
    suggestions: [s('Report a missed bin'), s('Talk to a person')],
  });
  expect(message).toEqual({
    attachment: {
      type: 'template',
      payload: {
        template_type: 'button',
        text: 'Bins are collected every other Tuesday.\n\nBin collection days\nCheck your collection day online.',
        buttons: [
          { type: 'postback', title: 'Report a missed bin', payload: 'Report a missed bin' },
          { type: 'postback', title: 'Talk to a person', payload: 'Talk to a person' },
          { type: 'web_url', title: 'Find your bin day', url: 'https://www.merebrook.gov.uk/bins' },
        ],
      },
    },
  });
  valid(message);
  // Three suggestions and a link do not fit three buttons: quick replies, the link written out.
  const more = renderMessenger({ text: 'See [our page](https://www.merebrook.gov.uk/x).', link: { label: 'More', url: 'https://www.merebrook.gov.uk/y' }, suggestions: [s('A'), s('B'), s('C')] });
  expect(more.message).toMatchObject({ text: 'See our page (https://www.merebrook.gov.uk/x).\n\nMore: https://www.merebrook.gov.uk/y', quick_replies: [{ title: 'A' }, { title: 'B' }, { title: 'C' }] });
  valid(more.message);
});

test('text is cut to 2,000 characters on Messenger and 1,000 bytes on Instagram, keeping numbered options whole', () => {
  const long = 'word '.repeat(700);
  const messenger = renderMessenger({ text: long }).message as { text: string };
  expect([...messenger.text].length).toBeLessThanOrEqual(2000);
  expect(messenger.text.endsWith('…')).toBe(true);
  valid(messenger as MessengerMessage);
  const instagram = renderMessenger({ text: '🗑️ '.repeat(400), suggestions: Array.from({ length: 14 }, (_, i) => s(`Option ${i + 1}`)) }, 'instagram').message as { text: string };
  expect(Buffer.byteLength(instagram.text, 'utf8')).toBeLessThanOrEqual(1000);
  expect(instagram.text).toMatch(/14\. Option 14$/);
  expect(Buffer.byteLength(clipBytes('é'.repeat(600), 1000), 'utf8')).toBeLessThanOrEqual(1000);
  // Quick replies stay quick replies: the text before them is cut.
  const quick = renderMessenger({ text: '🗑️ '.repeat(400), suggestions: [s('Yes'), s('No')] }, 'instagram').message as { text: string; quick_replies: unknown[] };
  expect(Buffer.byteLength(quick.text, 'utf8')).toBeLessThanOrEqual(1000);
  expect(quick.quick_replies).toHaveLength(2);
});

test('the 24-hour window: a response inside it; after it only an agent, tagged HUMAN_AGENT, with the permission, for 7 days', () => {
  const now = new Date('2026-11-18T11:00:00Z');
  const ago = (h: number) => new Date(now.getTime() - h * 3600_000);
  const decide = (author: string, hours: number, humanAgentTag: boolean) => messagingTypeFor({ platform: 'Messenger', author, lastWrote: ago(hours), now, humanAgentTag });
  expect(decide('bot', 23, false)).toEqual({ messaging_type: 'RESPONSE' });
  expect(decide('agent', 23.9, true)).toEqual({ messaging_type: 'RESPONSE' });
  expect(decide('agent', 25, true)).toEqual({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  const refused = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      expect(err).toBeInstanceOf(DeliveryError);
      expect((err as DeliveryError).retryable).toBe(false);
      return (err as Error).message;
    }
    throw new Error('not refused');
  };
  expect(refused(() => decide('agent', 25, false))).toMatch(/24-hour messaging window \(the resident last wrote 25 hours ago\) and the council's Page has no Human Agent permission/);
  expect(refused(() => decide('system', 30, true))).toMatch(/only an agent's reply may follow it/);
  expect(refused(() => decide('agent', 24 * 8, true))).toMatch(/8 days ago, beyond the 7 days/);
  expect(refused(() => messagingTypeFor({ platform: 'Instagram', author: 'agent', lastWrote: undefined, now, humanAgentTag: true }))).toMatch(/has not written/);
});

test('Send API errors by kind: rate limits and temporary failures retried, the rest not', () => {
  for (const code of [613, 4, 17, 32, 1200, 2]) expect(sendApiRetryable(code, 400)).toBe(true);
  for (const code of [551, 10, 100, 190]) expect(sendApiRetryable(code, 400)).toBe(false);
  expect(sendApiRetryable(undefined, 503)).toBe(true);
  expect(sendApiRetryable(undefined, 429)).toBe(true);
  expect(sendApiRetryable(undefined, 403)).toBe(false);
  expect(sendApiRetryable(undefined, undefined)).toBe(true);
});

test('messaging events: quick replies and postbacks are their payloads, a pin an address, stickers and echoes nothing', () => {
  const e = (content: object) => ({ sender: { id: '7001' }, recipient: { id: '300000000000003' }, timestamp: 1_763_460_000_000, ...content });
  expect(readMessagingEvent(e({ message: { mid: 'm_1', text: 'Recycling (blue…', quick_reply: { payload: 'recycling' } } }), [])).toMatchObject({ kind: 'turn', id: 'm_1', text: 'recycling' });
  expect(readMessagingEvent(e({ postback: { title: 'Get Started', payload: 'GET_STARTED' } }), [])).toMatchObject({ kind: 'turn', id: 'postback.7001.1763460000000', text: 'hello' });
  const gazetteer = [{ uprn: '1', usrn: '10', postcode: 'MB1 1AD', lat: 50.721372, lng: -1.882785 }];
  expect(readMessagingEvent(e({ message: { mid: 'm_2', attachments: [{ type: 'location', payload: { coordinates: { lat: 50.7214, long: -1.8828 } } }] } }), gazetteer)).toMatchObject({ kind: 'turn', text: 'MB1 1AD' });
  expect(readMessagingEvent(e({ message: { mid: 'm_3', attachments: [{ type: 'image', payload: { url: 'https://x/y.png', sticker_id: 369239263222822 } }] } }), [])).toMatchObject({ kind: 'ignore' });
  expect(readMessagingEvent(e({ message: { mid: 'm_4', is_echo: true, text: 'ours' } }), [])).toMatchObject({ kind: 'ignore' });
  expect(readMessagingEvent(e({ message: { mid: 'm_5', attachments: [{ type: 'file', payload: { url: 'https://x/a.pdf' } }, { type: 'video', payload: { url: 'https://x/b.mp4' } }] } }), [])).toMatchObject({
    kind: 'files',
    text: '(2 attachments sent: file, video)',
    attachments: [
      { contentType: 'application/octet-stream', url: expect.stringMatching(/^\/api\/console\/media\//) },
      { contentType: 'video/*', url: expect.stringMatching(/^\/api\/console\/media\//) },
    ],
  });
  // A shared post is not a file: answered politely, kept with its link.
  expect(readMessagingEvent(e({ message: { mid: 'm_7', attachments: [{ type: 'fallback', payload: { url: 'https://x/post', title: 'A post' } }] } }), [])).toMatchObject({
    kind: 'unsupported',
    attachments: [{ contentType: 'fallback', url: 'https://x/post', name: 'A post' }],
  });
  expect(readMessagingEvent(e({ message: { mid: 'm_6', is_unsupported: true } }), [])).toMatchObject({ kind: 'unsupported', text: '(unsupported message sent)' });
});

test('configuration: Messenger alone is configured without WhatsApp; a half one lists every problem', () => {
  const messengerOnly = { META_APP_SECRET: 's', META_VERIFY_TOKEN: 'v', MESSENGER_PAGE_ACCESS_TOKEN: 'p' };
  expect(metaConfigFromEnv(messengerOnly)).toBeNull();
  expect(messengerConfigFromEnv(messengerOnly)).toEqual({ appSecret: 's', verifyToken: 'v', pageToken: 'p', councilTokens: {}, graphVersion: 'v21.0', graphBaseUrl: 'https://graph.facebook.com' });
  expect(messengerConfigFromEnv({ META_APP_SECRET: 's', META_VERIFY_TOKEN: 'v', WHATSAPP_ACCESS_TOKEN: 't' })).toBeNull();
  expect(() => messengerConfigFromEnv({ MESSENGER_PAGE_ACCESS_TOKEN: 'p', META_GRAPH_BASE_URL: 'graph' })).toThrow(MetaConfigError);
  try {
    messengerConfigFromEnv({ MESSENGER_PAGE_ACCESS_TOKEN: 'p', META_GRAPH_BASE_URL: 'graph' });
  } catch (err) {
    expect((err as Error).message).toMatch(/META_APP_SECRET is required[\s\S]*META_VERIFY_TOKEN is required[\s\S]*META_GRAPH_BASE_URL must be an origin/);
  }
});

describe('the one Meta webhook, whichever channels are configured', () => {
  const jobs: JobQueue = { kind: 'in-process', register: () => {}, add: async () => {}, every: async () => {}, purge: async () => 0, close: async () => {} };
  const log = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
  const assistant = { runtime: () => ({ pack: { settings: { channels: { messengerPageIds: ['300000000000003'] } }, gazetteer: [] } }) };
  const deps = (env: Record<string, string>): Omit<ChannelDeps, 'dispatch'> =>
    ({ store: {} as never, db: {} as never, assistant, jobs, log, defaultTenant: 'demo', tenantIds: () => ['demo'], publicUrl: () => undefined, env, clock: () => new Date() }) as unknown as Omit<ChannelDeps, 'dispatch'>;
  const meta = { META_APP_SECRET: 'app-secret', META_VERIFY_TOKEN: 'verify-me' };

  test('Messenger and Instagram are adapters; the webhook is mounted once, by WhatsApp when it is configured', () => {
    const alone = createChannels(deps({ ...meta, MESSENGER_PAGE_ACCESS_TOKEN: 'p' }));
    expect([...alone.adapters.keys()]).toEqual(['sms', 'voice', 'messenger', 'instagram']);
    expect(alone.routes().map((r) => r.path)).toEqual(['/channels/twilio', '/channels/twilio', '/channels/meta']);
    const both = createChannels(deps({ ...meta, MESSENGER_PAGE_ACCESS_TOKEN: 'p', WHATSAPP_ACCESS_TOKEN: 'w' }));
    expect([...both.adapters.keys()]).toEqual(['sms', 'voice', 'whatsapp', 'messenger', 'instagram']);
    expect(both.routes().filter((r) => r.path === '/channels/meta')).toHaveLength(1);
    // The app's secret without a token for either is a half configuration: the start stops.
    expect(() => createChannels(deps(meta))).toThrow(MetaConfigError);
  });

  test('Messenger alone answers the handshake and refuses unsigned deliveries itself', async () => {
    const channels = createChannels(deps({ ...meta, MESSENGER_PAGE_ACCESS_TOKEN: 'p' }));
    const app = express();
    for (const r of channels.routes()) app.use(r.path, r.router);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/channels/meta/webhook`;
    try {
      const ok = await fetch(`${base}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42`);
      expect([ok.status, await ok.text()]).toEqual([200, '42']);
      expect((await fetch(`${base}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=42`)).status).toBe(403);
      const raw = JSON.stringify({ object: 'page', entry: [{ id: '999', time: 1, messaging: [] }] });
      const post = (body: string, signature?: string) => fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) }, body });
      expect((await post(raw)).status).toBe(403);
      expect((await post(raw, metaSignature('wrong', raw))).status).toBe(403);
      expect((await post(raw, metaSignature('app-secret', raw))).status).toBe(200);
      // WhatsApp is not configured here: acknowledged, not processed.
      const wa = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
      expect((await post(wa, metaSignature('app-secret', wa))).status).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
