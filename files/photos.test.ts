/**
 * Photos and files through the real app, kept in an S3 bucket (a local server that verifies every
 * request's SigV4 signature): a photo with its GPS location, camera and time, sent from web chat
 * (the upload route), by MMS (Twilio's media fetched with the account's credentials) and on
 * WhatsApp (the Graph media endpoints), each kept without that metadata, sealed in the bucket,
 * shown to agents, on its case (the case's conversation) and behind Open311's media_url as a
 * short-lived signed link (valid, expired, tampered). Too large, the wrong type or damaged: 4xx
 * with the reason in plain words, recorded, nothing lost. Then key rotation reseals the objects,
 * and erasure and the retention purge delete them from the bucket.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import twilio from 'twilio';
import { purgeExpired } from '../jobs/index.js';
import { caseDetails, createBackofficeKey, createCase, createOpen311Client, findCaseByReference, openCase, parseKeyring, rotateSealedFields, seal, setKeyring, unseal } from '../store/index.js';
import { signedInAgent, type ConsoleClient } from '../test/console-client.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { startGraphStandIn, type GraphStandIn } from '../channels/meta/graph-stand-in.fixture.js';
import { APP_SECRET, PHONE_NUMBER_ID, sign, VERIFY_TOKEN, wamid } from '../channels/meta/whatsapp-harness.fixture.js';
import { startMmsStandIn, type MmsStandIn } from '../channels/twilio/mms-stand-in.fixture.js';
import { startTwilioStandIn, type TwilioStandIn } from '../channels/twilio/twilio-stand-in.fixture.js';
import { caseFiles, moveInlineFiles, openFile, resealStoredFiles, sealedFileKeyId, signedFileUrl, stripMetadata, sweepDeletedFiles } from './index.js';
import { s3Env, startS3StandIn, type S3StandIn } from './s3-stand-in.fixture.js';
import { jpegWithMetadata, PLAIN_PNG, secretsIn } from './test-images.fixture.js';

const COUNCIL_NUMBER = '+441632960100';
const k1 = `k1:${randomBytes(32).toString('base64')}`;
const k2 = `k2:${randomBytes(32).toString('base64')}`;
const PHOTO = jpegWithMetadata(6);
const CLEAN = stripMetadata(PHOTO, 'image/jpeg').bytes;

let s3: S3StandIn;
let graph: GraphStandIn;
let twilioApi: TwilioStandIn;
let mms: MmsStandIn;
let server: TestServer;
let agent: ConsoleClient;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  [s3, graph, twilioApi] = await Promise.all([startS3StandIn(), startGraphStandIn(), startTwilioStandIn()]);
  mms = await startMmsStandIn(twilioApi);
  // The SMS routes read Twilio's settings from the process's environment at each request.
  const twilioEnv = { TWILIO_ACCOUNT_SID: twilioApi.accountSid, TWILIO_AUTH_TOKEN: twilioApi.authToken, TWILIO_FROM: COUNCIL_NUMBER, TWILIO_API_BASE_URL: mms.url };
  for (const [k, v] of Object.entries(twilioEnv)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  server = await startTestServer({
    databaseUrl: undefined,
    dataKeys: k1,
    env: { META_APP_SECRET: APP_SECRET, META_VERIFY_TOKEN: VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN: graph.token, META_GRAPH_BASE_URL: graph.url, ...twilioEnv, ...s3Env(s3, 'residents') },
  });
  agent = (await signedInAgent(server, { roles: ['agent', 'supervisor'] })).client;
}, 120_000);

afterAll(async () => {
  setKeyring(null);
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await server?.close();
  await Promise.all([s3?.close(), graph?.close(), mms?.close(), twilioApi?.close()]);
});

const db = () => server.store.db;

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Row {
  id: string;
  conversation_id: string;
  message_id: string | null;
  channel: string;
  status: string;
  reason: string | null;
  content_type: string;
  size_bytes: number | null;
  storage: string | null;
  object_key: string | null;
  key_id: string | null;
  metadata_removed: string | null;
}
const filesOf = async (conversationId: string) =>
  (await sql<Row>`select id, conversation_id, message_id::text as message_id, channel, status, reason, content_type, size_bytes, storage, object_key, key_id, metadata_removed from media_files where conversation_id = ${conversationId} order by created_at, id`.execute(db())).rows;

/** The bucket's object of a file, as stored. */
const objectOf = (row: Row) => s3.objects.get(`residents/${row.object_key}`);

