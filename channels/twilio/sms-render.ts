import type { OutboundMessage, Suggestion } from '../../bot/index.js';

/**
 * How a channel-neutral OutboundMessage becomes one SMS: the only place SMS degradation lives.
 * Plain text; a card becomes title, body and URL; links become URLs; suggestions become a
 * numbered list ("Reply 1 for …") the resident answers by number or in words; speech is ignored.
 * Text is folded to GSM-7 where a look-alike exists, and long texts are cut to a summary plus a
 * link so a reply stays within MAX_SEGMENTS where the options allow.
 */

export const MAX_SEGMENTS = 3;
/** Twilio refuses longer bodies. */
export const TWILIO_MAX_BODY = 1600;

// GSM 03.38 basic set (one septet each) and extension table (escape + char: two septets).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

// Look-alikes that would otherwise switch the whole message to UCS-2 (70 chars a segment).
const LOOK_ALIKES: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2002\u2003\u2007\u2009\u200A\u202F]/g, ' '],
  // An alternation, not a class: U+200D (zero-width joiner) joins characters inside a class.
  [/\u200B|\u200C|\u200D|\u2060|\uFEFF/g, ''],
  [/[\u2022\u00B7\u25AA\u25CF]/g, '-'],
  [/\u00D7/g, 'x'],
  [/\u2192/g, '->'],
  [/\t/g, ' '],
];

/** Replaces typographic characters with their GSM-7 equivalents; other characters are kept. */
export function toGsmFriendly(text: string): string {
  let out = text.normalize('NFC');
  for (const [re, to] of LOOK_ALIKES) out = out.replace(re, to);
  return out;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENDED.has(ch)) return false;
  return true;
}

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

