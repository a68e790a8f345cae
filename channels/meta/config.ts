/**
 * Meta settings from the channel's environment, checked at start: none set means no Meta channel
 * is mounted; a half or malformed configuration stops the start with every problem listed
 * (MetaConfigError), secrets never echoed. WhatsApp and Messenger/Instagram are configured
 * independently (each by its token) and share the app's secret, verify token and Graph settings.
 * Which council a WhatsApp number, Facebook Page or Instagram account belongs to is in each
 * council's pack (`channels.whatsappPhoneNumberIds`, `messengerPageIds`, `instagramAccountIds`).
 *
 * META_APP_SECRET (signs webhooks), META_VERIFY_TOKEN (the subscription handshake),
 * WHATSAPP_ACCESS_TOKEN (a system-user token for the Graph API), MESSENGER_PAGE_ACCESS_TOKEN (the
 * Page's token for the Send API, Messenger and the Page's linked Instagram account), optional
 * META_GRAPH_API_VERSION (default v21.0) and META_GRAPH_BASE_URL (default https://graph.facebook.com; a local stand-in).
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

/** Messenger and Instagram messaging (the Send API with a Page access token). */
export interface MessengerConfig {
  appSecret: string;
  verifyToken: string;
  pageToken: string;
  graphVersion: string;
  graphBaseUrl: string;
}

export class MetaConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Meta (WhatsApp, Messenger) configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'MetaConfigError';
  }
}

type Env = Record<string, string | undefined>;

const read = (env: Env, key: string) => env[key]?.trim() || undefined;

interface Shared {
  appSecret: string;
  verifyToken: string;
  graphVersion: string;
  graphBaseUrl: string;
}

/** The settings WhatsApp and Messenger share; `tokenProblem` is added in its place when no token is given. */
function shared(env: Env, tokenProblem: string | null): Shared {
  const appSecret = read(env, 'META_APP_SECRET');
  const verifyToken = read(env, 'META_VERIFY_TOKEN');
  const problems: string[] = [];
  if (!appSecret) problems.push('META_APP_SECRET is required: the app secret Meta signs webhooks with (X-Hub-Signature-256)');
  if (!verifyToken) problems.push('META_VERIFY_TOKEN is required: the token you give Meta when subscribing the webhook');
  if (tokenProblem) problems.push(tokenProblem);
  const graphVersion = read(env, 'META_GRAPH_API_VERSION') ?? DEFAULT_GRAPH_VERSION;
  if (!/^v\d{1,3}\.\d{1,2}$/.test(graphVersion)) problems.push(`META_GRAPH_API_VERSION must look like v21.0 (got "${graphVersion}")`);
  const graphBaseUrl = (read(env, 'META_GRAPH_BASE_URL') ?? GRAPH_PRODUCTION_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+$/.test(graphBaseUrl)) problems.push(`META_GRAPH_BASE_URL must be an origin such as http://localhost:4020 (got "${graphBaseUrl}")`);
  if (problems.length) throw new MetaConfigError(problems);
  return { appSecret: appSecret!, verifyToken: verifyToken!, graphVersion, graphBaseUrl };
}

/** WhatsApp's configuration; null when WhatsApp is not configured here (Messenger alone may be). */
export function metaConfigFromEnv(env: Env): MetaConfig | null {
  const whatsappToken = read(env, 'WHATSAPP_ACCESS_TOKEN');
  if (!whatsappToken) {
    if (read(env, 'MESSENGER_PAGE_ACCESS_TOKEN')) return null; // Messenger alone: its own check lists its problems
    if (!read(env, 'META_APP_SECRET') && !read(env, 'META_VERIFY_TOKEN')) return null;
  }
  const problem = whatsappToken
    ? null
    : 'WHATSAPP_ACCESS_TOKEN is required: a system-user token with whatsapp_business_messaging (or MESSENGER_PAGE_ACCESS_TOKEN for Messenger and Instagram alone)';
  return { ...shared(env, problem), whatsappToken: whatsappToken! };
}

/** Messenger and Instagram's configuration; null when MESSENGER_PAGE_ACCESS_TOKEN is not set. */
export function messengerConfigFromEnv(env: Env): MessengerConfig | null {
  const pageToken = read(env, 'MESSENGER_PAGE_ACCESS_TOKEN');
  if (!pageToken) return null;
  return { ...shared(env, null), pageToken };
}
