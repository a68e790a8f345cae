import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { createSession } from '../agents/index.js';
import { freshTenant, openTestStore } from '../../test/store.js';
import { markProcessed, storeInbound, type Store } from '../../store/index.js';
import type { Assistant } from '../../bot/index.js';
import type { JobQueue } from '../../jobs/index.js';
import { RISK_KINDS } from '../../intents/types.js';
import { createLogger } from '../../api/logger.js';
import { problemHandler } from '../../api/problem.js';
import type { ConsoleDeps } from '../../api/console/deps.js';
import { workRoutes } from '../../api/console/work-routes.js';
import { attachConsoleNamespace, notifyHandoffCreated } from '../../api/console/socket.js';
import { accept, auditTrail, intentLabel, listQueue, offerNext, reasonLabel, safetyLabel, viewConversation, type QueueItem } from './index.js';
import { makeAgent, QUEUES, waitingHandoff } from './test-helpers.js';

/**
 * Urgent work reaches someone who can act (issue 8): the urgent-overflow policy, the urgent alert
 * sent only to agents who can open the item, the safety flag that sticks to the conversation,
 * and recognition in words. Real store, real sessions, real socket.io clients.
 */
let store: Store;
let server: http.Server;
let io: Server;
let base: string;
let deps: ConsoleDeps;
/** Each tenant's urgent-overflow policy, as its content pack would set it. */
const policies = new Map<string, 'all_agents' | 'none'>();

const SERVICE_NAMES = new Map([
  ['waste.missed_collection', { id: 'waste.missed_collection', name: 'Report a missed bin collection' }],
  ['social_care.adults', { id: 'social_care.adults', name: 'Adult social care' }],
  ['meta.speak_to_person', { id: 'meta.speak_to_person', name: 'Speak to a person' }],
]);

function fakeAssistant(): Assistant {
  return {
    runtime: (t: string) => {
      if (!policies.has(t)) throw new Error('unknown tenant');
      return {
        pack: {
          settings: { queues: QUEUES, caseReferencePrefix: 'MBC', openingHours: { timezone: 'Europe/London' }, urgentOverflow: policies.get(t) },
          flows: [],
          servicesById: SERVICE_NAMES,
        },
        articles: { search: () => [] },
      };
    },
  } as unknown as Assistant;
}

beforeAll(async () => {
  store = await openTestStore();
  server = http.createServer();
  io = new Server(server, { path: '/socket.io' });
  deps = {
    store,
    assistant: fakeAssistant(),
    jobs: {} as JobQueue,
    log: createLogger('silent'),
    consoleNamespace: () => io.of('/console'),
    secureCookies: false,
    clock: () => new Date(),
  };
  attachConsoleNamespace(io, deps);
  const app = express();
  const api = express.Router();
  api.use(express.json());
  api.use(workRoutes(deps));
  app.use('/api/console', api);
  app.use(problemHandler(deps.log));
  server.on('request', app);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => io.close(() => resolve()));
  await store.close();
});

async function council(policy: 'all_agents' | 'none'): Promise<string> {
  const tenant = await freshTenant(store);
  policies.set(tenant, policy);
  return tenant;
}

interface Signed {
  id: string;
  cookie: string;
  csrf: string;
}

async function signedIn(tenant: string, input: Parameters<typeof makeAgent>[2] = {}): Promise<Signed> {
  const agent = await makeAgent(store.db, tenant, input);
  const { token, session } = await createSession(store.db, { tenant, agentId: agent.id, stage: 'full', now: new Date() });
  return { id: agent.id, cookie: `ca_session=${token}`, csrf: session.csrf_token };
}

