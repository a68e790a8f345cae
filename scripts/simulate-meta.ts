/**
 * Talk to a running server as Meta would, from the terminal, without a Meta app:
 *
 *   npm run simulate:meta -- --whatsapp "missed bin"   a WhatsApp conversation: further lines are
 *                                                      messages; "/tap N" taps the Nth button or
 *                                                      list row last shown; "/pin 50.72137,-1.88279"
 *                                                      sends a location pin; /quit ends
 *
 * Options: --url http://localhost:3000 (the server), --from 447700900123 (the resident's wa_id),
 * --phone-number-id 100000000000001 (the council's, as its pack lists it), --secret (default
 * META_APP_SECRET: the server must use the same), --graph-port 4020.
 *
 * Each message is a webhook POST to /channels/meta/webhook shaped as Meta sends it and signed as
 * Meta signs it (X-Hub-Signature-256: HMAC-SHA256 of the raw body with the app secret). The server
 * answers through the Graph API: this starts a small stand-in on --graph-port that prints every
 * message sent, answers as the Cloud API does ({messages:[{id:"wamid…"}]}, read receipts
 * {success:true}) whatever the token, and reports each message "delivered" back through the
 * webhook. Start the server with
 *   META_APP_SECRET=<secret> META_VERIFY_TOKEN=<anything> WHATSAPP_ACCESS_TOKEN=<anything>
 *   META_GRAPH_BASE_URL=http://localhost:4020
 */
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import readline from 'node:readline';
import { parseArgs } from './cli.js';

const args = parseArgs(process.argv.slice(2));
const url = String(args.get('url') ?? 'http://localhost:3000').replace(/\/+$/, '');
const from = String(args.get('from') ?? '447700900123').replace(/^\+/, '');
const phoneNumberId = String(args.get('phone-number-id') ?? '100000000000001');
const secret = String(args.get('secret') ?? process.env.META_APP_SECRET ?? '');
const graphPort = Number(args.get('graph-port') ?? 4020);

if (!secret) {
  console.error('Give the app secret the server verifies with: --secret, or META_APP_SECRET.');
  process.exit(2);
}

const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
const lines = rl[Symbol.asyncIterator]();
async function ask(prompt: string): Promise<string | null> {
  process.stdout.write(prompt);
  const next = await lines.next();
  return next.done ? null : next.value;
}

/** The last buttons or list rows shown: what "/tap N" picks from. */
let choices: { id: string; title: string; list: boolean }[] = [];
let lastInteractiveId: string | undefined;

async function post(value: Record<string, unknown>): Promise<{ status: number; ms: number; body: string }> {
  const raw = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '200000000000002', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '441632960100', phone_number_id: phoneNumberId }, ...value } }] }],
  });
  const started = performance.now();
  const res = await fetch(`${url}/channels/meta/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}` },
    body: raw,
  });
  return { status: res.status, ms: performance.now() - started, body: await res.text() };
}

function message(content: Record<string, unknown>): Record<string, unknown> {
  return {
    contacts: [{ profile: { name: 'Simulated Resident' }, wa_id: from }],
    messages: [{ from, id: `wamid.${Buffer.from(`sim-${randomBytes(12).toString('hex')}`).toString('base64')}`, timestamp: String(Math.floor(Date.now() / 1000)), ...content }],
  };
}

/** What the council sent, as a phone would show it. */
function show(body: Record<string, unknown>): string {
  if (body.type === 'text') return (body.text as { body: string }).body;
  if (body.type === 'template') {
    const t = body.template as { name: string; components?: { parameters: { text: string }[] }[] };
    return `[template "${t.name}": ${(t.components ?? []).flatMap((c) => c.parameters.map((p) => p.text)).join(', ')}]`;
  }
  const i = body.interactive as { type: string; body: { text: string }; action: { buttons?: { reply: { id: string; title: string } }[]; button?: string; sections?: { rows: { id: string; title: string }[] }[] } };
  if (i.type === 'location_request_message') return `${i.body.text}\n    [Send location]  (type /pin lat,long)`;
  const options = i.type === 'button' ? i.action.buttons!.map((b) => ({ ...b.reply, list: false })) : i.action.sections!.flatMap((s) => s.rows.map((r) => ({ id: r.id, title: r.title, list: true })));
  choices = options;
  return `${i.body.text}\n${options.map((o, n) => `    [${n + 1}] ${o.title}`).join('\n')}  (type /tap N)`;
}

