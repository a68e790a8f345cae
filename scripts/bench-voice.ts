/**
 * How fast the Twilio webhooks answer under load (Twilio gives up after 15 s): 50 concurrent
 * simulated phone calls, each reporting a missed bin through the voice Gather webhook, then 50
 * concurrent texters on the SMS webhook. Prints p50 / p99 / max in milliseconds, then one JSON line.
 *
 *   npm run bench:voice [-- --conversations 50 --turns 10 --think 0]
 *
 * --think N: milliseconds a resident takes before each answer (0, the default, is a stress test
 * with every conversation's next request sent the moment the last is answered; a real caller takes
 * several seconds to listen and speak, and calls start at different times, so try --think 3000).
 *
 * Everything runs on 127.0.0.1: the product in a process of its own (api/main.ts; PGlite in a
 * temporary DATA_DIR, or DATABASE_URL / REDIS_URL when set), a texter waits for the reply to reach
 * the stand-in before answering,
 * requests signed exactly as Twilio signs them, and a local stand-in for Twilio's REST API that
 * receives the outbound texts. No Twilio account is used.
 */
import { randomBytes } from 'node:crypto';
import { postSigned, TwilioCall, ACCOUNT_SID } from '../channels/twilio/voice/twilio-sim.js';
import { startTwilioStandIn } from '../channels/twilio/twilio-stand-in.fixture.js';
import { parseArgs } from './cli.js';
import { latencyFigures, report } from './latency.js';
import { startProductProcess, type ProductProcess } from './product-process.js';

const args = parseArgs(process.argv.slice(2));
const CONVERSATIONS = Math.min(200, Number(args.get('conversations') ?? 50));
const TURNS = Math.min(20, Number(args.get('turns') ?? 10));
const THINK_MS = Math.max(0, Number(args.get('think') ?? 0));
/** A pause of about THINK_MS (±50 %), so conversations do not move in lockstep. */
const think = () => (THINK_MS ? new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random()))) : Promise.resolve());
const COUNCIL = '+441632960100';

// A missed-bin report by phone, then a question; bounded: TURNS steps at most.
const VOICE_SCRIPT: ({ say: string; confidence?: number } | { press: string })[] = [
  { say: "My bin wasn't collected" },
  { say: 'M B one one A D', confidence: 0.82 },
  { press: '3' },
  { press: '1' },
  { press: '1' },
  { say: 'Yesterday' },
  { say: 'No' },
  { press: '2' },
  { press: '1' },
  { say: 'How do I pay my council tax?' },
  { press: '3' },
  { say: 'When is my bin day?' },
];
const SMS_SCRIPT = ['Hi', 'my bin was not collected', 'MB1 1AD', '2', '1', 'yes', 'yesterday', 'no', 'no', 'yes'];

/** The product in a process of its own (scripts/product-process.ts), Twilio pointed at the stand-in. */
function startProduct(stand: { url: string; accountSid: string; authToken: string }): Promise<ProductProcess> {
  return startProductProcess('bench-voice', {
    TWILIO_ACCOUNT_SID: stand.accountSid,
    TWILIO_AUTH_TOKEN: stand.authToken,
    TWILIO_FROM: COUNCIL,
    TWILIO_API_BASE_URL: stand.url,
  });
}

async function main(): Promise<void> {
  const stand = await startTwilioStandIn();
  const product = await startProduct(stand);
  const voiceOrigin = product.url;
  const smsOrigin = product.url;
  try {
    console.log(`store: ${product.store}${process.env.REDIS_URL && process.env.DATABASE_URL ? ' + Redis' : ''} (the product in a process of its own), ${CONVERSATIONS} concurrent conversations, ${TURNS} turns each, think time ${THINK_MS} ms\n`);

    // Warm-up: one call and one text, so model loading is not measured.
    const warm = new TwilioCall(voiceOrigin, '+447700800000', stand.authToken, COUNCIL);
    await warm.start();
    await warm.say('hello');

    const voiceStart: number[] = [];
    const voiceGather: number[] = [];
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, i) => {
        const call = new TwilioCall(voiceOrigin, `+4477008${String(10000 + i).padStart(5, '0')}`, stand.authToken, COUNCIL);
        await think();
        const first = await call.start();
        voiceStart.push(first.ms);
        for (const step of VOICE_SCRIPT.slice(0, TURNS)) {
          await think();
          const r = 'say' in step ? await call.say(step.say, step.confidence) : await call.press(step.press);
          if (r.status !== 200 || !r.root) failures++;
          voiceGather.push(r.ms);
          // A hang-up or a queue ends the call early.
          if (!r.xml.includes('<Gather')) break;
        }
      }),
    );
    const voiceSeconds = (performance.now() - started) / 1000;

    const sentTo = (n: string) => stand.sent.filter((m) => m.to === n).length;
    const smsWebhook: number[] = [];
    const smsStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, i) => {
        const from = `+4477007${String(10000 + i).padStart(5, '0')}`;
        for (const body of SMS_SCRIPT.slice(0, TURNS)) {
          await think();
          const sid = `SM${randomBytes(16).toString('hex')}`;
          const params = {
            MessageSid: sid,
            SmsSid: sid,
            SmsMessageSid: sid,
            AccountSid: ACCOUNT_SID,
            From: from,
            To: COUNCIL,
            Body: body,
            NumMedia: '0',
            NumSegments: '1',
            ApiVersion: '2010-04-01',
            FromCountry: 'GB',
            ToCountry: 'GB',
          };
          const r = await postSigned(`${smsOrigin}/channels/twilio/sms`, params, stand.authToken);
          if (r.status !== 200) failures++;
          smsWebhook.push(r.ms);
          // A resident reads the reply before answering: wait until this text's answer reaches
          // them (the stand-in receives the reply; bounded), as a phone shows it.
          const before = sentTo(from);
          for (let w = 0; w < 1000 && sentTo(from) === before; w++) await new Promise((res) => setTimeout(res, 10));
        }
      }),
    );
    const smsSeconds = (performance.now() - smsStarted) / 1000;

    report('voice: incoming call (POST /voice)', voiceStart);
    report('voice: Gather webhook', voiceGather);
    report('sms: webhook (POST /sms)', smsWebhook);
    console.log(`\nvoice phase ${voiceSeconds.toFixed(1)} s (${(voiceGather.length / voiceSeconds).toFixed(0)} turns/s), sms phase ${smsSeconds.toFixed(1)} s; texts received by the stand-in: ${stand.sent.length}; failed requests: ${failures}`);
    console.log(
      JSON.stringify({
        store: product.store,
        redis: !!(process.env.REDIS_URL && process.env.DATABASE_URL),
        conversations: CONVERSATIONS,
        thinkMs: THINK_MS,
        voiceStart: latencyFigures(voiceStart),
        voiceGather: latencyFigures(voiceGather),
        smsWebhook: latencyFigures(smsWebhook),
        voiceTurnsPerSec: Math.round(voiceGather.length / voiceSeconds),
        failures,
      }),
    );
    if (failures) process.exitCode = 1;
  } finally {
    await product.stop();
    await stand.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
