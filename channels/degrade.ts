/**
 * Rich replies degraded in one place for channels that cannot show them (after Rasa's output
 * channel): suggestions become a numbered list when there are no buttons, a card or link is
 * written out when there are no cards, and text is cut to the channel's limit at a word.
 * SMS and voice have their own richer renderings (twilio/sms-render.ts, twilio/voice/speakable.ts).
 */
import type { OutboundMessage, Suggestion } from '../bot/index.js';
import type { ChannelCapabilities } from './adapter.js';

export interface DegradedMessage {
  text: string;
  /** Kept only for channels with buttons. */
  suggestions?: Suggestion[];
  /** Numbered options written into the text, for reading a reply of "2". */
  options?: { n: number; label: string; value: string }[];
  link?: { label: string; url: string };
  card?: OutboundMessage['card'];
}

export function degrade(message: OutboundMessage, can: ChannelCapabilities): DegradedMessage {
  const lines = [can.voice && message.speech ? message.speech : message.text];
  const out: DegradedMessage = { text: '' };
  if (message.card) {
    if (can.cards) out.card = message.card;
    else lines.push(`${message.card.title}: ${message.card.body}${message.card.link ? ` ${message.card.link.url}` : ''}`);
  }
  if (message.link) {
    if (can.cards) out.link = message.link;
    else lines.push(`${message.link.label}: ${message.link.url}`);
  }
  const suggestions = message.suggestions ?? [];
  if (suggestions.length) {
    if (can.buttons) out.suggestions = suggestions;
    else {
      out.options = suggestions.map((s, i) => ({ n: i + 1, label: s.label, value: s.value }));
      // In the reply's own language (bot/ sets it): a Welsh answer asks in Welsh.
      const ask = (message as { language?: string }).language === 'cy' ? 'Atebwch gyda rhif:' : 'Reply with a number:';
      lines.push([ask, ...out.options.map((o) => `${o.n}. ${o.label}`)].join('\n'));
    }
  }
  out.text = clip(lines.filter(Boolean).join('\n\n'), can.maxLength);
  return out;
}

/** Cuts to `max` characters at a word boundary, with an ellipsis. */
function clip(text: string, max?: number): string {
  if (!max || text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The option a reply of "2" (or "2." or " 2 ") picks from the numbered list last sent. */
export function pickNumbered(text: string, options: readonly { n: number; value: string }[] | undefined): string | undefined {
  const m = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(text);
  if (!m || !options?.length) return undefined;
  return options.find((o) => o.n === Number(m[1]))?.value;
}
