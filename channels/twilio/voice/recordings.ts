/**
 * Call recordings (issue 14, item 3), the channel's side: Twilio's recording status callback kept
 * in `call_recordings` (store/call-recordings.ts), the audio fetched for the console through our
 * server only, the deletion at Twilio of recordings that retention or erasure marked (jobs with
 * retries; the row stays until Twilio confirms, a 404 counting as deleted), and the pause and
 * resume of the call's recording around a transfer to the council's payment line.
 */
import type { Logger } from 'pino';
import type { JobQueue } from '../../../jobs/index.js';
import {
  findConversation,
  firstOutbound,
  partsOf,
  recordingDeleted,
  recordingDeleteFailed,
  recordingMarkedForDeletion,
  recordingsToDelete,
  recordRecordingStatus,
  RECORDING_STATUSES,
  type CallRecording,
  type Db,
  type RecordingStatus,
} from '../../../store/index.js';
import { twilioConfigFromEnv, type TwilioConfig } from '../config.js';
import { deleteRecording, fetchRecordingMedia, setCallRecording, TwilioRestClient, TwilioSendError, type RecordingMedia } from '../rest-client.js';

export const RECORDING_DELETE_JOB = 'voice.recording.delete';
export const RECORDING_SWEEP_JOB = 'voice.recording.sweep';
/** How often recordings marked for deletion are (re)queued: after a purge, an erasure, or a delete that used up its attempts. */
export const RECORDING_SWEEP_EVERY_MS = 60_000;
/** The events the callback is asked for (the TwiML's recordingStatusCallbackEvent). */
export const RECORDING_EVENTS = 'in-progress completed absent';

type Log = Pick<Logger, 'info' | 'warn' | 'error'>;

/** Twilio's REST client from the environment (read at each use, as the SMS sender does); null when not configured. */
export function restClientFrom(config: () => TwilioConfig | null = () => twilioConfigFromEnv(process.env)): () => TwilioRestClient | null {
  const clients = new Map<string, TwilioRestClient>();
  return () => {
    let c: TwilioConfig | null;
    try {
      c = config();
    } catch {
      return null;
    }
    if (!c) return null;
    const key = `${c.accountSid}|${c.apiBaseUrl}|${c.authToken}`;
    let client = clients.get(key);
    if (!client) clients.set(key, (client = new TwilioRestClient(c)));
    return client;
  };
}

/** A recording status callback Twilio would never send (or a forged one): refused with 400, nothing stored. */
export class BadRecordingCallback extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadRecordingCallback';
  }
}

type Params = Record<string, string | undefined>;

/**
 * Stores one recording status callback. The call's conversation and council come from our own
 * callback URL (`c`, `t`: Twilio signs it back to us), and the conversation must be the one that
 * call started; a callback whose conversation cannot be matched is still kept (no conversation),
 * so a recording is never lost track of: retention deletes it after the council's default period.
 */
export async function storeRecordingCallback(
  deps: { db: Db; log: Log; tenantIds: () => Iterable<string> },
  p: Params,
  q: Params,
): Promise<{ recording: CallRecording; changed: boolean }> {
  const recordingSid = p.RecordingSid ?? '';
  const callSid = p.CallSid ?? '';
  const status = (p.RecordingStatus ?? '') as RecordingStatus;
  if (!/^RE[0-9a-fA-F]{32}$/.test(recordingSid)) throw new BadRecordingCallback('RecordingSid is missing or not a recording sid.');
  if (!/^CA[0-9a-fA-F]{32}$/.test(callSid)) throw new BadRecordingCallback('CallSid is missing or not a call sid.');
  if (!RECORDING_STATUSES.includes(status)) throw new BadRecordingCallback(`RecordingStatus must be one of ${RECORDING_STATUSES.join(', ')}.`);
  const tenant = q.t && [...deps.tenantIds()].includes(q.t) ? q.t : null;
  if (!tenant) throw new BadRecordingCallback('The callback URL names no council served here.');
  const duration = optionalInt(p.RecordingDuration, 'RecordingDuration', 0, 86_400);
  const channels = optionalInt(p.RecordingChannels, 'RecordingChannels', 1, 2);
  const started = p.RecordingStartTime ? new Date(p.RecordingStartTime) : null;
  if (started && Number.isNaN(started.getTime())) throw new BadRecordingCallback('RecordingStartTime is not a date.');
  const conversationId = await callConversation(deps.db, tenant, q.c, callSid);
  if (!conversationId) deps.log.warn({ tenant, recordingSid, callSid }, 'recording callback for a call whose conversation was not found: kept without one');
  const stored = await recordRecordingStatus(deps.db, { tenant, recordingSid, callSid, conversationId, status, durationSeconds: duration, channels, startedAt: started });
  deps.log.info({ tenant, recordingSid, status, changed: stored.changed }, 'recording status');
  return stored;
}

