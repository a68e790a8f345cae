/**
 * Photos and files on Messenger and Instagram through the real app: attachments served by the
 * stand-in CDN (messenger-stand-in.fixture.ts, over http as the test base allows) are fetched once,
 * kept with their metadata (EXIF, GPS) stripped, shown to an agent, put on the conversation's case,
 * and the resident told what is true; a video is refused with the reason; a redelivered webhook keeps
 * nothing twice; a failed download or a link that is not https is told honestly.
 */
import { consoleFileUrl, openFile } from '../../files/index.js';
import { jpegWithMetadata, plainJpeg, secretsIn } from '../../files/test-images.fixture.js';
import { caseDetails, createCase, openCase } from '../../store/index.js';
import { signedInAgent } from '../../test/console-client.js';
import { fetchableUrl } from './messenger-media.js';
import type { SendApiRequest } from './messenger-stand-in.fixture.js';
import { mid, newUserId, startMessengerHarness, type MessengerHarness, type Platform } from './messenger-harness.fixture.js';

let h: MessengerHarness;

beforeAll(async () => {
  h = await startMessengerHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const db = () => h.server.store.db;
const parts = (row: { parts: unknown }) => (typeof row.parts === 'string' ? JSON.parse(row.parts) : row.parts) as Record<string, any>;
const shown = (sent: SendApiRequest[]) => sent.map((s) => (s.body.message as { text?: string }).text ?? '').join('\n');
const cdnUrl = (path: string) => `${h.graph.url}${path}`;

async function inboundOf(platform: Platform, userId: string) {
  return db()
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .selectAll('messages')
    .where('messages.tenant_id', '=', h.server.tenant)
    .where('conversations.channel', '=', platform)
    .where('conversations.channel_user_id', '=', userId)
    .where('messages.direction', '=', 'in')
    .orderBy('messages.id')
    .execute();
}

const mediaRows = (conversationId: string) =>
  db().selectFrom('media_files' as never).select(['id', 'status', 'reason', 'content_type', 'channel'] as never[]).where('conversation_id' as never, '=', conversationId as never).orderBy('created_at' as never).execute() as Promise<
    { id: string; status: string; reason: string | null; content_type: string; channel: string }[]
  >;

const attachmentEvent = (platform: Platform, from: string, attachments: { type: string; url: string }[], text?: string) =>
  h.event(platform, from, { message: { mid: mid(), ...(text ? { text } : {}), attachments: attachments.map((a) => ({ type: a.type, payload: { url: a.url } })) } });

describe.each(['messenger', 'instagram'] as const)('%s', (platform) => {
  test('a photo is fetched once, kept without its EXIF and GPS, shown to agents; a redelivery keeps nothing twice', async () => {
    const user = newUserId();
    const photo = jpegWithMetadata(6);
    expect(secretsIn(photo).length).toBeGreaterThan(0);
    // Served through a redirect, as Meta's lookaside links are.
    const path = h.graph.messenger.cdn.add(photo, 'image/jpeg', { redirects: 1 });
    const event = attachmentEvent(platform, user, [{ type: 'image', url: cdnUrl(path) }]);
    expect((await h.post(h.envelope(platform, [event]))).status).toBe(200);
    await h.waitFor(() => h.sentTo(user).length === 1, 'the reply to the photo');
    await h.settle();
    expect(shown(h.sentTo(user))).toBe("Thank you for the photo: I've kept it for our team. Please tell me in a message what it's about, and I'll help.");

    const [inbound] = await inboundOf(platform, user);
    expect(inbound.text).toBe('(image sent)');
    const [row] = await mediaRows(inbound.conversation_id);
    expect(row).toMatchObject({ status: 'stored', content_type: 'image/jpeg', channel: platform });
    expect(parts(inbound).attachments).toEqual([{ url: consoleFileUrl(row.id), contentType: 'image/*' }]);
    const kept = await openFile(db(), h.server.tenant, row.id);
    expect(kept!.data!.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(secretsIn(kept!.data!)).toEqual([]);
    expect(h.graph.messenger.cdn.hits.get(path)).toBe(1);

    // An agent opens it from the console as it was kept.
    const { client } = await signedInAgent(h.server, { roles: ['agent', 'supervisor'] });
    const res = await fetch(`${h.server.url}${consoleFileUrl(row.id)}`, { headers: { cookie: `ca_session=${client.cookie}` } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(kept!.data!)).toBe(true);

    // Meta delivers the same webhook again: nothing fetched, kept or said twice.
    expect((await h.post(h.envelope(platform, [event]))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    await h.settle();
    expect(h.graph.messenger.cdn.hits.get(path)).toBe(1);
    expect(await mediaRows(inbound.conversation_id)).toHaveLength(1);
    expect(await inboundOf(platform, user)).toHaveLength(1);
    expect(h.sentTo(user)).toHaveLength(1);
  });

  test('a video is refused with the reason, without fetching it; a photo beside it is kept and goes onto the case', async () => {
    const user = newUserId();
    await h.say(platform, user, h.text('hello'));
    const [first] = await inboundOf(platform, user);
    const conversationId = first.conversation_id;
    const c = await createCase(db(), { tenant: h.server.tenant, referencePrefix: 'MBC', serviceId: 'highways.pothole', summary: 'Pothole', details: {}, location: null, conversationId, actor: 'test' });
    const video = h.graph.messenger.cdn.add(Buffer.from('not really a video'), 'video/mp4');
    const photo = h.graph.messenger.cdn.add(plainJpeg(`${platform}-case`), 'image/jpeg');
    const before = h.sentTo(user).length;
    await h.post(h.envelope(platform, [attachmentEvent(platform, user, [{ type: 'video', url: cdnUrl(video) }, { type: 'image', url: cdnUrl(photo) }])]));
    await h.waitFor(() => h.sentTo(user).length >= before + 2, 'the replies to the video and the photo');
    await h.settle();
    const said = shown(h.sentTo(user).slice(before));
    expect(said).toContain(`Thank you for the photo: I've added it to your report ${c.reference}.`);
    expect(said).toContain("Sorry, I couldn't keep the file you sent: it is a video, and we can only keep photos (JPEG, PNG or WebP) and PDF files.");
    expect(h.graph.messenger.cdn.hits.get(video)).toBeUndefined();
    const rows = await mediaRows(conversationId);
    expect(rows.map((r) => r.status).sort()).toEqual(['refused', 'stored']);
    const stored = rows.find((r) => r.status === 'stored')!;
    const again = openCase(await db().selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow());
    expect(caseDetails(again).attachments).toEqual([expect.objectContaining({ url: consoleFileUrl(stored.id), contentType: 'image/jpeg' })]);
  });

  test('a download that fails, or a link that is not https, is told honestly', async () => {
    const user = newUserId();
    const gone = h.graph.messenger.cdn.add(plainJpeg('gone'), 'image/jpeg', { status: 404 });
    let sent = await h.say(platform, user, { message: { mid: mid(), attachments: [{ type: 'image', payload: { url: cdnUrl(gone) } }] } });
    const display = platform === 'messenger' ? 'Messenger' : 'Instagram';
    expect(shown(sent)).toBe(`Sorry, I couldn't keep the photo you sent: we could not fetch it from ${display}. Please try sending it again.`);
    // Plain http elsewhere than the configured test base is never fetched.
    sent = await h.say(platform, user, { message: { mid: mid(), attachments: [{ type: 'file', payload: { url: 'http://203.0.113.9/doc.pdf' } }] } });
    expect(shown(sent)).toBe(`Sorry, I couldn't keep the file you sent: we could not fetch it from ${display}. Please try sending it again.`);
    const [inbound] = await inboundOf(platform, user);
    expect((await mediaRows(inbound.conversation_id)).map((r) => r.status)).toEqual(['refused', 'refused']);
  });
});

test('words with a photo are a turn, and the photo is kept with them without a second reply', async () => {
  const user = newUserId();
  const path = h.graph.messenger.cdn.add(plainJpeg('with-words'), 'image/jpeg');
  const sent = await h.say('messenger', user, { message: { mid: mid(), text: 'hello', attachments: [{ type: 'image', payload: { url: cdnUrl(path) } }] } });
  expect(shown(sent)).not.toMatch(/Thank you for the photo|couldn't keep/);
  const [inbound] = await inboundOf('messenger', user);
  expect(inbound.text).toBe('hello');
  await h.waitFor(async () => (await mediaRows(inbound.conversation_id)).some((r) => r.status === 'stored'), 'the photo kept');
  expect(parts(inbound).attachments).toEqual([{ url: consoleFileUrl((await mediaRows(inbound.conversation_id))[0].id), contentType: 'image/*' }]);
});

test('only https links are fetched in production; http only on the configured test base', () => {
  const production = 'https://graph.facebook.com';
  expect(fetchableUrl('https://scontent.xx.fbcdn.net/v/t1/p.jpg?_nc_sig=1', production)).not.toBeNull();
  expect(fetchableUrl('http://scontent.xx.fbcdn.net/v/t1/p.jpg', production)).toBeNull();
  expect(fetchableUrl('http://graph.facebook.com/x', production)).toBeNull();
  expect(fetchableUrl('file:///etc/passwd', production)).toBeNull();
  expect(fetchableUrl('https://user:pw@cdn.example/x', production)).toBeNull();
  expect(fetchableUrl('http://127.0.0.1:4020/cdn/x', 'http://127.0.0.1:4020')).not.toBeNull();
  expect(fetchableUrl('http://127.0.0.1:4021/cdn/x', 'http://127.0.0.1:4020')).toBeNull();
});
