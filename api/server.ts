import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { Assistant } from '../bot/index.js';
import { loadRecogniserConfig } from '../intents/index.js';
import { answerWriterFromEnv } from '../knowledge-base/index.js';
import { createReferralSender, loadNotifyConfig, type NotifyConfig } from '../notify/index.js';
import type { SafetyRoutes, TenantRuntime } from '../bot/index.js';
import {
  agentCanTakeNow,
  onCall,
  registerReferralJobs,
  REFERRAL_SWEEP_EVERY_MS,
  REFERRAL_SWEEP_JOB,
  seedDemoAgents,
  SsoClient,
} from '../handoff/index.js';
import { AgentVoice, createChannels, createClaimCodeSender } from '../channels/index.js';
import { createJobQueue, purgeExpired, registerRecovery, type JobQueue } from '../jobs/index.js';
import { keyringFromKeyFile, openStore, parseKeyring, type Keyring, type Store } from '../store/index.js';
import { caseFileLinks, configureFiles, MAX_LINK_TTL_SECONDS, moveInlineFiles, sweepDeletedFiles } from '../files/index.js';
import { BackofficePush, backofficeMetrics, pushSettingsFromEnv } from '../backoffice/index.js';
import { ResidentUpdates, RESIDENT_UPDATES_EVERY_MS, updateEmailSender } from '../updates/index.js';
import { createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createRealtime } from './realtime.js';
import { attachConsoleNamespace, callChanged, nextConsultee, notifyConversationMessage, relayResidentTyping, routeAllTenants, type ConsoleDeps } from './console/index.js';
import { deliverFollowUp, dutyPolicyFor, wireHandoffEvents } from './handoff-events.js';
import { loadPacks, loadTenants } from './tenants.js';
import { wireCallbacks } from './callbacks-wiring.js';

/** The folder holding package.json: the same from sources (tsx, jest) and from compiled dist/. */
function findRepoRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

export interface StartOptions {
  port?: number;
  /** null: an in-memory store (tests). */
  dataDir?: string | null;
  databaseUrl?: string;
  redisUrl?: string;
  contentDir?: string;
  log?: boolean;
  /** Fixed clock for tests. */
  clock?: () => Date;
  /** A BullMQ queue of its own (tests); processes of one deployment share the default. */
  jobsQueue?: string;
  /** The environment channels read their settings from (default process.env). */
  env?: Record<string, string | undefined>;
  /** DATA_KEYS for this server (tests); default the configuration's. */
  dataKeys?: string;
  /** Create demo agents (printing their first-run passwords once) where a council has none. Default true. */
  seedAgents?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  assistant: Assistant;
  jobs: JobQueue;
  log: Logger;
  /** Residents' case updates (updates/), for tests that drive a pass. */
  updates: ResidentUpdates;
  close(): Promise<void>;
}

const DAY = 24 * 3600 * 1000;

/**
 * The keys personal data is sealed under: DATA_KEYS, else (the embedded default) a key generated
 * into DATA_DIR once, said at start; an in-memory store without keys (tests) seals nothing.
 * Production without DATA_KEYS never gets here (api/config.ts refuses it).
 */
export function dataKeyring(spec: string | undefined, dataDir: string | null, log: Logger): Keyring | null {
  if (spec) return parseKeyring(spec);
  if (!dataDir) return null;
  const { keyring, file, created } = keyringFromKeyFile(dataDir);
  log.warn({ file, created }, created ? 'DATA_KEYS is not set: generated a data key into DATA_DIR; back it up (without it the encrypted data cannot be read) and set DATA_KEYS in production' : 'DATA_KEYS is not set: using the generated data key in DATA_DIR');
  return keyring;
}

