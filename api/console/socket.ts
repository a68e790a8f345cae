import type { Namespace, Server, Socket } from 'socket.io';
import { z } from 'zod';
import {
  agentsWhoCanOpen,
  audienceOf,
  DEFAULT_URGENT_OVERFLOW,
  firstName,
  heartbeat,
  isSupervisor,
  offerNext,
  queuesServedBy,
  reasonLabel,
  setStatus,
  type Audience,
  type QueueSettings,
  type ServiceNames,
  type UrgentOverflow,
} from '../../handoff/index.js';
import { findHandoffForAlert, openHandoffFor } from '../../store/index.js';
import { consoleClientEvents, type ConsoleAck, type ConsoleServerPayloads, type ResidentServerPayloads } from '../../wire/index.js';
import type { ConsoleDeps } from './deps.js';
import { agentFromCookieHeader, type ConsoleAgent } from './session.js';

/** The queues of a tenant's content pack (empty for a tenant the assistant does not serve). */
export function queuesOf(deps: Pick<ConsoleDeps, 'assistant'>, tenant: string): QueueSettings[] {
  try {
    return deps.assistant.runtime(tenant).pack.settings.queues as QueueSettings[];
  } catch {
    return [];
  }
}

/** The council's urgent-overflow policy (settings.urgentOverflow, handoff/README.md). */
/** The council's Welsh queue names (settings.welsh.queues), for notices to a Welsh conversation. */
export function welshQueuesOf(deps: Pick<ConsoleDeps, 'assistant'>, tenant: string): Record<string, string> | undefined {
  try {
    return (deps.assistant.runtime(tenant).pack.settings as { welsh?: { queues?: Record<string, string> } }).welsh?.queues;
  } catch {
    return undefined;
  }
}

export function overflowPolicyOf(deps: Pick<ConsoleDeps, 'assistant'>, tenant: string): UrgentOverflow {
  try {
    return (deps.assistant.runtime(tenant).pack.settings as { urgentOverflow?: UrgentOverflow }).urgentOverflow ?? DEFAULT_URGENT_OVERFLOW;
  } catch {
    return DEFAULT_URGENT_OVERFLOW;
  }
}

/** The catalogue's service names, for labels the agent reads instead of ids. */
export function serviceNamesOf(deps: Pick<ConsoleDeps, 'assistant'>, tenant: string): ServiceNames {
  try {
    const byId = deps.assistant.runtime(tenant).pack.servicesById as Map<string, { name?: string }>;
    return (id) => byId.get(id)?.name;
  } catch {
    return () => undefined;
  }
}

export function timeZoneOf(deps: Pick<ConsoleDeps, 'assistant'>, tenant: string): string {
  try {
    return deps.assistant.runtime(tenant).pack.settings.openingHours.timezone;
  } catch {
    return 'Europe/London';
  }
}

/**
 * The console's rooms. Every agent joins `tenant:<id>` (events naming no conversation, such as
 * `queue:changed`), `agent:<id>`, one `queue:<tenant>:<queue>` room per queue their skills serve
 * (handoff/queue `servesQueue`, the rule of the listing) and, for supervisors and admins,
 * `supervisors:<tenant>`. An event naming a conversation goes only to the rooms of its audience.
 */
export const consoleRooms = {
  tenant: (tenant: string) => `tenant:${tenant}`,
  agent: (agentId: string) => `agent:${agentId}`,
  supervisors: (tenant: string) => `supervisors:${tenant}`,
  queue: (tenant: string, queue: string) => `queue:${tenant}:${queue}`,
};

/** The rooms an agent belongs in, from their roles and skills and the council's queues. */
export function roomsOfAgent(agent: Pick<ConsoleAgent, 'id' | 'tenantId' | 'roles' | 'skills'>, queues: readonly QueueSettings[]): string[] {
  const t = agent.tenantId;
  return [
    consoleRooms.tenant(t),
    consoleRooms.agent(agent.id),
    ...(isSupervisor(agent) ? [consoleRooms.supervisors(t)] : []),
    ...queuesServedBy(agent, queues).map((q) => consoleRooms.queue(t, q)),
  ];
}

/** The rooms that may hear of a conversation (handoff/queue/access.ts): supervisors always. */
export function roomsOfAudience(tenant: string, audience: Audience): string[] {
  if (audience.everyone) return [consoleRooms.tenant(tenant)];
  return [
    consoleRooms.supervisors(tenant),
    ...(audience.queue ? [consoleRooms.queue(tenant, audience.queue)] : []),
    ...audience.agents.map(consoleRooms.agent),
  ];
}

/** Emits a console event (wire/socket.ts) to rooms; a socket in several of them hears it once. */
export function emitToConsoles<E extends keyof ConsoleServerPayloads>(nsp: Namespace | undefined, room: string | string[], event: E, payload: ConsoleServerPayloads[E]): void {
  nsp?.to(room).emit(event, payload);
}

