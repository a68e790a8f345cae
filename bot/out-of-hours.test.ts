import { allText, Resident, startTestServer, type TestServer } from '../test/server.js';

// Sunday 22 November 2026, 14:00 in London: the contact centre is closed.
const sunday = () => new Date('2026-11-22T14:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: sunday });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

test('out of hours the resident is told so, and a call-back becomes a case with the number to call', async () => {
  const r = await new Resident(server.url).start();
  const replies = await r.say('I want to talk to someone');
  const handoff = replies.find((m) => m.handoff);
  expect(handoff?.handoff).toMatchObject({ reason: 'resident_request', staffAvailable: false });
  expect(allText(replies)).toMatch(/nobody is here right now/);
  expect(handoff?.suggestions?.map((s) => s.label)).toContain('Ask for a call-back');
  let next = await r.say('Please call me back');
  expect(allText(next)).toMatch(/what number/i);
  next = await r.say('my number is twelve');
  expect(allText(next)).toMatch(/not look like a UK phone number/i);
  next = await r.say('07700 900777');
  const ref = /MBC-\d{6}/.exec(allText(next))?.[0];
  expect(allText(next)).toMatch(/call you on \+447700900777 after we open/);
  const row = await server.store.db.selectFrom('cases').selectAll().where('tenant_id', '=', server.tenant).where('reference', '=', ref!).executeTakeFirstOrThrow();
  expect(row.summary).toMatch(/Call-back/);
  expect(JSON.stringify(row.details)).toContain('+447700900777');
  // The conversation stays queued for the team to see in the morning.
  expect((await r.transcript()).state).toBe('queued');
});
