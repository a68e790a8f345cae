import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { signedInAgent } from '../../test/console-client.js';
import { axeViolations, startDemo, type Demo } from './harness.js';

/**
 * The console shows a conversation's language (issue 17): a resident who chose Cymraeg in web chat
 * and asked for a person is tagged "Cymraeg" (read in Welsh) in the queue, and the context panel
 * says to reply in Welsh. An English conversation carries no tag.
 */

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
}, 60000);
afterAll(async () => demo?.close());

async function askForPerson(language: 'en' | 'cy', text: string): Promise<string> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${demo.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const created = (await (await post('/api/v1/conversations', { tenant: demo.server.tenant, channel: 'webchat', language })).json()) as { conversationId: string; token: string };
  const replies = (await (await post(`/api/v1/conversations/${created.conversationId}/messages`, { text, language }, created.token)).json()) as { messages: { handoff?: unknown }[] };
  if (!replies.messages.some((m) => m.handoff)) throw new Error(`no handoff after "${text}": ${JSON.stringify(replies)}`);
  return created.conversationId;
}

test('a Welsh conversation is tagged Cymraeg in the queue and the context panel; 0 axe violations', async () => {
  const welsh = await askForPerson('cy', 'Dw i eisiau siarad â pherson');
  const english = await askForPerson('en', 'can I speak to a real person please');
  const agent = await signedInAgent(demo.server, { roles: ['agent', 'supervisor'] });
  const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: agent.client.cookie, url: demo.url }]);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  await page.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/queue`);
  await page.waitForSelector('h1:has-text("Queue")');

  const welshRow = page.locator(`#queue-table tr[data-conversation="${welsh}"]`);
  await welshRow.waitFor({ timeout: 10000 });
  const tag = welshRow.locator('.ca-language');
  expect(await tag.innerText()).toMatch(/Cymraeg/);
  expect(await tag.locator('[lang="cy"]').textContent()).toBe('Cymraeg');
  const englishRow = page.locator(`#queue-table tr[data-conversation="${english}"]`);
  await englishRow.waitFor();
  expect(await englishRow.locator('.ca-language').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/conversation/${welsh}`);
  await page.waitForSelector('#ctx-language');
  expect(await page.locator('#ctx-language').innerText()).toMatch(/Language[\s\S]*Cymraeg[\s\S]*reply in Welsh/);
  expect(await axeViolations(page)).toEqual([]);
  await context.close();
}, 60000);