/** Tells every console of the tenant to refresh its queue (the event names no conversation). */
export function notifyQueueChanged(deps: Pick<ConsoleDeps, 'consoleNamespace'>, tenant: string): void {
  emitToConsoles(deps.consoleNamespace?.(), consoleRooms.tenant(tenant), 'queue:changed', { tenant });
}

/** Emits an event naming a conversation to those who may see it; a failed lookup is logged and nobody hears it. */
async function emitAboutConversation<E extends 'conversation:message' | 'conversation:typing'>(
  deps: Pick<ConsoleDeps, 'consoleNamespace' | 'assistant' | 'store' | 'clock' | 'log'>,
  tenant: string,
  conversationId: string,
  event: E,
  payload: ConsoleServerPayloads[E],
): Promise<void> {
  try {
    const audience = await audienceOf(deps.store.db, tenant, conversationId, queuesOf(deps, tenant), {
      urgentOverflow: overflowPolicyOf(deps, tenant),
      now: deps.clock(),
    });
    emitToConsoles(deps.consoleNamespace?.(), roomsOfAudience(tenant, audience), event, payload);
  } catch (err) {
    deps.log.warn({ err, tenant, conversationId }, `console ${event} not sent`);
  }
}

/**
 * A message was added to a conversation (resident, agent or system): the consoles that may see it
 * refresh. Never throws (it runs after the change committed).
 */
export function notifyConversationMessage(
  deps: Pick<ConsoleDeps, 'consoleNamespace' | 'assistant' | 'store' | 'clock' | 'log'>,
  tenant: string,
  conversationId: string,
): Promise<void> {
  return emitAboutConversation(deps, tenant, conversationId, 'conversation:message', { conversationId });
}

/**
 * One routing pass for the tenant; each new offer is told to the agent it went to.
 * Call after anything that frees a slot or adds work, and on a timer (offers lapse after 30 s).
 */
export async function routeAndNotify(deps: ConsoleDeps, tenant: string): Promise<void> {
  try {
    const offers = await offerNext(deps.store.db, tenant, queuesOf(deps, tenant), deps.clock(), { urgentOverflow: overflowPolicyOf(deps, tenant) });
    const nsp = deps.consoleNamespace?.();
    for (const o of offers) emitToConsoles(nsp, `agent:${o.agentId}`, 'handoff:offered', { id: o.handoffId, ...(o.overflow ? { overflow: true as const } : {}) });
    if (offers.length) notifyQueueChanged(deps, tenant);
  } catch (err) {
    deps.log.warn({ err, tenant }, 'handoff routing failed');
  }
}

/**
 * The assistant queued (or escalated) a conversation. Its alert (`handoff:new`, which sounds in
 * the console) goes only to the agents who can open it: supervisors, those with the queue's
 * skills, the one it waits for, and, under the urgent-overflow policy, every available agent when
 * nobody with the skills is here. Every console refreshes its queue; routing offers it.
 */
export async function notifyHandoffCreated(
  deps: ConsoleDeps,
  tenant: string,
  handoff: { id: string; priority: string; queue: string; reason: string },
): Promise<void> {
  // Consoles refresh their queue first (each agent's list is filtered when it is read), while the
  // alert's audience is worked out: the handoff reaches the screen sooner (issue 11, within 250 ms).
  notifyQueueChanged(deps, tenant);
  try {
    const db = deps.store.db;
    const row = await findHandoffForAlert(db, tenant, handoff.id);
    if (row && !row.closed_at && !row.agent_id) {
      const queues = queuesOf(deps, tenant);
      const who = await agentsWhoCanOpen(db, tenant, row, queues, overflowPolicyOf(deps, tenant), deps.clock());
      const event: ConsoleServerPayloads['handoff:new'] = {
        id: handoff.id,
        priority: row.priority,
        queue: row.queue,
        reason: row.reason,
        reasonLabel: reasonLabel(row.reason, serviceNamesOf(deps, tenant)),
      };
      const nsp = deps.consoleNamespace?.();
      for (const id of who) emitToConsoles(nsp, `agent:${id}`, 'handoff:new', event);
    }
  } catch (err) {
    deps.log.warn({ err, tenant, handoffId: handoff.id }, 'handoff alert failed');
  }
  await routeAndNotify(deps, tenant);
}

/** Routing for every tenant the assistant serves: the lead runs this on a timer or job (every ~10 s). */
export async function routeAllTenants(deps: ConsoleDeps, tenants: Iterable<string>): Promise<void> {
  for (const tenant of tenants) await routeAndNotify(deps, tenant);
}

/** What `attachConsoleNamespace` was given, per socket.io server: the typing relay needs the store and the queues. */
const depsOfServer = new WeakMap<Server, ConsoleDeps>();

/**
 * The resident is typing (from the `/` namespace): the consoles that may see the conversation show
 * it. Before the console namespace is attached, nobody hears it.
 */
export function relayResidentTyping(io: Server, conversationId: string, tenant: string, typing: boolean): Promise<void> {
  const deps = depsOfServer.get(io);
  if (!deps) return Promise.resolve();
  return emitAboutConversation({ ...deps, consoleNamespace: () => io.of('/console') }, tenant, conversationId, 'conversation:typing', { conversationId, typing: !!typing });
}