/** A stand-in for the Graph API's messages endpoint that prints what the server sends. */
function startGraphSink(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (answer: unknown, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      if (req.method !== 'POST' || !/^\/v\d+\.\d+\/\d+\/messages$/.test(req.url ?? '')) {
        return json({ error: { message: 'Unsupported request - method type or path not supported', type: 'GraphMethodException', code: 100, error_subcode: 33, fbtrace_id: 'Asim' } }, 400);
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      if (body.status === 'read') return json({ success: true });
      const id = `wamid.${Buffer.from(`council-${randomBytes(12).toString('hex')}`).toString('base64')}`;
      if (body.type === 'interactive') lastInteractiveId = id;
      console.log(`\n  council: ${show(body).replace(/\n/g, '\n  ')}`);
      process.stdout.write('you > ');
      json({ messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id }] });
      // As WhatsApp does: the message is delivered, and the server hears of it.
      setTimeout(() => void post({ statuses: [{ id, status: 'delivered', timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: from }] }).catch(() => undefined), 200);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(graphPort, '127.0.0.1', () => resolve(server));
  });
}

async function simulateWhatsApp(first: string): Promise<void> {
  let sink: http.Server | null = null;
  try {
    sink = await startGraphSink();
    console.log(`Printing what the server sends to http://localhost:${graphPort} (start it with META_GRAPH_BASE_URL=http://localhost:${graphPort}).`);
  } catch (err) {
    console.log(`(could not listen on ${graphPort}: ${String(err)}; replies will not be shown)`);
  }
  console.log(`WhatsApp from ${from} to phone number id ${phoneNumberId}. Type messages; /tap N, /pin lat,long; /quit ends.\n`);
  let line: string | null = first;
  while (line !== null && line.trim() !== '/quit') {
    const t = line.trim();
    let content: Record<string, unknown> | null = null;
    const tap = /^\/tap\s+(\d+)$/.exec(t);
    const pin = /^\/pin\s+(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(t);
    if (tap) {
      const c = choices[Number(tap[1]) - 1];
      if (!c) console.log('  (no such option)');
      else content = { type: 'interactive', context: { from: '441632960100', id: lastInteractiveId }, interactive: c.list ? { type: 'list_reply', list_reply: { id: c.id, title: c.title } } : { type: 'button_reply', button_reply: { id: c.id, title: c.title } } };
    } else if (pin) content = { type: 'location', location: { latitude: Number(pin[1]), longitude: Number(pin[2]) } };
    else if (t) content = { type: 'text', text: { body: t } };
    if (content) {
      const r = await post(message(content));
      console.log(r.status === 200 ? `  [acknowledged in ${r.ms.toFixed(0)} ms]` : `  [HTTP ${r.status}] ${r.body.slice(0, 300)}`);
    }
    line = await ask('you > ');
  }
  await new Promise((r) => setTimeout(r, 1500)); // replies still on their way
  sink?.close();
}

async function main(): Promise<void> {
  if (args.has('whatsapp')) await simulateWhatsApp(String(args.get('whatsapp') === true ? '' : args.get('whatsapp')));
  else {
    console.error('Usage: simulate-meta --whatsapp "text" [--url http://localhost:3000] [--from 447700900123] [--phone-number-id 100000000000001] [--secret …] [--graph-port 4020]');
    process.exitCode = 2;
  }
  rl.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
