import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import type { BrowserContext, Page } from 'playwright-core';
import { waitingHandoff } from '../../handoff/queue/test-helpers.js';
import { createCase, type CaseRow } from '../../store/index.js';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { axeViolations, startDemo, tabTo, type Demo } from './harness.js';

/**
 * Search and the audit trail in the console, in a real browser against the real server, by
 * keyboard only: an agent opens "Search" from the navigation, finds a resident's earlier case by
 * its postcode, opens it, and the opening is in the audit trail; an admin opens "Audit trail",
 * filters by that agent and sees the opening. No axe violations on any step. Set
 * CONSOLE_SCREENSHOTS=1 to keep screenshots in /tmp.
 */

let demo: Demo;
let agent: Awaited<ReturnType<typeof signedInAgent>>;
let admin: ConsoleClient;
let earlier: CaseRow;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  demo = await startDemo();
  const db = demo.server.store.db;
  // An earlier contact: a text conversation handed to the waste queue and closed, with a case at a fictional postcode.
  const handoff = await waitingHandoff(db, demo.server.tenant, { queue: 'waste', channel: 'sms', contactUser: '+447700900333' });
  await sql`update handoffs set closed_at = now(), status = 'resolved' where id = ${handoff.id}`.execute(db);
  const conversation = await db.selectFrom('conversations').select(['id', 'contact_id']).where('id', '=', handoff.conversation_id).executeTakeFirstOrThrow();
  await db.updateTable('contacts').set({ display_name: 'Cerys Fictional' }).where('id', '=', conversation.contact_id!).execute();
  earlier = await createCase(db, {
    tenant: demo.server.tenant,
    referencePrefix: 'MBC',
    serviceId: 'waste.missed_collection',
    summary: 'Missed collection of the blue bin',
    details: {},
    location: { kind: 'address', label: '3 Fictional Row, Demo Town, ZZ9 9ZZ', postcode: 'ZZ9 9ZZ' },
    contactId: conversation.contact_id,
    conversationId: conversation.id,
    actor: 'assistant',
  });
  agent = await signedInAgent(demo.server, { skills: ['waste'] });
  admin = (await signedInAgent(demo.server, { roles: ['admin'] as unknown as ('agent' | 'supervisor')[] })).client;
}, 90_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await demo?.close();
});

async function openConsole(client: ConsoleClient): Promise<Page> {
  const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  await context.addCookies([{ name: 'ca_session', value: client.cookie, url: demo.url }]);
  const p = await context.newPage();
  p.on('pageerror', (err) => console.error('console page error:', err));
  await p.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/queue`);
  await p.waitForSelector('h1:has-text("Queue")');
  return p;
}

async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: `/tmp/console-search-${name}.png`, fullPage: true });
  expect({ step: name, violations: await axeViolations(page) }).toEqual({ step: name, violations: [] });
}

test('an agent finds a resident by postcode and opens an earlier case, by keyboard; the opening is audited', async () => {
  const page = await openConsole(agent.client);
  // A plain agent has Search but no Audit trail.
  expect(await page.locator('a[data-page="audit"]').count()).toBe(0);
  await tabTo(page, 'a[data-page="search"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('h1:has-text("Search earlier contacts")');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await expectNoAxeViolations(page, 'form');

  // An empty search: the error summary takes focus.
  await tabTo(page, '#search-button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-error-summary:not([hidden])');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
  await expectNoAxeViolations(page, 'error');

  // The postcode, typed as a person might: lower case, no space.
  await tabTo(page, '#search-postcode');
  await page.keyboard.type('zz99zz');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#search-results-title');
  await page.waitForFunction(() => document.activeElement?.id === 'search-results-title');
  expect(await page.locator('#search-results-title').innerText()).toBe('2 results');
  const table = await page.locator('#search-table').innerText();
  expect(table).toContain(`Case ${earlier.reference}`);
  expect(table).toContain('Cerys Fictional');
  await expectNoAxeViolations(page, 'results');

  // Open the case from the results.
  await tabTo(page, `a[href="#/search/case/${earlier.id}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`h1:has-text("Case ${earlier.reference}")`);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  const shown = await page.locator('main').innerText();
  expect(shown).toContain('3 Fictional Row, Demo Town, ZZ9 9ZZ');
  expect(shown).toContain('Missed collection of the blue bin');
  await expectNoAxeViolations(page, 'case');

  const opened = await demo.server.store.db
    .selectFrom('audit_events')
    .select(['subject_type', 'subject_id'])
    .where('actor_id', '=', agent.agentId)
    .where('action', '=', 'search.open')
    .execute();
  expect(opened).toEqual([{ subject_type: 'case', subject_id: earlier.id }]);

  // Back to the results, which are kept.
  await tabTo(page, 'a.govuk-back-link', { backwards: true });
  await page.keyboard.press('Enter');
  await page.waitForSelector('#search-table');
  expect(await page.inputValue('#search-postcode')).toBe('zz99zz');
}, 60_000);

test('an admin filters the audit trail by that agent and sees the opening, by keyboard', async () => {
  const page = await openConsole(admin);
  await tabTo(page, 'a[data-page="audit"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('h1:has-text("Audit trail")');
  await page.waitForSelector('#audit-rows');
  await page.waitForFunction(() => (document.querySelector('#audit-action')?.querySelectorAll('option').length ?? 0) > 1);
  await expectNoAxeViolations(page, 'audit');

  // A closed select takes typed letters: its option starting with them is chosen.
  const { name } = await demo.server.store.db.selectFrom('agents').select('name').where('id', '=', agent.agentId).executeTakeFirstOrThrow();
  await tabTo(page, '#audit-staff');
  await page.keyboard.type(name);
  expect(await page.inputValue('#audit-staff')).toBe(agent.agentId);
  await tabTo(page, '#audit-action');
  await page.keyboard.type('search.open');
  expect(await page.inputValue('#audit-action')).toBe('search.open');
  await tabTo(page, '#audit-show');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'audit-results-title');
  const rows = await page.locator('#audit-rows tr').allInnerTexts();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain('search.open');
  expect(rows[0]).toContain(`case ${earlier.id}`);
  await expectNoAxeViolations(page, 'audit-filtered');

  const [download] = await Promise.all([page.waitForEvent('download'), (async () => {
    await tabTo(page, '#audit-csv', { backwards: true });
    await page.keyboard.press('Enter');
  })()]);
  expect(download.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
}, 60_000);
