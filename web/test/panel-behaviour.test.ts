import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { describeFocus, openDemoPage, openWidgetByKeyboard, say, startDemo, waitForIdle, type Demo } from './harness.js';

/** The panel's behaviour: typeahead combobox, live region, Escape, errors and safe rendering. */

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
}, 60000);
afterAll(async () => demo?.close());

const messageCount = (page: Page) => page.locator('#ca-log .ca-msg').count();

test('typeahead: typing "bin" lists suggestions; ArrowDown and Enter send the highlighted one', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  const input = page.locator('#ca-input');
  expect(await input.getAttribute('role')).toBe('combobox');
  expect(await input.getAttribute('aria-expanded')).toBe('false');

  await page.keyboard.type('bin');
  await page.waitForSelector('#ca-typeahead [role="option"]');
  expect(await input.getAttribute('aria-expanded')).toBe('true');
  expect(await input.getAttribute('aria-controls')).toBe('ca-typeahead');
  const options = await page.locator('#ca-typeahead [role="option"]').allInnerTexts();
  expect(options.length).toBeGreaterThan(0);

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  expect(active).toBe('ca-typeahead-1');
  expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
  const chosen = await page.locator('#ca-typeahead-1').evaluate((li) => li.firstChild!.textContent!);

  const before = await messageCount(page);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('#ca-log .ca-msg').length > n + 1, before);
  await waitForIdle(page);
  expect(await page.locator('#ca-log .ca-msg--resident').last().innerText()).toContain(chosen);
  expect(await input.getAttribute('aria-expanded')).toBe('false');
  expect(await input.inputValue()).toBe('');
  await page.context().close();
});

test('Escape closes the suggestion list first, then the panel, returning focus to the launcher', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  await page.keyboard.type('council tax');
  await page.waitForSelector('#ca-typeahead [role="option"]');
  await page.keyboard.press('Escape');
  expect(await page.locator('#ca-typeahead').isVisible()).toBe(false);
  expect(await page.locator('#ca-panel').isVisible()).toBe(true);
  expect(await page.locator('#ca-input').inputValue()).toBe('council tax');

  await page.keyboard.press('Escape');
  expect(await page.locator('#ca-panel').isVisible()).toBe(false);
  expect(await describeFocus(page)).toMatch(/^button "Chat with us"/);
  expect(await page.locator('.ca-launcher').getAttribute('aria-expanded')).toBe('false');

  // Enter on the launcher reopens it, focus in the input, the conversation still there.
  await page.keyboard.press('Enter');
  expect(await describeFocus(page)).toMatch(/^input#ca-input/);
  await page.context().close();
});

test('new messages, sent and received, are added inside the polite role="log" region, labelled by who said them', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  const log = page.locator('[role="log"]');
  expect(await log.getAttribute('aria-live')).toBe('polite');
  await say(page, 'when is my bin day');
  const texts = await log.locator('.ca-msg').allInnerTexts();
  expect(texts.at(-2)).toMatch(/^You said:\s*when is my bin day/);
  expect(texts.at(-1)).toMatch(/^Assistant said:/);
  // The whole transcript is inside the log: nothing rendered outside it.
  expect(await page.locator('.ca-msg').count()).toBe(await log.locator('.ca-msg').count());
  // The typing indicator is a polite status outside the log.
  expect(await page.locator('.ca-typing').getAttribute('role')).toBe('status');
  await page.context().close();
});

test('a failed send keeps what was typed and offers to try again, which delivers it once', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  let failNext = true;
  await page.route('**/api/v1/conversations/*/messages', async (route) => {
    if (route.request().method() === 'POST' && failNext) {
      failNext = false;
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });
  await page.keyboard.type('How do I pay my council tax?');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.ca-error');
  expect(await page.locator('.ca-error').innerText()).toContain("Sorry, we couldn't send that. Try again.");
  expect(await page.locator('.ca-msg--resident').last().innerText()).toContain('How do I pay my council tax?');

  const before = await messageCount(page);
  await page.locator('.ca-error button').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('#ca-log .ca-msg').length > n, before);
  await waitForIdle(page);
  expect(await page.locator('.ca-error').count()).toBe(0);
  expect(await page.locator('.ca-msg--resident').count()).toBe(1);
  await page.context().close();
});

test('server text is rendered as text: paragraphs, lists and links, never as HTML', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  await page.route('**/api/v1/conversations/*/messages', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            messages: [
              { text: '<img src=x onerror="window.pwned=1">Bins:\n- one\n- two\n\nSee https://www.merebrook.gov.uk/bins.', handoff: { reason: 'asked', priority: 'normal' } },
              { text: 'More', link: { label: 'Bad', url: 'javascript:alert(1)' }, suggestions: [{ label: 'Go on', value: 'Go on' }] },
            ],
          }),
        })
      : route.continue(),
  );
  await say(page, 'hello');
  const first = page.locator('#ca-log .ca-msg--bot').nth(-2);
  expect(await first.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await first.locator('li').allInnerTexts()).toEqual(['one', 'two']);
  expect(await first.locator('a').getAttribute('href')).toBe('https://www.merebrook.gov.uk/bins');
  expect(await first.locator('.ca-handoff').innerText()).toBe('Passing you to our team');
  expect(await page.locator('#ca-log a[href^="javascript"]').count()).toBe(0);
  expect(await page.locator('.ca-suggestions button').allInnerTexts()).toEqual(['Go on']);
  await page.context().close();
});

test('at 200% zoom (640×400 CSS pixels) the panel fills the viewport and the input stays in view', async () => {
  const page = await openDemoPage(demo, { width: 640, height: 400 });
  await openWidgetByKeyboard(page);
  expect(await page.locator('#ca-panel').boundingBox()).toMatchObject({ x: 0, y: 0, width: 640, height: 400 });
  expect(await page.locator('#ca-input').isVisible()).toBe(true);
  const inputBox = await page.locator('#ca-input').boundingBox();
  expect(inputBox!.y + inputBox!.height).toBeLessThanOrEqual(400);
  await page.screenshot({ path: '/tmp/widget-zoom200.png' });
  await page.context().close();
});
