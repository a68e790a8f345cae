/**
 * Call recordings end to end against the Twilio stand-in (issue 14, item 3): the status callback
 * stored (signed, idempotent, bad input refused), playback and export through the server with
 * the need-to-know rule and audit, deletion at Twilio by retention and erasure (with a retry
 * after a 500, a 404 counting as deleted), and the recording paused around the payment line.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { InProcessQueue, purgeExpired } from '../../../jobs/index.js';
import { auditTrail, createHandoff, eraseSubject, gatherSubject } from '../../../store/index.js';
import { signedInAgent, type ConsoleClient } from '../../../test/console-client.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { startTwilioStandIn, type TwilioStandIn } from '../twilio-stand-in.fixture.js';
import { postSigned, TwilioCall, ACCOUNT_SID } from './twilio-sim.js';
import { findAll, type XmlElement } from './xml.js';
import { registerRecordingJobs, restClientFrom } from './recordings.js';

const PAYMENT_LINE = '+441632960400';
const AUDIO = Buffer.concat([Buffer.from('ID3'), randomBytes(4000)]);
let twilioApi: TwilioStandIn;
let server: TestServer;
let supervisor: ConsoleClient;
let supervisorId: string;
let wasteAgent: ConsoleClient;
let outsider: ConsoleClient;
const savedEnv: Record<string, string | undefined> = {};
let nextNumber = 200;
const mobile = () => `+4477009${String(nextNumber++).padStart(5, '0')}`;
const recordingSid = () => `RE${randomBytes(16).toString('hex')}`;
const db = () => server.store.db;

beforeAll(async () => {
  twilioApi = await startTwilioStandIn();
  const env = { TWILIO_ACCOUNT_SID: twilioApi.accountSid, TWILIO_AUTH_TOKEN: twilioApi.authToken, TWILIO_FROM: '+441632960100', TWILIO_API_BASE_URL: twilioApi.url };
  for (const [k, v] of Object.entries(env)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  // The demo pack with a payment line (it records calls already).
  const tenant = `rec-${randomBytes(4).toString('hex')}`;
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  fs.cpSync(path.resolve('content/demo'), path.join(contentDir, tenant), { recursive: true });
  const settings = path.join(contentDir, tenant, 'settings.yaml');
  fs.writeFileSync(
    settings,
    fs
      .readFileSync(settings, 'utf8')
      .replace(/^tenant: demo$/m, `tenant: ${tenant}`)
      .replace(/^ {4}recordCalls: true$/m, `    recordCalls: true\n    paymentLine: "${PAYMENT_LINE}"`),
  );
  server = await startTestServer({ contentDir, env });
  const sup = await signedInAgent(server, { roles: ['agent', 'supervisor'], skills: [] });
  supervisor = sup.client;
  supervisorId = sup.agentId;
  wasteAgent = (await signedInAgent(server, { skills: ['waste'] })).client;
  outsider = (await signedInAgent(server, { skills: ['highways'] })).client;
}, 120_000);

afterAll(async () => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await server?.close();
  await twilioApi?.close();
});

/** A call answered by the assistant: its conversation id and the recording callback URL the TwiML gave. */
async function startCall(): Promise<{ call: TwilioCall; conversationId: string; callback: string; recording: XmlElement }> {
  const call = new TwilioCall(server.url, mobile(), twilioApi.authToken);
  const r = await call.start();
  expect(r.status).toBe(200);
  const recording = findAll(r.root!, 'Recording')[0];
  const callback = recording.attributes.recordingStatusCallback;
  const conversationId = new URL(callback, server.url).searchParams.get('c')!;
  return { call, conversationId, callback, recording };
}

function recordingCallback(callback: string, params: Record<string, string>, token = twilioApi.authToken) {
  return postSigned(`${server.url}${callback}`, { AccountSid: ACCOUNT_SID, RecordingSource: 'StartCallRecordingTwiML', RecordingTrack: 'both', ...params }, token);
}

const rowsOf = async (sid: string) =>
  (await sql<{ id: string; status: string; duration_seconds: number | null; channels: number | null; conversation_id: string | null; updated_at: Date; delete_requested_at: Date | null; delete_attempts: number }>`
    select id, status, duration_seconds, channels, conversation_id, updated_at, delete_requested_at, delete_attempts from call_recordings where recording_sid = ${sid}`.execute(db())).rows;

