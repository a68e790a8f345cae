/**
 * The SMTP listener (smtp-server) a council's mail relay forwards its mailbox to, on
 * SMTP_INBOUND_PORT. A recipient no council lists is refused at RCPT with 550 (nothing is stored
 * for it); one mail is for one council (a second council's address in the same mail is answered
 * 452, so the relay sends it again separately). The mail is read and stored before 250 is given;
 * a failure to store answers 451, so the relay keeps it and tries again: an accepted mail is never
 * lost. Plain SMTP without AUTH or STARTTLS: it is for a relay on the council's own network (TLS
 * and who may connect are the network's, see README "E-mail").
 */
import type { Server } from 'node:net';
import os from 'node:os';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { EmailConfig } from './config.js';
import type { IncomingMail, MailOutcome } from './inbound.js';

type SmtpError = Error & { responseCode: number };
const smtpError = (code: number, message: string): SmtpError => Object.assign(new Error(message), { responseCode: code });

interface Envelope {
  tenant?: string;
  councilAddress?: string;
}

export interface SmtpListenerDeps {
  config: Pick<EmailConfig, 'inboundPort' | 'inboundHost' | 'maxBytes'>;
  councilOf: (address: string) => string | null;
  receive: (mail: IncomingMail) => Promise<MailOutcome>;
  log: { warn: (o: object, m: string) => void; error: (o: object, m: string) => void; info: (o: object, m: string) => void };
}

export class SmtpListener {
  private server: SMTPServer | null = null;
  private readonly envelopes = new WeakMap<SMTPServerSession, Envelope>();
  /** Turns running after their 250: awaited at stop, so a shutdown does not cut one off mid-way. */
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: SmtpListenerDeps) {}

  /** The port it listens on (the one configured; useful when that was 0). */
  port(): number | undefined {
    const address = (this.server as unknown as { server?: { address(): { port: number } | string | null } } | null)?.server?.address();
    return address && typeof address === 'object' ? address.port : undefined;
  }

  async start(): Promise<void> {
    const { config } = this.deps;
    const server = new SMTPServer({
      name: os.hostname(),
      banner: 'council assistant',
      size: config.maxBytes,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      socketTimeout: 60_000,
      closeTimeout: 5_000,
      onConnect: (session, callback) => {
        this.envelopes.set(session, {});
        callback();
      },
      onMailFrom: (_address, session, callback) => {
        // A new transaction on the same connection starts afresh.
        this.envelopes.set(session, {});
        callback();
      },
      onRcptTo: (address: SMTPServerAddress, session, callback) => {
        const tenant = this.deps.councilOf(address.address);
        if (!tenant) return callback(smtpError(550, '5.1.1 No such mailbox here'));
        const env = this.envelopes.get(session) ?? {};
        if (env.tenant && env.tenant !== tenant) return callback(smtpError(452, '4.5.3 One council per message: send again for this recipient'));
        this.envelopes.set(session, { tenant, councilAddress: env.councilAddress ?? address.address.trim().toLowerCase() });
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', () => callback(smtpError(451, '4.3.0 Could not read the message')));
        stream.on('end', () => {
          if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 Message larger than ${config.maxBytes} bytes`));
          const env = this.envelopes.get(session);
          if (!env?.tenant || !env.councilAddress) return callback(smtpError(503, '5.5.1 No valid recipients'));
          const mailFrom = session.envelope.mailFrom;
          this.deps
            .receive({ tenant: env.tenant, councilAddress: env.councilAddress, envelopeFrom: mailFrom ? mailFrom.address : undefined, raw: Buffer.concat(chunks) })
            .then((outcome) => {
              callback(null, `Accepted (${outcome.outcome})`);
              const turn = outcome.after().finally(() => this.running.delete(turn));
              this.running.add(turn);
            })
            .catch((err: unknown) => {
              this.deps.log.error({ err: String(err), tenant: env.tenant }, 'an e-mail could not be stored: the relay was asked to try again');
              callback(smtpError(451, '4.3.0 Temporary failure, please try again later'));
            });
        });
      },
    });
    server.on('error', (err) => this.deps.log.warn({ err: String(err) }, 'SMTP listener error'));
    await new Promise<void>((resolve, reject) => {
      const inner = (server as unknown as { server: Server }).server;
      inner.once('error', reject);
      server.listen(config.inboundPort ?? 0, config.inboundHost, () => {
        inner.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.deps.log.info({ port: this.port(), host: config.inboundHost }, 'SMTP listener started');
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.allSettled([...this.running]);
  }
}
