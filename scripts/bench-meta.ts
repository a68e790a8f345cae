/**
 * How fast the Meta webhook acknowledges under load (Meta retries a slow or failed delivery, for up
 * to 7 days, and expects a quick 200): 50 concurrent WhatsApp conversations, each reporting a
 * missed bin with a location pin, list and button taps as WhatsApp sends them. Prints the webhook's
 * acknowledgement p50 / p99 / max in milliseconds (and the time to the first reply reaching the
 * Graph API), then one JSON line.
 *
 *   npm run bench:meta [-- --conversations 50 --turns 10 --think 0]
 *
 * --think N: milliseconds a resident takes before each message (0, the default, sends the next
 * message the moment the last one's reply arrives: a stress test).
 *
 * Everything runs on 127.0.0.1: the product in a process of its own (api/main.ts; PGlite in a
 * temporary DATA_DIR, or DATABASE_URL / REDIS_URL when set), webhooks signed as Meta signs them,
 * and the local Graph API stand-in (channels/meta/graph-stand-in.fixture.ts) receiving the
 * replies. A resident waits for a reply to reach the stand-in before answering. No Meta account is used.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { startGraphStandIn, type GraphRequest, type GraphStandIn } from '../channels/meta/graph-stand-in.fixture.js';
import { parseArgs } from './cli.js';
import { latencyFigures, report } from './latency.js';
import { startProductProcess, type ProductProcess } from './product-process.js';

const args = parseArgs(process.argv.slice(2));
const CONVERSATIONS = Math.min(200, Number(args.get('conversations') ?? 50));
const TURNS = Math.min(20, Number(args.get('turns') ?? 10));
const THINK_MS = Math.max(0, Number(args.get('think') ?? 0));
const think = () => (THINK_MS ? new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random()))) : Promise.resolve());
const APP_SECRET = `bench-${randomBytes(16).toString('hex')}`;
/** The demo pack's WhatsApp phone number id (content/demo/settings.yaml). */
const PHONE_NUMBER_ID = '100000000000001';

// A missed-bin report on WhatsApp: words, a pin at 2 High Street, taps on the list and buttons shown.
type Step = { text: string } | { pin: [number, number] } | { tap: RegExp; orText: string };
const SCRIPT: Step[] = [
  { text: 'Hi' },
  { text: 'My bin was not collected' },
  { pin: [50.72137, -1.88279] },
  { tap: /^2 High Street/, orText: '2 High Street' },
  { tap: /^Recycling/, orText: 'recycling' },
  { tap: /^Yes$/, orText: 'yes' },
  { text: 'today' },
  { text: 'no' },
  { tap: /^No thanks/, orText: 'no thanks' },
  { tap: /^Yes, send it/, orText: 'yes' },
  { text: 'When is my bin day?' },
  { text: 'thank you' },
];

/** The product in a process of its own (scripts/product-process.ts), WhatsApp pointed at the stand-in. */
function startProduct(graph: GraphStandIn): Promise<ProductProcess> {
  return startProductProcess('bench-meta', {
    META_APP_SECRET: APP_SECRET,
    META_VERIFY_TOKEN: 'bench-verify-token',
    WHATSAPP_ACCESS_TOKEN: graph.token,
    META_GRAPH_BASE_URL: graph.url,
    META_GRAPH_API_VERSION: 'v21.0',
  });
}

/** One resident on WhatsApp: each message a signed webhook, as Meta sends it. */
class WhatsAppResident {
  private seen = 0;
  constructor(
    private readonly origin: string,
    private readonly graph: GraphStandIn,
    readonly waId: string,
  ) {}

  private sent(): GraphRequest[] {
    return this.graph.sent.filter((s) => s.body.to === this.waId);
  }

