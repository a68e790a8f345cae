import { sql } from 'kysely';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { Resident, startTestServer, type TestServer } from '../../test/server.js';

/**
 * The console's daily work (issue 16, item 7) over HTTP on the real server: canned responses are
 * edited by supervisors and admins only (per council and per skill, audited) and read by agents
 * by their skills; a private note is kept apart from the messages every channel sends, so it never
 * reaches the resident, and is audited; transfer reaches a queue nobody has seen a handoff in, and
 * an adviser chosen from the directory; unread counts follow the resident's messages.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => server?.close());

async function auditActions(action: string, subjectId: string): Promise<{ detail: unknown }[]> {
  const rows = await sql<{ detail: unknown }>`select detail from audit_events where action = ${action} and subject_id = ${subjectId}`.execute(server.store.db);
  return rows.rows;
}

/** A resident asking for a person, and an agent (waste, highways...) holding the conversation. */
async function heldConversation(agent: ConsoleClient): Promise<{ resident: Resident; handoffId: string }> {
  const resident = await new Resident(server.url, server.tenant).start();
  expect((await resident.say('can I speak to a real person please')).some((m) => m.handoff)).toBe(true);
  const { body } = await agent.call('GET', '/queue');
  const item = body.handoffs.find((h: { conversationId: string }) => h.conversationId === resident.conversationId);
  expect(item).toBeDefined();
  expect((await agent.call('POST', `/handoffs/${item.id}/accept`)).status).toBe(200);
  return { resident, handoffId: item.id };
}

test('canned responses: agents read by skill and cannot edit; supervisors add, change and delete, audited', async () => {
  const agent = await signedInAgent(server, { skills: ['housing'] });
  const wasteAgent = await signedInAgent(server, { skills: ['waste'] });
  const supervisor = await signedInAgent(server, { roles: ['supervisor'], skills: [] });

  const demo = await agent.client.call('GET', '/canned-responses');
  expect(demo.status).toBe(200);
  expect(demo.body.responses.map((r: { title: string }) => r.title)).toContain('Case logged');
  const someId = demo.body.responses[0].id;

  const body = { title: 'Bin day', body: 'Hello {resident_name}, your bin day is Tuesday. {agent_name}', skill: 'waste' };
  expect((await agent.client.call('POST', '/canned-responses', body)).status).toBe(403);
  expect((await agent.client.call('PUT', `/canned-responses/${someId}`, body)).status).toBe(403);
  expect((await agent.client.call('DELETE', `/canned-responses/${someId}`)).status).toBe(403);
  expect((await agent.client.call('GET', '/canned-responses?all=true')).status).toBe(403);

  // Bad input: a clear problem with the field named.
  const typo = await supervisor.client.call('POST', '/canned-responses', { ...body, body: 'Hello {residentname}' });
  expect(typo.status).toBe(400);
  expect(typo.body.errors[0]).toEqual({ path: 'body', message: expect.stringContaining('{resident_name}') });
  const noSkill = await supervisor.client.call('POST', '/canned-responses', { ...body, skill: 'wizardry' });
  expect([noSkill.status, noSkill.body.title]).toEqual([400, 'Unknown skill']);

  const created = await supervisor.client.call('POST', '/canned-responses', body);
  expect(created.status).toBe(201);
  const id = created.body.response.id;
  expect(created.body.response).toEqual({ id, title: 'Bin day', body: body.body, skill: 'waste' });
  // Only advisers with the skill see it; supervisors managing see all.
  expect((await wasteAgent.client.call('GET', '/canned-responses')).body.responses.some((r: { id: string }) => r.id === id)).toBe(true);
  expect((await agent.client.call('GET', '/canned-responses')).body.responses.some((r: { id: string }) => r.id === id)).toBe(false);
  expect((await supervisor.client.call('GET', '/canned-responses?all=true')).body.responses.some((r: { id: string }) => r.id === id)).toBe(true);

  const changed = await supervisor.client.call('PUT', `/canned-responses/${id}`, { title: 'Bin day (changed)', body: 'Your reference is {reference}.', skill: null });
  expect(changed.status).toBe(200);
  expect((await agent.client.call('GET', '/canned-responses')).body.responses.find((r: { id: string }) => r.id === id)).toEqual({ id, title: 'Bin day (changed)', body: 'Your reference is {reference}.' });

  expect((await supervisor.client.call('DELETE', `/canned-responses/${id}`)).status).toBe(204);
  expect((await supervisor.client.call('DELETE', `/canned-responses/${id}`)).status).toBe(404);
  expect((await supervisor.client.call('PUT', `/canned-responses/${id}`, body)).status).toBe(404);
  expect((await supervisor.client.call('GET', '/canned-responses?all=true')).body.responses.some((r: { id: string }) => r.id === id)).toBe(false);
  for (const action of ['canned_response.create', 'canned_response.update', 'canned_response.delete']) expect(await auditActions(action, id)).toHaveLength(1);

  // A council that deletes every one keeps none: the demo set is not seeded back.
  for (const r of (await supervisor.client.call('GET', '/canned-responses?all=true')).body.responses) {
    expect((await supervisor.client.call('DELETE', `/canned-responses/${r.id}`)).status).toBe(204);
  }
  expect((await agent.client.call('GET', '/canned-responses')).body.responses).toEqual([]);
}, 60_000);

