/**
 * Wires call-backs (issue 14, item 2) into the server: the Twilio dialler the console's "Call now"
 * uses, the signed route Twilio posts the resident leg's outcome to, live updates to the console,
 * and the sweep that alerts supervisors once about each overdue call-back. Kept out of
 * api/server.ts so the composition root gains two lines.
 */
import type { Router } from 'express';
import { agentLegEnded, CALLBACK_SWEEP_EVERY_MS, CALLBACK_SWEEP_JOB, settleCallback, sweepOverdueCallbacks, type OverdueAlert } from '../callbacks/index.js';
import { callbackStatusRoutes, twilioCallbackDialler, twilioConfigFromEnv, TwilioRestClient } from '../channels/index.js';
import type { JobQueue } from '../jobs/index.js';
import type { ConsoleDeps } from './console/index.js';
import { consoleRooms } from './console/socket.js';

type Env = Record<string, string | undefined>;

export interface CallbackWiring {
  /** POST /channels/twilio/voice/callback-status (mounted by api/app.ts). */
  routes: () => Router;
  /** One sweep now (the job runs it every minute); returns how many were alerted. */
  sweep: () => Promise<number>;
}

/** What the agent's leg hears when the resident's leg ends. */
function spokenOutcome(status: string, retryAt: Date | null): string {
  if (status === 'completed') return 'The call has ended. Please record the outcome in the console.';
  if (status === 'failed') return 'The resident did not answer, and no tries are left. The call-back is marked as failed in the console.';
  return `The resident did not answer. The call-back goes back in the queue${retryAt ? ', due again later' : ''}.`;
}

export async function wireCallbacks(deps: ConsoleDeps, options: { env: Env; publicUrl: () => string | undefined; jobs: JobQueue; twilioNumber: (tenant: string) => string | undefined; servedTenants?: () => readonly string[] }): Promise<CallbackWiring> {
  // PUBLIC_URL as configured, else as the environment says now (read per call, as the Twilio routes read it).
  const publicUrl = () => options.publicUrl() ?? options.env.PUBLIC_URL?.trim() ?? undefined;
  let config: ReturnType<typeof twilioConfigFromEnv> = null;
  try {
    config = twilioConfigFromEnv(options.env);
  } catch (err) {
    deps.log.warn({ err: String(err) }, 'call-backs cannot be placed: Twilio is misconfigured');
  }
  if (config) {
    const cfg = config;
    deps.callbackDialler = twilioCallbackDialler({
      client: new TwilioRestClient(cfg),
      callerId: (tenant) => options.twilioNumber(tenant) ?? (/^\+\d{7,15}$/.test(cfg.from) ? cfg.from : undefined),
      publicUrl,
    });
  }
  const emit = (tenant: string, event: string, payload: unknown) => deps.consoleNamespace?.()?.to(consoleRooms.supervisors(tenant)).emit(event, payload);
  const changed = (tenant: string, queue: string, id: string) => {
    const ns = deps.consoleNamespace?.();
    ns?.to([consoleRooms.supervisors(tenant), consoleRooms.queue(tenant, queue)]).emit('callback:changed', { id });
  };
  const routes = () =>
    callbackStatusRoutes({
      authToken: () => config?.authToken ?? options.env.TWILIO_AUTH_TOKEN,
      publicUrl,
      onStatus: async (callSid, dialStatus) => {
        const row = await settleCallback(deps.store.db, callSid, dialStatus, deps.clock());
        if (!row) return undefined;
        deps.log.info({ callback: row.id, status: row.status, dialStatus, attempts: row.attempts }, 'call-back call ended');
        changed(row.tenant, row.queueId, row.id);
        return { spoken: spokenOutcome(row.status, row.status === 'missed' ? row.dueAt : null) };
      },
      onAgentLeg: async (callSid, callStatus) => {
        const row = await agentLegEnded(deps.store.db, callSid, callStatus, deps.clock());
        if (!row) return;
        deps.log.info({ callback: row.id, callStatus }, 'call-back not placed: the agent\'s leg ended first');
        changed(row.tenant, row.queueId, row.id);
      },
    });
  // Each process alerts only the councils it serves (processes or deployments may share a database).
  const sweep = () => sweepOverdueCallbacks(deps.store.db, deps.clock(), (a: OverdueAlert) => void emit(a.tenant, 'callback:overdue', a), { tenants: options.servedTenants?.() });
  options.jobs.register(CALLBACK_SWEEP_JOB, async () => void (await sweep()));
  await options.jobs.every(CALLBACK_SWEEP_JOB, CALLBACK_SWEEP_EVERY_MS);
  return { routes, sweep };
}
