/**
 * Messenger and Instagram delivery and read events applied to our outbound messages:
 * `delivery.mids` (Messenger) moves those messages to "delivered"; `read.mid` (Instagram) moves that
 * one to "read"; a watermark alone (`read.watermark`, or a delivery without mids) stands for every
 * message sent before it, applied to the conversation's latest outbound message (the one the
 * console shows last). A status only ever moves a message on (Meta does not promise their order).
 */
import { advanceOutboundStatus, latestConversationFor, latestOutbound, outboundByProviderId, partsOf, type Db, type MessageRow } from '../../store/index.js';
import type { AddressedEvent } from './messenger-message.js';

const RANK: Record<string, number> = { stored: 0, fault: 0, send_retry: 1, dispatching: 1, sent: 4, failed: 5, delivered: 6, read: 7 };

async function advance(db: Db, channel: string, row: MessageRow | undefined, status: 'delivered' | 'read', watermark?: number): Promise<boolean> {
  for (let tries = 0; row && tries < 3; tries++) {
    // Only what was sent, and (for a watermark) before it.
    if ((RANK[status] ?? 0) <= (RANK[row.status] ?? 0) || (RANK[row.status] ?? 0) < RANK.sent || row.status === 'failed') return false;
    if (watermark !== undefined && new Date(row.created_at).getTime() > watermark) return false;
    const parts = partsOf<Record<string, unknown>>(row) ?? { text: row.text };
    const own = { ...((parts[channel] as Record<string, unknown>) ?? {}), deliveryStatus: status };
    if (await advanceOutboundStatus(db, row, status, { ...parts, [channel]: own })) return true;
    // Lost a race with another status for the same message: read it again.
    row = row.provider_message_id ? await outboundByProviderId(db, channel, row.provider_message_id, row.tenant_id) : undefined;
  }
  return false;
}

/** Applies a delivery or read event from the resident `e.sender.id`; the number of messages moved on. */
export async function applyMessagingStatus(db: Db, channel: string, tenant: string, e: AddressedEvent): Promise<number> {
  const status = e.read ? 'read' : 'delivered';
  const mids = e.read ? (e.read.mid ? [e.read.mid] : []) : (e.delivery?.mids ?? []);
  let moved = 0;
  for (const mid of mids) if (await advance(db, channel, await outboundByProviderId(db, channel, mid, tenant), status)) moved++;
  const watermark = e.read?.watermark ?? e.delivery?.watermark;
  if (!mids.length && watermark !== undefined) {
    const conversation = await latestConversationFor(db, tenant, channel, e.sender.id);
    const last = conversation && (await latestOutbound(db, tenant, conversation.id));
    if (await advance(db, channel, last, status, watermark)) moved++;
  }
  return moved;
}
