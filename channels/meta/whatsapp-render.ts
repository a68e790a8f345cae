/**
 * An outbound message as a WhatsApp Cloud API message body (POST /{phone_number_id}/messages,
 * everything but `to`):
 * - up to 3 suggestions: an interactive message with reply buttons (title ≤ 20 characters, id ≤ 256);
 * - up to 10: an interactive list (one section; row title ≤ 24, the full label as its description
 *   ≤ 72 when cut, row id ≤ 200); the id is the suggestion's value, which comes back as the answer;
 * - more, or what does not fit: numbered text, and a reply of "2" is read against it (interpret);
 * - a card or link is written into the text with its URL, and the link preview is on;
 * - text at most 4,096 characters (an interactive body 1,024), WhatsApp's *bold*, links written out;
 * - a question asking where (askFor address or location) without options: a location request
 *   message (interactive `location_request_message`, a "Send location" button; typing an address still works);
 * - a re-engagement template (parts.whatsapp.template, whatsapp-window.ts): a `template` message
 *   with its body parameters, the only kind WhatsApp delivers outside the 24-hour window.
 * Limits as Meta's Cloud API message reference gives them.
 */
import type { OutboundMessage, Suggestion } from '../../bot/index.js';

export const MAX_TEXT = 4096;
const MAX_BUTTON_BODY = 1024;
const MAX_BUTTONS = 3;
const MAX_BUTTON_TITLE = 20;
const MAX_BUTTON_ID = 256;
const MAX_ROWS = 10;
const MAX_ROW_TITLE = 24;
const MAX_ROW_DESCRIPTION = 72;
const MAX_ROW_ID = 200;
const LIST_BUTTON = 'Choose';

export interface WhatsAppOption {
  n: number;
  label: string;
  value: string;
}

type Base = { messaging_product: 'whatsapp'; recipient_type: 'individual' };
export type WhatsAppText = Base & { type: 'text'; text: { body: string; preview_url: boolean } };
export type WhatsAppInteractive = Base & {
  type: 'interactive';
  interactive:
    | { type: 'button'; body: { text: string }; action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] } }
    | { type: 'list'; body: { text: string }; action: { button: string; sections: { title: string; rows: { id: string; title: string; description?: string }[] }[] } }
    | { type: 'location_request_message'; body: { text: string }; action: { name: 'send_location' } };
};
export type WhatsAppTemplate = Base & {
  type: 'template';
  template: { name: string; language: { code: string }; components?: { type: 'body'; parameters: { type: 'text'; text: string }[] }[] };
};
export type WhatsAppBody = WhatsAppText | WhatsAppInteractive | WhatsAppTemplate;

/** An approved template as stored on its message (parts.whatsapp.template): what Meta needs to send it. */
export interface TemplateParts {
  name: string;
  language: string;
  parameters: string[];
}

export interface WhatsAppRendering {
  body: WhatsAppBody;
  /** Numbered options written into the text (none for buttons and lists). */
  options: WhatsAppOption[];
}

const BASE: Base = { messaging_product: 'whatsapp', recipient_type: 'individual' };

/** Cuts to `max` characters, at a word where one is near, with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max < 2) return '';
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Markdown leftovers in WhatsApp's own formatting: **bold** is *bold*, a link is its label and URL. */
export function whatsAppText(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((?:tel|sms|callto):[^)\s]*\)/gi, '$1')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/\*\*([^*]+)\*\*/g, '*$1*')
    .replace(/__([^_]+)__/g, '_$1_')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function mainText(message: OutboundMessage): string {
  const lines = [whatsAppText(message.text ?? '')];
  const card = message.card;
  if (card) {
    const body = whatsAppText(card.body);
    if (lines[0] === body || body.includes(lines[0])) lines[0] = '';
    lines.push([`*${whatsAppText(card.title)}*`, body, card.link ? `${card.link.label}: ${card.link.url}` : ''].filter(Boolean).join('\n'));
  }
  if (message.link && !lines.some((l) => l.includes(message.link!.url))) lines.push(`${message.link.label}: ${message.link.url}`);
  return lines.filter(Boolean).join('\n\n');
}

