import { randomUUID } from 'node:crypto';
import http from 'node:http';
import jwt from 'jsonwebtoken';

/**
 * A local stand-in for GOV.UK Notify's API v2 (send SMS and e-mail), for tests: it checks the
 * bearer JWT as Notify does (HS256 with the key's secret, `iss` = service id, `iat` recent),
 * validates the body, renders the template and answers with Notify's 201 and error shapes.
 */
export interface StandInTemplate {
  type: 'sms' | 'email';
  body: string;
  subject?: string;
  version?: number;
}

export interface ReceivedNotification {
  path: string;
  body: Record<string, unknown>;
  claims: jwt.JwtPayload;
  userAgent: string | undefined;
  status: number;
}

export interface NotifyStandIn {
  url: string;
  serviceId: string;
  secret: string;
  /** A whole API key for this stand-in: `{key_name}-{service_id}-{secret}`. */
  apiKey: string;
  templates: Map<string, StandInTemplate>;
  received: ReceivedNotification[];
  /** Answers the next requests with these statuses (then normally again); 'hang' never answers. */
  failNext(...statuses: (400 | 403 | 429 | 500 | 'hang')[]): void;
  close(): Promise<void>;
}

const ERRORS: Record<number, { error: string; message: string }> = {
  400: { error: 'BadRequestError', message: 'Bad request' },
  403: { error: 'AuthError', message: 'Invalid token: API key not found' },
  429: { error: 'RateLimitError', message: 'Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds' },
  500: { error: 'Exception', message: 'Internal server error' },
};

// Notify's own rule for UK mobiles, simplified: 07 + 9 digits, after +44 / 0044 / 0.
const UK_MOBILE = /^(?:\+44|0044|0)7\d{9}$/;

