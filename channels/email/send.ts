/**
 * Sending a reply by e-mail through the council's relay (SMTP_URL, nodemailer), from the address
 * the resident wrote to: a subject that keeps the thread ("Re: …", with the case reference once a
 * case is quoted), In-Reply-To and References to the resident's last mail, and a Message-Id made
 * from the stored message's id. That id is recorded before the mail leaves, so the resident's reply
 * to it finds the conversation; and a resend after a crash carries the same Message-Id (mail
 * programs show one message per Message-Id), so a reply is never seen twice. The assistant's own
 * replies say `Auto-Submitted: auto-replied` (RFC 3834), so well-behaved responders do not answer them.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { emailSenderAddress, emailThread, recordEmailMessage, type Db } from '../../store/index.js';
import { DeliveryError, type Delivery } from '../adapter.js';
import type { EmailConfig, EmailSettings } from './config.js';
import type { EmailBody } from './render.js';
import { baseSubject } from './quotes.js';

const SEND_TIMEOUT_MS = 10_000;

export function createTransport(config: Pick<EmailConfig, 'smtpUrl'>): Transporter {
  const url = new URL(config.smtpUrl);
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    // A local relay (tests, a council's internal relay without a certificate) may answer without TLS.
    ignoreTLS: url.searchParams.get('tls') === 'off',
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
}

/** The subject of a reply: the thread's, with "Re: " once, and the case reference when the reply quotes one not in it yet. */
export function replySubject(threadSubject: string, text: string, referencePrefix: string | undefined): string {
  let subject = `Re: ${baseSubject(threadSubject) || 'Your message'}`;
  const reference = referencePrefix ? new RegExp(`\\b${referencePrefix.replace(/[^A-Za-z0-9]/g, '')}-\\d{3,10}\\b`).exec(text)?.[0] : undefined;
  if (reference && !subject.includes(`[${reference}]`)) subject = `${subject} [${reference}]`;
  return subject;
}

const domainOf = (address: string) => address.split('@')[1] ?? 'localhost';

export interface SendDeps {
  db: Db;
  transport: Transporter;
  settings: (tenant: string) => EmailSettings | undefined;
  referencePrefix: (tenant: string) => string | undefined;
}

export async function sendEmail(deps: SendDeps, d: Delivery): Promise<{ providerMessageId: string }> {
  const to = await emailSenderAddress(deps.db, d.tenant, d.to);
  if (!to) throw new DeliveryError('the resident\'s e-mail address is no longer held (erased)', false);
  const thread = await emailThread(deps.db, d.tenant, d.conversationId);
  const settings = deps.settings(d.tenant);
  const from = thread?.councilAddress ?? settings?.addresses[0];
  if (!from) throw new DeliveryError(`council "${d.tenant}" lists no e-mail address (channels.email.addresses)`, false);
  const body = d.payload as EmailBody;
  // Stable across resends: the stored message's id.
  const messageId = `<ca.${d.messageId}.${d.tenant}@${domainOf(from)}>`;
  await recordEmailMessage(deps.db, { tenant: d.tenant, direction: 'out', messageId, kind: 'reply', conversationId: d.conversationId, outboundMessageId: d.messageId });
  const references = [...(thread?.references ?? [])];
  try {
    await deps.transport.sendMail({
      from: settings?.fromName ? { name: settings.fromName, address: from } : from,
      to,
      subject: replySubject(thread?.subject ?? '', d.message.text, deps.referencePrefix(d.tenant)),
      text: body.text,
      html: body.html,
      messageId,
      ...(thread?.lastMessageId ? { inReplyTo: thread.lastMessageId } : {}),
      ...(references.length ? { references } : {}),
      headers: d.author === 'bot' ? { 'Auto-Submitted': 'auto-replied' } : {},
    });
  } catch (err) {
    const e = err as { responseCode?: number; code?: string; message?: string };
    // 5xx: the relay refused it for good (no such mailbox, policy); anything else is tried again.
    const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
    throw new DeliveryError(`the mail relay ${e.responseCode ? `answered ${e.responseCode}` : `could not be reached (${e.code ?? 'error'})`}`, !permanent, e.responseCode);
  }
  return { providerMessageId: messageId };
}