async function call(who: Signed, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { cookie: who.cookie, 'x-csrf-token': who.csrf };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}/api/console${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const sockets: ClientSocket[] = [];
afterAll(() => sockets.forEach((s) => s.disconnect()));

/** A console connected to `/console`, recording every `handoff:new` and `queue:changed` it hears. */
async function console_(who: Signed): Promise<{ alerts: { id: string }[]; changes: number }> {
  const s = connect(`${base}/console`, { path: '/socket.io', transports: ['websocket'], extraHeaders: { cookie: who.cookie }, reconnection: false });
  sockets.push(s);
  const heard = { alerts: [] as { id: string }[], changes: 0 };
  s.on('handoff:new', (e: { id: string }) => heard.alerts.push(e));
  s.on('queue:changed', () => heard.changes++);
  await new Promise((resolve) => s.once('ready', resolve));
  return heard;
}

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const ids = (items: QueueItem[]) => items.map((i) => i.id);

describe('the urgent alert reaches only agents who can open the item', () => {
  test('with a safety-skilled agent here, an agent without the skill is not alerted and does not list it', async () => {
    const tenant = await council('all_agents');
    const sam = await signedIn(tenant, { name: 'Sam Okafor', skills: ['safety', 'social_care'] });
    const gus = await signedIn(tenant, { name: 'Gus Hale', skills: ['waste'] });
    const samHears = await console_(sam);
    const gusHears = await console_(gus);
    const h = await waitingHandoff(store.db, tenant, { queue: 'safeguarding', priority: 'urgent', reason: 'safety.risk_to_life' });

    await notifyHandoffCreated(deps, tenant, { id: h.id, priority: 'urgent', queue: 'safeguarding', reason: 'safety.risk_to_life' });
    await until(() => samHears.alerts.length > 0 && gusHears.changes > 0);
    expect(samHears.alerts).toEqual([expect.objectContaining({ id: h.id, priority: 'urgent', reasonLabel: 'Risk to life' })]);
    // Gus's console is live (it heard the queue change) but got no alert for what he cannot open.
    await new Promise((r) => setTimeout(r, 150));
    expect(gusHears.alerts).toEqual([]);
    expect(ids((await call(gus, 'GET', '/queue')).body.handoffs)).not.toContain(h.id);
    expect((await call(gus, 'POST', `/handoffs/${h.id}/accept`)).status).toBe(404);
    expect(ids((await call(sam, 'GET', '/queue')).body.handoffs)).toContain(h.id);
  });

  test('a normal handoff in another queue alerts its queue and supervisors only', async () => {
    const tenant = await council('all_agents');
    const wasteAgent = await signedIn(tenant, { skills: ['waste'] });
    const highways = await signedIn(tenant, { skills: ['highways', 'street_scene'] });
    const supervisor = await signedIn(tenant, { roles: ['supervisor'], status: 'away' });
    const [w, hw, sup] = [await console_(wasteAgent), await console_(highways), await console_(supervisor)];
    const h = await waitingHandoff(store.db, tenant, { queue: 'waste', reason: 'service.waste.missed_collection' });
    await notifyHandoffCreated(deps, tenant, { id: h.id, priority: 'normal', queue: 'waste', reason: h.reason });
    await until(() => w.alerts.length > 0 && sup.alerts.length > 0 && hw.changes > 0);
    expect(w.alerts[0]).toMatchObject({ id: h.id, reasonLabel: 'Report a missed bin collection' });
    await new Promise((r) => setTimeout(r, 150));
    expect(hw.alerts).toEqual([]);
  });
});

describe('urgent overflow: with nobody who has the skills, urgent work goes to every available agent', () => {
  test("policy all_agents: an available agent is alerted, lists it, is offered it and can open it; it is audited", async () => {
    const tenant = await council('all_agents');
    // The only safety-skilled agent is signed in but busy: nobody with the skill can take it now.
    await signedIn(tenant, { name: 'Sam Okafor', skills: ['safety', 'social_care'], status: 'busy' });
    const gus = await signedIn(tenant, { name: 'Gus Hale', skills: ['waste'] });
    const away = await signedIn(tenant, { name: 'Ada Away', skills: [], status: 'away' });
    const gusHears = await console_(gus);
    const awayHears = await console_(away);
    const h = await waitingHandoff(store.db, tenant, {
      queue: 'safeguarding',
      priority: 'urgent',
      reason: 'safety.safeguarding_concern',
      context: { channel: 'webchat', safety: { category: 'safety.safeguarding_concern', kind: 'child_at_risk', source: 'screen', reason: 'child at risk' } },
    });

    await notifyHandoffCreated(deps, tenant, { id: h.id, priority: 'urgent', queue: 'safeguarding', reason: h.reason });
    await until(() => gusHears.alerts.length > 0 && awayHears.changes > 0);
    expect(gusHears.alerts[0]).toMatchObject({ id: h.id, priority: 'urgent' });
    await new Promise((r) => setTimeout(r, 150));
    expect(awayHears.alerts).toEqual([]); // away: overflow goes to available agents only

    const listed = (await call(gus, 'GET', '/queue')).body.handoffs as QueueItem[];
    expect(listed.find((i) => i.id === h.id)).toMatchObject({
      overflow: true,
      safety: { category: 'safety.safeguarding_concern', kind: 'child_at_risk', label: 'Safeguarding: a child at risk' },
    });
    // Routing offered it to him too (notifyHandoffCreated runs a routing pass).
    const row = await store.db.selectFrom('handoffs').select('offered_to').where('id', '=', h.id).executeTakeFirstOrThrow();
    expect(row.offered_to).toBe(gus.id);

    const accepted = await call(gus, 'POST', `/handoffs/${h.id}/accept`);
    expect(accepted).toMatchObject({ status: 200, body: { conversationId: h.conversation_id } });
    const trail = await auditTrail(store.db, tenant, 'conversation', h.conversation_id);
    const acceptEvent = trail.find((e) => e.action === 'handoff.accept');
    expect(acceptEvent).toMatchObject({ actorId: gus.id, detail: expect.objectContaining({ overflow: expect.objectContaining({ policy: 'all_agents', queueSkills: ['safety', 'social_care'] }) }) });
  });

  test("policy none: the same agent is not alerted, does not list it and cannot open it", async () => {
    const tenant = await council('none');
    const gus = await signedIn(tenant, { name: 'Gus Hale', skills: ['waste'] });
    const gusHears = await console_(gus);
    const h = await waitingHandoff(store.db, tenant, { queue: 'safeguarding', priority: 'urgent', reason: 'safety.risk_to_life' });
    await notifyHandoffCreated(deps, tenant, { id: h.id, priority: 'urgent', queue: 'safeguarding', reason: h.reason });
    await until(() => gusHears.changes > 0);
    await new Promise((r) => setTimeout(r, 150));
    expect(gusHears.alerts).toEqual([]);
    expect(ids((await call(gus, 'GET', '/queue')).body.handoffs)).not.toContain(h.id);
    expect((await call(gus, 'POST', `/handoffs/${h.id}/accept`)).status).toBe(404);
    const row = await store.db.selectFrom('handoffs').select('offered_to').where('id', '=', h.id).executeTakeFirstOrThrow();
    expect(row.offered_to).toBeNull();
  });

  test('the rule itself: skilled and free means no overflow; at capacity, busy or away means overflow; never for normal work', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const gen = await makeAgent(db, tenant, { skills: [] });
    const busyGen = await makeAgent(db, tenant, { skills: [], status: 'busy' });
    const safety = await makeAgent(db, tenant, { skills: ['safety', 'social_care'], capacity: 1 });
    const urgent = await waitingHandoff(db, tenant, { queue: 'safeguarding', priority: 'urgent', reason: 'safety.risk_to_life' });
    const normalWaste = await waitingHandoff(db, tenant, { queue: 'waste', priority: 'normal' });
    const opts = { urgentOverflow: 'all_agents' as const };

    // A safety agent with a free slot is here: the item is theirs alone.
    expect(ids(await listQueue(db, tenant, gen, QUEUES, new Date(), opts))).not.toContain(urgent.id);
    expect(await offerNext(db, tenant, QUEUES, new Date(), opts)).toEqual([{ handoffId: urgent.id, agentId: safety.id, conversationId: urgent.conversation_id }]);

    // The safety agent fills their only slot: now the urgent one overflows to the available generalist.
    const other = await waitingHandoff(db, tenant, { queue: 'safeguarding', priority: 'urgent', reason: 'safety.risk_to_life' });
    await accept(db, tenant, other.id, safety, QUEUES);
    const genList = await listQueue(db, tenant, gen, QUEUES, new Date(), opts);
    expect(genList.find((i) => i.id === urgent.id)).toMatchObject({ overflow: true });
    expect(ids(genList)).not.toContain(normalWaste.id); // overflow is for urgent work only
    expect(ids(await listQueue(db, tenant, busyGen, QUEUES, new Date(), opts))).not.toContain(urgent.id);
    expect(ids(await listQueue(db, tenant, gen, QUEUES, new Date(), { urgentOverflow: 'none' }))).not.toContain(urgent.id);

    // The safety agent's offer lapses (30 s): routing gives it to the generalist, marked as overflow.
    const later = new Date(Date.now() + 31_000);
    await db.updateTable('agents').set({ last_seen_at: later }).where('tenant_id', '=', tenant).execute();
    const offers = await offerNext(db, tenant, QUEUES, later, opts);
    expect(offers).toEqual([{ handoffId: urgent.id, agentId: gen.id, conversationId: urgent.conversation_id, overflow: true }]);
    const taken = await accept(db, tenant, urgent.id, gen, QUEUES, later, { urgentOverflow: 'none' });
    expect(taken.conversationId).toBe(urgent.conversation_id); // an offer made under the policy stands
  });
});

