/**
 * A simulated Twilio for tests, the benchmark and the terminal simulator: posts form-encoded,
 * signed requests exactly as Twilio's Voice webhooks do, follows our Gather actions and
 * Redirects, and reads the TwiML. No Twilio account is involved.
 */
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { findAll, parseXml, spokenText, type XmlElement } from './xml.js';

export const ACCOUNT_SID = `AC${'0'.repeat(32)}`;

export function callSid(): string {
  return `CA${randomBytes(16).toString('hex')}`;
}

export interface TwimlReply {
  status: number;
  xml: string;
  root: XmlElement | null;
  spoken: string;
  ms: number;
}

/** Signs like Twilio: the full URL, then the sorted form fields, HMAC-SHA1 with the auth token. */
export async function postSigned(url: string, params: Record<string, string>, token: string, signedUrl = url): Promise<{ status: number; body: string; ms: number }> {
  const signature = twilio.getExpectedTwilioSignature(token, signedUrl, params);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature, 'i-twilio-idempotency-token': randomBytes(8).toString('hex') },
    body: new URLSearchParams(params).toString(),
  });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - started };
}

/** One phone call: Twilio's view of it. */
export class TwilioCall {
  readonly callSid = callSid();
  readonly timings: number[] = [];
  last: TwimlReply | null = null;

  constructor(
    private readonly origin: string,
    readonly from: string,
    private readonly token: string,
    readonly to = '+441632960100',
    /** The origin Twilio would sign (PUBLIC_URL) when it differs from where requests are sent. */
    private readonly signedOrigin = origin,
  ) {}

  private base(): Record<string, string> {
    return {
      CallSid: this.callSid,
      AccountSid: ACCOUNT_SID,
      From: this.from,
      To: this.to,
      CallStatus: 'in-progress',
      Direction: 'inbound',
      ApiVersion: '2010-04-01',
      Caller: this.from,
      Called: this.to,
      CallerCountry: 'GB',
      CalledCountry: 'GB',
    };
  }

  async post(pathOrUrl: string, extra: Record<string, string> = {}): Promise<TwimlReply> {
    const path = pathOrUrl.startsWith('http') ? pathOrUrl.replace(/^https?:\/\/[^/]+/, '') : pathOrUrl;
    const r = await postSigned(`${this.origin}${path}`, { ...this.base(), ...extra }, this.token, `${this.signedOrigin}${path}`);
    this.timings.push(r.ms);
    let root: XmlElement | null = null;
    try {
      root = parseXml(r.body);
    } catch {
      root = null;
    }
    this.last = { status: r.status, xml: r.body, root, spoken: root ? spokenText(root) : '', ms: r.ms };
    return this.last;
  }

  /** The call's first TwiML, when it asked "Cymraeg / English" (kept by start()). */
  opening: TwimlReply | null = null;

  /**
   * The call comes in. A council offering Welsh and English asks first ("Am wasanaeth Cymraeg,
   * pwyswch 1. For English, press 2."): by default the caller presses 2 (English), or 1 with
   * `language: 'cy'`, and the greeting is returned, with the first TwiML's <Start> (the call's
   * recording) put before it as the caller's call had both; `language: 'ask'` returns the question.
   */
  async start(options: { language?: 'en' | 'cy' | 'ask' } = {}): Promise<TwimlReply> {
    const first = await this.post('/channels/twilio/voice', { CallStatus: 'ringing' });
    const gather = first.root && findAll(first.root, 'Gather')[0];
    if (options.language === 'ask' || !gather || !/[?&]m=lang\b/.test(gather.attributes.action ?? '')) return first;
    this.opening = first;
    const greeting = await this.press(options.language === 'cy' ? '1' : '2');
    const starts = first.root!.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'Start');
    if (greeting.root && starts.length) greeting.root = { ...greeting.root, children: [...starts, ...greeting.root.children] };
    return greeting;
  }

  private gatherOf(reply = this.last): XmlElement {
    const g = reply?.root && findAll(reply.root, 'Gather')[0];
    if (!g) throw new Error(`no <Gather> in ${reply?.xml}`);
    return g;
  }

  /** The caller speaks (as Twilio's speech recognition heard it). */
  say(words: string, confidence = 0.92): Promise<TwimlReply> {
    return this.post(this.gatherOf().attributes.action, { SpeechResult: words, Confidence: String(confidence) });
  }

  /** The caller presses keys. */
  press(digits: string): Promise<TwimlReply> {
    return this.post(this.gatherOf().attributes.action, { Digits: digits, FinishedOnKey: '' });
  }

  /** The caller says nothing: Twilio falls through to the <Redirect> after the <Gather>. */
  silence(): Promise<TwimlReply> {
    const redirect = this.last?.root && findAll(this.last.root, 'Redirect')[0];
    if (!redirect) throw new Error(`no <Redirect> in ${this.last?.xml}`);
    const url = redirect.children.filter((c): c is string => typeof c === 'string').join('').trim();
    return this.post(url);
  }
}

