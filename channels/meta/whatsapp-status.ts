/**
 * WhatsApp status webhooks (value.statuses[]: sent, delivered, read, failed) applied to the
 * outbound message with that wamid. Meta does not promise their order (a "delivered" may follow a
 * "read", a "failed" a "delivered" on another device), so a status only ever moves a message on;
 * a failure's codes are kept on the message for the console.
 */
import { advanceOutboundStatus, outboundByProviderId, partsOf, type Db } from '../../store/index.js';
import type { WhatsAppStatus } from './webhook-body.js';

const RANK: Record<string, number> = { stored: 0, fault: 0, send_retry: 1, dispatching: 1, sent: 4, failed: 5, delivered: 6, read: 7 };
const KNOWN = new Set(['sent', 'delivered', 'read', 'failed']);

export type StatusOutcome = 'updated' | 'unchanged' | 'unknown';

export async function applyWhatsAppStatus(db: Db, channel: string, tenant: string, s: WhatsAppStatus): Promise<StatusOutcome> {
  const status = s.status.toLowerCase();
  if (!KNOWN.has(status)) return 'unchanged';
  for (let tries = 0; tries < 3; tries++) {
    const row = await outboundByProviderId(db, channel, s.id, tenant);
    if (!row) return 'unknown';
    if ((RANK[status] ?? 0) <= (RANK[row.status] ?? 0)) return 'unchanged';
    const parts = partsOf<Record<string, unknown>>(row) ?? { text: row.text };
    const errors = s.errors?.map((e) => ({ code: e.code, title: e.title, details: e.error_data?.details }));
    const whatsapp = { ...((parts.whatsapp as Record<string, unknown>) ?? {}), deliveryStatus: status, ...(errors?.length ? { errors } : {}) };
    // Lost a race with another status for the same message: read it again.
    if (await advanceOutboundStatus(db, row, status, { ...parts, whatsapp })) return 'updated';
  }
  return 'unchanged';
}
