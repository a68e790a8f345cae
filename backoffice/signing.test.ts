/**
 * Signing as Standard Webhooks specifies it (checked against the specification's published
 * example), the receiver's check with its replay window, and the push's small rules: backoff,
 * service filters, webhook addresses, settings from the environment.
 */
import { expect, test } from '@jest/globals';
import { backoffMs, DEFAULT_PUSH_SETTINGS, pushSettingsFromEnv, webhookTakesService } from './push.js';
import { newWebhookSecret, signWebhook, verifyWebhook, webhookHeaders, WebhookVerificationError } from './signing.js';
import { checkWebhookUrl, WebhookInputError } from './webhooks.js';
import { jsonToXml, sequenceOf } from './cloudevents.js';
import { parseXml } from './xml-reader.fixture.js';

test('the signature is the specification’s: HMAC-SHA256 of "id.timestamp.body" under the whsec_ secret’s bytes, in base64', () => {
  // The example published with the Standard Webhooks specification and its libraries.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  expect(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  expect(newWebhookSecret()).not.toBe(newWebhookSecret());
});

test('the receiver’s check: good signature within five minutes; tampering, a wrong secret, an old or future timestamp refused', () => {
  const secret = newWebhookSecret();
  const body = '{"specversion":"1.0","id":"42"}';
  const sentAt = new Date('2025-06-01T10:00:00Z');
  const headers = webhookHeaders(secret, '42', body, sentAt);
  expect(headers['webhook-timestamp']).toBe(String(sentAt.getTime() / 1000));
  expect(verifyWebhook(secret, headers, body, { now: new Date(sentAt.getTime() + 299_000) })).toEqual({ id: '42', timestamp: sentAt.getTime() / 1000 });
  expect(verifyWebhook(secret, new Headers(headers), Buffer.from(body), { now: sentAt })).toMatchObject({ id: '42' });
  const refused = (h: Record<string, string>, b: string, now = sentAt) => {
    try {
      verifyWebhook(secret, h, b, { now });
      return 'accepted';
    } catch (err) {
      expect(err).toBeInstanceOf(WebhookVerificationError);
      return (err as Error).message;
    }
  };
  expect(refused(headers, body.replace('42', '43'))).toBe('no webhook-signature matches');
  expect(refused({ ...headers, 'webhook-id': '43' }, body)).toBe('no webhook-signature matches');
  expect(refused(webhookHeaders(newWebhookSecret(), '42', body, sentAt), body)).toBe('no webhook-signature matches');
  // A replay: the same request more than five minutes later, or one dated in the future.
  expect(refused(headers, body, new Date(sentAt.getTime() + 301_000))).toBe('webhook-timestamp is outside the replay window');
  expect(refused(headers, body, new Date(sentAt.getTime() - 301_000))).toBe('webhook-timestamp is outside the replay window');
  expect(refused({ ...headers, 'webhook-timestamp': 'soon' }, body)).toBe('webhook-timestamp is not a number of seconds');
  expect(refused({ 'webhook-id': '42', 'webhook-timestamp': headers['webhook-timestamp'] }, body)).toMatch(/missing/);
  // While a secret changes, two signatures are sent; either matching is enough.
  const other = signWebhook(newWebhookSecret(), '42', sentAt.getTime() / 1000, body);
  expect(refused({ ...headers, 'webhook-signature': `${other} ${headers['webhook-signature']}` }, body)).toBe('accepted');
  expect(refused({ ...headers, 'webhook-signature': `v2,${headers['webhook-signature'].slice(3)}` }, body)).toBe('no webhook-signature matches');
});

test('backoff doubles from its base up to its cap, with jitter only added', () => {
  const s = { backoffBaseMs: 1000, backoffCapMs: 10_000, jitter: 0.1 };
  expect([1, 2, 3, 4, 5, 9].map((a) => backoffMs(a, s, () => 0))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  expect(backoffMs(2, s, () => 0.999)).toBeLessThanOrEqual(2200);
  expect(backoffMs(2, s, () => 0.5)).toBe(2100);
  // The defaults leave a receiver about eleven hours before a delivery fails.
  const d = DEFAULT_PUSH_SETTINGS;
  const total = Array.from({ length: d.attempts - 1 }, (_, i) => backoffMs(i + 1, d, () => 0)).reduce((a, b) => a + b, 0);
  expect(total / 3600_000).toBeGreaterThan(10);
  expect(total / 3600_000).toBeLessThan(12);
});

test('settings from the environment, out-of-range values ignored', () => {
  expect(pushSettingsFromEnv({})).toEqual(DEFAULT_PUSH_SETTINGS);
  const s = pushSettingsFromEnv({ BACKOFFICE_RETRY_ATTEMPTS: '5', BACKOFFICE_TIMEOUT_MS: '30000', BACKOFFICE_SWEEP_MS: '1', BACKOFFICE_RETRY_BASE_MS: 'soon' });
  expect(s).toMatchObject({ attempts: 5, timeoutMs: 30_000, claimTimeoutMs: 90_000, sweepEveryMs: DEFAULT_PUSH_SETTINGS.sweepEveryMs, backoffBaseMs: DEFAULT_PUSH_SETTINGS.backoffBaseMs });
});

test('a service filter takes the services named and every service of an area named', () => {
  expect(webhookTakesService({ services: null }, 'waste.missed_collection')).toBe(true);
  expect(webhookTakesService({ services: ['highways'] }, 'highways.pothole')).toBe(true);
  expect(webhookTakesService({ services: ['highways'] }, 'highwaysx.pothole')).toBe(false);
  expect(webhookTakesService({ services: ['waste.missed_collection'] }, 'waste.missed_collection')).toBe(true);
  expect(webhookTakesService({ services: ['waste.missed_collection'] }, 'waste.bulky_collection')).toBe(false);
});

test('webhook addresses: https, or http to this machine; no credentials or fragment', () => {
  expect(checkWebhookUrl('https://crm.council.example/hooks/cases')).toBe('https://crm.council.example/hooks/cases');
  expect(checkWebhookUrl('http://127.0.0.1:8080/in')).toBe('http://127.0.0.1:8080/in');
  expect(checkWebhookUrl('http://crm.internal/in', true)).toBe('http://crm.internal/in');
  for (const bad of ['http://crm.council.example/in', 'ftp://x.example/', 'not a url', 'https://user:pw@crm.example/', 'https://crm.example/#x']) {
    expect(() => checkWebhookUrl(bad)).toThrow(WebhookInputError);
  }
});

test('JSON as XML: awkward keys and text stay well formed', () => {
  expect(sequenceOf(7)).toBe('0000000007');
  expect(sequenceOf(12)).toBe('0000000012');
  expect(sequenceOf(9) < sequenceOf(10)).toBe(true);
  const xml = jsonToXml('case', { 'what happened?': 'A & B <c>', xmlish: 'x', 'Ünïcode': '\u0001bell\uD800', list: [1, { a: null }], '': 'empty' });
  const root = parseXml(`<root xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${xml}</root>`).children[0];
  expect(root.children.map((c) => [c.name, c.attrs.name ?? null, c.text])).toEqual([
    ['field', 'what happened?', 'A & B <c>'],
    ['field', 'xmlish', 'x'],
    ['field', 'Ünïcode', '\uFFFDbell\uFFFD'],
    ['list', null, ''],
    ['field', '', 'empty'],
  ]);
});