async function completedRecording(): Promise<{ call: TwilioCall; conversationId: string; sid: string; id: string }> {
  const { call, conversationId, callback } = await startCall();
  const sid = recordingSid();
  twilioApi.recordings.set(sid, AUDIO);
  const done = await recordingCallback(callback, {
    CallSid: call.callSid,
    RecordingSid: sid,
    RecordingStatus: 'completed',
    RecordingDuration: '42',
    RecordingChannels: '2',
    RecordingStartTime: new Date().toUTCString(),
    RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/${sid}`,
  });
  expect(done.status).toBe(204);
  return { call, conversationId, sid, id: (await rowsOf(sid))[0].id };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('the Start Recording TwiML asks Twilio for status callbacks at our signed route', async () => {
  const { recording, conversationId, callback } = await startCall();
  expect(recording.attributes).toMatchObject({
    channels: 'dual',
    recordingStatusCallbackMethod: 'POST',
    recordingStatusCallbackEvent: 'in-progress completed absent',
  });
  expect(callback).toMatch(/^\/channels\/twilio\/voice\/recording-status\?/);
  expect(new URL(callback, server.url).searchParams.get('t')).toBe(server.tenant);
  expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
});

test('a recording status callback is stored once per status, refused unsigned, and a bad one is a 400', async () => {
  const { call, conversationId, callback } = await startCall();
  const sid = recordingSid();
  const base = { CallSid: call.callSid, RecordingSid: sid };

  const unsigned = await fetch(`${server.url}${callback}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...base, RecordingStatus: 'in-progress' }).toString() });
  expect(unsigned.status).toBe(403);
  expect(await recordingCallback(callback, { ...base, RecordingStatus: 'in-progress' }, 'not-the-token').then((r) => r.status)).toBe(403);
  expect(await rowsOf(sid)).toHaveLength(0);

  expect((await recordingCallback(callback, { ...base, RecordingStatus: 'in-progress', RecordingStartTime: 'Thu, 03 Dec 2026 10:00:00 +0000', RecordingChannels: '2' })).status).toBe(204);
  let rows = await rowsOf(sid);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: 'in-progress', conversation_id: conversationId, channels: 2 });

  // Twilio retries: the same status again changes nothing.
  const first = rows[0].updated_at.getTime();
  expect((await recordingCallback(callback, { ...base, RecordingStatus: 'in-progress' })).status).toBe(204);
  expect((await rowsOf(sid))[0].updated_at.getTime()).toBe(first);

  expect((await recordingCallback(callback, { ...base, RecordingStatus: 'completed', RecordingDuration: '61' })).status).toBe(204);
  rows = await rowsOf(sid);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: 'completed', duration_seconds: 61, channels: 2 });
  // A repeat of completed, and a late in-progress, leave it as it is.
  const completedAt = rows[0].updated_at.getTime();
  expect((await recordingCallback(callback, { ...base, RecordingStatus: 'completed', RecordingDuration: '61' })).status).toBe(204);
  expect((await recordingCallback(callback, { ...base, RecordingStatus: 'in-progress' })).status).toBe(204);
  rows = await rowsOf(sid);
  expect(rows[0].status).toBe('completed');
  expect(rows[0].updated_at.getTime()).toBe(completedAt);

  // Malformed: 400 with the reason, and nothing stored or changed.
  const badSid = await recordingCallback(callback, { CallSid: call.callSid, RecordingSid: 'RE123', RecordingStatus: 'completed' });
  expect(badSid.status).toBe(400);
  expect(JSON.parse(badSid.body).detail).toMatch(/RecordingSid/);
  const other = recordingSid();
  expect((await recordingCallback(callback, { CallSid: call.callSid, RecordingSid: other, RecordingStatus: 'paused-ish' })).status).toBe(400);
  expect((await recordingCallback(callback, { CallSid: call.callSid, RecordingSid: other, RecordingStatus: 'completed', RecordingDuration: 'long' })).status).toBe(400);
  const wrongCouncil = callback.replace(/t=[^&]+/, 't=nowhere');
  expect((await recordingCallback(wrongCouncil, { CallSid: call.callSid, RecordingSid: other, RecordingStatus: 'completed' })).status).toBe(400);
  expect(await rowsOf(other)).toHaveLength(0);

  // Another call's CallSid against this conversation: kept (nothing lost), but not linked to it.
  const stray = recordingSid();
  expect((await recordingCallback(callback, { CallSid: `CA${randomBytes(16).toString('hex')}`, RecordingSid: stray, RecordingStatus: 'completed' })).status).toBe(204);
  expect((await rowsOf(stray))[0]).toMatchObject({ status: 'completed', conversation_id: null });
});

