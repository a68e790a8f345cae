/**
 * What one Messenger or Instagram messaging event means for the assistant:
 * - text: its words; a quick reply tapped: its payload, which is the suggestion's value we sent
 *   (messenger-render.ts), the title it showed kept beside it;
 * - a postback (a button template's button, the persistent menu, "Get Started"): its payload,
 *   else its title; its id is the postback's mid, or (older events have none) one made of the
 *   sender and timestamp, which Meta's retries repeat;
 * - a location attachment: a postcode or place the address flow understands (location.ts);
 * - photos and files (and videos and voice notes, which are refused): each named by our id and
 *   fetched, checked and kept after Meta's 200 (messenger-media.ts); sent alone they are `files`,
 *   answered once the job knows what was kept; text sent with them is a turn, the files kept with it;
 * - shared links and anything marked unsupported: answered politely (unsupported.ts), kept with
 *   their URLs for the agent;
 * - the Page's own echoes, stickers alone (a "like") and unsent messages: nothing to answer.
 */
import type { Attachment } from '../../bot/index.js';
import { pinAsText, type PinnedAddress } from './location.js';
import { announceAttachments } from './messenger-media.js';
import type { MessagingEvent } from './webhook-body.js';
import { UNSUPPORTED_REPLY } from './whatsapp-message.js';

/** An event with both ends named (the ones the channel reads). */
export type AddressedEvent = MessagingEvent & { sender: { id: string }; recipient: { id: string } };

export type MessagingReading =
  | { kind: 'turn'; id: string; text: string; details: Record<string, unknown>; attachments?: Attachment[]; keepFiles?: true }
  | { kind: 'unsupported'; id: string; text: string; reply: string; details: Record<string, unknown>; attachments?: Attachment[] }
  | { kind: 'files'; id: string; text: string; details: Record<string, unknown>; attachments: Attachment[] }
  | { kind: 'ignore'; why: string };

/** A postback without a mid (older events): the sender and the time Meta stamped on it, which a retry repeats. */
export function postbackId(e: AddressedEvent): string {
  return e.postback?.mid || `postback.${e.sender.id}.${e.timestamp ?? 0}`;
}

export function readMessagingEvent(e: AddressedEvent, gazetteer: readonly PinnedAddress[]): MessagingReading {
  const base: Record<string, unknown> = e.timestamp ? { timestamp: e.timestamp } : {};
  const m = e.message;
  if (m) {
    if (m.is_echo) return { kind: 'ignore', why: "an echo of the Page's own message" };
    if (m.is_deleted) return { kind: 'ignore', why: 'an unsent message' };
    const attachments = m.attachments ?? [];
    const announced = announceAttachments(attachments);
    const withAttachments = attachments.length ? { attachments: announced.described } : {};
    const files = announced.attachments;
    const reply = m.reply_to?.mid ? { replyTo: m.reply_to.mid } : {};
    const payload = m.quick_reply?.payload.trim();
    if (payload) return { kind: 'turn', id: m.mid, text: payload, details: { ...base, type: 'quick_reply', reply: { payload, title: m.text }, ...reply } };
    const text = m.text?.trim();
    if (text) return { kind: 'turn', id: m.mid, text, details: { ...base, type: 'text', ...withAttachments, ...reply }, ...(files.length ? { attachments: files } : {}), ...(announced.files ? { keepFiles: true as const } : {}) };
    const pin = attachments.find((a) => a.type === 'location' && a.payload?.coordinates)?.payload?.coordinates;
    if (pin) {
      const read = pinAsText(gazetteer, { latitude: pin.lat, longitude: pin.long, ...(attachments[0].payload?.title ? { name: attachments[0].payload.title } : {}) });
      return { kind: 'turn', id: m.mid, text: read.text, details: { ...base, type: 'location', ...read.details } };
    }
    if (attachments.length && attachments.every((a) => a.payload?.sticker_id !== undefined)) return { kind: 'ignore', why: 'a sticker' };
    if (attachments.length && !m.is_unsupported) {
      const types = [...new Set(attachments.map((a) => a.type))].join(', ');
      const sent = `(${attachments.length > 1 ? `${attachments.length} attachments` : types} sent${attachments.length > 1 ? `: ${types}` : ''})`;
      if (announced.files) return { kind: 'files', id: m.mid, text: sent, details: { ...base, type: 'attachments', ...withAttachments }, attachments: files };
      // A shared post, a reel, a story mention: nothing the assistant can read, kept with its link.
      return { kind: 'unsupported', id: m.mid, text: sent, reply: UNSUPPORTED_REPLY, details: { ...base, type: 'attachments', ...withAttachments }, attachments: files };
    }
    return { kind: 'unsupported', id: m.mid, text: '(unsupported message sent)', reply: UNSUPPORTED_REPLY, details: { ...base, type: 'unsupported', ...withAttachments } };
  }
  if (e.postback) {
    const payload = e.postback.payload?.trim();
    const title = e.postback.title?.trim();
    // "Get Started" opens a conversation: a greeting, not words the assistant would puzzle over.
    const text = payload && /^get[_ ]?started$/i.test(payload) ? 'hello' : payload || title;
    if (!text) return { kind: 'ignore', why: 'an empty postback' };
    return { kind: 'turn', id: postbackId(e), text, details: { ...base, type: 'postback', postback: { payload: e.postback.payload, title: e.postback.title } } };
  }
  return { kind: 'ignore', why: 'an event the assistant does not read' };
}
