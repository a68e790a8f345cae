import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { axeViolations, describeFocus, openDemoPage, openWidgetByKeyboard, say, startDemo, tabTo, waitForIdle, type Demo } from './harness.js';

/**
 * The widget in Welsh (issue 17), keyboard only, against the real server and bot: the English /
 * Cymraeg switch changes every interface string, `lang` follows for screen readers (the root's the
 * interface's, each reply's its own), the choice goes with each message, and axe finds nothing.
 */

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
}, 60000);
afterAll(async () => demo?.close());

const rootLang = (page: Page) => page.locator('#ca-root').getAttribute('lang');

async function interfaceWords(page: Page) {
  return page.evaluate(() => ({
    send: document.querySelector('.ca-send')?.textContent?.trim(),
    label: document.querySelector('label[for="ca-input"]')?.textContent?.trim(),
    end: document.querySelector('.ca-end')?.textContent?.trim(),
    title: document.querySelector('#ca-title')?.textContent?.trim(),
    intro: document.querySelector('#ca-intro')?.textContent?.trim(),
    attach: document.querySelector('label[for="ca-file"]')?.textContent?.trim(),
    log: document.querySelector('#ca-log')?.getAttribute('aria-label'),
    switchLabel: document.querySelector('.ca-lang')?.getAttribute('aria-label'),
    pressed: document.querySelector('.ca-lang__option[aria-pressed="true"]')?.getAttribute('data-language'),
  }));
}

test('keyboard only: switch to Cymraeg, the interface is Welsh with lang="cy", a Welsh message is answered in Welsh, and axe finds no violations', async () => {
  const page = await openDemoPage(demo);
  const sent: { language?: string; text?: string }[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && /\/api\/v1\/conversations\/[^/]+\/messages$/.test(req.url())) sent.push(JSON.parse(req.postData() ?? '{}'));
  });
  await openWidgetByKeyboard(page);
  expect(await rootLang(page)).toBe('en');
  expect((await interfaceWords(page)).send).toBe('Send');
  // The demo council offers both languages: the switch is there, English pressed.
  await page.waitForSelector('.ca-lang:not([hidden])');

  // From the message box, back through the panel to "Cymraeg", and Enter.
  await tabTo(page, '.ca-lang__option[data-language="cy"]', { backwards: true });
  expect(await page.locator('.ca-lang__option[data-language="cy"]').getAttribute('lang')).toBe('cy');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('ca-root')?.getAttribute('lang') === 'cy');
  // Focus stays on the switch, which now says Cymraeg is chosen.
  expect(await describeFocus(page)).toMatch(/Cymraeg/);
  expect(await interfaceWords(page)).toEqual({
    send: 'Anfon',
    label: 'Eich neges',
    end: 'Gorffen sgwrs',
    title: 'Sgwrsio â ni',
    intro: 'Cynorthwyydd awtomatig. Gallwch chi ofyn am gael siarad â pherson unrhyw bryd.',
    attach: 'Ychwanegu llun neu ffeil',
    log: 'Sgwrs',
    switchLabel: 'Iaith',
    pressed: 'cy',
  });
  // No choice was made when the chat started: the council's greeting is bilingual, Welsh first,
  // with "Cymraeg" / "English" buttons; it carries no lang of its own (it inherits the widget's).
  const hello = page.locator('#ca-log .ca-msg--bot').first();
  expect(await hello.getAttribute('lang')).toBeNull();
  const both = await hello.innerText();
  expect(both.indexOf('yn Gymraeg neu yn Saesneg')).toBeGreaterThanOrEqual(0);
  expect(both.indexOf('yn Gymraeg neu yn Saesneg')).toBeLessThan(both.indexOf('in English or Welsh'));
  expect(await page.locator('#ca-log .ca-suggestions button, #ca-log .ca-chip').allInnerTexts()).toEqual(expect.arrayContaining(['Cymraeg', 'English']));

  // On to the message box and a Welsh question.
  await tabTo(page, '#ca-input');
  await say(page, 'Pryd mae fy min yn cael ei gasglu?');
  expect(sent.at(-1)).toMatchObject({ text: 'Pryd mae fy min yn cael ei gasglu?', language: 'cy' });
  expect(await page.locator('#ca-log .ca-msg--resident').last().getAttribute('lang')).toBe('cy');
  // The reply is marked with its own language (the switch is the resident's choice: the assistant answers in Welsh).
  const reply = page.locator('#ca-log .ca-msg--bot').last();
  expect(await reply.getAttribute('lang')).toBe('cy');
  // Who said it, for screen readers, in Welsh too.
  expect(await reply.locator('.ca-vh').first().textContent()).toMatch(/Dywedodd y cynorthwyydd/);

  // End chat's confirmation, in Welsh, and Escape backs out of it.
  await tabTo(page, '.ca-end', { backwards: true });
  await page.keyboard.press('Enter');
  expect(await page.locator('#ca-end-question').textContent()).toBe('Gorffen y sgwrs hon?');
  expect(await page.locator('#ca-end-hint').textContent()).toMatch(/Gallwch chi ddechrau sgwrs newydd unrhyw bryd\./);
  expect(await page.locator('#ca-end-confirm .ca-button--secondary').textContent()).toBe('Na, dal ati i sgwrsio');
  await page.keyboard.press('Escape');
  expect(await describeFocus(page)).toMatch(/button/);

  expect(await axeViolations(page)).toEqual([]);

  // The choice is kept: a reload comes back in Welsh.
  await page.reload();
  await page.waitForFunction(() => document.getElementById('ca-root')?.getAttribute('lang') === 'cy');
  await waitForIdle(page);
  expect((await interfaceWords(page)).send).toBe('Anfon');
  await page.context().close();
}, 60000);

