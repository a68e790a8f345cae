/**
 * The e-mail channel end to end, with real SMTP both ways (email-harness.fixture.ts): a resident's
 * mail program (nodemailer) sending to the app's listener, the council's relay (an smtp-server)
 * capturing the replies; and the signed inbound-mail webhook.
 */
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import { caseFiles } from '../../files/index.js';
import { emailRecords, emailSenderId, openMessage, partsOf, recordEmailMessage } from '../../store/index.js';
import { PLAIN_PNG } from '../../files/test-images.fixture.js';
import { signedInAgent } from '../../test/console-client.js';
import { COUNCIL_ADDRESS, startEmailHarness, WEBHOOK_SECRET, type CapturedMail, type EmailHarness } from './email-harness.fixture.js';
import { signEmailWebhook } from './webhook.js';

let h: EmailHarness;
let n = 0;
const newResident = () => `resident${++n}.${Date.now()}@example.net`;

beforeAll(async () => {
  h = await startEmailHarness();
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.server.store.db;
const tenant = () => h.server.tenant;
const conversationsOf = async (address: string) => {
  const senderId = await emailSenderId(db(), tenant(), address);
  return db().selectFrom('conversations').selectAll().where('tenant_id', '=', tenant()).where('channel', '=', 'email').where('channel_user_id', '=', senderId).orderBy('created_at').execute();
};
const messagesIn = (conversationId: string) =>
  db().selectFrom('messages').selectAll().where('tenant_id', '=', tenant()).where('conversation_id', '=', conversationId).orderBy('created_at').orderBy('id').execute();
const inboundTexts = async (conversationId: string) => (await messagesIn(conversationId)).filter((m) => m.direction === 'in').map((m) => m.text);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends a mail and waits for the replies it gets. */
async function exchange(from: string, mail: Parameters<EmailHarness['send']>[0]): Promise<{ sent: string; replies: CapturedMail[]; text: string }> {
  const before = h.mailsTo(from).length;
  const sent = await h.send({ from, ...mail });
  await h.waitFor(() => h.mailsTo(from).length > before, `a reply to ${from}`);
  await h.settle();
  const replies = h.mailsTo(from).slice(before);
  return { sent, replies, text: replies.map((r) => r.mail.text ?? '').join('\n') };
}

/** A reply as a mail program writes one: threaded to `to`, the answer on top, our mail quoted under it. */
function replyTo(to: CapturedMail, answer: string): Parameters<EmailHarness['send']>[0] {
  const quoted = (to.mail.text ?? '').split('\n').map((l) => `> ${l}`).join('\n');
  const refs = [...(Array.isArray(to.mail.references) ? to.mail.references : to.mail.references ? [to.mail.references] : []), to.mail.messageId!];
  return {
    subject: to.mail.subject,
    inReplyTo: to.mail.messageId,
    references: refs,
    text: `${answer}\n\nOn Thu, 3 Dec 2026 at 18:05, Merebrook Borough Council <${COUNCIL_ADDRESS}>\nwrote:\n\n${quoted}\n`,
  };
}

describe('e-mail channel', () => {
  test('a mail becomes a conversation and gets a threaded reply: greeting, answer, signature, text and HTML', async () => {
    const ann = newResident();
    const { sent, replies } = await exchange(ann, { subject: 'Missed bin', text: 'My bin was not collected\n\nThanks\n\n-- \nAnn Example\n01632 960 555' });
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply.from).toBe(COUNCIL_ADDRESS);
    expect(reply.mail.from?.value[0]).toMatchObject({ address: COUNCIL_ADDRESS, name: 'Merebrook Borough Council' });
    expect(reply.mail.subject).toBe('Re: Missed bin');
    expect(reply.mail.inReplyTo).toBe(sent);
    expect(reply.mail.references).toContain(sent);
    expect(reply.mail.messageId).toMatch(/^<ca\.[^@]+@merebrook\.gov\.uk>$/);
    expect(reply.mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(reply.mail.text).toMatch(/^Hello,\n\n[\s\S]*What is the address of the missed bin\?[\s\S]*Merebrook Borough Council\n01632 960 100/);
    expect(reply.mail.html).toMatch(/<p>Hello,<\/p>[\s\S]*<p>What is the address of the missed bin\?/);
    // One conversation, whose channel id is opaque: the address is not in it.
    const [conversation, ...others] = await conversationsOf(ann);
    expect(others).toHaveLength(0);
    expect(conversation.channel_user_id).toMatch(/^em_/);
    expect(JSON.stringify(conversation)).not.toContain('example.net');
    // What was stored is what Ann wrote: the subject says what it is about, the signature is gone.
    expect(await inboundTexts(conversation.id)).toEqual(['Missed bin\nMy bin was not collected\n\nThanks']);
    expect((await emailRecords(db(), tenant(), { conversationId: conversation.id })).map((r) => [r.direction, r.kind])).toEqual(expect.arrayContaining([['in', 'message'], ['out', 'reply']]));
  });

  test('replies with quoted history continue the conversation (quotes stripped, "2" picks), and a photo joins the case', async () => {
    const bo = newResident();
    let last = (await exchange(bo, { subject: 'Bin not emptied', text: 'My bin was not collected, photo attached.', attachments: [{ filename: 'bin.png', content: PLAIN_PNG, contentType: 'image/png' }] })).replies.at(-1)!;
    const say = async (answer: string) => {
      const r = await exchange(bo, replyTo(last, answer));
      last = r.replies.at(-1)!;
      for (const m of r.replies) {
        expect(m.mail.inReplyTo).toMatch(/@/);
        expect(m.mail.subject).toMatch(/^Re: Bin not emptied/);
      }
      return r.text;
    };
    const list = await say('MB1 1AD');
    expect(list).toMatch(/Reply with the number of your choice:\n\n?1\. 1 High Street, Merebrook\n2\. 2 High Street, Merebrook/);
    expect(await say('2')).toMatch(/Which bin was missed\?/);
    expect(await say('recycling')).toMatch(/out by 6am/);
    expect(await say('1')).toMatch(/Which day/);
    expect(await say('today')).toMatch(/crew should know/);
    expect(await say('no')).toMatch(/updates/);
    expect(await say('2')).toMatch(/Please check your report[\s\S]*2 High Street, Merebrook, MB1 1AD/);
    const done = await say('1');
    const [conversation, ...others] = await conversationsOf(bo);
    expect(others).toHaveLength(0);
    const kase = await db().selectFrom('cases').selectAll().where('tenant_id', '=', tenant()).where('conversation_id', '=', conversation.id).executeTakeFirstOrThrow();
    expect(done).toContain(kase.reference);
    // The case reference joins the subject once a reply quotes it.
    expect(last.mail.subject).toBe(`Re: Bin not emptied [${kase.reference}]`);
    // Quoted history and the wrapped "On … wrote:" line never reached the assistant.
    const texts = await inboundTexts(conversation.id);
    expect(texts.join('\n')).not.toMatch(/wrote:|^>|Hello,/m);
    expect(texts[1]).toBe('MB1 1AD');
    expect(texts[2]).toBe('2 High Street, Merebrook, MB1 1AD'); // "2" picked the second address
    // The photo: kept (checked by its bytes), shown to agents, and on the case.
    const files = await caseFiles(db(), tenant(), kase.id);
    expect(files).toEqual([expect.objectContaining({ status: 'stored', contentType: 'image/png', name: 'bin.png', channel: 'email' })]);
  }, 60_000);

  test('a refused attachment is recorded and the resident told why', async () => {
    const cy = newResident();
    const { text } = await exchange(cy, { subject: 'Fly-tipping', text: 'There is rubbish dumped on Harbour Road', attachments: [{ filename: 'notes.exe', content: Buffer.from('MZ not a photo'), contentType: 'application/octet-stream' }] });
    expect(text).toMatch(/couldn't keep one of the files[\s\S]*notes\.exe: it is a application\/octet-stream/);
    const [conversation] = await conversationsOf(cy);
    const files = (await sql<{ status: string; reason: string }>`select status, reason from media_files where conversation_id = ${conversation.id}`.execute(db())).rows;
    expect(files).toEqual([expect.objectContaining({ status: 'refused', reason: expect.stringMatching(/application\/octet-stream/) })]);
  });

  test('auto-replies, bounces, read receipts and bulk mail are recorded and never answered', async () => {
    const away = newResident();
    const ids: string[] = [];
    let bouncedId = '';
    const client = nodemailer.createTransport({ host: '127.0.0.1', port: h.smtpPort, secure: false, ignoreTLS: true });
    try {
      ids.push(await h.send({ from: away, subject: 'Automatic reply: Missed bin', text: 'I am out of the office until Monday.', headers: { 'Auto-Submitted': 'auto-replied' } }));
      ids.push(await h.send({ from: away, subject: 'Away', text: 'Back soon', headers: { 'X-Autoreply': 'yes' } }));
      ids.push(await h.send({ from: away, subject: 'Newsletter', text: 'News', headers: { Precedence: 'bulk' } }));
      // A bounce: the null sender, a multipart/report delivery status about one of our replies.
      const lost = newResident();
      const ours = (await exchange(lost, { subject: 'Bulky waste', text: 'How do I book a bulky waste collection?' })).replies[0].mail.messageId!;
      const bounce = [
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
        `To: ${COUNCIL_ADDRESS}`,
        'Subject: Undelivered Mail Returned to Sender',
        'Message-ID: <bounce-1@mx.example.net>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'I could not deliver your message to nobody@example.net. It is a missed bin.',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.net',
        '',
        'Final-Recipient: rfc822; nobody@example.net',
        'Action: failed',
        'Status: 5.1.1',
        '--b1',
        'Content-Type: text/rfc822-headers',
        '',
        `From: Merebrook Borough Council <${COUNCIL_ADDRESS}>`,
        `Message-ID: ${ours}`,
        '--b1--',
        '',
      ].join('\r\n');
      bouncedId = ours;
      await client.sendMail({ envelope: { from: '', to: [COUNCIL_ADDRESS] }, raw: bounce });
    } finally {
      client.close();
    }
    await sleep(1500);
    await h.settle();
    expect(h.mailsTo(away)).toHaveLength(0);
    expect(h.relay.mails.filter((m) => m.to.some((t) => /mailer-daemon/i.test(t)))).toHaveLength(0);
    const records = await emailRecords(db(), tenant());
    expect(ids.map((id) => records.find((r) => r.messageId === id)?.kind)).toEqual(['auto_reply', 'auto_reply', 'bulk']);
    // No address is kept for an auto-responder: no sender, no contact.
    expect((await sql<{ n: number }>`select count(*)::int as n from email_senders where tenant_id = ${tenant()} and contact_id is null`.execute(db())).rows[0].n).toBe(0);
    expect(await emailRecords(db(), tenant())).toEqual(expect.arrayContaining([expect.objectContaining({ messageId: '<bounce-1@mx.example.net>', kind: 'bounce', conversationId: null })]));
    expect(await conversationsOf(away)).toHaveLength(0); // (this lookup makes the sender it looks for, after the check above)
    // The reply it returned is marked undelivered, with the report's status, for the agent to see.
    const bounced = await db().selectFrom('messages').select(['status']).where('tenant_id', '=', tenant()).where('provider_message_id', '=', bouncedId).executeTakeFirstOrThrow();
    expect(bounced.status).toBe('undelivered');
    const row = await db().selectFrom('messages').selectAll().where('tenant_id', '=', tenant()).where('provider_message_id', '=', bouncedId).executeTakeFirstOrThrow();
    expect(JSON.stringify(partsOf(openMessage(row)))).toContain("the resident's mail server returned it (status 5.1.1)");
  });

  test('a mail sent twice (same Message-Id) is processed once; an unknown recipient is refused at RCPT with 550', async () => {
    const dee = newResident();
    const messageId = `<twice-${Date.now()}@example.net>`;
    await exchange(dee, { subject: 'Council tax', text: 'How do I pay my council tax?', messageId });
    const repliesBefore = h.mailsTo(dee).length;
    await h.send({ from: dee, subject: 'Council tax', text: 'How do I pay my council tax?', messageId });
    await sleep(800);
    await h.settle();
    expect(h.mailsTo(dee)).toHaveLength(repliesBefore);
    const [conversation] = await conversationsOf(dee);
    expect(await inboundTexts(conversation.id)).toHaveLength(1);

    await expect(h.send({ from: dee, to: 'nobody@merebrook.gov.uk', subject: 'Hi', text: 'Hello' })).rejects.toMatchObject({ responseCode: 550 });
  });

  test('a new mail from a known address: the same contact; it continues within the window, or by a case reference in the subject', async () => {
    const eve = newResident();
    await exchange(eve, { subject: 'Question', text: 'When is my bin collected?' });
    const second = await exchange(eve, { subject: 'Another question', text: 'How do I pay my council tax?' });
    expect(second.replies[0].mail.subject).toBe('Re: Another question'); // a new mail's reply is about it
    const [first, ...rest] = await conversationsOf(eve);
    expect(rest).toHaveLength(0); // within resumeWithinDays: the same conversation

    // Twenty days quiet (the window is 14): a new mail starts a new conversation of the same contact…
    await sql`update conversations set last_message_at = ${new Date(Date.now() - 20 * 86400_000)} where id = ${first.id}`.execute(db());
    const reference = `MBC-9${String(Date.now()).slice(-5)}`;
    await sql`insert into cases (id, tenant_id, reference, service_id, status, summary, details, conversation_id, contact_id) values (${`case-${Date.now()}`}, ${tenant()}, ${reference}, ${'waste.missed_collection'}, ${'open'}, ${'test'}, ${'{}'}, ${first.id}, ${first.contact_id})`.execute(db());
    // …unless its subject names a case of that conversation.
    await exchange(eve, { subject: `Update on [${reference}] please`, text: 'Any news?' });
    expect(await conversationsOf(eve)).toHaveLength(1);
    await sql`update conversations set last_message_at = ${new Date(Date.now() - 20 * 86400_000)} where id = ${first.id}`.execute(db());
    await exchange(eve, { subject: 'Parking permit', text: 'How do I get a parking permit?' });
    const all = await conversationsOf(eve);
    expect(all).toHaveLength(2);
    expect(all[1].contact_id).toBe(first.contact_id);
  });

  test('past the per-sender hourly limit a mail is kept for agents but not answered', async () => {
    const fay = newResident();
    const senderId = await emailSenderId(db(), tenant(), fay);
    for (let i = 0; i < 10; i++) await recordEmailMessage(db(), { tenant: tenant(), direction: 'in', messageId: `<earlier-${i}-${Date.now()}@example.net>`, kind: 'message', senderId });
    await h.send({ from: fay, subject: 'Again', text: 'Is anyone there?' });
    await sleep(1000);
    await h.settle();
    expect(h.mailsTo(fay)).toHaveLength(0);
    const [conversation] = await conversationsOf(fay);
    const stored = await messagesIn(conversation.id);
    expect(stored.map((m) => [m.direction, m.text, !!m.processed_at])).toEqual([['in', 'Again\nIs anyone there?', true]]);
    expect((await emailRecords(db(), tenant(), { senderId }))[0]).toMatchObject({ kind: 'rate_limited' });
  });

  test('a refusal by the relay is retried through the outbox, and the reply is sent once', async () => {
    const gil = newResident();
    h.relay.refuseNext(1, 451);
    const attempts = h.relay.attempts;
    await h.send({ from: gil, subject: 'Opening hours', text: 'When are you open?' });
    // Retried by its job's backoff, or (when another message's job tried it first) by the recovery
    // sweep about a minute later: either way it is sent, once.
    const outbound = async () => {
      const [conversation] = await conversationsOf(gil);
      return conversation ? (await messagesIn(conversation.id)).filter((m) => m.direction === 'out') : [];
    };
    await h.waitFor(async () => {
      const out = await outbound();
      return out.length > 0 && out.every((m) => m.status === 'sent');
    }, 'every reply sent', 100_000);
    expect(h.relay.attempts - attempts).toBeGreaterThanOrEqual(2);
    await sleep(500);
    const ids = h.mailsTo(gil).map((m) => m.mail.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength((await outbound()).length);
  }, 120_000);

  test('a permanent refusal by the relay (5xx) is not retried: the reply is recorded failed, with why', async () => {
    const ida = newResident();
    h.relay.refuseNext(1, 550);
    const attempts = h.relay.attempts;
    await h.send({ from: ida, subject: 'Libraries', text: 'When is the library open?' });
    await h.waitFor(async () => {
      const [conversation] = await conversationsOf(ida);
      return !!conversation && (await messagesIn(conversation.id)).some((m) => m.direction === 'out' && m.status === 'failed');
    }, 'the refused reply recorded as failed');
    await h.settle();
    const [conversation] = await conversationsOf(ida);
    const failed = (await messagesIn(conversation.id)).find((m) => m.status === 'failed')!;
    expect(JSON.stringify(partsOf(openMessage(failed)))).toContain('the mail relay answered 550');
    expect(h.mailsTo(ida).length).toBe((await messagesIn(conversation.id)).filter((m) => m.direction === 'out').length - 1);
    expect(h.relay.attempts - attempts).toBe(h.mailsTo(ida).length + 1);
  });

  test("an agent answers an e-mail from the console: the queue says E-mail's channel, the window is days, the reply is threaded", async () => {
    const hal = newResident();
    const { sent } = await exchange(hal, { subject: 'Help', text: 'can I talk to a person please' });
    const [conversation] = await conversationsOf(hal);
    const { client } = await signedInAgent(h.server);
    const queue = await client.call('GET', '/queue');
    const item = queue.body.handoffs.find((x: { conversationId: string }) => x.conversationId === conversation.id);
    expect(item).toMatchObject({ channel: 'email' });
    // Agents see whom they are writing to: the address the mail came from, on the resident's contact.
    expect((await client.call('GET', `/conversations/${conversation.id}`)).body.context.contact).toMatchObject({ email: hal });
    expect((await client.call('POST', `/handoffs/${item.id}/accept`)).status).toBe(200);
    const detail = await client.call('GET', `/conversations/${conversation.id}`);
    expect(detail.status).toBe(200);
    const window = detail.body.messagingWindow;
    expect(window).toMatchObject({ channel: 'email', open: true });
    const days = (new Date(window.closesAt).getTime() - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    const before = h.mailsTo(hal).length;
    expect((await client.call('POST', `/conversations/${conversation.id}/messages`, { text: 'Hello, this is Sam from the council. How can I help?' })).status).toBe(201);
    await h.waitFor(() => h.mailsTo(hal).slice(before).some((m) => /Sam from the council/.test(m.mail.text ?? '')), "the agent's reply");
    const agentMail = h.mailsTo(hal).slice(before).find((m) => /Sam from the council/.test(m.mail.text ?? ''))!;
    expect(agentMail.mail.subject).toBe('Re: Help');
    expect(agentMail.mail.inReplyTo).toBe(sent);
    expect(agentMail.mail.headers.get('auto-submitted')).toBeUndefined();

    // The resident's answer by e-mail reaches the agent's conversation, not the assistant.
    await h.send({ from: hal, ...replyTo(agentMail, 'My fence was damaged by the bin lorry.') });
    await h.waitFor(async () => (await inboundTexts(conversation.id)).includes('My fence was damaged by the bin lorry.'), "the resident's answer");
    const transcript = await client.call('GET', `/conversations/${conversation.id}`);
    expect(JSON.stringify(transcript.body.transcript)).toContain('My fence was damaged by the bin lorry.');
  }, 30_000);
});

describe('inbound-mail webhook', () => {
  const post = (body: string, opts: { timestamp?: string; signature?: string | null } = {}) => {
    const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
    const signature = opts.signature === undefined ? signEmailWebhook(WEBHOOK_SECRET, timestamp, body) : opts.signature;
    return fetch(`${h.server.url}/channels/email/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-email-timestamp': timestamp, ...(signature === null ? {} : { 'x-email-signature': signature }) },
      body,
    });
  };
  const rawMail = (from: string, id: string, text: string) =>
    [`From: ${from}`, `To: ${COUNCIL_ADDRESS}`, 'Subject: Pothole', `Message-ID: ${id}`, 'Content-Type: text/plain; charset=utf-8', '', text, ''].join('\r\n');

  test('bad input gets a 4xx problem and stores nothing; a good post is stored and answered, once', async () => {
    const ivy = newResident();
    const id = `<webhook-${Date.now()}@example.net>`;
    const good = JSON.stringify({ recipient: COUNCIL_ADDRESS, raw: Buffer.from(rawMail(ivy, id, 'There is a pothole on Harbour Road')).toString('base64'), encoding: 'base64' });
    const countRows = async () => Number((await sql<{ n: number }>`select count(*)::int as n from email_messages where tenant_id = ${tenant()}`.execute(db())).rows[0].n);
    const rowsBefore = await countRows();

    const cases: [string, Promise<Response>, number][] = [
      ['no signature', post(good, { signature: null }), 401],
      ['wrong signature', post(good, { signature: signEmailWebhook('another-secret-0123456789', String(Math.floor(Date.now() / 1000)), good) }), 401],
      ['stale timestamp', post(good, { timestamp: String(Math.floor(Date.now() / 1000) - 3600) }), 401],
      ['malformed JSON', post('{"recipient": '), 400],
      ['missing raw', post(JSON.stringify({ recipient: COUNCIL_ADDRESS })), 400],
      ['unknown field', post(JSON.stringify({ recipient: COUNCIL_ADDRESS, raw: 'x', extra: 1 })), 400],
      ['not a mail', post(JSON.stringify({ recipient: COUNCIL_ADDRESS, raw: 'just some words' })), 400],
      ['unknown recipient', post(JSON.stringify({ recipient: 'nobody@example.org', raw: rawMail(ivy, id, 'x') })), 404],
    ];
    for (const [what, response, status] of cases) {
      const res = await response;
      expect([what, res.status]).toEqual([what, status]);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status, title: expect.any(String) });
    }
    expect(await countRows()).toBe(rowsBefore);
    expect(await conversationsOf(ivy)).toHaveLength(0);

    const res = await post(good);
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ outcome: 'accepted', messageId: id, conversationId: expect.any(String) });
    await h.waitFor(() => h.mailsTo(ivy).length > 0, 'the reply to a posted mail');
    await h.settle();
    const again = await post(good);
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });
    await sleep(500);
    await h.settle();
    const [conversation] = await conversationsOf(ivy);
    expect(await inboundTexts(conversation.id)).toHaveLength(1);
    const replies = h.mailsTo(ivy);
    expect(new Set(replies.map((r) => r.mail.messageId)).size).toBe(replies.length);
    expect((await simpleParser(replies[0].raw)).inReplyTo).toBe(id);
  });
});
