/**
 * Direct Line settings from the channel's environment, checked at start: none set means the
 * channel is not mounted; a malformed one stops the start with every problem listed (secrets never
 * echoed).
 *
 * DIRECTLINE_SECRET is the Direct Line secret of the default council (the demo one when served, as
 * a request without its own council is everywhere else); a council with its own has
 * DIRECTLINE_SECRET__<COUNCIL> (the council's id upper-cased, anything but letters and digits as
 * `_`, as the Meta tokens: `west-sussex` is `WEST_SUSSEX`). A secret names its council, so two
 * councils may not share one. DIRECTLINE_TOKEN_TTL_SECONDS (default 1800, as Microsoft's) is how
 * long a token lives; a refresh gives another as long.
 */
export const SECRET_VAR = 'DIRECTLINE_SECRET';
const MIN_SECRET_LENGTH = 32;
export const DEFAULT_TOKEN_TTL_SECONDS = 1800;

export interface DirectLineConfig {
  /** Each council's secret, by council id. */
  secrets: Map<string, string>;
  tokenTtlSeconds: number;
}

export class DirectLineConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Direct Line configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DirectLineConfigError';
  }
}

type Env = Record<string, string | undefined>;

const councilKey = (tenant: string) => tenant.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** The configuration, or null when no Direct Line secret is set. */
export function directLineConfigFromEnv(env: Env, tenants: Iterable<string>, defaultTenant: string): DirectLineConfig | null {
  const problems: string[] = [];
  const byKey = new Map<string, string[]>();
  for (const t of tenants) byKey.set(councilKey(t), [...(byKey.get(councilKey(t)) ?? []), t]);
  const secrets = new Map<string, string>();
  const named = new Map<string, string>();
  for (const name of Object.keys(env).sort()) {
    if (name !== SECRET_VAR && !name.startsWith(`${SECRET_VAR}__`)) continue;
    const value = env[name]?.trim();
    if (!value) continue;
    let tenant: string | undefined = defaultTenant;
    if (name !== SECRET_VAR) {
      const key = name.slice(SECRET_VAR.length + 2);
      const councils = byKey.get(key);
      if (!councils) {
        problems.push(`${name} names no council served here (councils: ${[...byKey.values()].flat().join(', ') || 'none'}; the id upper-cased, other characters as _)`);
        continue;
      }
      if (councils.length > 1) {
        problems.push(`${name} would be the secret of ${councils.join(' and ')}: their ids differ only in punctuation`);
        continue;
      }
      tenant = councils[0];
    }
    if (/\s/.test(value)) problems.push(`${name} has spaces or line breaks in it: give the secret alone`);
    else if (value.length < MIN_SECRET_LENGTH) problems.push(`${name} is too short: use at least ${MIN_SECRET_LENGTH} random characters (for example \`openssl rand -base64 48\`)`);
    const other = named.get(value);
    if (other) problems.push(`${name} is the same secret as ${other}: a secret names its council, so each needs its own`);
    named.set(value, name);
    // A council's own secret wins over the deployment-wide one (which then serves no council but the default's).
    if (name !== SECRET_VAR || !secrets.has(tenant)) secrets.set(tenant, value);
  }
  const ttlRaw = env.DIRECTLINE_TOKEN_TTL_SECONDS?.trim();
  const tokenTtlSeconds = ttlRaw ? Number(ttlRaw) : DEFAULT_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 60 || tokenTtlSeconds > 86_400) {
    problems.push(`DIRECTLINE_TOKEN_TTL_SECONDS must be a whole number of seconds from 60 to 86400 (got "${ttlRaw}")`);
  }
  if (!secrets.size && !problems.length) {
    if (ttlRaw) problems.push('DIRECTLINE_TOKEN_TTL_SECONDS is set but no DIRECTLINE_SECRET (or DIRECTLINE_SECRET__<COUNCIL>) is');
    else return null;
  }
  if (problems.length) throw new DirectLineConfigError(problems);
  return { secrets, tokenTtlSeconds };
}
