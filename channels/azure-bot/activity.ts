/**
 * The Bot Framework Activity as Azure Bot Service posts it to the bot and as the bot posts back to
 * the Connector service: what a message activity says (read as Direct Line reads one, so a button's
 * `value` and https attachments work the same), the conversation reference kept with each message
 * (where its replies go), and a stored reply as a `message` activity (Direct Line's rendering:
 * suggestions as `suggestedActions` of `imBack` buttons, a card as a hero card, a link as an
 * `openUrl` button).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { OutboundMessage } from '../../bot/index.js';
import { inboundActivity, renderOutbound } from '../directline/index.js';

const account = z.object({ id: z.string().min(1).max(512), name: z.string().max(256).optional() }).loose();

/** An activity from Azure Bot Service, as far as the assistant reads it (anything else it carries is ignored). */
export const serviceActivity = inboundActivity.extend({
  serviceUrl: z.string().min(1).max(2048),
  channelId: z.string().min(1).max(64),
  from: account,
  recipient: account,
  conversation: z.object({ id: z.string().min(1).max(1024), tenantId: z.string().max(128).optional(), conversationType: z.string().max(64).optional() }).loose(),
  locale: z.string().max(32).optional(),
});
export type ServiceActivity = z.infer<typeof serviceActivity>;

/** Where a conversation's replies go: kept in the parts of each message it sends (sealed, as parts are). */
export interface ConversationReference {
  serviceUrl: string;
  channelId: string;
  conversation: { id: string; tenantId?: string; conversationType?: string };
  /** The resident's account on the channel (its id only: a name is not needed to answer). */
  user: { id: string };
  /** The bot's account on the channel: replies come from it. */
  bot: { id: string; name?: string };
}

export const REFERENCE_KEY = 'azureBot';

export function referenceOf(a: ServiceActivity): ConversationReference {
  const { id, tenantId, conversationType } = a.conversation;
  return {
    serviceUrl: a.serviceUrl,
    channelId: a.channelId,
    conversation: { id, ...(tenantId ? { tenantId } : {}), ...(conversationType ? { conversationType } : {}) },
    user: { id: a.from.id },
    bot: { id: a.recipient.id, ...(a.recipient.name ? { name: a.recipient.name } : {}) },
  };
}

/**
 * The resident's id on this channel: one per Bot Framework conversation and user (a Teams chat, a
 * Slack DM), opaque and short (a hash, so neither platform id is kept in the clear on the row).
 */
export function channelUserIdOf(a: ServiceActivity): string {
  const digest = createHash('sha256').update(`${a.channelId}\n${a.conversation.id}\n${a.from.id}`).digest('base64url').slice(0, 32);
  return `${a.channelId.replace(/[^a-z0-9]/gi, '').slice(0, 24)}:${digest}`;
}

/** Teams puts the bot's name in a mention (`<at>Council</at> missed bin`): the mention is not what the resident said. */
export function withoutMentions(text: string | null | undefined): string | null | undefined {
  return text?.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/\s+/g, ' ').trim();
}

type Outgoing = OutboundMessage & { notice?: string };

/** The rendered reply (the adapter's payload): Direct Line's rendering of the message. */
export function renderReply(message: Outgoing): Record<string, unknown> {
  return { ...renderOutbound(message) };
}

/** The activity posted to the Connector service: the rendered reply addressed as the reference says. */
export function replyActivity(reference: ConversationReference, payload: Record<string, unknown>): Record<string, unknown> {
  const suggested = payload.suggestedActions as { actions: unknown[] } | undefined;
  return {
    type: 'message',
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    conversation: reference.conversation,
    from: reference.bot,
    recipient: reference.user,
    locale: 'en-GB',
    ...payload,
    // The buttons are for the resident (in a group chat, only they see them).
    ...(suggested ? { suggestedActions: { to: [reference.user.id], actions: suggested.actions } } : {}),
  };
}
