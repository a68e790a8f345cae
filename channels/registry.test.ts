/**
 * The registry builds only the channels configured here, refuses two adapters of one name, checks
 * Twilio's configuration at start, and degrades rich replies in one place for what a channel can show.
 */
import { createChannels, degrade, pickNumbered, TwilioConfigError, type ChannelAdapter, type ChannelDeps } from './index.js';
import type { JobQueue } from '../jobs/index.js';

const registered: string[] = [];
const jobs: JobQueue = { kind: 'in-process', register: (name) => void registered.push(name), add: async () => {}, every: async () => {}, purge: async () => 0, close: async () => {} };
const logged: string[] = [];
const log = { info: (_o: object, m: string) => void logged.push(m), warn: (_o: object, m: string) => void logged.push(m), error: () => {}, debug: () => {} };
const deps = (env: Record<string, string | undefined>): Omit<ChannelDeps, 'dispatch'> =>
  ({ store: {} as never, db: {} as never, assistant: {} as never, jobs, log, defaultTenant: 'demo', tenantIds: () => ['demo'], publicUrl: () => undefined, env, clock: () => new Date() }) as unknown as Omit<ChannelDeps, 'dispatch'>;

test('the webhook channel is mounted only when configured; SMS and voice always', () => {
  expect([...createChannels(deps({})).adapters.keys()]).toEqual(['sms', 'voice']);
  const all = createChannels(deps({ WEBHOOK_CHANNEL_SECRET: 's', WEBHOOK_CHANNEL_URL: 'http://127.0.0.1:9/in' }));
  expect([...all.adapters.keys()]).toEqual(['sms', 'voice', 'webhook']);
  expect(all.routes().map((r) => r.path)).toEqual(['/channels/twilio', '/channels/twilio', '/channels/webhook']);
  // The push outbox's job is registered because one adapter delivers through it.
  expect(registered).toContain('channel.deliver');
});

test('a half or malformed Twilio configuration stops the start with every problem listed', () => {
  expect(() => createChannels(deps({ TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: 'x' }))).toThrow(TwilioConfigError);
  try {
    createChannels(deps({ TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: 'x' }));
  } catch (err) {
    expect((err as Error).message).toMatch(/TWILIO_ACCOUNT_SID must be/);
    expect((err as Error).message).toMatch(/TWILIO_FROM is required/);
  }
  logged.length = 0;
  createChannels(deps({ TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'x', TWILIO_FROM: '+447700900123' }));
  expect(logged.some((m) => /untested until the first send/.test(m))).toBe(true);
});

test('two channels of one name are refused', () => {
  const one = (): ChannelAdapter => ({ name: 'same', capabilities: { buttons: true, cards: true } });
  expect(() => createChannels(deps({}), [one, one])).toThrow(/two channels are named "same"/);
});

test('rich replies degrade in one place: numbered options without buttons, links written out without cards', () => {
  const message = { text: 'Which bin?', suggestions: [{ label: 'Black bin', value: 'black' }, { label: 'Blue bin', value: 'blue' }], link: { label: 'Bin days', url: 'https://example.gov.uk/bins' } };
  const plain = degrade(message, { buttons: false, cards: false });
  expect(plain.text).toBe('Which bin?\n\nBin days: https://example.gov.uk/bins\n\nReply with a number:\n1. Black bin\n2. Blue bin');
  expect(plain.suggestions).toBeUndefined();
  expect(pickNumbered(' 2. ', plain.options)).toBe('blue');
  expect(pickNumbered('3', plain.options)).toBeUndefined();
  const rich = degrade(message, { buttons: true, cards: true });
  expect(rich).toEqual({ text: 'Which bin?', suggestions: message.suggestions, link: message.link });
  expect(degrade({ text: 'word '.repeat(100) }, { buttons: true, cards: true, maxLength: 50 }).text.length).toBeLessThanOrEqual(50);
});

test('each adapter renders an outbound message for its channel, and refuses an unsigned request', () => {
  const channels = createChannels(deps({ WEBHOOK_CHANNEL_SECRET: 's', WEBHOOK_CHANNEL_URL: 'http://127.0.0.1:9/in', TWILIO_AUTH_TOKEN: undefined }));
  const message = { text: 'Which bin?', suggestions: [{ label: 'Black bin', value: 'black' }, { label: 'Blue bin', value: 'blue' }] };
  const sms = channels.adapters.get('sms')!;
  expect(sms.render!(message)).toMatch(/Which bin\?[\s\S]*1[^\n]*Black bin[\s\S]*2[^\n]*Blue bin/);
  expect(channels.adapters.get('webhook')!.render!(message)).toEqual({ text: 'Which bin?', suggestions: message.suggestions });
  const spoken = channels.adapters.get('voice')!.render!(message) as { segments: unknown[] };
  expect(JSON.stringify(spoken)).toMatch(/press/i);
  const unsigned = { header: () => undefined, get: () => undefined, body: Buffer.from('{}'), originalUrl: '/x', method: 'POST', protocol: 'http' } as never;
  for (const adapter of channels.adapters.values()) expect(adapter.verify!(unsigned)).toBe(false);
});
