/**
 * How a telephone degrades the channel-neutral replies (ARCHITECTURE.md, "One turn" and "Adding a channel"):
 * speakable text only (no URLs, no Markdown), options read out with the key to press, codes and
 * phone numbers spelled out slowly. Pure functions: the webhook handlers and tests share them.
 */
import type { AskFor, OutboundMessage, Suggestion } from '../../../bot/index.js';
import { MAIN_MENU_CY, VOICE_WORDS, type VoiceLanguage } from './voice-words.js';

/** A piece of speech: plain words, or characters spelled one by one (references, phone numbers). */
export type Segment = { kind: 'text'; text: string } | { kind: 'spell'; text: string };

/** The digit → answer map of a prompt; the caller's key press is sent to the bot as `value`. */
export interface KeyOption {
  digit: string;
  value: string;
  /** What is read out before "press N". */
  spoken: string;
}

/** A special option value: text the caller the links of the last answer. */
export const SEND_LINK = '\u0000send-link';

export interface VoicePrompt {
  segments: Segment[];
  options: KeyOption[];
  askFor?: AskFor;
  links: { label: string; url: string }[];
}

// With a scheme, "www.", or a bare domain with a path ("merebrook.gov.uk/paycounciltax"); not emails.
const URL_RE = /(?<![@\w.])(?:(?:https?:\/\/|www\.)[^\s<>()]+[^\s<>().,;:!?'"]|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.uk|org\.uk|co\.uk|nhs\.uk|police\.uk|ac\.uk|uk|com|org|net)(?:\/[^\s<>()]*[^\s<>().,;:!?'"])?(?![\w@]))/gi;
const MD_LINK_RE = /\[([^\]]+)\]\((?:https?:\/\/|www\.)[^)]+\)/g;
/** Most of an article is for reading: on the phone, a few sentences, then the offer of a text. */
const MAX_SPOKEN_CHARS = 420;

