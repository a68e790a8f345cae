import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { satisfactionFor } from '../../store/index.js';
import { axeViolations, describeFocus, openDemoPage, openWidgetByKeyboard, say, startDemo, tabTo, type Demo } from './harness.js';

/**
 * The widget's satisfaction question (issue 16, item 4) against the real server and bot, keyboard
 * only: after End chat the input is closed, yet "How did we do today?" can still be answered with
 * its buttons, then an optional comment typed in its labelled box; both are stored, and the page
 * has no axe violations.
 */

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
}, 60000);
afterAll(async () => demo?.close());

test('after End chat, the rating buttons and a comment answer "How did we do?" by keyboard', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  await say(page, 'How do I pay my council tax?');
  await tabTo(page, 'button.ca-end', { backwards: true });
  await page.keyboard.press('Enter');
  await page.waitForSelector('#ca-end-confirm', { state: 'visible' });
  await page.keyboard.press('Enter');
  await page.waitForSelector('#ca-log .ca-rating-box', { timeout: 15000 });
  expect(await page.locator('#ca-input').isDisabled()).toBe(true);
  const buttons = page.locator('.ca-rating button');
  expect(await buttons.allInnerTexts()).toEqual(['Good', 'Okay', 'Poor']);
  expect(await axeViolations(page)).toEqual([]);

  await tabTo(page, '.ca-rating button:nth-child(1)');
  expect(await describeFocus(page)).toMatch(/^button "Good"/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Thank you for telling us/.test(document.querySelector('.ca-rating-box [role=status]')?.textContent ?? ''));
  // The assistant asks for an optional comment: a labelled box takes it, with focus already there.
  await page.waitForSelector('#ca-rating-comment');
  expect(await describeFocus(page)).toBe('textarea#ca-rating-comment ""');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.type('The answer was quick and clear, thank you.');
  await tabTo(page, '.ca-comment-form button[type=submit]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Thank you for your comment/.test(document.querySelector('.ca-rating-box [role=status]')?.textContent ?? ''));
  expect(await page.locator('#ca-rating-comment').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  const conversationId = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => /^council-assistant:[^:]+$/.test(k));
    return key ? (JSON.parse(localStorage.getItem(key)!) as { conversationId: string }).conversationId : '';
  });
  expect(await satisfactionFor(demo.server.store.db, demo.server.tenant, conversationId)).toMatchObject({
    score: 'good',
    channel: 'webchat',
    comment: 'The answer was quick and clear, thank you.',
  });
}, 60000);