/**
 * The staff socket is for the console page, served by this server: a browser handshake from any
 * other site (which would carry the agent's cookie if SameSite ever allowed it) is refused. Allowed:
 * no Origin (not a browser, or a same-origin polling GET, which browsers send without one), this
 * host, PUBLIC_URL's origin, and any origin listed in `extra`. ALLOWED_ORIGINS is not used: it
 * lists the council sites the resident widget runs on, which have no business on the staff socket.
 */
export function consoleOriginAllowed(origin: string | undefined, host: string | undefined, publicUrl?: string, extra: string[] = []): boolean {
  if (!origin) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (host && url.host === host.toLowerCase()) return true;
  if (publicUrl && url.origin === new URL(publicUrl).origin) return true;
  return extra.includes(url.origin);
}

const presenceBody = consoleClientEvents.presence;
const typingBody = consoleClientEvents.typing;

/**
 * The `/console` namespace: agents authenticate with the session cookie in the handshake and
 * join their rooms (`roomsOfAgent`). They send presence, a heartbeat every 20 s (which also
 * re-checks the session, so a revoked or expired one is disconnected, and re-joins the rooms, so
 * changed skills or queues take effect), and typing, relayed to the resident only for a
 * conversation the agent holds.
 */
export function attachConsoleNamespace(io: Server, deps: ConsoleDeps, options: { extraOrigins?: string[] } = {}): void {
  depsOfServer.set(io, deps);
  const nsp = io.of('/console');
  nsp.use(async (socket, next) => {
    const { origin, host } = socket.handshake.headers;
    if (!consoleOriginAllowed(origin, host, deps.publicUrl, options.extraOrigins)) {
      deps.log.warn({ origin }, 'console socket refused: foreign origin');
      return next(new Error('origin not allowed'));
    }
    try {
      const agent = await agentFromCookieHeader(deps, socket.handshake.headers.cookie);
      if (!agent) return next(new Error('unauthorised'));
      socket.data.agent = agent;
      next();
    } catch (err) {
      next(err instanceof Error ? err : new Error('unauthorised'));
    }
  });
  nsp.on('connection', (socket) => {
    const agent = socket.data.agent as ConsoleAgent;
    const tenant = agent.tenantId;
    let rooms = roomsOfAgent(agent, queuesOf(deps, tenant));
    void socket.join(rooms);
    void heartbeat(deps.store.db, tenant, agent.id, deps.clock()).catch(() => undefined);
    socket.emit('ready', { agentId: agent.id, tenant } satisfies ConsoleServerPayloads['ready']);

    socket.on('presence', (raw: unknown, ack?: unknown) =>
      handle(socket, ack, async () => {
        const { status } = presenceBody.parse(raw);
        const row = await setStatus(deps.store.db, tenant, agent.id, status, deps.clock());
        notifyQueueChanged(deps, tenant);
        if (status === 'available') await routeAndNotify(deps, tenant);
        return { status: row.status };
      }),
    );

    socket.on('heartbeat', (_raw: unknown, ack?: unknown) =>
      handle(socket, ack, async () => {
        const still = await agentFromCookieHeader(deps, socket.handshake.headers.cookie);
        if (!still || still.id !== agent.id) {
          socket.emit('session:ended', {} satisfies ConsoleServerPayloads['session:ended']);
          socket.disconnect(true);
          return { ok: false };
        }
        const now = roomsOfAgent(still, queuesOf(deps, tenant));
        for (const r of rooms) if (!now.includes(r)) void socket.leave(r);
        void socket.join(now);
        rooms = now;
        await heartbeat(deps.store.db, tenant, agent.id, deps.clock());
        return { ok: true };
      }),
    );

    socket.on('typing', (raw: unknown, ack?: unknown) =>
      handle(socket, ack, async () => {
        const { conversationId, typing } = typingBody.parse(raw);
        const handoff = await openHandoffFor(deps.store.db, tenant, conversationId);
        if (!handoff || handoff.agent_id !== agent.id) return { ok: false };
        io.to(`conv:${conversationId}`).emit('typing', { from: 'agent', name: firstName(agent.name), typing } satisfies ResidentServerPayloads['typing']);
        deps.relayAgentTyping?.(tenant, conversationId, firstName(agent.name), typing);
        return { ok: true };
      }),
    );
  });
}

/** Runs a client event's handler; bad input or a failure answers the acknowledgement (if any) instead of throwing. */
function handle(socket: Socket, ack: unknown, fn: () => Promise<ConsoleAck>): void {
  fn()
    .then((result) => {
      if (typeof ack === 'function') ack(result);
    })
    .catch((err: unknown) => {
      const message = err instanceof z.ZodError ? 'invalid' : 'failed';
      if (typeof ack === 'function') ack({ ok: false, error: message } satisfies ConsoleAck);
      else socket.emit('error_message', { title: message } satisfies ConsoleServerPayloads['error_message']);
    });
}
