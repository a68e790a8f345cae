/**
 * Talk to a running server as Meta would, from the terminal, without a Meta app:
 *
 *   npm run simulate:meta -- --whatsapp "missed bin"   a WhatsApp conversation: further lines are
 *                                                      messages; "/tap N" taps the Nth button or
 *                                                      list row last shown; "/pin 50.72137,-1.88279"
 *                                                      sends a location pin; /quit ends
 *   npm run simulate:meta -- --messenger "missed bin"  a Messenger conversation: further lines are
 *                                                      messages; "/tap N" taps the Nth quick reply
 *                                                      or postback button last shown; /quit ends
 *   npm run simulate:meta -- --instagram "missed bin"  the same as an Instagram conversation
 *
 * Options: --url http://localhost:3000 (the server), --from (the resident: a wa_id such as
 * 447700900123 on WhatsApp, a PSID or IGSID on Messenger and Instagram), --phone-number-id
 * 100000000000001, --page-id 300000000000003, --instagram-id 17841400000000004 (the council's, as
 * its pack lists them), --secret (default META_APP_SECRET: the server must use the same),
 * --graph-port 4020.
 *
 * Each message is a webhook POST to /channels/meta/webhook shaped as Meta sends it
 * (`whatsapp_business_account`, `page` or `instagram`) and signed as Meta signs it
 * (X-Hub-Signature-256: HMAC-SHA256 of the raw body with the app secret). The server answers
 * through the Graph API: this starts a small stand-in on --graph-port that prints every message
 * sent, answers as the Cloud API does ({messages:[{id:"wamid…"}]}, read receipts {success:true})
 * or as the Send API does ({recipient_id, message_id}; sender actions {recipient_id}) whatever the
 * token, and reports each message delivered back through the webhook. Start the server with
 *   META_APP_SECRET=<secret> META_VERIFY_TOKEN=<anything> WHATSAPP_ACCESS_TOKEN=<anything>
 *   MESSENGER_PAGE_ACCESS_TOKEN=<anything> META_GRAPH_BASE_URL=http://localhost:4020
 */
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import readline from 'node:readline';
import { parseArgs } from './cli.js';

const args = parseArgs(process.argv.slice(2));
const url = String(args.get('url') ?? 'http://localhost:3000').replace(/\/+$/, '');
type Platform = 'whatsapp' | 'messenger' | 'instagram';
const platform: Platform | null = args.has('whatsapp') ? 'whatsapp' : args.has('messenger') ? 'messenger' : args.has('instagram') ? 'instagram' : null;
const from = String(args.get('from') ?? (platform === 'whatsapp' ? '447700900123' : `7${String(Date.now()).slice(-9)}00000`)).replace(/^\+/, '');
const phoneNumberId = String(args.get('phone-number-id') ?? '100000000000001');
/** The Page or Instagram account the resident writes to. */
const accountId = String(platform === 'instagram' ? (args.get('instagram-id') ?? '17841400000000004') : (args.get('page-id') ?? '300000000000003'));
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

/** The last buttons, list rows or quick replies shown: what "/tap N" picks from. */
let choices: { id: string; title: string; list: boolean; kind?: 'quick_reply' | 'postback' }[] = [];
let lastInteractiveId: string | undefined;

const signed = (raw: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

async function post(value: Record<string, unknown>): Promise<{ status: number; ms: number; body: string }> {
  return postRaw(
    JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '200000000000002', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '441632960100', phone_number_id: phoneNumberId }, ...value } }] }],
    }),
  );
}

/** One Messenger or Instagram event from the resident (or about their messages), as Meta batches it. */
async function postMessaging(event: Record<string, unknown>): Promise<{ status: number; ms: number; body: string }> {
  const object = platform === 'instagram' ? 'instagram' : 'page';
  return postRaw(JSON.stringify({ object, entry: [{ id: accountId, time: Date.now(), messaging: [{ sender: { id: from }, recipient: { id: accountId }, timestamp: Date.now(), ...event }] }] }));
}

