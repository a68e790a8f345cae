import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { axeViolations, openDemoPage, openWidgetByKeyboard, say, startDemo, type Demo } from './harness.js';

/** axe-core WCAG 2.1 A/AA on the demo page with the widget in its busiest states, plus screenshots. */

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
}, 60000);
afterAll(async () => demo?.close());

async function openWithAnArticleAnswer(page: Page): Promise<void> {
  await openWidgetByKeyboard(page);
  await say(page, 'how do I apply for a single person discount on council tax');
  await page.waitForSelector('#ca-log .ca-card');
}

test('the demo page passes axe with the widget closed', async () => {
  const page = await openDemoPage(demo);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/widget-closed.png' });
  await page.context().close();
});

test('the demo page passes axe with the widget open, showing suggestions and a card', async () => {
  const page = await openDemoPage(demo);
  await openWithAnArticleAnswer(page);
  expect(await page.locator('#ca-log .ca-suggestions button').count()).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/widget-1280x800.png' });
  await page.context().close();
});

test('the demo page passes axe with the typeahead list open', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  await page.keyboard.type('bin');
  await page.waitForSelector('#ca-typeahead [role="option"]');
  await page.keyboard.press('ArrowDown');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/widget-typeahead.png' });
  await page.context().close();
});

test('on a phone the panel fills the screen without sideways scrolling, and passes axe', async () => {
  for (const viewport of [{ width: 375, height: 700 }, { width: 320, height: 568 }]) {
    const page = await openDemoPage(demo, viewport);
    await openWithAnArticleAnswer(page);
    const box = await page.locator('#ca-panel').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: viewport.width, height: viewport.height });
    const overflow = await page.evaluate(() => {
      const log = document.getElementById('ca-log')!;
      return log.scrollWidth - log.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `/tmp/widget-${viewport.width}x${viewport.height}.png` });
    await page.context().close();
  }
});

test('focus is visible as the GOV.UK yellow focus style', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineColor);
  expect(outline).toBe('rgb(255, 221, 0)');
  await page.keyboard.press('Tab'); // the Send button
  const send = await page.evaluate(() => getComputedStyle(document.activeElement!).backgroundColor);
  expect(send).toBe('rgb(255, 221, 0)');
  await page.context().close();
});
