/**
 * E-mail settings from the environment, checked at start: none set means no e-mail channel; a bad
 * value stops the start naming it (EmailConfigError, secrets never echoed). Which addresses are a
 * council's is in its pack (`channels.email.addresses`), checked here too: each address belongs to
 * one council, and a listener with no council address to receive for is a mistake.
 *
 * SMTP_INBOUND_PORT (unset: no listener), SMTP_INBOUND_HOST (default 0.0.0.0),
 * SMTP_INBOUND_MAX_BYTES (default 25 MB), SMTP_URL (the council's outbound relay:
 * smtp://user:pass@host:587 or smtps://…:465), EMAIL_WEBHOOK_SECRET (the inbound-mail webhook's
 * HMAC key; unset: no webhook).
 */
import type { Assistant } from '../../bot/index.js';

export interface EmailConfig {
  inboundPort: number | null;
  inboundHost: string;
  maxBytes: number;
  smtpUrl: string;
  webhookSecret: string | null;
}

export interface EmailSettings {
  addresses: string[];
  fromName?: string;
  signature: string;
  resumeWithinDays: number;
  perSenderPerHour: number;
}

export class EmailConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid e-mail configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EmailConfigError';
  }
}

type Env = Record<string, string | undefined>;
const read = (env: Env, key: string) => env[key]?.trim() || undefined;

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/** The e-mail configuration; null when nothing about e-mail is set here. */
export function emailConfigFromEnv(env: Env): EmailConfig | null {
  const port = read(env, 'SMTP_INBOUND_PORT');
  const smtpUrl = read(env, 'SMTP_URL');
  const secret = read(env, 'EMAIL_WEBHOOK_SECRET');
  if (!port && !smtpUrl && !secret) return null;
  const problems: string[] = [];
  let inboundPort: number | null = null;
  if (port) {
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) problems.push(`SMTP_INBOUND_PORT must be a port number from 1 to 65535 (got "${port}")`);
    else inboundPort = Number(port);
  }
  const inboundHost = read(env, 'SMTP_INBOUND_HOST') ?? '0.0.0.0';
  if (/[\s/]/.test(inboundHost)) problems.push(`SMTP_INBOUND_HOST must be an address to listen on, such as 0.0.0.0 or 127.0.0.1 (got "${inboundHost}")`);
  const maxRaw = read(env, 'SMTP_INBOUND_MAX_BYTES');
  const maxBytes = maxRaw === undefined ? DEFAULT_MAX_BYTES : Number(maxRaw);
  if (!Number.isInteger(maxBytes) || maxBytes < 64 * 1024 || maxBytes > 100 * 1024 * 1024) problems.push(`SMTP_INBOUND_MAX_BYTES must be a whole number of bytes from 65536 to 104857600 (got "${maxRaw}")`);
  if (!smtpUrl) problems.push('SMTP_URL is required: the relay replies are sent through (smtp://user:password@host:587 or smtps://user:password@host:465)');
  else {
    let url: URL | undefined;
    try {
      url = new URL(smtpUrl);
    } catch {
      url = undefined;
    }
    // Never echo it: it may hold the relay's password.
    if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) problems.push('SMTP_URL must be an smtp:// or smtps:// URL with a host, such as smtp://user:password@relay.example:587');
  }
  if (secret !== undefined && secret.length < 16) problems.push('EMAIL_WEBHOOK_SECRET must be at least 16 characters (a random string shared with the mail relay)');
  if (!port && !secret) problems.push('SMTP_URL is set but mail cannot arrive: set SMTP_INBOUND_PORT (an SMTP listener) or EMAIL_WEBHOOK_SECRET (the inbound-mail webhook)');
  if (problems.length) throw new EmailConfigError(problems);
  return { inboundPort, inboundHost, maxBytes, smtpUrl: smtpUrl!, webhookSecret: secret ?? null };
}

export interface CouncilPacks {
  assistant: Pick<Assistant, 'runtime'>;
  tenantIds: () => Iterable<string>;
}

/** A council's e-mail settings (its pack's `channels.email`); undefined when it has none (or is being unloaded). */
export function emailSettingsOf(deps: CouncilPacks, tenant: string): EmailSettings | undefined {
  try {
    return deps.assistant.runtime(tenant).pack.settings.channels.email;
  } catch {
    return undefined;
  }
}

export const normaliseAddress = (address: string) => address.trim().toLowerCase();

/** The council an address belongs to (the pack that lists it), or null. */
export function councilForAddress(deps: CouncilPacks, address: string): string | null {
  const a = normaliseAddress(address);
  for (const id of deps.tenantIds()) if (emailSettingsOf(deps, id)?.addresses.includes(a)) return id;
  return null;
}

/** Problems with the councils' addresses: one listed by two councils; none listed at all. */
export function councilAddressProblems(deps: CouncilPacks): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const id of deps.tenantIds()) {
    for (const a of emailSettingsOf(deps, id)?.addresses ?? []) {
      const other = owner.get(a);
      if (other && other !== id) problems.push(`channels.email.addresses: ${a} is listed by both ${other} and ${id}: an address belongs to one council`);
      owner.set(a, id);
    }
  }
  if (!owner.size) problems.push('no council lists an address in its pack (channels.email.addresses): mail would reach nobody');
  return problems;
}
