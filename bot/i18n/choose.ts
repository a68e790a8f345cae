/**
 * The language of a turn (issue 17), in this order: the resident's explicit choice (the widget's
 * switch, an IVR key: `InboundMessage.language`), a choice typed or pressed ("Cymraeg", "English",
 * the greeting's buttons), the conversation's language, the contact's remembered one, the
 * council's default; then a confident detection of the message (detect.ts) switches it, except
 * inside a flow's questions (an address or a description is not a choice of language). Only a
 * language the council offers (`settings.languages`) is ever chosen.
 */
import type { Settings } from '../content-pack/index.js';
import type { Language } from '../messages.js';
import { detectLanguage } from './detect.js';

export type LanguageSource = 'explicit' | 'choice' | 'conversation' | 'contact' | 'detected' | 'default';

export interface TurnLanguage {
  language: Language;
  source: LanguageSource;
  /** Remembered on the resident's contact too: an explicit choice or a confident detection. */
  remember: boolean;
}

/** The languages a council offers, its default first (`settings.languages`, English when absent). */
export function offeredLanguages(s: Settings): Language[] {
  const list = (s as { languages?: Language[] }).languages;
  return list?.length ? list : ['en'];
}

/** Whether the council offers both languages (so the greeting asks, and detection may switch). */
export function isBilingual(s: Settings): boolean {
  const offered = offeredLanguages(s);
  return offered.includes('en') && offered.includes('cy');
}

const CHOICES: [RegExp, Language][] = [
  [/^(?:(?:yn )?gymraeg|cymraeg|welsh|in welsh|welsh please|cymraeg plis|cymraeg os gwelwch yn dda|siarad cymraeg|i speak welsh)$/, 'cy'],
  [/^(?:english|in english|english please|saesneg|yn saesneg|saesneg plis|speak english|i speak english)$/, 'en'],
];

/** A message that is only a choice of language ("Cymraeg", "English please", "Saesneg"); null otherwise. */
export function languageChoice(text: string): Language | null {
  const t = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, language] of CHOICES) if (pattern.test(t)) return language;
  return null;
}

export interface LanguageInputs {
  settings: Settings;
  text: string;
  explicit?: Language | null;
  conversation?: string | null;
  contact?: string | null;
  /** A flow's question is waiting: its answer never switches the language by detection. */
  inFlow?: boolean;
}

export function chooseLanguage(i: LanguageInputs): TurnLanguage {
  const offered = offeredLanguages(i.settings);
  const valid = (l: string | null | undefined): l is Language => !!l && (offered as string[]).includes(l);
  if (valid(i.explicit)) return { language: i.explicit, source: 'explicit', remember: true };
  const chosen = languageChoice(i.text);
  if (valid(chosen)) return { language: chosen, source: 'choice', remember: true };
  const current: TurnLanguage = valid(i.conversation)
    ? { language: i.conversation, source: 'conversation', remember: false }
    : valid(i.contact)
      ? { language: i.contact, source: 'contact', remember: false }
      : { language: offered[0], source: 'default', remember: false };
  if (offered.length < 2 || i.inFlow) return current;
  const detected = detectLanguage(i.text);
  if (!detected?.confident || !valid(detected.language)) return current;
  if (detected.language === current.language && current.source !== 'default') return current;
  return { language: detected.language, source: 'detected', remember: true };
}