test('recordings are played through the server only, to those who may open the conversation, and every play is audited', async () => {
  const { conversationId, sid, id } = await completedRecording();
  // The caller waits for the waste team.
  await createHandoff(db(), { tenant: server.tenant, conversationId, reason: 'resident_request', priority: 'normal', queue: 'waste', summary: 'Reason: missed bin.', context: { channel: 'voice' } });

  // An agent whose skills do not serve the queue: as if nothing existed.
  expect((await outsider.call('GET', `/conversations/${conversationId}/recordings`)).status).toBe(404);
  const refused = await fetch(`${server.url}/api/console/recordings/${id}/audio`, { headers: { cookie: `ca_session=${outsider.cookie}` } });
  expect(refused.status).toBe(404);

  const list = await supervisor.call('GET', `/conversations/${conversationId}/recordings`);
  expect(list.status).toBe(200);
  expect(list.body.recordings).toEqual([expect.objectContaining({ id, status: 'completed', durationSeconds: 42, channels: 2, audio: `/api/console/recordings/${id}/audio` })]);
  expect(list.body.canExport).toBe(true);
  // No Twilio address or id reaches the browser.
  expect(JSON.stringify(list.body)).not.toMatch(/twilio|RE[0-9a-f]{32}/i);

  const played = await fetch(`${server.url}/api/console/recordings/${id}/audio`, { headers: { cookie: `ca_session=${supervisor.cookie}` } });
  expect(played.status).toBe(200);
  expect(played.headers.get('content-type')).toBe('audio/mpeg');
  expect(played.headers.get('cache-control')).toMatch(/no-store/);
  expect(played.headers.get('content-disposition')).toBeNull();
  expect(Buffer.from(await played.arrayBuffer()).equals(AUDIO)).toBe(true);
  const fetched = twilioApi.recordingRequests.filter((r) => r.path.endsWith(`/Recordings/${sid}.mp3`));
  expect(fetched.at(-1)).toMatchObject({ method: 'GET', status: 200 });

  // Seeking: a range is passed to Twilio and answered 206.
  const ranged = await fetch(`${server.url}/api/console/recordings/${id}/audio`, { headers: { cookie: `ca_session=${wasteAgent.cookie}`, range: 'bytes=100-199' } });
  expect(ranged.status).toBe(206);
  expect(ranged.headers.get('content-range')).toBe(`bytes 100-199/${AUDIO.length}`);
  expect(Buffer.from(await ranged.arrayBuffer()).equals(AUDIO.subarray(100, 200))).toBe(true);

  // An agent may play but not export; a supervisor exports with a file name, audited as an export.
  const agentExport = await fetch(`${server.url}/api/console/recordings/${id}/audio?download=1`, { headers: { cookie: `ca_session=${wasteAgent.cookie}` } });
  expect(agentExport.status).toBe(403);
  const exported = await fetch(`${server.url}/api/console/recordings/${id}/audio?download=1`, { headers: { cookie: `ca_session=${supervisor.cookie}` } });
  expect(exported.status).toBe(200);
  expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="call-recording-\d{4}-\d{2}-\d{2}-RE[0-9a-f]{32}\.mp3"$/);
  expect(Buffer.from(await exported.arrayBuffer()).equals(AUDIO)).toBe(true);

  const audit = (await auditTrail(db(), server.tenant, 'conversation', conversationId)).filter((a) => a.action.startsWith('recording.'));
  expect(audit.map((a) => a.action)).toEqual(['recording.played', 'recording.exported']);
  expect(audit[0]).toMatchObject({ actorType: 'agent', actorId: supervisorId });
  expect(audit[0].detail).toMatchObject({ recordingId: id, recordingSid: sid });

  // Twilio failing: a clear 502, nothing audited as played.
  twilioApi.failNext(500);
  const failed = await fetch(`${server.url}/api/console/recordings/${id}/audio`, { headers: { cookie: `ca_session=${supervisor.cookie}` } });
  expect(failed.status).toBe(502);
  expect(((await failed.json()) as { title: string }).title).toBe('Recording unavailable');
  expect((await auditTrail(db(), server.tenant, 'conversation', conversationId)).filter((a) => a.action.startsWith('recording.'))).toHaveLength(2);
});

