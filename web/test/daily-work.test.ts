import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import type { BrowserContext, Page } from 'playwright-core';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { Resident } from '../../test/server.js';
import { axeViolations, describeFocus, startDemo, tabTo, type Demo } from './harness.js';

/**
 * The console's daily work (issue 16, item 7) in Chromium, keyboard only, against the real server:
 * a supervisor adds a canned response with placeholders; accepts a handoff and finds focus in the
 * reply box; inserts the response with the placeholders filled; adds a private note (which the
 * resident never gets); back on the queue, a new message from the resident shows as unread there
 * and in the tab title, and is read once the conversation is open; then transfers it to a
 * colleague picked by name. No axe violations on any step. CONSOLE_SCREENSHOTS=1 keeps screenshots.
 */

let demo: Demo;
let supervisor: ConsoleClient;
let supervisorName = '';
let colleagueId = '';
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  demo = await startDemo();
  const signed = await signedInAgent(demo.server, { roles: ['agent', 'supervisor'] });
  supervisor = signed.client;
  supervisorName = 'Sam Okafor';
  const colleague = await signedInAgent(demo.server, { skills: ['waste'] });
  colleagueId = colleague.agentId;
  const db = demo.server.store.db;
  await sql`update agents set name = ${supervisorName} where id = ${signed.agentId}`.execute(db);
  await sql`update agents set name = 'Priya Shah' where id = ${colleagueId}`.execute(db);
  expect((await colleague.client.call('PUT', '/me/status', { status: 'available' })).status).toBe(200);
}, 90_000);
afterAll(async () => {
  await context?.close();
  await demo?.close();
});

async function expectNoAxeViolations(name: string): Promise<void> {
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: `/tmp/console-daily-${name}.png`, fullPage: true });
  expect({ step: name, violations: await axeViolations(page) }).toEqual({ step: name, violations: [] });
}