/** The URLs a reply carries, in its text, card or link part. */
export function linksOf(reply: OutboundMessage): { label: string; url: string }[] {
  const out: { label: string; url: string }[] = [];
  if (reply.card?.link) out.push(reply.card.link);
  if (reply.link) out.push(reply.link);
  // URLs in the text: only when no card or link part already carries the address.
  if (!out.length) {
    for (const m of reply.text.matchAll(URL_RE)) out.push({ label: reply.card?.title ?? 'Link', url: /^https?:\/\//i.test(m[0]) ? m[0] : `https://${m[0]}` });
  }
  const seen = new Set<string>();
  return out.filter((l) => !seen.has(l.url) && seen.add(l.url));
}

/** Text with URLs and Markdown removed, lines joined into sentences. */
export function speakableText(text: string, maxChars = Infinity, language: VoiceLanguage = 'en'): string {
  let t = text
    .replace(MD_LINK_RE, '$1')
    .replace(/\(\s*(?:https?:\/\/|www\.)[^)]*\)/gi, '')
    .replace(URL_RE, VOICE_WORDS[language].ourWebsite)
    .replace(/[*_`#>]+/g, '')
    .replace(/…/g, '...');
  const lines = t
    .split(/\n+/)
    .map((l) => l.replace(/^\s*(?:[-•]|\d+[.)])\s+/, '').trim())
    .filter(Boolean)
    .map((l) => (/[.!?:]$/.test(l) ? l : `${l}.`));
  t = lines.join(' ').replace(/\s+/g, ' ').replace(/\s+([.,!?:;])/g, '$1').trim();
  if (t.length > maxChars) {
    // Never cut through a phone number: half of one is a wrong number.
    let at = maxChars;
    for (const m of t.matchAll(new RegExp(PHONE_SRC, 'g'))) if (m.index < at && m.index + m[0].length > at) at = m.index;
    const cut = t.slice(0, at);
    const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
    t = end > 40 ? cut.slice(0, end + 1) : `${(at < maxChars ? cut.trimEnd() : cut.replace(/\s+\S*$/, '')).replace(/[\s,;:]+$/, '')}...`;
  }
  return t;
}

// Read character by character: a case reference ("MBC-123456", or the bot's already spaced
// "M B C 1 2 3 4 5 6"), UK phone numbers, the short numbers people are told to call and SMS short
// codes ("text SHOUT to 85258"). Never after £ or inside a longer number or a decimal.
const PHONE_SRC = String.raw`(?<![\d+£$€.])(?:\+44 ?|0)\d{2,4}(?:[ -]?\d){6,8}\b`;
const SHORT_SRC = String.raw`(?<![\w£$€.,\-])(?:999|112|111|101|105|116 ?\d{3})(?![\w£%]|[.,:]\d)`;
const SPELL_RE = new RegExp(
  [
    String.raw`\b[A-Z]{2,5}-\d{4,10}\b`,
    String.raw`\b(?:[A-Z0-9] +){4,}[A-Z0-9]\b`,
    PHONE_SRC,
    SHORT_SRC,
    String.raw`(?<=\b[Tt]ext\s+(?:[A-Z][A-Z0-9]+\s+to\s+|us\s+on\s+)?)[1-9]\d{4,5}\b`,
  ].join('|'),
  'g',
);
const SHORT_RE = new RegExp(`^${SHORT_SRC}$`);
/** 111, 101, 105 and 116 xxx are spelled only where the sentence is about calling ("101 High Street" is an address). */
const CALLING_WORDS = /\b(?:call(?:ing)?|ring(?:ing)?|phone|dial(?:l?ing)?|telephone|NHS|Samaritans|Childline|helpline|line|emergency|police|ambulance)\b/i;

/**
 * A UK number without spaces, in the groups people say it in: "0800111999" → 0800 111 999,
 * "07700900123" → 07700 900 123, "02079460000" → 020 7946 0000, "01134960000" → 0113 496 0000.
 */
export function phoneGroups(national: string): string[] {
  const at = (...sizes: number[]) => {
    const out: string[] = [];
    let i = 0;
    for (const n of sizes) {
      if (i >= national.length) break;
      out.push(national.slice(i, (i += n)));
    }
    if (i < national.length) out[out.length - 1] += national.slice(i);
    return out;
  };
  if (national.length === 10) return at(4, 3, 3);
  if (/^02/.test(national)) return at(3, 4, 4);
  if (/^0(?:1\d1|11\d|[3589])/.test(national)) return at(4, 3, 4);
  return at(5, 3, 3);
}

/** "MBC-123456" → "M B C, 1 2 3, 4 5 6": letters together, long digit runs in threes (phone numbers as said), pauses between groups. */
export function spellOut(raw: string, language: VoiceLanguage = 'en'): string {
  const plus = VOICE_WORDS[language].plus;
  const compact = raw.replace(/[\s-]+/g, '');
  // An unspaced UK phone number: grouped as people say it, not in threes.
  const phone = /^(?:\+44|0)\d{9,10}$/.test(compact) && !/[\s-]/.test(raw.trim().replace(/^\+44 /, '')) ? compact : null;
  if (phone) {
    const national = phone.startsWith('+44') ? `0${phone.slice(3)}` : phone;
    const groups = phoneGroups(national);
    const digits = (g: string) => g.split('').join(' ');
    if (!phone.startsWith('+44')) return groups.map(digits).join(', ');
    return [plus, '4 4', ...groups.map((g, i) => digits(i === 0 ? g.slice(1) : g))].join(', ');
  }
  const tokens = raw.trim().split(/[\s-]+/).filter(Boolean);
  // The spaced form ("M B C 1 2 3 4 5 6") is one code: join it, then group it.
  const groups = tokens.every((t) => t.length === 1) ? [tokens.join('')] : tokens;
  if (groups.length === 1 && /^0\d{9,10}$/.test(groups[0])) return spellOut(groups[0], language);
  const out: string[] = [];
  for (const g of groups) {
    for (const part of g.match(/\+|[A-Z]+|\d+/gi) ?? []) {
      if (part === '+') out.push(plus);
      else if (/^\d+$/.test(part) && part.length > 5) {
        for (let i = 0; i < part.length; i += 3) out.push(part.slice(i, i + 3).split('').join(' '));
      } else out.push(part.toUpperCase().split('').join(' '));
    }
  }
  return out.join(', ');
}

/** Splits speech into plain and spelled segments (digits are read by the voice of the language; "plus" is said in it). */
export function toSegments(text: string, language: VoiceLanguage = 'en'): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(SPELL_RE)) {
    if (SHORT_RE.test(m[0]) && !/^(?:999|112)$/.test(m[0])) {
      const clause = text.slice(0, m.index).split(/[.!?;\n](?:\s|$)/).pop() ?? '';
      if (!CALLING_WORDS.test(clause.slice(-60))) continue;
    }
    let raw = m[0];
    // "0800 111 999 24 hours": the number ends where a UK number's digits do.
    if (/^(?:\+44|0)/.test(raw)) {
      while (raw.replace(/\D/g, '').length > (raw.startsWith('+') ? 12 : 11) && /[ -]\d+$/.test(raw)) raw = raw.replace(/[ -]\d+$/, '');
    }
    if (m.index > last) segments.push({ kind: 'text', text: text.slice(last, m.index) });
    segments.push({ kind: 'spell', text: spellOut(raw, language) });
    last = m.index + raw.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments.filter((s) => s.text.trim() !== '');
}

/** All words of the segments, as the caller hears them (tests, the simulator, logs). */
export function plainSpeech(segments: Segment[]): string {
  return segments
    .map((s) => s.text.trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,!?;:])/g, '$1')
    .trim();
}

function optionWords(s: Suggestion, askFor: AskFor | undefined, language: VoiceLanguage): string {
  if (askFor === 'yes_no' && /^(yes|no)$/i.test(s.value)) return s.value.toLowerCase();
  const label = speakableText(s.label, Infinity, language).replace(/[.]$/, '');
  // "General rubbish (green bin)" → "General rubbish, green bin". Capitals do not change speech.
  return label.replace(/\s*\(([^)]+)\)/g, ', $1');
}

export interface RenderOptions {
  /** Offer to text the links (the caller is on a UK mobile and SMS can be sent). */
  offerLink: boolean;
  /** Said after the replies and before the keys to press. */
  append?: string;
  /** The language the replies are spoken in: the voice layer's own words follow it. Default English. */
  language?: VoiceLanguage;
}

/** The language a turn's replies are written in (bot/ sets it on each); English where they do not say. */
export function repliesLanguage(replies: readonly OutboundMessage[]): VoiceLanguage {
  const last = [...replies].reverse().find((r) => (r as { language?: unknown }).language);
  return (last as { language?: unknown } | undefined)?.language === 'cy' ? 'cy' : 'en';
}

/**
 * One turn's replies as a voice prompt. The last reply's suggestions become the keypad options;
 * when links were stripped and can be texted, "press 1" gets them and the options follow.
 */
export function renderReplies(replies: OutboundMessage[], options: RenderOptions): VoicePrompt {
  const language = options.language ?? 'en';
  const w = VOICE_WORDS[language];
  const links = replies.flatMap(linksOf);
  const spoken: string[] = [];
  for (const r of replies) {
    const words = r.speech ?? r.text;
    spoken.push(speakableText(words, r.speech ? Infinity : MAX_SPOKEN_CHARS, language));
  }
  const last = replies[replies.length - 1];
  const askFor = last?.askFor;
  const keyOptions: KeyOption[] = [];
  const offer = options.offerLink && links.length > 0;
  if (offer) keyOptions.push({ digit: '1', value: SEND_LINK, spoken: w.linkOption });
  for (const s of last?.suggestions ?? []) {
    keyOptions.push({ digit: String(keyOptions.length + 1), value: s.value, spoken: optionWords(s, askFor, language) });
  }
  let text = spoken.filter(Boolean).join(' ');
  if (links.length && !offer) text += w.detailsOnWebsite;
  if (options.append) text += ` ${options.append}`;
  const menu: string[] = [];
  if (offer) menu.push(w.linkOffer);
  // A voice wording that already says which key to press is not read twice.
  const alreadySaysKeys = /\b(?:press|pwyswch)\b/i.test(last?.speech ?? last?.text ?? '');
  const toRead = keyOptions.filter((o) => o.value !== SEND_LINK);
  if (toRead.length && !alreadySaysKeys) {
    const yesNo = (o: KeyOption) => askFor === 'yes_no' && /^(yes|no)$/.test(o.spoken);
    menu.push(toRead.map((o) => `${yesNo(o) ? w.yesNoOption(o.spoken === 'yes', o.digit) : w.option(o.spoken, o.digit)}${Number(o.digit) > 9 ? w.hashKey : ''}.`).join(' '));
  }
  return { segments: toSegments([text, ...menu].join(' '), language), options: keyOptions, askFor, links };
}

/** The keypad menu of main services, read after repeated silence. */
export const MAIN_MENU: KeyOption[] = [
  { digit: '1', value: 'Report a missed bin', spoken: 'to report a missed bin' },
  { digit: '2', value: 'When is my bin day?', spoken: 'to find out your bin collection day' },
  { digit: '3', value: 'Report a pothole', spoken: 'to report a pothole' },
  { digit: '4', value: 'How do I pay my council tax?', spoken: 'council tax' },
  { digit: '0', value: 'Talk to a person', spoken: 'to speak to someone' },
];

export function mainMenuPrompt(preface: string, language: VoiceLanguage = 'en'): VoicePrompt {
  const said = (o: KeyOption) => (language === 'cy' ? (MAIN_MENU_CY[o.digit] ?? o.spoken) : o.spoken);
  const press = language === 'cy' ? 'pwyswch' : 'press';
  const menu = MAIN_MENU.map((o) => `${said(o)[0].toUpperCase()}${said(o).slice(1)}, ${press} ${o.digit}.`).join(' ');
  return { segments: toSegments(`${preface} ${menu} ${VOICE_WORDS[language].menuEnd}`, language), options: MAIN_MENU, links: [] };
}

/** The key a caller pressed, as the message the bot reads. */
export function keyAnswer(digits: string, options: KeyOption[]): string | null {
  const d = digits.replace(/[#\s]/g, '');
  return options.find((o) => o.digit === d)?.value ?? null;
}

/** "0771 234 5678" style typed or spoken numbers are passed through; this only tidies a key press. */
export function digitsText(digits: string): string {
  return digits.replace(/[#]/g, '').trim();
}

/** A UK mobile (+447…), where a text message can reach the caller. */
export function isUkMobile(number: string | undefined): boolean {
  return !!number && /^\+447\d{9}$/.test(number);
}
