/**
 * Call recordings in the console (issue 14, item 3): a conversation's recordings, and their audio
 * streamed through this server from Twilio's REST API with the account's credentials, so a
 * Twilio URL never reaches a browser. Who may: anyone who may open the conversation
 * (handoff/queue/access.ts; supervisors see every conversation) plays it; exporting a recording
 * for a complaint (`?download=1`) is for supervisors and admins. Anything else is 404 as for the
 * conversation itself (or 403 for an export by an agent who may play it). Every play and every
 * export is an audit event on the conversation.
 * Supervisors also see the recordings Twilio has not deleted although retention or an erasure
 * asked (a count and a list with the last error), and can queue another attempt now (audited).
 */
import { pipeline, Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Router, type Request } from 'express';
import { conversationSight, isSupervisor, QueueError } from '../../handoff/index.js';
import { RECORDING_DELETE_JOB, recordingAudio, restClientFrom, TwilioSendError } from '../../channels/index.js';
import { failedRecordingDeletions, findRecording, recordAudit, recordingAwaitingDeletion, recordingsOfConversation, type CallRecording } from '../../store/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent, type ConsoleAgent } from './session.js';
import { overflowPolicyOf, queuesOf } from './socket.js';
import { queueErrors } from './work-routes.js';

/** One recording as the console lists it; `audio` is our own URL, null while Twilio is still recording. */
export interface RecordingListing {
  id: string;
  status: string;
  durationSeconds: number | null;
  channels: number | null;
  startedAt: string | null;
  audio: string | null;
}

export function recordingRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const auth = requireAgent(deps);
  const db = deps.store.db;
  const rest = restClientFrom();

  const agentOf = (req: Request): ConsoleAgent => {
    if (!req.agent) throw new QueueError(403, 'Not signed in');
    return req.agent;
  };
  /** The need-to-know rule for the conversation; throws 404 when the agent may not open it. */
  const sightOf = async (agent: ConsoleAgent, conversationId: string, notFound: string) => {
    const seen = await conversationSight(db, agent.tenantId, conversationId, agent, queuesOf(deps, agent.tenantId), {
      urgentOverflow: overflowPolicyOf(deps, agent.tenantId),
      now: deps.clock(),
    });
    if (!seen.sight) throw new QueueError(404, notFound);
    return seen;
  };
  const listing = (r: CallRecording): RecordingListing => ({
    id: r.id,
    status: r.status,
    durationSeconds: r.durationSeconds,
    channels: r.channels,
    startedAt: (r.startedAt ?? r.createdAt).toISOString(),
    audio: r.status === 'completed' ? `/api/console/recordings/${r.id}/audio` : null,
  });

  router.get('/conversations/:id/recordings', auth, async (req, res) => {
    const agent = agentOf(req);
    const id = String(req.params.id);
    await sightOf(agent, id, 'Conversation not found');
    const recordings = await recordingsOfConversation(db, agent.tenantId, id);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ recordings: recordings.map(listing), canExport: isSupervisor(agent) });
  });

  // Deletions Twilio has refused so far (supervisors): how many, which, and why.
  router.get('/recordings/deletions', auth, async (req, res) => {
    const agent = agentOf(req);
    if (!isSupervisor(agent)) throw new QueueError(403, 'Not allowed', 'Recording deletions are for supervisors.');
    const failed = await failedRecordingDeletions(db, agent.tenantId);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      failed: failed.count,
      items: failed.items.map((f) => ({ id: f.id, recordingSid: f.recordingSid, requestedAt: f.requestedAt.toISOString(), attempts: f.attempts, error: f.error, lastTriedAt: f.lastTriedAt.toISOString() })),
    });
  });

  // Another attempt now (the sweep would also try again within a minute of its job's retries running out).
  router.post('/recordings/deletions/:id/retry', auth, async (req, res) => {
    const agent = agentOf(req);
    if (!isSupervisor(agent)) throw new QueueError(403, 'Not allowed', 'Recording deletions are for supervisors.');
    const row = await recordingAwaitingDeletion(db, agent.tenantId, String(req.params.id));
    if (!row) throw new QueueError(404, 'Not found', 'No recording of this council is waiting to be deleted with that id: it may be deleted already.');
    // A job id of its own (BullMQ allows two colons at most): the sweep's job for this attempt count may still be waiting out its backoff.
    await deps.jobs.add(RECORDING_DELETE_JOB, { id: row.id }, { jobId: `recording-delete:${row.id}:retry-${deps.clock().getTime()}`, attempts: 1 });
    await recordAudit(db, {
      tenant: agent.tenantId,
      actorType: 'agent',
      actorId: agent.id,
      action: 'recording.delete_retried',
      subjectType: 'recording',
      subjectId: row.id,
      detail: { agentName: agent.name, recordingSid: row.recordingSid, attempts: row.deleteAttempts },
    });
    res.status(202).json({ queued: true });
  });

  router.get('/recordings/:id/audio', auth, async (req, res) => {
    const agent = agentOf(req);
    const recording = await findRecording(db, agent.tenantId, String(req.params.id));
    if (!recording?.conversationId) throw new QueueError(404, 'Recording not found');
    const seen = await sightOf(agent, recording.conversationId, 'Recording not found');
    const download = req.query.download === '1';
    if (download && !isSupervisor(agent)) throw new QueueError(403, 'Not allowed', 'Exporting a recording is for supervisors.');
    if (recording.status !== 'completed') throw new QueueError(409, 'Recording not ready', `Twilio reports the recording as ${recording.status}.`);
    const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
    let media;
    try {
      media = await recordingAudio(rest, recording, range);
    } catch (err) {
      const e = err instanceof TwilioSendError ? err : undefined;
      deps.log.error({ recordingId: recording.id, status: e?.status, err: String(err) }, 'recording audio not fetched from Twilio');
      if (e?.status === 404) throw new QueueError(404, 'Recording not found', 'Twilio no longer holds this recording.');
      if (e?.status === 416) return sendProblem(res, 416, 'Range not satisfiable');
      return sendProblem(res, 502, 'Recording unavailable', 'Twilio could not give the recording just now. Please try again in a minute.');
    }
    // One audit event per play (the first range request; the browser's later ones seek within it) and per export.
    if (download || !range || /^bytes=0-/.test(range)) {
      await recordAudit(db, {
        tenant: agent.tenantId,
        actorType: 'agent',
        actorId: agent.id,
        action: download ? 'recording.exported' : 'recording.played',
        subjectType: 'conversation',
        subjectId: recording.conversationId,
        detail: { agentName: agent.name, recordingId: recording.id, recordingSid: recording.recordingSid, outsideSkills: seen.outsideSkills },
      });
    }
    res.status(media.status);
    res.setHeader('Content-Type', /^audio\//.test(media.contentType) ? media.contentType : 'audio/mpeg');
    if (media.contentLength) res.setHeader('Content-Length', media.contentLength);
    if (media.contentRange) res.setHeader('Content-Range', media.contentRange);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (download) {
      const day = (recording.startedAt ?? recording.createdAt).toISOString().slice(0, 10);
      res.setHeader('Content-Disposition', `attachment; filename="call-recording-${day}-${recording.recordingSid}.mp3"`);
    }
    // pipeline: an agent who stops listening half-way cancels the fetch from Twilio too.
    pipeline(Readable.fromWeb(media.body as WebReadableStream<Uint8Array>), res, (err) => {
      if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') deps.log.warn({ recordingId: recording.id, err: String(err) }, 'recording stream ended early');
    });
  });

  router.use(queueErrors);
  return router;
}