async function webChat(): Promise<{ id: string; token: string }> {
  const res = await fetch(`${server.url}/api/v1/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: server.tenant, channel: 'webchat' }) });
  const body = (await res.json()) as { conversationId: string; token: string };
  return { id: body.conversationId, token: body.token };
}

function upload(chat: { id: string; token: string }, bytes: Buffer, type: string, name?: string, token = chat.token): Promise<Response> {
  return fetch(`${server.url}/api/v1/conversations/${chat.id}/files${name ? `?name=${encodeURIComponent(name)}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${token}` },
    body: new Uint8Array(bytes),
  });
}

async function transcript(chat: { id: string; token: string }) {
  const res = await fetch(`${server.url}/api/v1/conversations/${chat.id}/messages`, { headers: { authorization: `Bearer ${chat.token}` } });
  return ((await res.json()) as { messages: { direction: string; author: string; text: string }[] }).messages;
}

let sidCounter = 0;
const messageSid = () => `MM${(Date.now().toString(16) + (++sidCounter).toString(16).padStart(8, '0')).padStart(32, '0')}`;

async function text(from: string, body: string, media: { bytes: Buffer; type: string }[] = [], overrideUrl?: string): Promise<void> {
  const sid = messageSid();
  const params: Record<string, string> = { MessageSid: sid, SmsSid: sid, AccountSid: twilioApi.accountSid, From: from, To: COUNCIL_NUMBER, Body: body, NumMedia: String(media.length), NumSegments: '1', FromCountry: 'GB', ApiVersion: '2010-04-01' };
  media.forEach((m, i) => {
    params[`MediaUrl${i}`] = overrideUrl ?? mms.add(sid, m.bytes, m.type);
    params[`MediaContentType${i}`] = m.type;
  });
  const url = `${server.url}/channels/twilio/sms`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(twilioApi.authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
}
const smsTo = (phone: string) => twilioApi.sent.filter((s) => s.to === phone).map((s) => s.body);

async function whatsapp(from: string, content: Record<string, unknown>): Promise<void> {
  const raw = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '200000000000002', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '441632960100', phone_number_id: PHONE_NUMBER_ID }, contacts: [{ profile: { name: 'Test Resident' }, wa_id: from }], messages: [{ from, id: wamid(), timestamp: String(Math.floor(Date.now() / 1000)), ...content }] } }] }],
  });
  const res = await fetch(`${server.url}/channels/meta/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) }, body: raw });
  expect(res.status).toBe(200);
}
const whatsappTo = (waId: string) => graph.sent.filter((s) => s.body.to === waId).map((s) => (s.body.text as { body?: string } | undefined)?.body ?? '');

async function conversationOf(channel: string, tenant = server.tenant): Promise<string> {
  const row = await db().selectFrom('conversations').select('id').where('tenant_id', '=', tenant).where('channel', '=', channel).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  return row.id;
}

/** A case made in a conversation, for its resident (as a flow makes one). */
async function caseFor(conversationId: string) {
  const { contact_id: contactId } = await db().selectFrom('conversations').select('contact_id').where('id', '=', conversationId).executeTakeFirstOrThrow();
  return createCase(db(), {
    tenant: server.tenant,
    referencePrefix: 'MBC',
    serviceId: 'highways.pothole',
    summary: 'Pothole in the road',
    details: { answers: {} },
    location: { kind: 'address', label: '7 Elm Grove, Merebrook, MB2 3CD' },
    team: 'highways',
    targetDate: '2099-12-04',
    contactId,
    conversationId,
    actor: 'assistant',
  } as Parameters<typeof createCase>[1]);
}

/** What the console shows an agent for a file, and the bytes it serves. */
async function asAgent(fileId: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(`${server.url}/api/console/media/${fileId}`, { headers: { cookie: `ca_session=${agent.cookie}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

const conversations: Record<'webchat' | 'sms' | 'whatsapp', string> = { webchat: '', sms: '', whatsapp: '' };

test('web chat: a photo is kept without its location, camera and time, sealed in the bucket, shown to agents, and the resident told', async () => {
  const chat = await webChat();
  conversations.webchat = chat.id;
  const res = await upload(chat, PHOTO, 'image/jpeg', 'IMG_0042.jpg');
  expect(res.status).toBe(201);
  const body = (await res.json()) as { file: Record<string, unknown>; messages: { text: string }[] };
  expect(body.file).toEqual({ id: expect.any(String), kind: 'photo', contentType: 'image/jpeg', size: CLEAN.length, name: 'IMG_0042.jpg', metadataRemoved: ['EXIF (camera make and model, date and time, GPS location)', 'XMP', 'IPTC (APP13)', 'comment'] });
  expect(body.messages).toEqual([{ text: "Thank you for the photo: I've kept it for our team. Please tell me in a message what it's about, and I'll help." }]);

  const [row] = await filesOf(chat.id);
  expect(row).toMatchObject({ id: body.file.id, status: 'stored', channel: 'webchat', storage: 's3', object_key: `${server.tenant}/${row.id}`, key_id: 'k1', size_bytes: CLEAN.length, metadata_removed: 'EXIF (camera make and model, date and time, GPS location), XMP, IPTC (APP13), comment' });
  expect(row.message_id).not.toBeNull();
  // In the bucket: sealed (nothing of the photo readable), every request to it signed and verified.
  const object = objectOf(row)!;
  expect(sealedFileKeyId(object)).toBe('k1');
  expect(object.includes(CLEAN.subarray(0, 64))).toBe(false);
  expect(secretsIn(object)).toEqual([]);
  expect(s3.requests.length).toBeGreaterThan(0);
  expect(s3.requests.every((r) => r.verified)).toBe(true);

  // The resident's message carries the file, as agents see it in the console; they get the photo, clean.
  expect((await transcript(chat)).slice(-2).map((m) => [m.direction, m.text])).toEqual([
    ['in', '(photo sent: IMG_0042.jpg)'],
    ['out', body.messages[0].text],
  ]);
  const view = await agent.call('GET', `/conversations/${chat.id}`);
  expect(view.status).toBe(200);
  const inbound = (view.body.transcript as { direction: string; parts: unknown }[]).filter((m) => m.direction === 'in').at(-1)!;
  const parts = (typeof inbound.parts === 'string' ? JSON.parse(inbound.parts) : inbound.parts) as { attachments: unknown[] };
  expect(parts.attachments).toEqual([{ url: `/api/console/media/${row.id}`, contentType: 'image/jpeg', name: 'IMG_0042.jpg' }]);
  const served = await asAgent(row.id);
  expect([served.status, served.type]).toEqual([200, 'image/jpeg']);
  expect(served.bytes.equals(CLEAN)).toBe(true);
  expect(secretsIn(served.bytes)).toEqual([]);
}, 60_000);

test('web chat: too large, the wrong type or damaged is refused with 4xx and the reason, recorded, and nothing is lost', async () => {
  const chat = await webChat();
  const first = await fetch(`${server.url}/api/v1/conversations/${chat.id}/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.token}` }, body: JSON.stringify({ text: 'hello' }) });
  expect(first.status).toBe(200);
  const before = await transcript(chat);
  const objects = s3.objects.size;

  const big = await upload(chat, Buffer.concat([PHOTO, Buffer.alloc(10 * 1024 * 1024)]), 'image/jpeg', 'huge.jpg');
  expect(big.status).toBe(413);
  expect(big.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await big.json()).toMatchObject({ status: 413, title: 'File too large', detail: "Sorry, I couldn't keep the photo you sent: it is larger than 10 MB.", reason: 'it is larger than 10 MB' });
  const gif = await upload(chat, Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1'), 'image/gif', 'funny.gif');
  expect(gif.status).toBe(415);
  expect((await gif.json()).detail).toBe("Sorry, I couldn't keep the photo you sent: it is a GIF image, and we can only keep photos (JPEG, PNG or WebP) and PDF files.");
  const txt = await upload(chat, Buffer.from('my notes'), 'text/plain', 'notes.txt');
  expect(txt.status).toBe(415);
  expect((await txt.json()).detail).toBe("Sorry, I couldn't keep the file you sent: it is a text file, and we can only keep photos (JPEG, PNG or WebP) and PDF files.");
  const damaged = await upload(chat, Buffer.concat([PHOTO.subarray(0, 20), Buffer.from('garbage')]), 'image/jpeg');
  expect(damaged.status).toBe(422);
  expect((await damaged.json()).detail).toBe("Sorry, I couldn't keep the photo you sent: it looks damaged or incomplete.");
  // Not theirs: no token, another token, no such conversation, a closed one.
  expect((await fetch(`${server.url}/api/v1/conversations/${chat.id}/files`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(PLAIN_PNG) })).status).toBe(401);
  expect((await upload(chat, PLAIN_PNG, 'image/png', undefined, (await webChat()).token)).status).toBe(401);
  expect((await upload({ id: '00000000-0000-4000-8000-000000000000', token: chat.token }, PLAIN_PNG, 'image/png')).status).toBe(404);

  // Each refusal is recorded with its reason; nothing went to the bucket; the conversation is as it was and carries on.
  expect((await filesOf(chat.id)).map((r) => [r.status, r.content_type, r.reason, r.storage])).toEqual([
    ['refused', 'image/jpeg', 'it is larger than 10 MB', null],
    ['refused', 'image/gif', 'it is a GIF image, and we can only keep photos (JPEG, PNG or WebP) and PDF files', null],
    ['refused', 'text/plain', 'it is a text file, and we can only keep photos (JPEG, PNG or WebP) and PDF files', null],
    ['refused', 'image/jpeg', 'it looks damaged or incomplete', null],
  ]);
  expect(s3.objects.size).toBe(objects);
  expect(await transcript(chat)).toEqual(before);
  const next = await upload(chat, PLAIN_PNG, 'image/png', 'map.png');
  expect(next.status).toBe(201);
  await db().updateTable('conversations').set({ state: 'closed' }).where('id', '=', chat.id).execute();
  const closed = await upload(chat, PLAIN_PNG, 'image/png');
  expect([closed.status, (await closed.json()).detail]).toEqual([409, 'This chat has ended. Start a new chat to send a photo or file.']);
}, 60_000);

