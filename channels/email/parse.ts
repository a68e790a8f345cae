/**
 * One mail as the assistant reads it (mailparser): who sent it, its Message-Id and thread ids, the
 * resident's words (plain text preferred, HTML turned to text, quoted history and signature
 * stripped), its files, and what kind of mail it is. Auto-replies, bounces, read receipts and bulk
 * mail (RFC 3834 Auto-Submitted, Precedence, X-Autoreply and friends, multipart/report, the null
 * sender, mailing-list headers) are recorded but never answered: answering them makes mail loops.
 */
import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { baseSubject, stripQuoted } from './quotes.js';

export type MailKind = 'message' | 'auto_reply' | 'bounce' | 'bulk' | 'refused';

export interface MailFile {
  name: string | undefined;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface ReadMail {
  kind: MailKind;
  /** Why it is not a message to answer (for the record). */
  reason?: string;
  /** The Message-Id, with its angle brackets; made from the content's hash when the mail has none. */
  messageId: string;
  /** The From address, lower case (null when there is none to answer). */
  from: string | null;
  subject: string;
  /** The resident's words: stripped of history and signature. */
  text: string;
  inReplyTo: string | null;
  references: string[];
  files: MailFile[];
}

const ID = /<[^<>\s]{1,250}>/g;

/** Message-Ids in a header value, each with its angle brackets (mailparser gives some without). */
export function messageIdsIn(value: string | string[] | undefined | null): string[] {
  const joined = (Array.isArray(value) ? value : value ? [value] : []).map((v) => (/^[^<>\s]+@[^<>\s]+$/.test(v.trim()) ? `<${v.trim()}>` : v)).join(' ');
  return [...joined.matchAll(ID)].map((m) => m[0]);
}

function header(mail: ParsedMail, name: string): string {
  const v = mail.headers.get(name);
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'value' in v && typeof (v as { value: unknown }).value === 'string') return (v as { value: string }).value;
  return String(v);
}

/** Why a mail is machine-made (never answered), or null for a person's mail. */
function machineKind(mail: ParsedMail, envelopeFrom: string | null | undefined, from: string | null): { kind: MailKind; reason: string } | null {
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (contentType?.value?.toLowerCase() === 'multipart/report') {
    const report = contentType.params?.['report-type']?.toLowerCase();
    return report === 'disposition-notification' ? { kind: 'auto_reply', reason: 'read receipt (multipart/report)' } : { kind: 'bounce', reason: `delivery report (multipart/report${report ? `; ${report}` : ''})` };
  }
  if (envelopeFrom === '') return { kind: 'bounce', reason: 'null sender (MAIL FROM:<>)' };
  if (from && /^(mailer-daemon|postmaster)@/i.test(from)) return { kind: 'bounce', reason: `sent by ${from.split('@')[0]}` };
  const auto = header(mail, 'auto-submitted').trim().toLowerCase();
  if (auto && !auto.startsWith('no')) return { kind: 'auto_reply', reason: `Auto-Submitted: ${auto.split(';')[0]}` };
  for (const h of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-auto-response-suppress']) {
    const v = header(mail, h).trim();
    // Outlook sets X-Auto-Response-Suppress on its own auto-replies ("All", "OOF") and on some
    // person's mail ("DR" or "RN" asks for no receipts), so only the auto-reply values count.
    if (v && (h !== 'x-auto-response-suppress' || /\b(all|oof|autoreply)\b/i.test(v))) return { kind: 'auto_reply', reason: `${h}: ${v.slice(0, 40)}` };
  }
  const precedence = header(mail, 'precedence').trim().toLowerCase();
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return { kind: precedence === 'auto_reply' ? 'auto_reply' : 'bulk', reason: `Precedence: ${precedence}` };
  // mailparser gathers List-* headers under `list`; the raw lines say it plainly.
  if (mail.headerLines.some((l) => l.key === 'list-id' || l.key === 'list-unsubscribe')) return { kind: 'bulk', reason: 'mailing list (List-Id, List-Unsubscribe)' };
  if (/^(out of office|automatic reply|auto(matic)?[- ]?reply|autoreply|abwesenheit)/i.test(baseSubject(mail.subject))) return { kind: 'auto_reply', reason: 'an out-of-office subject' };
  return null;
}

/**
 * Reads a raw mail. `envelopeFrom` is SMTP's MAIL FROM ('' for the null sender, undefined when not
 * known: the webhook may not give it); `ownAddresses` are the council's (mail from them is a loop).
 */
export async function readMail(raw: Buffer, envelopeFrom: string | null | undefined, ownAddresses: readonly string[]): Promise<ReadMail> {
  // Loaded on the first e-mail, not at start (about 0.2 s of every process's start, e-mail on or not).
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 });
  const from = mail.from?.value.find((a) => a.address)?.address?.trim().toLowerCase() ?? null;
  const messageId = messageIdsIn(mail.messageId)[0] ?? `<sha256.${createHash('sha256').update(raw).digest('hex')}@no-message-id.invalid>`;
  // Plain text preferred; an HTML-only mail is turned to text by mailparser (html-to-text: a blockquote's lines start "> ").
  const body = mail.text ?? '';
  const files: MailFile[] = mail.attachments
    // Images a signature or HTML layout shows inline (cid:) are not the resident's files.
    .filter((a) => !a.related && !/^(message\/(delivery-status|rfc822|disposition-notification)|text\/rfc822-headers)$/i.test(a.contentType))
    .map((a) => ({ name: a.filename, contentType: a.contentType.toLowerCase(), size: a.size ?? a.content.length, content: a.content }));
  const base = {
    messageId,
    from,
    subject: (mail.subject ?? '').trim(),
    text: stripQuoted(body),
    inReplyTo: messageIdsIn(mail.inReplyTo)[0] ?? null,
    references: messageIdsIn(mail.references),
    files,
  };
  const machine = machineKind(mail, envelopeFrom, from);
  if (machine) return { ...base, ...machine };
  if (!from) return { ...base, kind: 'refused', reason: 'no From address to answer' };
  if (ownAddresses.includes(from)) return { ...base, kind: 'refused', reason: "from the council's own address (a loop)" };
  const auth = header(mail, 'authentication-results');
  if (/\bdmarc=fail\b/i.test(auth)) return { ...base, kind: 'refused', reason: 'the relay found it forged (Authentication-Results: dmarc=fail)' };
  return { ...base, kind: 'message' };
}