test('on a Welsh page (<html lang="cy">) the widget starts in Welsh, and the greeting is bilingual (no choice was made)', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const created: { language?: string }[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && /\/api\/v1\/conversations$/.test(req.url())) created.push(JSON.parse(req.postData() ?? '{}'));
  });
  // The council's Welsh page: the same demo page, its html marked Welsh.
  await page.route(`${demo.url}/`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace('<html lang="en">', '<html lang="cy">') });
  });
  await page.goto(`${demo.url}/`);
  await page.waitForSelector('.ca-launcher');
  await page.waitForFunction(() => document.getElementById('ca-root')?.getAttribute('lang') === 'cy');
  expect((await page.locator('.ca-launcher').innerText()).trim()).toBe('Sgwrsio â ni');
  await openWidgetByKeyboard(page);
  // The page's lang sets the interface only: no language is asked for, so the council greets in both, Welsh first.
  expect(created[0]).not.toHaveProperty('language');
  const hello = page.locator('#ca-log .ca-msg--bot').first();
  expect(await hello.getAttribute('lang')).toBeNull();
  expect(await rootLang(page)).toBe('cy');
  const text = await hello.innerText();
  expect(text.indexOf('yn Gymraeg neu yn Saesneg')).toBeGreaterThanOrEqual(0);
  expect(text.indexOf('yn Gymraeg neu yn Saesneg')).toBeLessThan(text.indexOf('in English or Welsh'));
  expect(await axeViolations(page)).toEqual([]);
  await context.close();
}, 60000);

test('data-language="cy" on the page is a choice: the greeting is asked for in Welsh and written in Welsh', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const created: { language?: string }[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && /\/api\/v1\/conversations$/.test(req.url())) created.push(JSON.parse(req.postData() ?? '{}'));
  });
  await page.route(`${demo.url}/`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(/<script([^>]*?)src="([^"]*widget[^"]*)"/, '<script$1data-language="cy" src="$2"') });
  });
  await page.goto(`${demo.url}/`);
  await page.waitForSelector('.ca-launcher');
  await page.waitForFunction(() => document.getElementById('ca-root')?.getAttribute('lang') === 'cy');
  await openWidgetByKeyboard(page);
  expect(created[0]).toMatchObject({ language: 'cy' });
  const hello = page.locator('#ca-log .ca-msg--bot').first();
  expect(await hello.getAttribute('lang')).toBe('cy');
  expect(await hello.innerText()).not.toMatch(/in English or Welsh/);
  await context.close();
}, 60000);