  /** Posts one message; returns the acknowledgement's time and status, and when the first reply reached the stand-in. */
  async send(step: Step): Promise<{ status: number; ackMs: number; replyMs: number | null; missed: boolean }> {
    let content: Record<string, unknown>;
    let missed = false;
    if ('text' in step) content = { type: 'text', text: { body: step.text } };
    else if ('pin' in step) content = { type: 'location', location: { latitude: step.pin[0], longitude: step.pin[1] } };
    else {
      const tapped = this.tap(step.tap);
      missed = !tapped;
      content = tapped ?? { type: 'text', text: { body: step.orText } };
    }
    const raw = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '200000000000002',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '441632960100', phone_number_id: PHONE_NUMBER_ID },
                contacts: [{ profile: { name: 'Bench Resident' }, wa_id: this.waId }],
                messages: [{ from: this.waId, id: `wamid.${randomBytes(18).toString('base64url')}`, timestamp: String(Math.floor(Date.now() / 1000)), ...content }],
              },
            },
          ],
        },
      ],
    });
    this.seen = this.sent().length;
    const started = performance.now();
    const res = await fetch(`${this.origin}/channels/meta/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}` },
      body: raw,
    });
    await res.arrayBuffer();
    const ackMs = performance.now() - started;
    // The resident reads the reply before answering (bounded: 10 s).
    let replyMs: number | null = null;
    for (let w = 0; w < 1000; w++) {
      if (this.sent().length > this.seen) {
        replyMs = performance.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    // Replies of one turn may come as several messages: a moment for the rest.
    await new Promise((r) => setTimeout(r, 30));
    return { status: res.status, ackMs, replyMs, missed };
  }

  /** The tap WhatsApp reports for the button or list row of the last interactive message whose title matches. */
  private tap(choice: RegExp): Record<string, unknown> | null {
    const message = [...this.sent()].reverse().find((s) => s.body.type === 'interactive');
    const i = message?.body.interactive as { type: string; action: { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { id: string; title: string; description?: string }[] }[] } } | undefined;
    if (!i) return null;
    if (i.type === 'button') {
      const b = i.action.buttons?.find((x) => choice.test(x.reply.title));
      return b ? { type: 'interactive', context: { id: message!.id }, interactive: { type: 'button_reply', button_reply: { id: b.reply.id, title: b.reply.title } } } : null;
    }
    const row = i.action.sections?.flatMap((s) => s.rows).find((r) => choice.test(r.title) || choice.test(r.description ?? ''));
    return row ? { type: 'interactive', context: { id: message!.id }, interactive: { type: 'list_reply', list_reply: { id: row.id, title: row.title } } } : null;
  }
}

async function main(): Promise<void> {
  const graph = await startGraphStandIn();
  const product = await startProduct(graph);
  try {
    console.log(`store: ${product.store}${process.env.REDIS_URL && process.env.DATABASE_URL ? ' + Redis' : ''} (the product in a process of its own), ${CONVERSATIONS} concurrent WhatsApp conversations, ${TURNS} messages each, think time ${THINK_MS} ms\n`);

    // Warm-up: one conversation, so model loading is not measured.
    const warm = new WhatsAppResident(product.url, graph, '447700600000');
    await warm.send({ text: 'hello' });
    await warm.send({ text: 'my bin was not collected' });

    const ack: number[] = [];
    const reply: number[] = [];
    let failures = 0;
    let unanswered = 0;
    let missedTaps = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, i) => {
        const resident = new WhatsAppResident(product.url, graph, `4477006${String(10000 + i).padStart(5, '0')}`);
        for (const step of SCRIPT.slice(0, TURNS)) {
          await think();
          const r = await resident.send(step);
          if (r.status !== 200) failures++;
          if (r.missed) missedTaps++;
          ack.push(r.ackMs);
          if (r.replyMs === null) unanswered++;
          else reply.push(r.replyMs);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    report('whatsapp: webhook acknowledgement', ack, 38);
    report('whatsapp: first reply at the Graph API', reply, 38);
    console.log(
      `\n${ack.length} messages in ${seconds.toFixed(1)} s (${(ack.length / seconds).toFixed(0)} messages/s); messages sent by the product: ${graph.sent.length}; failed webhooks: ${failures}; unanswered within 10 s: ${unanswered}; taps not found (typed instead): ${missedTaps}`,
    );
    console.log(
      JSON.stringify({
        store: product.store,
        redis: !!(process.env.REDIS_URL && process.env.DATABASE_URL),
        conversations: CONVERSATIONS,
        turns: TURNS,
        thinkMs: THINK_MS,
        webhookAck: latencyFigures(ack),
        firstReply: latencyFigures(reply),
        messagesPerSec: Math.round(ack.length / seconds),
        failures,
        unanswered,
        missedTaps,
      }),
    );
    if (failures) process.exitCode = 1;
  } finally {
    await product.stop();
    await graph.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
