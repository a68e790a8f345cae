/**
 * Talk to a running server as Twilio would, from the terminal, without a Twilio account:
 *
 *   npm run simulate:twilio -- --call                 a phone call: type what you say; digits,
 *                                                     * or # are key presses; an empty line is
 *                                                     silence; "~words" is heard with low
 *                                                     confidence; /quit hangs up
 *   npm run simulate:twilio -- --sms "missed bin"     a text conversation: further lines are texts
 *
 * Options: --url http://localhost:3000 (the server), --from +447700900123, --to +441632960100,
 * --token (default TWILIO_AUTH_TOKEN: the server must use the same), --public-url (when the
 * server has PUBLIC_URL set, the origin it verifies signatures against), --rest-port 4010.
 *
 * For SMS the server replies through Twilio's REST API: this starts a tiny stand-in on
 * --rest-port that prints every message sent. Start the server with
 *   TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000 TWILIO_AUTH_TOKEN=<token>
 *   TWILIO_FROM=+441632960100 TWILIO_API_BASE_URL=http://localhost:4010
 * Requests are signed with twilio.getExpectedTwilioSignature, form-encoded, as Twilio sends them.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import readline from 'node:readline';
import { findAll } from '../channels/twilio/voice/xml.js';
import { ACCOUNT_SID, postSigned, TwilioCall, type TwimlReply } from '../channels/twilio/voice/twilio-sim.js';
import { parseXml, spokenText } from '../channels/twilio/voice/xml.js';
import { parseArgs } from './cli.js';

const args = parseArgs(process.argv.slice(2));
const url = String(args.get('url') ?? 'http://localhost:3000').replace(/\/+$/, '');
const publicUrl = String(args.get('public-url') ?? url).replace(/\/+$/, '');
const from = String(args.get('from') ?? '+447700900123');
const to = String(args.get('to') ?? '+441632960100');
const token = String(args.get('token') ?? process.env.TWILIO_AUTH_TOKEN ?? '');
const restPort = Number(args.get('rest-port') ?? 4010);

if (!token) {
  console.error('Give the auth token the server verifies with: --token, or TWILIO_AUTH_TOKEN.');
  process.exit(2);
}

const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
const lines = rl[Symbol.asyncIterator]();
async function ask(prompt: string): Promise<string | null> {
  process.stdout.write(prompt);
  const next = await lines.next();
  return next.done ? null : next.value;
}

function show(r: TwimlReply): void {
  if (r.status !== 200) {
    console.log(`  [HTTP ${r.status}] ${r.xml.slice(0, 300)}`);
    return;
  }
  console.log(`  council (${r.ms.toFixed(0)} ms): ${r.spoken || '(nothing said)'}`);
  const g = r.root && findAll(r.root, 'Gather')[0];
  if (g?.attributes.numDigits) console.log(`  [keypad: ${g.attributes.numDigits} digit]`);
}

async function simulateCall(): Promise<void> {
  const call = new TwilioCall(url, from, token, to, publicUrl);
  console.log(`Calling ${to} from ${from} (CallSid ${call.callSid}). Type what you say; digits are key presses; empty line = silence; /quit hangs up.\n`);
  let r = await call.start();
  show(r);
  for (;;) {
    if (!r.root || r.status !== 200) return;
    const enqueue = findAll(r.root, 'Enqueue')[0];
    if (enqueue) {
      const queue = enqueue.children.join('').trim();
      console.log(`  [caller placed in the Twilio queue "${queue}": agents take it with <Dial><Queue>${queue}</Queue></Dial>]`);
      const wait = await call.post(enqueue.attributes.waitUrl, { QueuePosition: '1', QueueSid: `QU${'0'.repeat(32)}`, QueueTime: '5', AvgQueueTime: '30', CurrentQueueSize: '1' });
      console.log(`  hold message: ${wait.spoken}`);
      const line = await ask('press Enter to hang up while waiting > ');
      void line;
      const leave = await call.post(enqueue.attributes.action, { QueueResult: 'hangup', QueueSid: `QU${'0'.repeat(32)}`, QueueTime: '20' });
      console.log(`  [left the queue: ${leave.status}]`);
      return;
    }
    if (findAll(r.root, 'Hangup').length || !findAll(r.root, 'Gather').length) {
      console.log('  [the council hung up]');
      return;
    }
    const line = await ask('you > ');
    if (line === null || line.trim() === '/quit') return;
    const t = line.trim();
    if (t === '') r = await call.silence();
    else if (/^[\d*#]+$/.test(t)) r = await call.press(t);
    else if (t.startsWith('~')) r = await call.say(t.slice(1).trim(), 0.3);
    else r = await call.say(t, 0.9);
    show(r);
  }
}

/** A stand-in for Twilio's REST Messages endpoint that prints what the server sends. */
function startRestSink(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20404, message: 'Not found', status: 404 }));
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const sid = `SM${randomBytes(16).toString('hex')}`;
      console.log(`\n  council (SMS to ${form.get('To')}): ${form.get('Body')}`);
      process.stdout.write('you > ');
      res.writeHead(201, { 'content-type': 'application/json' }).end(
        JSON.stringify({ sid, account_sid: m[1], to: form.get('To'), from: form.get('From'), body: form.get('Body'), status: 'queued', num_segments: '1', direction: 'outbound-api', api_version: '2010-04-01' }),
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(restPort, '127.0.0.1', () => resolve(server));
  });
}

async function simulateSms(first: string): Promise<void> {
  let sink: http.Server | null = null;
  try {
    sink = await startRestSink();
    console.log(`Printing texts the server sends to http://localhost:${restPort} (start it with TWILIO_API_BASE_URL=http://localhost:${restPort}).`);
  } catch (err) {
    console.log(`(could not listen on ${restPort}: ${String(err)}; replies sent by REST will not be shown)`);
  }
  console.log(`Texting ${to} from ${from}. Type further texts; /quit ends.\n`);
  let text: string | null = first;
  while (text !== null && text.trim() !== '/quit') {
    if (text.trim()) {
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const params = { MessageSid: sid, SmsSid: sid, SmsMessageSid: sid, AccountSid: ACCOUNT_SID, From: from, To: to, Body: text, NumMedia: '0', NumSegments: '1', ApiVersion: '2010-04-01', FromCountry: 'GB', ToCountry: 'GB' };
      const r = await postSigned(`${url}/channels/twilio/sms`, params, token, `${publicUrl}/channels/twilio/sms`);
      if (r.status !== 200) console.log(`  [HTTP ${r.status}] ${r.body.slice(0, 300)}`);
      else {
        try {
          const root = parseXml(r.body);
          for (const m of findAll(root, 'Message')) console.log(`  council (TwiML reply): ${spokenText({ ...m, name: 'Say' })}`);
        } catch {
          console.log(`  [not TwiML] ${r.body.slice(0, 200)}`);
        }
      }
    }
    text = await ask('you > ');
  }
  await new Promise((r) => setTimeout(r, 1500)); // replies still on their way
  sink?.close();
}

async function main(): Promise<void> {
  if (args.has('call')) await simulateCall();
  else if (args.has('sms')) await simulateSms(String(args.get('sms') === true ? '' : args.get('sms')));
  else {
    console.error('Usage: simulate-twilio --call | --sms "text" [--url http://localhost:3000] [--from +447700900123] [--to +441632960100] [--token …]');
    process.exitCode = 2;
  }
  rl.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