test('erasure lists the recordings, then deletes them at Twilio (retried after a 500) and their rows', async () => {
  const { conversationId, sid, id } = await completedRecording();
  const contactId = (await sql<{ contact_id: string }>`select contact_id from conversations where id = ${conversationId}`.execute(db())).rows[0].contact_id;
  const record = await gatherSubject(db(), server.tenant, { contactIds: [contactId], caseIds: [] });
  expect(record.callRecordings).toEqual([expect.objectContaining({ id, recording_sid: sid, status: 'completed', duration_seconds: 42 })]);

  const erased = await db().transaction().execute((trx) => eraseSubject(trx, server.tenant, { contactIds: [contactId], caseIds: [] }, { agentId: supervisorId, agentName: 'DPO' }, 'Resident asked'));
  expect(erased.counts.callRecordings).toBe(1);
  const marked = await rowsOf(sid);
  expect(marked[0].conversation_id).toBeNull();
  expect(marked[0].delete_requested_at).not.toBeNull();
  // Marked: no longer playable.
  expect((await fetch(`${server.url}/api/console/recordings/${id}/audio`, { headers: { cookie: `ca_session=${supervisor.cookie}` } })).status).toBe(404);

  const jobs = new InProcessQueue();
  try {
    const { sweep } = registerRecordingJobs({ db: db(), jobs, log: server.log, rest: restClientFrom(), backoffMs: 20, tenantIds: () => [server.tenant] });
    twilioApi.failNext(500);
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await rowsOf(sid)).length === 0, 'the recording row to go');
    const deletes = twilioApi.recordingRequests.filter((r) => r.method === 'DELETE' && r.path.endsWith(`/Recordings/${sid}.json`));
    expect(deletes.map((d) => d.status)).toEqual([500, 204]);
    expect(twilioApi.recordings.has(sid)).toBe(false);
  } finally {
    await jobs.close();
  }
});

test('retention deletes recordings with their conversations, at Twilio and here; a 404 at Twilio counts as deleted', async () => {
  const kept = await completedRecording();
  const gone = await completedRecording();
  // Twilio has already lost this one.
  twilioApi.recordings.delete(gone.sid);
  const later = new Date(Date.now() + 3 * 365 * 86_400_000);
  const purged = await purgeExpired(server.store, server.tenant, server.assistant.runtime(server.tenant).pack.settings.retention, later);
  expect(purged.recordings).toBeGreaterThanOrEqual(2);
  expect((await rowsOf(kept.sid))[0].delete_requested_at).not.toBeNull();

  // Another council's recording, marked on the same database: not this process's to delete (its Twilio account is not ours).
  const foreign = await completedRecording();
  await sql`insert into tenants (id, name) values ('another-council', 'Another council') on conflict (id) do nothing`.execute(db());
  await sql`update call_recordings set tenant_id = 'another-council', delete_requested_at = now() where id = ${foreign.id}`.execute(db());
  const jobs = new InProcessQueue();
  try {
    const { sweep } = registerRecordingJobs({ db: db(), jobs, log: server.log, rest: restClientFrom(), backoffMs: 20, tenantIds: () => [server.tenant] });
    await sweep();
    await waitFor(async () => (await rowsOf(kept.sid)).length === 0 && (await rowsOf(gone.sid)).length === 0, 'both rows to go');
    expect(await rowsOf(foreign.sid)).toHaveLength(1);
    expect(twilioApi.recordingRequests.filter((r) => r.method === 'DELETE' && r.path.endsWith(`/${foreign.sid}.json`))).toEqual([]);
    await sql`delete from call_recordings where id = ${foreign.id}`.execute(db());
    expect(twilioApi.recordings.has(kept.sid)).toBe(false);
    const statuses = (sid: string) => twilioApi.recordingRequests.filter((r) => r.method === 'DELETE' && r.path.endsWith(`/${sid}.json`)).map((r) => r.status);
    expect(statuses(kept.sid)).toEqual([204]);
    expect(statuses(gone.sid)).toEqual([404]);
  } finally {
    await jobs.close();
  }
  const count = (await sql<{ n: string }>`select count(*) as n from call_recordings where tenant_id = ${server.tenant} and delete_requested_at is null`.execute(db())).rows[0].n;
  expect(Number(count)).toBe(0);
});