function optionalInt(v: string | undefined, name: string, min: number, max: number): number | null {
  if (v === undefined || v === '') return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new BadRecordingCallback(`${name} must be a whole number from ${min} to ${max}.`);
  return n;
}

/** The conversation `c` if it is this council's voice conversation started by this call (its greeting keeps the CallSid). */
async function callConversation(db: Db, tenant: string, id: string | undefined, callSid: string): Promise<string | null> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const c = await findConversation(db, tenant, id);
  if (!c || c.channel !== 'voice') return null;
  const first = await firstOutbound(db, tenant, c.id);
  const call = first ? partsOf<{ voiceCall?: string }>(first)?.voiceCall : undefined;
  return call === callSid ? c.id : null;
}

/** The audio of a stored recording, from Twilio's REST API; throws TwilioSendError (503 when Twilio is not configured). */
export async function recordingAudio(rest: () => TwilioRestClient | null, recording: CallRecording, range?: string): Promise<RecordingMedia> {
  const client = rest();
  if (!client) throw new TwilioSendError('Twilio is not configured here', 503, undefined, true);
  return fetchRecordingMedia(client, recording.recordingSid, range);
}

export interface RecordingJobsDeps {
  db: Db;
  jobs: JobQueue;
  log: Log;
  rest: () => TwilioRestClient | null;
  /**
   * The councils this process serves: the sweep deletes only their recordings. Another deployment's
   * councils on the same database have their own Twilio account; asked of ours, Twilio would answer
   * 404 and their rows would go while the recordings stay.
   */
  tenantIds?: () => Iterable<string>;
  /** Attempts of one delete job and its backoff (the sweep queues another after they are used up). */
  attempts?: number;
  backoffMs?: number;
}

/**
 * Registers the delete job and the sweep that queues it. A job deletes one recording at Twilio,
 * then its row; a failure is counted on the row (`delete_attempts`, `delete_error`: visible to
 * whoever looks) and retried with backoff; 404 means Twilio has no such recording, which is what
 * was asked. Returns the sweep, for a caller that wants it now (after an erasure, in tests).
 */
export function registerRecordingJobs(deps: RecordingJobsDeps): { sweep: () => Promise<number> } {
  deps.jobs.register<{ id: string }>(RECORDING_DELETE_JOB, async ({ id }) => {
    const row = await recordingMarkedForDeletion(deps.db, id);
    if (!row) return; // already deleted
    const client = deps.rest();
    try {
      if (!client) throw new TwilioSendError('Twilio is not configured here', undefined, undefined, true);
      const outcome = await deleteRecording(client, row.recordingSid);
      await recordingDeleted(deps.db, row.id);
      deps.log.info({ tenant: row.tenant, recordingSid: row.recordingSid, outcome }, 'recording deleted at Twilio');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await recordingDeleteFailed(deps.db, row.id, message);
      deps.log.warn({ tenant: row.tenant, recordingSid: row.recordingSid, err: message }, 'recording not deleted at Twilio yet: will retry');
      throw err;
    }
  });
  const sweep = async () => {
    const rows = await recordingsToDelete(deps.db, { tenants: deps.tenantIds?.(), limit: 500 });
    for (const r of rows) {
      // The attempt count in the id: a row whose job used up its attempts is queued afresh on a later sweep.
      await deps.jobs.add(RECORDING_DELETE_JOB, { id: r.id }, { jobId: `recording-delete:${r.id}:${r.deleteAttempts}`, attempts: deps.attempts ?? 5, backoffMs: deps.backoffMs ?? 30_000 });
    }
    return rows.length;
  };
  deps.jobs.register(RECORDING_SWEEP_JOB, async () => {
    await sweep();
  });
  void deps.jobs.every(RECORDING_SWEEP_JOB, RECORDING_SWEEP_EVERY_MS).catch((err: unknown) => deps.log.error({ err: String(err) }, 'could not schedule the recording deletion sweep'));
  return { sweep };
}

/** Pauses and resumes a call's recording (around the payment line); each says whether Twilio accepted it. */
export interface RecordingControl {
  pause(callSid: string): Promise<boolean>;
  resume(callSid: string): Promise<boolean>;
}

export function recordingControl(rest: () => TwilioRestClient | null, log: Log): RecordingControl {
  const set = async (callSid: string, status: 'paused' | 'in-progress') => {
    const client = rest();
    if (!client) {
      log.error({ callSid, status }, 'call recording not changed: Twilio REST is not configured');
      return false;
    }
    try {
      await setCallRecording(client, callSid, status);
      return true;
    } catch (err) {
      log.error({ callSid, status, err: err instanceof Error ? err.message : String(err) }, 'Twilio refused to change the call recording');
      return false;
    }
  };
  return { pause: (c) => set(c, 'paused'), resume: (c) => set(c, 'in-progress') };
}