function unique<T>(items: T[], key: (t: T) => string): boolean {
  return new Set(items.map(key)).size === items.length;
}

function buttons(text: string, suggestions: Suggestion[]): WhatsAppInteractive | null {
  if (suggestions.length > MAX_BUTTONS || [...text].length > MAX_BUTTON_BODY) return null;
  const replies = suggestions.map((s) => ({ id: s.value, title: clip(s.label, MAX_BUTTON_TITLE) }));
  // Titles must tell the buttons apart, and the id (the answer) must come back whole.
  if (!unique(replies, (r) => r.title) || replies.some((r) => !r.id || r.id.length > MAX_BUTTON_ID)) return null;
  return { ...BASE, type: 'interactive', interactive: { type: 'button', body: { text }, action: { buttons: replies.map((reply) => ({ type: 'reply', reply })) } } };
}

function list(text: string, suggestions: Suggestion[]): WhatsAppInteractive | null {
  if (suggestions.length > MAX_ROWS || [...text].length > MAX_TEXT) return null;
  const rows = suggestions.map((s) => {
    const title = clip(s.label, MAX_ROW_TITLE);
    return { id: s.value, title, ...(title !== s.label ? { description: clip(s.label, MAX_ROW_DESCRIPTION) } : {}) };
  });
  if (rows.some((r) => !r.id || r.id.length > MAX_ROW_ID)) return null;
  return { ...BASE, type: 'interactive', interactive: { type: 'list', body: { text }, action: { button: LIST_BUTTON, sections: [{ title: 'Options', rows }] } } };
}

/** Where a flow asks for a place: the channel-neutral askFor of a location step. */
const ASKS_WHERE = new Set(['address', 'location']);

function templateOf(message: OutboundMessage): TemplateParts | undefined {
  const t = (message as { whatsapp?: { template?: TemplateParts } }).whatsapp?.template;
  return t && typeof t.name === 'string' && typeof t.language === 'string' ? t : undefined;
}

export function renderWhatsApp(message: OutboundMessage): WhatsAppRendering {
  const template = templateOf(message);
  if (template) {
    const parameters = (template.parameters ?? []).map((text) => ({ type: 'text' as const, text }));
    return {
      body: { ...BASE, type: 'template', template: { name: template.name, language: { code: template.language }, ...(parameters.length ? { components: [{ type: 'body', parameters }] } : {}) } },
      options: [],
    };
  }
  let text = mainText(message);
  // Suggestions with one value twice would be two rows with one id: keep the first.
  const suggestions = (message.suggestions ?? []).filter((s, i, all) => all.findIndex((o) => o.value === s.value) === i);
  if (suggestions.length) {
    const body = text || 'Please choose:';
    const interactive = buttons(body, suggestions) ?? list(body, suggestions);
    if (interactive) return { body: interactive, options: [] };
    const options = suggestions.map((s, i) => ({ n: i + 1, label: s.label, value: s.value }));
    const tail = ['Reply with a number:', ...options.map((o) => `${o.n}. ${o.label}`)].join('\n');
    // The options are what the resident must see: the text is cut to leave room for them.
    text = [clip(text, Math.max(0, MAX_TEXT - tail.length - 2)), tail].filter(Boolean).join('\n\n');
    return { body: textBody(clip(text, MAX_TEXT)), options };
  }
  if (message.askFor && ASKS_WHERE.has(message.askFor) && text && [...text].length <= MAX_BUTTON_BODY) {
    return { body: { ...BASE, type: 'interactive', interactive: { type: 'location_request_message', body: { text }, action: { name: 'send_location' } } }, options: [] };
  }
  return { body: textBody(clip(text || '…', MAX_TEXT)), options: [] };
}

function textBody(body: string): WhatsAppText {
  return { ...BASE, type: 'text', text: { body, preview_url: /https?:\/\//.test(body) } };
}