describe('the safety flag sticks to the conversation, in words', () => {
  /** A resident's message as the assistant's policy records it. */
  async function said(tenant: string, conversationId: string, n: number, recognition: Record<string, unknown>) {
    const { message } = await storeInbound(store.db, { tenant, conversationId, channel: 'webchat', providerMessageId: `${conversationId}-${n}`, text: `message ${n}` });
    await markProcessed(store.db, tenant, message.id, recognition);
  }
  const ordinary = (intent: string, confidence: number) => ({
    intent,
    confidence,
    ranked: [
      { intent, confidence },
      { intent: 'meta.speak_to_person', confidence: 0.1 },
      { intent: 'out_of_scope', confidence: 0.05 },
    ],
    outOfScope: false,
    entities: [],
    safety: null,
  });

  test('the highest flag of any message shows in the queue and the context, though the latest message was ordinary', async () => {
    const tenant = await council('all_agents');
    const sam = await signedIn(tenant, { name: 'Sam Okafor', skills: ['safety', 'social_care'] });
    const h = await waitingHandoff(store.db, tenant, { queue: 'safeguarding', priority: 'urgent', reason: 'safety.safeguarding_concern' });
    const c = h.conversation_id;
    await said(tenant, c, 1, { ...ordinary('social_care.adults', 0.38), safety: { category: 'safety.safeguarding_concern', kind: 'adult_at_risk', source: 'classifier', reason: 'classifier' } });
    await said(tenant, c, 2, { ...ordinary('social_care.adults', 0.38), safety: { category: 'safety.risk_to_life', kind: 'suicide_self_harm', source: 'screen', reason: 'mentions suicide' } });
    // Asked "Is anyone in danger right now?" is not a flag.
    await said(tenant, c, 3, { ...ordinary('social_care.adults', 0.4), safetyAsk: { category: 'safety.risk_to_life', kind: 'danger_now', reason: 'unsure' } });
    await said(tenant, c, 4, ordinary('waste.missed_collection', 0.82));

    const queue = (await call(sam, 'GET', '/queue')).body.handoffs as QueueItem[];
    expect(queue.find((i) => i.id === h.id)).toMatchObject({
      safety: { category: 'safety.risk_to_life', kind: 'suicide_self_harm', label: 'Risk to life: suicide or self-harm' },
      reasonLabel: 'Safeguarding',
    });

    const view = await call(sam, 'GET', `/conversations/${c}`);
    expect(view.status).toBe(200);
    const ctx = view.body.context;
    expect(ctx.safetyFlag).toMatchObject({ category: 'safety.risk_to_life', kind: 'suicide_self_harm', label: 'Risk to life: suicide or self-harm', reason: 'mentions suicide' });
    expect(ctx.recognition.intent).toBe('waste.missed_collection'); // the raw one is still the last message's
    expect(ctx.understood).toEqual({
      intent: { label: 'Report a missed bin collection', confidence: 0.82 },
      others: [
        { label: 'Asked for a person', confidence: 0.1 },
        { label: 'Not a council matter', confidence: 0.05 },
      ],
      safety: null,
    });
    expect(view.body.handoff.reasonLabel).toBe('Safeguarding');
    const shown = JSON.stringify([ctx.safetyFlag.label, ctx.understood, view.body.handoff.reasonLabel]);
    expect(shown).not.toMatch(/safety\.|meta\.|out_of_scope|_/);
  });

  test('a conversation with no flagged message has none; an old handoff falls back to its own reason and kind', async () => {
    const db = store.db;
    const tenant = await freshTenant(store);
    const agent = await makeAgent(db, tenant, { roles: ['supervisor'] });
    const plain = await waitingHandoff(db, tenant, { queue: 'waste' });
    await said(tenant, plain.conversation_id, 1, ordinary('waste.missed_collection', 0.9));
    const old = await waitingHandoff(db, tenant, {
      queue: 'safeguarding',
      priority: 'urgent',
      reason: 'safety.safeguarding_concern',
      context: { safety: { category: 'safety.safeguarding_concern', kind: 'domestic_abuse' } },
    });
    const items = await listQueue(db, tenant, agent, QUEUES);
    expect(items.find((i) => i.id === plain.id)!.safety).toBeNull();
    expect(items.find((i) => i.id === old.id)!.safety).toEqual({ category: 'safety.safeguarding_concern', kind: 'domestic_abuse', label: 'Safeguarding: domestic abuse' });
    const view = await viewConversation(db, tenant, plain.conversation_id, agent, QUEUES);
    expect(view.context.safetyFlag).toBeNull();
  });

  test('labels are words, never internal ids', () => {
    const names = (id: string) => SERVICE_NAMES.get(id)?.name;
    expect(safetyLabel('safety.risk_to_life', 'suicide_self_harm')).toBe('Risk to life: suicide or self-harm');
    expect(safetyLabel('safety.risk_to_life', 'fire_gas_co')).toBe('Risk to life: fire, gas or carbon monoxide');
    expect(safetyLabel('safety.safeguarding_concern', 'child_at_risk')).toBe('Safeguarding: a child at risk');
    expect(safetyLabel('safety.risk_to_life')).toBe('Risk to life');
    expect(intentLabel('meta.speak_to_person', names)).toBe('Asked for a person');
    expect(intentLabel('meta.greeting', names)).toBe('Greeting');
    expect(intentLabel('out_of_scope', names)).toBe('Not a council matter');
    expect(intentLabel('waste.missed_collection', names)).toBe('Report a missed bin collection');
    expect(reasonLabel('service.waste.missed_collection', names)).toBe('Report a missed bin collection');
    expect(reasonLabel('resident_request', names)).toBe('Asked for a person');
    const every = [
      ...RISK_KINDS.flatMap((k) => [safetyLabel('safety.risk_to_life', k), safetyLabel('safety.safeguarding_concern', k)]),
      ...['meta.speak_to_person', 'meta.greeting', 'meta.thanks_goodbye', 'meta.complaint_about_bot', 'meta.something_new', 'out_of_scope', 'safety.risk_to_life', 'safety.safeguarding_concern', 'housing.not_in_catalogue'].map((id) => intentLabel(id, names)),
      ...['resident_request', 'safety.risk_to_life', 'safety.safeguarding_concern', 'service.housing.homeless_tonight'].map((r) => reasonLabel(r, names)),
    ];
    for (const label of every) expect([label, /[a-z]+[._][a-z]+/.test(label)]).toEqual([label, false]);
  });
});
