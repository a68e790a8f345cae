/**
 * The Bot Framework Activity schema as Direct Line 3.0 carries it, both ways:
 * - a stored message as a `message` activity: the assistant's, an agent's or a notice from the bot
 *   (`from.role` "bot", the agent's first name as `from.name`), suggestions as `suggestedActions`
 *   of `imBack` buttons (a tap sends the value back as text), a card as a hero card, a link as an
 *   `openUrl` button; the resident's own message echoed back with the client's
 *   `channelData.clientActivityID`, which Web Chat waits for to mark it sent;
 * - a client's activity (`message` with text, a button's `value`, attachments; `typing`) checked
 *   and read into what acceptInbound takes.
 * Ids are "<conversationId>|<seq>" as Microsoft's, the seq zero-padded to 7 digits.
 */
import { z } from 'zod';
import type { Attachment, OutboundMessage } from '../../bot/index.js';
import { MAX_INBOUND_CHARS } from '../../bot/index.js';
import { partsOf, type MessageRow } from '../../store/index.js';

export const CHANNEL_ID = 'directline';
const LOCALE = 'en-GB';
const MAX_ATTACHMENTS = 10;

export interface CardAction {
  type: 'imBack' | 'openUrl';
  title: string;
  value: string;
}

export interface Activity {
  type: string;
  id?: string;
  timestamp?: string;
  channelId?: string;
  from?: { id: string; name?: string; role?: 'bot' | 'user' };
  conversation?: { id: string };
  text?: string;
  textFormat?: 'markdown' | 'plain';
  locale?: string;
  inputHint?: 'acceptingInput' | 'expectingInput' | 'ignoringInput';
  suggestedActions?: { actions: CardAction[] };
  attachments?: { contentType: string; contentUrl?: string; name?: string; content?: unknown }[];
  value?: unknown;
  replyToId?: string;
  channelData?: Record<string, unknown>;
}

export interface ActivitySet {
  activities: Activity[];
  watermark?: string;
}

export const activityId = (conversationId: string, seq: number) => `${conversationId}|${String(seq).padStart(7, '0')}`;

/** Who speaks for the council: the bot's account in every activity it sends. */
export interface BotAccount {
  id: string;
  name: string;
}

/** What is kept with a resident's message for its echo (in the message's parts, sealed as they are). */
export interface EchoDetails {
  from: { id: string; name?: string };
  clientActivityID?: string;
  value?: unknown;
}

type StoredOut = OutboundMessage & { notice?: string; agent?: { name?: string } };

const hero = (content: { title?: string; text?: string; buttons?: CardAction[] }) => ({ contentType: 'application/vnd.microsoft.card.hero', content });

const safeUrl = (url: string) => /^https?:\/\//i.test(url);

/** A stored message as the activity a client reads. */
export function toActivity(conversationId: string, seq: number, row: MessageRow, bot: BotAccount): Activity {
  const base = {
    id: activityId(conversationId, seq),
    timestamp: new Date(row.created_at).toISOString(),
    channelId: CHANNEL_ID,
    conversation: { id: conversationId },
    locale: LOCALE,
  };
  if (row.direction === 'in') {
    const details = (partsOf<{ directline?: EchoDetails }>(row) ?? {}).directline;
    return {
      ...base,
      type: 'message',
      from: { id: details?.from.id ?? 'resident', ...(details?.from.name ? { name: details.from.name } : {}), role: 'user' },
      text: row.text,
      ...(details?.value !== undefined ? { value: details.value } : {}),
      ...(details?.clientActivityID ? { channelData: { clientActivityID: details.clientActivityID } } : {}),
    };
  }
  const parts = partsOf<StoredOut>(row) ?? { text: row.text };
  const from = row.author === 'agent' && parts.agent?.name ? { id: `${bot.id}:agent`, name: parts.agent.name, role: 'bot' as const } : { id: bot.id, name: bot.name, role: 'bot' as const };
  return { ...base, type: 'message', from, ...renderOutbound({ ...parts, text: parts.text ?? row.text }), channelData: { author: row.author, ...(parts.notice ? { notice: parts.notice } : {}) } };
}

