/**
 * The web chat's greeting and the council's languages (issue 17), over HTTP on the real server: with
 * no choice on the start request, a council offering both greets in Welsh then English with
 * "Cymraeg" / "English" buttons; a choice (the widget's switch, or the page's data-language) greets in it.
 */
import { transcriptResponse } from '../../wire/index.js';
import { startTestServer, type TestServer } from '../../test/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => server?.close());

async function greetingFor(body: Record<string, unknown>) {
  const created = await fetch(`${server.url}/api/v1/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: server.tenant, channel: 'webchat', ...body }) });
  expect(created.status).toBe(201);
  const { conversationId, token } = (await created.json()) as { conversationId: string; token: string };
  const read = await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`, { headers: { authorization: `Bearer ${token}` } });
  return transcriptResponse.parse(await read.json()).messages[0];
}

test('no language asked for: the demo council (English and Welsh) greets bilingually, Welsh first, with the two buttons first', async () => {
  const hello = await greetingFor({});
  expect(hello.author).toBe('bot');
  const welsh = hello.text.indexOf('Hoffech chi barhau yn Gymraeg neu yn Saesneg?');
  const english = hello.text.indexOf('Would you like to carry on in English or Welsh?');
  expect(welsh).toBeGreaterThanOrEqual(0);
  expect(english).toBeGreaterThan(welsh);
  expect(hello.suggestions?.slice(0, 2)).toEqual([
    { label: 'Cymraeg', value: 'Cymraeg' },
    { label: 'English', value: 'English' },
  ]);
  // In both languages: it claims neither.
  expect(hello.language).toBeUndefined();
});

test('a choice greets in that language only, marked so', async () => {
  const cy = await greetingFor({ language: 'cy' });
  expect(cy.language).toBe('cy');
  expect(cy.text).not.toMatch(/Would you like|How can I help/);
  expect(cy.suggestions?.map((s) => s.label)).not.toContain('English');
  const en = await greetingFor({ language: 'en' });
  expect(en.language).toBe('en');
  expect(en.text).not.toMatch(/Hoffech chi/);
});
