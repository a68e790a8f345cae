/**
 * The e-mail channel through the real app (startTestServer, the registry, the shared outbox), with
 * real SMTP both ways: the resident's mail program is nodemailer sending to the app's SMTP listener,
 * and the council's outbound relay is a local smtp-server that captures what the app sends (and can
 * be told to refuse for a while, to see the outbox retry).
 */
import net from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { startTestServer, type TestServer } from '../../test/server.js';
import type { StartOptions } from '../../api/server.js';

export const COUNCIL_ADDRESS = 'contact@merebrook.gov.uk';
export const WEBHOOK_SECRET = 'email-webhook-secret-for-tests-0123';

export interface CapturedMail {
  from: string;
  to: string[];
  raw: Buffer;
  mail: ParsedMail;
}

export interface RelayStandIn {
  port: number;
  mails: CapturedMail[];
  /** The next `n` mails are answered with this SMTP code (451: try later; 550: refused). */
  refuseNext(n: number, code: number): void;
  attempts: number;
  close(): Promise<void>;
}

export async function startRelayStandIn(): Promise<RelayStandIn> {
  const mails: CapturedMail[] = [];
  let refusing = 0;
  let refuseCode = 451;
  const relay: RelayStandIn = {
    port: 0,
    mails,
    attempts: 0,
    refuseNext(n, code) {
      refusing = n;
      refuseCode = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        relay.attempts++;
        if (refusing > 0) {
          refusing--;
          return callback(Object.assign(new Error(refuseCode >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: refuseCode }));
        }
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((mail) => {
          mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, mail });
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  relay.port = ((server as unknown as { server: net.Server }).server.address() as net.AddressInfo).port;
  return relay;
}

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export interface EmailHarness {
  server: TestServer;
  relay: RelayStandIn;
  smtpPort: number;
  /** The resident's mail program: sends to the app's SMTP listener; returns the Message-Id it sent. */
  send(options: SendMailOptions): Promise<string>;
  /** Mails the relay captured for an address. */
  mailsTo(address: string): CapturedMail[];
  waitFor(check: () => boolean | Promise<boolean>, what: string, ms?: number): Promise<void>;
  /** Until no e-mail message waits for its turn or its send. */
  settle(ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startEmailHarness(options: StartOptions = {}): Promise<EmailHarness> {
  const relay = await startRelayStandIn();
  const smtpPort = await freePort();
  const server = await startTestServer({
    ...options,
    env: { SMTP_INBOUND_PORT: String(smtpPort), SMTP_INBOUND_HOST: '127.0.0.1', SMTP_URL: `smtp://127.0.0.1:${relay.port}`, EMAIL_WEBHOOK_SECRET: WEBHOOK_SECRET, ...options.env },
  });
  const client = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
  const waitFor = async (check: () => boolean | Promise<boolean>, what: string, ms = 15_000) => {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const pending = async () =>
    !!(await server.store.db
      .selectFrom('messages')
      .select('id')
      .where('tenant_id', '=', server.tenant)
      .where('channel', '=', 'email')
      .where((eb) => eb.or([eb.and([eb('direction', '=', 'in'), eb('processed_at', 'is', null)]), eb('status', 'in', ['stored', 'fault', 'dispatching', 'send_retry'])]))
      .executeTakeFirst());
  return {
    server,
    relay,
    smtpPort,
    send: async (opts) => (await client.sendMail({ to: COUNCIL_ADDRESS, ...opts })).messageId,
    mailsTo: (address) => relay.mails.filter((m) => m.to.includes(address)),
    waitFor,
    settle: async (ms) => {
      try {
        await waitFor(async () => !(await pending()), 'the e-mail turns and sends to settle', ms);
      } catch (err) {
        if (process.env.EMAIL_DEBUG) console.error(await server.store.db.selectFrom('messages').select(['id', 'direction', 'status', 'processed_at', 'author', 'created_at']).where('tenant_id', '=', server.tenant).where('channel', '=', 'email').where((eb) => eb.or([eb.and([eb('direction', '=', 'in'), eb('processed_at', 'is', null)]), eb('status', 'in', ['stored', 'fault', 'dispatching', 'send_retry'])])).execute());
        throw err;
      }
    },
    close: async () => {
      client.close();
      await server.close();
      await relay.close();
    },
  };
}
