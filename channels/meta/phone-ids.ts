/**
 * Which council a WhatsApp Cloud API number belongs to: the webhook's `metadata.phone_number_id`
 * (Meta's id for the business number, not the number itself) is listed in exactly one council's
 * pack, `channels.whatsappPhoneNumberIds`; the council's first id is the one its replies leave from.
 * An id no pack lists reaches nobody (there is no default council: Meta's ids are not guessable).
 */
import type { Assistant } from '../../bot/index.js';

export interface CouncilPhoneIds {
  assistant: Pick<Assistant, 'runtime'>;
  tenantIds: () => Iterable<string>;
}

export function phoneNumberIdsOf(deps: CouncilPhoneIds, tenant: string): string[] {
  try {
    return deps.assistant.runtime(tenant).pack.settings.channels.whatsappPhoneNumberIds ?? [];
  } catch {
    return []; // a council being unloaded has no numbers now
  }
}

export function councilForPhoneNumberId(deps: CouncilPhoneIds, phoneNumberId: string): string | null {
  for (const id of deps.tenantIds()) if (phoneNumberIdsOf(deps, id).includes(phoneNumberId)) return id;
  return null;
}

/**
 * The resident's id on the channel: a WhatsApp id that is a phone number (`wa_id`, digits with the
 * country code) is stored in E.164, so it is the same contact as the number's texts and calls
 * (store: PHONE_VOUCHED_CHANNELS); anything else (a business-scoped user id, 2026) is kept as given.
 */
export function residentIdOf(waId: string): string {
  return /^[1-9]\d{6,14}$/.test(waId) ? `+${waId}` : waId;
}

/** The Graph API's `to` for a resident id: digits for a phone number. */
export function graphRecipientOf(residentId: string): string {
  return /^\+[1-9]\d{6,14}$/.test(residentId) ? residentId.slice(1) : residentId;
}