/** How many SMS segments Twilio bills for this body (160/153 GSM-7, 70/67 UCS-2). */
export function countSegments(text: string): SegmentCount {
  if (isGsm7(text)) {
    let units = 0;
    for (const ch of text) units += GSM_EXTENDED.has(ch) ? 2 : 1;
    return { encoding: 'GSM-7', units, segments: units === 0 ? 1 : units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length; // UTF-16 code units: an emoji takes two
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** The largest number of units that fit in `segments` segments of that encoding. */
function capacity(encoding: SegmentCount['encoding'], segments: number): number {
  if (encoding === 'GSM-7') return segments <= 1 ? 160 : 153 * segments;
  return segments <= 1 ? 70 : 67 * segments;
}

export interface SmsOption {
  n: number;
  label: string;
  value: string;
}

export interface SmsRendering {
  body: string;
  /** The numbered options shown, for mapping a reply of "2" to its value. Empty when none. */
  options: SmsOption[];
  encoding: SegmentCount['encoding'];
  segments: number;
  /** True when the text was cut to fit and a link to the rest added. */
  trimmed: boolean;
}

export interface RenderOptions {
  /**
   * Number the suggestions. False when a later message of the same reply carries its own
   * suggestions: only the last list is numbered, so "2" is never ambiguous.
   */
  numbered?: boolean;
  /** Where the full text lives when it has to be cut and the message has no link (the council's site). */
  fallbackUrl?: string;
  maxSegments?: number;
}

// Values a resident must not be told to text: carriers and Twilio treat them as opt-out/help keywords.
const KEYWORDS = /^(stop|stopall|unsubscribe|cancel|end|quit|revoke|optout|start|unstop|help|info)$/i;

/**
 * Markdown and HTML-ish leftovers become plain text; links keep their URL. Phone numbers stay
 * plain digits ("[0800 111 999](tel:+44800111999)" is just "0800 111 999"): every phone makes
 * them tappable itself, and markup would only be noise.
 */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((?:tel|sms|callto):[^)\s]*\)/gi, '$1')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Where a step expects typed input (a postcode, a date), suggestions are offered as words, not numbers. */
function numberable(message: OutboundMessage): boolean {
  return message.askFor === undefined || message.askFor === 'choice' || message.askFor === 'yes_no';
}

export function numberedOptions(suggestions: Suggestion[] | undefined): SmsOption[] {
  return (suggestions ?? []).map((s, i) => ({ n: i + 1, label: toGsmFriendly(s.label), value: s.value }));
}

/** The lines around the options, in the reply's language (a Welsh reply's options are asked for in Welsh). */
const OPTION_WORDS = {
  en: { byNumber: 'Reply with a number:', reply: 'Reply', item: (n: number, label: string) => `${n} for ${label}`, or: 'or', orReply: 'Or reply:', related: 'Related:', more: 'More:' },
  // "1 (Ydw)": the label in brackets, so no mutation depends on it.
  cy: { byNumber: 'Atebwch gyda rhif:', reply: 'Atebwch', item: (n: number, label: string) => `${n} (${label})`, or: 'neu', orReply: 'Neu atebwch:', related: 'Perthnasol:', more: 'Rhagor:' },
};

function optionsLine(options: SmsOption[], language: 'en' | 'cy' = 'en'): string {
  if (options.length === 0) return '';
  const w = OPTION_WORDS[language];
  // Labels with commas (addresses) or long lists read better one to a line.
  if (options.length > 4 || options.some((o) => o.label.includes(','))) {
    return `${w.byNumber}\n${options.map((o) => `${o.n}) ${o.label}`).join('\n')}`;
  }
  const items = options.map((o) => w.item(o.n, o.label));
  const list = items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} ${w.or} ${items[items.length - 1]}`;
  return `${w.reply} ${list}.`;
}

function wordsLine(suggestions: Suggestion[], isPrompt: boolean, language: 'en' | 'cy' = 'en'): string {
  const words = suggestions
    .map((s) => (s.value.length <= 24 && !KEYWORDS.test(s.value.trim()) ? s.value : s.label))
    .filter((w) => !KEYWORDS.test(w.trim()));
  if (words.length === 0) return '';
  const w = OPTION_WORDS[language];
  return isPrompt ? `${w.orReply} ${words.join(' / ')}` : `${w.related} ${words.join('; ')}`;
}

// UK numbers and the spaced 116 helplines: a cut never falls inside one (half a number is a wrong number).
const PHONE_RE = /(?:\+44 ?|(?<![\d£.])0)\d{2,4}(?:[ -]?\d){6,8}(?!\d)|(?<!\d)116 \d{3}(?!\d)/g;

/** Cuts text at a sentence (else word) boundary so it fits in `max` characters including "...". */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 3) return '';
  const room = text.slice(0, max - 3);
  const sentence = Math.max(room.lastIndexOf('. '), room.lastIndexOf('.\n'), room.lastIndexOf('? '), room.lastIndexOf('! '));
  if (sentence >= max * 0.5) return room.slice(0, sentence + 1);
  let end = room.lastIndexOf(' ');
  if (end <= max * 0.5) end = room.length;
  for (const m of text.matchAll(PHONE_RE)) if (m.index < end && m.index + m[0].length > end) end = m.index;
  return `${room.slice(0, end).replace(/[\s,;:.-]+$/, '')}...`;
}

export function renderSms(message: OutboundMessage, opts: RenderOptions = {}): SmsRendering {
  const maxSegments = opts.maxSegments ?? MAX_SEGMENTS;
  // The main text: the message text, or the card (title, body) when the text only repeats it.
  let text = plain(message.text ?? '');
  const card = message.card;
  let title = '';
  if (card) {
    title = plain(card.title);
    const body = plain(card.body);
    if (!text || text === body || body.includes(text)) text = body;
    else if (!text.includes(body)) text = `${text}\n${body}`;
  }
  const url = card?.link?.url ?? message.link?.url;
  const urlLine = url && !text.includes(url) ? (message.link && !card?.link ? `${plain(message.link.label)}: ${url}` : url) : '';

  const suggestions = message.suggestions ?? [];
  const numbered = suggestions.length > 0 && opts.numbered !== false && numberable(message);
  const options = numbered ? numberedOptions(suggestions) : [];
  const language = (message as { language?: string }).language === 'cy' ? 'cy' : 'en';
  const tail = numbered ? optionsLine(options, language) : suggestions.length ? wordsLine(suggestions, !!message.askFor, language) : '';

  const assemble = (t: string, link: string) =>
    toGsmFriendly([title, t, link, tail].filter((s) => s.length > 0).join('\n'));

  let body = assemble(text, urlLine);
  let trimmed = false;
  let count = countSegments(body);
  if (count.segments > maxSegments) {
    // Keep the title, the link and the options: cut the text, pointing to where the rest is.
    const more = url ?? opts.fallbackUrl;
    // Where the rest is, in the reply's language ("Rhagor:" in Welsh).
    const linkLine = urlLine || (more ? `${OPTION_WORDS[language].more} ${more}` : '');
    const fixed = countSegments(assemble('', linkLine));
    const room = capacity(count.encoding, maxSegments) - fixed.units - (title || linkLine || tail ? 1 : 0);
    const short = cut(toGsmFriendly(text), Math.max(room, 0));
    // A message that asks for an answer (a flow's intro and question) ends with its question, which
    // a cut would drop: it goes whole in more segments instead (a Welsh intro's "ô" makes it UCS-2,
    // 67 characters a segment, so intro and question need four).
    const asks = message.askFor !== undefined;
    if (short.length < text.length && !asks) {
      trimmed = true;
      body = assemble(short, linkLine);
      count = countSegments(body);
    }
  }
  if (body.length > TWILIO_MAX_BODY) body = `${body.slice(0, TWILIO_MAX_BODY - 3)}...`;
  return { body, options, encoding: count.encoding, segments: count.segments, trimmed };
}

/**
 * A bare number answering a numbered list becomes that option's value ("2" → the second
 * suggestion), so every suggestion list works by number, not only flow choices. Anything else
 * (words, out-of-range numbers) is passed on unchanged for the assistant to understand.
 */
export function answerFromNumber(text: string, options: SmsOption[]): string | null {
  const m = /^\s*(?:no\.?\s*|number\s+|option\s+|#)?(\d{1,2})\s*[.)]?\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return options.find((o) => o.n === n)?.value ?? null;
}
