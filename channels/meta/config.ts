/**
 * Meta (WhatsApp Cloud API) settings from the channel's environment, checked at start: none set
 * means the channel is not mounted; a half or malformed configuration stops the start with every
 * problem listed (MetaConfigError), secrets never echoed. Which council a WhatsApp number belongs
 * to is in each council's pack (`channels.whatsappPhoneNumberIds`, see phone-ids.ts).
 *
 * META_APP_SECRET (signs webhooks), META_VERIFY_TOKEN (the subscription handshake),
 * WHATSAPP_ACCESS_TOKEN (a system-user token for the Graph API), optional META_GRAPH_API_VERSION
 * (default v21.0) and META_GRAPH_BASE_URL (default https://graph.facebook.com; a local stand-in).
 */
export const GRAPH_PRODUCTION_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_VERSION = 'v21.0';

export interface MetaConfig {
  appSecret: string;
  verifyToken: string;
  whatsappToken: string;
  graphVersion: string;
  /** Origin of the Graph API, without a trailing slash. */
  graphBaseUrl: string;
}

export class MetaConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Meta (WhatsApp) configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'MetaConfigError';
  }
}

type Env = Record<string, string | undefined>;

const read = (env: Env, key: string) => env[key]?.trim() || undefined;

export function metaConfigFromEnv(env: Env): MetaConfig | null {
  const appSecret = read(env, 'META_APP_SECRET');
  const verifyToken = read(env, 'META_VERIFY_TOKEN');
  const whatsappToken = read(env, 'WHATSAPP_ACCESS_TOKEN');
  if (!appSecret && !verifyToken && !whatsappToken) return null;
  const problems: string[] = [];
  if (!appSecret) problems.push('META_APP_SECRET is required: the app secret Meta signs webhooks with (X-Hub-Signature-256)');
  if (!verifyToken) problems.push('META_VERIFY_TOKEN is required: the token you give Meta when subscribing the webhook');
  if (!whatsappToken) problems.push('WHATSAPP_ACCESS_TOKEN is required: a system-user token with whatsapp_business_messaging');
  const graphVersion = read(env, 'META_GRAPH_API_VERSION') ?? DEFAULT_GRAPH_VERSION;
  if (!/^v\d{1,3}\.\d{1,2}$/.test(graphVersion)) problems.push(`META_GRAPH_API_VERSION must look like v21.0 (got "${graphVersion}")`);
  const graphBaseUrl = (read(env, 'META_GRAPH_BASE_URL') ?? GRAPH_PRODUCTION_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+$/.test(graphBaseUrl)) problems.push(`META_GRAPH_BASE_URL must be an origin such as http://localhost:4020 (got "${graphBaseUrl}")`);
  if (problems.length) throw new MetaConfigError(problems);
  return { appSecret: appSecret!, verifyToken: verifyToken!, whatsappToken: whatsappToken!, graphVersion, graphBaseUrl };
}
