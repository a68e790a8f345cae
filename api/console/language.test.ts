/**
 * Languages at the API's edges (issue 17), over HTTP on the real server: the web chat takes the
 * widget's choice (`language` on the start request and on a message) and marks each reply with its
 * language; the console shows a Welsh conversation's language in the queue and in the context
 * panel; GET /api/v1/languages says what the widget's switch offers.
 */
import { conversationContext, languagesResponse, postMessageResponse, queueItem, transcriptResponse } from '../../wire/index.js';
import { signedInAgent } from '../../test/console-client.js';
import { startTestServer, type TestServer } from '../../test/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => server?.close());

async function api(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

test('GET /api/v1/languages: the demo council offers English then Welsh; an unknown council is 404', async () => {
  const res = await api('GET', `/api/v1/languages?tenant=${server.tenant}`);
  expect(res.status).toBe(200);
  expect(languagesResponse.parse(res.body)).toEqual({ languages: ['en', 'cy'] });
  expect((await api('GET', '/api/v1/languages?tenant=nowhere')).status).toBe(404);
});

test('a Welsh web chat: the greeting and replies are marked cy, a bad language is refused, and the console shows "cy" in the queue and the context', async () => {
  expect((await api('POST', '/api/v1/conversations', { tenant: server.tenant, channel: 'webchat', language: 'fr' })).status).toBe(400);
  const created = await api('POST', '/api/v1/conversations', { tenant: server.tenant, channel: 'webchat', language: 'cy' });
  expect(created.status).toBe(201);
  const { conversationId, token } = created.body;
  const start = transcriptResponse.parse((await api('GET', `/api/v1/conversations/${conversationId}/messages`, undefined, token)).body);
  expect(start.messages[0]).toMatchObject({ author: 'bot', language: 'cy' });

  expect((await api('POST', `/api/v1/conversations/${conversationId}/messages`, { text: 'helo', language: 'xx' }, token)).status).toBe(400);
  const sent = await api('POST', `/api/v1/conversations/${conversationId}/messages`, { text: 'Dw i eisiau siarad â pherson', language: 'cy', id: 'cy-1' }, token);
  expect(sent.status).toBe(200);
  const replies = postMessageResponse.parse(sent.body).messages;
  expect(replies.length).toBeGreaterThan(0);
  expect(replies.every((r) => r.language === 'cy')).toBe(true);
  // Replies read back from the transcript carry their language too.
  const read = transcriptResponse.parse((await api('GET', `/api/v1/conversations/${conversationId}/messages`, undefined, token)).body);
  expect(read.messages.filter((m) => m.direction === 'out').every((m) => m.language === 'cy')).toBe(true);

  // A person was asked for (in Welsh): the queue and the context panel say the conversation is in Welsh.
  let handoff = replies.some((r) => r.handoff);
  if (!handoff) handoff = postMessageResponse.parse((await api('POST', `/api/v1/conversations/${conversationId}/messages`, { text: 'siarad â pherson', language: 'cy', id: 'cy-2' }, token)).body).messages.some((r) => r.handoff);
  expect(handoff).toBe(true);
  const agent = await signedInAgent(server, { roles: ['supervisor'] });
  const queue = await agent.client.call('GET', '/queue');
  const item = queue.body.handoffs.find((h: { conversationId: string }) => h.conversationId === conversationId);
  expect(queueItem.parse(item).language).toBe('cy');
  const view = await agent.client.call('GET', `/conversations/${conversationId}`);
  expect(view.status).toBe(200);
  expect(conversationContext.parse(view.body.context).language).toBe('cy');

  // An English conversation is listed without a Welsh tag.
  const english = await api('POST', '/api/v1/conversations', { tenant: server.tenant, channel: 'webchat', language: 'en' });
  await api('POST', `/api/v1/conversations/${english.body.conversationId}/messages`, { text: 'can I speak to a real person please', language: 'en' }, english.body.token);
  const again = await agent.client.call('GET', '/queue');
  const englishItem = again.body.handoffs.find((h: { conversationId: string }) => h.conversationId === english.body.conversationId);
  expect(englishItem).toBeDefined();
  expect(englishItem.language === undefined || englishItem.language === 'en').toBe(true);
}, 60_000);
