import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { chooseSuggestion, describeFocus, lastBotText, openDemoPage, openWidgetByKeyboard, say, startDemo, type Demo } from './harness.js';

/** The missed-bin flow end to end, keyboard only, against the real server and bot. */

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
}, 60000);
afterAll(async () => demo?.close());

async function startMissedBinReport(page: Page): Promise<void> {
  await openWidgetByKeyboard(page);
  await say(page, "my bin wasn't collected");
  expect(await lastBotText(page)).toMatch(/address of the missed bin/i);
  await say(page, 'MB1 1AD'); // a postcode from content/demo/gazetteer.csv
  expect(await lastBotText(page)).toMatch(/Which one is it/i);
  await chooseSuggestion(page, '2 High Street, Merebrook');
  expect(await lastBotText(page)).toMatch(/Which bin was missed/i);
}

/** From "Which bin was missed?" to the case reference. */
async function finishMissedBinReport(page: Page): Promise<void> {
  await chooseSuggestion(page, /^Recycling/);
  expect(await lastBotText(page)).toMatch(/out by 6am/i);
  await say(page, 'yes');
  expect(await lastBotText(page)).toMatch(/Which day/i);
  await say(page, 'yesterday');
  expect(await lastBotText(page)).toMatch(/anything else/i);
  await chooseSuggestion(page, 'Skip this question');
  expect(await lastBotText(page)).toMatch(/updates/i);
  await say(page, 'no');
  expect(await lastBotText(page)).toMatch(/check your report/i);
  await chooseSuggestion(page, /^Yes/);
  expect(await lastBotText(page)).toMatch(/MBC-\d{6}/);
}

test('a resident reports a missed bin using only the keyboard', async () => {
  const page = await openDemoPage(demo);
  await startMissedBinReport(page);
  // Picking a suggestion leaves focus where typing continues, and the old buttons are gone.
  expect(await describeFocus(page)).toMatch(/^input#ca-input/);
  expect(await page.locator('.ca-suggestions button', { hasText: '2 High Street' }).count()).toBe(0);
  await finishMissedBinReport(page);
  await expect(page.locator('#ca-log').innerText()).resolves.toMatch(/Your reference is MBC-\d{6}/);
  await page.context().close();
}, 50000);

test('a reload mid-flow brings back the transcript and the open panel, and the flow carries on', async () => {
  const page = await openDemoPage(demo);
  await startMissedBinReport(page);
  const before = await page.locator('#ca-log .ca-msg').allInnerTexts();

  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('#ca-log .ca-msg').length > 0 && !document.querySelector('.ca-typing--on'));
  expect(await page.locator('#ca-panel').isVisible()).toBe(true);
  expect(await page.locator('.ca-launcher').isVisible()).toBe(false);
  expect(await page.locator('#ca-log .ca-msg').allInnerTexts()).toEqual(before);
  expect(await describeFocus(page)).toMatch(/^input#ca-input/);
  // Only the latest question's buttons come back.
  expect(await page.locator('.ca-suggestions button').allTextContents()).toContain('Recycling (blue bin)');
  expect(await page.locator('.ca-suggestions button', { hasText: '2 High Street' }).count()).toBe(0);

  await finishMissedBinReport(page);
  await page.context().close();
}, 50000);
