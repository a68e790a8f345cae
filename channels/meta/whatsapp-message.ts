/**
 * What one inbound WhatsApp message means for the assistant:
 * - text: its body; a reply button or list row tapped: the row's id, which is the suggestion's
 *   value we sent (whatsapp-render.ts), else its title; a template's quick reply: its payload or text;
 * - a location pin: a postcode or place the address flow understands (location.ts);
 * - a photo, a PDF or a voice note of a type we keep (whatsapp-media.ts): `media`, fetched and kept
 *   after Meta is answered; its caption, if any, is what the resident said;
 * - videos, stickers, other files, contacts and anything WhatsApp marks unsupported: answered
 *   politely (unsupported.ts), kept with their media ids for the agent;
 * - a reaction (an emoji on one of our messages): acknowledged politely once, kept for the agent
 *   with the message it was on; a reaction taken back is ignored.
 */
import { pinAsText, type PinnedAddress } from './location.js';
import type { WhatsAppMessage } from './webhook-body.js';
import { ALLOWED_DESCRIPTION, mediaKindOf, type MediaKind } from './whatsapp-media.js';

export interface AnnouncedMedia {
  id: string;
  mime_type?: string;
  sha256?: string;
  caption?: string;
  filename?: string;
}

export type Reading =
  | { kind: 'turn'; text: string; details: Record<string, unknown> }
  | { kind: 'media'; caption: string; media: AnnouncedMedia; mediaKind: MediaKind; details: Record<string, unknown> }
  | { kind: 'unsupported'; text: string; reply: string; details: Record<string, unknown> }
  | { kind: 'ignore'; why: string };

export const MEDIA_REPLY = "Sorry, I can't open photos, videos, voice notes or files sent here yet. Please describe it in a message and I'll help.";
export const REACTION_REPLY = 'Thanks. If there is anything else, just send a message.';
export const UNSUPPORTED_REPLY = "Sorry, I can't read that kind of message. Please type your question in words.";
export const MEDIA_TYPES_REPLY = `Sorry, I can only keep ${ALLOWED_DESCRIPTION} sent here. Please describe it in a message and I'll help.`;

const MEDIA = ['image', 'audio', 'video', 'document', 'sticker'] as const;

export function readMessage(m: WhatsAppMessage, gazetteer: readonly PinnedAddress[]): Reading {
  const base: Record<string, unknown> = { type: m.type, ...(m.timestamp ? { timestamp: Number(m.timestamp) } : {}), ...(m.context?.id ? { context: m.context.id } : {}) };
  switch (m.type) {
    case 'text':
      return { kind: 'turn', text: m.text?.body ?? '', details: base };
    case 'interactive': {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      const answer = reply?.id.trim() || reply?.title.trim();
      if (!reply || !answer) break;
      return { kind: 'turn', text: answer, details: { ...base, reply: { kind: m.interactive!.type, id: reply.id, title: reply.title } } };
    }
    case 'button': {
      const answer = m.button?.payload?.trim() || m.button?.text?.trim();
      if (!answer) break;
      return { kind: 'turn', text: answer, details: { ...base, reply: { kind: 'button', payload: m.button?.payload, title: m.button?.text } } };
    }
    case 'location':
      if (!m.location) break;
      {
        const pin = pinAsText(gazetteer, m.location);
        return { kind: 'turn', text: pin.text, details: { ...base, ...pin.details } };
      }
    case 'reaction': {
      const emoji = m.reaction?.emoji?.trim();
      if (!emoji) return { kind: 'ignore', why: 'a reaction taken back' };
      return { kind: 'unsupported', text: `(reacted ${emoji})`, reply: REACTION_REPLY, details: { ...base, reaction: { emoji, on: m.reaction?.message_id } } };
    }
  }
  const media = MEDIA.find((t) => t === m.type && m[t]);
  if (media) {
    const file = m[media]!;
    // A photo, PDF or voice note of a type we keep (as WhatsApp announces it; checked again when fetched).
    const mediaKind = media === 'image' || media === 'document' || media === 'audio' ? mediaKindOf(file.mime_type) : undefined;
    if (mediaKind) return { kind: 'media', caption: file.caption?.trim() ?? '', media: file, mediaKind, details: { ...base, media: file } };
    return { kind: 'unsupported', text: `(${media} sent${file.caption ? `: ${file.caption}` : ''})`, reply: media === 'sticker' ? MEDIA_REPLY : MEDIA_TYPES_REPLY, details: { ...base, media: file } };
  }
  const errors = m.errors?.map((e) => ({ code: e.code, title: e.title }));
  return { kind: 'unsupported', text: `(${m.type} message sent)`, reply: UNSUPPORTED_REPLY, details: { ...base, ...(errors?.length ? { errors } : {}) } };
}
