/**
 * Photos, PDFs and voice notes on WhatsApp through the real app and the Graph API stand-in's media
 * endpoints: a pothole reported with a photo ends with the photo on the case (and one sent after
 * the reference too), served to an agent who may see the conversation; a file that is too large,
 * not what it says, or fails its checksum is refused with the reason and the resident told; a
 * voice note is kept and the resident asked to type.
 */
import { createHash } from 'node:crypto';
import { plainJpeg } from '../../files/test-images.fixture.js';
import { caseDetails, openCase } from '../../store/index.js';
import { signedInAgent } from '../../test/console-client.js';
import type { GraphRequest } from './graph-stand-in.fixture.js';
import { startWhatsAppHarness, type WhatsAppHarness } from './whatsapp-harness.fixture.js';

let h: WhatsAppHarness;
let n = 0;
const newWaId = () => `4477009${String(60000 + ++n).slice(-5)}`;
const text = (body: string) => ({ type: 'text', text: { body } });

beforeAll(async () => {
  h = await startWhatsAppHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const db = () => h.server.store.db;
const parts = (row: { parts: unknown }) => (typeof row.parts === 'string' ? JSON.parse(row.parts) : row.parts) as Record<string, any>;
const bodyOf = (s: GraphRequest) => (s.body.type === 'text' ? (s.body.text as { body: string }).body : (s.body.interactive as { body: { text: string } }).body.text);
const shown = (sent: GraphRequest[]) => sent.map(bodyOf).join('\n');

/** A real JPEG, unlike any other (its JFIF header carries the seed), with no metadata to strip: kept byte for byte. */
const jpeg = (seed: string) => plainJpeg(seed);
const photo = (id: string, caption?: string) => ({ type: 'image', image: { id, mime_type: 'image/jpeg', sha256: 'irrelevant-here', ...(caption ? { caption } : {}) } });

async function messagesOf(waId: string) {
  return db()
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .selectAll('messages')
    .where('messages.tenant_id', '=', h.server.tenant)
    .where('conversations.channel', '=', 'whatsapp')
    .where('conversations.channel_user_id', '=', `+${waId}`)
    .orderBy('messages.id')
    .execute();
}

const mediaRows = (conversationId: string) =>
  db().selectFrom('media_files' as never).select(['id', 'status', 'reason', 'content_type', 'size_bytes', 'sha256'] as never[]).where('conversation_id' as never, '=', conversationId as never).orderBy('created_at' as never).execute() as Promise<
    { id: string; status: string; reason: string | null; content_type: string; size_bytes: number | null; sha256: string | null }[]
  >;

/** Taps the reply button or list row whose title matches. */
function tap(sent: GraphRequest[], choice: RegExp): Record<string, unknown> {
  const message = [...sent].reverse().find((s) => s.body.type === 'interactive' && ['button', 'list'].includes((s.body.interactive as { type: string }).type));
  if (!message) throw new Error(`no buttons or list in: ${shown(sent)}`);
  const interactive = message.body.interactive as { type: string; action: { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { id: string; title: string; description?: string }[] }[] } };
  if (interactive.type === 'button') {
    const b = interactive.action.buttons!.find((x) => choice.test(x.reply.title));
    if (!b) throw new Error(`no button ${choice} in ${JSON.stringify(interactive.action.buttons)}`);
    return { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: b.reply.id, title: b.reply.title } } };
  }
  const row = interactive.action.sections!.flatMap((s) => s.rows).find((r) => choice.test(r.title) || choice.test(r.description ?? ''));
  if (!row) throw new Error(`no row ${choice} in ${JSON.stringify(interactive.action.sections)}`);
  return { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: row.id, title: row.title } } };
}

