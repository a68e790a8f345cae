/**
 * Without a server: a question asking where as a WhatsApp location request, a re-engagement
 * template as Meta's template message (both accepted by the Graph stand-in's checks), the first
 * bytes that tell a file's type, and which words are STOP and START on WhatsApp.
 */
import { graphProblem } from './graph-stand-in.fixture.js';
import { mediaKindOf, sniffType } from './whatsapp-media.js';
import { whatsAppKeyword } from './whatsapp-opt-out.js';
import { renderWhatsApp } from './whatsapp-render.js';

const wire = (body: object) => ({ to: '447700900123', ...body }) as Record<string, unknown>;

test('a question asking where, with nothing to choose from, is a location request message', () => {
  const where = renderWhatsApp({ text: 'Where is the pothole? Give the street name and a nearby landmark.', askFor: 'address' });
  expect(where.body).toEqual({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    type: 'interactive',
    interactive: { type: 'location_request_message', body: { text: 'Where is the pothole? Give the street name and a nearby landmark.' }, action: { name: 'send_location' } },
  });
  expect(graphProblem(wire(where.body))).toBeNull();
  // Addresses to choose from are a list, not a location request; other questions are text.
  const choose = renderWhatsApp({ text: 'Which address?', askFor: 'address', suggestions: [{ label: '1 High Street', value: '1' }, { label: '2 High Street', value: '2' }, { label: '3 High Street', value: '3' }, { label: '4 High Street', value: '4' }] });
  expect(choose.body).toMatchObject({ type: 'interactive', interactive: { type: 'list' } });
  expect(renderWhatsApp({ text: 'Anything else?', askFor: 'free_text' }).body.type).toBe('text');
  // A body over the interactive limit (1,024) stays text.
  expect(renderWhatsApp({ text: 'x'.repeat(1100), askFor: 'address' }).body.type).toBe('text');
  expect(graphProblem(wire({ ...where.body, interactive: { type: 'location_request_message', body: { text: 'Where?' }, action: { name: 'send' } } }))).toMatch(/send_location/);
});

test('a re-engagement template is a template message with its body parameters', () => {
  const message = { text: 'We have replied about MBC-123456. Reply to this message to see it.', whatsapp: { template: { name: 'case_reply_waiting', language: 'en_GB', parameters: ['MBC-123456'] } } };
  const body = renderWhatsApp(message).body;
  expect(body).toEqual({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    type: 'template',
    template: { name: 'case_reply_waiting', language: { code: 'en_GB' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'MBC-123456' }] }] },
  });
  expect(graphProblem(wire(body))).toBeNull();
  expect(graphProblem(wire({ ...body, template: { name: 'case_reply_waiting', language: { code: 'en_GB' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'two\nlines' }] }] } }))).toMatch(/new-line/);
});

test("a file's first bytes tell its type; only photos, PDFs and voice notes are kept", () => {
  expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
  expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  expect(sniffType(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1'))).toBe('image/webp');
  expect(sniffType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  expect(sniffType(Buffer.from('OggS\u0000\u0002', 'latin1'))).toBe('audio/ogg');
  expect(sniffType(Buffer.from('\u0000\u0000\u0000\u0018ftypM4A ', 'latin1'))).toBe('audio/mp4');
  expect(sniffType(Buffer.from('ID3\u0004', 'latin1'))).toBe('audio/mpeg');
  expect(sniffType(Buffer.from([0xff, 0xf1, 0x50, 0x80]))).toBe('audio/aac');
  expect(sniffType(Buffer.from('<html><script>'))).toBeUndefined();
  expect(mediaKindOf('audio/ogg; codecs=opus')).toBe('voice note');
  expect(mediaKindOf('image/jpeg')).toBe('photo');
  expect(mediaKindOf('application/pdf')).toBe('file');
  expect(mediaKindOf('video/mp4')).toBeUndefined();
  expect(mediaKindOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBeUndefined();
});

test('STOP and START on WhatsApp are the SMS keywords, but END, CANCEL and QUIT end a chat or a report', () => {
  for (const w of ['STOP', 'stop', 'Stop.', 'UNSUBSCRIBE', 'stopall']) expect(whatsAppKeyword(w)).toBe('opt_out');
  for (const w of ['START', 'start', 'UNSTOP']) expect(whatsAppKeyword(w)).toBe('opt_in');
  for (const w of ['end', 'CANCEL', 'quit', 'stop sending me the wrong bin day', 'help']) expect(whatsAppKeyword(w)).toBeNull();
});