test('a private note is never sent to the resident, is shown to colleagues who may see the conversation, and is audited', async () => {
  const agent = await signedInAgent(server, { skills: ['waste'] });
  const { resident } = await heldConversation(agent.client);
  const secret = 'Resident sounded upset; a colleague knows the family from 2024';

  expect((await agent.client.call('POST', `/conversations/${resident.conversationId}/notes`, { text: '   ' })).status).toBe(400);
  const added = await agent.client.call('POST', `/conversations/${resident.conversationId}/notes`, { text: secret });
  expect(added.status).toBe(201);
  expect(added.body.note).toEqual({ id: expect.any(String), agentId: agent.agentId, agentName: expect.any(String), text: secret, createdAt: expect.any(String) });

  // Not in the resident's transcript, and not among the conversation's messages, which every channel's sender reads.
  expect(JSON.stringify(await resident.transcript())).not.toContain('colleague knows');
  const messages = await sql<{ text: string; direction: string }>`select text, direction from messages where conversation_id = ${resident.conversationId}`.execute(server.store.db);
  expect(messages.rows.length).toBeGreaterThan(0);
  expect(messages.rows.some((m) => m.text.includes('colleague knows'))).toBe(false);
  // The resident writes again: the assistant stays quiet (a person holds it) and still nothing of the note goes out.
  await resident.say('hello?');
  expect(JSON.stringify(await resident.transcript())).not.toContain('colleague knows');

  // A colleague with the skills reads it; a supervisor too; an agent without need to know is told it does not exist.
  const colleague = await signedInAgent(server, { skills: ['waste'] });
  expect((await colleague.client.call('GET', `/conversations/${resident.conversationId}/notes`)).body.notes.map((n: { text: string }) => n.text)).toEqual([secret]);
  const stranger = await signedInAgent(server, { skills: ['housing'] });
  // The general queue is everyone's while queued; once held, only the holder (and supervisors) may see it.
  const strangerView = await stranger.client.call('GET', `/conversations/${resident.conversationId}`);
  const strangerNotes = await stranger.client.call('GET', `/conversations/${resident.conversationId}/notes`);
  expect(strangerNotes.status).toBe(strangerView.status);
  expect((await stranger.client.call('POST', `/conversations/${resident.conversationId}/notes`, { text: 'x' })).status).toBe(strangerView.status === 200 ? 201 : 404);

  const audited = await auditActions('conversation.note', resident.conversationId);
  expect(audited.length).toBeGreaterThanOrEqual(1);
  expect(JSON.stringify(audited)).not.toContain('colleague knows');
}, 60_000);

