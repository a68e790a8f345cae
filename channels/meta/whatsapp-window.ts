/**
 * WhatsApp's 24-hour customer-service window, and STOP, applied to every message the outbox sends
 * on WhatsApp (a wrapper round the adapter's `deliver`):
 * - a resident who sent STOP (whatsapp-opt-out.ts) gets nothing more but the STOP confirmation:
 *   the message is recorded `suppressed_opt_out`, as by SMS;
 * - the window closes 24 hours after the resident's last message (the earlier of Meta's timestamp
 *   and when it was stored, so a webhook Meta delivered late does not stretch it). Inside it,
 *   anything goes out. Outside it (an agent's late reply, a case update, a notice), or when Meta
 *   refuses a message with 131047 (re-engagement) all the same, the message is held
 *   (HELD_FOR_WINDOW) and the council's approved `reengage` template (content pack
 *   `channels.whatsappTemplates`) is sent in its place: "We have replied about {reference}. Reply
 *   to this message to see it."
 *
 * Held, not resent: the message itself stays one stored row, and the resident's next message
 * releases it (releaseWaiting, from whatsapp-inbound.ts) to go out once, through the outbox like
 * any other, in its order and before the answer to what they wrote. Nothing is lost (the row is
 * never dropped, and an agent sees it in the transcript as it was written), and nothing is sent
 * twice (only one template asks while anything waits, and a held row is never swept or retried;
 * resending a copy instead would leave two rows of one message and could send both).
 *
 * A held or suppressed row is settled here, under the claim the outbox gave it; the outbox's own
 * settle then finds it no longer claimed and changes nothing (store/outbox.ts settleOutbound).
 */
import type { Assistant } from '../../bot/index.js';
import { conversationAddress, holdForWindow, latestCaseReference, lastInboundOf, outboundRow, partsOf, releaseHeld, setOutboundStatus, type Db } from '../../store/index.js';
import type { ChannelDeps, Delivery } from '../adapter.js';
import { GraphError } from './graph-client.js';
import { isWhatsAppOptedOut } from './whatsapp-opt-out.js';
import type { TemplateParts } from './whatsapp-render.js';

export const WINDOW_MS = 24 * 3600 * 1000;
const WHATSAPP = 'whatsapp';
/** Nothing was sent: the row is settled already, and the outbox's settle of a claim no longer held is a no-op. */
const SETTLED = { providerMessageId: '' };
/** The template's {reference} when the conversation has no case. */
const NO_REFERENCE = 'your message';

export interface WindowState {
  /** When free-form messages stop being allowed; null when the resident has never written. */
  closesAt: Date | null;
  open: boolean;
}

/** What a message's parts may say of WhatsApp (set by this channel). */
interface WhatsAppParts {
  template?: TemplateParts;
  /** The confirmation of STOP: the one message sent to a resident who opted out. */
  optOutReply?: boolean;
  held?: { since: string; why: string };
}

const whatsappOf = (message: object): WhatsAppParts => ((message as { whatsapp?: WhatsAppParts }).whatsapp ?? {}) as WhatsAppParts;

/** The resident's window now: 24 hours from their last message. */
export async function windowOf(db: Db, tenant: string, residentId: string, now: Date): Promise<WindowState> {
  const last = await lastInboundOf(db, tenant, WHATSAPP, residentId);
  if (!last) return { closesAt: null, open: false };
  const sentAt = Number((last.parts as { whatsapp?: { timestamp?: unknown } } | null)?.whatsapp?.timestamp) * 1000;
  const from = Number.isFinite(sentAt) && sentAt > 0 ? Math.min(sentAt, last.createdAt.getTime()) : last.createdAt.getTime();
  const closesAt = new Date(from + WINDOW_MS);
  return { closesAt, open: now.getTime() < closesAt.getTime() };
}

/** The window of a WhatsApp conversation's resident (for the console); undefined for other channels. */
export async function conversationWindow(db: Db, tenant: string, conversationId: string, now: Date): Promise<(WindowState & { channel: string }) | undefined> {
  const address = await conversationAddress(db, tenant, conversationId);
  if (address?.channel !== WHATSAPP) return undefined;
  return { channel: WHATSAPP, ...(await windowOf(db, tenant, address.channel_user_id, now)) };
}

/**
 * The resident wrote: what was held for them goes out now, dispatched in order (a released row is
 * queued again under the claim it was held in: its first job is spent) and before their answer's
 * replies; the outbox's deliverInOrder keeps a job that waited through the hold and the release
 * from sending its message ahead of an earlier one released with it.
 */
