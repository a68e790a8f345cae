/**
 * "How did we do?" on the phone (issue 16, item 4): before the call ends, one key (1 good,
 * 2 okay, 3 poor), asked once per call and never after a disclosure (bot/satisfaction.ts decides
 * and records). The caller who hangs up, or says nothing, simply hears goodbye: not chased.
 */
import { PHONE_QUESTION } from '../../../bot/index.js';
import { toSegments, type Segment } from './speakable.js';
import { LANGUAGE, newResponse, say } from './twiml.js';

/** The last words, the question in a one-key <Gather>, then goodbye if no key is pressed. */
export function satisfactionPrompt(before: Segment[], voice: string, action: string): string {
  const r = newResponse();
  const g = r.gather({ input: ['dtmf'], numDigits: 1, timeout: 6, action, method: 'POST', actionOnEmptyResult: false, language: LANGUAGE });
  say(g, [...before, ...toSegments(PHONE_QUESTION)], voice);
  say(r, toSegments('Thank you for calling. Goodbye.'), voice);
  r.hangup();
  return r.toString();
}

/** After the key: thanks (or just goodbye for a key that is not 1, 2 or 3), then the call ends. */
export function satisfactionThanks(recorded: boolean, voice: string): string {
  const r = newResponse();
  say(r, toSegments(recorded ? 'Thank you for telling us. Goodbye.' : 'Thank you for calling. Goodbye.'), voice);
  r.hangup();
  return r.toString();
}