/** Moves a focused select to the option whose text matches, with the arrow keys. */
async function chooseByKeyboard(selector: string, text: string): Promise<void> {
  await tabTo(page, selector, { max: 80 });
  for (let i = 0; i < 20; i++) {
    if ((await page.evaluate((s) => document.querySelector<HTMLSelectElement>(s)?.selectedOptions[0]?.textContent ?? '', selector)) === text) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option ${text} in ${selector}`);
}

test('canned response, focus after Accept, private note, unread count, transfer to a named colleague', async () => {
  const tenant = demo.server.tenant;
  context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addCookies([{ name: 'ca_session', value: supervisor.cookie, url: demo.url }]);
  page = await context.newPage();
  page.on('pageerror', (err) => console.error('console page error:', err));
  await page.goto(`${demo.url}/console?tenant=${tenant}#/queue`);
  await page.waitForSelector('h1:has-text("Queue")');

  // A supervisor adds a canned response from "Canned responses".
  await tabTo(page, 'a[data-page="canned"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('h1:has-text("Canned responses")');
  await page.waitForSelector('#canned-table tbody tr');
  await expectNoAxeViolations('canned-list');
  await tabTo(page, '#canned-save', { max: 80 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-error-summary:not([hidden]) :text("Enter a title")');
  await expectNoAxeViolations('canned-errors');
  await tabTo(page, '#canned-title', { backwards: true });
  await page.keyboard.type('Introduce me');
  await tabTo(page, '#canned-body');
  await page.keyboard.type("Hello, I'm {agent_name} from {council}. How can I help?");
  await tabTo(page, '#canned-save');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-notification-banner:has-text("Added “Introduce me”")');
  await page.waitForSelector('#canned-table td:text-is("Introduce me")');
  await expectNoAxeViolations('canned-added');
  // Changed to advisers with the waste skill only (the supervisor has it, so still sees it in conversations).
  const cannedId = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLTableRowElement>('#canned-table tbody tr')).find((r) => r.cells[0].textContent === 'Introduce me')?.dataset.canned);
  await tabTo(page, `#canned-table tr[data-canned="${cannedId}"] button[data-action="edit"]`, { backwards: true, max: 80 });
  await page.keyboard.press('Enter');
  expect(await describeFocus(page)).toMatch(/^input#canned-title/);
  expect(await page.inputValue('#canned-title')).toBe('Introduce me');
  await chooseByKeyboard('#canned-skill', 'Advisers with the skill waste');
  await tabTo(page, '#canned-save');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-notification-banner:has-text("Changed “Introduce me”")');
  expect(await page.locator(`#canned-table tr[data-canned="${cannedId}"] td`).nth(1).innerText()).toBe('Waste');

  // A resident asks for a person; the supervisor accepts from the queue, and focus lands in the reply box.
  await tabTo(page, 'a[data-page="queue"]', { backwards: true, max: 80 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('h1:has-text("Queue")');
  const resident = await new Resident(demo.url, tenant).start();
  await resident.say('can I speak to a real person please');
  await page.waitForSelector(`#queue-table tr[data-conversation="${resident.conversationId}"] button.ca-accept`, { timeout: 10_000 });
  await tabTo(page, `#queue-table tr[data-conversation="${resident.conversationId}"] button.ca-accept`);
  // Live updates redraw the queue between Tab and Enter (another resident arrives, then leaves): focus stays on this Accept.
  const focusOnAccept = () =>
    page.evaluate((id) => document.activeElement?.matches('button.ca-accept') === true && document.activeElement.closest('tr')?.getAttribute('data-conversation') === id, resident.conversationId);
  const other = await new Resident(demo.url, tenant).start();
  await other.say('can I speak to a real person please');
  await page.waitForSelector(`#queue-table tr[data-conversation="${other.conversationId}"]`, { timeout: 10_000 });
  expect(await focusOnAccept()).toBe(true);
  await other.say('end chat');
  await page.waitForSelector(`#queue-table tr[data-conversation="${other.conversationId}"]`, { state: 'detached', timeout: 10_000 });
  expect(await focusOnAccept()).toBe(true);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#transcript .ca-message--resident');
  expect(await describeFocus(page)).toMatch(/^textarea#reply/);
  await expectNoAxeViolations('accepted');

  // The canned response goes into the reply with its placeholders filled, and is sent.
  await tabTo(page, '#tool-canned summary');
  await page.keyboard.press('Enter');
  await chooseByKeyboard('#canned', 'Introduce me');
  await tabTo(page, '#insert-canned');
  await page.keyboard.press('Enter');
  const council = await page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[name="council-name"]')?.content ?? '');
  const filled = await page.inputValue('#reply');
  expect(filled).toMatch(new RegExp(`^Hello, I'm ${supervisorName} from .+\\. How can I help\\?$`));
  if (council) expect(filled).toContain(council);
  expect(filled).not.toMatch(/\{/);
  expect(await describeFocus(page)).toMatch(/^textarea#reply/);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#transcript .ca-message--agent:has-text("Hello, I'm ${supervisorName}")`);

  // A private note: shown apart, marked, never sent to the resident.
  await tabTo(page, '#note-text');
  await page.keyboard.type('Resident mentioned a neighbour dispute; be gentle');
  await tabTo(page, '#add-note');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#notes-list .ca-note:has-text("neighbour dispute")');
  expect(await page.locator('#notes-list .ca-note').innerText()).toMatch(/Private note[\s\S]*Sam Okafor/);
  expect(await page.locator('#transcript').innerText()).not.toContain('neighbour dispute');
  expect(JSON.stringify(await resident.transcript())).not.toContain('neighbour dispute');
  await expectNoAxeViolations('note');

  // Back on the queue, the resident writes: the conversation and the tab title show it unread.
  await tabTo(page, 'a.govuk-back-link', { backwards: true, max: 80 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#mine-table tr[data-conversation="${resident.conversationId}"]`);
  expect(await page.title()).not.toMatch(/^\(\d+\)/);
  await resident.say('Thanks, it is about next door');
  const unread = `#mine-table tr[data-conversation="${resident.conversationId}"] .ca-unread`;
  await page.waitForSelector(`${unread}:text-is("1 new message")`, { timeout: 10_000 });
  await page.waitForFunction(() => document.title.startsWith('(1) Queue'));
  await expectNoAxeViolations('unread');
  await tabTo(page, `#mine-table tr[data-conversation="${resident.conversationId}"] a`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#transcript .ca-message--resident:has-text("about next door")');
  await page.waitForFunction(() => !/^\(\d+\)/.test(document.title), undefined, { timeout: 5000 });

  // Transfer to a colleague chosen by name.
  await tabTo(page, '#tool-transfer summary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#transfer-agent option:text-is("Priya Shah")', { state: 'attached' });
  await chooseByKeyboard('#transfer-agent', 'Priya Shah');
  await tabTo(page, '#transfer-note');
  await page.keyboard.type('Neighbour dispute about bins; see my note');
  await tabTo(page, '#tool-transfer button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-notification-banner:has-text("Conversation transferred to Priya Shah.")');
  const held = await sql<{ offered_to: string | null }>`select offered_to from handoffs where conversation_id = ${resident.conversationId} and closed_at is null`.execute(demo.server.store.db);
  expect(held.rows[0].offered_to).toBe(colleagueId);
  await expectNoAxeViolations('transferred');
}, 120_000);
