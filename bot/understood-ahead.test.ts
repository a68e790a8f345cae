/**
 * A message is understood before its turn takes the conversation's lock (issue 11): a remote
 * recogniser's call, or the classifier's CPU on the embedded PGlite, never runs while the turn's
 * transaction holds the row (on PGlite, the whole database). Pinned by a recogniser that, while it
 * recognises, tries to take the conversation's row lock itself (NOWAIT on PostgreSQL; on PGlite a
 * query inside an open transaction would wait, so a time limit decides).
 */
import { randomUUID } from 'node:crypto';
import { createConversation, findConversation } from '../store/index.js';
import { startTestServer, type TestServer } from '../test/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

/** Whether the conversation's row can be locked now, from outside any turn. */
async function rowFree(conversationId: string): Promise<boolean> {
  const probe = server.store.db.transaction().execute(async (trx) => {
    await trx.selectFrom('conversations').select('id').where('id', '=', conversationId).forUpdate().noWait().execute();
    return true;
  });
  const limit = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_500));
  return Promise.race([probe.catch(() => false), limit]);
}

/** Runs `fn` with the recogniser recording, for each text it recognises, whether the row was free. */
async function watchingRecogniser<T>(conversationId: () => string, fn: () => Promise<T>): Promise<{ result: T; seen: Map<string, boolean> }> {
  const u = server.assistant.runtime(server.tenant).understanding;
  const original = u.recognise;
  const seen = new Map<string, boolean>();
  u.recognise = async (text) => {
    seen.set(text, await rowFree(conversationId()));
    return original(text);
  };
  try {
    return { result: await fn(), seen };
  } finally {
    u.recognise = original;
  }
}

test('a channel message is understood before its turn locks the conversation', async () => {
  const c = await createConversation(server.store.db, { tenant: server.tenant, channel: 'webchat' });
  const fresh = (await findConversation(server.store.db, server.tenant, c.id))!;
  const text = 'how do I pay council tax';
  const { result, seen } = await watchingRecogniser(
    () => c.id,
    () => server.assistant.receive(fresh, { tenant: server.tenant, channel: 'webchat', channelUserId: c.channel_user_id, providerMessageId: randomUUID(), text, receivedAt: new Date() }),
  );
  expect(seen.get(text)).toBe(true);
  expect(result.replies.map((r) => r.text).join(' ')).toMatch(/council tax/i);
});

test('a web chat message is understood before its turn locks the conversation (its council known from the token route)', async () => {
  const started = await fetch(`${server.url}/api/v1/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };
  const text = 'what are the opening hours of the library';
  const { result, seen } = await watchingRecogniser(
    () => conversationId,
    () =>
      fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ text }),
      }),
  );
  expect(result.status).toBe(200);
  expect(seen.get(text)).toBe(true);
  // A wrong token is still refused, and nothing is stored for it.
  const refused = await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' },
    body: JSON.stringify({ text: 'hello' }),
  });
  expect(refused.status).toBeGreaterThanOrEqual(401);
});
