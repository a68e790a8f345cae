/**
 * An outbound message as a Messenger Platform Send API `message` (Messenger and Instagram):
 * - a link (a card's or the message's) with at most 2 suggestions: a button template, the link a
 *   web_url button and each suggestion a postback button (≤ 3 buttons, titles ≤ 20, text ≤ 640),
 *   which comes back as a `postback` event whose payload is the suggestion's value;
 * - otherwise up to 13 suggestions: quick replies (content_type "text", title ≤ 20, payload ≤ 1,000:
 *   the value, which comes back as `message.quick_reply.payload`);
 * - more, or what does not fit: numbered text, and a reply of "2" is read against it (interpret);
 * - text at most 2,000 characters on Messenger, 1,000 bytes (UTF-8) on Instagram; plain text (no
 *   markdown: Messenger and Instagram show it literally), links written out.
 * Limits as Meta's Send API, quick replies and button template references give them.
 */
import type { OutboundMessage, Suggestion } from '../../bot/index.js';
import { clip } from './whatsapp-render.js';

export type MessagingPlatform = 'messenger' | 'instagram';

export const MESSENGER_MAX_TEXT = 2000;
export const INSTAGRAM_MAX_TEXT_BYTES = 1000;
const MAX_QUICK_REPLIES = 13;
const MAX_TITLE = 20;
const MAX_PAYLOAD = 1000;
const MAX_TEMPLATE_TEXT = 640;
const MAX_BUTTONS = 3;

export interface QuickReply {
  content_type: 'text';
  title: string;
  payload: string;
}
export type TemplateButton = { type: 'postback'; title: string; payload: string } | { type: 'web_url'; title: string; url: string };
export type MessengerMessage =
  | { text: string; quick_replies?: QuickReply[] }
  | { attachment: { type: 'template'; payload: { template_type: 'button'; text: string; buttons: TemplateButton[] } } };

export interface MessengerOption {
  n: number;
  label: string;
  value: string;
}

export interface MessengerRendering {
  message: MessengerMessage;
  /** Numbered options written into the text (none for quick replies and buttons). */
  options: MessengerOption[];
}

/** Cuts to at most `max` bytes of UTF-8, at a word where one is near, with an ellipsis. */
export function clipBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let chars = [...text];
  // An ellipsis is 3 bytes; drop characters until the rest fits beside it.
  let bytes = Buffer.byteLength(text, 'utf8');
  while (chars.length && bytes > max - 3) bytes -= Buffer.byteLength(chars.pop()!, 'utf8');
  const cut = chars.join('');
  const space = cut.lastIndexOf(' ');
  chars = [...(space > cut.length * 0.6 ? cut.slice(0, space) : cut).trimEnd()];
  return `${chars.join('')}…`;
}

/** Markdown leftovers as plain text: **bold** is its words, a link is its label and URL. */
export function messengerText(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((?:tel|sms|callto):[^)\s]*\)/gi, '$1')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const fit = (platform: MessagingPlatform, text: string) => (platform === 'instagram' ? clipBytes(clip(text, MESSENGER_MAX_TEXT), INSTAGRAM_MAX_TEXT_BYTES) : clip(text, MESSENGER_MAX_TEXT));
const unique = (titles: string[]) => new Set(titles).size === titles.length;

/** The message's words: its text, a card's title and body, and (unless a button carries it) the link. */
function mainText(message: OutboundMessage, withLink: boolean): string {
  const lines = [messengerText(message.text ?? '')];
  const card = message.card;
  if (card) {
    const body = messengerText(card.body);
    if (lines[0] === body || body.includes(lines[0])) lines[0] = '';
    lines.push([messengerText(card.title), body, withLink && card.link ? `${card.link.label}: ${card.link.url}` : ''].filter(Boolean).join('\n'));
  }
  if (withLink && message.link && !lines.some((l) => l.includes(message.link!.url))) lines.push(`${message.link.label}: ${message.link.url}`);
  return lines.filter(Boolean).join('\n\n');
}

function buttonTemplate(message: OutboundMessage, suggestions: Suggestion[]): MessengerMessage | null {
  const link = message.card?.link ?? message.link;
  if (!link || !/^https?:\/\//.test(link.url) || suggestions.length + 1 > MAX_BUTTONS) return null;
  // Another link beside the one the button carries would be lost: written out instead.
  if (message.card?.link && message.link && message.link.url !== message.card.link.url) return null;
  const text = mainText(message, false) || link.label;
  if ([...text].length > MAX_TEMPLATE_TEXT) return null;
  const buttons: TemplateButton[] = [
    ...suggestions.map((s) => ({ type: 'postback' as const, title: clip(s.label, MAX_TITLE), payload: s.value })),
    { type: 'web_url', title: clip(link.label || 'Open', MAX_TITLE), url: link.url },
  ];
  if (!unique(buttons.map((b) => b.title)) || suggestions.some((s) => !s.value || s.value.length > MAX_PAYLOAD)) return null;
  return { attachment: { type: 'template', payload: { template_type: 'button', text, buttons } } };
}

function quickReplies(platform: MessagingPlatform, text: string, suggestions: Suggestion[]): MessengerMessage | null {
  if (suggestions.length > MAX_QUICK_REPLIES) return null;
  const replies = suggestions.map((s): QuickReply => ({ content_type: 'text', title: clip(s.label, MAX_TITLE), payload: s.value }));
  // Titles must tell the replies apart, and the payload (the answer) must come back whole.
  if (!unique(replies.map((r) => r.title)) || replies.some((r) => !r.payload || r.payload.length > MAX_PAYLOAD)) return null;
  return { text: fit(platform, text), quick_replies: replies };
}

export function renderMessenger(message: OutboundMessage, platform: MessagingPlatform = 'messenger'): MessengerRendering {
  // Suggestions with one value twice would be two replies with one answer: keep the first.
  const suggestions = (message.suggestions ?? []).filter((s, i, all) => all.findIndex((o) => o.value === s.value) === i);
  const template = buttonTemplate(message, suggestions);
  if (template) return { message: template, options: [] };
  let text = mainText(message, true);
  if (suggestions.length) {
    const quick = quickReplies(platform, text || 'Please choose:', suggestions);
    if (quick) return { message: quick, options: [] };
    const options = suggestions.map((s, i) => ({ n: i + 1, label: s.label, value: s.value }));
    const tail = ['Reply with a number:', ...options.map((o) => `${o.n}. ${o.label}`)].join('\n');
    // The options are what the resident must see: the text is cut to leave room for them.
    const room = platform === 'instagram' ? INSTAGRAM_MAX_TEXT_BYTES - Buffer.byteLength(tail, 'utf8') - 2 : MESSENGER_MAX_TEXT - [...tail].length - 2;
    const head = room > 0 ? (platform === 'instagram' ? clipBytes(text, room) : clip(text, room)) : '';
    text = [head, tail].filter(Boolean).join('\n\n');
    return { message: { text: fit(platform, text) }, options };
  }
  return { message: { text: fit(platform, text || '…') }, options: [] };
}
