/** Twilio's production REST API; anything else is a local stand-in or a proxy. */
export const TWILIO_PRODUCTION_API = 'https://api.twilio.com';

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) or Messaging Service SID (`MG…`). */
  from: string;
  /** Origin of the REST API: https://api.twilio.com unless TWILIO_API_BASE_URL points at a stand-in. */
  apiBaseUrl: string;
  /** Where Twilio posts message status changes; defaults to PUBLIC_URL + /channels/twilio/status when PUBLIC_URL is set. */
  statusCallbackUrl?: string;
}

export class TwilioConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Twilio configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TwilioConfigError';
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, key: string): string | undefined {
  const v = env[key]?.trim();
  return v ? v : undefined;
}

/**
 * Twilio settings from the environment (read at call time so tests can set process.env first).
 * Null when Twilio is not configured at all (no account SID and no auth token): nothing is sent.
 * A half configuration is an error, reported all at once; the auth token is never echoed.
 *
 * TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM (number or MG… SID), optional
 * TWILIO_API_BASE_URL, TWILIO_STATUS_CALLBACK_URL, and PUBLIC_URL for the default status callback.
 */
export function twilioConfigFromEnv(env: Env = process.env): TwilioConfig | null {
  const accountSid = read(env, 'TWILIO_ACCOUNT_SID');
  const authToken = read(env, 'TWILIO_AUTH_TOKEN');
  const from = read(env, 'TWILIO_FROM');
  if (!accountSid && !authToken) return null;
  const problems: string[] = [];
  if (!accountSid) problems.push('TWILIO_ACCOUNT_SID is required with TWILIO_AUTH_TOKEN');
  else if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) problems.push(`TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex digits (got "${accountSid}")`);
  if (!authToken) problems.push('TWILIO_AUTH_TOKEN is required with TWILIO_ACCOUNT_SID');
  if (!from) problems.push('TWILIO_FROM is required: the sending number in E.164 (+447…) or a Messaging Service SID (MG…)');
  else if (!/^\+[1-9]\d{6,14}$/.test(from) && !/^MG[0-9a-fA-F]{32}$/.test(from)) {
    problems.push(`TWILIO_FROM must be an E.164 number such as +447700900123 or a Messaging Service SID (got "${from}")`);
  }
  const apiBaseUrl = (read(env, 'TWILIO_API_BASE_URL') ?? TWILIO_PRODUCTION_API).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/.test(apiBaseUrl)) problems.push(`TWILIO_API_BASE_URL must be an origin such as http://localhost:4010 (got "${apiBaseUrl}")`);
  const publicUrl = read(env, 'PUBLIC_URL')?.replace(/\/+$/, '');
  const statusCallbackUrl = read(env, 'TWILIO_STATUS_CALLBACK_URL') ?? (publicUrl ? `${publicUrl}/channels/twilio/status` : undefined);
  if (problems.length) throw new TwilioConfigError(problems);
  return { accountSid: accountSid!, authToken: authToken!, from: from!, apiBaseUrl, statusCallbackUrl };
}