test('MMS: pictures are fetched from Twilio with the account credentials, kept clean, and the resident told what was kept and what was not', async () => {
  const phone = '+447700900555';
  await text(phone, '', [
    { bytes: PHOTO, type: 'image/jpeg' },
    { bytes: Buffer.from('\u0000\u0000\u0000\u0014ftypqt  \u0000\u0000\u0000\u0000', 'latin1'), type: 'video/quicktime' },
  ]);
  await waitFor(() => smsTo(phone).length >= 2, 'two SMS replies');
  expect(smsTo(phone)).toEqual([
    "Thank you for the photo: I've kept it for our team. Please tell me in a message what it's about, and I'll help.",
    "Sorry, I couldn't keep the file you sent: it is a video, and we can only keep photos (JPEG, PNG or WebP) and PDF files.",
  ]);
  expect(mms.fetches.slice(-2).map((f) => f.authorised)).toEqual([true, true]);
  conversations.sms = await conversationOf('sms');
  const rows = await filesOf(conversations.sms);
  expect(rows.map((r) => [r.channel, r.status, r.content_type, r.storage])).toEqual([
    ['sms', 'stored', 'image/jpeg', 's3'],
    ['sms', 'refused', 'video/quicktime', null],
  ]);
  const opened = await openFile(db(), server.tenant, rows[0].id);
  expect(opened!.data!.equals(CLEAN)).toBe(true);
  expect((await asAgent(rows[0].id)).bytes.equals(CLEAN)).toBe(true);

  // Words with a picture: the turn answers the words, and the picture is the message's.
  await text(phone, 'It is the pothole outside number 7', [{ bytes: PLAIN_PNG, type: 'image/png' }]);
  await waitFor(async () => (await filesOf(conversations.sms)).length === 3, 'the PNG kept');
  await waitFor(() => smsTo(phone).length >= 3, 'the answer');
  const withWords = (await filesOf(conversations.sms))[2];
  const message = await db().selectFrom('messages').select(['text']).where('id', '=', withWords.message_id!).executeTakeFirstOrThrow();
  expect(unseal(message.text)).toBe('It is the pothole outside number 7');

  // A media URL that is not Twilio's is never sent the credentials.
  const fetched = mms.fetches.length;
  await text(phone, '', [{ bytes: PHOTO, type: 'image/jpeg' }], `${s3.url}/elsewhere/ME${'0'.repeat(32)}`);
  await waitFor(() => smsTo(phone).length >= 4, 'the refusal');
  expect(smsTo(phone).at(-1)).toBe("Sorry, I couldn't keep the photo you sent: we could not fetch it from the phone network. Please try sending it again.");
  expect(mms.fetches.length).toBe(fetched);
  expect(s3.requests.filter((r) => r.key.includes('elsewhere'))).toEqual([]);
}, 60_000);

