/**
 * Which council a Facebook Page or Instagram account belongs to: the webhook event's recipient
 * (the Page id for `page`, the Instagram professional account id for `instagram`) is listed in
 * one council's pack, `channels.messengerPageIds` or `channels.instagramAccountIds`. An id no pack
 * lists reaches nobody (no default council: Meta's ids are not guessable). Also the council's
 * permission for the HUMAN_AGENT tag (`channels.messengerHumanAgentTag`).
 */
import type { CouncilPhoneIds } from './phone-ids.js';
import type { MessagingPlatform } from './messenger-render.js';

function channelsOf(deps: CouncilPhoneIds, tenant: string) {
  try {
    return deps.assistant.runtime(tenant).pack.settings.channels;
  } catch {
    return undefined; // a council being unloaded has no accounts now
  }
}

export function accountIdsOf(deps: CouncilPhoneIds, tenant: string, platform: MessagingPlatform): string[] {
  const channels = channelsOf(deps, tenant);
  return (platform === 'instagram' ? channels?.instagramAccountIds : channels?.messengerPageIds) ?? [];
}

export function councilForAccountId(deps: CouncilPhoneIds, platform: MessagingPlatform, accountId: string): string | null {
  for (const id of deps.tenantIds()) if (accountIdsOf(deps, id, platform).includes(accountId)) return id;
  return null;
}

/** Whether the council's Page may send an agent's reply after the 24-hour window with the HUMAN_AGENT tag. */
export function humanAgentTagAllowed(deps: CouncilPhoneIds, tenant: string): boolean {
  return channelsOf(deps, tenant)?.messengerHumanAgentTag === true;
}
