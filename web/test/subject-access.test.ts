import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { allText, Resident } from '../../test/server.js';
import * as wire from '../../wire/index.js';
import { axeViolations, describeFocus, startDemo, tabTo, type Demo } from './harness.js';

/**
 * Subject access and erasure in the console, in a real browser against the real server: a
 * resident reports a missed bin in web chat and types their phone number; an admin opens
 * "Subject access" from the navigation by keyboard, finds them by that number, exports the JSON
 * record and opens the printable one, erases them through the confirmation (reason, ERASE typed),
 * sees the outcome and the erasure in the list, and finds the case again by its reference as
 * facts without identity. No axe violations on any step. A plain agent has no such entry, and
 * the route shows them their queue instead. Set CONSOLE_SCREENSHOTS=1 to keep screenshots in /tmp.
 */

const NATIONAL = '07700 900789';

let demo: Demo;
let admin: ConsoleClient;
let plain: ConsoleClient;
let context: BrowserContext;
let page: Page;
let reference = '';

beforeAll(async () => {
  demo = await startDemo();
  // The test helper's type lists agent and supervisor; the server knows admin too.
  admin = (await signedInAgent(demo.server, { roles: ['admin'] as unknown as ('agent' | 'supervisor')[] })).client;
  plain = (await signedInAgent(demo.server)).client;
}, 90_000);
afterAll(async () => {
  await context?.close();
  await demo?.close();
});

async function expectNoAxeViolations(name: string): Promise<void> {
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: `/tmp/console-subject-${name}.png`, fullPage: true });
  expect({ step: name, violations: await axeViolations(page) }).toEqual({ step: name, violations: [] });
}

const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