export async function releaseWaiting(deps: Pick<ChannelDeps, 'db' | 'dispatch'>, tenant: string, residentId: string): Promise<void> {
  for (const conversationId of await releaseHeld(deps.db, tenant, WHATSAPP, residentId)) await deps.dispatch(tenant, conversationId);
}

type WindowDeps = Pick<ChannelDeps, 'db' | 'log' | 'clock' | 'dispatch'> & { assistant: Pick<Assistant, 'runtime'> };

/** The council's re-engagement template, filled for this conversation; null when the pack has none. */
async function reengagement(deps: WindowDeps, tenant: string, conversationId: string): Promise<{ text: string; parts: unknown } | null> {
  let settings;
  try {
    settings = deps.assistant.runtime(tenant).pack.settings;
  } catch {
    return null;
  }
  const t = settings.channels.whatsappTemplates?.reengage;
  if (!t) return null;
  const values: Record<string, string> = { reference: (await latestCaseReference(deps.db, tenant, conversationId)) ?? NO_REFERENCE, council: settings.councilName };
  // Meta refuses a parameter with a line break, a tab or more than four spaces in a row.
  const value = (k: string) => (values[k] ?? '').replace(/[\t\r\n]+/g, ' ').replace(/ {4,}/g, '   ').trim() || '-';
  const names = [...t.body.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const text = t.body.replace(/\{(\w+)\}/g, (_m, k: string) => value(k));
  const template: TemplateParts = { name: t.name, language: t.language, parameters: names.map(value) };
  return { text, parts: { text, whatsapp: { template } } };
}

/** Wraps the adapter's send with STOP and the window (see above). */
export function windowedDeliver(deps: WindowDeps, send: (d: Delivery) => Promise<{ providerMessageId: string }>): (d: Delivery) => Promise<{ providerMessageId: string }> {
  const { db, log } = deps;

  async function currentParts(d: Delivery): Promise<Record<string, unknown>> {
    const row = await outboundRow(db, d.tenant, d.messageId);
    return (row && partsOf<Record<string, unknown>>(row)) ?? { ...d.message };
  }

  async function hold(d: Delivery, why: string): Promise<{ providerMessageId: string }> {
    const parts = await currentParts(d);
    const held = { since: deps.clock().toISOString(), why };
    const template = await reengagement(deps, d.tenant, d.conversationId);
    const result = await holdForWindow(db, {
      tenant: d.tenant,
      conversationId: d.conversationId,
      messageId: d.messageId,
      parts: { ...parts, whatsapp: { ...((parts.whatsapp as object) ?? {}), held } },
      channel: WHATSAPP,
      channelUserId: d.to,
      template,
    });
    if (!template) log.warn({ tenant: d.tenant, messageId: d.messageId }, 'WhatsApp message held outside the 24-hour window, and no re-engagement template is configured (channels.whatsappTemplates.reengage): it goes when the resident next writes');
    else log.info({ tenant: d.tenant, messageId: d.messageId, why, template: !!result.templateId }, 'WhatsApp message held until the resident writes');
    if (result.templateId) await deps.dispatch(d.tenant, d.conversationId);
    return SETTLED;
  }

  return async (d) => {
    const wa = whatsappOf(d.message);
    if (!wa.optOutReply && (await isWhatsAppOptedOut(db, d.tenant, d.to))) {
      await setOutboundStatus(db, d.tenant, d.messageId, 'suppressed_opt_out', await currentParts(d), ['dispatching']);
      log.info({ tenant: d.tenant, messageId: d.messageId }, 'WhatsApp message not sent: the resident sent STOP');
      return SETTLED;
    }
    // A template is what WhatsApp allows outside the window; the STOP confirmation answers a message just received.
    if (wa.template || wa.optOutReply) return send(d);
    const window = await windowOf(db, d.tenant, d.to, deps.clock());
    if (!window.open) return hold(d, window.closesAt ? `the 24-hour window closed at ${window.closesAt.toISOString()}` : 'the resident has not written on WhatsApp');
    try {
      return await send(d);
    } catch (err) {
      // Meta counts the window its own way (a message it has but we have not seen yet...): its word goes.
      if (err instanceof GraphError && err.code === 131047) return hold(d, 'Graph 131047: re-engagement message');
      throw err;
    }
  };
}
