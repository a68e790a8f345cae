import { sql } from 'kysely';
import { recoverOnce, type RecoveryDeps } from '../../jobs/index.js';
import { resolveConversation, resumable, storeInbound, storeOutbound, toJson, type MessageRow } from '../../store/index.js';
import { createSmsDispatcher, sweepSmsOutbox, TwilioRestClient } from './index.js';
import { COUNCIL_NUMBER, messageSid, startSmsHarness, type SmsHarness } from './sms-harness.fixture.js';

/**
 * After a crash: an inbound text stored but never answered is answered by the recovery sweep and
 * its reply sent once; a reply left 'dispatching' is looked up at Twilio (the stand-in's list
 * endpoint) before anything is sent again, so it reaches the resident exactly once.
 */
let h: SmsHarness;
beforeAll(async () => {
  h = await startSmsHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

let n = 0;
const nextResident = () => `+4477009003${String(++n).padStart(2, '0')}`;

async function smsConversation(resident: string) {
  const now = new Date();
  const { conversation } = await resolveConversation(h.server.store.db, { tenant: h.server.tenant, channel: 'sms', channelUserId: resident, reuse: (c) => resumable(c, 3600_000, now) });
  return conversation;
}

/** An inbound text stored by a turn that never ran (the process was killed after answering Twilio). */
async function crashedTurn(resident: string, text: string) {
  const conversation = await smsConversation(resident);
  const { message } = await storeInbound(h.server.store.db, {
    tenant: h.server.tenant,
    conversationId: conversation.id,
    channel: 'sms',
    providerMessageId: messageSid(),
    text,
    receivedAt: new Date(Date.now() - 60_000),
  });
  return { conversation, message };
}

function recoveryDeps(): RecoveryDeps {
  const dispatch = createSmsDispatcher(h.deps);
  return {
    db: h.server.store.db,
    tenants: () => [h.server.tenant],
    answer: (c) => h.server.assistant.processPending(c, h.server.assistant.runtime(c.tenant_id)),
    answered: (tenant, id) => dispatch(tenant, id),
    outboxes: [(tenants) => sweepSmsOutbox(h.deps, tenants)],
    log: h.server.log,
  };
}

const repliesOf = (inboundId: string) =>
  h.server.store.db.selectFrom('messages').selectAll().where('tenant_id', '=', h.server.tenant).where('reply_to', '=', inboundId).where('direction', '=', 'out').execute();

test("the server's recovery sweep answers a text a crashed turn left unanswered, and sends the reply once", async () => {
  const resident = nextResident();
  const { message } = await crashedTurn(resident, 'when is my bin collected');
  // No one calls anything: the periodic recovery job of the running server finds it.
  await h.waitFor(async () => (await repliesOf(message.id)).length > 0 && h.sentTo(resident).length > 0, 'the recovered reply to be sent', 20_000);
  await h.settle();
  const replies = await repliesOf(message.id);
  expect(replies.every((r) => r.provider_message_id)).toBe(true);
  expect(h.sentTo(resident)).toHaveLength(replies.length);
  // Later sweeps find nothing left to do.
  await recoverOnce(recoveryDeps());
  await h.settle();
  expect(h.sentTo(resident)).toHaveLength(replies.length);
}, 30_000);

test('two sweepers at once answer a message once and send its reply once', async () => {
  const resident = nextResident();
  const { message } = await crashedTurn(resident, 'I want to report fly tipping');
  await Promise.all([recoverOnce(recoveryDeps()), recoverOnce(recoveryDeps()), recoverOnce(recoveryDeps())]);
  await h.waitFor(async () => h.sentTo(resident).length > 0, 'the reply to be sent', 15_000);
  await h.settle();
  const replies = await repliesOf(message.id);
  expect(replies.length).toBeGreaterThan(0);
  // One turn's replies, not two turns': every reply is a distinct message, each sent once.
  const processed = await h.server.store.db.selectFrom('messages').select(['processed_at']).where('id', '=', message.id).executeTakeFirstOrThrow();
  expect(processed.processed_at).not.toBeNull();
  expect(h.sentTo(resident).map((s) => s.body).sort()).toEqual(replies.map((r) => (r.parts as { sms?: { body?: string } }).sms?.body).sort());
  expect(new Set(h.sentTo(resident).map((s) => s.sid)).size).toBe(replies.length);
}, 30_000);

/** A reply a dead process claimed ('dispatching', claimed 2 minutes ago) after or before reaching Twilio. */
async function abandonedSend(resident: string, body: string, reachedTwilio: boolean): Promise<MessageRow> {
  const conversation = await smsConversation(resident);
  const row = await storeOutbound(h.server.store.db, {
    tenant: h.server.tenant,
    conversationId: conversation.id,
    channel: 'sms',
    author: 'bot',
    text: body,
    parts: { text: body, sms: { body, attempts: 1 } },
    replyTo: null,
    status: 'dispatching',
  });
  await sql`update messages set claimed_at = now() - interval '2 minutes', created_at = now() - interval '2 minutes' where id = ${row.id}`.execute(h.server.store.db);
  if (reachedTwilio) {
    await new TwilioRestClient({ accountSid: h.twilio.accountSid, authToken: h.twilio.authToken, apiBaseUrl: h.twilio.url }).sendSms({ to: resident, from: COUNCIL_NUMBER, body });
  }
  return row;
}

const rowOf = (id: string) => h.server.store.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('a send that reached Twilio before the crash is found there and recorded, not sent again', async () => {
  const resident = nextResident();
  const row = await abandonedSend(resident, 'Your request has been logged.', true);
  const listsBefore = h.twilio.lists.length;
  await sweepSmsOutbox(h.deps, [h.server.tenant]);
  const after = await rowOf(row.id);
  expect(h.twilio.lists.length).toBeGreaterThan(listsBefore);
  const listed = h.twilio.lists.at(-1)!;
  expect(listed.get('To')).toBe(resident);
  expect(listed.get('From')).toBe(COUNCIL_NUMBER);
  expect(listed.get('DateSent>')).toBeTruthy();
  expect(after.status).toBe('queued');
  expect(after.provider_message_id).toBe(h.sentTo(resident)[0].sid);
  expect(h.sentTo(resident)).toHaveLength(1);
  // And a later sweep leaves it alone.
  await sweepSmsOutbox(h.deps, [h.server.tenant]);
  expect(h.sentTo(resident)).toHaveLength(1);
});

test('a send that never reached Twilio is sent once after the lookup finds nothing', async () => {
  const resident = nextResident();
  const row = await abandonedSend(resident, 'Thanks, we have your report.', false);
  await Promise.all([sweepSmsOutbox(h.deps, [h.server.tenant]), sweepSmsOutbox(h.deps, [h.server.tenant])]);
  await h.settle();
  const after = await rowOf(row.id);
  expect(h.sentTo(resident).map((s) => s.body)).toEqual(['Thanks, we have your report.']);
  expect(after.provider_message_id).toBe(h.sentTo(resident)[0].sid);
  expect((after.parts as { sms?: { recovered?: string } }).sms?.recovered).toBe('resent');
  await sweepSmsOutbox(h.deps, [h.server.tenant]);
  expect(h.sentTo(resident)).toHaveLength(1);
});

test('the lookup does not mistake an earlier, recorded message with the same words for the lost one', async () => {
  const resident = nextResident();
  const body = 'Sorry, I did not catch that.';
  // The earlier identical message was sent and recorded.
  const earlier = await abandonedSend(resident, body, true);
  await h.server.store.db
    .updateTable('messages')
    .set({ status: 'delivered', provider_message_id: h.sentTo(resident)[0].sid, parts: toJson({ text: body, sms: { body, sid: h.sentTo(resident)[0].sid } }) })
    .where('id', '=', earlier.id)
    .execute();
  const lost = await abandonedSend(resident, body, false);
  await sweepSmsOutbox(h.deps, [h.server.tenant]);
  await h.settle();
  expect(h.sentTo(resident)).toHaveLength(2);
  expect((await rowOf(lost.id)).provider_message_id).toBe(h.sentTo(resident)[1].sid);
});
