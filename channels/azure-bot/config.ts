/**
 * Azure Bot Service settings from the channel's environment, checked at start: none set means the
 * channel is not mounted; a half or malformed one stops the start with every problem listed
 * (secrets never echoed).
 *
 * A council's bot is an Azure Bot resource (single-tenant) with its own Entra app registration:
 * AZURE_BOT_APP_ID (the MicrosoftAppId), AZURE_BOT_APP_PASSWORD (its client secret) and
 * AZURE_BOT_TENANT_ID (the council's Entra tenant) for the default council; a council with its own
 * bot sets the same names with `__<COUNCIL>` (its id upper-cased, anything but letters and digits
 * as `_`, as Direct Line's secrets). An app id names its council, so two councils may not share
 * one. AZURE_BOT_AUTHORITY (default https://login.microsoftonline.com) is the Entra authority the
 * app's tokens come from and the inbound JWT's keys are read at: another cloud's, or a local
 * stand-in's.
 */
export const APP_ID_VAR = 'AZURE_BOT_APP_ID';
export const PASSWORD_VAR = 'AZURE_BOT_APP_PASSWORD';
export const TENANT_VAR = 'AZURE_BOT_TENANT_ID';
export const AUTHORITY_VAR = 'AZURE_BOT_AUTHORITY';
export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';

export interface AzureBotApp {
  tenant: string;
  appId: string;
  password: string;
  /** The council's Entra tenant (a GUID or its domain). */
  entraTenant: string;
}

export interface AzureBotConfig {
  /** Each council's bot, by council id. */
  apps: Map<string, AzureBotApp>;
  authority: string;
}

export class AzureBotConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Azure Bot Service configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AzureBotConfigError';
  }
}

type Env = Record<string, string | undefined>;

const councilKey = (tenant: string) => tenant.toUpperCase().replace(/[^A-Z0-9]/g, '_');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http on this machine only (the Bot Framework Emulator, a local stand-in). */
export function acceptableUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

/** The configuration, or null when no AZURE_BOT_* variable is set. */
export function azureBotConfigFromEnv(env: Env, tenants: Iterable<string>, defaultTenant: string): AzureBotConfig | null {
  const problems: string[] = [];
  const councils = [...tenants];
  const byKey = new Map<string, string[]>();
  for (const t of councils) byKey.set(councilKey(t), [...(byKey.get(councilKey(t)) ?? []), t]);
  // Which council each suffix names ('' is the default council).
  const suffixes = new Set<string>();
  const names = [APP_ID_VAR, PASSWORD_VAR, TENANT_VAR];
  for (const name of Object.keys(env).sort()) {
    if (!env[name]?.trim()) continue;
    const base = names.find((n) => name === n || name.startsWith(`${n}__`));
    if (base) suffixes.add(name.slice(base.length + 2));
  }
  const authorityRaw = env[AUTHORITY_VAR]?.trim();
  if (!suffixes.size) {
    if (authorityRaw) throw new AzureBotConfigError([`${AUTHORITY_VAR} is set but no ${APP_ID_VAR} (or ${APP_ID_VAR}__<COUNCIL>) is`]);
    return null;
  }
  const authority = (authorityRaw || DEFAULT_AUTHORITY).replace(/\/+$/, '');
  if (!acceptableUrl(authority)) problems.push(`${AUTHORITY_VAR} must be an https URL (got "${authorityRaw}")`);

  const apps = new Map<string, AzureBotApp>();
  const byAppId = new Map<string, string>();
  for (const suffix of [...suffixes].sort()) {
    const v = (n: string) => (suffix ? `${n}__${suffix}` : n);
    let tenant = defaultTenant;
    if (suffix) {
      const named = byKey.get(suffix);
      if (!named || named.length !== 1) {
        problems.push(
          named ? `${v(APP_ID_VAR)} would be the bot of ${named.join(' and ')}: their ids differ only in punctuation` : `${v(APP_ID_VAR)} names no council served here (councils: ${councils.join(', ') || 'none'}; the id upper-cased, other characters as _)`,
        );
        continue;
      }
      tenant = named[0];
    } else if (!councils.includes(defaultTenant)) {
      problems.push(`${APP_ID_VAR} is for the default council "${defaultTenant}", which is not served here`);
      continue;
    }
    const appId = env[v(APP_ID_VAR)]?.trim() ?? '';
    const password = env[v(PASSWORD_VAR)]?.trim() ?? '';
    const entraTenant = env[v(TENANT_VAR)]?.trim() ?? '';
    const missing = [[APP_ID_VAR, appId], [PASSWORD_VAR, password], [TENANT_VAR, entraTenant]].filter(([, value]) => !value).map(([n]) => v(n));
    if (missing.length) {
      problems.push(`${missing.join(' and ')} must be set too: a council's bot needs its app id, its client secret and its Entra tenant`);
      continue;
    }
    if (!/^[A-Za-z0-9-]{8,64}$/.test(appId)) problems.push(`${v(APP_ID_VAR)} must be the bot's Microsoft App ID (a GUID)`);
    if (/\s/.test(password)) problems.push(`${v(PASSWORD_VAR)} has spaces or line breaks in it: give the client secret alone`);
    if (!/^[A-Za-z0-9.-]{3,100}$/.test(entraTenant)) problems.push(`${v(TENANT_VAR)} must be the Entra tenant id (a GUID) or its domain`);
    if (['common', 'organizations', 'consumers'].includes(entraTenant.toLowerCase())) problems.push(`${v(TENANT_VAR)} must be the council's own tenant: multi-tenant bots are not supported (Azure no longer creates them)`);
    const other = byAppId.get(appId.toLowerCase());
    if (other) problems.push(`${v(APP_ID_VAR)} is the same app id as ${other}: an app id names its council, so each needs its own bot`);
    byAppId.set(appId.toLowerCase(), v(APP_ID_VAR));
    apps.set(tenant, { tenant, appId, password, entraTenant });
  }
  if (problems.length) throw new AzureBotConfigError(problems);
  return { apps, authority };
}
