/**
 * The council's card payment line (issue 14, item 4): a caller who asks to pay by card is put
 * through with <Dial> to `channels.voice.paymentLine`. Card numbers must never reach a recording,
 * so where the council records calls the recording is paused first (Twilio REST, PauseBehavior
 * skip) and the transfer happens only if Twilio accepted the pause; the <Dial> action brings the
 * caller back to us, where the recording is resumed.
 */
import { newResponse, say, type Speech } from './twiml.js';
import type { Segment } from './speakable.js';

/** "I want to pay by card", "can I make a payment over the phone", "pay my council tax now with my card". */
export function wantsCardPayment(text: string): boolean {
  const t = text.toLowerCase();
  return /\b(pay|paying|payment|payments)\b/.test(t) && /\b(card|debit|credit|over the phone|by phone|on the phone)\b/.test(t) && !/\b(don'?t|not|no)\b\s+(want|wish)/.test(t);
}

/** Speaks, then dials the payment line; Twilio requests `action` when that leg ends (the caller comes back). */
export function paymentDialResponse(segments: Segment[], voice: string | Speech, paymentLine: string, action: string): string {
  const r = newResponse();
  say(r, segments, voice);
  r.dial({ action, method: 'POST', timeout: 30 }, paymentLine);
  return r.toString();
}