/** The reply parts of an outbound message as activity fields. */
export function renderOutbound(message: StoredOut): Pick<Activity, 'text' | 'textFormat' | 'inputHint' | 'suggestedActions' | 'attachments'> {
  const attachments: NonNullable<Activity['attachments']> = [];
  const card = message.card;
  const cardButtons: CardAction[] = card?.link && safeUrl(card.link.url) ? [{ type: 'openUrl', title: card.link.label || 'Open', value: card.link.url }] : [];
  const link = message.link && safeUrl(message.link.url) && message.link.url !== card?.link?.url ? ({ type: 'openUrl', title: message.link.label || 'Open', value: message.link.url } as CardAction) : undefined;
  if (card) attachments.push(hero({ title: card.title, text: card.body, buttons: [...cardButtons, ...(link ? [link] : [])] }));
  else if (link) attachments.push(hero({ buttons: [link] }));
  // One value twice would be two buttons with one answer: keep the first.
  const suggestions = (message.suggestions ?? []).filter((s, i, all) => s.value && all.findIndex((o) => o.value === s.value) === i);
  return {
    text: message.text,
    textFormat: 'markdown',
    inputHint: suggestions.length || message.askFor ? 'expectingInput' : 'acceptingInput',
    ...(suggestions.length ? { suggestedActions: { actions: suggestions.map((s) => ({ type: 'imBack' as const, title: s.label, value: s.value })) } } : {}),
    ...(attachments.length ? { attachments } : {}),
  };
}

/** A typing activity from the bot (the assistant working on a reply) or an agent. */
export function typingActivity(conversationId: string, from: BotAccount & { role?: 'bot' }): Activity {
  return { type: 'typing', id: `${conversationId}|typing-${Date.now().toString(36)}`, timestamp: new Date().toISOString(), channelId: CHANNEL_ID, conversation: { id: conversationId }, from: { ...from, role: 'bot' } };
}

const account = z.object({ id: z.string().max(256).optional(), name: z.string().max(256).optional() }).loose();

/** A client's activity, as far as the assistant reads it; anything else it carries is ignored. */
export const inboundActivity = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(256).optional(),
    from: account.optional(),
    text: z.string().max(MAX_INBOUND_CHARS, `text must be at most ${MAX_INBOUND_CHARS} characters`).optional().nullable(),
    value: z.unknown().optional(),
    attachments: z
      .array(z.object({ contentType: z.string().min(1).max(255), contentUrl: z.string().max(2048).optional(), name: z.string().max(255).optional() }).loose())
      .max(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} attachments`)
      .optional(),
    channelData: z.object({ clientActivityID: z.string().max(256).optional() }).loose().optional(),
  })
  .loose();
export type InboundActivity = z.infer<typeof inboundActivity>;

/**
 * What a message activity says: its text, else a button's value (a string, or an object's `text`
 * or `value`), with the attachments a client linked (https only: the assistant never fetches a
 * client's links, agents see them as links). A problem (answered 400) when it says nothing or
 * carries what is not kept.
 */
export function readMessage(activity: InboundActivity): { text: string; attachments: Attachment[] } | { problem: string } {
  const attachments: Attachment[] = [];
  for (const a of activity.attachments ?? []) {
    if (!a.contentUrl) continue; // a card sent back: no file
    if (!/^https:\/\//i.test(a.contentUrl)) return { problem: `attachments: contentUrl must be an https link (upload files through /upload); got "${a.contentUrl.slice(0, 40)}"` };
    attachments.push({ contentType: a.contentType, url: a.contentUrl, ...(a.name ? { name: a.name } : {}) });
  }
  let text = activity.text?.trim() ?? '';
  if (!text && activity.value !== undefined) {
    const v = activity.value as unknown;
    const fromObject = v && typeof v === 'object' ? ((v as Record<string, unknown>).text ?? (v as Record<string, unknown>).value) : undefined;
    const picked = typeof v === 'string' ? v : typeof fromObject === 'string' ? fromObject : undefined;
    if (picked === undefined) return { problem: 'value: a button value must be a string, or an object with a string "text" or "value"' };
    if (picked.length > MAX_INBOUND_CHARS) return { problem: `value must be at most ${MAX_INBOUND_CHARS} characters` };
    text = picked.trim();
  }
  if (!text && !attachments.length) return { problem: 'a message activity needs text, a value or an attachment' };
  return { text, attachments };
}
