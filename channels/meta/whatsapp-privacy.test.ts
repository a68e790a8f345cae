/**
 * Files residents send on WhatsApp under the privacy rules (issue 12; migration 013 media_files),
 * through the real app: a subject access export lists the resident's files (kind, size, SHA-256,
 * name) and an admin downloads each by its id; key rotation reseals the kept files (in the file
 * storage, files/) and their names under the new key, after which they still open with the old key
 * gone; erasure deletes them with the conversation (and counts them) and from the file storage; so
 * does the retention purge, with the sweep. The server has a store of its
 * own (in-memory PGlite), as rotation rewrites every row it holds.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { purgeExpired } from '../../jobs/index.js';
import { memoryFileStorage, resealStoredFiles, sealedFileKeyId, sweepDeletedFiles } from '../../files/index.js';
import { parseKeyring, rotateSealedFields, setKeyring } from '../../store/index.js';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { startTestServer, type TestServer } from '../../test/server.js';
import { startGraphStandIn, type GraphStandIn } from './graph-stand-in.fixture.js';
import { APP_SECRET, postMetaWebhook, VERIFY_TOKEN, whatsappMessage } from './whatsapp-harness.fixture.js';

const k1 = `k1:${randomBytes(32).toString('base64')}`;
const k2 = `k2:${randomBytes(32).toString('base64')}`;
let graph: GraphStandIn;
let server: TestServer;
let admin: ConsoleClient;

beforeAll(async () => {
  graph = await startGraphStandIn();
  server = await startTestServer({
    databaseUrl: undefined,
    dataKeys: k1,
    env: { META_APP_SECRET: APP_SECRET, META_VERIFY_TOKEN: VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN: graph.token, META_GRAPH_BASE_URL: graph.url },
  });
  admin = (await signedInAgent(server, { roles: ['admin'] as never })).client;
}, 120_000);
afterAll(async () => {
  setKeyring(null);
  await server?.close();
  await graph?.close();
});

const db = () => server.store.db;

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function say(from: string, content: Record<string, unknown>): Promise<void> {
  const res = await postMetaWebhook(server.url, whatsappMessage(from, content));
  expect(res.status).toBe(200);
}

const objectKeys = async () => (await sql<{ object_key: string }>`select object_key from media_files where tenant_id = ${server.tenant} and object_key is not null`.execute(db())).rows.map((r) => r.object_key);
const keptFiles = async () => (await sql<{ n: number }>`select count(*)::int as n from media_files where tenant_id = ${server.tenant} and status = 'stored'`.execute(db())).rows[0].n;

const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A resident who sent a photo and a PDF letter, both kept. */
async function residentWithFiles(waId: string): Promise<void> {
  const before = await keptFiles();
  await say(waId, { type: 'text', text: { body: 'hello' } });
  await waitFor(() => graph.sent.some((s) => s.body.to === waId), 'the answer');
  await say(waId, { type: 'image', image: { id: graph.media.add(PHOTO, 'image/jpeg'), mime_type: 'image/jpeg' } });
  await say(waId, { type: 'document', document: { id: graph.media.add(PDF, 'application/pdf'), mime_type: 'application/pdf', filename: 'council-tax letter.pdf' } });
  await waitFor(async () => (await keptFiles()) === before + 2, 'both files kept');
}

