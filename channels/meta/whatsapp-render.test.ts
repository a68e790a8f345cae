/**
 * The WhatsApp channel's pure parts: rendering to the Cloud API's message bodies within its limits
 * (checked by the stand-in's own rules), Graph errors by kind, the webhook signature, the start-up
 * configuration check, and a location pin read as an address.
 */
import { pickNumbered } from '../degrade.js';
import { graphProblem } from './graph-stand-in.fixture.js';
import { graphRecipientOf, graphRetryable, metaConfigFromEnv, MetaConfigError, metaSignature, pinAsText, renderWhatsApp, residentIdOf, signedByMeta } from './index.js';

const s = (label: string, value = label) => ({ label, value });
const valid = (body: object) => expect(graphProblem({ ...body, to: '447700900123' })).toBeNull();

test('up to three suggestions are reply buttons, titles cut to 20 characters, values as ids', () => {
  const { body, options } = renderWhatsApp({ text: 'Was the bin out by 6am on collection day?', suggestions: [s('Yes'), s('No'), s('Go back to the previous question', 'Go back')] });
  expect(options).toEqual([]);
  expect(body).toEqual({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: 'Was the bin out by 6am on collection day?' },
      action: { buttons: [{ type: 'reply', reply: { id: 'Yes', title: 'Yes' } }, { type: 'reply', reply: { id: 'No', title: 'No' } }, { type: 'reply', reply: { id: 'Go back', title: 'Go back to the…' } }] },
    },
  });
  valid(body);
});

test('four to ten suggestions are a list: long labels cut to 24 with the whole label as the description', () => {
  const labels = ['General rubbish (green bin)', 'Recycling (blue bin)', 'Food waste caddy', 'Garden waste (brown bin)', 'Glass box', 'Go back'];
  const { body } = renderWhatsApp({ text: 'Which bin was missed?', suggestions: labels.map((l) => s(l)) });
  expect(body.type).toBe('interactive');
  const rows = (body as { interactive: { action: { sections: { rows: { id: string; title: string; description?: string }[] }[] } } }).interactive.action.sections[0].rows;
  expect(rows[0]).toEqual({ id: 'General rubbish (green bin)', title: 'General rubbish (green…', description: 'General rubbish (green bin)' });
  expect(rows[1]).toEqual({ id: 'Recycling (blue bin)', title: 'Recycling (blue bin)' });
  valid(body);
});

test('more than ten suggestions are numbered text, and "2" picks the second', () => {
  const suggestions = Array.from({ length: 12 }, (_, i) => s(`${i + 1} Elm Grove, Merebrook`, `${i + 1} Elm Grove, Merebrook, MB2 4QT`));
  const { body, options } = renderWhatsApp({ text: 'Which one is it?', suggestions });
  expect(body).toMatchObject({ type: 'text', text: { preview_url: false } });
  expect((body as { text: { body: string } }).text.body).toMatch(/^Which one is it\?\n\nReply with a number:\n1\. 1 Elm Grove, Merebrook\n2\. 2 Elm Grove/);
  expect(pickNumbered('2', options)).toBe('2 Elm Grove, Merebrook, MB2 4QT');
  valid(body);
});

test('cards and links are written out with the preview on; markdown becomes WhatsApp formatting; 4,096 characters at most', () => {
  const { body } = renderWhatsApp({ text: 'Here is **how** to pay. [Call us](tel:+441632960100)', card: { title: 'Council tax', body: 'Pay online any time.', link: { label: 'Pay now', url: 'https://www.merebrook.gov.uk/pay' } } });
  expect(body).toEqual({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    type: 'text',
    text: { body: 'Here is *how* to pay. Call us\n\n*Council tax*\nPay online any time.\nPay now: https://www.merebrook.gov.uk/pay', preview_url: true },
  });
  const long = renderWhatsApp({ text: 'word '.repeat(2000) }).body as { text: { body: string } };
  expect([...long.text.body].length).toBeLessThanOrEqual(4096);
  expect(long.text.body.endsWith('…')).toBe(true);
  valid(long);
});

test('Graph errors by kind: throughput, temporary and 5xx are retried; undeliverable, re-engagement and expired tokens are not', () => {
  for (const [code, status] of [[130429, 400], [131000, 500], [131016, 503], [131056, 400], [undefined, 502], [undefined, 429], [undefined, undefined]] as const) {
    expect(graphRetryable(code, status)).toBe(true);
  }
  for (const [code, status] of [[131026, 400], [131047, 400], [190, 401], [100, 400], [undefined, 400]] as const) {
    expect(graphRetryable(code, status)).toBe(false);
  }
});

test('the webhook signature is the HMAC-SHA256 of the raw bytes with the app secret', () => {
  const raw = Buffer.from('{"object":"whatsapp_business_account","entry":[],"x":"caf\\u00e9"}');
  expect(signedByMeta('secret', raw, metaSignature('secret', raw))).toBe(true);
  expect(signedByMeta('secret', raw, metaSignature('other', raw))).toBe(false);
  expect(signedByMeta('secret', Buffer.from(JSON.stringify(JSON.parse(raw.toString()))), metaSignature('secret', raw))).toBe(false);
  expect(signedByMeta('secret', raw, undefined)).toBe(false);
  expect(signedByMeta('secret', raw, metaSignature('secret', raw).toUpperCase())).toBe(false);
});

test('configuration: none is "not mounted", a half one lists every problem', () => {
  expect(metaConfigFromEnv({})).toBeNull();
  expect(() => metaConfigFromEnv({ META_APP_SECRET: 's', META_GRAPH_API_VERSION: '21' })).toThrow(MetaConfigError);
  try {
    metaConfigFromEnv({ META_APP_SECRET: 's', META_GRAPH_API_VERSION: '21' });
  } catch (err) {
    expect((err as Error).message).toMatch(/META_VERIFY_TOKEN is required[\s\S]*WHATSAPP_ACCESS_TOKEN is required[\s\S]*META_GRAPH_API_VERSION must look like v21\.0/);
    expect((err as Error).message).not.toMatch(/: s\b/);
  }
  expect(metaConfigFromEnv({ META_APP_SECRET: 's', META_VERIFY_TOKEN: 'v', WHATSAPP_ACCESS_TOKEN: 't' })).toEqual({
    appSecret: 's', verifyToken: 'v', whatsappToken: 't', councilTokens: {}, graphVersion: 'v21.0', graphBaseUrl: 'https://graph.facebook.com',
  });
});

test('a pin near an address is its postcode; far from any, the place WhatsApp named or the coordinates', () => {
  const gazetteer = [{ uprn: '1', usrn: '10', postcode: 'MB1 1AD', lat: 50.721372, lng: -1.882785 }];
  expect(pinAsText(gazetteer, { latitude: 50.7214, longitude: -1.8828 }).text).toBe('MB1 1AD');
  expect(pinAsText(gazetteer, { latitude: 51.5, longitude: -0.12, name: 'Town Hall', address: 'Main Road' }).text).toBe('Town Hall, Main Road (51.5,-0.12)');
  expect(pinAsText([], { latitude: 51.5, longitude: -0.12 }).text).toBe('51.5,-0.12');
});

test('a wa_id is the E.164 number of the SMS channel, and back', () => {
  expect(residentIdOf('447700900123')).toBe('+447700900123');
  expect(residentIdOf('US.13491208655302741918')).toBe('US.13491208655302741918');
  expect(graphRecipientOf('+447700900123')).toBe('447700900123');
});
