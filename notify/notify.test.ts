import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { createReferralSender, loadNotifyConfig, LogOnlySender, NotifyConfigError, NotifySender, NotifySendError, parseNotifyApiKey } from './index.js';
import { startNotifyStandIn, type NotifyStandIn } from './notify-stand-in.fixture.js';

const SMS_TEMPLATE = randomUUID();
const EMAIL_TEMPLATE = randomUUID();

describe('Notify configuration', () => {
  const key = `council_live-${randomUUID()}-${randomUUID()}`;

  test('reads the key, templates and base URL; the production URL by default; empty counts as unset', () => {
    const c = loadNotifyConfig({ NOTIFY_API_KEY: key, NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE, NOTIFY_BASE_URL: '' });
    expect(c).toEqual({ apiKey: key, baseUrl: 'https://api.notifications.service.gov.uk', smsTemplateId: SMS_TEMPLATE, emailTemplateId: undefined });
    expect(loadNotifyConfig({ NOTIFY_API_KEY: '' }).apiKey).toBeUndefined();
  });

  test('rejects a malformed key without echoing it, and a key without any template', () => {
    let err: unknown;
    try {
      loadNotifyConfig({ NOTIFY_API_KEY: 'secret-but-wrong', NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NotifyConfigError);
    expect(String(err)).toMatch(/NOTIFY_API_KEY/);
    expect(String(err)).not.toMatch(/secret-but-wrong/);
    expect(() => loadNotifyConfig({ NOTIFY_API_KEY: key })).toThrow(/NOTIFY_SMS_TEMPLATE_ID/);
    expect(() => loadNotifyConfig({ NOTIFY_SMS_TEMPLATE_ID: 'not-a-uuid' })).toThrow(/template id/);
  });

  test('the service id and secret are the two UUIDs at the end of the key, as the client slices them', () => {
    const serviceId = randomUUID();
    const secret = randomUUID();
    expect(parseNotifyApiKey(`my-key-name-${serviceId}-${secret}`)).toEqual({ serviceId, secret });
  });

  test('without a key the sender is log-only and says so', async () => {
    const warnings: string[] = [];
    const log = { info: () => {}, warn: (_o: object, m?: string) => void warnings.push(m ?? ''), error: () => {} };
    const sender = createReferralSender(loadNotifyConfig({}), log);
    expect(sender).toBeInstanceOf(LogOnlySender);
    const result = await sender.send({ channel: 'sms', destination: '+447700900123', personalisation: { summary: 'x' }, reference: 'r1' });
    expect(result).toEqual({ sent: false, reason: 'no_provider' });
    expect((sender as LogOnlySender).outbox).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/NOT be sent|nothing was sent/);
  });
});

describe('NotifySender against a local stand-in for the Notify API', () => {
  let notify: NotifyStandIn;
  let sender: NotifySender;

  beforeAll(async () => {
    notify = await startNotifyStandIn();
    notify.templates.set(SMS_TEMPLATE, { type: 'sms', body: 'Duty referral ((reference)): ((summary)) Ack: ((ack_link))' });
    notify.templates.set(EMAIL_TEMPLATE, { type: 'email', subject: 'Duty referral ((reference))', body: '((summary))\n\nAcknowledge: ((ack_link))' });
    sender = new NotifySender({ ...loadNotifyConfig({ NOTIFY_API_KEY: notify.apiKey, NOTIFY_BASE_URL: notify.url, NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE, NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE }), apiKey: notify.apiKey }, { timeoutMs: 500 });
  });
  afterAll(async () => {
    await notify.close();
  });
  beforeEach(() => {
    notify.received.length = 0;
  });

  const personalisation = { reference: 'MBC-1234', summary: 'Ceiling collapsed', ack_link: 'https://example.test/referrals/ack/abc' };

  test('an SMS goes to /v2/notifications/sms with an HS256 JWT (iss = service id, iat = now) and Notify field names', async () => {
    const result = await sender.send({ channel: 'sms', destination: '+447700900123', personalisation, reference: 'ref-1' });
    expect(result.sent).toBe(true);
    expect(result.sent && result.providerId).toMatch(/^[0-9a-f-]{36}$/);
    const [req] = notify.received;
    expect(req.path).toBe('/v2/notifications/sms');
    expect(req.status).toBe(201);
    expect(req.body).toEqual({ template_id: SMS_TEMPLATE, phone_number: '+447700900123', personalisation, reference: 'ref-1' });
    expect(req.claims.iss).toBe(notify.serviceId);
    expect(Math.abs(req.claims.iat! - Date.now() / 1000)).toBeLessThan(5);
    expect(req.userAgent).toMatch(/^NOTIFY-API-NODE-CLIENT\//);
  });

  test('an e-mail goes to /v2/notifications/email', async () => {
    const result = await sender.send({ channel: 'email', destination: 'duty@merebrook.example', personalisation, reference: 'ref-2' });
    expect(result.sent).toBe(true);
    expect(notify.received[0].path).toBe('/v2/notifications/email');
    expect(notify.received[0].body).toMatchObject({ template_id: EMAIL_TEMPLATE, email_address: 'duty@merebrook.example' });
  });

  test('the stand-in really checks the signature: a key with the wrong secret is refused (403, not retryable)', async () => {
    const wrongKey = `x-${notify.serviceId}-${randomUUID()}`;
    const bad = new NotifySender({ apiKey: wrongKey, baseUrl: notify.url, smsTemplateId: SMS_TEMPLATE });
    const err = await bad.send({ channel: 'sms', destination: '07700900123', personalisation, reference: 'r' }).catch((e) => e);
    expect(err).toBeInstanceOf(NotifySendError);
    expect(err).toMatchObject({ status: 403, retryable: false, errors: [{ error: 'AuthError' }] });
    // and a token our secret signs passes the same check the stand-in makes
    const token = jwt.sign({ iss: notify.serviceId, iat: Math.round(Date.now() / 1000) }, notify.secret, { header: { typ: 'JWT', alg: 'HS256' } });
    expect(jwt.verify(token, notify.secret, { algorithms: ['HS256'], issuer: notify.serviceId })).toMatchObject({ iss: notify.serviceId });
  });

  test.each([
    [400, false, 'BadRequestError'],
    [429, true, 'RateLimitError'],
    [500, true, 'Exception'],
  ] as const)('a %i is a NotifySendError (retryable: %s) carrying Notify\'s errors', async (status, retryable, error) => {
    notify.failNext(status);
    const err = await sender.send({ channel: 'sms', destination: '07700900123', personalisation, reference: 'r' }).catch((e) => e);
    expect(err).toBeInstanceOf(NotifySendError);
    expect(err).toMatchObject({ status, retryable, errors: [{ error }] });
    // the message never carries the bearer token
    expect(String(err.message)).not.toMatch(/Bearer|eyJ/);
  });

  test('Notify\'s own validation: a non-mobile number and missing personalisation are 400s', async () => {
    await expect(sender.send({ channel: 'sms', destination: '01632960100', personalisation, reference: 'r' })).rejects.toMatchObject({
      status: 400,
      retryable: false,
      errors: [{ error: 'ValidationError', message: 'phone_number Not a UK mobile number' }],
    });
    await expect(sender.send({ channel: 'sms', destination: '07700900123', personalisation: { reference: 'x' }, reference: 'r' })).rejects.toMatchObject({
      status: 400,
      errors: [{ message: 'Missing personalisation: summary, ack_link' }],
    });
  });

  test('no answer within the timeout is a retryable failure', async () => {
    notify.failNext('hang');
    const err = await sender.send({ channel: 'sms', destination: '07700900123', personalisation, reference: 'r' }).catch((e) => e);
    expect(err).toMatchObject({ status: null, retryable: true });
  });

  test('a channel without a template fails clearly, without calling Notify', async () => {
    const smsOnly = new NotifySender({ apiKey: notify.apiKey, baseUrl: notify.url, smsTemplateId: SMS_TEMPLATE });
    await expect(smsOnly.send({ channel: 'email', destination: 'a@b.example', personalisation, reference: 'r' })).rejects.toThrow(/NOTIFY_EMAIL_TEMPLATE_ID/);
    expect(notify.received).toHaveLength(0);
  });
});