test('the recording is paused before the caller is put through to the payment line, and resumed after', async () => {
  const { call } = await startCall();
  const before = twilioApi.recordingUpdates.length;
  const r = await call.say('I want to pay my council tax by card');
  const dial = findAll(r.root!, 'Dial')[0];
  expect(dial).toBeDefined();
  expect(dial.children.join('').trim()).toBe(PAYMENT_LINE);
  expect(dial.attributes.action).toMatch(/^\/channels\/twilio\/voice\/payment-done\?/);
  expect(r.spoken).toMatch(/payments line/);
  expect(r.spoken).toMatch(/recording of this call is paused/);
  expect(twilioApi.recordingUpdates.slice(before)).toEqual([{ callSid: call.callSid, status: 'paused', pauseBehavior: 'skip' }]);
  const paused = twilioApi.recordingRequests.filter((q) => q.method === 'POST').at(-1)!;
  expect(paused.path).toBe(`/2010-04-01/Accounts/${twilioApi.accountSid}/Calls/${call.callSid}/Recordings/Twilio.CURRENT.json`);

  // The payment line hangs up: Twilio requests the Dial action; the recording resumes, the caller is asked what else.
  const back = await call.post(dial.attributes.action, { DialCallStatus: 'completed', DialCallDuration: '95' });
  expect(twilioApi.recordingUpdates.slice(before)).toEqual([
    { callSid: call.callSid, status: 'paused', pauseBehavior: 'skip' },
    { callSid: call.callSid, status: 'in-progress' },
  ]);
  expect(findAll(back.root!, 'Gather')).toHaveLength(1);
  expect(back.spoken).toMatch(/anything else/);
});

test('when Twilio will not pause the recording, the caller is not put through to give card details', async () => {
  const { call } = await startCall();
  const before = twilioApi.recordingUpdates.length;
  twilioApi.failNext(500);
  const r = await call.say('can I make a payment by card please');
  expect(findAll(r.root!, 'Dial')).toHaveLength(0);
  expect(r.spoken).toMatch(/can't put you through to our payments line/);
  expect(findAll(r.root!, 'Gather')).toHaveLength(1);
  expect(twilioApi.recordingUpdates.length).toBe(before);
});

test('a deletion Twilio refuses is shown to supervisors (count, list, error) and can be retried from the console', async () => {
  const { sid, id } = await completedRecording();
  await sql`update call_recordings set delete_requested_at = now(), conversation_id = null where id = ${id}`.execute(db());
  // Agents do not see them; supervisors do.
  expect((await wasteAgent.call('GET', '/recordings/deletions')).status).toBe(403);
  expect((await wasteAgent.call('POST', `/recordings/deletions/${id}/retry`)).status).toBe(403);
  expect((await supervisor.call('POST', `/recordings/deletions/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}/retry`)).status).toBe(404);

  // Twilio refuses the attempt: counted, explained, listed.
  twilioApi.failNext(500);
  expect((await supervisor.call('POST', `/recordings/deletions/${id}/retry`)).status).toBe(202);
  await waitFor(async () => (await rowsOf(sid))[0]?.delete_attempts === 1, 'the failed attempt to be counted');
  const listed = await supervisor.call('GET', '/recordings/deletions');
  expect(listed.status).toBe(200);
  expect(listed.body.failed).toBeGreaterThanOrEqual(1);
  const item = listed.body.items.find((i: { id: string }) => i.id === id);
  expect(item).toMatchObject({ recordingSid: sid, attempts: 1, error: expect.stringMatching(/500/) });

  // Retried: Twilio deletes it, the row goes, the list no longer has it; the retry is audited.
  expect((await supervisor.call('POST', `/recordings/deletions/${id}/retry`)).status).toBe(202);
  await waitFor(async () => (await rowsOf(sid)).length === 0, 'the recording row to go');
  expect(twilioApi.recordings.has(sid)).toBe(false);
  expect((await supervisor.call('GET', '/recordings/deletions')).body.items.some((i: { id: string }) => i.id === id)).toBe(false);
  expect((await supervisor.call('POST', `/recordings/deletions/${id}/retry`)).status).toBe(404);
  const audit = await sql<{ action: string }>`select action from audit_events where action = 'recording.delete_retried' and subject_id = ${id}`.execute(db());
  expect(audit.rows).toHaveLength(2);
});