/** Composes the whole product: store, content packs, assistant, HTTP API, live updates, jobs. */
export async function startServer(options: StartOptions = {}, baseConfig?: Config): Promise<RunningServer> {
  const config = baseConfig ?? loadConfig({});
  const log = createLogger(options.log === false ? 'silent' : config.logLevel);
  const dataDir = options.dataDir === undefined ? config.dataDir : options.dataDir;
  const databaseUrl = options.databaseUrl ?? config.databaseUrl;
  const redisUrl = options.redisUrl ?? config.redisUrl;
  const contentDir = path.resolve(repoRoot, options.contentDir ?? config.contentDir);
  const packs = loadPacks(contentDir); // before anything else: a broken pack stops the start at once
  // Residents' files: a folder in DATA_DIR, or an S3-compatible bucket (FILES_S3_*); a bad setting stops the start.
  const files = configureFiles(options.env ?? process.env, dataDir);
  const recogniserConfig = loadRecogniserConfig(process.env);
  // Answers written from the councils' pages (ANSWERS_LLM, and each council's answers.generate): off by default; a bad setting stops the start.
  const answerWriter = answerWriterFromEnv(options.env ?? process.env, (event, detail) => log.warn(detail, event));
  // Opened while the models load (loadTenants awaits it when it needs it): a warm start overlaps them.
  const storeOpening = openStore({ databaseUrl, dataDir, keyring: dataKeyring(options.dataKeys ?? config.dataKeys, dataDir, log) });
  storeOpening.catch(() => undefined); // its failure is thrown where it is awaited
  const modelCacheDir = dataDir ? path.resolve(dataDir, 'models') : path.join(os.tmpdir(), 'council-assistant-models');
  let tenants;
  try {
    tenants = await loadTenants(storeOpening, packs, modelCacheDir, log, recogniserConfig);
  } catch (err) {
    await storeOpening.then((s) => s.close(), () => undefined);
    throw err;
  }
  const store = await storeOpening;
  // The councils this process serves: processes or deployments may share one database, and every
  // periodic sweep (claim codes, call-backs, referrals, back-office push, resident updates, recovery, recordings)
  // takes only these councils' rows, each handled with its own council's settings.
  const servedTenants = (): string[] => [...tenants.keys()];
  // What a safety reply may promise: an agent who can take the item now, or a duty officer a referral reaches.
  const safetyRoutes = createSafetyRoutes(tenants, loadNotifyConfig(process.env));
  for (const runtime of tenants.values()) runtime.routes = safetyRoutes;
  const metrics = createMetrics(log);
  const assistant = new Assistant(store, tenants, metrics.observer, options.clock);
  assistant.useAnswerWriter(answerWriter ?? undefined);
  // Durable either way: BullMQ on Redis, else the jobs table (a crash loses no job). A test's own queue is removed on close.
  const jobs = createJobQueue(redisUrl, (name, err, final) => log.warn({ job: name, err: String(err), final }, 'job failed'), options.jobsQueue ?? config.jobsQueueName, {
    db: store.db,
    ephemeral: !!options.jobsQueue,
  });
  jobs.register('retention.purge', async () => {
    for (const runtime of tenants.values()) {
      const purged = await purgeExpired(store, runtime.pack.tenant, runtime.pack.settings.retention);
      log.info({ tenant: runtime.pack.tenant, ...purged }, 'retention purge');
    }
    // The purged conversations' files leave their storage too (queued by the rows' deletion).
    log.info(await sweepDeletedFiles(store.db, log), 'files of purged conversations deleted');
  });
  await jobs.every('retention.purge', DAY);
  // Objects whose rows were deleted (an erasure, a purge, a conversation's cascade) are deleted from the storage.
  jobs.register('files.sweep', async () => void (await sweepDeletedFiles(store.db, log)));
  await jobs.every('files.sweep', 60_000);
  // One-time codes linking a number typed in chat to its texts and calls: offered only where SMS is configured.
  const codes = await createClaimCodeSender({ db: store.db, jobs, log, env: options.env ?? process.env, clock: options.clock, servedTenants });
  for (const runtime of tenants.values()) runtime.codes = codes;
  const referralSender = createReferralSender(loadNotifyConfig(process.env), log);

  const server = http.createServer();
  const realtime = createRealtime(server, store, log, redisUrl);
  const defaultTenant = tenants.has('demo') ? 'demo' : [...tenants.keys()][0];
  const publicUrl = config.publicUrl;
  // Every channel is an adapter in channels/registry.ts: its routes are mounted, its replies delivered through it.
  const channels = createChannels({
    store,
    db: store.db,
    assistant,
    jobs,
    log,
    defaultTenant,
    tenantIds: servedTenants,
    publicUrl: () => publicUrl,
    env: options.env ?? process.env,
    clock: options.clock ?? (() => new Date()),
  });
  const dispatchOutbound = channels.dispatch;
  const consoleDeps: ConsoleDeps = {
    store,
    assistant,
    jobs,
    log,
    realtime,
    consoleNamespace: () => realtime.io.of('/console'),
    publicUrl,
    defaultTenant,
    dispatchOutbound: (tenant, conversationId) => void dispatchOutbound(tenant, conversationId),
    relayAgentTyping: (tenant, conversationId, name, typing) => void channels.typing(tenant, conversationId, { name }, typing),
    secureCookies: !!publicUrl?.startsWith('https://'),
    clock: options.clock ?? (() => new Date()),
    // Single sign-on (issue 16): client secrets come from OIDC_CLIENT_SECRET__<COUNCIL>.
    ssoClient: new SsoClient(options.env ?? process.env),
  };
  // Callers bridged to agents from the console (issue 14): Twilio REST redirects, TwiML, Voice tokens.
  const voiceEnv = options.env ?? process.env;
  consoleDeps.agentVoice = new AgentVoice({
    store,
    log,
    env: () => voiceEnv,
    publicUrl: () => publicUrl,
    clock: consoleDeps.clock,
    sayVoice: (tenant) => tenants.get(tenant)?.pack.settings.channels.voice.voice ?? 'Polly.Amy-Neural',
    // A Welsh call's bridge phrases (hold, goodbye, "How did we do?") in the council's Welsh voice, as the IVR's.
    welshVoice: (tenant) => tenants.get(tenant)?.pack.settings.channels.voice.welshVoice,
    queueName: (tenant, queueId) => tenants.get(tenant)?.pack.settings.queues.find((q) => q.id === queueId)?.name,
    welshQueueName: (tenant, queueId) => tenants.get(tenant)?.pack.settings.welsh?.queues?.[queueId],
    changed: (tenant, conversationId) => void callChanged(consoleDeps, tenant, conversationId),
    nextConsultee: (tenant, queueId, exclude) => nextConsultee(consoleDeps, tenant, queueId, exclude),
    callerId: (tenant) => tenants.get(tenant)?.pack.settings.channels.twilioNumbers[0],
  });
  // Call-backs (issue 14, item 2): placed through Twilio, their outcome, overdue alerts to supervisors.
  consoleDeps.callbacks = await wireCallbacks(consoleDeps, { env: options.env ?? process.env, publicUrl: () => publicUrl, jobs, twilioNumber: (t) => tenants.get(t)?.pack.settings.channels.twilioNumbers[0], servedTenants });
  attachConsoleNamespace(realtime.io, consoleDeps);
  realtime.onResidentTyping((tenant, conversationId, typing) => relayResidentTyping(realtime.io, conversationId, tenant, typing));
  wireHandoffEvents(assistant, consoleDeps);
  // Duty referrals: send, escalate until acknowledged, tell the resident; the sweep recovers lost delayed jobs.
  consoleDeps.duty = { senderKind: referralSender.kind, tenants: () => tenants.keys(), policy: dutyPolicyFor(assistant) };
  registerReferralJobs(jobs, { db: store.db, sender: referralSender, log, clock: options.clock, jobs, publicUrl, duty: dutyPolicyFor(assistant), deliver: deliverFollowUp(consoleDeps) }, { servedTenants });
  await jobs.every(REFERRAL_SWEEP_JOB, REFERRAL_SWEEP_EVERY_MS);
  // Offers lapse and agents come and go: routing also runs on a timer (once across processes with BullMQ).
  jobs.register('handoff.route', () => routeAllTenants(consoleDeps, tenants.keys()));
  await jobs.every('handoff.route', 10_000);
  // Back-office push: every case event to the councils' webhooks, signed, at least once, in order per case.
  for (const metric of backofficeMetrics) metrics.registry.registerMetric(metric);
  await new BackofficePush({
    db: store.db,
    jobs,
    log,
    tenants: servedTenants,
    serviceName: (tenant, id) => tenants.get(tenant)?.pack.servicesById.get(id)?.name,
    settings: pushSettingsFromEnv(options.env ?? process.env),
    // A week's signed links (the longest a link lives): a back office may fetch the files well after the event.
    mediaUrls: publicUrl ? (tenant, caseId) => caseFileLinks(store.db, tenant, caseId, publicUrl, MAX_LINK_TTL_SECONDS) : undefined,
  }).register();
  // Residents told when their case moves (updates/): the case event log's follower, quiet hours, e-mail through Notify.
  const updatesEnv = options.env ?? process.env;
  const updates = new ResidentUpdates({
    db: store.db,
    jobs,
    log,
    clock: options.clock,
    tenants: servedTenants,
    council: (tenant) => {
      const pack = tenants.get(tenant)?.pack;
      if (!pack) return undefined;
      const s = pack.settings;
      return { name: s.councilName, contact: s.contact.phone, timezone: s.openingHours.timezone, quietHours: s.updates.quietHours, serviceName: (id) => pack.servicesById.get(id)?.name };
    },
    // The resident's channel sends it; an agent holding or watching the conversation sees it too.
    delivered: (tenant, conversationId) => {
      deliverFollowUp(consoleDeps)(tenant, conversationId);
      void notifyConversationMessage(consoleDeps, tenant, conversationId);
    },
    email: updateEmailSender(updatesEnv),
  });
  for (const runtime of tenants.values()) runtime.updates = { email: updates.canEmail };
  await updates.start(Number(updatesEnv.RESIDENT_UPDATES_EVERY_MS) || RESIDENT_UPDATES_EVERY_MS);
  if (options.seedAgents !== false) {
    for (const runtime of tenants.values()) {
      await seedDemoAgents(store, runtime.pack.tenant, log, { skills: [...new Set(runtime.pack.settings.queues.flatMap((q) => q.skills))] });
    }
  }
  // Rate-limit counters in Redis are namespaced by this server's job queue: deployments (and test
  // servers) sharing one Redis never count each other's requests.
  const appConfig = { ...config, jobsQueueName: options.jobsQueue ?? config.jobsQueueName };
  const app = createApp({ config: appConfig, store, assistant, metrics, log, defaultTenant, webDir: path.join(repoRoot, 'web'), realtime, console: consoleDeps, channels });
  server.on('request', app);
  // Channels with their own listeners (an SMTP port) or WebSocket paths on this server.
  await channels.start(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.port, resolve);
  });
  const port = (server.address() as { port: number }).port;
  // Messages stored but never answered (the process stopped mid-turn) are answered, and replies
  // still unsent are sent, continuously (jobs/recovery.ts), not only at start.
  await registerRecovery(jobs, {
    db: store.db,
    tenants: servedTenants,
    answer: (conversation) => assistant.processPending(conversation, assistant.runtime(conversation.tenant_id)),
    answered: async (tenant, conversationId) => {
      realtime.conversationUpdated(conversationId);
      await dispatchOutbound(tenant, conversationId);
    },
    outboxes: channels.sweeps(),
    log,
  });
  log.info({ port, store: store.kind, jobs: jobs.kind, tenants: [...tenants.keys()], files: files.write.describe() }, 'council assistant listening');
  // Files kept in the database before the file storage (migration 016) move into it, in the background.
  void moveInlineFiles(store.db).then(
    (moved) => moved && log.info({ moved }, 'files moved from the database into the file storage'),
    (err: unknown) => log.warn({ err: String(err) }, 'files could not be moved into the file storage yet: they stay readable in the database'),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    assistant,
    jobs,
    log,
    updates,
    async close() {
      // Jobs first: one still running (recovery, referrals) may publish a live update, so the
      // socket.io Redis clients must outlive it.
      await jobs.close();
      await realtime.close();
      await channels.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await store.close();
    },
  };
}

/** The routes to a person that exist now, from presence (handoff/queue), the rota and the Notify settings. */
function createSafetyRoutes(tenants: Map<string, TenantRuntime>, notify: NotifyConfig): SafetyRoutes {
  return {
    async agentCanTakeNow(db, tenant, queueId, now, urgent = false) {
      const settings = tenants.get(tenant)?.pack.settings;
      if (!settings) return false;
      // The queue's own overflow rule (handoff/queue/overflow.ts), with the council's policy.
      return agentCanTakeNow(db, tenant, settings.queues, queueId, settings.urgentOverflow, urgent, now);
    },
    async dutyReachable(db, tenant, skills, now) {
      // Without a Notify key a referral is recorded, never sent (LogOnlySender).
      if (!notify.apiKey) return false;
      const sendable = (channel: string) => !!(channel === 'sms' ? notify.smsTemplateId : notify.emailTemplateId);
      const entry = await onCall(db, tenant, skills, now);
      if (entry && sendable(entry.channel)) return true;
      // Nobody on the rota: the chain goes straight to the council's fallbacks (handoff/referrals/escalation.ts).
      return (tenants.get(tenant)?.pack.settings.duty.fallback ?? []).some((f) => sendable(f.channel));
    },
  };
}
