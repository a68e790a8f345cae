/** TwiML for the voice channel, built with twilio's VoiceResponse: every prompt is a speech-and-keypad Gather. */
import twilio from 'twilio';
import type { Segment } from './speakable.js';

const { VoiceResponse } = twilio.twiml;
export type VoiceResponseT = InstanceType<typeof VoiceResponse>;
type SayParent = { say: VoiceResponseT['say'] };
type SayAttributes = Parameters<VoiceResponseT['say']>[0] & object;

export const LANGUAGE = 'en-GB';

export function newResponse(): VoiceResponseT {
  return new VoiceResponse();
}

/**
 * How a prompt is spoken and heard: the `<Say>` voice and language (`cy-GB` with a Welsh voice for
 * Welsh), and the `<Gather>`'s recognition language or keys only (voice-words.ts says why Welsh
 * prompts listen in en-GB by default). A plain voice name means English.
 */
export interface Speech {
  voice: string;
  say: string;
  gather?: { input: 'dtmf speech'; language: string } | { input: 'dtmf' };
}

function speechOf(voice: string | Speech): Speech {
  return typeof voice === 'string' ? { voice, say: LANGUAGE } : voice;
}

/** A <Say> in en-GB (or the speech's language); spelled segments (references, phone numbers) are read slowly. */
export function say(parent: SayParent, segments: Segment[], voice: string | Speech): void {
  if (!segments.length) return;
  const speech = speechOf(voice);
  const attrs = { voice: speech.voice, language: speech.say } as unknown as SayAttributes;
  const first = segments[0];
  const s = parent.say(attrs, first.kind === 'text' ? first.text.trim() : '');
  segments.forEach((seg, i) => {
    if (i === 0 && seg.kind === 'text') return;
    // Words either side of a spelled code keep their spaces, so nothing runs together.
    if (seg.kind === 'spell') {
      s.addText(' ');
      s.prosody({ rate: 'slow' }, seg.text);
    } else s.addText(/^[\s.,!?;:]/.test(seg.text) ? seg.text : ` ${seg.text}`);
  });
}

export interface GatherSpec {
  action: string;
  hints: string;
  /** One key answers at once when the options are single digits. */
  numDigits?: number;
  /** Seconds of silence before Twilio falls through to the next verb. */
  timeout?: number;
  /** The key that ends keyed input (a reference's digits: '#'). Twilio's default is '#' too; said explicitly where it matters. */
  finishOnKey?: string;
}

/** Response > Gather[input="speech dtmf"] > Say, then a Redirect for silence (Twilio falls through on no input). */
export function gatherResponse(segments: Segment[], voice: string | Speech, gather: GatherSpec, onSilence: string, preface: Segment[] = []): string {
  const r = newResponse();
  const heard = speechOf(voice).gather ?? { input: 'dtmf speech' as const, language: LANGUAGE };
  const g = r.gather({
    input: heard.input === 'dtmf' ? ['dtmf'] : ['speech', 'dtmf'],
    // Typed loosely by the twilio package: its list has no cy-GB (see voice-words.ts).
    ...(heard.input === 'dtmf' ? {} : { language: heard.language as 'en-GB' }),
    hints: gather.hints,
    speechTimeout: 'auto',
    timeout: gather.timeout ?? 6,
    action: gather.action,
    method: 'POST',
    actionOnEmptyResult: false,
    ...(gather.numDigits ? { numDigits: gather.numDigits } : {}),
    ...(gather.finishOnKey ? { finishOnKey: gather.finishOnKey } : {}),
  });
  say(g, [...preface, ...segments], voice);
  r.redirect({ method: 'POST' }, onSilence);
  return r.toString();
}

/** Speaks, then ends the call. */
export function goodbyeResponse(segments: Segment[], voice: string | Speech): string {
  const r = newResponse();
  say(r, segments, voice);
  r.hangup();
  return r.toString();
}

/** Speaks, then parks the caller in a Twilio queue that agents answer with <Dial><Queue>. */
export function enqueueResponse(segments: Segment[], voice: string | Speech, queueName: string, waitUrl: string, action: string): string {
  const r = newResponse();
  say(r, segments, voice);
  r.enqueue({ waitUrl, waitUrlMethod: 'POST', action, method: 'POST' }, queueName);
  return r.toString();
}

/** Hold content for the wait URL: a short message and a pause; Twilio loops it. */
export function holdResponse(segments: Segment[], voice: string | Speech, pauseSeconds: number): string {
  const r = newResponse();
  say(r, segments, voice);
  r.pause({ length: pauseSeconds });
  return r.toString();
}
