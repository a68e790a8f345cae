/**
 * Which council a Twilio number belongs to: one rule, used by SMS and voice alike, so a text and a
 * call to the same number reach the same council (or the same "not in service").
 *
 * A council's numbers are its pack's `channels.twilioNumbers`, and for the default council also
 * TWILIO_FROM (the number it sends from) when that is a number. Only when nothing says which
 * numbers are whose (no pack lists one and TWILIO_FROM is unset or a Messaging Service SID) does
 * every number reach the default council: a one-council deployment that never listed its numbers.
 */
import type { Assistant } from '../../bot/index.js';
import { toE164 } from '../../store/index.js';

export interface CouncilNumbers {
  assistant: Pick<Assistant, 'runtime'>;
  /** Every council served. */
  tenantIds: () => Iterable<string>;
  /** The default council; unset: "demo" when served, else the first council (as api/server.ts chooses). */
  defaultTenant?: string;
  /** The sending number or Messaging Service SID; default process.env.TWILIO_FROM, read at each call. */
  twilioFrom?: () => string | undefined;
}

/** The default council among those served. */
export function defaultCouncil(deps: Pick<CouncilNumbers, 'tenantIds' | 'defaultTenant'>): string | null {
  const ids = [...deps.tenantIds()];
  if (deps.defaultTenant && ids.includes(deps.defaultTenant)) return deps.defaultTenant;
  return ids.includes('demo') ? 'demo' : (ids[0] ?? null);
}

function listedNumbers(deps: CouncilNumbers, tenant: string): string[] {
  try {
    return deps.assistant.runtime(tenant).pack.settings.channels.twilioNumbers.map((n) => toE164(n)).filter((n): n is string => !!n);
  } catch {
    return []; // a council being unloaded: it has no numbers now
  }
}

function sendingNumber(deps: CouncilNumbers): string | null {
  return toE164((deps.twilioFrom ?? (() => process.env.TWILIO_FROM))()?.trim());
}

/** The numbers a council answers on (E.164), by the rule above. */
export function numbersOfCouncil(deps: CouncilNumbers, tenant: string): string[] {
  const numbers = listedNumbers(deps, tenant);
  const from = sendingNumber(deps);
  if (from && tenant === defaultCouncil(deps) && !numbers.includes(from)) numbers.push(from);
  return numbers;
}

/** The council the number `to` belongs to, or null when it is none of theirs. A pack's own list wins over TWILIO_FROM. */
export function councilForNumber(deps: CouncilNumbers, to: string | undefined): string | null {
  const number = toE164(to);
  const from = sendingNumber(deps);
  let anyListed = false;
  for (const id of deps.tenantIds()) {
    const listed = listedNumbers(deps, id);
    if (listed.length) anyListed = true;
    if (number && listed.includes(number)) return id;
  }
  if (number && number === from) return defaultCouncil(deps);
  return anyListed || from ? null : defaultCouncil(deps);
}