test('a pothole reported with a photo ends with the photo on the case; a photo after the reference joins it', async () => {
  const waId = newWaId();
  const first = jpeg('pothole-1');
  const firstId = h.graph.media.add(first, 'image/jpeg');
  // The caption is what the resident said: it starts the report, and the photo is attached to that message.
  let sent = await h.say(waId, photo(firstId, 'There is a big pothole in the road'));
  expect(sent.at(-1)!.body.interactive).toMatchObject({ type: 'location_request_message', action: { name: 'send_location' } });
  expect(shown(sent)).toMatch(/Where is the pothole\?/);
  const opening = (await messagesOf(waId))[0];
  expect(opening.text).toBe('There is a big pothole in the road');
  expect(parts(opening).attachments).toEqual([{ url: expect.stringMatching(/^\/api\/console\/media\/[0-9a-f-]{36}$/), contentType: 'image/jpeg' }]);

  sent = await h.say(waId, text('by the bus stop on Church Street'));
  for (const [answer, expected] of [
    [/^Small/, /where in the road/i],
    [/road where cars/i, /anyone at risk/i],
    [/^No$/, /anything else/i],
  ] as const) {
    expect(shown(sent)).toMatch(/./);
    sent = await h.say(waId, tap(sent, answer));
    expect(shown(sent)).toMatch(expected);
  }
  sent = await h.say(waId, text('no'));
  sent = await h.say(waId, tap(sent, /^No thanks/));
  expect(shown(sent)).toMatch(/Please check your report/);
  const done = shown(await h.say(waId, tap(sent, /^Yes, send it/)));
  const conversationId = opening.conversation_id;
  const row = await db().selectFrom('cases').selectAll().where('tenant_id', '=', h.server.tenant).where('conversation_id', '=', conversationId).executeTakeFirstOrThrow();
  const c = openCase(row);
  expect(done).toContain(c.reference);
  expect(c.service_id).toBe('highways.pothole');

  // The photo is on the case: its url, type, size and checksum.
  const [kept] = await mediaRows(conversationId);
  expect(kept).toMatchObject({ status: 'stored', content_type: 'image/jpeg', size_bytes: first.length, sha256: createHash('sha256').update(first).digest('hex') });
  expect(caseDetails(c).attachments).toEqual([{ url: `/api/console/media/${kept.id}`, contentType: 'image/jpeg', size: first.length, sha256: kept.sha256 }]);
  expect(h.graph.media.lookups).toContain(firstId);
  expect(h.graph.media.downloads).toContain(firstId);

  // A second photo, without words, after the reference: thanked, kept, and on the case too.
  const second = jpeg('pothole-2');
  sent = await h.say(waId, photo(h.graph.media.add(second, 'image/jpeg')));
  expect(shown(sent)).toMatch(/Thank you for the photo/);
  await h.waitFor(async () => (await mediaRows(conversationId)).length === 2, 'the second photo kept');
  await h.waitFor(async () => {
    const again = await db().selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    return ((caseDetails(openCase(again)).attachments as unknown[]) ?? []).length === 2;
  }, 'the second photo on the case');

  // An agent who may see the conversation gets the file as it was sent; a made-up id is not found.
  const { client } = await signedInAgent(h.server, { roles: ['agent', 'supervisor'] });
  const res = await fetch(`${h.server.url}/api/console/media/${kept.id}`, { headers: { cookie: `ca_session=${client.cookie}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/jpeg');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(Buffer.from(await res.arrayBuffer()).equals(first)).toBe(true);
  expect((await fetch(`${h.server.url}/api/console/media/00000000-0000-0000-0000-000000000000`, { headers: { cookie: `ca_session=${client.cookie}` } })).status).toBe(404);
  expect((await fetch(`${h.server.url}/api/console/media/${kept.id}`)).status).toBe(401);
}, 60_000);

test('a file too large, not what it says or failing its checksum is refused with the reason, and the resident told', async () => {
  const waId = newWaId();
  await h.say(waId, text('hello'));
  const conversationId = (await messagesOf(waId))[0].conversation_id;

  // Too large: refused from the media endpoint's size, never downloaded.
  const big = h.graph.media.add(jpeg('big'), 'image/jpeg', { declaredSize: 11 * 1024 * 1024 });
  let sent = await h.say(waId, photo(big));
  await h.waitFor(() => /larger than 10 MB/.test(shown(h.sentTo(waId))), 'the refusal');
  expect(h.graph.media.downloads).not.toContain(big);

  // A "PNG" that is a web page.
  const fake = h.graph.media.add(Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
  sent = await h.say(waId, { type: 'image', image: { id: fake, mime_type: 'image/png' } });
  await h.waitFor(() => /not the image\/png it was sent as/.test(shown(h.sentTo(waId))), 'the refusal');

  // A checksum that does not match: tried again, then refused.
  const corrupt = h.graph.media.add(jpeg('corrupt'), 'image/jpeg', { sha256: 'ab'.repeat(32) });
  await h.post(h.message(waId, photo(corrupt)));
  await h.waitFor(() => /could not fetch it from WhatsApp/.test(shown(h.sentTo(waId))), 'the refusal', 20_000);
  expect(h.graph.media.downloads.filter((d) => d === corrupt)).toHaveLength(3);
  await h.settle();

  const rows = await mediaRows(conversationId);
  expect(rows.map((r) => [r.status, r.reason])).toEqual([
    ['refused', 'it is larger than 10 MB'],
    ['refused', 'its content is not the image/png it was sent as'],
    ['refused', 'we could not fetch it from WhatsApp'],
  ]);
  void sent;
}, 60_000);

test('a voice note is kept for the team and the resident asked to type', async () => {
  const waId = newWaId();
  const ogg = Buffer.concat([Buffer.from('OggS\u0000\u0002', 'latin1'), createHash('sha256').update('voice').digest()]);
  const id = h.graph.media.add(ogg, 'audio/ogg; codecs=opus');
  const sent = await h.say(waId, { type: 'audio', audio: { id, mime_type: 'audio/ogg; codecs=opus', voice: true } });
  expect(shown(sent)).toMatch(/kept your voice note for our team, but I can't listen to it/);
  const [inbound] = (await messagesOf(waId)).filter((m) => m.direction === 'in');
  expect(inbound.text).toBe('(voice note sent)');
  await h.waitFor(async () => (await mediaRows(inbound.conversation_id)).length === 1, 'the voice note kept');
  expect((await mediaRows(inbound.conversation_id))[0]).toMatchObject({ status: 'stored', content_type: 'audio/ogg', size_bytes: ogg.length });
});
