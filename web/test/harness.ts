import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test/server.js';

/** Shared set-up of the widget's browser tests: a fresh build, the real server, headless Chromium. */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Demo {
  url: string;
  browser: Browser;
  /** The running server: its store (to create agents), its tenant id. */
  server: TestServer;
  close(): Promise<void>;
}

export async function startDemo(): Promise<Demo> {
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'scripts/build-web.mjs')], { cwd: repoRoot });
  // A fresh copy of the demo council per run, so a shared PostgreSQL never holds an earlier run's cases.
  const server = await startTestServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    url: server.url,
    browser,
    server,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Sets environment variables for a test file (the server reads its settings from them); returns what puts the earlier values back. */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const put = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  put(vars);
  return () => put(saved);
}

export async function openDemoPage(demo: Demo, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await demo.browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err));
  await page.goto(demo.url + '/');
  await page.waitForSelector('.ca-launcher');
  return page;
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`: how a keyboard user gets there. */
export async function tabTo(page: Page, selector: string, { backwards = false, max = 40 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not Tab to ${selector}; focus is on ${await describeFocus(page)}`);
}

export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement;
    return a ? `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''} "${(a.textContent ?? '').trim().slice(0, 40)}"` : 'nothing';
  });
}

/** Opens the widget with the keyboard only: Shift+Tab from the top of the page reaches the launcher. */
export async function openWidgetByKeyboard(page: Page): Promise<void> {
  await tabTo(page, '.ca-launcher', { backwards: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'ca-input');
  await waitForIdle(page);
}

/** Waits until no request is in flight (the typing indicator is gone) and the log shows something. */
export async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ca-typing--on') && document.querySelectorAll('#ca-log .ca-msg').length > 0, undefined, { timeout: 15000 });
}

/** Types an answer into the focused input and presses Enter, then waits for the reply. */
export async function say(page: Page, text: string): Promise<void> {
  const before = await page.locator('#ca-log .ca-msg').count();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('#ca-log .ca-msg').length > n + 1 && !document.querySelector('.ca-typing--on'), before, { timeout: 15000 });
}

/** Tabs backwards from the input to the suggestion button labelled `label`, presses Enter, waits for the reply. */
export async function chooseSuggestion(page: Page, label: string | RegExp): Promise<void> {
  const before = await page.locator('#ca-log .ca-msg').count();
  const index = await page.locator('.ca-suggestions button').evaluateAll(
    (buttons, l) => buttons.findIndex((b) => (typeof l === 'string' ? b.textContent?.trim() === l : new RegExp(l.source, l.flags).test(b.textContent ?? ''))),
    typeof label === 'string' ? label : { source: label.source, flags: label.flags },
  );
  if (index < 0) throw new Error(`no suggestion ${label}; have ${await page.locator('.ca-suggestions button').allTextContents()}`);
  await page.evaluate((i) => document.querySelectorAll<HTMLElement>('.ca-suggestions button')[i].setAttribute('data-target', ''), index);
  await tabTo(page, '.ca-suggestions button[data-target]', { backwards: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('#ca-log .ca-msg').length > n + 1 && !document.querySelector('.ca-typing--on'), before, { timeout: 15000 });
}

export async function lastBotText(page: Page): Promise<string> {
  return (await page.locator('#ca-log .ca-msg--bot').last().innerText()).trim();
}

/** axe-core's WCAG 2.1 A and AA rules over the whole page. */
export async function axeViolations(page: Page): Promise<{ id: string; impact?: string | null; nodes: string[] }[]> {
  // Evaluated over CDP rather than added as a <script>, which the demo page's CSP would block.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
}
