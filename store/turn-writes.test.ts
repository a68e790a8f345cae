/**
 * What a web-chat turn writes (issue 11: less PostgreSQL work per turn). The lock statement writes
 * nothing but the row lock; a simple turn inserts its message already answered in the statement
 * that records the turn (no update of it, so no second version and no new index entries), and
 * leaves the indexed `conversations.updated_at` alone within UPDATED_AT_STEP_MS. A turn whose
 * decision reads the conversation's messages (a handoff quotes the recent ones) has its message
 * stored first and finds it there. Replays and refusals keep working as before.
 */
import { randomUUID } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import { createConversation, findConversation, openHandoffFor, transcript, type ConversationRow } from './index.js';
import { startTestServer, type TestServer } from '../test/server.js';

const at = new Date('2026-11-25T10:30:00Z');
let now = at;

let server: TestServer;
let uninstall: () => void = () => undefined;
let capturing = false;
const captured: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
  let proto = Object.getPrototypeOf(server.store.db.getExecutor()) as Record<string, unknown> | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'executeQuery')) proto = Object.getPrototypeOf(proto) as Record<string, unknown> | null;
  const original = proto!.executeQuery as (this: unknown, q: CompiledQuery) => Promise<unknown>;
  proto!.executeQuery = function (this: unknown, q: CompiledQuery) {
    if (capturing) captured.push(q.sql);
    return original.call(this, q);
  };
  uninstall = () => void (proto!.executeQuery = original);
}, 120_000);
afterAll(async () => {
  uninstall();
  await server?.close();
});

/** A web-chat conversation last updated at `now`. */
async function conversation(): Promise<ConversationRow> {
  const c = await createConversation(server.store.db, { tenant: server.tenant, channel: 'webchat' });
  await server.store.db.updateTable('conversations').set({ updated_at: now }).where('id', '=', c.id).execute();
  return c;
}

/** A web-chat message to the conversation by id alone (the web route's path); `accept` may refuse it. */
async function say(c: ConversationRow, text: string, id: string = randomUUID(), accept: (row: ConversationRow) => void = () => undefined) {
  capturing = true;
  captured.length = 0;
  try {
    return await server.assistant.receive({ id: c.id }, { providerMessageId: id, text, receivedAt: now, accept });
  } finally {
    capturing = false;
  }
}

const messagesOf = async (c: ConversationRow) => transcript(server.store.db, server.tenant, c.id, 100);

test('a simple turn inserts its message answered, never updates it, and leaves updated_at alone', async () => {
  now = at;
  const c = await conversation();
  now = new Date(at.getTime() + 60_000);
  const outcome = await say(c, 'how do I pay council tax');
  expect(outcome.duplicate).toBe(false);
  expect(outcome.replies.length).toBeGreaterThan(0);
  const turnSql = captured.filter((s) => !/pg_advisory|jobs/.test(s)).join('\n');
  expect(turnSql).toMatch(/insert into "messages"/);
  expect(turnSql).not.toMatch(/update "messages"/);

  const rows = await messagesOf(c);
  const inbound = rows.filter((m) => m.direction === 'in');
  expect(inbound).toHaveLength(1);
  expect(inbound[0]).toMatchObject({ text: 'how do I pay council tax', status: 'processed' });
  expect(inbound[0].processed_at).not.toBeNull();
  expect(inbound[0].recognition).not.toBeNull();
  expect(String(inbound[0].id)).toBe(String(outcome.messageId));
  const replies = rows.filter((m) => m.reply_to !== null && String(m.reply_to) === String(inbound[0].id));
  expect(replies.length).toBe(outcome.replies.length);
  for (const r of replies) expect(BigInt(r.id)).toBeGreaterThan(BigInt(inbound[0].id));

  const after = (await findConversation(server.store.db, server.tenant, c.id))!;
  expect(new Date(after.updated_at).getTime()).toBe(at.getTime());
  expect(new Date(after.last_message_at!).getTime()).toBe(now.getTime());

  // Past the step, a turn moves updated_at (the reports' refresh finds the conversation by it).
  now = new Date(at.getTime() + 10 * 60_000);
  await say(c, 'what are the opening hours of the tip');
  const later = (await findConversation(server.store.db, server.tenant, c.id))!;
  expect(new Date(later.updated_at).getTime()).toBe(now.getTime());
});

test('a turn that quotes the recent messages (a handoff) finds its own message among them', async () => {
  now = at;
  const c = await conversation();
  await say(c, 'hello');
  const asked = await say(c, 'can I speak to a real person please');
  expect(asked.state).toBe('queued');
  const handoff = await openHandoffFor(server.store.db, server.tenant, c.id);
  const context = handoff!.context as { recentMessages?: string[] };
  expect(context.recentMessages?.at(-1)).toBe('can I speak to a real person please');
  const inbound = (await messagesOf(c)).filter((m) => m.direction === 'in');
  expect(inbound.map((m) => m.status)).toEqual(['processed', 'processed']);
});

test('a replay is answered once, with the replies it was given; a refusal keeps nothing', async () => {
  now = at;
  const c = await conversation();
  const first = await say(c, 'how do I pay council tax', 'same-id');
  const again = await say(c, 'how do I pay council tax', 'same-id');
  expect(again.duplicate).toBe(true);
  expect(String(again.messageId)).toBe(String(first.messageId));
  expect(again.replies).toEqual(first.replies);
  const refused = new Error('wrong token');
  await expect(
    say(c, 'not kept', randomUUID(), () => {
      throw refused;
    }),
  ).rejects.toBe(refused);
  const rows = await messagesOf(c);
  expect(rows.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['how do I pay council tax']);
  expect(rows.filter((m) => m.direction === 'out')).toHaveLength(first.replies.length);
});

test('a message stored before its turn (a channel that answers its provider first) is answered once', async () => {
  now = at;
  const c = await conversation();
  const fresh = (await findConversation(server.store.db, server.tenant, c.id))!;
  const { storeInbound } = await import('./index.js');
  const stored = await storeInbound(server.store.db, { tenant: server.tenant, conversationId: c.id, channel: 'webchat', providerMessageId: randomUUID(), text: 'how do I pay council tax' });
  await server.assistant.processPending(fresh, server.assistant.runtime(server.tenant));
  await server.assistant.processPending(fresh, server.assistant.runtime(server.tenant));
  const rows = await messagesOf(c);
  expect(rows.filter((m) => m.direction === 'in').map((m) => m.status)).toEqual(['processed']);
  expect(rows.filter((m) => String(m.reply_to) === String(stored.message.id)).length).toBeGreaterThan(0);
  expect(rows.filter((m) => m.direction === 'out').every((m) => String(m.reply_to) === String(stored.message.id))).toBe(true);
});

test('the same message sent twice at once is stored and answered once', async () => {
  now = at;
  const c = await conversation();
  const [a, b] = await Promise.all([
    server.assistant.receive({ id: c.id }, { providerMessageId: 'twice', text: 'how do I pay council tax', receivedAt: now, accept: () => undefined }),
    server.assistant.receive({ id: c.id }, { providerMessageId: 'twice', text: 'how do I pay council tax', receivedAt: now, accept: () => undefined }),
  ]);
  expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
  expect(String(a.messageId)).toBe(String(b.messageId));
  expect(a.replies).toEqual(b.replies);
  const rows = await messagesOf(c);
  expect(rows.filter((m) => m.direction === 'in')).toHaveLength(1);
  expect(rows.filter((m) => m.direction === 'out')).toHaveLength(a.replies.length);
  expect(rows.some((m) => m.status === 'fault')).toBe(false);
});
