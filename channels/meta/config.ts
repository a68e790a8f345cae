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
 *
 * A council with its own Meta business account or Page has its own tokens, by convention
 * WHATSAPP_ACCESS_TOKEN__<COUNCIL> and MESSENGER_PAGE_ACCESS_TOKEN__<COUNCIL> (the council's id
 * upper-cased, anything but letters and digits as `_`: `west-sussex` is `WEST_SUSSEX`). Its sends,
 * read receipts and media fetches use its own token, others the deployment-wide one (which may then
 * be left unset). At start a council token naming no council served here, or one with spaces in
 * it, stops the start (a typo would otherwise send as the wrong account).
 */
export const GRAPH_PRODUCTION_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_VERSION = 'v21.0';

export const WHATSAPP_TOKEN_VAR = 'WHATSAPP_ACCESS_TOKEN';
export const MESSENGER_TOKEN_VAR = 'MESSENGER_PAGE_ACCESS_TOKEN';
type TokenVar = typeof WHATSAPP_TOKEN_VAR | typeof MESSENGER_TOKEN_VAR;

export interface MetaConfig {
  appSecret: string;
  verifyToken: string;
  /** The deployment-wide token, for councils without their own; undefined when every council has its own. */
  whatsappToken: string | undefined;
  /** Councils' own tokens (WHATSAPP_ACCESS_TOKEN__<COUNCIL>), by <COUNCIL> (councilKey). */
  councilTokens: Record<string, string>;
  graphVersion: string;
  /** Origin of the Graph API, without a trailing slash. */
  graphBaseUrl: string;
  /** The council a business number belongs to (the channel sets it from the packs): its calls use that council's token. */
  councilOf?: (phoneNumberId: string) => string | null;
}

/** Messenger and Instagram messaging (the Send API with a Page access token). */
export interface MessengerConfig {
  appSecret: string;
  verifyToken: string;
  /** The deployment-wide Page token, for councils without their own; undefined when every council has its own. */
  pageToken: string | undefined;
  /** Councils' own Page tokens (MESSENGER_PAGE_ACCESS_TOKEN__<COUNCIL>), by <COUNCIL>. */
  councilTokens: Record<string, string>;
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

/** A council's id as it appears in its token's variable name: `west-sussex` → `WEST_SUSSEX`. */
export const councilKey = (tenant: string) => tenant.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** The variable holding a council's own token: WHATSAPP_ACCESS_TOKEN__WEST_SUSSEX. */
export const councilTokenVar = (base: TokenVar, tenant: string) => `${base}__${councilKey(tenant)}`;

/** Every council token set in the environment for this base, by council key. */
function councilTokensOf(env: Env, base: TokenVar): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const name of Object.keys(env).sort()) {
    if (!name.startsWith(`${base}__`)) continue;
    const value = read(env, name);
    if (value) tokens[name.slice(base.length + 2)] = value;
  }
  return tokens;
}

/** The token a council's calls use: its own, else the deployment's; undefined when it has neither. */
export function tokenForCouncil(config: { councilTokens: Record<string, string> }, fallback: string | undefined, tenant: string | null | undefined): string | undefined {
  return (tenant ? config.councilTokens[councilKey(tenant)] : undefined) ?? fallback;
}

/**
 * What is wrong with the councils' own tokens, checked at start against the councils served: a
 * variable naming no council (a typo sends nothing as anyone), two councils sharing one variable,
 * a token with spaces in it (a paste that took more than the token).
 */
export function councilTokenProblems(base: TokenVar, councilTokens: Record<string, string>, tenants: Iterable<string>): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, string[]>();
  for (const t of tenants) byKey.set(councilKey(t), [...(byKey.get(councilKey(t)) ?? []), t]);
  for (const [key, token] of Object.entries(councilTokens)) {
    const councils = byKey.get(key);
    if (!councils) problems.push(`${base}__${key} names no council served here (councils: ${[...byKey.values()].flat().join(', ') || 'none'}; the id upper-cased, other characters as _)`);
    else if (councils.length > 1) problems.push(`${base}__${key} would be the token of ${councils.join(' and ')}: their ids differ only in punctuation`);
    if (/\s/.test(token)) problems.push(`${base}__${key} has spaces or line breaks in it: give the token alone`);
  }
  return problems;
}

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
  const whatsappToken = read(env, WHATSAPP_TOKEN_VAR);
  const councilTokens = councilTokensOf(env, WHATSAPP_TOKEN_VAR);
  const any = !!whatsappToken || Object.keys(councilTokens).length > 0;
  if (!any) {
    if (read(env, MESSENGER_TOKEN_VAR) || Object.keys(councilTokensOf(env, MESSENGER_TOKEN_VAR)).length) return null; // Messenger alone: its own check lists its problems
    if (!read(env, 'META_APP_SECRET') && !read(env, 'META_VERIFY_TOKEN')) return null;
  }
  const problem = any
    ? null
    : "WHATSAPP_ACCESS_TOKEN is required (or a council's own WHATSAPP_ACCESS_TOKEN__<COUNCIL>): a system-user token with whatsapp_business_messaging (or MESSENGER_PAGE_ACCESS_TOKEN for Messenger and Instagram alone)";
  return { ...shared(env, problem), whatsappToken, councilTokens };
}

/** Messenger and Instagram's configuration; null when no Page token (deployment-wide or a council's) is set. */
export function messengerConfigFromEnv(env: Env): MessengerConfig | null {
  const pageToken = read(env, MESSENGER_TOKEN_VAR);
  const councilTokens = councilTokensOf(env, MESSENGER_TOKEN_VAR);
  if (!pageToken && !Object.keys(councilTokens).length) return null;
  return { ...shared(env, null), pageToken, councilTokens };
}