async function postRaw(raw: string): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  const res = await fetch(`${url}/channels/meta/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signed(raw) },
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

/** A Messenger or Instagram message as the resident's app would show it: text, quick replies, a button template. */
function showMessaging(message: Record<string, unknown>): string {
  const m = message as {
    text?: string;
    quick_replies?: { content_type: string; title?: string; payload?: string }[];
    attachment?: { type: string; payload: { template_type?: string; text?: string; url?: string; buttons?: { type: string; title: string; payload?: string; url?: string }[] } };
  };
  const lines: string[] = [];
  const options: typeof choices = [];
  if (m.text) lines.push(m.text);
  const template = m.attachment?.type === 'template' ? m.attachment.payload : undefined;
  if (template) {
    if (template.text) lines.push(template.text);
    for (const b of template.buttons ?? []) {
      if (b.type === 'postback') options.push({ id: b.payload ?? b.title, title: b.title, list: false, kind: 'postback' });
      else lines.push(`    [${b.title}] ${b.url ?? ''}`);
    }
  } else if (m.attachment) lines.push(`[${m.attachment.type}] ${m.attachment.payload.url ?? ''}`);
  for (const q of m.quick_replies ?? []) if (q.content_type === 'text' && q.title) options.push({ id: q.payload ?? q.title, title: q.title, list: false, kind: 'quick_reply' });
  if (options.length) {
    choices = options;
    lines.push(`${options.map((o, n) => `    [${n + 1}] ${o.title}`).join('\n')}  (type /tap N)`);
  }
  return lines.join('\n');
}

/** The Send API (POST /{version}/me/messages): prints each message, answers as Meta does, reports it delivered. */
function sendApi(body: Record<string, unknown>, json: (answer: unknown, status?: number) => void): void {
  const recipient = (body.recipient as { id?: string } | undefined)?.id ?? '';
  if (body.sender_action) return json({ recipient_id: recipient });
  const mid = `m_${randomBytes(16).toString('base64url')}`;
  const tag = body.messaging_type === 'MESSAGE_TAG' ? ` [${String(body.tag)}]` : '';
  console.log(`\n  council${tag}: ${showMessaging((body.message as Record<string, unknown>) ?? {}).replace(/\n/g, '\n  ')}`);
  process.stdout.write('you > ');
  json({ recipient_id: recipient, message_id: mid });
  // As Messenger does: the message is delivered, and the server hears of it.
  setTimeout(() => void postMessaging({ delivery: { mids: [mid], watermark: Date.now() } }).catch(() => undefined), 200);
}

/** A stand-in for the Graph API's messages endpoints (WhatsApp's and the Send API) that prints what the server sends. */
function startGraphSink(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (answer: unknown, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      if (req.method === 'POST' && /^\/v\d+\.\d+\/me\/messages(\?|$)/.test(req.url ?? '')) {
        return sendApi(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>, json);
      }
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

async function startSink(): Promise<http.Server | null> {
  try {
    const sink = await startGraphSink();
    console.log(`Printing what the server sends to http://localhost:${graphPort} (start it with META_GRAPH_BASE_URL=http://localhost:${graphPort}).`);
    return sink;
  } catch (err) {
    console.log(`(could not listen on ${graphPort}: ${String(err)}; replies will not be shown)`);
    return null;
  }
}

async function simulateMessaging(first: string): Promise<void> {
  const sink = await startSink();
  const name = platform === 'instagram' ? 'Instagram' : 'Messenger';
  console.log(`${name} from ${from} to ${platform === 'instagram' ? 'Instagram account' : 'Page'} ${accountId}. Type messages; /tap N; /quit ends.\n`);
  let line: string | null = first;
  while (line !== null && line.trim() !== '/quit') {
    const t = line.trim();
    let event: Record<string, unknown> | null = null;
    const tap = /^\/tap\s+(\d+)$/.exec(t);
    const mid = `m_${randomBytes(16).toString('base64url')}`;
    if (tap) {
      const c = choices[Number(tap[1]) - 1];
      if (!c) console.log('  (no such option)');
      else event = c.kind === 'postback' ? { postback: { mid, title: c.title, payload: c.id } } : { message: { mid, text: c.title, quick_reply: { payload: c.id } } };
    } else if (t) event = { message: { mid, text: t } };
    if (event) {
      const r = await postMessaging(event);
      console.log(r.status === 200 ? `  [acknowledged in ${r.ms.toFixed(0)} ms]` : `  [HTTP ${r.status}] ${r.body.slice(0, 300)}`);
    }
    line = await ask('you > ');
  }
  await new Promise((r) => setTimeout(r, 1500)); // replies still on their way
  sink?.close();
}

async function simulateWhatsApp(first: string): Promise<void> {
  const sink = await startSink();
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
  const first = (flag: string) => String(args.get(flag) === true ? '' : args.get(flag));
  if (platform === 'whatsapp') await simulateWhatsApp(first('whatsapp'));
  else if (platform) await simulateMessaging(first(platform));
  else {
    console.error(
      'Usage: simulate-meta --whatsapp "text" | --messenger "text" | --instagram "text" [--url http://localhost:3000] [--from <wa_id or PSID>] [--phone-number-id 100000000000001] [--page-id 300000000000003] [--instagram-id 17841400000000004] [--secret …] [--graph-port 4020]',
    );
    process.exitCode = 2;
  }
  rl.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
