import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import { caseFiles, openFile, stripMetadata } from '../../files/index.js';
import { jpegWithMetadata, secretsIn } from '../../files/test-images.fixture.js';
import { axeViolations, chooseSuggestion, describeFocus, lastBotText, openDemoPage, openWidgetByKeyboard, say, startDemo, tabTo, type Demo } from './harness.js';

/**
 * A photo from the widget in a real browser: chosen with the keyboard-reachable file control in
 * the middle of a missed-bin report, sent, kept without its location and camera details (and
 * still a picture the browser draws the right way up), on the case the report makes. A GIF and a
 * photo over 10 MB are refused with the reason; axe passes with the upload controls, on a
 * computer ("Add a photo or file") and on a phone (with "Take a photo", the camera).
 */

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
}, 60000);
afterAll(async () => demo?.close());

const PHOTO = jpegWithMetadata(6);
const CLEAN = stripMetadata(PHOTO, 'image/jpeg').bytes;
const db = () => demo.server.store.db;

test('a photo sent during a report is kept clean and ends up on the case; the control is reachable by keyboard and passes axe', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  // On a computer only "Add a photo or file": the camera control is for phones.
  expect(await page.locator('label[for="ca-file"]').isVisible()).toBe(true);
  expect(await page.locator('label[for="ca-photo"]').isVisible()).toBe(false);
  await tabTo(page, '#ca-file');
  expect(await describeFocus(page)).toMatch(/^input#ca-file/);
  // The focused control shows it: the label takes the yellow focus colour.
  expect(await page.locator('label[for="ca-file"]').evaluate((l) => getComputedStyle(l).backgroundColor)).toBe('rgb(255, 221, 0)');
  expect(await axeViolations(page)).toEqual([]);

  await page.locator('#ca-input').focus();
  await say(page, "my bin wasn't collected");
  await say(page, 'MB1 1AD');
  await chooseSuggestion(page, '2 High Street, Merebrook');
  expect(await lastBotText(page)).toMatch(/Which bin was missed/i);

  const before = await page.locator('#ca-log .ca-msg').count();
  await page.setInputFiles('#ca-file', { name: 'bin.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
  await page.waitForFunction((n) => document.querySelectorAll('#ca-log .ca-msg').length > n + 1 && !document.querySelector('.ca-typing--on'), before, { timeout: 15000 });
  expect((await page.locator('#ca-log .ca-msg--file').innerText()).replace(/\s+/g, ' ')).toBe('You said: Photo: bin.jpg Sent');
  expect(await lastBotText(page)).toMatch(/Thank you for the photo: it will be kept with your report\. Please carry on with the question above\./);

  // The report carries on where it was.
  await chooseSuggestion(page, /^Recycling/);
  await say(page, 'yes');
  await say(page, 'yesterday');
  await chooseSuggestion(page, 'Skip this question');
  await say(page, 'no');
  await chooseSuggestion(page, /^Yes/);
  const reference = /MBC-\d{6}/.exec(await lastBotText(page))![0];

  const c = (await sql<{ id: string }>`select id from cases where tenant_id = ${demo.server.tenant} and reference = ${reference}`.execute(db())).rows[0];
  const [file] = await caseFiles(db(), demo.server.tenant, c.id);
  expect(file).toMatchObject({ status: 'stored', channel: 'webchat', contentType: 'image/jpeg', name: 'bin.jpg', sizeBytes: CLEAN.length });
  const kept = (await openFile(db(), demo.server.tenant, file.id))!.data!;
  expect(kept.equals(CLEAN)).toBe(true);
  expect(secretsIn(kept)).toEqual([]);
  // Still a picture, drawn on its side as the phone took it (the orientation survives, nothing else).
  const drawn = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))], { type: 'image/jpeg' }));
    return [bitmap.width, bitmap.height];
  }, kept.toString('base64'));
  expect(drawn).toEqual([12, 16]);
  await page.context().close();
}, 90000);

test('a GIF and a photo over 10 MB are refused with the reason, announced, and the chat carries on; axe passes', async () => {
  const page = await openDemoPage(demo);
  await openWidgetByKeyboard(page);
  await page.setInputFiles('#ca-file', { name: 'funny.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1') });
  const alert = page.locator('#ca-log .ca-error[role="alert"]');
  await alert.first().waitFor();
  expect(await alert.first().innerText()).toBe("Sorry, I couldn't keep the photo you sent: it is a GIF image, and we can only keep photos (JPEG, PNG or WebP) and PDF files.");
  await page.setInputFiles('#ca-file', { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([PHOTO, Buffer.alloc(10 * 1024 * 1024)]) });
  await page.waitForFunction(() => document.querySelectorAll('#ca-log .ca-error[role="alert"]').length === 2);
  expect(await alert.nth(1).innerText()).toBe("Sorry, I couldn't keep the photo you sent: it is larger than 10 MB.");
  expect(await page.locator('#ca-log .ca-msg--failed').count()).toBe(2);
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.WIDGET_SCREENSHOTS) await page.screenshot({ path: '/tmp/widget-file-refused.png' });
  await page.locator('#ca-input').focus();
  await say(page, 'hello');
  expect(await lastBotText(page)).not.toBe('');
  await page.context().close();
}, 60000);

test('on a phone "Take a photo" opens the camera (image/*, capture), and the panel still passes axe', async () => {
  const context = await demo.browser.newContext({ viewport: { width: 375, height: 700 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(demo.url + '/');
  await page.waitForSelector('.ca-launcher');
  await page.locator('.ca-launcher').tap();
  await page.waitForFunction(() => document.querySelectorAll('#ca-log .ca-msg').length > 0 && !document.querySelector('.ca-typing--on'));
  const camera = page.locator('#ca-photo');
  expect(await page.locator('label[for="ca-photo"]').isVisible()).toBe(true);
  expect(await camera.evaluate((i: HTMLInputElement) => [i.type, i.accept, i.getAttribute('capture')])).toEqual(['file', 'image/*', 'environment']);
  const overflow = await page.evaluate(() => document.querySelector('.ca-form')!.scrollWidth - document.querySelector('.ca-form')!.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setInputFiles('#ca-photo', { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: PHOTO });
  await page.waitForFunction(() => document.querySelector('#ca-log .ca-msg--file .ca-file-status')?.textContent === 'Sent');
  expect(await axeViolations(page)).toEqual([]);
  if (process.env.WIDGET_SCREENSHOTS) await page.screenshot({ path: '/tmp/widget-photo-375.png' });
  await context.close();
}, 60000);