test('WhatsApp: a photo is kept without its metadata, in the same bucket', async () => {
  const waId = '447700900666';
  await whatsapp(waId, { type: 'image', image: { id: graph.media.add(PHOTO, 'image/jpeg'), mime_type: 'image/jpeg' } });
  await waitFor(() => whatsappTo(waId).length >= 1, 'the WhatsApp reply');
  expect(whatsappTo(waId)[0]).toMatch(/^Thank you for the photo/);
  conversations.whatsapp = await conversationOf('whatsapp');
  await waitFor(async () => (await filesOf(conversations.whatsapp)).length === 1, 'the photo kept');
  const [row] = await filesOf(conversations.whatsapp);
  expect(row).toMatchObject({ channel: 'whatsapp', status: 'stored', storage: 's3', key_id: 'k1', size_bytes: CLEAN.length });
  expect(secretsIn(objectOf(row)!)).toEqual([]);
  expect((await asAgent(row.id)).bytes.equals(CLEAN)).toBe(true);
}, 60_000);

test('a photo from the widget, by MMS and on WhatsApp on one case: its files, Open311\'s media_url, back-office links (valid, expired, tampered)', async () => {
  // A pothole reported through Open311 (a FixMyStreet-style client); the same pothole reported again
  // in web chat, by text and on WhatsApp, each report joined to it (case_reports, as street duplicates join them).
  const { key } = await createOpen311Client(db(), server.tenant, 'FixMyStreet');
  const posted = await fetch(`${server.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ jurisdiction_id: server.tenant, api_key: key, service_code: '557', lat: '50.721400', long: '-1.882700', description: 'Deep hole by the bus stop', 'attribute[size]': 'large', 'attribute[position]': 'carriageway', 'attribute[atRisk]': 'no' }).toString(),
  });
  expect(posted.status).toBe(201);
  const [{ service_request_id: reference }] = (await posted.json()) as { service_request_id: string }[];
  const c = (await findCaseByReference(db(), server.tenant, reference))!;
  const before = await fetch(`${server.url}/open311/v2/requests/${reference}.json?jurisdiction_id=${server.tenant}`);
  expect(((await before.json()) as { media_url: unknown }[])[0].media_url).toBeNull();
  for (const channel of ['webchat', 'sms', 'whatsapp'] as const) {
    expect(conversations[channel]).not.toBe('');
    await sql`insert into case_reports (id, tenant_id, case_id, via, actor, conversation_id) values (${randomUUID()}, ${server.tenant}, ${c.id}, 'assistant', 'assistant', ${conversations[channel]})`.execute(db());
  }

  // The case's files: every channel's photo, clean, in the order they came.
  const files = await caseFiles(db(), server.tenant, c.id);
  const photos = files.filter((f) => f.status === 'stored' && f.contentType === 'image/jpeg');
  expect(photos.map((f) => f.channel)).toEqual(['webchat', 'sms', 'whatsapp']);
  for (const f of photos) expect((await openFile(db(), server.tenant, f.id))!.data!.equals(CLEAN)).toBe(true);
  expect(files.filter((f) => f.status === 'refused').map((f) => f.reason)).toContain('it is a video, and we can only keep photos (JPEG, PNG or WebP) and PDF files');

  // Open311 is public: its media_url is a short-lived signed link to the first photo, without its metadata.
  const res = await fetch(`${server.url}/open311/v2/requests/${reference}.json?jurisdiction_id=${server.tenant}`);
  const [request] = (await res.json()) as { media_url: string }[];
  const link = new URL(request.media_url);
  expect(link.pathname).toBe(`/files/v1/${server.tenant}/${photos[0].id}`);
  expect(Number(link.searchParams.get('expires')) - Date.now() / 1000).toBeGreaterThan(3500);
  const photo = await fetch(link);
  expect([photo.status, photo.headers.get('content-type'), photo.headers.get('cross-origin-resource-policy')]).toEqual([200, 'image/jpeg', 'cross-origin']);
  const bytes = Buffer.from(await photo.arrayBuffer());
  expect(bytes.equals(CLEAN)).toBe(true);
  expect(secretsIn(bytes)).toEqual([]);
  const listed = await fetch(`${server.url}/open311/v2/requests.xml?jurisdiction_id=${server.tenant}&service_request_id=${reference}`);
  // A link made a second later expires a second later: compare the file it names.
  const listedUrl = /<media_url>([^<]+)<\/media_url>/.exec(await listed.text())?.[1]?.replace(/&amp;/g, '&');
  expect(listedUrl && new URL(listedUrl).pathname).toBe(link.pathname);

  // The council's back office reads the case with a link to every file (the pull API; the push renders the same JSON).
  const { key: backofficeKey } = await createBackofficeKey(db(), server.tenant, 'Back office', ['cases:read']);
  const read = await fetch(`${server.url}/backoffice/v1/cases/${reference}`, { headers: { authorization: `Bearer ${backofficeKey}` } });
  const mediaUrls = ((await read.json()) as { media_urls: string[] }).media_urls.map((u) => new URL(u));
  expect(mediaUrls.map((u) => [u.origin, u.pathname])).toEqual(files.filter((f) => f.status === 'stored').map((f) => [new URL(server.url).origin, `/files/v1/${server.tenant}/${f.id}`]));
  const viaBackOffice = await fetch(mediaUrls[0]);
  expect(Buffer.from(await viaBackOffice.arrayBuffer()).equals(CLEAN)).toBe(true);

  // A back office's own links: valid for as long as asked, then 403; any change 403; a file no longer kept 404.
  const fresh = signedFileUrl(server.url, server.tenant, photos[1].id, 60);
  expect((await fetch(fresh)).status).toBe(200);
  const expired = await fetch(signedFileUrl(server.url, server.tenant, photos[1].id, 60, Date.now() - 120_000));
  expect([expired.status, (await expired.json()).detail]).toEqual([403, 'This link to the file has expired: ask for a new one.']);
  const url = new URL(fresh);
  const sig = url.searchParams.get('signature')!;
  url.searchParams.set('signature', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
  const tampered = await fetch(url);
  expect([tampered.status, (await tampered.json()).detail]).toEqual([403, 'This link to the file is not valid.']);
  expect((await fetch(fresh.replace(`/files/v1/${server.tenant}/`, '/files/v1/another-council/'))).status).toBe(403);
  expect((await fetch(fresh.replace(photos[1].id, photos[2].id))).status).toBe(403);
  const later = new URL(fresh);
  later.searchParams.set('expires', String(Number(later.searchParams.get('expires')) + 3600));
  expect((await fetch(later)).status).toBe(403);
  expect((await fetch(signedFileUrl(server.url, server.tenant, '00000000-0000-4000-8000-000000000000', 60))).status).toBe(404);
}, 60_000);

test('a photo sent after a case was made joins it, and the resident is told so', async () => {
  const chat = await webChat();
  const c = await caseFor(chat.id);
  const res = await upload(chat, PHOTO, 'image/jpeg');
  expect(((await res.json()) as { messages: { text: string }[] }).messages[0].text).toBe(`Thank you for the photo: I've added it to your report ${c.reference}.`);
  const files = await caseFiles(db(), server.tenant, c.id);
  expect(files.map((f) => f.status)).toEqual(['stored']);
  const row = await db().selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
  expect(caseDetails(openCase(row)).attachments).toEqual([{ url: `/api/console/media/${files[0].id}`, contentType: 'image/jpeg', size: CLEAN.length, sha256: files[0].sha256 }]);
}, 30_000);

test('files kept in the database before the file storage move into the bucket and still open', async () => {
  const id = randomUUID();
  const old = Buffer.from('%PDF-1.4\nan old letter\n%%EOF\n');
  // A row as files were kept before migration 016: the bytes sealed in the row itself.
  await sql`insert into media_files (id, tenant_id, conversation_id, channel, provider_media_id, status, content_type, size_bytes, name, data)
    values (${id}, ${server.tenant}, ${conversations.whatsapp}, 'whatsapp', 'm1', 'stored', 'application/pdf', ${old.length},
      ${seal('messages.parts', 'letter.pdf')}, ${seal('messages.parts', old.toString('base64'))})`.execute(db());
  expect((await openFile(db(), server.tenant, id))!.data!.equals(old)).toBe(true);
  expect(await moveInlineFiles(db())).toBe(1);
  const [row] = (await sql<Row & { data: string | null }>`select object_key, storage, key_id, data from media_files where id = ${id}`.execute(db())).rows;
  expect(row).toMatchObject({ object_key: `${server.tenant}/${id}`, storage: 's3', key_id: 'k1', data: null });
  expect(sealedFileKeyId(objectOf(row)!)).toBe('k1');
  expect((await openFile(db(), server.tenant, id))!.data!.equals(old)).toBe(true);
  expect(await moveInlineFiles(db())).toBe(0);
});

test('rotate-keys reseals the objects; erasure and the retention purge delete them from the bucket', async () => {
  const stored = (await sql<Row>`select id, object_key, key_id, conversation_id from media_files where tenant_id = ${server.tenant} and status = 'stored'`.execute(db())).rows;
  expect(stored.length).toBeGreaterThanOrEqual(5);
  // npm run rotate-keys: the database's sealed fields, then the stored files.
  setKeyring(parseKeyring(`${k2},${k1}`));
  await rotateSealedFields(db());
  expect(await resealStoredFiles(db())).toEqual({ rewritten: stored.length, missing: 0 });
  expect(await resealStoredFiles(db())).toEqual({ rewritten: 0, missing: 0 });
  setKeyring(parseKeyring(k2)); // k1 gone: every file still opens
  for (const row of stored) {
    expect(sealedFileKeyId(objectOf(row)!)).toBe('k2');
    const opened = await openFile(db(), server.tenant, row.id);
    expect(opened!.data!.length).toBeGreaterThan(0);
  }
  expect(new Set((await sql<{ key_id: string }>`select key_id from media_files where tenant_id = ${server.tenant} and status = 'stored'`.execute(db())).rows.map((r) => r.key_id))).toEqual(new Set(['k2']));

  // Erasure of the texter: their files leave the bucket as their conversation goes.
  const admin = (await signedInAgent(server, { roles: ['admin'] as never })).client;
  const smsObjects = (await filesOf(conversations.sms)).filter((r) => r.object_key).map((r) => `residents/${r.object_key}`);
  expect(smsObjects.every((k) => s3.objects.has(k))).toBe(true);
  const search = await admin.call('POST', '/subject-access/search', { by: 'phone', value: '07700 900555' });
  const contactId = search.body.matches[0]?.contactId as string;
  const erased = await admin.call('POST', '/subject-access/erase', { contactIds: [contactId], reason: 'The resident asked us to erase their data', confirm: 'ERASE' });
  expect(erased.status).toBe(200);
  expect(erased.body.counts).toMatchObject({ mediaFiles: 4 });
  expect(smsObjects.filter((k) => s3.objects.has(k))).toEqual([]);
  expect((await sql<{ n: number }>`select count(*)::int as n from file_deletions`.execute(db())).rows[0].n).toBe(0);

  // Years on, the retention purge: every conversation goes, and so does every object.
  const retention = server.assistant.runtime(server.tenant).pack.settings.retention;
  const purged = await purgeExpired(server.store, server.tenant, retention, new Date(Date.now() + 10 * 365 * 24 * 3600_000));
  expect(purged.conversations).toBeGreaterThan(0);
  expect((await sql<{ n: number }>`select count(*)::int as n from media_files where tenant_id = ${server.tenant}`.execute(db())).rows[0].n).toBe(0);
  expect((await sql<{ n: number }>`select count(*)::int as n from file_deletions`.execute(db())).rows[0].n).toBeGreaterThan(0);
  await sweepDeletedFiles(db());
  expect([...s3.objects.keys()].filter((k) => k.startsWith(`residents/${server.tenant}/`))).toEqual([]);
  expect(s3.requests.every((r) => r.verified)).toBe(true);
}, 90_000);
