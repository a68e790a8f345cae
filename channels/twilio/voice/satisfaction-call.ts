/**
 * "How did we do?" on the phone (issue 16, item 4): before the call ends, one key (1 good,
 * 2 okay, 3 poor), asked once per call and never after a disclosure (bot/satisfaction.ts decides
 * and records). The caller who hangs up, or says nothing, simply hears goodbye: not chased.
 */
import { phoneQuestion } from '../../../bot/index.js';
import { toSegments, type Segment } from './speakable.js';
import { LANGUAGE, newResponse, say, type Speech } from './twiml.js';
import { VOICE_WORDS, type VoiceLanguage } from './voice-words.js';

/** The last words, the question in a one-key <Gather>, then goodbye if no key is pressed (in Welsh on a Welsh call). */
export function satisfactionPrompt(before: Segment[], voice: string | Speech, action: string, language: VoiceLanguage = 'en'): string {
  const r = newResponse();
  const g = r.gather({ input: ['dtmf'], numDigits: 1, timeout: 6, action, method: 'POST', actionOnEmptyResult: false, language: LANGUAGE });
  const w = VOICE_WORDS[language];
  // The assistant's own wording of the question (bot/satisfaction.ts), in the call's language.
  say(g, [...before, ...toSegments(phoneQuestion(language), language)], voice);
  say(r, toSegments(w.satisfactionGoodbye, language), voice);
  r.hangup();
  return r.toString();
}

/** After the key: thanks (or just goodbye for a key that is not 1, 2 or 3), then the call ends. */
export function satisfactionThanks(recorded: boolean, voice: string | Speech, language: VoiceLanguage = 'en'): string {
  const r = newResponse();
  const w = VOICE_WORDS[language];
  say(r, toSegments(recorded ? w.satisfactionThanks : w.satisfactionGoodbye, language), voice);
  r.hangup();
  return r.toString();
}
