/**
 * Input at the edges, through the real app: reproducers of defects found by fuzzing (issue 10).
 * A client's message id belongs to its conversation; NUL and other control characters never
 * lose a message; words that are also names of built-in object members are ordinary words.
 */
import { ConsoleClient, signedInAgent } from '../test/console-client.js';
import { allText, Resident, startTestServer, type TestServer } from '../test/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const FAULT = /something went wrong on our side/i;

describe('client message ids are scoped to their conversation', () => {
  test("another conversation reusing an id gets its own answer, never the first resident's replies", async () => {
    const first = await new Resident(server.url).start();
    const a = await first.send('my bin was not collected', 'seq-7');
    expect(a.status).toBe(200);
    const firstReplies = allText(a.messages);

    const second = await new Resident(server.url).start();
    const b = await second.send('how do I pay my council tax', 'seq-7');
    expect(b.status).toBe(200);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(allText(b.messages)).not.toBe(firstReplies);
    expect(allText(b.messages)).toMatch(/council tax/i);
    // The second resident's own message was stored, and none of the first one's text is in their transcript.
    const t = await second.transcript();
    expect(t.messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['how do I pay my council tax']);
    expect(t.messages.some((m) => m.text === firstReplies)).toBe(false);
  });

  test('the same conversation repeating an id is a replay with the replies already given', async () => {
    const r = await new Resident(server.url).start();
    const a = await r.send('when is my bin day', 'retry-1');
    const b = await r.send('when is my bin day', 'retry-1');
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(allText(b.messages)).toBe(allText(a.messages));
    const t = await r.transcript();
    expect(t.messages.filter((m) => m.direction === 'in')).toHaveLength(1);
  });
});

describe('control characters never lose a message', () => {
  test('a NUL inside the text is removed and the message is answered and stored', async () => {
    const r = await new Resident(server.url).start();
    const res = await r.send('when is my bin\u0000 day');
    expect(res.status).toBe(200);
    expect(allText(res.messages)).not.toMatch(FAULT);
    const t = await r.transcript();
    expect(t.messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['when is my bin day']);
  });

  test('a message of nothing but control characters is a clear 400, not a fault', async () => {
    const r = await new Resident(server.url).start();
    const res = await fetch(`${server.url}/api/v1/conversations/${r.conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` },
      body: JSON.stringify({ text: '\u0000\u0007 ' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  test('a NUL in the client message id is stored too', async () => {
    const r = await new Resident(server.url).start();
    const res = await r.send('hello', 'id\u0000x');
    expect(res.status).toBe(200);
  });
});

describe('words that name built-in object members are ordinary words', () => {
  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('"the %s dumped rubbish" is answered', async (word) => {
    const r = await new Resident(server.url).start();
    const replies = await r.say(`the ${word} dumped rubbish in the lane`);
    expect(allText(replies)).not.toMatch(FAULT);
    expect(replies.length).toBeGreaterThan(0);
  });
});

describe('the console and addresses', () => {
  test('a NUL in the sign-in e-mail is a failed sign-in (401), not a fault', async () => {
    const client = new ConsoleClient(server.url);
    const res = await client.call('POST', '/login', { tenant: server.tenant, email: 'nobody\u0000@council.example', password: 'whatever-it-is' });
    expect(res.status).toBe(401);
  });

  test('a NUL anywhere in the address is a clear 400 problem', async () => {
    for (const p of ['/api/v1/suggestions?tenant=demo&q=bin%00day', '/api/console/kb/search?q=%00', '/health%00']) {
      const res = await fetch(`${server.url}${p}`);
      expect([p, res.status]).toEqual([p, 400]);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  test('knowledge-base search for "constructor" answers; a fractional referrals limit is a 400', async () => {
    const { client } = await signedInAgent(server, { roles: ['agent', 'supervisor'] });
    const kb = await client.call('GET', '/kb/search?q=constructor');
    expect(kb.status).toBe(200);
    const bad = await client.call('GET', '/referrals?limit=1.5');
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/whole number/);
    expect((await client.call('GET', '/referrals?limit=5')).status).toBe(200);
  });
});