async function openConsole(client: ConsoleClient): Promise<Page> {
  context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  await context.addCookies([{ name: 'ca_session', value: client.cookie, url: demo.url }]);
  const p = await context.newPage();
  p.on('pageerror', (err) => console.error('console page error:', err));
  await p.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/queue`);
  await p.waitForSelector('h1:has-text("Queue")');
  return p;
}

test('an admin finds a web chat resident by the number they typed, exports, erases with confirmation, and sees the outcome', async () => {
  // A resident reports a missed bin in web chat and gives a number for updates.
  const resident = await new Resident(demo.url, demo.server.tenant).start();
  for (const text of ['Numbat here: my bin was not collected', 'MB1 1AD', '2', 'the blue one', 'yes', 'yesterday', 'no', 'yes please', NATIONAL]) await resident.say(text);
  reference = /MBC-\d{6}/.exec(allText(await resident.say('yes')))?.[0] ?? '';
  expect(reference).toMatch(/^MBC-\d{6}$/);

  page = await openConsole(admin);
  // The navigation entry, reached and followed by keyboard; focus lands on the page's heading.
  await tabTo(page, 'a[data-page="subject-access"]');
  expect(await page.locator('a[data-page="subject-access"]').innerText()).toBe('Subject access');
  await page.keyboard.press('Enter');
  await page.waitForSelector('h1:has-text("Subject access and erasure")');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  expect(await page.getAttribute('a[data-page="subject-access"]', 'aria-current')).toBe('page');
  await page.waitForSelector('#subject-erasures :text("No one has been erased yet.")');
  await expectNoAxeViolations('search');

  // An empty search: the error summary (role=alert) takes focus and links to the field.
  await tabTo(page, '#subject-search-button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-error-summary:not([hidden])');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
  expect(await page.getAttribute('.govuk-error-summary', 'role')).toBe('alert');
  expect(await page.locator('.govuk-error-summary__list a').allTextContents()).toEqual(['Enter a phone number']);
  expect(await page.getAttribute('#subject-value', 'aria-invalid')).toBe('true');
  await expectNoAxeViolations('search-error');

  // Search by phone (the default kind), by keyboard: the field is labelled for the kind chosen.
  expect(await page.locator('label[for="subject-by"]').innerText()).toBe('Search by');
  expect(await page.locator('label[for="subject-value"]').innerText()).toBe('Phone number');
  await tabTo(page, '#subject-value');
  await page.keyboard.type(NATIONAL);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#subject-results-title');
  expect(await focusedId()).toBe('subject-results-title');
  expect(await page.locator('.govuk-error-summary').isHidden()).toBe(true);
  const card = page.locator('#subject-0');
  expect(await card.locator('.govuk-summary-list').innerText()).toContain(reference);
  expect(await card.locator('.govuk-summary-list').innerText()).toMatch(/Conversations\s+1/);
  await expectNoAxeViolations('results');

  // Export (JSON): a download of the whole record, which parses with the wire schema.
  const [download] = await Promise.all([page.waitForEvent('download'), card.locator('button[data-action="export"]').click()]);
  expect(download.suggestedFilename()).toMatch(/^subject-access-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = wire.subjectExport.parse(JSON.parse(await readFile((await download.path())!, 'utf8')));
  expect(exported.record.cases.map((c) => c.reference)).toEqual([reference]);
  expect(exported.record.messages.map((m) => m.text).join('\n')).toContain('Numbat here');
  await card.locator('.ca-subject__status [role="status"]:has-text("Exported as")').waitFor();

  // Open printable record: a new tab with the printable page.
  const [printable] = await Promise.all([context.waitForEvent('page'), card.locator('a[data-action="print"]').click()]);
  await printable.waitForLoadState();
  expect(await printable.locator('h1').innerText()).toBe('Subject access export');
  expect(await printable.content()).toContain(reference);
  await printable.close();

  // Erase…: the confirmation step says what goes and what stays, and takes focus.
  await card.locator('button[data-action="erase"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#erase-form');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('subject-step-title');
  const step = await page.locator('#subject-step').innerText();
  expect(step).toMatch(/What will be removed/);
  expect(step).toMatch(/1 conversation, with every message/);
  expect(step).toMatch(/how they reached us \(Web chat\)/);
  expect(step).toMatch(new RegExp(`What will be kept[\\s\\S]*Case ${reference}, as facts without identity`));
  expect(await page.locator('#subject-search').isHidden()).toBe(true);
  await expectNoAxeViolations('confirm');

  // Cancel returns to the result, focus on its Erase… button; nothing was erased.
  await tabTo(page, '#erase-cancel');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-action') === 'erase');
  expect((await admin.call('GET', '/subject-access/erasures')).body.erasures).toEqual([]);

  // Again; this time without a reason and with "erase" in lower case: both refused, nothing sent.
  await page.keyboard.press('Enter');
  await page.waitForSelector('#erase-form');
  await tabTo(page, '#erase-confirm');
  await page.keyboard.type('erase');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.govuk-error-summary:not([hidden])');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
  expect(await page.locator('.govuk-error-summary__list a').allTextContents()).toEqual(['Enter the reason for erasure', 'Type ERASE in capital letters to confirm']);
  await expectNoAxeViolations('confirm-errors');
  expect((await admin.call('GET', '/subject-access/erasures')).body.erasures).toEqual([]);

  // The error summary links to the field; the reason and ERASE typed; erased.
  await page.locator('.govuk-error-summary__list a').first().press('Enter');
  expect(await focusedId()).toBe('erase-reason');
  await page.keyboard.type(`Erasure request received by phone from ${NATIONAL}`);
  await tabTo(page, '#erase-confirm');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('ERASE');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#erase-outcome');
  expect(await focusedId()).toBe('subject-step-title');
  expect(await page.locator('.govuk-notification-banner--success').getAttribute('role')).toBe('alert');
  expect(await page.locator('#erase-counts').innerText()).toMatch(/Conversations deleted: 1/);
  expect(await page.locator('#erase-counts').innerText()).toMatch(/Cases kept without identity: 1/);
  expect(await page.locator('#erase-kept-references').innerText()).toBe(`Kept without identity: ${reference}.`);
  // The past erasures list: the reason without their number.
  const row = page.locator('#erasures-table tbody tr');
  await row.first().waitFor();
  expect(await row.count()).toBe(1);
  expect(await row.innerText()).toContain('Erasure request received by phone from [erased]');
  expect(await row.innerText()).toContain(reference);
  await expectNoAxeViolations('outcome');

  // The server agrees, and its answers fit the wire schemas the page is written against.
  const records = wire.erasureListing.parse((await admin.call('GET', '/subject-access/erasures')).body);
  expect(records.erasures[0]).toMatchObject({ keptCaseReferences: [reference] });
  expect(wire.subjectSearchResponse.parse((await admin.call('POST', '/subject-access/search', { by: 'phone', value: NATIONAL })).body).matches).toEqual([]);

  // A new search, by case reference: the case alone, without anyone attached.
  await tabTo(page, '#subject-new-search');
  await page.keyboard.press('Enter');
  expect(await focusedId()).toBe('subject-value');
  await page.selectOption('#subject-by', 'reference');
  expect(await page.locator('label[for="subject-value"]').innerText()).toBe('Case reference');
  await page.fill('#subject-value', reference);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#subject-0');
  expect(await page.locator('#subject-0-title').innerText()).toBe(`Case ${reference}`);
  expect(await page.locator('#subject-0 .govuk-summary-list').innerText()).toMatch(/Resident\s+None held: no contact is linked to this case/);
  expect(await page.locator('#subject-0 .govuk-summary-list').innerText()).not.toMatch(/0770|\+44|Numbat/);
  await expectNoAxeViolations('case-only');
}, 120_000);

test('a plain agent sees no Subject access entry, and its address shows them their queue', async () => {
  await context?.close();
  page = await openConsole(plain);
  await page.waitForSelector('a[data-page="queue"]');
  expect(await page.locator('.ca-nav__link').allTextContents()).toEqual(['Queue', 'Call-backs', 'Search']);
  expect(await page.locator('a[href="#/subject-access"]').count()).toBe(0);
  await page.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/subject-access`);
  await page.waitForSelector('h1:has-text("Queue")');
  expect(await page.locator('#subject-search').count()).toBe(0);
  expect(await describeFocus(page)).not.toMatch(/subject/);
  expect((await plain.call('POST', '/subject-access/search', { by: 'reference', value: reference || 'MBC-000000' })).status).toBe(403);
}, 60_000);