async function download(path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: `ca_session=${admin.cookie}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

test('subject access lists the files a resident sent and gives each; rotation reseals them; erasure deletes them', async () => {
  const waId = '447700966001';
  await residentWithFiles(waId);
  const search = await admin.call('POST', '/subject-access/search', { by: 'phone', value: '07700 966001' });
  expect(search.status).toBe(200);
  const contactId = search.body.matches[0]?.contactId as string;
  expect(contactId).toBeTruthy();

  const exported = await admin.call('GET', `/subject-access/export?contacts=${contactId}&format=json`);
  expect(exported.status).toBe(200);
  const files = exported.body.record.mediaFiles as Record<string, any>[];
  expect(files).toHaveLength(2);
  expect(files.map((f) => [f.channel, f.status, f.content_type, f.size_bytes, f.name])).toEqual([
    ['whatsapp', 'stored', 'image/jpeg', PHOTO.length, null],
    ['whatsapp', 'stored', 'application/pdf', PDF.length, 'council-tax letter.pdf'],
  ]);
  expect(files[0].download).toBe(`/api/console/subject-access/files/${files[0].id}?contacts=${contactId}`);
  const photo = await download(files[0].download);
  expect(photo).toMatchObject({ status: 200, type: 'image/jpeg' });
  expect(photo.bytes.equals(PHOTO)).toBe(true);
  // Only the subject's own files, and only for admins.
  expect((await download(`/api/console/subject-access/files/${files[0].id}?contacts=someone-else`)).status).toBe(404);
  const agent = (await signedInAgent(server)).client;
  expect((await fetch(`${server.url}${files[0].download}`, { headers: { cookie: `ca_session=${agent.cookie}` } })).status).toBe(403);
  const html = await fetch(`${server.url}/api/console/subject-access/export?contacts=${contactId}&format=html`, { headers: { cookie: `ca_session=${admin.cookie}` } });
  const page = await html.text();
  expect(page).toMatch(/Files they sent \(photos, documents, voice notes\) <span class="count">\(2\)<\/span>/);
  expect(page).toContain(`<a href="/api/console/subject-access/files/${files[1].id}?contacts=${contactId}">Download the file</a>`);
  const audited = await sql<{ n: number }>`select count(*)::int as n from audit_events where tenant_id = ${server.tenant} and action = 'subject_access.file'`.execute(db());
  expect(audited.rows[0].n).toBe(1);

  // Rotation: k2 current, k1 still held; every kept file (in the file storage, files/) and its name is resealed under k2.
  const sealedUnder = async (id: string) => {
    const rows = (await sql<{ name: string | null; object_key: string; key_id: string }>`select name, object_key, key_id from media_files where tenant_id = ${server.tenant} and status = 'stored'`.execute(db())).rows;
    return (
      rows.length === 2 &&
      rows.every((r) => r.key_id === id && sealedFileKeyId(memoryFileStorage().objects.get(r.object_key)!) === id && (r.name === null || r.name.startsWith(`enc:v1:${id}:`)))
    );
  };
  expect(await sealedUnder('k1')).toBe(true);
  setKeyring(parseKeyring(`${k2},${k1}`));
  const counts = await rotateSealedFields(db(), { batchSize: 1 });
  expect([counts['media_files.data'], counts['media_files.name']]).toEqual([0, 1]);
  expect(await resealStoredFiles(db())).toEqual({ rewritten: 2, missing: 0 });
  expect(await sealedUnder('k2')).toBe(true);
  const again = await rotateSealedFields(db());
  expect([again['media_files.data'], again['media_files.name']]).toEqual([0, 0]);
  expect(await resealStoredFiles(db())).toEqual({ rewritten: 0, missing: 0 });
  // With k1 gone the files still open.
  setKeyring(parseKeyring(k2));
  const letter = await download(files[1].download);
  expect(letter.status).toBe(200);
  expect(letter.bytes.equals(PDF)).toBe(true);

  // Erasure: the files go with the conversation, and the erasure record counts them.
  const stored = await objectKeys();
  expect(stored).toHaveLength(2);
  const erased = await admin.call('POST', '/subject-access/erase', { contactIds: [contactId], reason: 'The resident asked us to erase their data', confirm: 'ERASE' });
  expect(erased.status).toBe(200);
  expect(erased.body.counts).toMatchObject({ mediaFiles: 2 });
  expect(await keptFiles()).toBe(0);
  expect((await download(files[0].download)).status).toBe(404);
  // …and leave the file storage with them.
  expect(stored.filter((k) => memoryFileStorage().objects.has(k))).toEqual([]);
}, 90_000);

test('the retention purge deletes kept files with their conversation, and the sweep takes them out of the file storage', async () => {
  await residentWithFiles('447700966002');
  expect(await keptFiles()).toBe(2);
  const stored = await objectKeys();
  expect(stored.every((k) => memoryFileStorage().objects.has(k))).toBe(true);
  const retention = server.assistant.runtime(server.tenant).pack.settings.retention;
  // Years on: every conversation of the council is past its period.
  const purged = await purgeExpired(server.store, server.tenant, retention, new Date(Date.now() + 10 * 365 * 24 * 3600_000));
  expect(purged.conversations).toBeGreaterThan(0);
  expect((await sql<{ n: number }>`select count(*)::int as n from media_files where tenant_id = ${server.tenant}`.execute(db())).rows[0].n).toBe(0);
  expect(await sweepDeletedFiles(db())).toEqual({ deleted: 2, failed: 0 });
  expect(stored.filter((k) => memoryFileStorage().objects.has(k))).toEqual([]);
}, 60_000);
