import { z } from 'zod';

/** GOV.UK Notify's production API; a different base URL is for a local stand-in or a proxy. */
export const NOTIFY_PRODUCTION_URL = 'https://api.notifications.service.gov.uk';

// A Notify API key is `{key_name}-{service_id}-{secret_key}`: the client takes the last 73
// characters as the two UUIDs, so anything else before them is the key's name.
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const API_KEY = new RegExp(`^(?:.+-)?(${UUID})-(${UUID})$`);

const schema = z
  .object({
    NOTIFY_API_KEY: z
      .string()
      .trim()
      .regex(API_KEY, 'NOTIFY_API_KEY must be the whole key from Notify: key_name-<service id>-<secret key>')
      .optional(),
    NOTIFY_BASE_URL: z
      .url({ message: 'NOTIFY_BASE_URL must be an absolute URL' })
      .refine((u) => /^https?:\/\//.test(u), 'NOTIFY_BASE_URL must start with http:// or https://')
      .default(NOTIFY_PRODUCTION_URL),
    NOTIFY_SMS_TEMPLATE_ID: z.guid({ message: 'NOTIFY_SMS_TEMPLATE_ID must be the template id (a UUID) from Notify' }).optional(),
    NOTIFY_EMAIL_TEMPLATE_ID: z.guid({ message: 'NOTIFY_EMAIL_TEMPLATE_ID must be the template id (a UUID) from Notify' }).optional(),
  })
  .refine((c) => !c.NOTIFY_API_KEY || c.NOTIFY_SMS_TEMPLATE_ID || c.NOTIFY_EMAIL_TEMPLATE_ID, {
    message: 'with NOTIFY_API_KEY set, give NOTIFY_SMS_TEMPLATE_ID and/or NOTIFY_EMAIL_TEMPLATE_ID',
    path: ['NOTIFY_SMS_TEMPLATE_ID'],
  });

export interface NotifyConfig {
  /** Unset: referrals are logged, not sent (LogOnlySender). */
  apiKey?: string;
  baseUrl: string;
  smsTemplateId?: string;
  emailTemplateId?: string;
}

export class NotifyConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid GOV.UK Notify configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'NotifyConfigError';
  }
}

/** Reads the Notify settings; empty variables count as unset. The key itself is never echoed in errors. */
export function loadNotifyConfig(env: Record<string, string | undefined> = process.env): NotifyConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('NOTIFY_') && v !== undefined && v.trim() !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new NotifyConfigError(
      parsed.error.issues.map((i) => {
        const key = String(i.path[0]);
        return key === 'NOTIFY_API_KEY' ? `${key}: ${i.message}` : `${key}: ${i.message} (got "${present[key] ?? ''}")`;
      }),
    );
  }
  const c = parsed.data;
  return {
    apiKey: c.NOTIFY_API_KEY,
    baseUrl: c.NOTIFY_BASE_URL.replace(/\/$/, ''),
    smsTemplateId: c.NOTIFY_SMS_TEMPLATE_ID,
    emailTemplateId: c.NOTIFY_EMAIL_TEMPLATE_ID,
  };
}

/** The service id and secret the client derives from a key (the stand-in and tests use it). */
export function parseNotifyApiKey(apiKey: string): { serviceId: string; secret: string } {
  const m = API_KEY.exec(apiKey.trim());
  if (!m) throw new NotifyConfigError(['NOTIFY_API_KEY: not a Notify API key']);
  return { serviceId: m[1], secret: m[2] };
}