test('transfer to a queue no handoff has been in, and to an adviser chosen from the directory by name', async () => {
  const agent = await signedInAgent(server, { skills: ['waste', 'housing'] });
  const { resident } = await heldConversation(agent.client);

  // The council's queues come from its settings, seen or not.
  const { body: targets } = await agent.client.call('GET', '/queues');
  expect(targets.queues.map((q: { id: string }) => q.id)).toEqual(expect.arrayContaining(['general', 'waste', 'highways', 'housing', 'safeguarding']));
  const seen = await sql<{ n: number }>`select count(*)::int as n from handoffs where tenant_id = ${server.tenant} and queue = 'housing'`.execute(server.store.db);
  expect(seen.rows[0].n).toBe(0);
  expect((await agent.client.call('POST', `/conversations/${resident.conversationId}/transfer`, { queue: 'housing', note: 'About a repair' })).status).toBe(204);
  const moved = await sql<{ queue: string }>`select queue from handoffs where conversation_id = ${resident.conversationId} and closed_at is null`.execute(server.store.db);
  expect(moved.rows[0].queue).toBe('housing');
  expect(JSON.stringify((await resident.transcript()).messages)).toMatch(/Housing/);

  // Take it back, then pass it to a named colleague found in the directory.
  const item = (await agent.client.call('GET', '/queue')).body.handoffs.find((h: { conversationId: string }) => h.conversationId === resident.conversationId);
  expect((await agent.client.call('POST', `/handoffs/${item.id}/accept`)).status).toBe(200);
  const colleague = await signedInAgent(server, { skills: ['housing'] });
  expect((await colleague.client.call('PUT', '/me/status', { status: 'available' })).status).toBe(200);
  const { body: directory } = await agent.client.call('GET', '/agents');
  const picked = directory.agents.find((a: { id: string; status: string }) => a.id === colleague.agentId);
  expect(picked).toEqual({ id: colleague.agentId, name: expect.any(String), status: 'available', skills: ['housing'] });
  expect((await agent.client.call('POST', `/conversations/${resident.conversationId}/transfer`, { agentId: picked.id, note: 'You know this one' })).status).toBe(204);
  const offered = (await colleague.client.call('GET', '/queue')).body.handoffs.find((h: { conversationId: string }) => h.conversationId === resident.conversationId);
  expect(offered.offeredTo).toBe(colleague.agentId);
  // The resident is told the adviser's first name only.
  expect(JSON.stringify((await resident.transcript()).messages)).toContain(`my colleague ${picked.name.split(' ')[0]}`);
}, 60_000);

test('unread counts: residents’ messages after the last one the agent was shown', async () => {
  const agent = await signedInAgent(server, { skills: ['waste'] });
  const { resident } = await heldConversation(agent.client);
  const count = async () => ((await agent.client.call('GET', '/unread')).body.conversations.find((c: { conversationId: string }) => c.conversationId === resident.conversationId)?.unread ?? 0) as number;
  expect(await count()).toBe(0);
  await resident.say('are you there?');
  await resident.say('it is about my bin');
  expect(await count()).toBe(2);
  const view = await agent.client.call('GET', `/conversations/${resident.conversationId}`);
  const last = view.body.transcript.at(-1).id;
  expect((await agent.client.call('POST', `/conversations/${resident.conversationId}/read`, { upTo: 'abc' })).status).toBe(400);
  expect((await agent.client.call('POST', `/conversations/${resident.conversationId}/read`, { upTo: last })).status).toBe(204);
  expect(await count()).toBe(0);
  // Marking an older message read never moves it back.
  expect((await agent.client.call('POST', `/conversations/${resident.conversationId}/read`, { upTo: '1' })).status).toBe(204);
  expect(await count()).toBe(0);
  await resident.say('one more thing');
  expect(await count()).toBe(1);
}, 60_000);