export async function startNotifyStandIn(keyName = 'council_assistant_test'): Promise<NotifyStandIn> {
  const serviceId = randomUUID();
  const secret = randomUUID();
  const templates = new Map<string, StandInTemplate>();
  const received: ReceivedNotification[] = [];
  const failures: (number | 'hang')[] = [];
  const hanging = new Set<http.ServerResponse>();
  let url = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const fail = (status: number, error: string, message: string) => send(status, { status_code: status, errors: [{ error, message }] });
      const path = (req.url ?? '').split('?')[0];
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return fail(400, 'BadRequestError', 'Invalid JSON supplied in POST data');
      }
      const record = (status: number, claims: jwt.JwtPayload = {}) =>
        received.push({ path, body, claims, userAgent: req.headers['user-agent'], status });

      // Authentication first, as Notify does.
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ')) {
        record(401);
        return fail(401, 'AuthError', 'Unauthorized: authentication token must be provided');
      }
      let claims: jwt.JwtPayload;
      try {
        const decoded = jwt.verify(auth.slice(7), secret, { algorithms: ['HS256'], issuer: serviceId });
        if (typeof decoded === 'string' || typeof decoded.iat !== 'number') throw new Error('no iat');
        if (Math.abs(Date.now() / 1000 - decoded.iat) > 30) {
          record(403, decoded);
          return fail(403, 'AuthError', 'Error: Your system clock must be accurate to within 30 seconds');
        }
        claims = decoded;
      } catch {
        record(403);
        return fail(403, 'AuthError', 'Invalid token: signature, api token not found');
      }

      const scripted = failures.shift();
      if (scripted === 'hang') {
        record(0, claims);
        hanging.add(res);
        return;
      }
      if (scripted !== undefined) {
        record(scripted, claims);
        return fail(scripted, ERRORS[scripted].error, ERRORS[scripted].message);
      }

      const type = path === '/v2/notifications/sms' ? 'sms' : path === '/v2/notifications/email' ? 'email' : null;
      if (req.method !== 'POST' || !type) {
        record(404, claims);
        return fail(404, 'NotFound', 'The requested URL was not found on the server.');
      }
      const reject = (message: string, error = 'ValidationError') => {
        record(400, claims);
        return fail(400, error, message);
      };
      const templateId = String(body.template_id ?? '');
      const template = templates.get(templateId);
      if (!template) return reject('Template not found', 'BadRequestError');
      if (template.type !== type) return reject(`${type} template is not suitable for ${template.type} notification`, 'BadRequestError');
      const to = String((type === 'sms' ? body.phone_number : body.email_address) ?? '');
      if (type === 'sms' && !UK_MOBILE.test(to.replace(/[\s()-]/g, ''))) return reject('phone_number Not a UK mobile number');
      if (type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(to)) return reject('email_address Not a valid email address');
      const personalisation = (body.personalisation ?? {}) as Record<string, unknown>;
      const placeholders = [...new Set([...(template.subject ?? '').matchAll(/\(\(([^)]+)\)\)/g), ...template.body.matchAll(/\(\(([^)]+)\)\)/g)].map((m) => m[1]))];
      const missing = placeholders.filter((p) => personalisation[p] === undefined);
      if (missing.length) return reject(`Missing personalisation: ${missing.join(', ')}`, 'BadRequestError');
      const render = (t: string) => t.replace(/\(\(([^)]+)\)\)/g, (_m, k: string) => String(personalisation[k]));
      if (type === 'sms' && render(template.body).length > 918) return reject(`Text messages cannot be longer than 918 characters. Your message is ${render(template.body).length} characters`, 'BadRequestError');

      const id = randomUUID();
      record(201, claims);
      send(201, {
        id,
        reference: body.reference ?? null,
        content:
          type === 'sms'
            ? { body: render(template.body), from_number: 'Merebrook' }
            : { body: render(template.body), subject: render(template.subject ?? ''), from_email: 'merebrook.council@notifications.service.gov.uk' },
        uri: `${url}/v2/notifications/${id}`,
        template: { id: templateId, version: template.version ?? 1, uri: `${url}/services/${serviceId}/templates/${templateId}` },
        scheduled_for: null,
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  return {
    url,
    serviceId,
    secret,
    apiKey: `${keyName}-${serviceId}-${secret}`,
    templates,
    received,
    failNext: (...statuses) => failures.push(...statuses),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A duty-referral SMS template and an e-mail one, as the tests' stand-in knows them. */
export const REFERRAL_SMS_TEMPLATE = { type: 'sms', body: 'Duty referral ((reference)): ((summary)) Ack: ((ack_link))' } as const;
export const REFERRAL_EMAIL_TEMPLATE = { type: 'email', subject: 'Duty referral ((reference))', body: '((summary)) Ack: ((ack_link))' } as const;

/**
 * A Notify stand-in with the referral templates, and the NOTIFY_* variables pointing at it (so a
 * server started next is configured for it) until `restore()`, which also closes the stand-in.
 */
export async function notifyConfiguredForTests(options: { email?: boolean } = {}): Promise<{
  notify: NotifyStandIn;
  smsTemplateId: string;
  emailTemplateId: string | null;
  restore(): Promise<void>;
}> {
  const saved = { ...process.env };
  const notify = await startNotifyStandIn();
  const smsTemplateId = randomUUID();
  const emailTemplateId = options.email ? randomUUID() : null;
  notify.templates.set(smsTemplateId, { ...REFERRAL_SMS_TEMPLATE });
  if (emailTemplateId) notify.templates.set(emailTemplateId, { ...REFERRAL_EMAIL_TEMPLATE });
  Object.assign(process.env, {
    NOTIFY_API_KEY: notify.apiKey,
    NOTIFY_BASE_URL: notify.url,
    NOTIFY_SMS_TEMPLATE_ID: smsTemplateId,
    ...(emailTemplateId ? { NOTIFY_EMAIL_TEMPLATE_ID: emailTemplateId } : {}),
  });
  return {
    notify,
    smsTemplateId,
    emailTemplateId,
    restore: async () => {
      process.env = saved;
      await notify.close();
    },
  };
}
